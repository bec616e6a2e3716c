import type { Deadline } from '../procedure/deadline'
import {
  addCalendarDays,
  addWorkingDays,
  exceptionName,
  firstWorkingDayFrom,
  isWorkingDay,
  localDateOf,
  localInstant,
  localMinuteOfDay,
  OFFICE_CLOSES_AT,
  OFFICE_OPENS_AT,
  dueAtAfterPause,
  workingMinutesBetween,
  type LocalDate,
  type WorkingCalendar,
} from './working-days'

/** What a calendar day is, before any counting. */
export type DayStatus =
  /** An ordinary Monday–Friday working day. */
  | 'WORKING_DAY'
  /** A Saturday or Sunday made a working day by notice (làm bù). */
  | 'MAKE_UP_WORKING_DAY'
  | 'WEEKEND'
  /** A public holiday (named). */
  | 'HOLIDAY'
  /** A weekday given off: substitute day (nghỉ bù) or swap (hoán đổi). */
  | 'DAY_OFF'

/**
 * How a day counts towards the due date:
 * - RECEIPT: the day the dossier was received (not counted itself for a WORKING_DAYS deadline);
 * - SAME_DAY: the day a SAME_DAY deadline is settled;
 * - DEADLINE: one of the deadline's n working days;
 * - EXTENSION: one of the working days added by an extension;
 * - AFTER_PAUSE: a working day used by the office time that remained when the clock was paused;
 * - null: not counted (a non-working day, or the receipt day's working days before the start).
 */
export type DayCount = 'RECEIPT' | 'SAME_DAY' | 'DEADLINE' | 'EXTENSION' | 'AFTER_PAUSE' | null

export type ExplainedDay = {
  date: LocalDate
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number
  status: DayStatus
  /** The holiday's or day off's name, when the calendar carries one. */
  name?: string
  counts: DayCount
  /** True when a pause covers part of this day's office hours (07:30–17:00). */
  paused: boolean
}

export type Pause = { from: Date; to: Date }
export type Extension = { days: number; reason: string }

export type ExplainInput = {
  receivedAt: Date
  deadline: Deadline
  calendar: WorkingCalendar
  /** Periods when the clock stopped (waiting on the applicant…); must not overlap. */
  pauses?: readonly Pause[]
  /** Extensions granted, in working days each. */
  extensions?: readonly Extension[]
}

export type DueDateExplanation = {
  receivedAt: Date
  receivedOn: LocalDate
  /**
   * The day counting starts from: for WORKING_DAYS the first working day on or after receipt (the deadline's
   * days are the working days after it); for SAME_DAY the day of settlement.
   */
  start: {
    date: LocalDate
    /** Why the start is not the day of receipt, if it is not. */
    movedBecause: 'AFTER_CUTOFF' | 'NON_WORKING_DAY' | null
  }
  /** Every calendar day from the day of receipt to the due day, inclusive. */
  days: ExplainedDay[]
  /** Number of days counted DEADLINE (the deadline's working days; 0 for SAME_DAY). */
  workingDaysCounted: number
  /** The due instant by the deadline alone (17:00 local). */
  dueWithoutExtensions: Date
  extensions: (Extension & { dueAfter: Date })[]
  pauses: (Pause & { workingMinutes: number; dueAfter: Date })[]
  /** The due instant, after the extensions and then the pauses (in chronological order). */
  dueAt: Date
}

function dayStatus(date: LocalDate, calendar: WorkingCalendar): DayStatus {
  const exception = calendar.get(date)
  if (exception === 'HOLIDAY') return 'HOLIDAY'
  if (exception === 'DAY_OFF') return 'DAY_OFF'
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  const weekend = weekday === 0 || weekday === 6
  if (exception === 'WORKING_DAY') return weekend ? 'MAKE_UP_WORKING_DAY' : 'WORKING_DAY'
  return weekend ? 'WEEKEND' : 'WORKING_DAY'
}

function overlapsOfficeHours(date: LocalDate, pause: Pause): boolean {
  const opens = localInstant(date, OFFICE_OPENS_AT.hour, OFFICE_OPENS_AT.minute).getTime()
  const closes = localInstant(date, OFFICE_CLOSES_AT.hour, OFFICE_CLOSES_AT.minute).getTime()
  return pause.from.getTime() < closes && pause.to.getTime() > opens
}

/**
 * Why a dossier is due when it is, day by day, for the officer's and the applicant's screens. The due instant
 * is the same as `computeDueAt` without pauses or extensions. Extensions add working days to the due day (in
 * the order given); then each pause, in chronological order, adds back the office time that remained when it
 * started (`dueAtAfterPause`, the rule the workflow engine stores).
 */
export function explainDueAt({ receivedAt, deadline, calendar, pauses = [], extensions = [] }: ExplainInput): DueDateExplanation {
  const receivedOn = localDateOf(receivedAt)
  let startDate: LocalDate
  let movedBecause: DueDateExplanation['start']['movedBecause'] = null
  let baseDueDate: LocalDate
  if (deadline.kind === 'SAME_DAY') {
    const working = isWorkingDay(receivedOn, calendar)
    const beforeCutoff = localMinuteOfDay(receivedAt) < deadline.cutoffHour * 60
    if (working && beforeCutoff) startDate = receivedOn
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
  const closing = (date: LocalDate) => localInstant(date, OFFICE_CLOSES_AT.hour, OFFICE_CLOSES_AT.minute)
  const dueWithoutExtensions = closing(baseDueDate)

  let extendedDueDate = baseDueDate
  const explainedExtensions = extensions.map((extension) => {
    extendedDueDate = addWorkingDays(extendedDueDate, extension.days, calendar)
    return { ...extension, dueAfter: closing(extendedDueDate) }
  })

  const sorted = [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime())
  sorted.forEach((pause, index) => {
    if (pause.to.getTime() < pause.from.getTime()) throw new RangeError('A pause ends before it starts')
    const next = sorted[index + 1]
    if (next && next.from.getTime() < pause.to.getTime()) throw new RangeError('Pauses overlap')
  })
  let dueAt = closing(extendedDueDate)
  const explainedPauses = sorted.map((pause) => {
    dueAt = dueAtAfterPause({ dueAt, pausedAt: pause.from, resumedAt: pause.to, calendar })
    return { ...pause, workingMinutes: workingMinutesBetween(pause.from, pause.to, calendar), dueAfter: dueAt }
  })

  const dueDate = localDateOf(dueAt)
  const days: ExplainedDay[] = []
  let counted = 0
  for (let date = receivedOn; date <= dueDate; date = addCalendarDays(date, 1)) {
    const status = dayStatus(date, calendar)
    const working = status === 'WORKING_DAY' || status === 'MAKE_UP_WORKING_DAY'
    let counts: DayCount = null
    if (deadline.kind === 'SAME_DAY' && date === startDate) counts = 'SAME_DAY'
    else if (date === receivedOn) counts = 'RECEIPT'
    else if (working && date > startDate) {
      if (date <= baseDueDate) counts = 'DEADLINE'
      else if (date <= extendedDueDate) counts = 'EXTENSION'
      else counts = 'AFTER_PAUSE'
    }
    if (counts === 'DEADLINE') counted++
    const name = status === 'HOLIDAY' || status === 'DAY_OFF' || status === 'MAKE_UP_WORKING_DAY' ? exceptionName(date, calendar) : undefined
    days.push({
      date,
      weekday: new Date(`${date}T00:00:00Z`).getUTCDay(),
      status,
      ...(name ? { name } : {}),
      counts,
      paused: working && sorted.some((pause) => overlapsOfficeHours(date, pause)),
    })
  }

  return {
    receivedAt,
    receivedOn,
    start: { date: startDate, movedBecause },
    days,
    workingDaysCounted: counted,
    dueWithoutExtensions,
    extensions: explainedExtensions,
    pauses: explainedPauses,
    dueAt,
  }
}
