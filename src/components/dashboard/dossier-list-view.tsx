import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import type { Crumb } from '@/components/ui/breadcrumb'
import { dashboardSearchParams } from '@/domain/stats/dashboard-metrics'
import { DASHBOARD_MEASURE_BASIS } from '@/domain/stats/dashboard-metrics-types'
import { formatDateTime } from '@/lib/format/date'
import type { DashboardDossierPage, DashboardPeriod } from '@/server/dashboard/dashboard-types'
import { DashboardHeader } from './dashboard-header'
import { DossierListTable } from './dossier-list-table'
import { ExportLinks } from './export-links'
import { dashboardFormat, formatLocalDay } from './format'
import { PeriodForm } from './period-form'
import type { PeriodFormState } from './query'
import { withQuery, type DashboardRoutes } from './routes'

/**
 * The dossiers behind a dashboard number, a page at a time (keyset: "next page" carries the cursor in `sau`).
 * Its total equals the number it was opened from.
 */
export async function DossierListView({
  page,
  routes,
  crumbs,
  period,
  now,
  pagePath,
  keep,
  paged,
  periodForm,
}: {
  page: DashboardDossierPage
  routes: DashboardRoutes
  crumbs: Crumb[]
  period: DashboardPeriod
  now: Date
  pagePath: string
  /** The list's own parameters (commune when needed, procedure, measure), besides the period. */
  keep: Record<string, string>
  /** Whether this is a later page (a cursor was given). */
  paged: boolean
  periodForm: PeriodFormState
}) {
  const [t, locale] = await Promise.all([getTranslations('Dashboard'), getLocale()])
  const f = dashboardFormat(locale, t('noData'))
  const { measure, commune, procedure } = page
  const open = DASHBOARD_MEASURE_BASIS[measure] === 'OPEN'
  const periodParams = dashboardSearchParams(period)
  const listParams = new URLSearchParams({ ...keep })
  for (const [name, value] of periodParams) listParams.set(name, value)
  const scope = { communeCode: commune.code, procedureCode: procedure?.code ?? null, measure }
  const exportParams = new URLSearchParams(listParams)
  exportParams.set('xa', commune.code)
  const title = t(`list.measure.${measure}`)
  const scopeText = t('list.scope', { commune: commune.name, procedure: procedure?.name ?? 'none' })
  const next = page.nextCursor ? (() => {
    const params = new URLSearchParams(listParams)
    params.set('sau', page.nextCursor)
    return withQuery(pagePath, params)
  })() : null
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <DashboardHeader crumbs={crumbs} title={title} lead={scopeText}>
        <ExportLinks table="dossiers" params={exportParams} />
      </DashboardHeader>
      <p className="mt-2 text-sm text-slate-700">
        <span className="font-semibold text-navy-900" data-testid="list-total">
          {t('list.total', { total: page.total })}
        </span>{' '}
        · {open ? t('list.openNote', { now: formatDateTime(now) }) : t('list.periodNote', { from: formatLocalDay(period.from), to: formatLocalDay(period.to) })}
      </p>
      {open ? null : (
        <div className="mt-4">
          <PeriodForm period={period} errors={periodForm.errors} input={periodForm.input} keep={keep} presetHref={(days) => withQuery(pagePath, new URLSearchParams({ ...keep, ky: String(days) }))} />
        </div>
      )}
      <div className="mt-4">
        {page.rows.length === 0 ? (
          <p className="text-slate-700">{t('list.empty')}</p>
        ) : (
          <DossierListTable
            rows={page.rows}
            measure={measure}
            caption={t('list.caption', { measure: title, scope: scopeText })}
            showProcedure={procedure === null}
            dossierHref={(code) => routes.dossier(code, scope, periodParams)}
          />
        )}
      </div>
      <nav className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm" aria-label={t('list.pages')}>
        <span>{t('list.shown', { count: page.rows.length, total: f.count(page.total) })}</span>
        <span className="flex gap-4">
          {paged ? (
            <Link href={withQuery(pagePath, listParams)} className="font-semibold text-navy-800 underline">
              {t('list.first')}
            </Link>
          ) : null}
          {next ? (
            <Link href={next} rel="next" className="font-semibold text-navy-800 underline">
              {t('list.next')}
            </Link>
          ) : null}
        </span>
      </nav>
    </div>
  )
}
