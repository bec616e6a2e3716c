import { getLocale, getTranslations } from 'next-intl/server'
import type { PaymentTotals } from '@/domain/payments/payments-report'
import { formatVnd } from '@/lib/format/vnd'

type Count = { count: number; amountVnd: number }

/** The figures a clerk looks for first: the period's money, and what waits now (owed, pending, exceptions). */
export async function PaymentSummary({ total, pending, outstanding, exceptions }: { total: PaymentTotals; pending: Count; outstanding: Count; exceptions: Count }) {
  const [t, locale] = await Promise.all([getTranslations('StaffPayments.summary'), getLocale()])
  const cards: { key: string; label: string; value: string; detail: string; tone?: 'warning' }[] = [
    { key: 'collected', label: t('collected'), value: formatVnd(total.collectedVnd, locale), detail: t('collectedDetail', { count: total.count }) },
    { key: 'refunded', label: t('refunded'), value: formatVnd(total.refundedVnd, locale), detail: t('refundedDetail', { count: total.refundCount }) },
    { key: 'net', label: t('net'), value: formatVnd(total.netVnd, locale), detail: '' },
    { key: 'pending', label: t('pending'), value: formatVnd(pending.amountVnd, locale), detail: t('pendingDetail', { count: pending.count }) },
    { key: 'outstanding', label: t('outstanding'), value: formatVnd(outstanding.amountVnd, locale), detail: t('outstandingDetail', { count: outstanding.count }) },
    {
      key: 'exceptions',
      label: t('exceptions'),
      value: formatVnd(exceptions.amountVnd, locale),
      detail: t('exceptionsDetail', { count: exceptions.count }),
      ...(exceptions.count > 0 ? { tone: 'warning' as const } : {}),
    },
  ]
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
      {cards.map((card) => (
        <div key={card.key} data-summary={card.key} className={`rounded border p-3 ${card.tone === 'warning' ? 'border-amber-500 bg-amber-50' : 'border-slate-200 bg-white'}`}>
          <dt className="text-sm text-slate-700">{card.label}</dt>
          <dd className="mt-1 text-lg font-bold whitespace-nowrap text-navy-900 tabular-nums">{card.value}</dd>
          {card.detail ? <dd className="text-xs text-slate-600">{card.detail}</dd> : null}
        </div>
      ))}
    </dl>
  )
}
