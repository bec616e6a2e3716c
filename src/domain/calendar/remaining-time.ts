import { classifyOutcome, DOSSIER_OUTCOMES, type DossierOutcome } from '../workflow/classify-outcome'
import { dueSoonUntil, WORKING_DAY_MINUTES } from './due-soon'
import { workingMinutesBetween, type WorkingCalendar } from './working-days'

/**
 * Where a dossier stands against its due instant:
 * - NOT_STARTED: the legal clock never started (not received yet, or refused/withdrawn before receipt);
 * - ON_TIME: running, more than one working day of office time left;
 * - DUE_SOON: running, not past the due instant, due within one working day (`dueSoonUntil`, the rule of the
 *   staff queue "due within a working day");
 * - OVERDUE: running and past the due instant;
 * - PAUSED: the clock is paused (awaiting a supplement);
 * - DONE_EARLY / DONE_ON_TIME / DONE_LATE: completed, by `classifyOutcome` (Decision 766: trước hạn, đúng hạn,
 *   quá hạn).
 */
export type RemainingStatus = 'ON_TIME' | 'DUE_SOON' | 'OVERDUE' | 'PAUSED' | 'DONE_EARLY' | 'DONE_ON_TIME' | 'DONE_LATE' | 'NOT_STARTED'

export type RemainingTime = {
  status: RemainingStatus
  /**
   * Signed office minutes between the reference instant and the due instant: > 0 left (or finished that much
   * early), < 0 overdue (or finished that much late). The reference instant is `now` while running, the
   * pause's start while paused (the time left is frozen), the completion once done. 0 for NOT_STARTED.
   */
  workingMinutes: number
  /**
   * `workingMinutes` in whole working days, rounded toward zero: "2 days left" means at least two full working
   * days left, never fewer; the rest is `workingMinutes - workingDays * WORKING_DAY_MINUTES`.
   */
  workingDays: number
  /** The due instant compared against (null for NOT_STARTED). */
  dueAt: Date | null
}

export type RemainingTimeInput = {
  now: Date
  dueAt: Date | null
  clockPausedAt: Date | null
  completedAt: Date | null
  /**
   * The stored outcome (`Dossier.outcome`: EARLY, ON_TIME, LATE; raw SQL rows give it as text); derived from
   * `completedAt` and `dueAt` when absent or unknown.
   */
  outcome: DossierOutcome | string | null
  calendar: WorkingCalendar
}

/** Signed office minutes from `from` to `to` (negative when `to` is before `from`). */
function signedWorkingMinutes(from: Date, to: Date, calendar: WorkingCalendar): number {
  return to.getTime() >= from.getTime() ? workingMinutesBetween(from, to, calendar) : -workingMinutesBetween(to, from, calendar)
}

const DONE: Record<DossierOutcome, RemainingStatus> = { EARLY: 'DONE_EARLY', ON_TIME: 'DONE_ON_TIME', LATE: 'DONE_LATE' }

/**
 * The time a dossier has left, in office time of working days, and how it stands (see `RemainingStatus`).
 * OVERDUE exactly when the clock runs and `now` is after `dueAt` (as `classifyOutcome` calls a completion LATE);
 * DUE_SOON exactly when it runs, is not overdue, and `dueAt` is no later than `dueSoonUntil(now)`.
 */
export function remainingTime({ now, dueAt, clockPausedAt, completedAt, outcome, calendar }: RemainingTimeInput): RemainingTime {
  if (!dueAt) return { status: 'NOT_STARTED', workingMinutes: 0, workingDays: 0, dueAt: null }
  let status: RemainingStatus
  let workingMinutes: number
  if (completedAt) {
    const stored = DOSSIER_OUTCOMES.find((known) => known === outcome)
    status = DONE[stored ?? classifyOutcome(completedAt, dueAt)]
    workingMinutes = signedWorkingMinutes(completedAt, dueAt, calendar)
  } else if (clockPausedAt) {
    status = 'PAUSED'
    workingMinutes = signedWorkingMinutes(clockPausedAt, dueAt, calendar)
  } else {
    workingMinutes = signedWorkingMinutes(now, dueAt, calendar)
    if (now.getTime() > dueAt.getTime()) status = 'OVERDUE'
    else status = dueAt.getTime() <= dueSoonUntil(now, calendar).getTime() ? 'DUE_SOON' : 'ON_TIME'
  }
  // `+ 0` turns a -0 (overdue by no office time yet, e.g. on the evening of the due day) into 0.
  return { status, workingMinutes: workingMinutes + 0, workingDays: Math.trunc(workingMinutes / WORKING_DAY_MINUTES) + 0, dueAt }
}

/** Office minutes as whole working days, hours and minutes (of the absolute value), for display. */
export function splitWorkingMinutes(workingMinutes: number): { days: number; hours: number; minutes: number } {
  const total = Math.floor(Math.abs(workingMinutes))
  const days = Math.floor(total / WORKING_DAY_MINUTES)
  const rest = total - days * WORKING_DAY_MINUTES
  return { days, hours: Math.floor(rest / 60), minutes: rest % 60 }
}
