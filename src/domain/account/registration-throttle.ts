/**
 * Registration must tell a person that their ID number or phone already has an account (they should sign in or
 * reset their password instead), but the same answer lets anyone probe which numbers are registered. Refusals
 * for a number already registered are therefore counted per client address over a sliding window; past the
 * limit every registration from that address is refused for the rest of the window, before anything is looked
 * up (answering "created" for free numbers would still tell the taken ones apart). Successful registrations do
 * not count. The limit is the sign-in's per-address one (20 in 15 minutes, the window the form's "try again in 15
 * minutes" names), so a commune office or a carrier's shared address is held back only by many refusals.
 */
import { MAX_FAILURES_PER_IP, SIGN_IN_WINDOW_MINUTES } from '../access/sign-in-throttle'

export const REGISTRATION_WINDOW_MINUTES = SIGN_IN_WINDOW_MINUTES
/** After this many "already registered" refusals from one address within the window, its registrations are refused. */
export const MAX_TAKEN_REFUSALS_PER_IP = MAX_FAILURES_PER_IP

export function isRegistrationBlocked(takenRefusalsInWindow: number): boolean {
  return takenRefusalsInWindow >= MAX_TAKEN_REFUSALS_PER_IP
}

/** Refusals after this instant (exclusive) count. */
export function registrationWindowStart(now: Date): Date {
  return new Date(now.getTime() - REGISTRATION_WINDOW_MINUTES * 60_000)
}
