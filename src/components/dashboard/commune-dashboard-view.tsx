import { getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import type { Crumb } from '@/components/ui/breadcrumb'
import { dashboardSearchParams } from '@/domain/stats/dashboard-metrics'
import type { CommuneDashboard } from '@/server/dashboard/dashboard-types'
import { DashboardHeader } from './dashboard-header'
import { ExportLinks } from './export-links'
import { FigureCards } from './figure-cards'
import { formatLocalDay } from './format'
import { PeriodForm } from './period-form'
import type { PeriodFormState } from './query'
import { RankingTable } from './ranking-table'
import { withQuery, type DashboardRoutes } from './routes'
import { SectionNav } from './section-nav'
import { SnapshotNote } from './snapshot-note'
import { TrendCharts } from './trend-chart'

/**
 * One commune's dashboard — for the province (/tinh/xa/[code]) and for the commune's own staff
 * (/can-bo/thong-ke): its figures, its procedures ranked by any column, its trends. `pagePath` is the page's own
 * path and `keep` the parameters it needs besides period and sort (the commune, for staff of several).
 */
export async function CommuneDashboardView({
  dashboard,
  routes,
  crumbs,
  title,
  lead,
  pagePath,
  keep = {},
  periodForm,
  aside,
}: {
  dashboard: CommuneDashboard
  routes: DashboardRoutes
  crumbs: Crumb[]
  title: string
  lead: string
  pagePath: string
  keep?: Record<string, string>
  periodForm: PeriodFormState
  /** Beside the title (e.g. the commune picker of staff working for several communes). */
  aside?: ReactNode
}) {
  const t = await getTranslations('Dashboard')
  const { commune, period, sort } = dashboard
  const periodParams = dashboardSearchParams(period)
  const pageParams = dashboardSearchParams(period, sort)
  const sortParams = Object.fromEntries([...pageParams].filter(([name]) => name === 'xep' || name === 'chieu'))
  const hrefWith = (params: URLSearchParams, hash = '') => {
    const query = new URLSearchParams(keep)
    for (const [name, value] of params) query.set(name, value)
    return `${withQuery(pagePath, query)}${hash}`
  }
  const exportParams = new URLSearchParams(pageParams)
  exportParams.set('xa', commune.code)
  const sections = [
    { id: 'tong-hop', label: t('commune.figures') },
    { id: 'theo-thu-tuc', label: t('procedures.title') },
    { id: 'dien-bien', label: t('trends.title') },
  ]
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <DashboardHeader crumbs={crumbs} title={title} lead={lead}>
        {aside}
      </DashboardHeader>
      <SectionNav sections={sections} related={[{ href: routes.serviceIndex(commune.code, periodParams), label: t('serviceIndexLink') }]} />
      <div className="mt-4">
        <PeriodForm
          period={period}
          errors={periodForm.errors} input={periodForm.input}
          keep={{ ...keep, ...sortParams }}
          presetHref={(days) => {
            const params = new URLSearchParams(sortParams)
            params.set('ky', String(days))
            return hrefWith(params)
          }}
        />
        <SnapshotNote now={dashboard.now} />
      </div>

      <section aria-labelledby="tong-hop" className="mt-8 scroll-mt-4">
        <h2 id="tong-hop" className="text-xl font-semibold text-navy-900">
          {t('commune.figures')}
        </h2>
        <div className="mt-3">
          <FigureCards
            figures={dashboard.figures}
            title={t('commune.figures')}
            listHref={(measure) => routes.list({ communeCode: commune.code, procedureCode: null, measure }, periodParams)}
          />
        </div>
      </section>

      <section aria-labelledby="theo-thu-tuc" className="mt-10 scroll-mt-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="theo-thu-tuc" className="text-xl font-semibold text-navy-900">
            {t('procedures.title')}
          </h2>
          <ExportLinks table="procedures" params={exportParams} />
        </div>
        <div className="mt-3">
          {dashboard.rows.length === 0 ? (
            <p className="text-slate-700">{t('procedures.empty')}</p>
          ) : (
            <RankingTable
              testId="procedures"
              longNames
              caption={t('procedures.caption', { count: dashboard.rows.length, commune: commune.name, from: formatLocalDay(period.from), to: formatLocalDay(period.to) })}
              nameHeader={t('table.procedure')}
              sort={sort}
              sortHref={(next) => hrefWith(dashboardSearchParams(period, next), '#theo-thu-tuc')}
              totals={{ label: t('table.communeTotal'), figures: dashboard.figures }}
              rows={dashboard.rows.map((row) => ({
                id: row.procedureId,
                rank: row.rank,
                name: row.procedureName,
                code: row.procedureCode,
                href: routes.procedure(commune.code, row.procedureCode, periodParams),
                figures: row,
                listHref: (measure) => routes.list({ communeCode: commune.code, procedureCode: row.procedureCode, measure }, periodParams),
              }))}
            />
          )}
        </div>
      </section>

      <section aria-labelledby="dien-bien" className="mt-10 scroll-mt-4">
        <h2 id="dien-bien" className="text-xl font-semibold text-navy-900">
          {t('trends.title')}
        </h2>
        <div className="mt-3">
          <TrendCharts trends={dashboard.trends} />
        </div>
      </section>
    </div>
  )
}
