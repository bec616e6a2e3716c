import { dashboardSearchParams } from '@/domain/stats/dashboard-metrics'
import { DASHBOARD_MEASURES, type DashboardMeasure, type DashboardPeriod } from '@/domain/stats/dashboard-metrics-types'
import type { Crumb } from '@/components/ui/breadcrumb'
import { firstParam, readDashboardQuery, type PageSearchParams } from './query'
import { provinceRoutes } from './routes'

/**
 * The way back from a dossier opened from a dashboard list (/tinh/ho-so/[ref]?xa=…&thu-tuc=…&chi-so=…&ky=…):
 * province → commune → procedure → list → the dossier, and the list as the "back" link. Opened from elsewhere,
 * just the province. Names come from the dossier itself; the parameters only make links.
 */
export function dossierTrail(
  query: PageSearchParams,
  now: Date,
  labels: { province: string; list: (measure: DashboardMeasure) => string; commune: string; procedure: string; dossier: string },
): { crumbs: Crumb[]; backHref: string } {
  const { period } = readDashboardQuery(query, now)
  const periodParams = dashboardSearchParams(period as DashboardPeriod)
  const communeCode = firstParam(query, 'xa')
  const procedureCode = firstParam(query, 'thu-tuc')
  const measure = firstParam(query, 'chi-so')
  const province: Crumb = { label: labels.province, href: provinceRoutes.province!(periodParams) }
  if (!communeCode || !/^\d{5}$/.test(communeCode) || !measure || !(DASHBOARD_MEASURES as readonly string[]).includes(measure)) {
    return { crumbs: [province, { label: labels.dossier }], backHref: province.href! }
  }
  const scope = { communeCode, procedureCode: procedureCode && /^[\w.-]{1,40}$/.test(procedureCode) ? procedureCode : null, measure: measure as DashboardMeasure }
  const list = provinceRoutes.list(scope, periodParams)
  return {
    crumbs: [
      province,
      { label: labels.commune, href: provinceRoutes.commune(communeCode, periodParams) },
      ...(scope.procedureCode ? [{ label: labels.procedure, href: provinceRoutes.procedure(communeCode, scope.procedureCode, periodParams) }] : []),
      { label: labels.list(scope.measure), href: list },
      { label: labels.dossier },
    ],
    backHref: list,
  }
}
