/**
 * <TransferInstructions transfer={…} /> — the open VietQR transfer of a dossier, for its applicant: the QR code
 * (drawn on the server as an SVG image, described by its alt text), then bank, account number, holder, amount,
 * the transfer description (the payment's reference, which the commune's reconciliation matches on) and the
 * deadline, with copy buttons where scripts run, and what happens next. Server component; decides nothing.
 */
import { getLocale, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { formatDateTime } from '@/lib/format/date'
import { formatVnd } from '@/lib/format/vnd'
import type { TransferInstructions as Transfer } from '@/server/payments/dossier-payments'
import { transferQrDataUri } from '@/server/payments/transfer-qr'
import { CopyTextButton } from './copy-text-button'

export async function TransferInstructions({ transfer }: { transfer: Transfer }) {
  const [t, locale, qr] = await Promise.all([getTranslations('Payments.transfer'), getLocale(), transferQrDataUri(transfer.qrPayload)])
  const amount = formatVnd(transfer.amountVnd, locale)
  const bank = `${transfer.bankShortName} — ${transfer.bankName}`
  const copy = (what: string, text: string) => <CopyTextButton text={text} label={t('copy')} accessibleLabel={t('copyLabel', { what })} copiedLabel={t('copied')} />
  const rows: [string, ReactNode][] = [
    [t('bank'), bank],
    [t('account'), <span key="account" className="flex flex-wrap items-center gap-2"><span className="font-mono text-base font-semibold">{transfer.accountNo}</span>{copy(t('account'), transfer.accountNo)}</span>],
    [t('accountName'), transfer.accountName],
    [t('amount'), <span key="amount" className="font-semibold">{amount}</span>],
    [
      t('reference'),
      <span key="reference" className="flex flex-wrap items-center gap-2">
        <span data-testid="transfer-reference" className="font-mono text-base font-bold tracking-wide break-all text-navy-900">
          {transfer.reference}
        </span>
        {copy(t('reference'), transfer.reference)}
      </span>,
    ],
    [t('expiresAt'), formatDateTime(transfer.expiresAt)],
  ]
  return (
    <section aria-labelledby="chuyen-khoan-vietqr" className="mt-4 rounded border-2 border-navy-600 bg-white p-4">
      <h4 id="chuyen-khoan-vietqr" className="font-semibold text-navy-900">
        {t('title')}
      </h4>
      <p className="mt-1 text-sm text-slate-700">{t('scan')}</p>
      {/* Stacked at every width: the panel sits in half of the page on a wide screen, too narrow for side by side. */}
      <div className="mt-3 flex flex-col items-center gap-4">
        {/* A data: URI of an SVG drawn on the server: next/image adds nothing here. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={qr}
          width={208}
          height={208}
          alt={t('qrAlt', { amount, account: transfer.accountNo, bank: transfer.bankShortName, reference: transfer.reference })}
          className="size-52 shrink-0 rounded border border-slate-300 bg-white"
        />
        <dl className="w-full min-w-0 divide-y divide-slate-200 rounded border border-slate-200 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="grid grid-cols-1 gap-0.5 px-3 py-2 sm:grid-cols-[10rem_1fr] sm:gap-3">
              <dt className="font-semibold text-slate-700">{label}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <p className="mt-3 rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950">{t('keepReference', { reference: transfer.reference })}</p>
      <p className="mt-2 text-sm text-slate-800">{t('reconcile')}</p>
    </section>
  )
}
