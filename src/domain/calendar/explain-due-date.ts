import type { Deadline } from '../procedure/deadline'
import {
  addCalendarDays,
  closingInstant,
  dueAtAfterPause,
  exceptionName,
  isWeekend,
  isWorkingDay,
  localDateOf,
  localInstant,
  OFFICE_CLOSES_AT,
  OFFICE_OPENS_AT,
  planDueDate,
  weekdayOf,
  workingMinutesBetween,
  type DueDatePlan,
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
 * - RESCHEDULED: a working day added by a new appointment (apology letter, `Reschedule`);
 * - RECORDED: a working day of an appointment the dossier recorded that the rule, computed today, does not give
 *   (e.g. the calendar changed after the appointment was made; see `differsFromRule`);
 * - null: not counted (a non-working day, a working day the clock was paused all day long, or a day after the
 *   appointment moved earlier).
 */
export type DayCount = 'RECEIPT' | 'SAME_DAY' | 'DEADLINE' | 'EXTENSION' | 'AFTER_PAUSE' | 'RESCHEDULED' | 'RECORDED' | null

export type ExplainedDay = {
  date: LocalDate
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number
  status: DayStatus
  /** The holiday's or day off's name, when the calendar carries one. */
  name?: string
  counts: DayCount
  /** 1, 2, 3… along the counted days (every `counts` but RECEIPT and null), for "day 2 of 5". */
  ordinal?: number
  /** True when a pause covers part of this day's office hours (07:30–17:00). */
  paused: boolean
  /** True when a pause covers all of this working day's office hours: the day is not counted (`counts` null). */
  pausedAllDay: boolean
}

export type Pause = {
  from: Date
  /** When the clock ran again (or stopped for good); null while the clock is still paused. */
  to: Date | null
  /** Why the clock paused (the supplement request's reason). */
  reason?: string | null
  /**
   * The due instant the dossier recorded when the clock ran again (the resume event's `dueAt`), when known. It
   * wins over the rule: an appointment given to the applicant stands, and `differsFromRule` says so.
   */
  recordedDueAfter?: Date | null
  /** Position of the pausing event in the dossier's history: orders changes that happened at the same instant. */
  sequence?: number
}

export type Extension = { days: number; reason: string }

/** A new appointment (apology letter, "Phiếu xin lỗi và hẹn lại ngày trả kết quả"): the due instant becomes `dueAt`. */
export type Reschedule = {
  at: Date
  /** The new appointment: any instant the office chose, not necessarily a whole number of working days away. */
  dueAt: Date
  reason?: string | null
  /** Position of the event in the dossier's history: orders changes that happened at the same instant. */
  sequence?: number
}

export type ExplainInput = {
  receivedAt: Date
  deadline: Deadline
  calendar: WorkingCalendar
  /** Periods when the clock stopped (waiting on the applicant…); must not overlap; only the last may be open. */
  pauses?: readonly Pause[]
  /** Extensions granted on receipt, in working days each, applied in order before any pause. */
  extensions?: readonly Extension[]
  /** New appointments, applied in chronological order with the pauses. */
  reschedules?: readonly Reschedule[]
  /** The due instant the dossier recorded at receipt (the receive event's `dueAt`), when known; wins over the rule. */
  recordedDueAtReceipt?: Date | null
  /** The instant an open pause is counted up to (its `workingMinutes`); without it, an open pause counts 0. */
  now?: Date
}

type ChangeBase = {
  /** The due instant in force before this change. */
  dueBefore: Date
  /** The due instant after it (the recorded one when known). */
  dueAfter: Date
}

export type ExplainedPause = ChangeBase &
  Pause & {
    kind: 'PAUSE'
    /** Office minutes the clock stood still (up to `now` while open). */
    workingMinutes: number
    /** Office minutes that remained to the due instant when the clock paused (counted again from the resumption). */
    workingMinutesLeft: number
    /** True while the clock is still paused: the due instant moves only when it runs again. */
    ongoing: boolean
    /** Paused at or after the due instant: no time remained, the missed appointment stays (`dueAtAfterPause`). */
    lateWhenPaused: boolean
    /** The due instant by the rule (`dueAtAfterPause`); equals `dueAfter` unless `differsFromRule`. */
    computedDueAfter: Date
    differsFromRule: boolean
  }

export type ExplainedReschedule = ChangeBase & Reschedule & { kind: 'RESCHEDULE' }

/** A change of the due instant after receipt, in chronological order. */
export type DueChange = ExplainedPause | ExplainedReschedule

export type DueDateExplanation = {
  receivedAt: Date
  receivedOn: LocalDate
  deadline: Deadline
  /** The day counting starts from, and why it is not the day of receipt (see `DueDatePlan`). */
  start: {
    date: LocalDate
    movedBecause: DueDatePlan['movedBecause']
  }
  /** Every calendar day from the day of receipt to the due day (or to `now`'s day while paused, if later), inclusive. */
  days: ExplainedDay[]
  /** Number of days counted DEADLINE: the deadline's working days less those paused all day (0 for SAME_DAY). */
  workingDaysCounted: number
  /** The due instant by the deadline alone (17:00 local). */
  dueWithoutExtensions: Date
  extensions: (Extension & { dueAfter: Date })[]
  /** The due instant given at receipt: the recorded one when known, else the rule's (deadline + extensions). */
  dueAtReceipt: Date
  /** The rule's due instant at receipt (`computeDueAt`, with the extensions). */
  computedDueAtReceipt: Date
  /** The recorded appointment at receipt is not the rule's (calendar changed since, or data entered by hand). */
  receiptDiffersFromRule: boolean
  /** Pauses and new appointments in chronological order. */
  changes: DueChange[]
  /** The pauses alone (the PAUSE entries of `changes`). */
  pauses: ExplainedPause[]
  /** The new appointments alone (the RESCHEDULE entries of `changes`). */
  reschedules: ExplainedReschedule[]
  /** Start of the pause still open, if the clock is paused now. */
  pausedSince: Date | null
  /** The due instant after everything (what `Dossier.dueAt` holds). */
  dueAt: Date
}

function dayStatus(date: LocalDate, calendar: WorkingCalendar): DayStatus {
  const exception = calendar.get(date)
  if (exception === 'HOLIDAY') return 'HOLIDAY'
  if (exception === 'DAY_OFF') return 'DAY_OFF'
  if (exception === 'WORKING_DAY') return isWeekend(date) ? 'MAKE_UP_WORKING_DAY' : 'WORKING_DAY'
  return isWeekend(date) ? 'WEEKEND' : 'WORKING_DAY'
}

/** How a period covers a day's office hours (07:30–17:00): not at all, in part, or all of them. */
function officeHoursCovered(date: LocalDate, from: Date, to: Date): 'NONE' | 'PART' | 'ALL' {
  const opens = localInstant(date, OFFICE_OPENS_AT.hour, OFFICE_OPENS_AT.minute).getTime()
  const closes = localInstant(date, OFFICE_CLOSES_AT.hour, OFFICE_CLOSES_AT.minute).getTime()
  if (from.getTime() >= closes || to.getTime() <= opens) return 'NONE'
  return from.getTime() <= opens && to.getTime() >= closes ? 'ALL' : 'PART'
}

function assertValidDate(date: Date, what: string): void {
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid ${what}`)
}

/**
 * Which working days each move of the due day counts, as it happens: a later due day labels the working days
 * it adds, an earlier one un-counts the days it drops.
 */
class DayLabels {
  private readonly labels = new Map<LocalDate, Exclude<DayCount, 'RECEIPT' | null>>()
  constructor(private readonly calendar: WorkingCalendar) {}

  set(date: LocalDate, label: Exclude<DayCount, 'RECEIPT' | null>): void {
    this.labels.set(date, label)
  }

  move(from: LocalDate, to: LocalDate, label: Exclude<DayCount, 'RECEIPT' | 'SAME_DAY' | null>): void {
    if (to > from) {
      for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) {
        if (isWorkingDay(date, this.calendar)) this.labels.set(date, label)
      }
    } else {
      for (let date = addCalendarDays(to, 1); date <= from; date = addCalendarDays(date, 1)) this.labels.delete(date)
    }
  }

  get(date: LocalDate): DayCount {
    return this.labels.get(date) ?? null
  }
}

/**
 * Why a dossier is due when it is, day by day, for the officer's and the applicant's screens.
 *
 * One rule with the stored due date: the start and the due day at receipt come from `planDueDate`, the rule of
 * `computeDueAt`; extensions add working days to the due day (in the order given); then, in chronological
 * order, each pause adds back the office time that remained when it started (`dueAtAfterPause`, the rule the
 * workflow engine stores) and each new appointment sets the due instant. Where the dossier recorded a due instant
 * (`recordedDueAtReceipt`, `Pause.recordedDueAfter`), the recorded one is kept and the difference flagged.
 */
export function explainDueAt({
  receivedAt,
  deadline,
  calendar,
  pauses = [],
  extensions = [],
  reschedules = [],
  recordedDueAtReceipt,
  now,
}: ExplainInput): DueDateExplanation {
  assertValidDate(receivedAt, 'receipt date')
  const plan = planDueDate(receivedAt, deadline, calendar, extensions.map((extension) => extension.days))
  const dueWithoutExtensions = closingInstant(plan.baseDueDate)
  const computedDueAtReceipt = closingInstant(plan.dueDate)
  const dueAtReceipt = recordedDueAtReceipt ?? computedDueAtReceipt

  const sortedPauses = [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime())
  sortedPauses.forEach((pause, index) => {
    assertValidDate(pause.from, 'pause start')
    const next = sortedPauses[index + 1]
    if (pause.to === null) {
      if (next) throw new RangeError('Only the last pause may still be open')
      return
    }
    assertValidDate(pause.to, 'pause end')
    if (pause.to.getTime() < pause.from.getTime()) throw new RangeError('A pause ends before it starts')
    if (next && next.from.getTime() < pause.to.getTime()) throw new RangeError('Pauses overlap')
  })
  reschedules.forEach((reschedule) => {
    assertValidDate(reschedule.at, 'reschedule date')
    assertValidDate(reschedule.dueAt, 'new appointment')
  })

  const labels = new DayLabels(calendar)
  if (deadline.kind === 'SAME_DAY') labels.set(plan.startDate, 'SAME_DAY')
  else labels.move(plan.startDate, plan.baseDueDate, 'DEADLINE')
  let labelledUntil = plan.baseDueDate
  for (const extended of plan.extendedDueDates) {
    labels.move(labelledUntil, extended, 'EXTENSION')
    labelledUntil = extended
  }
  const moveTo = (date: LocalDate, label: Parameters<DayLabels['move']>[2]) => {
    labels.move(labelledUntil, date, label)
    labelledUntil = date
  }
  moveTo(localDateOf(dueAtReceipt), 'RECORDED')

  const explainedExtensions = extensions.map((extension, index) => ({ ...extension, dueAfter: closingInstant(plan.extendedDueDates[index]!) }))

  type Step = { at: number; sequence: number } & ({ pause: Pause } | { reschedule: Reschedule })
  const steps: Step[] = [
    ...sortedPauses.map((pause) => ({ at: pause.from.getTime(), sequence: pause.sequence ?? 0, pause })),
    ...reschedules.map((reschedule) => ({ at: reschedule.at.getTime(), sequence: reschedule.sequence ?? 0, reschedule })),
  ].sort((a, b) => a.at - b.at || a.sequence - b.sequence) // stable: without sequences, pauses first at the same instant

  let dueAt = dueAtReceipt
  let pausedSince: Date | null = null
  const changes: DueChange[] = steps.map((step): DueChange => {
    const dueBefore = dueAt
    if ('reschedule' in step) {
      dueAt = step.reschedule.dueAt
      moveTo(localDateOf(dueAt), 'RESCHEDULED')
      return { kind: 'RESCHEDULE', ...step.reschedule, dueBefore, dueAfter: dueAt }
    }
    const { pause } = step
    const lateWhenPaused = pause.from.getTime() >= dueBefore.getTime()
    const workingMinutesLeft = lateWhenPaused ? 0 : workingMinutesBetween(pause.from, dueBefore, calendar)
    if (pause.to === null) {
      pausedSince = pause.from
      const workingMinutes = now && now.getTime() > pause.from.getTime() ? workingMinutesBetween(pause.from, now, calendar) : 0
      return {
        kind: 'PAUSE',
        ...pause,
        dueBefore,
        dueAfter: dueBefore,
        computedDueAfter: dueBefore,
        workingMinutes,
        workingMinutesLeft,
        ongoing: true,
        lateWhenPaused,
        differsFromRule: false,
      }
    }
    const computedDueAfter = dueAtAfterPause({ dueAt: dueBefore, pausedAt: pause.from, resumedAt: pause.to, calendar })
    dueAt = pause.recordedDueAfter ?? computedDueAfter
    const computedDate = localDateOf(computedDueAfter)
    const recordedDate = localDateOf(dueAt)
    moveTo(computedDate < recordedDate ? computedDate : recordedDate, 'AFTER_PAUSE')
    moveTo(recordedDate, 'RECORDED')
    return {
      kind: 'PAUSE',
      ...pause,
      dueBefore,
      dueAfter: dueAt,
      computedDueAfter,
      workingMinutes: workingMinutesBetween(pause.from, pause.to, calendar),
      workingMinutesLeft,
      ongoing: false,
      lateWhenPaused,
      differsFromRule: dueAt.getTime() !== computedDueAfter.getTime(),
    }
  })

  // While the clock is paused, the days up to now show too (the paused days so far), even past the due day.
  const lastDate = [plan.receivedOn, localDateOf(dueAt), ...(pausedSince && now ? [localDateOf(now)] : [])].sort().at(-1)!
  const pauseEnd = (pause: Pause) => pause.to ?? now ?? new Date(8.64e15)
  const days: ExplainedDay[] = []
  let ordinal = 0
  for (let date = plan.receivedOn; date <= lastDate; date = addCalendarDays(date, 1)) {
    const status = dayStatus(date, calendar)
    const working = status === 'WORKING_DAY' || status === 'MAKE_UP_WORKING_DAY'
    const covered = working ? sortedPauses.map((pause) => officeHoursCovered(date, pause.from, pauseEnd(pause))) : []
    const pausedAllDay = covered.includes('ALL')
    const label = labels.get(date)
    // A day the clock stood still from opening to closing is not counted, whatever moved the due day over it.
    const counts: DayCount = date === plan.receivedOn && label !== 'SAME_DAY' ? 'RECEIPT' : pausedAllDay ? null : label
    const name = status === 'HOLIDAY' || status === 'DAY_OFF' || status === 'MAKE_UP_WORKING_DAY' ? exceptionName(date, calendar) : undefined
    days.push({
      date,
      weekday: weekdayOf(date),
      status,
      ...(name ? { name } : {}),
      counts,
      ...(counts && counts !== 'RECEIPT' ? { ordinal: ++ordinal } : {}),
      paused: covered.some((coverage) => coverage !== 'NONE'),
      pausedAllDay,
    })
  }

  const explainedPauses = changes.filter((change): change is ExplainedPause => change.kind === 'PAUSE')
  return {
    receivedAt,
    receivedOn: plan.receivedOn,
    deadline,
    start: { date: plan.startDate, movedBecause: plan.movedBecause },
    days,
    workingDaysCounted: days.filter((day) => day.counts === 'DEADLINE').length,
    dueWithoutExtensions,
    extensions: explainedExtensions,
    dueAtReceipt,
    computedDueAtReceipt,
    receiptDiffersFromRule: dueAtReceipt.getTime() !== computedDueAtReceipt.getTime(),
    changes,
    pauses: explainedPauses,
    reschedules: changes.filter((change): change is ExplainedReschedule => change.kind === 'RESCHEDULE'),
    pausedSince,
    dueAt,
  }
}
