'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'
import { describedBy, FormField, FormMessage, inputBorder, inputClass } from '../form-field'
import { AccountQr } from './account-qr'
import { INITIAL_COLLECTION_ACCOUNT_FORM_STATE, type CollectionAccountFormState, type CollectionAccountValues } from './form-state'

export type CollectionAccountFormLabels = {
  bankBin: string
  bankBinHint: string
  accountNo: string
  accountNoHint: string
  accountName: string
  accountNameHint: string
  /** Before the suggested holder name. */
  suggestion: string
  useSuggestion: string
  save: string
  preview: string
  pending: string
  cancel: string
  previewTitle: string
  scanHint: string
  bank: string
  amount: string
  reference: string
}

type Action = (state: CollectionAccountFormState, formData: FormData) => Promise<CollectionAccountFormState>

/**
 * Sets a commune's collection account. The server validates (zod in the use-case) and answers per field;
 * "Xem trước mã QR" draws the test QR of what is typed without saving; a holder name typed with accents
 * gets a suggestion in bank form. Works as a plain form post without JavaScript. The form carries the
 * `updatedAt` the page was loaded with: a change by someone else in between is refused.
 */
export function CollectionAccountForm({
  action,
  communeCode,
  updatedAt,
  initial,
  banks,
  labels,
  cancelHref,
}: {
  action: Action
  communeCode: string
  /** ISO time the commune was loaded with. */
  updatedAt: string
  initial: CollectionAccountValues
  banks: readonly { bin: string; shortName: string }[]
  labels: CollectionAccountFormLabels
  cancelHref: string
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_COLLECTION_ACCOUNT_FORM_STATE)
  const values = state.values ?? initial
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {}
  const preview = state.preview

  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="communeCode" value={communeCode} />
      <input type="hidden" name="expectedUpdatedAt" value={updatedAt} />

      {/* Remounted with each answer, so the fields show the values the server echoed (tidied or converted). */}
      <div key={state.nonce} className="space-y-6">
        <FormField id="ma-bin" label={labels.bankBin} hint={labels.bankBinHint} error={errors.bankBin}>
          <input
            id="ma-bin"
            name="bankBin"
            type="text"
            defaultValue={values.bankBin}
            list="ngan-hang-napas"
            inputMode="numeric"
            maxLength={20}
            autoComplete="off"
            required
            aria-invalid={errors.bankBin ? true : undefined}
            aria-describedby={describedBy('ma-bin', { hint: labels.bankBinHint, error: errors.bankBin })}
            className={`${inputClass} ${inputBorder} max-w-xs font-mono`}
          />
          <datalist id="ngan-hang-napas">
            {banks.map((bank) => (
              <option key={bank.bin} value={bank.bin} label={bank.shortName} />
            ))}
          </datalist>
        </FormField>

        <FormField id="so-tai-khoan" label={labels.accountNo} hint={labels.accountNoHint} error={errors.accountNo}>
          <input
            id="so-tai-khoan"
            name="accountNo"
            type="text"
            defaultValue={values.accountNo}
            maxLength={40}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            aria-invalid={errors.accountNo ? true : undefined}
            aria-describedby={describedBy('so-tai-khoan', { hint: labels.accountNoHint, error: errors.accountNo })}
            className={`${inputClass} ${inputBorder} font-mono`}
          />
        </FormField>

        <div>
          <FormField id="ten-chu-tai-khoan" label={labels.accountName} hint={labels.accountNameHint} error={errors.accountName}>
            <input
              id="ten-chu-tai-khoan"
              name="accountName"
              type="text"
              defaultValue={values.accountName}
              maxLength={100}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
              aria-invalid={errors.accountName ? true : undefined}
              aria-describedby={describedBy('ten-chu-tai-khoan', { hint: labels.accountNameHint, error: errors.accountName })}
              className={`${inputClass} ${inputBorder}`}
            />
          </FormField>
          {state.status === 'error' && state.suggestedName ? (
            <div className="mt-3 flex flex-col gap-2 rounded border border-navy-200 bg-navy-50 px-3 py-2 text-sm sm:flex-row sm:items-center sm:justify-between">
              <p className="text-navy-900">
                {labels.suggestion}{' '}
                <span className="font-mono font-semibold">{state.suggestedName}</span>
              </p>
              <button type="submit" name="intent" value="useSuggestion" disabled={pending} className={`${buttonStyles.secondary} min-h-11 py-2 text-sm`}>
                {labels.useSuggestion}
              </button>
            </div>
          ) : null}
        </div>
      </div>

      {preview ? (
        <AccountQr
          headingId="ma-qr-xem-truoc"
          title={labels.previewTitle}
          hint={labels.scanHint}
          qr={preview.qr}
          alt={preview.alt}
          rows={[
            [labels.bank, preview.bank],
            [labels.accountNo, <span key="account" className="font-mono font-semibold">{preview.accountNo}</span>],
            [labels.accountName, preview.accountName],
            [labels.amount, preview.amount],
            [labels.reference, <span key="reference" className="font-mono">{preview.reference}</span>],
          ]}
        >
          {preview.unknownBank ? (
            <p className="mt-3 rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950">{preview.unknownBank}</p>
          ) : null}
        </AccountQr>
      ) : null}

      <div className="flex flex-col gap-3 border-t border-slate-200 pt-6 sm:flex-row sm:flex-wrap">
        {/* The first submit button unless a name suggestion is offered above, so Enter in a field saves. */}
        <button type="submit" name="intent" value="save" disabled={pending} className={`${buttonStyles.primary} disabled:opacity-70`}>
          {pending ? labels.pending : labels.save}
        </button>
        <button type="submit" name="intent" value="preview" disabled={pending} className={`${buttonStyles.secondary} disabled:opacity-70`}>
          {labels.preview}
        </button>
        <Link href={cancelHref} className={buttonStyles.secondary}>
          {labels.cancel}
        </Link>
      </div>
    </form>
  )
}
