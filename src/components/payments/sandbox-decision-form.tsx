'use client'

import { useActionState, useId } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'
import { Notice } from '@/components/ui/notice'

/** What the sandbox's action answers when it does not send the payer on (it redirects when all went well). */
export type SandboxDecisionState =
  | { kind: 'invalid'; message: string }
  | { kind: 'ipnFailed'; message: string; returnTo: string }

export type SandboxDecisionLabels = {
  card: string
  cardLead: string
  bank: string
  cardNumber: string
  cardHolder: string
  issueDate: string
  approve: string
  decline: string
  pending: string
  invalidTitle: string
  ipnFailedTitle: string
  returnToMerchant: string
}

/** The public test card of VNPay's sandbox (bank NCB), shown prefilled: the sandbox moves no money. */
const TEST_CARD = { bank: 'NCB', number: '9704198526191432198', holder: 'NGUYEN VAN A', issued: '07/15' }

/**
 * The sandbox bank's form: a test card, prefilled and never sent (its fields have no names), and the payer's
 * two choices. The order travels as the signed query string it came with; the server reads and verifies it
 * again. When the merchant's IPN was not taken the payer sees its answer and goes back by the link.
 */
export function SandboxDecisionForm({ order, action, labels }: { order: string; action: (previous: SandboxDecisionState | null, form: FormData) => Promise<SandboxDecisionState | null>; labels: SandboxDecisionLabels }) {
  const [state, formAction, pending] = useActionState(action, null)
  const id = useId()
  if (state?.kind === 'ipnFailed') {
    return (
      <div className="mt-6 space-y-4">
        <Notice tone="warning" role="alert">
          <h2 className="font-semibold">{labels.ipnFailedTitle}</h2>
          <p className="mt-1">{state.message}</p>
        </Notice>
        <a href={state.returnTo} className={buttonStyles.navy}>
          {labels.returnToMerchant}
        </a>
      </div>
    )
  }
  const fields = [
    { key: 'bank', label: labels.bank, value: TEST_CARD.bank, autoComplete: 'off' },
    { key: 'number', label: labels.cardNumber, value: TEST_CARD.number, autoComplete: 'off' },
    { key: 'holder', label: labels.cardHolder, value: TEST_CARD.holder, autoComplete: 'off' },
    { key: 'issued', label: labels.issueDate, value: TEST_CARD.issued, autoComplete: 'off' },
  ]
  return (
    <form action={formAction} className="mt-6 space-y-4">
      <input type="hidden" name="order" value={order} />
      {state?.kind === 'invalid' ? (
        <Notice tone="error" role="alert">
          <h2 className="font-semibold">{labels.invalidTitle}</h2>
          <p className="mt-1">{state.message}</p>
        </Notice>
      ) : null}
      <fieldset className="rounded border border-slate-300 bg-white p-4" aria-describedby={`${id}-lead`}>
        <legend className="px-1 font-semibold text-navy-900">{labels.card}</legend>
        <p id={`${id}-lead`} className="text-sm text-slate-700">
          {labels.cardLead}
        </p>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {fields.map((field) => (
            <div key={field.key}>
              <label htmlFor={`${id}-${field.key}`} className="block text-sm font-semibold text-slate-800">
                {field.label}
              </label>
              <input id={`${id}-${field.key}`} defaultValue={field.value} autoComplete={field.autoComplete} spellCheck={false} className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 font-mono" />
            </div>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" name="decision" value="APPROVE" disabled={pending} className={buttonStyles.primary}>
          {pending ? labels.pending : labels.approve}
        </button>
        <button type="submit" name="decision" value="DECLINE" disabled={pending} className={buttonStyles.secondary}>
          {labels.decline}
        </button>
      </div>
    </form>
  )
}
