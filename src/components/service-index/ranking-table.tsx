import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import type { ServiceIndexConfig } from '@/domain/stats/service-index'
import type { RankedServiceIndexRow, ServiceIndexSort, ServiceIndexSortKey } from '@/domain/stats/service-index-ranking'
import { indexFormat, indexLocale } from './format'
import { ScrollArea } from './scroll-area'

const cell = 'px-2 py-1.5'
const numeric = `${cell} text-right tabular-nums whitespace-nowrap`

/**
 * The communes ranked by the index: every column header is a link that sorts by it (the sorted one carries
 * aria-sort), each name opens the commune's index page. Works without JavaScript: sorting is a new request.
 */
export async function IndexRankingTable({
  rows,
  config,
  sort,
  sortHref,
  communeHref,
  dashboardHref,
}: {
  rows: readonly RankedServiceIndexRow[]
  config: ServiceIndexConfig
  sort: ServiceIndexSort
  sortHref: (sort: ServiceIndexSort) => string
  communeHref: (code: string) => string
  /** The commune's figures on the dashboard (another page), or null for no link. */
  dashboardHref: ((code: string) => string) | null
}) {
  const [t, root, locale] = await Promise.all([getTranslations('ServiceIndex.ranking'), getTranslations('ServiceIndex'), getLocale()])
  const l = indexLocale(locale)
  const format = indexFormat(l, root('dash'))

  const header = (key: ServiceIndexSortKey, label: string, className: string, title?: string) => {
    const sorted = sort.key === key
    const next = sorted ? (sort.direction === 'asc' ? 'desc' : 'asc') : key === 'name' ? 'asc' : 'desc'
    return (
      <th key={key} scope="col" aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined} data-column={key} className={`${className} align-bottom font-semibold ${sorted ? 'bg-navy-50' : ''}`}>
        <Link href={sortHref({ key, direction: next })} title={title} className="inline-flex items-end gap-1 text-navy-800 underline-offset-2 hover:underline">
          <span>{label}</span>
          <span className="sr-only">, {t('sortBy', { column: label })}{sorted ? ` (${sort.direction === 'asc' ? t('sortedAsc') : t('sortedDesc')})` : ''}</span>
          <span aria-hidden="true" className={sorted ? 'text-navy-900' : 'text-slate-400'}>
            {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </Link>
      </th>
    )
  }

  if (rows.length === 0) return <p className="text-slate-700">{t('empty')}</p>
  return (
    <ScrollArea label={t('caption')}>
      <table className="w-full text-left text-sm" data-testid="index-ranking">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={`${cell} align-bottom`}>{t('position')}</th>
            <th scope="col" className={`${cell} align-bottom text-right`}>
              <abbr title={t('rankHint')} className="no-underline">{t('rank')}</abbr>
            </th>
            {header('name', t('commune'), `${cell} min-w-40`)}
            {header('score', t('score'), `${cell} text-right`)}
            {header('earned', t('earned'), `${cell} text-right`)}
            {config.groups.map((group) => header(`group:${group.key}`, t('groupColumn', { group: group.name[l], points: format.points(group.points) }), `${cell} text-right min-w-28`))}
            {dashboardHref ? <th scope="col" className={`${cell} align-bottom`}><span className="sr-only">{t('dashboardLink')}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.communeId} className="border-t border-slate-200" data-commune={row.communeCode}>
              <td className={`${cell} text-slate-600 tabular-nums`}>{row.position}</td>
              <td className={numeric}>{row.scoreRank ?? format.points(null)}</td>
              <th scope="row" className={`${cell} font-medium`}>
                <Link href={communeHref(row.communeCode)} className="text-navy-800 underline underline-offset-2 hover:text-navy-900">
                  {row.communeName}
                </Link>
                <span className="block text-xs font-normal text-slate-600">{row.communeCode}</span>
              </th>
              <td className={`${numeric} ${row.ranked ? 'font-semibold text-navy-900' : 'text-slate-600'}`}>
                {row.score === null ? root('noScore') : format.points(row.score)}
                {row.score !== null && !row.ranked ? <span className="block text-xs">{t('unranked')}</span> : null}
              </td>
              <td className={numeric}>
                {row.maxComputable > 0 ? `${format.points(row.earned)} / ${format.points(row.maxComputable)}` : format.points(null)}
              </td>
              {row.groups.map((group) => (
                <td key={group.key} className={numeric}>
                  {group.maxComputable > 0 ? `${format.points(group.earned)} / ${format.points(group.maxComputable)}` : format.points(null)}
                </td>
              ))}
              {dashboardHref ? (
                <td className={cell}>
                  <Link href={dashboardHref(row.communeCode)} aria-label={t('dashboardLinkLabel', { commune: row.communeName })} className="whitespace-nowrap text-navy-800 underline underline-offset-2">
                    {t('dashboardLink')}
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  )
}
