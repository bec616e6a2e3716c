/**
 * Registration must tell a person that their ID number or phone already has an account (they should sign in or
 * reset their password instead), but the same answer lets anyone probe which numbers are registered. Refusals
 * for a number already registered are therefore counted per client address over a sliding window; past the
 * limit the form answers "too many attempts" before looking anything up. Only such refusals count, so people
 * sharing one address (a mobile carrier's NAT, a commune office) who register successfully are never held back.
 * The window is the sign-in window, the one the form's "try again in 15 minutes" message names.
 */
import { SIGN_IN_WINDOW_MINUTES } from '../access/sign-in-throttle'

export const REGISTRATION_WINDOW_MINUTES = SIGN_IN_WINDOW_MINUTES
/** The 6th registration from one address after 5 "already registered" refusals within the window is refused. */
export const MAX_TAKEN_REFUSALS_PER_IP = 5

export function isRegistrationBlocked(takenRefusalsInWindow: number): boolean {
  return takenRefusalsInWindow >= MAX_TAKEN_REFUSALS_PER_IP
}

/** Refusals after this instant (exclusive) count. */
export function registrationWindowStart(now: Date): Date {
  return new Date(now.getTime() - REGISTRATION_WINDOW_MINUTES * 60_000)
}
