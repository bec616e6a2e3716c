import type { DashboardMeasure } from '@/domain/stats/dashboard-metrics-types'

/**
 * Where the links of a dashboard lead. The province's pages live under /tinh (dossiers open read-only at
 * /tinh/ho-so/[ref]); a commune's own staff see their commune under /can-bo/thong-ke and open dossiers in their
 * workspace (/can-bo/ho-so/[ref]). `params` carries the period (dashboardSearchParams) into every link.
 */
export type DashboardRoutes = {
  audience: 'province' | 'commune'
  /** The province page (null for commune staff). */
  province: ((params: URLSearchParams) => string) | null
  commune: (communeCode: string, params: URLSearchParams) => string
  procedure: (communeCode: string, procedureCode: string, params: URLSearchParams) => string
  list: (scope: ListScope, params: URLSearchParams) => string
  dossier: (code: string, scope: ListScope, params: URLSearchParams) => string
  /** The Decision 766 service-quality index of a commune, or of the province (null). */
  serviceIndex: (communeCode: string | null, params: URLSearchParams) => string
}

export type ListScope = { communeCode: string; procedureCode: string | null; measure: DashboardMeasure }

/** `path?query`, or `path` alone when there is no parameter. */
export const withQuery = (path: string, params: URLSearchParams) => {
  const query = params.toString()
  return query ? `${path}?${query}` : path
}

function listParams(scope: ListScope, params: URLSearchParams, withCommune: boolean): URLSearchParams {
  const query = new URLSearchParams()
  if (withCommune) query.set('xa', scope.communeCode)
  if (scope.procedureCode) query.set('thu-tuc', scope.procedureCode)
  query.set('chi-so', scope.measure)
  for (const [name, value] of params) if (!['xa', 'thu-tuc', 'chi-so', 'xep', 'chieu', 'sau'].includes(name)) query.set(name, value)
  return query
}

export const provinceRoutes: DashboardRoutes = {
  audience: 'province',
  province: (params) => withQuery('/tinh', params),
  commune: (communeCode, params) => withQuery(`/tinh/xa/${encodeURIComponent(communeCode)}`, params),
  procedure: (communeCode, procedureCode, params) => withQuery(`/tinh/xa/${encodeURIComponent(communeCode)}/thu-tuc/${encodeURIComponent(procedureCode)}`, params),
  list: (scope, params) => withQuery('/tinh/ho-so', listParams(scope, params, true)),
  // The list's parameters ride along so the dossier page can show the way back (breadcrumb).
  dossier: (code, scope, params) => withQuery(`/tinh/ho-so/${encodeURIComponent(code)}`, listParams(scope, params, true)),
  serviceIndex: (communeCode, params) => withQuery(communeCode === null ? '/tinh/chi-so' : `/tinh/xa/${encodeURIComponent(communeCode)}/chi-so`, params),
}

/** For commune staff; `communeInUrl` when the viewer works for several communes (then `xa` names the one shown). */
export function staffRoutes(communeInUrl: boolean): DashboardRoutes {
  const withCommune = (communeCode: string, params: URLSearchParams) => {
    const query = new URLSearchParams(params)
    if (communeInUrl) query.set('xa', communeCode)
    else query.delete('xa')
    return query
  }
  return {
    audience: 'commune',
    province: null,
    commune: (communeCode, params) => withQuery('/can-bo/thong-ke', withCommune(communeCode, params)),
    procedure: (communeCode, procedureCode, params) => withQuery(`/can-bo/thong-ke/thu-tuc/${encodeURIComponent(procedureCode)}`, withCommune(communeCode, params)),
    list: (scope, params) => withQuery('/can-bo/thong-ke/ho-so', listParams(scope, params, communeInUrl)),
    dossier: (code) => `/can-bo/ho-so/${encodeURIComponent(code)}`,
    serviceIndex: (communeCode, params) => withQuery('/can-bo/chi-so', communeCode === null ? params : withCommune(communeCode, params)),
  }
}
