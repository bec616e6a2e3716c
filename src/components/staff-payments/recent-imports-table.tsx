import { getLocale, getTranslations } from 'next-intl/server'
import { STATEMENT_LINE_STATUSES } from '@/domain/payments/bank-statement'
import { formatDateTime } from '@/lib/format/date'
import { formatVnd } from '@/lib/format/vnd'
import type { ImportRow } from '@/server/payments/commune-payments.repo'
import { ScrollArea } from './scroll-area'

const cell = 'px-3 py-2'

/** The commune's last statement imports: who, when, which file, its lines by status and what is still open. */
export async function RecentImportsTable({ imports }: { imports: ImportRow[] }) {
  const [t, statuses, locale] = await Promise.all([getTranslations('StaffPayments.imports'), getTranslations('StaffPayments.statuses'), getLocale()])
  if (imports.length === 0) return <p className="text-slate-700">{t('empty')}</p>
  return (
    <ScrollArea label={t('title')}>
      <table className="w-full text-left text-sm" data-testid="recent-imports">
        <caption className="sr-only">{t('title')}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={`${cell} font-semibold`}>{t('when')}</th>
            <th scope="col" className={`${cell} font-semibold`}>{t('file')}</th>
            <th scope="col" className={`${cell} font-semibold`}>{t('by')}</th>
            <th scope="col" className={`${cell} font-semibold`}>{t('lines')}</th>
            <th scope="col" className={`${cell} text-right font-semibold`}>{t('open')}</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((entry) => (
            <tr key={entry.id} className="border-t border-slate-200 align-top">
              <td className={`${cell} whitespace-nowrap`}>{formatDateTime(entry.importedAt)}</td>
              <td className={`${cell} min-w-40 break-all`}>{entry.fileName}</td>
              <td className={`${cell} min-w-32`}>{entry.importedBy ?? '—'}</td>
              <td className={cell}>
                <ul className="space-y-0.5">
                  {STATEMENT_LINE_STATUSES.filter((status) => entry.byStatus[status].count > 0).map((status) => (
                    <li key={status} className="whitespace-nowrap">
                      {statuses(status)}: {entry.byStatus[status].count} · {formatVnd(entry.byStatus[status].amountVnd, locale)}
                    </li>
                  ))}
                </ul>
              </td>
              <td className={`${cell} text-right tabular-nums`}>{entry.openExceptions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  )
}
