import { formatCount, formatPercent, formatPoints, type IndexLocale } from '@/domain/stats/service-index'

/** The page's language as the index's display helpers name it. */
export function indexLocale(locale: string): IndexLocale {
  return locale === 'en' ? 'en' : 'vi'
}

/** Display helpers bound to a language; `dash` for a missing figure (never 0 nor 100 %). */
export function indexFormat(locale: IndexLocale, dash: string) {
  return {
    count: (value: number | null) => (value === null ? dash : formatCount(value, locale)),
    points: (value: number | null) => (value === null ? dash : formatPoints(value, locale)),
    percent: (ratio: number | null) => (ratio === null ? dash : formatPercent(ratio, locale)),
  }
}
export type IndexFormat = ReturnType<typeof indexFormat>

/** 'yyyy-MM-dd' (a local date) → 'dd/MM/yyyy'. */
export function formatLocalDay(day: string): string {
  const [year, month, date] = day.split('-')
  return `${date}/${month}/${year}`
}
