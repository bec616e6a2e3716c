/**
 * Brute-force protection for password sign-in. Failures are counted over a sliding window, per account
 * key (whether or not the account exists, so lockout reveals nothing) and per client address.
 */
export const SIGN_IN_WINDOW_MINUTES = 15
/** The 6th attempt after 5 failures within the window is refused, even with the right password. */
export const MAX_FAILURES_PER_ACCOUNT = 5
/** One address trying many accounts (password spraying). */
export const MAX_FAILURES_PER_IP = 20

export type RecentFailures = { account: number; ip: number }

export function isSignInBlocked(failures: RecentFailures): boolean {
  return failures.account >= MAX_FAILURES_PER_ACCOUNT || failures.ip >= MAX_FAILURES_PER_IP
}

export function windowStart(now: Date): Date {
  return new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000)
}
