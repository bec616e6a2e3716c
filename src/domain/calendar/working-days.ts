import type { Deadline } from '../procedure/deadline'

/**
 * Working-day arithmetic for legal deadlines, in Vietnam's local time.
 *
 * Working days are Monday to Friday, minus the HOLIDAY and DAY_OFF exceptions of the calendar, plus its
 * WORKING_DAY exceptions (Saturdays made working days). Dates are 'yyyy-mm-dd' strings of the local calendar.
 *
 * Vietnam has kept UTC+07:00 without daylight saving since 1975, so local time is a fixed offset: the result
 * never depends on the server's time zone, and no time-zone database is needed in the hot path of the seed.
 */
export type LocalDate = string

export type CalendarDayKind = 'HOLIDAY' | 'DAY_OFF' | 'WORKING_DAY'

export type CalendarException = {
  date: LocalDate
  kind: CalendarDayKind
  /** What the day is, as the notice or the law names it (e.g. "Tết Nguyên đán (mùng 1 Tết)"); optional. */
  name?: string
}

/** Exceptions to the Monday–Friday week, by local date (the `CalendarDay` table). */
export type WorkingCalendar = ReadonlyMap<LocalDate, CalendarDayKind>

/**
 * A working calendar that also remembers the name of each exception (for explanations). Still a
 * `WorkingCalendar`: every function that takes one accepts it.
 */
export type NamedWorkingCalendar = WorkingCalendar & { readonly names: ReadonlyMap<LocalDate, string> }

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60

/** Office hours of a one-stop desk, local time: results are due at closing time. */
export const OFFICE_OPENS_AT = { hour: 7, minute: 30 } as const
export const OFFICE_CLOSES_AT = { hour: 17, minute: 0 } as const

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
/** Longest run of non-working days accepted before the calendar is considered broken (Tết is 9 days). */
const MAX_NON_WORKING_RUN = 60
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar from its exceptions; a later exception for the same date replaces an earlier one (name too). */
export function workingCalendar(exceptions: Iterable<CalendarException>): NamedWorkingCalendar {
  const kinds = new Map<LocalDate, CalendarDayKind>()
  const names = new Map<LocalDate, string>()
  for (const { date, kind, name } of exceptions) {
    kinds.set(assertLocalDate(date), kind)
    if (name) names.set(date, name)
    else names.delete(date)
  }
  return Object.assign(kinds, { names })
}

/** The name of a date's exception, when the calendar carries names (see `workingCalendar`). */
export function exceptionName(date: LocalDate, calendar: WorkingCalendar): string | undefined {
  const names = (calendar as Partial<NamedWorkingCalendar>).names
  return names instanceof Map ? names.get(date) : undefined
}

// Day numbers (days since 1970-01-01) of the dates seen so far, and back: the arithmetic below runs hundreds of
// thousands of times when the demo history is generated, and parsing and validating a date string is the
// costly part. Both maps stay small (one entry per distinct date).
const dayNumbers = new Map<LocalDate, number>()
const dates = new Map<number, LocalDate>()

function dayNumber(date: LocalDate): number {
  const cached = dayNumbers.get(date)
  if (cached !== undefined) return cached
  const match = LOCAL_DATE.exec(date)
  if (!match) throw new RangeError(`Not a yyyy-mm-dd date: ${date}`)
  const [, year, month, day] = match
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day))
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`Not a calendar date: ${date}`)
  const number = ms / DAY
  dayNumbers.set(date, number)
  dates.set(number, date)
  return number
}

function fromDayNumber(day: number): LocalDate {
  const cached = dates.get(day)
  if (cached !== undefined) return cached
  const date = new Date(day * DAY).toISOString().slice(0, 10)
  dayNumbers.set(date, day)
  dates.set(day, date)
  return date
}

function assertLocalDate(date: LocalDate): LocalDate {
  dayNumber(date)
  return date
}

/** The local (Asia/Ho_Chi_Minh) calendar date of an instant. */
export function localDateOf(instant: Date): LocalDate {
  const ms = instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError('Invalid date')
  return fromDayNumber(Math.floor((ms + VIETNAM_UTC_OFFSET_MINUTES * MINUTE) / DAY))
}

/** Minutes since local midnight of an instant. */
export function localMinuteOfDay(instant: Date): number {
  const local = instant.getTime() + VIETNAM_UTC_OFFSET_MINUTES * MINUTE
  return Math.floor((((local % DAY) + DAY) % DAY) / MINUTE)
}

/** The instant of `hour:minute` local time on a local date. */
export function localInstant(date: LocalDate, hour: number, minute = 0): Date {
  return new Date(dayNumber(date) * DAY + (hour * 60 + minute - VIETNAM_UTC_OFFSET_MINUTES) * MINUTE)
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days)
}

/** Day of the week of a local date: 0 = Sunday … 6 = Saturday (the one weekday rule of the calendar module). */
export function weekdayOf(date: LocalDate): number {
  // 1970-01-01 was a Thursday (weekday 4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7
}

/** Saturday or Sunday, whatever the calendar's exceptions say. */
export function isWeekend(date: LocalDate): boolean {
  const weekday = weekdayOf(date)
  return weekday === 0 || weekday === 6
}

export function isWorkingDay(date: LocalDate, calendar: WorkingCalendar): boolean {
  const exception = calendar.get(date)
  if (exception === 'WORKING_DAY') return true
  if (exception === 'HOLIDAY' || exception === 'DAY_OFF') return false
  return !isWeekend(date)
}

/** The first working day on or after `date`. */
export function firstWorkingDayFrom(date: LocalDate, calendar: WorkingCalendar): LocalDate {
  let day = dayNumber(date)
  for (let skipped = 0; skipped <= MAX_NON_WORKING_RUN; skipped++, day++) {
    const candidate = fromDayNumber(day)
    if (isWorkingDay(candidate, calendar)) return candidate
  }
  throw new RangeError(`No working day within ${MAX_NON_WORKING_RUN} days of ${date}: check the calendar`)
}

/**
 * The `days`-th working day after `date` (`date` itself not counted, whether or not it is a working day);
 * 0 gives `date` back.
 */
export function addWorkingDays(date: LocalDate, days: number, calendar: WorkingCalendar): LocalDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${days}`)
  let current = assertLocalDate(date)
  for (let counted = 0; counted < days; counted++) {
    current = firstWorkingDayFrom(addCalendarDays(current, 1), calendar)
  }
  return current
}

export type DueOptions = {
  /** Apply the deadline's extension (verification, many pages…); ignored when it has none. */
  extended?: boolean
}

/**
 * How the due day of a dossier follows from its receipt: the one rule behind `computeDueAt` and the due-date
 * explanation (explain-due-date.ts), so the two can never disagree.
 */
export type DueDatePlan = {
  /** Local date of receipt. */
  receivedOn: LocalDate
  /**
   * WORKING_DAYS: the first working day on or after receipt (the deadline's days are the working days after
   * it); SAME_DAY: the day the dossier is settled.
   */
  startDate: LocalDate
  /** Why `startDate` is not the day of receipt, when it is not. */
  movedBecause: 'AFTER_CUTOFF' | 'NON_WORKING_DAY' | null
  /** The due day by the deadline alone. */
  baseDueDate: LocalDate
  /** The due day after each extension in turn (same length and order as the `extensionDays` given). */
  extendedDueDates: LocalDate[]
  /** The due day after all extensions (`baseDueDate` when there are none). */
  dueDate: LocalDate
}

/**
 * The due day of a dossier received at `receivedAt`:
 * - SAME_DAY: the day of receipt, or the next working day when received at or after the cut-off hour or on a
 *   non-working day;
 * - WORKING_DAYS n: the n-th working day after the day of receipt, a receipt on a non-working day counting as a
 *   receipt on the next working day (the desk receives it then);
 * then each of `extensionDays` adds that many working days after the day reached so far.
 */
export function planDueDate(receivedAt: Date, deadline: Deadline, calendar: WorkingCalendar, extensionDays: readonly number[] = []): DueDatePlan {
  const receivedOn = localDateOf(receivedAt)
  let startDate: LocalDate
  let movedBecause: DueDatePlan['movedBecause'] = null
  let baseDueDate: LocalDate
  if (deadline.kind === 'SAME_DAY') {
    const working = isWorkingDay(receivedOn, calendar)
    if (working && localMinuteOfDay(receivedAt) < deadline.cutoffHour * 60) startDate = receivedOn
    else {
      startDate = addWorkingDays(receivedOn, 1, calendar)
      movedBecause = working ? 'AFTER_CUTOFF' : 'NON_WORKING_DAY'
    }
    baseDueDate = startDate
  } else {
    startDate = firstWorkingDayFrom(receivedOn, calendar)
    if (startDate !== receivedOn) movedBecause = 'NON_WORKING_DAY'
    baseDueDate = addWorkingDays(startDate, deadline.days, calendar)
  }
  let dueDate = baseDueDate
  const extendedDueDates = extensionDays.map((days) => (dueDate = addWorkingDays(dueDate, days, calendar)))
  return { receivedOn, startDate, movedBecause, baseDueDate, extendedDueDates, dueDate }
}

/** Office closing time (17:00 local) of a local date: the instant a result is due on that day. */
export function closingInstant(date: LocalDate): Date {
  return localInstant(date, OFFICE_CLOSES_AT.hour, OFFICE_CLOSES_AT.minute)
}

/**
 * When the result of a dossier received at `receivedAt` is due: office closing time (17:00 local) of the due
 * day of `planDueDate`, with the deadline's `extensionDays` more working days when `extended`.
 */
export function computeDueAt(receivedAt: Date, deadline: Deadline, calendar: WorkingCalendar, options: DueOptions = {}): Date {
  const extensions = options.extended && deadline.extensionDays ? [deadline.extensionDays] : []
  return closingInstant(planDueDate(receivedAt, deadline, calendar, extensions).dueDate)
}

/**
 * Minutes of office hours (07:30–17:00 local on working days) between two instants; 0 when `to` is not after
 * `from`. The unit of `DossierDailyStat.processingMinutes`.
 */
export function workingMinutesBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  return Math.floor(workingMinutesBetweenExact(from, to, calendar))
}

const OPENS_MINUTE = OFFICE_OPENS_AT.hour * 60 + OFFICE_OPENS_AT.minute
const CLOSES_MINUTE = OFFICE_CLOSES_AT.hour * 60 + OFFICE_CLOSES_AT.minute

/**
 * The instant `minutes` of office time (07:30–17:00 local on working days) after `from`: the inverse of
 * `workingMinutesBetween`. `from` outside office hours first moves to the next opening; a count that ends
 * exactly at closing time gives 17:00 of that day (not 07:30 of the next working day). 0 minutes gives `from`
 * back unchanged. Fractions of a minute are allowed.
 */
export function addWorkingMinutes(from: Date, minutes: number, calendar: WorkingCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Working minutes must be a number ≥ 0: ${minutes}`)
  if (Number.isNaN(from.getTime())) throw new RangeError('Invalid date')
  if (minutes === 0) return new Date(from.getTime())
  let remaining = minutes * MINUTE
  let day = localDateOf(from)
  let cursor = from.getTime()
  for (let skipped = 0; skipped <= MAX_NON_WORKING_RUN; ) {
    const midnight = localInstant(day, 0).getTime()
    const opens = midnight + OPENS_MINUTE * MINUTE
    const closes = midnight + CLOSES_MINUTE * MINUTE
    if (isWorkingDay(day, calendar) && cursor < closes) {
      skipped = 0
      const start = Math.max(cursor, opens)
      if (start + remaining <= closes) return new Date(start + remaining)
      remaining -= closes - start
    } else if (!isWorkingDay(day, calendar)) {
      skipped++
    }
    day = addCalendarDays(day, 1)
    cursor = localInstant(day, 0).getTime()
  }
  throw new RangeError(`No working day within ${MAX_NON_WORKING_RUN} days: check the calendar`)
}

export type ResumeInput = {
  /** The due instant in force when the clock stopped. */
  dueAt: Date
  /** When the clock stopped (e.g. the dossier was returned to the applicant for more papers). */
  pausedAt: Date
  /** When the clock started again; not before `pausedAt`. */
  resumedAt: Date
  calendar: WorkingCalendar
}

/**
 * The due instant after a pause: the office time that remained between `pausedAt` and `dueAt`, counted again
 * from `resumedAt` (the time a dossier waits on the applicant is not counted).
 *
 * Never earlier than `dueAt` nor than `resumedAt`, so pausing never shortens a deadline, and always within office
 * hours of a working day when `dueAt` is. When the clock stopped at or after `dueAt` (already late), no time
 * remained: the result is the later of `dueAt` and the first office instant at or after `resumedAt` (due at once)
 * — the engine keeps the original `dueAt` if it wants to report the lateness.
 */
export function resumeDueAt({ dueAt, pausedAt, resumedAt, calendar }: ResumeInput): Date {
  if (resumedAt.getTime() < pausedAt.getTime()) throw new RangeError('resumedAt is before pausedAt')
  const remaining = workingMinutesBetweenExact(pausedAt, dueAt, calendar)
  const resumed = remaining > 0 ? addWorkingMinutes(resumedAt, remaining, calendar) : firstOfficeInstantFrom(resumedAt, calendar)
  return new Date(Math.max(dueAt.getTime(), resumed.getTime(), resumedAt.getTime()))
}

/**
 * The appointment after a supplement pause, as the dossier records it: when time remained at the pause, the
 * resumed due instant (`resumeDueAt`); when the dossier was already late at the pause, the missed appointment
 * stays (the lateness remains on record, and a new date comes only with an apology letter). The one rule the
 * workflow engine stores and the due-date explanation shows.
 */
export function dueAtAfterPause({ dueAt, pausedAt, resumedAt, calendar }: ResumeInput): Date {
  if (pausedAt.getTime() >= dueAt.getTime()) return dueAt
  return resumeDueAt({ dueAt, pausedAt, resumedAt: new Date(Math.max(resumedAt.getTime(), pausedAt.getTime())), calendar })
}

/** `instant` itself when the desk is open then (07:30–17:00 of a working day, both ends included), else the next opening. */
export function firstOfficeInstantFrom(instant: Date, calendar: WorkingCalendar): Date {
  const day = localDateOf(instant)
  const midnight = localInstant(day, 0).getTime()
  const opens = midnight + OPENS_MINUTE * MINUTE
  const closes = midnight + CLOSES_MINUTE * MINUTE
  if (isWorkingDay(day, calendar) && instant.getTime() <= closes) return new Date(Math.max(opens, instant.getTime()))
  return localInstant(firstWorkingDayFrom(addCalendarDays(day, 1), calendar), OFFICE_OPENS_AT.hour, OFFICE_OPENS_AT.minute)
}

/** Office minutes between two instants, with fractions (workingMinutesBetween floors). */
function workingMinutesBetweenExact(from: Date, to: Date, calendar: WorkingCalendar): number {
  if (to.getTime() <= from.getTime()) return 0
  const last = localDateOf(to)
  let total = 0
  for (let day = localDateOf(from); day <= last; day = addCalendarDays(day, 1)) {
    if (!isWorkingDay(day, calendar)) continue
    const midnight = localInstant(day, 0).getTime()
    const start = Math.max(midnight + OPENS_MINUTE * MINUTE, from.getTime())
    const end = Math.min(midnight + CLOSES_MINUTE * MINUTE, to.getTime())
    if (end > start) total += end - start
  }
  return total / MINUTE
}
