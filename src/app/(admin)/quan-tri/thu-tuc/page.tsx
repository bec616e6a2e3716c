import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { AdminPageHeader } from '@/components/admin/admin-page-header'
import { ProcedureFeeTable } from '@/components/admin/procedure-fees/fee-table'
import { PROCEDURE_FEES_HREF } from '@/components/admin/procedure-fees/hrefs'
import { Notice } from '@/components/ui/notice'
import { listProcedureFees } from '@/server/admin/procedure-fees'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('AdminProcedures.list')
  return { title: t('metaTitle'), robots: { index: false } }
}

/** Every procedure with its current fee: amount, when paid, how counted, exemptions, and whether it is verified. */
export default async function ProcedureFeesPage() {
  const actor = await requirePagePermission('admin.configure', PROCEDURE_FEES_HREF)
  const [t, admin, list] = await Promise.all([getTranslations('AdminProcedures'), getTranslations('Admin'), listProcedureFees(db(), { actor })])

  return (
    <>
      <AdminPageHeader current="procedures" crumbs={[{ label: admin('tabs.label') }, { label: t('list.title') }]} title={t('list.title')} lead={t('list.lead')} />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        {list.unverified > 0 ? <Notice tone="warning">{t('list.unverifiedSummary', { count: list.unverified })}</Notice> : null}
        <section aria-labelledby="danh-sach-thu-tuc">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2 border-b-2 border-navy-800 pb-2">
            <h2 id="danh-sach-thu-tuc" className="text-xl font-bold text-navy-900">
              {t('list.caption')}
            </h2>
            <p className="text-sm text-slate-700">{t('list.summary', { total: list.total })}</p>
          </div>
          {list.items.length > 0 ? <ProcedureFeeTable rows={list.items} /> : <Notice>{t('list.empty')}</Notice>}
        </section>
      </div>
    </>
  )
}
