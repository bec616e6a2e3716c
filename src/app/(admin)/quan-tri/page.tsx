import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { NEW_STAFF_HREF, staffListHref } from '@/components/admin/admin-hrefs'
import { AdminPageHeader } from '@/components/admin/admin-page-header'
import { Pagination } from '@/components/admin/pagination'
import { StaffCounts } from '@/components/admin/staff-counts'
import { StaffFilters } from '@/components/admin/staff-filters'
import { StaffTable } from '@/components/admin/staff-table'
import { buttonStyles } from '@/components/ui/button-styles'
import { Notice } from '@/components/ui/notice'
import { listCommuneOptions } from '@/server/admin/list-commune-options'
import { listStaff, STAFF_QUERY_MAX } from '@/server/admin/list-staff'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** `?q=a&q=b` arrives as an array: the first value wins. */
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Admin.staffList')
  return { title: t('metaTitle'), robots: { index: false } }
}

/** Administration home: every staff account, filtered by search, role, commune and status, paged. */
export default async function StaffAccountsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission('admin.manageStaff', '/quan-tri')
  const params = await searchParams
  const input = { query: first(params.q), role: first(params.role), communeId: first(params.commune), status: first(params.status), page: first(params.page) }
  const [t, list, communes] = await Promise.all([
    getTranslations('Admin'),
    listStaff(db(), { actor, input }),
    listCommuneOptions(db(), { actor }),
  ])
  const { filters } = list
  const filtered = Boolean(filters.query || filters.role || filters.communeId || filters.status)

  return (
    <>
      <AdminPageHeader
        current="staff"
        crumbs={[{ label: t('tabs.label') }]}
        title={t('staffList.title')}
        lead={t('staffList.lead')}
        actions={
          <Link href={NEW_STAFF_HREF} className={buttonStyles.primary}>
            <span aria-hidden="true">+</span> {t('staffList.create')}
          </Link>
        }
      />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <StaffCounts counts={list.counts} />
        <StaffFilters filters={filters} communes={communes} maxQueryLength={STAFF_QUERY_MAX} />
        <section aria-labelledby="danh-sach-tai-khoan">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2 border-b-2 border-navy-800 pb-2">
            <h2 id="danh-sach-tai-khoan" className="text-xl font-bold text-navy-900">
              {t('staffList.caption')}
            </h2>
            <p className="text-sm text-slate-700" aria-live="polite">
              {filtered ? t('staffList.summaryFiltered', { total: list.total }) : t('staffList.summary', { total: list.total })}
            </p>
          </div>
          {list.items.length > 0 ? <StaffTable rows={list.items} /> : <Notice>{t('staffList.empty')}</Notice>}
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => staffListHref({ ...filters, page })} />
        </section>
      </div>
    </>
  )
}
