import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { DossierStateBadge } from '@/components/dossier/dossier-state-badge'
import type { DashboardMeasure } from '@/domain/stats/dashboard-metrics-types'
import { formatDate } from '@/lib/format/date'
import type { DashboardDossierRow } from '@/server/dashboard/dashboard-types'
import { ScrollArea } from './scroll-area'

const cell = 'px-3 py-2'

/** The dossiers behind a dashboard number: each code opens the dossier (read-only for the province). */
export async function DossierListTable({
  rows,
  measure,
  caption,
  showProcedure,
  dossierHref,
}: {
  rows: DashboardDossierRow[]
  measure: DashboardMeasure
  caption: string
  showProcedure: boolean
  dossierHref: (code: string) => string
}) {
  const [t, columns, channels, outcomes] = await Promise.all([
    getTranslations('Dashboard.list'),
    getTranslations('Dossier.columns'),
    getTranslations('Dossier.channel'),
    getTranslations('Dossier.outcome'),
  ])
  const rated = measure === 'ratings' || measure === 'ratingsSatisfied'
  return (
    <ScrollArea label={caption}>
      <table className="w-full text-left text-sm" data-testid="dashboard-dossiers">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={`${cell} font-semibold`}>{columns('code')}</th>
            {showProcedure ? <th scope="col" className={`${cell} font-semibold`}>{columns('procedure')}</th> : null}
            <th scope="col" className={`${cell} font-semibold`}>{columns('applicant')}</th>
            <th scope="col" className={`${cell} font-semibold`}>{t('channel')}</th>
            <th scope="col" className={`${cell} font-semibold`}>{columns('state')}</th>
            <th scope="col" className={`${cell} font-semibold`}>{columns('submittedAt')}</th>
            <th scope="col" className={`${cell} font-semibold`}>{columns('dueAt')}</th>
            <th scope="col" className={`${cell} font-semibold`}>{columns('completedAt')}</th>
            <th scope="col" className={`${cell} font-semibold`}>{t('outcome')}</th>
            {rated ? (
              <>
                <th scope="col" className={`${cell} font-semibold`}>{t('rating')}</th>
                <th scope="col" className={`${cell} font-semibold`}>{t('ratedAt')}</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.id}-${row.ratedAt?.toISOString() ?? ''}`} className="border-t border-slate-200 align-top" data-code={row.code}>
              <th scope="row" className={`${cell} font-mono font-normal whitespace-nowrap`}>
                <Link href={dossierHref(row.code)} className="font-semibold text-navy-800 underline">
                  {row.code}
                </Link>
              </th>
              {showProcedure ? (
                <td className={`${cell} min-w-64`}>
                  <span className="line-clamp-2" title={row.procedureName}>
                    {row.procedureName}
                  </span>
                  <span className="block font-mono text-xs text-slate-600">{row.procedureCode}</span>
                </td>
              ) : null}
              <td className={`${cell} whitespace-nowrap`}>{row.applicantName}</td>
              <td className={`${cell} whitespace-nowrap`}>{channels(row.channel)}</td>
              <td className={cell}>
                <DossierStateBadge state={row.state} />
              </td>
              <td className={`${cell} whitespace-nowrap`}>{formatDate(row.submittedAt)}</td>
              <td className={`${cell} whitespace-nowrap`}>{row.dueAt ? formatDate(row.dueAt) : '—'}</td>
              <td className={`${cell} whitespace-nowrap`}>{row.completedAt ? formatDate(row.completedAt) : '—'}</td>
              <td className={`${cell} whitespace-nowrap`}>{row.outcome ? outcomes(row.outcome) : '—'}</td>
              {rated ? (
                <>
                  <td className={`${cell} whitespace-nowrap`}>{row.ratingScore === null ? '—' : t('stars', { score: row.ratingScore })}</td>
                  <td className={`${cell} whitespace-nowrap`}>{row.ratedAt ? formatDate(row.ratedAt) : '—'}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  )
}
