import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import type { DashboardFigures, DashboardMeasure, DashboardSort, DashboardSortKey, SortDirection } from '@/domain/stats/dashboard-metrics-types'
import { RANKING_COLUMNS, type FigureColumn } from './columns'
import { dashboardFormat, type DashboardFormat } from './format'
import { ScrollArea } from './scroll-area'

/** A row as the table shows it: its place in the sorted list, its name (a link when it has a page) and figures. */
export type RankingRow = {
  id: string
  rank: number
  name: string
  /** A code shown under the name (commune or procedure code). */
  code: string
  href: string | null
  figures: DashboardFigures
  /** The list of the dossiers behind a number of this row; null when the row has no such list. */
  listHref: ((measure: DashboardMeasure) => string) | null
}

const cell = 'px-2 py-1.5'
const numeric = 'px-1.5 py-1.5 text-right tabular-nums whitespace-nowrap'

export function figureText(format: DashboardFormat, column: FigureColumn, figures: DashboardFigures): string {
  const value = figures[column.key]
  if (column.kind === 'percent') return format.percent(value)
  if (column.kind === 'days') return format.decimal(value)
  return value === null ? format.percent(null) : format.count(value)
}

/**
 * A ranking (communes of the province, procedures of a commune): every column header is a link that sorts by it
 * (the sorted one carries aria-sort), each name opens its page and each number the dossiers behind it. Works
 * without JavaScript: sorting is a new request.
 */
export async function RankingTable({
  caption,
  nameHeader,
  rows,
  sort,
  sortHref,
  totals,
  testId,
  longNames = false,
}: {
  caption: string
  nameHeader: string
  rows: RankingRow[]
  sort: DashboardSort
  sortHref: (sort: DashboardSort) => string
  /** A last row summing the table (the province, the commune). */
  totals?: { label: string; figures: DashboardFigures } | null
  testId?: string
  /** Names may be long (procedures): clamped to two lines, and the column stays in place only on wider screens. */
  longNames?: boolean
}) {
  const [root, t, names, short, locale] = await Promise.all([
    getTranslations('Dashboard'),
    getTranslations('Dashboard.table'),
    getTranslations('Dashboard.figures'),
    getTranslations('Dashboard.short'),
    getLocale(),
  ])
  const format = dashboardFormat(locale, root('noData'))
  const directionWord = (direction: SortDirection) => (direction === 'asc' ? t('sortAsc') : t('sortDesc'))
  const header = (key: DashboardSortKey, label: string, title: string | undefined, className: string) => {
    const sorted = sort.key === key
    const next: SortDirection = sorted ? (sort.direction === 'asc' ? 'desc' : 'asc') : key === 'name' ? 'asc' : 'desc'
    return (
      <th
        key={key}
        scope="col"
        aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
        data-column={key}
        className={`${className} align-bottom font-semibold ${sorted ? 'bg-navy-50' : ''}`}
      >
        <Link href={sortHref({ key, direction: next })} title={title} className={`inline-flex items-end gap-1 text-navy-800 underline-offset-2 hover:underline ${key === 'name' ? '' : 'justify-end'}`}>
          <span>{label}</span>
          <span className="sr-only">, {t('sortLink', { direction: directionWord(next) })}</span>
          <span aria-hidden="true" className={sorted ? 'text-navy-900' : 'text-slate-400'}>
            {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </Link>
      </th>
    )
  }
  const figureCell = (row: RankingRow | null, column: FigureColumn, figures: DashboardFigures, border: string) => {
    const text = figureText(format, column, figures)
    const behind = figures[column.count] ?? 0
    const href = row?.listHref && behind > 0 && figures[column.key] !== null ? row.listHref(column.measure) : null
    const sorted = sort.key === column.key
    return (
      <td key={column.key} data-column={column.key} className={`${numeric} ${border} ${sorted ? 'bg-navy-50/60 font-semibold' : ''}`}>
        {href ? (
          <Link href={href} className="text-navy-800 underline decoration-navy-200 underline-offset-2 hover:decoration-navy-800">
            {text}
          </Link>
        ) : (
          text
        )}
      </td>
    )
  }
  const nameSticky = longNames ? 'sm:sticky sm:left-0' : 'sticky left-0'
  const sortedLabel = sort.key === 'name' ? nameHeader : names(sort.key)
  return (
    <ScrollArea label={caption} className="max-h-[75vh]">
      <table className="w-full min-w-[62rem] border-separate border-spacing-0 text-left text-sm" data-testid={testId}>
        <caption className="px-2 py-2 text-left text-sm text-slate-700">
          <span className="font-semibold text-navy-900">{caption}</span>
          <span className="block text-xs">
            {t('sortedBy', { column: sortedLabel, direction: directionWord(sort.direction) })} {t('sortHint')}
          </span>
        </caption>
        <thead className="sticky top-0 z-10 bg-slate-100 text-xs text-slate-700">
          <tr>
            <th scope="col" className={`${cell} align-bottom font-semibold`}>
              {t('rank')}
            </th>
            {header('name', nameHeader, undefined, `${cell} ${nameSticky} z-10 bg-slate-100 ${longNames ? 'min-w-56 sm:min-w-72' : 'min-w-40'}`)}
            {RANKING_COLUMNS.map((column) => header(column.key, short(column.key), names(column.key), 'min-w-16 px-1.5 py-1.5 text-right'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-row={row.code} className="odd:bg-white even:bg-slate-50">
              <td className={`${cell} border-t border-slate-200 text-slate-600 tabular-nums`}>{row.rank}</td>
              <th scope="row" className={`${cell} ${nameSticky} border-t border-slate-200 bg-inherit font-normal`}>
                {row.href ? (
                  <Link href={row.href} title={longNames ? row.name : undefined} className={`font-semibold text-navy-800 underline underline-offset-2 ${longNames ? 'line-clamp-2' : ''}`}>
                    {row.name}
                  </Link>
                ) : (
                  <span className={`font-semibold ${longNames ? 'line-clamp-2' : ''}`}>{row.name}</span>
                )}
                <span className="block font-mono text-xs text-slate-600">{row.code}</span>
              </th>
              {RANKING_COLUMNS.map((column) => figureCell(row, column, row.figures, 'border-t border-slate-200'))}
            </tr>
          ))}
        </tbody>
        {totals ? (
          <tfoot className="bg-slate-100 font-semibold">
            <tr>
              <td className={`${cell} border-t-2 border-slate-300`} />
              <th scope="row" className={`${cell} ${nameSticky} border-t-2 border-slate-300 bg-slate-100`}>
                {totals.label}
              </th>
              {RANKING_COLUMNS.map((column) => figureCell(null, column, totals.figures, 'border-t-2 border-slate-300'))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </ScrollArea>
  )
}
