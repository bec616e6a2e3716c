import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { DossierStateBadge } from '@/components/dossier/dossier-state-badge'
import type { RemainingTime } from '@/domain/calendar/remaining-time'
import { RemainingTimeBadge } from '@/components/dossier/remaining-time-badge'
import { formatDate, formatDateTime } from '@/lib/format/date'
import type { QueueRow } from '@/server/dossier/staff-queue.repo'

export type QueueTableRow = QueueRow & { remaining: RemainingTime; stepName: string | null }

/**
 * A queue page. Each row's checkbox belongs to the batch form (`form="batch-form"`), so selecting works
 * without JavaScript; the value carries the version seen, so a dossier changed meanwhile is refused.
 */
export async function QueueTable({ rows, caption }: { rows: QueueTableRow[]; caption: string }) {
  const [t, columns, locale] = await Promise.all([getTranslations('Dossier.queue'), getTranslations('Dossier.columns'), getLocale()])
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="w-10 px-3 py-2"><span className="sr-only">{t('selectAll')}</span></th>
            <th scope="col" className="px-3 py-2 font-semibold">{columns('code')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{columns('procedure')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{columns('applicant')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{columns('state')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('assignee')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{columns('submittedAt')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('remaining')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-200 align-top" data-code={row.code}>
              <td className="px-3 py-2">
                <input type="checkbox" name="item" value={`${row.code}:${row.version}`} form="batch-form" aria-label={t('select', { code: row.code })} className="h-4 w-4" />
              </td>
              <td className="px-3 py-2 font-mono whitespace-nowrap">
                <Link href={`/can-bo/ho-so/${row.code}`} className="font-semibold text-navy-800 underline">{row.code}</Link>
              </td>
              <td className="px-3 py-2">{locale === 'en' ? row.procedureNameEn : row.procedureNameVi}</td>
              <td className="px-3 py-2">
                {row.applicantName}
                {row.applicantCitizenId ? <span className="block font-mono text-xs text-slate-600">{row.applicantCitizenId}</span> : null}
              </td>
              <td className="px-3 py-2">
                <DossierStateBadge state={row.state} />
                {row.stepName ? <span className="mt-1 block text-xs text-slate-600">{row.stepName}</span> : null}
              </td>
              <td className="px-3 py-2">{row.assigneeName ?? '—'}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(row.submittedAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {row.dueAt ? <span className="block">{formatDate(row.dueAt)}</span> : '—'}
                {row.dueAt ? (
                  <span className="mt-1 block">
                    <RemainingTimeBadge remaining={row.remaining} />
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
