import { addWorkingDays, addWorkingMinutes, localDateOf, OFFICE_CLOSES_AT, OFFICE_OPENS_AT, type LocalDate, type WorkingCalendar } from './working-days'

/** Office minutes in one working day (07:30–17:00). */
export const WORKING_DAY_MINUTES = OFFICE_CLOSES_AT.hour * 60 + OFFICE_CLOSES_AT.minute - (OFFICE_OPENS_AT.hour * 60 + OFFICE_OPENS_AT.minute)

/**
 * "Due within one working day": a running dossier whose due instant is at or before this bound (and not yet
 * past) is due soon. One working day of office time from `now`, so a Friday afternoon reaches into Monday and
 * a holiday eve skips the holiday.
 */
export function dueSoonUntil(now: Date, calendar: WorkingCalendar): Date {
  return addWorkingMinutes(now, WORKING_DAY_MINUTES, calendar)
}

/**
 * Bounds for the new appointment of an apology letter (local dates): the earliest working day after both the
 * current appointment's day and today, and a suggestion two working days after the later of those days —
 * what the form proposes; the person changes it when the case needs more.
 */
export function newAppointmentBounds(dueAt: Date, now: Date, calendar: WorkingCalendar): { min: LocalDate; suggested: LocalDate } {
  const base = [localDateOf(dueAt), localDateOf(now)].sort().at(-1)!
  return { min: addWorkingDays(base, 1, calendar), suggested: addWorkingDays(base, 2, calendar) }
}
