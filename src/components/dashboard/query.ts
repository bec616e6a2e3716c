import { isAppError } from '@/domain/errors'
import { parseDashboardSort, periodOrDefault } from '@/domain/stats/dashboard-metrics'
import type { DashboardPeriod, DashboardSort } from '@/domain/stats/dashboard-metrics-types'

export type PageSearchParams = Record<string, string | string[] | undefined>

/** The first value of a search parameter, or null. */
export function firstParam(query: PageSearchParams, name: string): string | null {
  const value = query[name]
  const single = typeof value === 'string' ? value : value?.[0]
  return single && single.trim() !== '' ? single.trim() : null
}

/** Field errors of a period that did not parse, by search parameter (codes of dashboard-metrics.ts). */
export type PeriodErrors = Partial<Record<'tu' | 'den' | 'ky', string[]>>
/** What the period form shows besides the period: its errors and what was typed, when it could not be used. */
export type PeriodFormState = { errors: PeriodErrors; input: { tu: string; den: string } | null }

/**
 * The period and sort a dashboard page shows, read from its search parameters by the domain's rules
 * (periodOrDefault, parseDashboardSort). A period or sort that does not parse falls back to the default
 * one; the period's errors and what was typed are returned for the form to show.
 */
export function readDashboardQuery(
  query: PageSearchParams,
  now: Date,
): { period: DashboardPeriod; sort: DashboardSort; periodForm: PeriodFormState } {
  const tu = firstParam(query, 'tu')
  const den = firstParam(query, 'den')
  const { period, fieldErrors } = periodOrDefault({ tu, den, ky: firstParam(query, 'ky') }, now)
  const periodForm: PeriodFormState = fieldErrors
    ? { errors: fieldErrors, input: { tu: (tu ?? '').slice(0, 20), den: (den ?? '').slice(0, 20) } }
    : { errors: {}, input: null }
  let sort: DashboardSort
  try {
    sort = parseDashboardSort({ xep: firstParam(query, 'xep'), chieu: firstParam(query, 'chieu') })
  } catch (error) {
    if (!isAppError(error) || error.code !== 'INVALID_INPUT') throw error
    sort = parseDashboardSort({})
  }
  return { period, sort, periodForm }
}
