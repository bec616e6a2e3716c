'use server'

import { revalidatePath } from 'next/cache'
import { getTranslations } from 'next-intl/server'
import type { FormState } from '@/components/admin/form-state'
import { toFormState } from '@/components/admin/to-form-state'
import { resetStaffPassword } from '@/server/admin/reset-staff-password'
import { setStaffAccountEnabled } from '@/server/admin/set-staff-account-enabled'
import { updateStaffAccount } from '@/server/admin/update-staff-account'
import { requirePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { getRequestMeta } from '@/server/http/request-meta'

/**
 * The actions of a staff account's page. Each: authorise, hand the form to one use-case (which validates
 * and checks the permission again), refresh the administration pages, answer with a translated message.
 */

const text = (formData: FormData, name: string) => {
  const value = formData.get(name)
  return typeof value === 'string' ? value : ''
}

export async function updateStaffAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const input = {
    userId: text(formData, 'userId'),
    fullName: text(formData, 'fullName'),
    role: text(formData, 'role'),
    communeIds: formData.getAll('communeIds').filter((value): value is string => typeof value === 'string'),
    phone: text(formData, 'phone'),
    email: text(formData, 'email'),
  }
  try {
    const actor = await requirePermission('admin.manageStaff')
    const result = await updateStaffAccount(db(), { actor, input, meta: await getRequestMeta() })
    revalidatePath('/quan-tri', 'layout')
    const t = await getTranslations('Admin.detail')
    return { status: 'success', message: result.changed ? t('saved') : t('unchanged'), values: input }
  } catch (error) {
    return toFormState(error, input)
  }
}

export async function setStaffEnabledAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const enabled = text(formData, 'enabled')
  const input = { userId: text(formData, 'userId'), enabled: enabled === 'true' ? true : enabled === 'false' ? false : enabled }
  try {
    const actor = await requirePermission('admin.manageStaff')
    const result = await setStaffAccountEnabled(db(), { actor, input, meta: await getRequestMeta() })
    revalidatePath('/quan-tri', 'layout')
    const t = await getTranslations('Admin.detail')
    return { status: 'success', message: result.enabled ? t('enabled') : t('disabled') }
  } catch (error) {
    return toFormState(error)
  }
}

export async function resetStaffPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const input = { userId: text(formData, 'userId'), password: text(formData, 'password'), passwordConfirm: text(formData, 'passwordConfirm') }
  try {
    const actor = await requirePermission('admin.manageStaff')
    await resetStaffPassword(db(), { actor, input, meta: await getRequestMeta() })
    revalidatePath('/quan-tri', 'layout')
    const t = await getTranslations('Admin.detail')
    return { status: 'success', message: t('resetDone') }
  } catch (error) {
    return toFormState(error)
  }
}
