import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { auditLogHref } from '@/components/admin/admin-hrefs'
import { AdminPageHeader } from '@/components/admin/admin-page-header'
import { AuditFilters } from '@/components/admin/audit-filters'
import { AuditTable } from '@/components/admin/audit-table'
import { Pagination } from '@/components/admin/pagination'
import { Notice } from '@/components/ui/notice'
import { listAuditLog } from '@/server/admin/list-audit-log'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Admin.audit')
  return { title: t('metaTitle'), robots: { index: false } }
}

/** The audit log: who did what, when, to which record; newest first, paged, filtered by action or record. */
export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission('admin.manageStaff', '/quan-tri/nhat-ky')
  const params = await searchParams
  const input = { action: first(params.action), entityId: first(params.entity), page: first(params.page) }
  const [t, log] = await Promise.all([getTranslations('Admin'), listAuditLog(db(), { actor, input })])
  const { filters } = log
  const subject = filters.entityId ? log.entries.find((entry) => entry.subject)?.subject : undefined

  return (
    <>
      <AdminPageHeader current="audit" crumbs={[{ label: t('tabs.label'), href: '/quan-tri' }, { label: t('audit.title') }]} title={t('audit.title')} lead={t('audit.lead')} />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        {filters.entityId ? (
          <Notice>
            {subject ? t('audit.forEntity', { name: `${subject.fullName}${subject.username ? ` (${subject.username})` : ''}` }) : t('audit.forEntityUnknown')}{' '}
            <Link href={auditLogHref({ action: filters.action })} className="font-semibold text-navy-800 underline">
              {t('audit.showAll')}
            </Link>
          </Notice>
        ) : null}
        <AuditFilters action={filters.action} entityId={filters.entityId} />
        <section aria-labelledby="nhat-ky-danh-sach">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2 border-b-2 border-navy-800 pb-2">
            <h2 id="nhat-ky-danh-sach" className="text-xl font-bold text-navy-900">
              {t('audit.caption')}
            </h2>
            <p className="text-sm text-slate-700">{t('audit.summary', { total: log.total })}</p>
          </div>
          {log.entries.length > 0 ? <AuditTable rows={log.entries} caption={t('audit.caption')} /> : <Notice>{t('audit.empty')}</Notice>}
          <Pagination page={log.page} pageCount={log.pageCount} hrefFor={(page) => auditLogHref({ ...filters, page })} />
        </section>
      </div>
    </>
  )
}
