import { getLocale, getTranslations } from 'next-intl/server'
import type { DashboardTrends, TrendCounts } from '@/domain/stats/dashboard-metrics-types'
import { dashboardFormat } from './format'
import { ScrollArea } from './scroll-area'

const SERIES = [
  { key: 'received', stroke: '#1d4079', dash: undefined, swatch: 'border-navy-700' },
  { key: 'resolved', stroke: '#047857', dash: '8 5', swatch: 'border-emerald-700 border-dashed' },
  { key: 'resolvedLate', stroke: '#c42b22', dash: '2 4', swatch: 'border-gov-red-600 border-dotted' },
] as const satisfies readonly { key: keyof TrendCounts; stroke: string; dash: string | undefined; swatch: string }[]

type Point = { key: string; label: string; axisLabel: string; values: TrendCounts }

const WIDTH = 1000
const HEIGHT = 300

/**
 * The top of the axis: the smallest "round" number at or above `value` (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ)
 * whose half, the middle grid line, is a whole number too.
 */
function roundUp(value: number): number {
  if (value <= 2) return 2
  const magnitude = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    const candidate = step * magnitude
    if (candidate >= value && Number.isInteger(candidate / 2)) return candidate
  }
  return 10 * magnitude
}

/**
 * One trend as a line chart drawn on the server (SVG, no script): received, resolved and resolved late, with
 * their legend; the axis labels are HTML so they stay legible at any width. The same numbers follow as a table
 * (in a disclosure) for screen readers and anyone who prefers figures.
 */
async function LineChart({ id, title, points, from, to, firstColumn }: { id: string; title: string; points: Point[]; from: string; to: string; firstColumn: string }) {
  const [t, root, locale] = await Promise.all([getTranslations('Dashboard.trends'), getTranslations('Dashboard'), getLocale()])
  const f = dashboardFormat(locale, root('noData'))
  const max = roundUp(Math.max(0, ...points.flatMap((point) => SERIES.map((series) => point.values[series.key]))))
  const x = (index: number) => (points.length <= 1 ? WIDTH / 2 : (index * WIDTH) / (points.length - 1))
  const y = (value: number) => HEIGHT - (value / max) * HEIGHT
  const path = (key: keyof TrendCounts) => points.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(index).toFixed(1)} ${y(point.values[key]).toFixed(1)}`).join(' ')
  const peak = points.reduce<Point | null>((best, point) => (best === null || point.values.received > best.values.received ? point : best), null)
  const sum = (key: keyof TrendCounts) => points.reduce((total, point) => total + point.values[key], 0)
  const label = `${t('chartLabel', { granularity: title.toLowerCase(), from, to })} ${
    peak ? t('chartSummary', { max: f.count(peak.values.received), at: peak.label, received: f.count(sum('received')), resolved: f.count(sum('resolved')) }) : t('empty')
  }`
  const ticks = points.length <= 1 ? [0] : [0, Math.floor((points.length - 1) / 2), points.length - 1]
  return (
    <figure className="min-w-0 rounded border border-slate-200 bg-white p-3" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="font-semibold text-navy-900">
        {title}
      </figcaption>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-hidden="true">
        {SERIES.map((series) => (
          <li key={series.key} className="flex items-center gap-1.5">
            <span className={`inline-block w-6 border-t-[3px] ${series.swatch}`} />
            {t(`series.${series.key}`)}
          </li>
        ))}
      </ul>
      <div className="mt-2 grid grid-cols-[auto_1fr] gap-x-2">
        <div className="flex h-44 flex-col justify-between text-right text-xs text-slate-600 tabular-nums" aria-hidden="true">
          <span className="-translate-y-1/2">{f.count(max)}</span>
          <span>{f.count(max / 2)}</span>
          <span className="translate-y-1/2">0</span>
        </div>
        <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" overflow="visible" className="h-44 w-full" data-testid={`${id}-svg`}>
          {[0, 0.5, 1].map((share) => (
            <line key={share} x1={0} x2={WIDTH} y1={HEIGHT * share} y2={HEIGHT * share} stroke="#cbd5e1" strokeWidth={1} vectorEffect="non-scaling-stroke" />
          ))}
          {points.length === 0
            ? null
            : SERIES.map((series) => (
                <path
                  key={series.key}
                  d={points.length === 1 ? `M${x(0) - 6} ${y(points[0]!.values[series.key])} h12` : path(series.key)}
                  fill="none"
                  stroke={series.stroke}
                  strokeWidth={2.5}
                  strokeDasharray={series.dash}
                  strokeLinejoin="round"
                  vectorEffect="non-scaling-stroke"
                />
              ))}
        </svg>
        <div />
        <div className="relative mt-1 h-4 text-xs text-slate-600" aria-hidden="true">
          {ticks.map((index, position) => (
            <span
              key={index}
              className={`absolute whitespace-nowrap ${position === 0 && ticks.length > 1 ? '' : position === ticks.length - 1 && ticks.length > 1 ? '-translate-x-full' : '-translate-x-1/2'}`}
              style={{ left: `${(x(index) / WIDTH) * 100}%` }}
            >
              {points[index]?.axisLabel}
            </span>
          ))}
        </div>
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-semibold text-navy-800 underline">{t('showTable')}</summary>
        <ScrollArea label={t('tableCaption', { granularity: title.toLowerCase(), from, to })} className="mt-2 max-h-80">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('tableCaption', { granularity: title.toLowerCase(), from, to })}</caption>
            <thead className="sticky top-0 bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-2 py-1.5 font-semibold">
                  {firstColumn}
                </th>
                {SERIES.map((series) => (
                  <th key={series.key} scope="col" className="px-2 py-1.5 text-right font-semibold">
                    {t(`series.${series.key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.key} className="border-t border-slate-200">
                  <th scope="row" className="px-2 py-1 font-normal whitespace-nowrap">
                    {point.label}
                  </th>
                  {SERIES.map((series) => (
                    <td key={series.key} className="px-2 py-1 text-right tabular-nums">
                      {f.count(point.values[series.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </details>
    </figure>
  )
}

/** The period's trends by day and by ISO week. */
export async function TrendCharts({ trends, idPrefix = 'xu-huong' }: { trends: DashboardTrends; idPrefix?: string }) {
  const [t, root, locale] = await Promise.all([getTranslations('Dashboard.trends'), getTranslations('Dashboard'), getLocale()])
  const f = dashboardFormat(locale, root('noData'))
  const daily: Point[] = trends.daily.map((point) => ({ key: point.day, label: f.date(point.day), axisLabel: f.shortDate(point.day), values: point }))
  const weekly: Point[] = trends.weekly.map((point) => ({
    key: point.weekStart,
    label: `${t('weekLabel', { week: point.isoWeek, year: point.isoYear })} (${t('weekRange', { from: f.date(point.from), to: f.date(point.to) })})`,
    axisLabel: t('weekLabel', { week: point.isoWeek, year: point.isoYear }),
    values: point,
  }))
  const from = daily[0]?.label ?? ''
  const to = daily.at(-1)?.label ?? ''
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <LineChart id={`${idPrefix}-ngay`} title={t('daily')} points={daily} from={from} to={to} firstColumn={t('day')} />
      <LineChart id={`${idPrefix}-tuan`} title={t('weekly')} points={weekly} from={from} to={to} firstColumn={t('week')} />
    </div>
  )
}
