'use server'

import { redirect } from 'next/navigation'
import { isAppError } from '@/domain/errors'
import { changePassword } from '@/server/account/change-password'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { getRequestMeta } from '@/server/http/request-meta'
import { clearSessionCookie } from './clear-session-cookie'
import { readFields, stateFromError, type AccountFormState } from './form-state'

const SIGN_IN_AGAIN = `/dang-nhap?next=${encodeURIComponent('/tai-khoan')}`

/** Change-password form → changePassword; every session ends, so on success: sign in again. */
export async function changePasswordAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const input = readFields(formData, ['currentPassword', 'newPassword', 'newPasswordConfirm'])
  try {
    const actor = await requireActor()
    await changePassword(db(), { actor, input, meta: await getRequestMeta() })
  } catch (error) {
    if (isAppError(error) && error.code === 'UNAUTHENTICATED') redirect(SIGN_IN_AGAIN)
    return stateFromError(error, {})
  }
  await clearSessionCookie()
  redirect('/dang-nhap?changed=1')
}
