import { isAppError } from '@/domain/errors'
import { parseDashboardPeriod, parseDashboardSort } from '@/domain/stats/dashboard-metrics'
import type { DashboardPeriod, DashboardSort } from '@/domain/stats/dashboard-metrics-types'

export type PageSearchParams = Record<string, string | string[] | undefined>

/** The first value of a search parameter, or null. */
export function firstParam(query: PageSearchParams, name: string): string | null {
  const value = query[name]
  const single = typeof value === 'string' ? value : value?.[0]
  return single && single.trim() !== '' ? single.trim() : null
}

/**
 * A date as the period form writes it (dd/MM/yyyy, as every date in the UI; d/M/yyyy accepted) in the
 * 'yyyy-MM-dd' form of the URLs; anything else is passed on unchanged, for the period rules to refuse.
 */
export function isoDateParam(value: string | null): string | null {
  if (value === null) return null
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value)
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : value
}

/** Field errors of a period that did not parse, by search parameter (codes of dashboard-metrics.ts). */
export type PeriodErrors = Partial<Record<'tu' | 'den' | 'ky', string[]>>
/** What the period form shows besides the period: its errors and what was typed, when it could not be used. */
export type PeriodFormState = { errors: PeriodErrors; input: { tu: string; den: string } | null }

/**
 * The period and sort a dashboard page shows, read from its search parameters by the domain's rules
 * (parseDashboardPeriod, parseDashboardSort). A period or sort that does not parse falls back to the default
 * one; the period's errors and what was typed are returned for the form to show.
 */
export function readDashboardQuery(
  query: PageSearchParams,
  now: Date,
): { period: DashboardPeriod; sort: DashboardSort; periodForm: PeriodFormState } {
  let period: DashboardPeriod
  let periodErrors: PeriodErrors = {}
  let periodInput: { tu: string; den: string } | null = null
  const tu = firstParam(query, 'tu')
  const den = firstParam(query, 'den')
  try {
    period = parseDashboardPeriod({ tu: isoDateParam(tu), den: isoDateParam(den), ky: firstParam(query, 'ky') }, now)
  } catch (error) {
    if (!isAppError(error) || error.code !== 'INVALID_INPUT') throw error
    periodErrors = error.fieldErrors ?? { ky: ['INVALID_DATE'] }
    periodInput = { tu: (tu ?? '').slice(0, 20), den: (den ?? '').slice(0, 20) }
    period = parseDashboardPeriod({}, now)
  }
  let sort: DashboardSort
  try {
    sort = parseDashboardSort({ xep: firstParam(query, 'xep'), chieu: firstParam(query, 'chieu') })
  } catch (error) {
    if (!isAppError(error) || error.code !== 'INVALID_INPUT') throw error
    sort = parseDashboardSort({})
  }
  return { period, sort, periodForm: { errors: periodErrors, input: periodInput } }
}
