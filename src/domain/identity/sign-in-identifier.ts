import { normalizeVietnamesePhone } from './phone'

/**
 * What a person typed in the single sign-in box: citizens use their 12-digit ID number (CCCD) or their
 * phone, staff their username. Normalised, so "0912 345 678" and "+84912345678" are the same key.
 */
export type SignInIdentifier =
  | { kind: 'citizenId'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'username'; value: string }

export function classifySignInIdentifier(raw: string): SignInIdentifier {
  const trimmed = raw.trim()
  if (/^\d{12}$/.test(trimmed)) return { kind: 'citizenId', value: trimmed }
  const phone = normalizeVietnamesePhone(trimmed)
  if (phone) return { kind: 'phone', value: phone }
  return { kind: 'username', value: trimmed.toLowerCase() }
}

/** The key sign-in attempts are counted under (lockout per account, whether or not it exists). */
export function throttleKey(identifier: SignInIdentifier): string {
  return `${identifier.kind}:${identifier.value}`
}
