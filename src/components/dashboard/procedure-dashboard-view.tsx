import { getTranslations } from 'next-intl/server'
import type { Crumb } from '@/components/ui/breadcrumb'
import { dashboardSearchParams } from '@/domain/stats/dashboard-metrics'
import type { ProcedureInCommune } from '@/server/dashboard/dashboard-types'
import { DashboardHeader } from './dashboard-header'
import { FigureCards } from './figure-cards'
import { PeriodForm } from './period-form'
import type { PeriodFormState } from './query'
import { withQuery, type DashboardRoutes } from './routes'
import { SnapshotNote } from './snapshot-note'
import { TrendCharts } from './trend-chart'

/** One procedure in one commune: its figures (each leading to its dossiers) and its trends. */
export async function ProcedureDashboardView({
  data,
  routes,
  crumbs,
  pagePath,
  keep = {},
  periodForm,
}: {
  data: ProcedureInCommune
  routes: DashboardRoutes
  crumbs: Crumb[]
  pagePath: string
  keep?: Record<string, string>
  periodForm: PeriodFormState
}) {
  const t = await getTranslations('Dashboard')
  const { commune, procedure, period } = data
  const periodParams = dashboardSearchParams(period)
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <DashboardHeader crumbs={crumbs} title={procedure.name} lead={t('procedure.lead', { code: procedure.code, commune: commune.name })} />
      <div className="mt-4">
        <PeriodForm
          period={period}
          errors={periodForm.errors} input={periodForm.input}
          keep={keep}
          presetHref={(days) => withQuery(pagePath, new URLSearchParams({ ...keep, ky: String(days) }))}
        />
        <SnapshotNote now={data.now} />
      </div>
      <section aria-labelledby="tong-hop" className="mt-8">
        <h2 id="tong-hop" className="text-xl font-semibold text-navy-900">
          {t('procedure.figures')}
        </h2>
        <div className="mt-3">
          <FigureCards
            figures={data.figures}
            title={t('procedure.figures')}
            listHref={(measure) => routes.list({ communeCode: commune.code, procedureCode: procedure.code, measure }, periodParams)}
          />
        </div>
      </section>
      <section aria-labelledby="dien-bien" className="mt-10">
        <h2 id="dien-bien" className="text-xl font-semibold text-navy-900">
          {t('trends.title')}
        </h2>
        <div className="mt-3">
          <TrendCharts trends={data.trends} />
        </div>
      </section>
    </div>
  )
}
