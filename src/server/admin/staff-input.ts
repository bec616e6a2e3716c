import 'server-only'
import { z } from 'zod'
import { isCommuneStaff, STAFF_ROLES } from '@/domain/access/roles'
import { normalizeVietnamesePhone } from '@/domain/identity/phone'

/**
 * Inputs of the staff-account use-cases. Every message is an error *code* (a key of `Admin.errors` in
 * messages/admin/*.json): the server action translates it next to the field, in the visitor's language.
 * Pure rules with no I/O; uniqueness and "does this commune exist" are checked by the use-cases.
 */

export const USERNAME_MIN = 3
export const USERNAME_MAX = 50
export const PASSWORD_MIN = 10
/** The sign-in form accepts up to 200 characters; a longer password could never be typed there. */
export const PASSWORD_MAX = 200
export const FULL_NAME_MAX = 100
export const EMAIL_MAX = 254
/** Far above the province's 130 communes: only a guard against absurd input. */
export const MAX_COMMUNES_PER_USER = 200

/**
 * Lower-case letters and digits in dot-separated parts, starting with a letter ("canbo.thanhvinh",
 * "nguyenvana2"). Starting with a letter keeps a username from ever reading as a phone number or a
 * 12-digit ID number in the single sign-in box (domain/identity/sign-in-identifier.ts), where dots in a
 * phone number are ignored.
 */
const USERNAME_PATTERN = /^[a-z][a-z0-9]*(?:\.[a-z0-9]+)*$/

export const ZUsername = z
  .string({ error: 'usernameRequired' })
  .trim()
  .toLowerCase()
  .min(1, 'usernameRequired')
  .min(USERNAME_MIN, 'usernameLength')
  .max(USERNAME_MAX, 'usernameLength')
  .regex(USERNAME_PATTERN, 'usernameFormat')

/** At least 10 characters with at least one letter and one digit (any script: "Mậtkhẩu2026" counts). */
export const ZNewPassword = z
  .string({ error: 'passwordRequired' })
  .min(1, 'passwordRequired')
  .min(PASSWORD_MIN, 'passwordTooShort')
  .max(PASSWORD_MAX, 'passwordTooLong')
  .refine((value) => /\p{L}/u.test(value) && /\p{Nd}/u.test(value), 'passwordNeedsLetterAndDigit')

const ZFullName = z
  .string({ error: 'fullNameRequired' })
  .trim()
  .min(1, 'fullNameRequired')
  .max(FULL_NAME_MAX, 'fullNameTooLong')
  .transform((value) => value.replace(/\s+/g, ' ').normalize('NFC'))

/** Blank → null, so a cleared field removes the value. */
const blankToNull = (value: unknown) => (value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value)

const ZPhone = z.preprocess(
  blankToNull,
  z
    .string({ error: 'phoneInvalid' })
    .transform((value, context) => {
      const phone = normalizeVietnamesePhone(value)
      if (!phone) {
        context.addIssue({ code: 'custom', message: 'phoneInvalid' })
        return z.NEVER
      }
      return phone
    })
    .nullable(),
)

const ZEmail = z.preprocess(
  blankToNull,
  z
    .string({ error: 'emailInvalid' })
    .trim()
    .toLowerCase()
    .max(EMAIL_MAX, 'emailInvalid')
    .pipe(z.email({ error: 'emailInvalid' }))
    .nullable(),
)

const ZRole = z.enum(STAFF_ROLES, { error: 'roleInvalid' })

const ZCommuneIds = z
  .array(z.uuid({ error: 'communeUnknown' }), { error: 'communeUnknown' })
  .max(MAX_COMMUNES_PER_USER, 'communesTooMany')
  .default([])
  .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))])

/** Commune staff work for at least one commune; provincial officers and administrators for none. */
function checkCommunesForRole(value: { role: (typeof STAFF_ROLES)[number]; communeIds: string[] }, context: z.RefinementCtx) {
  if (isCommuneStaff(value.role) && value.communeIds.length === 0) {
    context.addIssue({ code: 'custom', path: ['communeIds'], message: 'communesRequired' })
  }
  if (!isCommuneStaff(value.role) && value.communeIds.length > 0) {
    context.addIssue({ code: 'custom', path: ['communeIds'], message: 'communesNotAllowed' })
  }
}

/**
 * Cross-field checks run even when another field failed (zod skips them by default), so the form shows
 * every problem at once — but only once the fields they read are themselves valid.
 */
const whenValid = (...fields: string[]) => ({
  when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    payload.issues.every((issue) => !fields.includes(String(issue.path?.[0]))),
})

function checkPasswordsMatch(value: { password: string; passwordConfirm: string }, context: z.RefinementCtx) {
  if (value.password !== value.passwordConfirm) {
    context.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'passwordMismatch' })
  }
}

const profileShape = {
  fullName: ZFullName,
  role: ZRole,
  communeIds: ZCommuneIds,
  phone: ZPhone,
  email: ZEmail,
}

export const ZCreateStaffAccountInput = z
  .object({
    username: ZUsername,
    password: ZNewPassword,
    passwordConfirm: z.string({ error: 'passwordMismatch' }),
    ...profileShape,
  })
  .superRefine(checkCommunesForRole, whenValid('role', 'communeIds'))
  .superRefine(checkPasswordsMatch, whenValid('password', 'passwordConfirm'))
export type CreateStaffAccountInput = z.infer<typeof ZCreateStaffAccountInput>

/** The username never changes: it is what the person signs in with and what the audit log names. */
export const ZUpdateStaffAccountInput = z
  .object({ userId: z.string(), ...profileShape })
  .superRefine(checkCommunesForRole, whenValid('role', 'communeIds'))
export type UpdateStaffAccountInput = z.infer<typeof ZUpdateStaffAccountInput>

export const ZSetStaffAccountEnabledInput = z.object({ userId: z.string(), enabled: z.boolean() })

export const ZResetStaffPasswordInput = z
  .object({ userId: z.string(), password: ZNewPassword, passwordConfirm: z.string({ error: 'passwordMismatch' }) })
  .superRefine(checkPasswordsMatch, whenValid('password', 'passwordConfirm'))

/** A user id from a URL or a form: anything that is not a UUID simply names no account. */
export const ZUserId = z.uuid()
