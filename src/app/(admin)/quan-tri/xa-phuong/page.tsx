import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { Pagination } from '@/components/admin/pagination'
import { AccountCounts } from '@/components/admin/commune-accounts/account-counts'
import { AccountFilters } from '@/components/admin/commune-accounts/account-filters'
import { AccountTable } from '@/components/admin/commune-accounts/account-table'
import { communeAccountsHref, COMMUNE_ACCOUNTS_HREF } from '@/components/admin/commune-accounts/hrefs'
import { AdminPageHeader } from '@/components/admin/admin-page-header'
import { Notice } from '@/components/ui/notice'
import { COMMUNE_QUERY_MAX, listCommuneAccounts } from '@/server/admin/commune-accounts'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** `?q=a&q=b` arrives as an array: the first value wins. */
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('AdminCommunes.list')
  return { title: t('metaTitle'), robots: { index: false } }
}

/** Every active commune with its collection account: searched without accents, filtered by account state, paged. */
export default async function CommuneAccountsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission('admin.configure', COMMUNE_ACCOUNTS_HREF)
  const params = await searchParams
  const input = { query: first(params.q), account: first(params['tai-khoan']), page: first(params.page) }
  const [t, admin, list] = await Promise.all([getTranslations('AdminCommunes'), getTranslations('Admin'), listCommuneAccounts(db(), { actor, input })])
  const { filters } = list
  const filtered = Boolean(filters.query || filters.account)

  return (
    <>
      <AdminPageHeader current="communes" crumbs={[{ label: admin('tabs.label') }, { label: t('list.title') }]} title={t('list.title')} lead={t('list.lead')} />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <AccountCounts counts={list.counts} />
        <AccountFilters filters={filters} maxQueryLength={COMMUNE_QUERY_MAX} />
        <section aria-labelledby="danh-sach-xa-phuong">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2 border-b-2 border-navy-800 pb-2">
            <h2 id="danh-sach-xa-phuong" className="text-xl font-bold text-navy-900">
              {t('list.caption')}
            </h2>
            <p className="text-sm text-slate-700" aria-live="polite">
              {filtered ? t('list.summaryFiltered', { total: list.total }) : t('list.summary', { total: list.total })}
            </p>
          </div>
          {list.items.length > 0 ? <AccountTable rows={list.items} /> : <Notice>{t('list.empty')}</Notice>}
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => communeAccountsHref({ ...filters, page })} />
        </section>
      </div>
    </>
  )
}
