import type { LocalDate } from '@/domain/stats/dashboard-metrics-types'

/**
 * How the dashboard writes its figures: counts grouped by the locale (vi-VN "1.234", en-US "1,234"), ratios as
 * percentages with one decimal, working days with one decimal, local dates as dd/MM/yyyy in both languages.
 * Display only: every figure arrives computed (src/domain/stats/dashboard-metrics.ts).
 */
export type DashboardFormat = {
  count: (value: number) => string
  percent: (ratio: number | null) => string
  decimal: (value: number | null) => string
  date: (day: LocalDate) => string
  shortDate: (day: LocalDate) => string
}

const cache = new Map<string, DashboardFormat>()

/** 'yyyy-MM-dd' → 'dd/MM/yyyy' (no time zone involved: it is already a local date). */
export function formatLocalDay(day: LocalDate): string {
  const [year, month, date] = day.split('-')
  return `${date}/${month}/${year}`
}

export function dashboardFormat(locale: string, noData: string): DashboardFormat {
  const key = `${locale}|${noData}`
  const known = cache.get(key)
  if (known) return known
  const tag = locale === 'en' ? 'en-US' : 'vi-VN'
  const count = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 })
  const percent = new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const decimal = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const format: DashboardFormat = {
    count: (value) => count.format(value),
    percent: (ratio) => (ratio === null ? noData : percent.format(ratio)),
    decimal: (value) => (value === null ? noData : decimal.format(value)),
    date: formatLocalDay,
    shortDate: (day) => formatLocalDay(day).slice(0, 5),
  }
  cache.set(key, format)
  return format
}
