import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { ProcedureDashboardView } from '@/components/dashboard/procedure-dashboard-view'
import { readDashboardQuery, type PageSearchParams } from '@/components/dashboard/query'
import { provinceRoutes as routes } from '@/components/dashboard/routes'
import { dashboardSearchParams } from '@/domain/stats/dashboard-metrics'
import { requirePagePermission } from '@/server/auth/session'
import { getProcedureInCommune } from '@/server/dashboard/get-procedure-in-commune'
import { db } from '@/server/db'
import { orNotFound } from '@/server/http/page-result'

type Params = Promise<{ code: string; procedureCode: string }>

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard'))('title') }
}

/** One procedure in one commune of the province (read-only). */
export default async function ProvinceProcedurePage({ params, searchParams }: { params: Params; searchParams: Promise<PageSearchParams> }) {
  const { code, procedureCode } = await params
  const path = `/tinh/xa/${encodeURIComponent(code)}/thu-tuc/${encodeURIComponent(procedureCode)}`
  const actor = await requirePagePermission('dashboard.readProvince', path)
  const now = new Date()
  const { period, periodForm } = readDashboardQuery(await searchParams, now)
  const [data, t] = await Promise.all([orNotFound(getProcedureInCommune(db(), { actor, communeCode: code, procedureCode, period, now })), getTranslations('Dashboard')])
  const periodParams = dashboardSearchParams(data.period)
  return (
    <ProcedureDashboardView
      data={data}
      routes={routes}
      crumbs={[
        { label: t('title'), href: routes.province!(periodParams) },
        { label: data.commune.name, href: routes.commune(data.commune.code, periodParams) },
        { label: data.procedure.name },
      ]}
      pagePath={path}
      periodForm={periodForm}
    />
  )
}
