import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { ProcedureDashboardView } from '@/components/dashboard/procedure-dashboard-view'
import { readDashboardQuery, type PageSearchParams } from '@/components/dashboard/query'
import { dashboardSearchParams } from '@/domain/stats/dashboard-metrics'
import { requirePagePermission } from '@/server/auth/session'
import { getProcedureInCommune } from '@/server/dashboard/get-procedure-in-commune'
import { db } from '@/server/db'
import { orNotFound } from '@/server/http/page-result'
import { staffCommune } from '../../staff-commune'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.staff'))('title') }
}

/** One procedure of the viewer's commune. */
export default async function StaffProcedureDashboardPage({ params, searchParams }: { params: Promise<{ procedureCode: string }>; searchParams: Promise<PageSearchParams> }) {
  const { procedureCode } = await params
  const path = `/can-bo/thong-ke/thu-tuc/${encodeURIComponent(procedureCode)}`
  const actor = await requirePagePermission('dashboard.readCommune', path)
  const query = await searchParams
  const scope = await staffCommune(actor, query)
  if (!scope) notFound()
  const now = new Date()
  const { period, periodForm } = readDashboardQuery(query, now)
  const [data, t] = await Promise.all([orNotFound(getProcedureInCommune(db(), { actor, communeCode: scope.commune.code, procedureCode, period, now })), getTranslations('Dashboard')])
  const periodParams = dashboardSearchParams(data.period)
  return (
    <ProcedureDashboardView
      data={data}
      routes={scope.routes}
      crumbs={[{ label: t('staff.title'), href: scope.routes.commune(data.commune.code, periodParams) }, { label: data.procedure.name }]}
      pagePath={path}
      keep={scope.keep}
      periodForm={periodForm}
    />
  )
}
