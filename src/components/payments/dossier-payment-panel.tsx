/**
 * <DossierPaymentPanel view={…} audience="applicant" payAction={…} /> — "Phí, lệ phí", the one money view of
 * a dossier (section id `thanh-toan`, where the applicant's next-step PAY link points): the fee (or free, with
 * the exemption, or not yet set), paid and outstanding; for the applicant, when something is due now, the ways
 * to pay and the open VietQR transfer; then every payment with its receipt. Staff who may refund get a refund
 * form under each paid payment (`refund`); everyone else reads.
 *
 * All figures and what is payable come from server/payments/dossier-payments.ts (getDossierPayments); this
 * component only chooses words. Server component.
 */
import { getLocale, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { Notice } from '@/components/ui/notice'
import { formatVnd } from '@/lib/format/vnd'
import type { DossierPayments } from '@/server/payments/dossier-payments'
import { PayOnlineChoices, type PayAction } from './pay-online-choices'
import { CashPaymentForm } from './cash-payment-form'
import { DossierFeeForm } from './dossier-fee-form'
import { PaymentHistory } from './payment-history'
import { RefundForm, type RefundActionResult, type RefundFormLabels } from './refund-form'
import { TransferInstructions } from './transfer-instructions'

export type RefundAction = (previous: RefundActionResult | null, form: FormData) => Promise<RefundActionResult>

/** What the page came back with after a form: a payment that could not start (its error code), or a refund recorded. */
export type PaymentPanelNotice =
  | { kind: 'payError'; code: string }
  | { kind: 'refunded' }
  | { kind: 'cashRecorded' }
  | { kind: 'cashError'; code: string }
  | { kind: 'feeSet' }
  | { kind: 'feeError'; code: string }

const PAY_ERRORS = ['INVALID_TRANSITION', 'NOT_FOUND', 'FORBIDDEN', 'INVALID_INPUT', 'UNAUTHENTICATED', 'INTERNAL']
const REFUND_FIELD_ERRORS = {
  amountVnd: ['REQUIRED', 'NOT_AN_INTEGER', 'TOO_SMALL', 'TOO_LARGE', 'EXCEEDS_PAID', 'NOT_PAID', 'INVALID'],
  reason: ['TOO_SHORT', 'TOO_LONG', 'INVALID'],
  confirm: ['REQUIRED'],
} as const

export async function DossierPaymentPanel({
  view,
  audience,
  payAction,
  refund,
  cash,
  setFee,
  notice = null,
}: {
  view: DossierPayments
  /** The applicant may pay (with `payAction`); staff and the province read. */
  audience: 'applicant' | 'staff'
  payAction?: PayAction
  /** Given only to staff who may record refunds (clerks and leaders of the commune). */
  refund?: { action: RefundAction }
  /** Given only to staff who take cash at the desk (clerks and leaders of the commune). */
  cash?: { action: (form: FormData) => Promise<void> }
  /** Given only to staff who may state a fee the catalogue does not give (clerks and leaders of the commune). */
  setFee?: { action: (form: FormData) => Promise<void> }
  notice?: PaymentPanelNotice | null
}) {
  const [t, locale] = await Promise.all([getTranslations('Payments'), getLocale()])
  const vnd = (amount: number) => formatVnd(amount, locale)
  const unknown = view.feeUnknown && view.feeVnd === 0
  const exemption = view.exemption ? (locale === 'en' ? view.exemption.reasonEn : view.exemption.reasonVi) : null

  const fee: ReactNode = unknown ? (
    <span className="font-semibold text-amber-950">{t('amounts.unknown')}</span>
  ) : view.feeVnd === 0 ? (
    <span>
      <span className="font-semibold">{t('amounts.free')}</span>
      {exemption ? <span className="block text-slate-700">{exemption}</span> : null}
    </span>
  ) : (
    <span className="font-semibold">{vnd(view.feeVnd)}</span>
  )
  const amounts: [string, ReactNode][] = [
    [t('amounts.fee'), fee],
    [t('amounts.paid'), vnd(view.paidVnd)],
    [t('amounts.outstanding'), unknown ? t('amounts.notApplicable') : <span className={view.outstandingVnd > 0 ? 'font-semibold text-gov-red-800' : ''}>{vnd(view.outstandingVnd)}</span>],
  ]

  const applicant = audience === 'applicant' && payAction !== undefined
  const stateLine = ((): { text: string; tone: 'info' | 'success' | 'warning' } | null => {
    switch (view.dueReason) {
      case 'PAYABLE':
        return { text: t(applicant ? 'state.PAYABLE_applicant' : 'state.PAYABLE_staff', { amount: vnd(view.dueNowVnd) }), tone: 'warning' }
      case 'AT_RESULT':
        return { text: t(applicant ? 'state.AT_RESULT_applicant' : 'state.AT_RESULT_staff'), tone: 'info' }
      case 'CLOSED':
        return { text: t('state.CLOSED'), tone: 'info' }
      case 'NOTHING_OWED':
        if (view.feeVnd > 0) return { text: t('state.PAID_IN_FULL'), tone: 'success' }
        return exemption ? { text: t('state.EXEMPT'), tone: 'success' } : null
    }
  })()

  const payable = applicant && view.dueNowVnd > 0
  const transfer = payable ? view.transfer : null
  const refundLabels = refund ? await refundFormLabels() : null

  return (
    <section id="thanh-toan" aria-labelledby="thanh-toan-tieu-de" className="mt-6 scroll-mt-4">
      <h3 id="thanh-toan-tieu-de" className="font-semibold text-navy-900">
        {t('title')}
      </h3>
      {notice ? (
        <div className="mt-2">
          {notice.kind === 'refunded' || notice.kind === 'cashRecorded' || notice.kind === 'feeSet' ? (
            <Notice tone="success" role="status">
              {t(notice.kind === 'refunded' ? 'refund.done' : notice.kind === 'cashRecorded' ? 'cash.done' : 'setFee.done')}
            </Notice>
          ) : notice.kind === 'feeError' ? (
            <Notice tone="error" role="alert">
              <p className="font-semibold">{t('setFee.failed')}</p>
              <p>{t(`setFee.errors.${['INVALID_INPUT', 'INVALID_TRANSITION', 'NOT_FOUND', 'FORBIDDEN'].includes(notice.code) ? notice.code : 'INTERNAL'}`)}</p>
            </Notice>
          ) : notice.kind === 'cashError' ? (
            <Notice tone="error" role="alert">
              <p className="font-semibold">{t('cash.failed')}</p>
              <p>{t(`cash.errors.${['INVALID_INPUT', 'INVALID_TRANSITION', 'NOT_FOUND', 'FORBIDDEN'].includes(notice.code) ? notice.code : 'INTERNAL'}`)}</p>
            </Notice>
          ) : (
            <Notice tone="error" role="alert">
              <p className="font-semibold">{t('error.title')}</p>
              <p>{t(`error.${PAY_ERRORS.includes(notice.code) ? notice.code : 'INTERNAL'}`)}</p>
            </Notice>
          )}
        </div>
      ) : null}
      <dl className="mt-2 divide-y divide-slate-200 rounded border border-slate-200 bg-white text-sm">
        {amounts.map(([label, value]) => (
          <div key={label} className="grid grid-cols-[8rem_1fr] gap-3 px-3 py-2 sm:grid-cols-[10rem_1fr]">
            <dt className="font-semibold text-slate-700">{label}</dt>
            <dd className="min-w-0">{value}</dd>
          </div>
        ))}
      </dl>
      {view.feeNote ? <p className="mt-1 text-xs text-slate-600">{t('feeNote', { note: view.feeNote })}</p> : null}
      {stateLine ? (
        <div className="mt-3">
          <Notice tone={stateLine.tone}>{stateLine.text}</Notice>
        </div>
      ) : null}
      {transfer ? <TransferInstructions transfer={transfer} /> : null}
      {payable ? (
        <>
          <PayOnlineChoices dossierRef={view.code} payAction={payAction!} vietQr={view.transferAvailable && transfer === null} card={view.cardAvailable} title={transfer ? t('choose.otherWay') : undefined} />
          {!view.transferAvailable ? <p className="mt-2 text-sm text-slate-700">{t('choose.noTransfer')}</p> : null}
        </>
      ) : null}
      {setFee && view.desk.canStateFee ? (
        <DossierFeeForm
          dossierRef={view.code}
          action={setFee.action}
          labels={{ title: t('setFee.title'), lead: t('setFee.lead'), amount: t('setFee.amount'), basis: t('setFee.basis'), basisHint: t('setFee.basisHint'), submit: t('setFee.submit') }}
        />
      ) : null}
      {cash && view.desk.cashVnd > 0 ? (
        <CashPaymentForm
          dossierRef={view.code}
          amountVnd={view.desk.cashVnd}
          action={cash.action}
          labels={{ title: t('cash.title'), lead: t('cash.lead', { amount: vnd(view.desk.cashVnd) }), confirm: t('cash.confirm', { amount: vnd(view.desk.cashVnd) }), submit: t('cash.submit') }}
        />
      ) : null}
      <PaymentHistory
        payments={view.payments}
        renderRefund={
          refund && refundLabels
            ? (payment) =>
                payment.status === 'PAID' && payment.amountVnd > payment.refundedVnd ? (
                  <RefundForm
                    paymentId={payment.id}
                    dossierRef={view.code}
                    maxVnd={payment.amountVnd - payment.refundedVnd}
                    action={refund.action}
                    labels={{ ...refundLabels, amountHint: t('refund.amountHint', { max: vnd(payment.amountVnd - payment.refundedVnd) }) }}
                  />
                ) : null
            : undefined
        }
      />
    </section>
  )
}

async function refundFormLabels(): Promise<Omit<RefundFormLabels, 'amountHint'>> {
  const t = await getTranslations('Payments.refund')
  return {
    open: t('open'),
    title: t('title'),
    lead: t('lead'),
    amount: t('amount'),
    reason: t('reason'),
    reasonHint: t('reasonHint'),
    confirm: t('confirm'),
    submit: t('submit'),
    pending: t('pending'),
    failed: t('failed'),
    fieldErrors: Object.fromEntries(Object.entries(REFUND_FIELD_ERRORS).map(([field, codes]) => [field, Object.fromEntries(codes.map((code) => [code, t(`errors.${field}.${code}`)]))])),
    errors: Object.fromEntries(['NOT_FOUND', 'FORBIDDEN', 'INVALID_TRANSITION', 'INTERNAL'].map((code) => [code, t(`errors.${code}`)])),
  }
}
