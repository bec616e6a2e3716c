import { getLocale, getTranslations } from 'next-intl/server'
import { formatLocalDate } from '@/domain/payments/payment-period'
import type { PaymentsReport } from '@/domain/payments/payments-report'
import { formatVnd } from '@/lib/format/vnd'
import { ScrollArea } from './scroll-area'

const cell = 'px-3 py-2'
const number = `${cell} text-right tabular-nums whitespace-nowrap`

/** Totals by method over the period (every method, zero included), and the footer total. */
export async function PaymentsByMethodTable({ report }: { report: PaymentsReport }) {
  const [t, methods, locale] = await Promise.all([getTranslations('StaffPayments.byMethod'), getTranslations('StaffPayments.method'), getLocale()])
  const vnd = (amount: number) => formatVnd(amount, locale)
  return (
    <ScrollArea label={t('title')}>
      <table className="w-full text-left text-sm" data-testid="payments-by-method">
        <caption className="sr-only">{t('title')}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={`${cell} font-semibold`}>{t('method')}</th>
            <th scope="col" className={`${number} font-semibold`}>{t('count')}</th>
            <th scope="col" className={`${number} font-semibold`}>{t('collected')}</th>
            <th scope="col" className={`${number} font-semibold`}>{t('refunded')}</th>
            <th scope="col" className={`${number} font-semibold`}>{t('net')}</th>
          </tr>
        </thead>
        <tbody>
          {report.byMethod.map((row) => (
            <tr key={row.method} className="border-t border-slate-200" data-method={row.method}>
              <th scope="row" className={`${cell} font-normal whitespace-nowrap`}>{methods(row.method)}</th>
              <td className={number}>{row.count}</td>
              <td className={number}>{vnd(row.collectedVnd)}</td>
              <td className={number}>{vnd(row.refundedVnd)}</td>
              <td className={number}>{vnd(row.netVnd)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 font-semibold">
          <tr>
            <th scope="row" className={cell}>{t('total')}</th>
            <td className={number}>{report.total.count}</td>
            <td className={number}>{vnd(report.total.collectedVnd)}</td>
            <td className={number}>{vnd(report.total.refundedVnd)}</td>
            <td className={number}>{vnd(report.total.netVnd)}</td>
          </tr>
        </tfoot>
      </table>
    </ScrollArea>
  )
}

/** Money in and out by day and method; only days with something in them. */
export async function PaymentsByDayTable({ report }: { report: PaymentsReport }) {
  const [t, columns, methods, locale] = await Promise.all([
    getTranslations('StaffPayments.byDay'),
    getTranslations('StaffPayments.byMethod'),
    getTranslations('StaffPayments.method'),
    getLocale(),
  ])
  if (report.days.length === 0) return <p className="text-slate-700">{t('empty')}</p>
  const vnd = (amount: number) => formatVnd(amount, locale)
  return (
    <ScrollArea label={t('title')} className="max-h-[32rem]">
      <table className="w-full text-left text-sm" data-testid="payments-by-day">
        <caption className="sr-only">{t('title')}</caption>
        <thead className="sticky top-0 bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={`${cell} font-semibold`}>{t('day')}</th>
            <th scope="col" className={`${cell} hidden font-semibold sm:table-cell`}>{columns('method')}</th>
            <th scope="col" className={`${number} font-semibold`}>{columns('count')}</th>
            <th scope="col" className={`${number} font-semibold`}>{columns('collected')}</th>
            <th scope="col" className={`${number} font-semibold`}>{columns('refunded')}</th>
            <th scope="col" className={`${number} font-semibold`}>{columns('net')}</th>
          </tr>
        </thead>
        <tbody>
          {report.days.map((row, index) => (
            <tr key={`${row.day}-${row.method}`} className={`border-t ${index > 0 && report.days[index - 1]!.day === row.day ? 'border-slate-100' : 'border-slate-300'}`}>
              <th scope="row" className={`${cell} font-normal whitespace-nowrap`}>
                <span className="font-mono">{formatLocalDate(row.day)}</span>
                {/* On a phone the method goes under the day, so the amounts stay in view. */}
                <span className="block text-xs text-slate-600 sm:hidden">{methods(row.method)}</span>
              </th>
              <td className={`${cell} hidden whitespace-nowrap sm:table-cell`}>{methods(row.method)}</td>
              <td className={number}>{row.count}</td>
              <td className={number}>{vnd(row.collectedVnd)}</td>
              <td className={number}>{row.refundedVnd > 0 ? vnd(row.refundedVnd) : '—'}</td>
              <td className={number}>{vnd(row.netVnd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  )
}
