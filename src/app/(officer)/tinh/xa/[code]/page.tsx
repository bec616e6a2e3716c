import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { CommuneDashboardView } from '@/components/dashboard/commune-dashboard-view'
import { readDashboardQuery, type PageSearchParams } from '@/components/dashboard/query'
import { provinceRoutes as routes } from '@/components/dashboard/routes'
import { dashboardSearchParams } from '@/domain/stats/dashboard-metrics'
import { requirePagePermission } from '@/server/auth/session'
import { getCommuneDashboard } from '@/server/dashboard/get-commune-dashboard'
import { db } from '@/server/db'
import { orNotFound } from '@/server/http/page-result'

type Params = Promise<{ code: string }>

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard'))('title') }
}

/** One commune of the province: its figures, its procedures ranked, its trends (read-only). */
export default async function ProvinceCommunePage({ params, searchParams }: { params: Params; searchParams: Promise<PageSearchParams> }) {
  const { code } = await params
  const path = `/tinh/xa/${encodeURIComponent(code)}`
  const actor = await requirePagePermission('dashboard.readProvince', path)
  const now = new Date()
  const { period, sort, periodForm } = readDashboardQuery(await searchParams, now)
  const [dashboard, t] = await Promise.all([orNotFound(getCommuneDashboard(db(), { actor, communeCode: code, period, sort, now })), getTranslations('Dashboard')])
  const periodParams = dashboardSearchParams(dashboard.period)
  return (
    <CommuneDashboardView
      dashboard={dashboard}
      routes={routes}
      crumbs={[{ label: t('title'), href: routes.province!(periodParams) }, { label: dashboard.commune.name }]}
      title={dashboard.commune.name}
      lead={t('commune.lead', { commune: dashboard.commune.name })}
      pagePath={path}
      periodForm={periodForm}
    />
  )
}
