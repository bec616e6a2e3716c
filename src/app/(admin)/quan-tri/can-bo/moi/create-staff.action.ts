'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { staffAccountHref } from '@/components/admin/admin-hrefs'
import type { FormState } from '@/components/admin/form-state'
import { toFormState } from '@/components/admin/to-form-state'
import { createStaffAccount } from '@/server/admin/create-staff-account'
import { requirePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { getRequestMeta } from '@/server/http/request-meta'

const text = (formData: FormData, name: string) => {
  const value = formData.get(name)
  return typeof value === 'string' ? value : ''
}

/** Create a staff account: authorise, hand the form to the use-case (which validates), then show the account. */
export async function createStaffAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const input = {
    username: text(formData, 'username'),
    password: text(formData, 'password'),
    passwordConfirm: text(formData, 'passwordConfirm'),
    fullName: text(formData, 'fullName'),
    role: text(formData, 'role'),
    communeIds: formData.getAll('communeIds').filter((value): value is string => typeof value === 'string'),
    phone: text(formData, 'phone'),
    email: text(formData, 'email'),
  }
  let created: { id: string }
  try {
    const actor = await requirePermission('admin.manageStaff')
    created = await createStaffAccount(db(), { actor, input, meta: await getRequestMeta() })
  } catch (error) {
    // Echo what was typed, never the passwords.
    const { username, fullName, role, communeIds, phone, email } = input
    return toFormState(error, { username, fullName, role, communeIds, phone, email })
  }
  revalidatePath('/quan-tri', 'layout')
  redirect(`${staffAccountHref(created.id)}?moi=1`)
}
