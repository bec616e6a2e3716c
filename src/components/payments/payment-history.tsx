/**
 * <PaymentHistory payments={…} /> — every payment of a dossier, oldest first: method, status, amount, when,
 * the references, refunds with their reasons, and a receipt link for a paid (or since refunded) payment.
 * `renderRefund` adds, under each paid payment, what the viewer may do about it (the staff's refund form).
 * Server component; the statuses come from the server view (an overdue pending payment already reads EXPIRED).
 */
import { getLocale, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { formatDate, formatDateTime } from '@/lib/format/date'
import { formatVnd } from '@/lib/format/vnd'
import type { DossierPaymentRow } from '@/server/payments/dossier-payments'
import { PaymentStatusBadge } from './payment-status-badge'

export async function PaymentHistory({ payments, renderRefund }: { payments: readonly DossierPaymentRow[]; renderRefund?: (payment: DossierPaymentRow) => ReactNode }) {
  const [t, methods, statuses, locale] = await Promise.all([getTranslations('Payments.history'), getTranslations('Payments.method'), getTranslations('Payments.status'), getLocale()])
  return (
    <section aria-labelledby="cac-lan-thanh-toan" className="mt-4">
      <h4 id="cac-lan-thanh-toan" className="font-semibold text-navy-900">
        {t('title')}
      </h4>
      {payments.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">{t('empty')}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {payments.map((payment) => {
            const facts: [string, ReactNode][] = [
              [t('amount'), formatVnd(payment.amountVnd, locale)],
              [t('createdAt'), formatDateTime(payment.createdAt)],
              ...(payment.paidAt ? [[t('paidAt'), formatDateTime(payment.paidAt)] as [string, ReactNode]] : []),
              ...(payment.status === 'PENDING' && payment.expiresAt ? [[t('expiresAt'), formatDateTime(payment.expiresAt)] as [string, ReactNode]] : []),
              [t('reference'), <span key="reference" className="font-mono break-all">{payment.reference}</span>],
              ...(payment.providerRef ? [[t('providerRef'), <span key="provider" className="font-mono break-all">{payment.providerRef}</span>] as [string, ReactNode]] : []),
              ...(payment.receiptNo ? [[t('receiptNo'), <span key="receipt" className="font-mono break-all">{payment.receiptNo}</span>] as [string, ReactNode]] : []),
            ]
            const hasReceipt = (payment.status === 'PAID' || payment.status === 'REFUNDED') && payment.receiptNo !== null
            return (
              <li key={payment.id} data-payment={payment.reference} className="rounded border border-slate-200 bg-white px-3 py-2 text-sm">
                <p className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-semibold text-slate-900">{methods(payment.method)}</span>
                  <PaymentStatusBadge status={payment.status} label={statuses(payment.status)} />
                </p>
                <dl className="mt-1 grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)] gap-x-3 gap-y-0.5 sm:grid-cols-[minmax(0,9rem)_minmax(0,1fr)]">
                  {facts.map(([label, value]) => (
                    <div key={label} className="contents">
                      <dt className="text-slate-600">{label}</dt>
                      <dd className="min-w-0">{value}</dd>
                    </div>
                  ))}
                </dl>
                {payment.refunds.length > 0 ? (
                  <div className="mt-2">
                    <p className="font-semibold text-slate-800">{t('refunds')}</p>
                    <ul className="list-disc pl-5">
                      {payment.refunds.map((refund, index) => (
                        <li key={index}>{t('refund', { amount: formatVnd(refund.amountVnd, locale), date: formatDate(refund.createdAt), reason: refund.reason })}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {hasReceipt ? (
                  <p className="mt-2">
                    <a
                      href={`/api/payments/${payment.id}/receipt`}
                      target="_blank"
                      rel="noopener"
                      aria-label={t('receiptLabel', { receiptNo: payment.receiptNo! })}
                      className="font-semibold text-navy-800 underline"
                    >
                      {t('receipt')}
                    </a>
                  </p>
                ) : null}
                {renderRefund?.(payment)}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
