'use client'

import { useActionState, useId } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'
import type { ActionResult } from '@/lib/action-result'

/** What the refund action answers: the usual result and, on failure, what was typed (to show it again). */
export type RefundActionResult = ActionResult & { values?: { amountVnd?: string; reason?: string; confirmed?: boolean } }

export type RefundFormLabels = {
  open: string
  title: string
  lead: string
  amount: string
  amountHint: string
  reason: string
  reasonHint: string
  confirm: string
  submit: string
  pending: string
  failed: string
  /** Field errors by field then code (amountVnd.EXCEEDS_PAID…); refusals by code (NOT_FOUND…). */
  fieldErrors: Record<string, Record<string, string>>
  errors: Record<string, string>
}

/**
 * A clerk or leader records money sent back for one paid payment: amount (at most what is left, suggested),
 * reason, and an explicit confirmation. Inside a disclosure, open again after an error; each error is shown
 * at its field. Works without JavaScript (a plain POST to the server action). The server decides everything
 * (server/payments/refund-payment.ts); this form only shows its answer.
 */
export function RefundForm({ paymentId, dossierRef, maxVnd, action, labels }: { paymentId: string; dossierRef: string; maxVnd: number; action: (previous: RefundActionResult | null, form: FormData) => Promise<RefundActionResult>; labels: RefundFormLabels }) {
  const [result, formAction, pending] = useActionState(action, null)
  const id = useId()
  const failed = result !== null && !result.ok
  const fieldErrors = failed ? (result.fieldErrors ?? {}) : {}
  const errorFor = (field: string) => {
    const code = fieldErrors[field]?.[0]
    if (!code) return null
    return labels.fieldErrors[field]?.[code] ?? labels.fieldErrors[field]?.INVALID ?? labels.failed
  }
  const general = failed ? (Object.keys(fieldErrors).length > 0 ? labels.failed : (labels.errors[result.code] ?? labels.errors.INTERNAL ?? labels.failed)) : null
  const amountError = errorFor('amountVnd')
  const reasonError = errorFor('reason')
  const confirmError = errorFor('confirm')
  const values = failed ? result.values : undefined
  const describedBy = (...ids: (string | null)[]) => ids.filter(Boolean).join(' ') || undefined

  return (
    <details open={failed || undefined} className="mt-2 rounded border border-slate-300 bg-slate-50">
      <summary className="cursor-pointer px-3 py-2 font-semibold text-navy-800">{labels.open}</summary>
      <form action={formAction} noValidate className="space-y-3 border-t border-slate-300 px-3 py-3" aria-labelledby={`${id}-title`}>
        <p id={`${id}-title`} className="font-semibold text-slate-900">
          {labels.title}
        </p>
        <p className="text-slate-700">{labels.lead}</p>
        <input type="hidden" name="paymentId" value={paymentId} />
        <input type="hidden" name="dossierRef" value={dossierRef} />
        {general ? (
          <p role="alert" className="rounded border border-gov-red-700 bg-gov-red-50 px-3 py-2 text-gov-red-800">
            {general}
          </p>
        ) : null}
        <div>
          <label htmlFor={`${id}-amount`} className="block font-semibold text-slate-800">
            {labels.amount}
          </label>
          <p id={`${id}-amount-hint`} className="text-slate-600">
            {labels.amountHint}
          </p>
          <input
            id={`${id}-amount`}
            name="amountVnd"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={values?.amountVnd ?? String(maxVnd)}
            aria-invalid={amountError ? true : undefined}
            aria-describedby={describedBy(`${id}-amount-hint`, amountError ? `${id}-amount-error` : null)}
            className="mt-1 block w-full max-w-xs rounded border border-slate-400 bg-white px-3 py-2"
          />
          {amountError ? (
            <p id={`${id}-amount-error`} className="mt-1 text-gov-red-800">
              {amountError}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor={`${id}-reason`} className="block font-semibold text-slate-800">
            {labels.reason}
          </label>
          <p id={`${id}-reason-hint`} className="text-slate-600">
            {labels.reasonHint}
          </p>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={3}
            maxLength={500}
            defaultValue={values?.reason ?? ''}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={describedBy(`${id}-reason-hint`, reasonError ? `${id}-reason-error` : null)}
            className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2"
          />
          {reasonError ? (
            <p id={`${id}-reason-error`} className="mt-1 text-gov-red-800">
              {reasonError}
            </p>
          ) : null}
        </div>
        <div>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              name="confirm"
              value="yes"
              defaultChecked={values?.confirmed ?? false}
              aria-invalid={confirmError ? true : undefined}
              aria-describedby={confirmError ? `${id}-confirm-error` : undefined}
              className="mt-1 size-4"
            />
            <span>{labels.confirm}</span>
          </label>
          {confirmError ? (
            <p id={`${id}-confirm-error`} className="mt-1 text-gov-red-800">
              {confirmError}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={pending} className={buttonStyles.navy}>
          {pending ? labels.pending : labels.submit}
        </button>
      </form>
    </details>
  )
}
