/**
 * What a new password must be: at least 10 characters with both letters and digits (any alphabet, so
 * "Mật khẩu 2026" is fine), at most 128, and not containing the person's own ID number, phone or username.
 * Length counts characters of the composed (NFC) form, as the hash does (server/auth/password.ts).
 */
export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 128

export const PASSWORD_ISSUES = ['TOO_SHORT', 'TOO_LONG', 'NEEDS_LETTER', 'NEEDS_DIGIT', 'CONTAINS_PERSONAL_INFO'] as const
export type PasswordIssue = (typeof PASSWORD_ISSUES)[number]

/** Personal values shorter than this are not looked for (too many false positives). */
const MIN_PERSONAL_LENGTH = 4

export function checkPasswordPolicy(password: string, personal: readonly (string | null | undefined)[] = []): PasswordIssue[] {
  const composed = password.normalize('NFC')
  const length = [...composed].length
  const issues: PasswordIssue[] = []
  if (length < PASSWORD_MIN_LENGTH) issues.push('TOO_SHORT')
  if (length > PASSWORD_MAX_LENGTH) issues.push('TOO_LONG')
  if (!/\p{L}/u.test(composed)) issues.push('NEEDS_LETTER')
  if (!/\d/.test(composed)) issues.push('NEEDS_DIGIT')
  const lower = composed.toLowerCase()
  const containsPersonal = personal.some((value) => {
    const needle = value?.normalize('NFC').trim().toLowerCase()
    return needle !== undefined && needle.length >= MIN_PERSONAL_LENGTH && lower.includes(needle)
  })
  if (containsPersonal) issues.push('CONTAINS_PERSONAL_INFO')
  return issues
}
