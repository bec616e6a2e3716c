'use client'

import { useActionState } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'
import { describedBy, FormField, FormMessage, NewPasswordInput } from './form-field'
import { IDLE, type FormState } from './form-state'

type Action = (state: FormState, formData: FormData) => Promise<FormState>

/** The administrator types a temporary password twice; the fields are emptied after every answer. */
export function ResetPasswordForm({
  action,
  userId,
  labels,
}: {
  action: Action
  userId: string
  labels: { hint: string; password: string; passwordConfirm: string; passwordHint: string; submit: string; pending: string }
}) {
  const [state, formAction, pending] = useActionState(action, IDLE)
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {}
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <p className="text-sm text-slate-700">{labels.hint}</p>
      <input type="hidden" name="userId" value={userId} />
      <FormField id="mat-khau-moi" label={labels.password} hint={labels.passwordHint} error={errors.password}>
        <NewPasswordInput
          id="mat-khau-moi"
          name="password"
          error={errors.password}
          describedBy={describedBy('mat-khau-moi', { hint: labels.passwordHint, error: errors.password })}
        />
      </FormField>
      <FormField id="nhap-lai-mat-khau-moi" label={labels.passwordConfirm} error={errors.passwordConfirm}>
        <NewPasswordInput
          id="nhap-lai-mat-khau-moi"
          name="passwordConfirm"
          error={errors.passwordConfirm}
          describedBy={describedBy('nhap-lai-mat-khau-moi', { error: errors.passwordConfirm })}
        />
      </FormField>
      <button type="submit" disabled={pending} className={`${buttonStyles.navy} disabled:opacity-70`}>
        {pending ? labels.pending : labels.submit}
      </button>
    </form>
  )
}
