import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { formatDateTime } from '@/lib/format/date'
import type { ActionResult } from '@/lib/action-result'
import { formatVnd } from '@/lib/format/vnd'
import type { ExceptionRow } from '@/server/payments/commune-payments.repo'
import { ResolveLineForm } from './resolve-line-form'
import { StatementStatusBadge } from './statement-status-badge'

/**
 * Statement lines waiting for a human, one card each (they carry a form, and read better than a wide table on a
 * phone): the bank's date, reference, amount and description, the classification and why, the payment and
 * dossier the line names, and — for staff who handle the commune's money — the form that closes it.
 */
export async function ExceptionsList({ rows, resolveAction }: { rows: ExceptionRow[]; resolveAction: ((previous: ActionResult | null, form: FormData) => Promise<ActionResult>) | null }) {
  const [t, statuses, reasons, paymentStatus, locale] = await Promise.all([
    getTranslations('StaffPayments.exceptions'),
    getTranslations('StaffPayments.statuses'),
    getTranslations('StaffPayments.reasons'),
    getTranslations('StaffPayments.paymentStatus'),
    getLocale(),
  ])
  return (
    <ul className="space-y-3" data-testid="exceptions">
      {rows.map((row) => (
        <li key={row.id} data-txn={row.bankTxnId} data-status={row.status} className="rounded border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="flex flex-wrap items-center gap-2">
              <StatementStatusBadge status={row.status} label={statuses(row.status)} />
              <span className="text-sm text-slate-800">{reasons.has(row.reason) ? reasons(row.reason as never) : row.reason}</span>
            </div>
            <span className="text-lg font-bold whitespace-nowrap text-navy-900 tabular-nums">{formatVnd(row.amountVnd, locale)}</span>
          </div>
          <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">{t('date')}</dt>
            <dd>{formatDateTime(row.bookedAt)}</dd>
            <dt className="text-slate-600">{t('txn')}</dt>
            <dd className="font-mono break-all">{row.bankTxnId}</dd>
            <dt className="text-slate-600">{t('description')}</dt>
            <dd className="break-words">{row.description || '—'}</dd>
            {row.paymentReference ? (
              <>
                <dt className="text-slate-600">{t('payment')}</dt>
                <dd>
                  <span className="font-mono break-all">{row.paymentReference}</span>
                  {row.paymentAmountVnd !== null ? <span> · {t('due', { amount: formatVnd(row.paymentAmountVnd, locale) })}</span> : null}
                  {row.paymentStatus && paymentStatus.has(row.paymentStatus) ? <span> · {paymentStatus(row.paymentStatus as never)}</span> : null}
                  {row.dossierCode ? (
                    <>
                      {' · '}
                      <Link href={`/can-bo/ho-so/${row.dossierCode}`} className="font-mono font-semibold text-navy-800 underline">
                        {row.dossierCode}
                      </Link>
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
          </dl>
          <p className="mt-1 text-xs text-slate-600">{t('file', { file: row.fileName })}</p>
          {resolveAction ? (
            <div className="mt-3 border-t border-slate-200 pt-3">
              <ResolveLineForm lineId={row.id} bankTxnId={row.bankTxnId} canApply={(row.status === 'PARTIAL' || row.status === 'EXCESS') && row.paymentId !== null} action={resolveAction} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
