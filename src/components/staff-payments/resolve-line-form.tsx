'use client'

import { useTranslations } from 'next-intl'
import { useActionState, useId } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'
import type { ActionResult } from '@/lib/action-result'

/**
 * Closes one reconciliation exception with a note of what was done — or, for a partial or excess transfer,
 * credits its money to the dossier it names ("apply"). A POST form (server action), so it works without
 * JavaScript too; once saved, the page is revalidated and the line leaves the list.
 */
export function ResolveLineForm({
  lineId,
  bankTxnId,
  canApply,
  action,
}: {
  lineId: string
  bankTxnId: string
  /** A partial or excess transfer naming a payment: its money can be credited to that dossier. */
  canApply: boolean
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>
}) {
  const t = useTranslations('StaffPayments.exceptions')
  const [result, formAction, pending] = useActionState(action, null)
  const id = useId()
  const noteError = result && !result.ok ? (result.fieldErrors?.note?.[0] ?? null) : null
  const message = result && !result.ok ? (noteError && t.has(`errors.${noteError}`) ? t(`errors.${noteError}`) : t.has(`errors.${result.code}`) ? t(`errors.${result.code}`) : t('errors.other')) : null
  return (
    <details className="group" open={message ? true : undefined}>
      <summary className="cursor-pointer text-sm font-semibold text-navy-800 underline" aria-label={t('resolveFor', { txn: bankTxnId })}>
        {t('resolve')}
      </summary>
      <form action={formAction} noValidate className="mt-2 space-y-2">
        <input type="hidden" name="lineId" value={lineId} />
        <label htmlFor={`${id}-note`} className="block text-sm font-semibold text-slate-800">
          {t('note')}
        </label>
        {message ? (
          <p id={`${id}-error`} role="alert" className="text-sm font-semibold text-gov-red-700">
            {message}
          </p>
        ) : null}
        <textarea
          id={`${id}-note`}
          name="note"
          required
          minLength={5}
          maxLength={500}
          rows={2}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={[message ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(' ')}
          className="block w-full rounded border border-slate-400 px-3 py-2 text-sm"
        />
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {t('noteHint')}
        </p>
        <div className="flex flex-wrap gap-2">
          {canApply ? (
            <button type="submit" name="apply" value="1" disabled={pending} className={`${buttonStyles.navy} px-4 py-1.5 text-sm`}>
              {pending ? t('pending') : t('apply')}
            </button>
          ) : null}
          <button type="submit" disabled={pending} className={`${canApply ? buttonStyles.secondary : buttonStyles.navy} px-4 py-1.5 text-sm`}>
            {pending ? t('pending') : t('submit')}
          </button>
        </div>
        {canApply ? <p className="text-xs text-slate-600">{t('applyHint')}</p> : null}
      </form>
    </details>
  )
}
