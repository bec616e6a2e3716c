'use client'

import { useActionState } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'
import { FormMessage } from './form-field'
import { IDLE, type FormState } from './form-state'

type Action = (state: FormState, formData: FormData) => Promise<FormState>

/** One button that disables an active account or enables a disabled one, with the server's answer. */
export function AccountStatusForm({
  action,
  userId,
  enabled,
  labels,
}: {
  action: Action
  userId: string
  /** The account's current state: the button does the opposite. */
  enabled: boolean
  labels: { hint: string; submit: string; pending: string }
}) {
  const [state, formAction, pending] = useActionState(action, IDLE)
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <p className="text-sm text-slate-700">{labels.hint}</p>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="enabled" value={enabled ? 'false' : 'true'} />
      <button
        type="submit"
        disabled={pending}
        className={`${enabled ? buttonStyles.primary : buttonStyles.navy} disabled:opacity-70`}
      >
        {pending ? labels.pending : labels.submit}
      </button>
    </form>
  )
}
