import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { DossierStateBadge } from '@/components/dossier/dossier-state-badge'
import { formatVnd } from '@/lib/format/vnd'
import type { OutstandingItem } from '@/server/payments/commune-payments'
import { ScrollArea } from './scroll-area'

const cell = 'px-3 py-2'
const number = `${cell} text-right tabular-nums whitespace-nowrap`

/** One page of the dossiers still owing, oldest submission first, each linked to its staff page. */
export async function OutstandingTable({ rows }: { rows: OutstandingItem[] }) {
  const [t, locale] = await Promise.all([getTranslations('StaffPayments.outstanding'), getLocale()])
  const vnd = (amount: number) => formatVnd(amount, locale)
  return (
    <ScrollArea label={t('title')}>
      <table className="w-full text-left text-sm" data-testid="outstanding">
        <caption className="sr-only">{t('title')}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={`${cell} font-semibold`}>{t('code')}</th>
            <th scope="col" className={`${cell} font-semibold`}>{t('applicant')}</th>
            <th scope="col" className={`${cell} min-w-56 font-semibold`}>{t('procedure')}</th>
            <th scope="col" className={`${cell} font-semibold`}>{t('state')}</th>
            <th scope="col" className={`${number} font-semibold`}>{t('fee')}</th>
            <th scope="col" className={`${number} font-semibold`}>{t('paid')}</th>
            <th scope="col" className={`${number} font-semibold`}>{t('outstanding')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-200 align-top" data-code={row.code}>
              <td className={`${cell} font-mono whitespace-nowrap`}>
                <Link href={`/can-bo/ho-so/${row.code}`} className="font-semibold text-navy-800 underline">
                  {row.code}
                </Link>
              </td>
              <td className={`${cell} min-w-32`}>{row.applicantName}</td>
              <td className={cell}>
                <span className="line-clamp-2">{locale === 'en' ? row.procedureNameEn : row.procedureNameVi}</span>
              </td>
              <td className={cell}>
                <DossierStateBadge state={row.state} />
                {row.dueReason === 'AT_RESULT' ? <span className="mt-1 block text-xs text-slate-600">{t('atResult')}</span> : null}
              </td>
              <td className={number}>{vnd(row.feeVnd)}</td>
              <td className={number}>{vnd(row.paidVnd)}</td>
              <td className={`${number} font-semibold`}>{vnd(row.outstandingVnd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  )
}
