import { addWorkingMinutes, OFFICE_CLOSES_AT, OFFICE_OPENS_AT, type WorkingCalendar } from './working-days'

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
