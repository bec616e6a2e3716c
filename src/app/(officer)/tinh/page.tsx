import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { AlertLists } from '@/components/dashboard/alert-lists'
import { DashboardHeader } from '@/components/dashboard/dashboard-header'
import { ExportLinks } from '@/components/dashboard/export-links'
import { formatLocalDay } from '@/components/dashboard/format'
import { FigureCards } from '@/components/dashboard/figure-cards'
import { PeriodForm } from '@/components/dashboard/period-form'
import { readDashboardQuery, type PageSearchParams } from '@/components/dashboard/query'
import { RankingTable } from '@/components/dashboard/ranking-table'
import { provinceRoutes as routes, withQuery } from '@/components/dashboard/routes'
import { SectionNav } from '@/components/dashboard/section-nav'
import { SnapshotNote } from '@/components/dashboard/snapshot-note'
import { TrendCharts } from '@/components/dashboard/trend-chart'
import { dashboardSearchParams } from '@/domain/stats/dashboard-metrics'
import { requirePagePermission } from '@/server/auth/session'
import { getProvinceDashboard } from '@/server/dashboard/get-province-dashboard'
import { db } from '@/server/db'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard'))('title') }
}

/**
 * The provincial dashboard (issue 8): for a period, the province's figures, every commune ranked by any column,
 * the trends by day and week and the communes to look at. Every number leads down to the dossiers behind it.
 */
export default async function ProvinceDashboardPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const actor = await requirePagePermission('dashboard.readProvince', '/tinh')
  const now = new Date()
  const { period, sort, periodForm } = readDashboardQuery(await searchParams, now)
  const [dashboard, t] = await Promise.all([getProvinceDashboard(db(), { actor, period, sort, now }), getTranslations('Dashboard')])
  const periodParams = dashboardSearchParams(dashboard.period)
  const pageParams = dashboardSearchParams(dashboard.period, dashboard.sort)
  const sortParams = Object.fromEntries([...pageParams].filter(([name]) => name === 'xep' || name === 'chieu'))
  const sections = [
    { id: 'tong-hop', label: t('cards.title') },
    { id: 'canh-bao', label: t('alerts.title') },
    { id: 'xep-hang', label: t('ranking.title') },
    { id: 'dien-bien', label: t('trends.title') },
  ]
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <DashboardHeader
        crumbs={[]}
        title={t('title')}
        lead={t('lead', { count: dashboard.rows.length, province: dashboard.province?.name ?? 'none' })}
      />
      <SectionNav sections={sections} related={[{ href: routes.serviceIndex(null, periodParams), label: t('serviceIndexLink') }]} />
      <div className="mt-4">
        <PeriodForm
          period={dashboard.period}
          errors={periodForm.errors} input={periodForm.input}
          keep={sortParams}
          presetHref={(days) => {
            const params = new URLSearchParams(sortParams)
            params.set('ky', String(days))
            return withQuery('/tinh', params)
          }}
        />
        <SnapshotNote now={dashboard.now} />
      </div>

      <section aria-labelledby="tong-hop" className="mt-8 scroll-mt-4">
        <h2 id="tong-hop" className="text-xl font-semibold text-navy-900">
          {t('cards.title')} · {dashboard.province?.name ?? t('province')}
        </h2>
        <div className="mt-3">
          <FigureCards figures={dashboard.totals} title={t('cards.title')} />
        </div>
      </section>

      <section aria-labelledby="canh-bao" className="mt-10 scroll-mt-4">
        <h2 id="canh-bao" className="text-xl font-semibold text-navy-900">
          {t('alerts.title')}
        </h2>
        <div className="mt-3">
          <AlertLists
            alerts={dashboard.alerts}
            communeHref={(code) => routes.commune(code, periodParams)}
            overdueHref={(code) => routes.list({ communeCode: code, procedureCode: null, measure: 'overdueNow' }, periodParams)}
          />
        </div>
      </section>

      <section aria-labelledby="xep-hang" className="mt-10 scroll-mt-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="min-w-0">
            <h2 id="xep-hang" className="text-xl font-semibold text-navy-900">
              {t('ranking.title')}
            </h2>
            <p className="mt-1 text-sm text-slate-700">{t('ranking.lead')}</p>
          </div>
          <ExportLinks table="ranking" params={pageParams} pdf />
        </div>
        <div className="mt-3">
          <RankingTable
            testId="ranking"
            caption={t('ranking.caption', { count: dashboard.rows.length, from: formatLocalDay(dashboard.period.from), to: formatLocalDay(dashboard.period.to) })}
            nameHeader={t('table.commune')}
            sort={dashboard.sort}
            sortHref={(next) => `${withQuery('/tinh', dashboardSearchParams(dashboard.period, next))}#xep-hang`}
            totals={{ label: dashboard.province?.name ?? t('table.total'), figures: dashboard.totals }}
            rows={dashboard.rows.map((row) => ({
              id: row.communeId,
              rank: row.rank,
              name: row.communeName,
              code: row.communeCode,
              href: routes.commune(row.communeCode, periodParams),
              figures: row,
              listHref: (measure) => routes.list({ communeCode: row.communeCode, procedureCode: null, measure }, periodParams),
            }))}
          />
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
