import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { CommuneDashboardView } from '@/components/dashboard/commune-dashboard-view'
import { CommuneSwitch } from '@/components/dashboard/commune-switch'
import { readDashboardQuery, type PageSearchParams } from '@/components/dashboard/query'
import { Notice } from '@/components/ui/notice'
import { dashboardSearchParams } from '@/domain/stats/dashboard-metrics'
import { requirePagePermission } from '@/server/auth/session'
import { getCommuneDashboard } from '@/server/dashboard/get-commune-dashboard'
import { db } from '@/server/db'
import { orNotFound } from '@/server/http/page-result'
import { staffCommune } from './staff-commune'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.staff'))('title') }
}

/** The commune's own dashboard for its staff: the same figures the province sees, for their commune. */
export default async function StaffDashboardPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const actor = await requirePagePermission('dashboard.readCommune', '/can-bo/thong-ke')
  const query = await searchParams
  const [scope, t] = await Promise.all([staffCommune(actor, query), getTranslations('Dashboard')])
  if (!scope) {
    return (
      <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        <h1 className="text-2xl font-bold text-navy-900">{t('staff.title')}</h1>
        <div className="mt-4">
          <Notice tone="warning">{(await getTranslations('Dossier.staff'))('noCommune')}</Notice>
        </div>
      </div>
    )
  }
  const now = new Date()
  const { period, sort, periodForm } = readDashboardQuery(query, now)
  const dashboard = await orNotFound(getCommuneDashboard(db(), { actor, communeCode: scope.commune.code, period, sort, now }))
  return (
    <CommuneDashboardView
      dashboard={dashboard}
      routes={scope.routes}
      crumbs={[]}
      title={t('staff.title')}
      lead={t('staff.lead', { commune: dashboard.commune.name })}
      pagePath="/can-bo/thong-ke"
      keep={scope.keep}
      periodForm={periodForm}
      aside={scope.several ? <CommuneSwitch communes={scope.communes} current={scope.commune.code} keep={dashboardSearchParams(dashboard.period)} /> : null}
    />
  )
}
