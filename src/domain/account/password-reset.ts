/**
 * Password reset by a one-time code sent through the notification outbox (SMS to the phone, else e-mail).
 * The rules, as data and pure functions; server/account applies them.
 */

/** Six digits: short enough to type from an SMS. Guessing is bounded by the attempts and the expiry. */
export const RESET_CODE_LENGTH = 6
export const RESET_CODE_TTL_MINUTES = 15
/** Wrong codes tolerated per issued code; then the person asks for a new one. */
export const RESET_CODE_MAX_ATTEMPTS = 5

/** Requests are counted over a sliding window, per account key (existing or not) and per client address. */
export const RESET_REQUEST_WINDOW_MINUTES = 15
export const MAX_RESET_REQUESTS_PER_IDENTIFIER = 3
export const MAX_RESET_REQUESTS_PER_IP = 10

export type RecentResetRequests = { identifier: number; ip: number }

export function isResetRequestBlocked(recent: RecentResetRequests): boolean {
  return recent.identifier >= MAX_RESET_REQUESTS_PER_IDENTIFIER || recent.ip >= MAX_RESET_REQUESTS_PER_IP
}

export function resetRequestWindowStart(now: Date): Date {
  return new Date(now.getTime() - RESET_REQUEST_WINDOW_MINUTES * 60_000)
}

export function resetCodeExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + RESET_CODE_TTL_MINUTES * 60_000)
}

/** A code as people type it ("123 456"): the six digits, or null. */
export function normalizeResetCode(raw: string): string | null {
  const digits = raw.replace(/[\s.\-]/g, '')
  return new RegExp(`^\\d{${RESET_CODE_LENGTH}}$`).test(digits) ? digits : null
}

/** Turns a random integer in [0, 10^6) into the six-digit code (leading zeros kept). */
export function formatResetCode(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 10 ** RESET_CODE_LENGTH) throw new RangeError(`reset code out of range: ${value}`)
  return String(value).padStart(RESET_CODE_LENGTH, '0')
}

export type IssuedCode = { expiresAt: Date; consumedAt: Date | null; attempts: number }

/** A code can still be tried: not used, not expired, attempts left. */
export function isResetCodeUsable(code: IssuedCode, now: Date): boolean {
  return code.consumedAt === null && code.expiresAt.getTime() > now.getTime() && code.attempts < RESET_CODE_MAX_ATTEMPTS
}

/** The outbox template of the message carrying the code. */
export const PASSWORD_RESET_TEMPLATE = 'password-reset'

export type PasswordResetPayload = { code: string; expiresInMinutes: number }

export function isPasswordResetPayload(payload: unknown): payload is PasswordResetPayload {
  if (typeof payload !== 'object' || payload === null) return false
  const { code, expiresInMinutes } = payload as Record<string, unknown>
  return typeof code === 'string' && typeof expiresInMinutes === 'number'
}

/** The text sent (SMS or e-mail body). Always Vietnamese: it goes to a phone, not to a page with a locale. */
export function renderPasswordResetMessage(payload: PasswordResetPayload): string {
  return `Mã khôi phục mật khẩu MotCua của bạn là ${payload.code}, hiệu lực ${payload.expiresInMinutes} phút. Không cung cấp mã này cho bất kỳ ai.`
}
