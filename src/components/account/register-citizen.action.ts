'use server'

import { redirect } from 'next/navigation'
import { registerCitizen } from '@/server/account/register-citizen'
import { db } from '@/server/db'
import { getRequestMeta } from '@/server/http/request-meta'
import { readFields, stateFromError, type AccountFormState } from './form-state'

/** Given back to a refused form; the passwords are not. */
const KEPT = ['fullName', 'citizenId', 'birthDate', 'gender', 'phone', 'email'] as const

/** Registration form → registerCitizen; on success, to the sign-in page with a "registered" notice. */
export async function registerCitizenAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const values = readFields(formData, KEPT)
  const input = { ...values, ...readFields(formData, ['password', 'passwordConfirm']) }
  try {
    await registerCitizen(db(), { input, meta: await getRequestMeta() })
  } catch (error) {
    return stateFromError(error, values)
  }
  redirect('/dang-nhap?registered=1')
}
