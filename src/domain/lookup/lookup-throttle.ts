/**
 * Rate limits of the public dossier lookup (code + phone or ID number, without signing in). Attempts are
 * counted over a sliding window per client address and per dossier code (whether or not the code exists,
 * so a limit reveals nothing). Failures are limited tightly (guessing phone numbers for a known code, or
 * codes for a known phone); every lookup, successful or not, counts toward a looser limit (scraping).
 */
export const LOOKUP_WINDOW_MINUTES = 15

export const LOOKUP_LIMITS = {
  /** One address guessing many codes or phone numbers. */
  failuresPerIp: 10,
  /** Many addresses guessing the phone number of one dossier. */
  failuresPerCode: 5,
  /** Every lookup from one address, including the right ones. */
  attemptsPerIp: 30,
  /** Every lookup of one dossier, including the right ones. */
  attemptsPerCode: 20,
} as const

export type LookupAttemptRecord = { createdAt: Date; succeeded: boolean }

export type RecentLookupAttempts = {
  /** Attempts from the client's address within the window (any order). */
  byIp: readonly LookupAttemptRecord[]
  /** Attempts on the dossier code within the window (any order). */
  byCode: readonly LookupAttemptRecord[]
}

export type LookupThrottleDecision = { blocked: false } | { blocked: true; retryAfterMinutes: number }

/** Attempts strictly after this instant (and not after `now`) are in the window. */
export function lookupWindowStart(now: Date): Date {
  return new Date(now.getTime() - LOOKUP_WINDOW_MINUTES * 60_000)
}

const WINDOW_MS = LOOKUP_WINDOW_MINUTES * 60_000

/**
 * When a limit of `limit` attempts among `times` (within the window ending `now`) stops blocking: once the
 * oldest attempts leave the window, so that fewer than `limit` remain. Null when it does not block.
 */
function unblockedAt(times: readonly Date[], limit: number, now: Date): number | null {
  const since = now.getTime() - WINDOW_MS
  const inWindow = times
    .map((time) => time.getTime())
    .filter((time) => time > since && time <= now.getTime())
    .sort((a, b) => a - b)
  if (inWindow.length < limit) return null
  return inWindow[inWindow.length - limit]! + WINDOW_MS
}

/**
 * Whether the next lookup is refused and, if so, in how many whole minutes (rounded up, at least 1) every
 * limit it breaks has lifted.
 */
export function decideLookupThrottle(recent: RecentLookupAttempts, now: Date): LookupThrottleDecision {
  const times = (attempts: readonly LookupAttemptRecord[], failuresOnly: boolean) =>
    attempts.filter((attempt) => !failuresOnly || !attempt.succeeded).map((attempt) => attempt.createdAt)
  const lifts = [
    unblockedAt(times(recent.byIp, true), LOOKUP_LIMITS.failuresPerIp, now),
    unblockedAt(times(recent.byCode, true), LOOKUP_LIMITS.failuresPerCode, now),
    unblockedAt(times(recent.byIp, false), LOOKUP_LIMITS.attemptsPerIp, now),
    unblockedAt(times(recent.byCode, false), LOOKUP_LIMITS.attemptsPerCode, now),
  ].filter((lift): lift is number => lift !== null)
  if (lifts.length === 0) return { blocked: false }
  const waitMs = Math.max(...lifts) - now.getTime()
  return { blocked: true, retryAfterMinutes: Math.max(1, Math.ceil(waitMs / 60_000)) }
}

/** The key a typed dossier code is counted under: trimmed, upper case, at most 64 characters. */
export function lookupCodeKey(raw: string): string {
  return raw.trim().toUpperCase().slice(0, 64)
}
