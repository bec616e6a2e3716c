'use client'

import { useTranslations } from 'next-intl'
import { useActionState } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'
import { changePasswordAction } from './change-password.action'
import { ErrorSummary, useFieldError } from './error-summary'
import { INITIAL_ACCOUNT_FORM_STATE } from './form-state'
import { TextField } from './text-field'

const IDS = { currentPassword: 'mat-khau-hien-tai', newPassword: 'mat-khau-moi', newPasswordConfirm: 'nhap-lai-mat-khau-moi' }

/** Current password, new password twice. Nothing is kept after a refusal: all three are secrets. */
export function ChangePasswordForm() {
  const t = useTranslations('Account')
  const [state, action, pending] = useActionState(changePasswordAction, INITIAL_ACCOUNT_FORM_STATE)
  const error = useFieldError(state)
  return (
    <form action={action} noValidate className="space-y-5">
      <ErrorSummary state={state} fieldIds={IDS} />
      <TextField
        id={IDS.currentPassword}
        name="currentPassword"
        type="password"
        label={t('fields.currentPassword')}
        error={error('currentPassword')}
        autoComplete="current-password"
        maxLength={200}
        required
      />
      <TextField
        id={IDS.newPassword}
        name="newPassword"
        type="password"
        label={t('fields.newPassword')}
        hint={t('fields.passwordHint')}
        error={error('newPassword')}
        autoComplete="new-password"
        maxLength={200}
        required
      />
      <TextField
        id={IDS.newPasswordConfirm}
        name="newPasswordConfirm"
        type="password"
        label={t('fields.newPasswordConfirm')}
        error={error('newPasswordConfirm')}
        autoComplete="new-password"
        maxLength={200}
        required
      />
      <button type="submit" disabled={pending} className={`${buttonStyles.primary} disabled:opacity-70`}>
        {pending ? t('page.changePasswordPending') : t('page.changePasswordSubmit')}
      </button>
    </form>
  )
}
