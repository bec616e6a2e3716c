import { z } from 'zod'
import type { LocalDate } from '@/domain/calendar/working-days'
import { normalizeCitizenId, validateCitizenId, type CitizenGender, type CitizenIdError } from '@/domain/identity/citizen-id'
import { normalizeVietnamesePhone } from '@/domain/identity/phone'
import type { PasswordIssue } from '@/domain/identity/password-policy'
import { checkNewPassword } from './new-password'

/** What the registration form sends: every field as typed (missing or non-text values read as ""). */
const text = z.string().catch('')
export const ZRegistrationForm = z.object({
  fullName: text,
  citizenId: text,
  birthDate: text,
  gender: text,
  phone: text,
  email: text,
  password: text,
  passwordConfirm: text,
})
export type RegistrationForm = z.output<typeof ZRegistrationForm>
export type RegistrationField = keyof RegistrationForm

/** A citizen's registration, checked and normalised. */
export type Registration = {
  fullName: string
  citizenId: string
  birthDate: LocalDate
  gender: CitizenGender
  /** National form 0xxxxxxxxx. */
  phone: string
  email: string | null
  password: string
}

/** Codes, not text: the form shows the translated message for `<field>.<code>`. */
export type RegistrationErrorCode =
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'INVALID'
  | 'IN_FUTURE'
  | 'TOO_EARLY'
  | 'MISMATCH'
  /** Already registered (set by the use-case, which knows the database). */
  | 'TAKEN'
  | CitizenIdError
  | PasswordIssue

export type RegistrationFieldErrors = Partial<Record<RegistrationField, RegistrationErrorCode[]>>

export const FULL_NAME_MAX_LENGTH = 100
export const EMAIL_MAX_LENGTH = 254
/** The oldest birth date accepted: the ID number scheme starts with 1900. */
export const EARLIEST_BIRTH_DATE = '1900-01-01'

/** Letters (any script, with combining marks), spaces, and the apostrophes, dots and hyphens some names have. */
const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M}' .\-]*$/u
const ZEmail = z.email()

export function normalizeFullName(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/g, ' ')
}

/** True for a real calendar date written yyyy-mm-dd (no 31 February). */
export function isCalendarDate(value: string): value is LocalDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/**
 * Checks a registration form: each field on its own, then the ID number against the declared birth date
 * and gender, then the password (which must not contain the ID number or phone). Every problem is
 * reported, by field, so the person can fix them all at once. `today` is the date in Vietnam.
 */
export function validateRegistration(
  input: unknown,
  today: LocalDate,
): { ok: true; value: Registration } | { ok: false; fieldErrors: RegistrationFieldErrors } {
  const form = ZRegistrationForm.parse(typeof input === 'object' && input !== null ? input : {})
  const errors: RegistrationFieldErrors = {}
  const fail = (field: RegistrationField, ...codes: RegistrationErrorCode[]) => {
    errors[field] = [...(errors[field] ?? []), ...codes]
  }

  const fullName = normalizeFullName(form.fullName)
  if (fullName === '') fail('fullName', 'REQUIRED')
  else if ([...fullName].length > FULL_NAME_MAX_LENGTH) fail('fullName', 'TOO_LONG')
  else if (!NAME_PATTERN.test(fullName)) fail('fullName', 'INVALID')

  const birthDate = form.birthDate.trim()
  let birthDateOk = false
  if (birthDate === '') fail('birthDate', 'REQUIRED')
  else if (!isCalendarDate(birthDate)) fail('birthDate', 'INVALID')
  else if (birthDate < EARLIEST_BIRTH_DATE) fail('birthDate', 'TOO_EARLY')
  else if (birthDate > today) fail('birthDate', 'IN_FUTURE')
  else birthDateOk = true

  const gender = form.gender === 'MALE' || form.gender === 'FEMALE' ? form.gender : null
  if (!gender) fail('gender', 'REQUIRED')

  const citizenId = normalizeCitizenId(form.citizenId)
  if (citizenId === '') fail('citizenId', 'REQUIRED')
  else {
    const checked = validateCitizenId(citizenId, { birthDate: birthDateOk ? birthDate : null, gender })
    if (!checked.ok) fail('citizenId', ...checked.errors)
  }

  const phoneTyped = form.phone.trim()
  const phone = phoneTyped === '' ? null : normalizeVietnamesePhone(phoneTyped)
  if (phoneTyped === '') fail('phone', 'REQUIRED')
  else if (!phone) fail('phone', 'INVALID')

  const emailTyped = form.email.trim()
  if (emailTyped.length > EMAIL_MAX_LENGTH) fail('email', 'TOO_LONG')
  else if (emailTyped !== '' && !ZEmail.safeParse(emailTyped).success) fail('email', 'INVALID')

  const passwordErrors = checkNewPassword(form.password, form.passwordConfirm, [citizenId, phone])
  if (passwordErrors.password) fail('password', ...passwordErrors.password)
  if (passwordErrors.confirm) fail('passwordConfirm', ...passwordErrors.confirm)

  if (Object.keys(errors).length > 0 || !gender || !phone) return { ok: false, fieldErrors: errors }
  return {
    ok: true,
    value: {
      fullName,
      citizenId,
      birthDate,
      gender,
      phone,
      email: emailTyped === '' ? null : emailTyped,
      password: form.password,
    },
  }
}
