import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { DossierListView } from '@/components/dashboard/dossier-list-view'
import { firstParam, readDashboardQuery, type PageSearchParams } from '@/components/dashboard/query'
import { dashboardSearchParams } from '@/domain/stats/dashboard-metrics'
import { DASHBOARD_MEASURES, type DashboardMeasure } from '@/domain/stats/dashboard-metrics-types'
import { isAppError } from '@/domain/errors'
import { requirePagePermission } from '@/server/auth/session'
import { listDashboardDossiers } from '@/server/dashboard/list-dashboard-dossiers'
import { db } from '@/server/db'
import { orNotFound } from '@/server/http/page-result'
import { staffCommune } from '../staff-commune'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.list'))('title') }
}

/** The dossiers of the viewer's commune behind a number of its dashboard (`chi-so`, optionally `thu-tuc`). */
export default async function StaffDossierListPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const actor = await requirePagePermission('dashboard.readCommune', '/can-bo/thong-ke')
  const query = await searchParams
  const scope = await staffCommune(actor, query)
  const measure = firstParam(query, 'chi-so')
  if (!scope || !measure || !(DASHBOARD_MEASURES as readonly string[]).includes(measure)) notFound()
  const procedureCode = firstParam(query, 'thu-tuc')
  const now = new Date()
  const { period, periodForm } = readDashboardQuery(query, now)
  const cursor = firstParam(query, 'sau')
  const input = { actor, communeCode: scope.commune.code, procedureCode, measure: measure as DashboardMeasure, period, now }
  const { page, paged } = await orNotFound(firstOrNextPage(input, cursor))
  const t = await getTranslations('Dashboard')
  const periodParams = dashboardSearchParams(period)
  const { routes } = scope
  return (
    <DossierListView
      page={page}
      routes={routes}
      crumbs={[
        { label: t('staff.title'), href: routes.commune(page.commune.code, periodParams) },
        ...(page.procedure ? [{ label: page.procedure.name, href: routes.procedure(page.commune.code, page.procedure.code, periodParams) }] : []),
        { label: t(`list.measure.${page.measure}`) },
      ]}
      period={period}
      now={now}
      pagePath="/can-bo/thong-ke/ho-so"
      keep={{ ...scope.keep, ...(page.procedure ? { 'thu-tuc': page.procedure.code } : {}), 'chi-so': page.measure }}
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
