import { getTranslations } from 'next-intl/server'
import { isCommuneStaff, STAFF_ROLES } from '@/domain/access/roles'
import type { RoleOption, StaffFormLabels } from './staff-form'

/** Translated texts for the client forms (the message bundle itself stays on the server). */
export async function staffFormLabels(mode: 'create' | 'update'): Promise<StaffFormLabels> {
  const t = await getTranslations('Admin.form')
  return {
    fullName: t('fullName'),
    username: t('username'),
    usernameHint: t('usernameHint'),
    password: t('password'),
    passwordHint: t('passwordHint'),
    passwordConfirm: t('passwordConfirm'),
    role: t('role'),
    phone: t('phone'),
    email: t('email'),
    optional: t('optional'),
    submit: mode === 'create' ? t('submitCreate') : t('submitUpdate'),
    pending: t('pending'),
    cancel: t('cancel'),
    ownRole: t('ownRole'),
    noCommunesForRole: t('noCommunesForRole'),
    communes: {
      legend: t('communes'),
      hint: t('communesHint'),
      search: t('communeSearch'),
      searchPlaceholder: t('communeSearchPlaceholder'),
      selectedNone: t('communesSelectedNone'),
      selectedOne: t('communesSelectedOne'),
      selectedMany: t.raw('communesSelectedMany') as string,
      noMatch: t('communeNoMatch'),
      remove: t.raw('removeCommune') as string,
    },
  }
}

export async function roleOptions(): Promise<RoleOption[]> {
  const t = await getTranslations('Admin')
  return STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`), hint: t(`roleHints.${role}`), communeBound: isCommuneStaff(role) }))
}
