'use server'

import { redirect } from 'next/navigation'
import { requestPasswordReset } from '@/server/account/request-password-reset'
import { resetPassword } from '@/server/account/reset-password'
import { db } from '@/server/db'
import { getRequestMeta } from '@/server/http/request-meta'
import { readFields, stateFromError, type AccountFormState } from './form-state'

/** Step 1: ask for a code. The same answer ("sent") whether or not the account exists. */
export async function requestPasswordResetAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const values = readFields(formData, ['identifier'])
  try {
    await requestPasswordReset(db(), { input: values, meta: await getRequestMeta() })
  } catch (error) {
    return stateFromError(error, values)
  }
  return { status: 'done', fieldErrors: {}, formError: null, values }
}

/** Step 2: the code and a new password; on success, to the sign-in page with a "changed" notice. */
export async function resetPasswordAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const values = readFields(formData, ['identifier', 'code'])
  const input = { ...values, ...readFields(formData, ['newPassword', 'newPasswordConfirm']) }
  try {
    await resetPassword(db(), { input, meta: await getRequestMeta() })
  } catch (error) {
    return stateFromError(error, values)
  }
  redirect('/dang-nhap?changed=1')
}
