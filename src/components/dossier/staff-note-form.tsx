'use client'

import { useActionState } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'
import type { ActionResult as Result } from '@/lib/action-result'

export function StaffNoteForm({
  dossierRef,
  action,
  labels,
}: {
  dossierRef: string
  action: (previous: Result | null, form: FormData) => Promise<Result>
  labels: { label: string; submit: string; added: string; failed: string }
}) {
  const [result, formAction, pending] = useActionState(action, null)
  const fieldError = result && !result.ok ? (result.fieldErrors?.body?.[0] ?? labels.failed) : null
  return (
    <form action={formAction} className="mt-4 space-y-3">
      <input type="hidden" name="dossierRef" value={dossierRef} />
      <label htmlFor="ghi-chu" className="block font-semibold text-slate-800">
        {labels.label}
      </label>
      <textarea
        id="ghi-chu"
        name="body"
        rows={3}
        maxLength={2000}
        required
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? 'ghi-chu-loi' : undefined}
        className="block w-full rounded border border-slate-400 bg-white px-3 py-2"
      />
      {fieldError ? (
        <p id="ghi-chu-loi" role="alert" className="text-sm text-gov-red-800">
          {fieldError}
        </p>
      ) : null}
      {result?.ok ? (
        <p role="status" className="text-sm text-emerald-800">
          {labels.added}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {labels.submit}
      </button>
    </form>
  )
}
