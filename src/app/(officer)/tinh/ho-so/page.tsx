import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { DossierListView } from '@/components/dashboard/dossier-list-view'
import { readDashboardQuery, firstParam, type PageSearchParams } from '@/components/dashboard/query'
import { provinceRoutes as routes, withQuery } from '@/components/dashboard/routes'
import { dashboardSearchParams } from '@/domain/stats/dashboard-metrics'
import { DASHBOARD_MEASURES, type DashboardMeasure } from '@/domain/stats/dashboard-metrics-types'
import { isAppError } from '@/domain/errors'
import { requirePagePermission } from '@/server/auth/session'
import { listDashboardDossiers } from '@/server/dashboard/list-dashboard-dossiers'
import { db } from '@/server/db'
import { orNotFound } from '@/server/http/page-result'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.list'))('title') }
}

/** The dossiers behind a number of the provincial dashboard: `xa`, `chi-so`, optionally `thu-tuc`, the period. */
export default async function ProvinceDossierListPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const query = await searchParams
  const actor = await requirePagePermission('dashboard.readProvince', withQuery('/tinh/ho-so', new URLSearchParams(Object.entries(query).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])))))
  const communeCode = firstParam(query, 'xa')
  const measure = firstParam(query, 'chi-so')
  const procedureCode = firstParam(query, 'thu-tuc')
  if (!communeCode || !measure || !(DASHBOARD_MEASURES as readonly string[]).includes(measure)) notFound()
  const now = new Date()
  const { period, periodForm } = readDashboardQuery(query, now)
  const cursor = firstParam(query, 'sau')
  const input = { actor, communeCode, procedureCode, measure: measure as DashboardMeasure, period, now }
  const { page, paged } = await orNotFound(firstOrNextPage(input, cursor))
  const t = await getTranslations('Dashboard')
  const periodParams = dashboardSearchParams(period)
  const keep: Record<string, string> = { xa: page.commune.code, ...(page.procedure ? { 'thu-tuc': page.procedure.code } : {}), 'chi-so': page.measure }
  return (
    <DossierListView
      page={page}
      routes={routes}
      crumbs={[
        { label: t('title'), href: routes.province!(periodParams) },
        { label: page.commune.name, href: routes.commune(page.commune.code, periodParams) },
        ...(page.procedure ? [{ label: page.procedure.name, href: routes.procedure(page.commune.code, page.procedure.code, periodParams) }] : []),
        { label: t(`list.measure.${page.measure}`) },
      ]}
      period={period}
      now={now}
      pagePath="/tinh/ho-so"
      keep={keep}
      paged={paged}
      periodForm={periodForm}
    />
  )
}

type ListInput = Omit<Parameters<typeof listDashboardDossiers>[1], 'cursor' | 'limit'>

/** The page after `cursor`; a stale or edited cursor starts again at the first page. */
async function firstOrNextPage(input: ListInput, cursor: string | null) {
  try {
    return { page: await listDashboardDossiers(db(), { ...input, cursor }), paged: cursor !== null }
  } catch (error) {
    if (!cursor || !isAppError(error) || error.code !== 'INVALID_INPUT') throw error
    return { page: await listDashboardDossiers(db(), input), paged: false }
  }
}
