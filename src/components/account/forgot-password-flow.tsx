'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useActionState, useState } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'
import { ErrorSummary, useFieldError } from './error-summary'
import { INITIAL_ACCOUNT_FORM_STATE } from './form-state'
import { requestPasswordResetAction, resetPasswordAction } from './password-reset.action'
import { TextField } from './text-field'

const REQUEST_IDS = { identifier: 'dinh-danh' }
const RESET_IDS = { identifier: 'dinh-danh', code: 'ma-xac-nhan', newPassword: 'mat-khau-moi', newPasswordConfirm: 'nhap-lai-mat-khau-moi' }

/**
 * "Forgot password" in two steps on one page: ask for a code (always answered "if the account exists,
 * a code was sent"), then type the code and a new password — or ask again from there. Someone who
 * already has a code goes straight to the second step.
 */
export function ForgotPasswordFlow({ demoMailbox }: { demoMailbox: boolean }) {
  const t = useTranslations('Account')
  const [requested, requestAction, requesting] = useActionState(requestPasswordResetAction, INITIAL_ACCOUNT_FORM_STATE)
  const [reset, resetAction, resetting] = useActionState(resetPasswordAction, INITIAL_ACCOUNT_FORM_STATE)
  const [haveCode, setHaveCode] = useState(false)
  const requestError = useFieldError(requested)
  const resetError = useFieldError(reset)
  const sent = requested.status === 'done'

  if (!sent && !haveCode && reset.status === 'idle') {
    return (
      <form action={requestAction} noValidate className="space-y-5">
        <ErrorSummary state={requested} fieldIds={REQUEST_IDS} />
        <TextField
          id={REQUEST_IDS.identifier}
          name="identifier"
          label={t('fields.identifier')}
          error={requestError('identifier')}
          defaultValue={requested.values.identifier}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={100}
          required
        />
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <button type="submit" disabled={requesting} className={`${buttonStyles.primary} disabled:opacity-70`}>
            {requesting ? t('forgot.requestPending') : t('forgot.requestSubmit')}
          </button>
          <button type="button" onClick={() => setHaveCode(true)} className="font-semibold text-navy-800 underline">
            {t('forgot.haveCode')}
          </button>
        </div>
      </form>
    )
  }

  return (
    <div className="space-y-5">
      {sent ? (
        <div role="status" className="space-y-2 rounded border-l-4 border-navy-600 bg-navy-50 px-4 py-3 text-sm text-navy-900">
          <p>{t('forgot.sent')}</p>
          {demoMailbox ? (
            <p>
              {t('forgot.demoMailbox')}{' '}
              <Link href="/hop-thu-thu-nghiem" target="_blank" className="font-semibold underline">
                {t('forgot.demoMailboxLink')}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <section aria-labelledby="dat-mat-khau-moi">
        <h2 id="dat-mat-khau-moi" className="text-xl font-bold text-navy-900">
          {t('forgot.codeTitle')}
        </h2>
        <p className="mt-1 text-slate-700">{t('forgot.codeLead')}</p>
        <form action={resetAction} noValidate className="mt-5 space-y-5">
          {requested.status === 'failed' ? <ErrorSummary state={requested} fieldIds={REQUEST_IDS} /> : null}
          <ErrorSummary state={reset} fieldIds={RESET_IDS} />
          <TextField
            id={RESET_IDS.identifier}
            name="identifier"
            label={t('fields.identifier')}
            error={resetError('identifier') ?? requestError('identifier')}
            defaultValue={reset.values.identifier ?? requested.values.identifier}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={100}
            required
          />
          <TextField
            id={RESET_IDS.code}
            name="code"
            label={t('fields.code')}
            hint={t('fields.codeHint')}
            error={resetError('code')}
            defaultValue={reset.values.code}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={12}
            required
          />
          <TextField
            id={RESET_IDS.newPassword}
            name="newPassword"
            type="password"
            label={t('fields.newPassword')}
            hint={t('fields.passwordHint')}
            error={resetError('newPassword')}
            autoComplete="new-password"
            maxLength={200}
            required
          />
          <TextField
            id={RESET_IDS.newPasswordConfirm}
            name="newPasswordConfirm"
            type="password"
            label={t('fields.newPasswordConfirm')}
            error={resetError('newPasswordConfirm')}
            autoComplete="new-password"
            maxLength={200}
            required
          />
          <div className="flex flex-col gap-3 sm:flex-row-reverse sm:items-center sm:justify-between">
            <button type="submit" disabled={resetting || requesting} className={`${buttonStyles.primary} disabled:opacity-70`}>
              {resetting ? t('forgot.resetPending') : t('forgot.resetSubmit')}
            </button>
            {/* Sends the identifier above to step 1 again. */}
            <button type="submit" formAction={requestAction} formNoValidate disabled={resetting || requesting} className={`${buttonStyles.secondary} disabled:opacity-70`}>
              {requesting ? t('forgot.requestPending') : t('forgot.resend')}
            </button>
          </div>
        </form>
      </section>
    </div>
  )
}
