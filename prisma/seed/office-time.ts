/**
 * Office-time placement for the demo history: events happen while the desk is open (07:30–17:00 local on
 * working days), so a generated timeline reads like a real one. Built on domain/calendar/working-days.
 */
import {
  addCalendarDays,
  isWorkingDay,
  localDateOf,
  localInstant,
  localMinuteOfDay,
  OFFICE_CLOSES_AT,
  OFFICE_OPENS_AT,
  workingMinutesBetween,
  type WorkingCalendar,
} from '../../src/domain/calendar/working-days'

export const OPENS = OFFICE_OPENS_AT.hour * 60 + OFFICE_OPENS_AT.minute
export const CLOSES = OFFICE_CLOSES_AT.hour * 60 + OFFICE_CLOSES_AT.minute
export const OFFICE_DAY_MINUTES = CLOSES - OPENS

/** The instant `minutes` of office time after `from`, moving `from` into office hours first. */
export function addOfficeMinutes(from: Date, minutes: number, calendar: WorkingCalendar): Date {
  let day = localDateOf(from)
  let minute = localMinuteOfDay(from) + (from.getTime() % 60_000) / 60_000
  let remaining = Math.max(0, minutes)
  for (let guard = 0; guard < 10_000; guard++) {
    if (!isWorkingDay(day, calendar) || minute >= CLOSES) {
      day = addCalendarDays(day, 1)
      minute = OPENS
      continue
    }
    if (minute < OPENS) minute = OPENS
    const available = CLOSES - minute
    if (remaining <= available) return localInstant(day, 0, Math.round((minute + remaining) * 60) / 60)
    remaining -= available
    day = addCalendarDays(day, 1)
    minute = OPENS
  }
  throw new RangeError('addOfficeMinutes: no office time found')
}

/** Office minutes between two instants (0 when `to` is not later). */
export function officeMinutesBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  return workingMinutesBetween(from, to, calendar)
}
