import type { Deadline } from '../procedure/deadline'
import type { ExplainInput, Pause, Reschedule } from './explain-due-date'
import { computeDueAt, type WorkingCalendar } from './working-days'

/**
 * From a dossier's history (`DossierEvent` rows) to the input of `explainDueAt`: when the clock started, the
 * pauses, the extensions granted on receipt and the new appointments. Pure: the caller loads the events.
 *
 * What each event does to the legal clock is its `data.clock` (written by the workflow engine, apply-transition.ts)
 * or, for rows without it (the demo history, older rows), what its action does in the default workflows:
 * receive → START, request_supplement → PAUSE, supply → RESUME, reschedule → EXTEND, return_result / refuse /
 * withdraw → STOP. EXTEND is the apology letter with a new appointment ("Phiếu xin lỗi và hẹn lại ngày trả kết
 * quả"): the event's `dueAt` (also `data.newDueAt`) is the new appointment, `data.previousDueAt` the missed one.
 * An event with no clock effect that still changes the due instant is read as a new appointment too.
 */

/** What is read of one `DossierEvent` row. */
export type ClockEvent = {
  action: string
  occurredAt: Date
  /** The due instant after the event. */
  dueAt: Date | null
  /** `DossierEvent.data` (JSON): `clock`, `previousDueAt`, `newDueAt`… */
  data?: unknown
  reason?: string | null
}

export type ClockEffect = 'START' | 'PAUSE' | 'RESUME' | 'STOP' | 'EXTEND'

const CLOCK_EFFECTS: readonly string[] = ['START', 'PAUSE', 'RESUME', 'STOP', 'EXTEND'] satisfies ClockEffect[]

/** Clock effects of the default workflows' actions, for events recorded without `data.clock`. */
export const ACTION_CLOCK_EFFECTS: Readonly<Record<string, ClockEffect>> = {
  receive: 'START',
  request_supplement: 'PAUSE',
  supply: 'RESUME',
  reschedule: 'EXTEND',
  return_result: 'STOP',
  refuse: 'STOP',
  withdraw: 'STOP',
}

function dataOf(event: ClockEvent): Record<string, unknown> {
  return typeof event.data === 'object' && event.data !== null && !Array.isArray(event.data) ? (event.data as Record<string, unknown>) : {}
}

/** The event's effect on the legal clock (see the file's comment). */
export function clockEffectOf(event: ClockEvent): ClockEffect | undefined {
  const clock = dataOf(event).clock
  if (typeof clock === 'string' && CLOCK_EFFECTS.includes(clock)) return clock as ClockEffect
  return ACTION_CLOCK_EFFECTS[event.action]
}

/** The new appointment an EXTEND event (or one without clock effect) sets: its `dueAt`, else `data.newDueAt`. */
function newAppointmentOf(event: ClockEvent): Date | null {
  if (event.dueAt) return event.dueAt
  const text = dataOf(event).newDueAt
  const parsed = typeof text === 'string' ? new Date(text) : null
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null
}

export type ClockHistoryInput = {
  events: readonly ClockEvent[]
  deadline: Deadline
  calendar: WorkingCalendar
  /** Counts an open pause up to this instant (`ExplainInput.now`). */
  now?: Date
}

/**
 * The `explainDueAt` input of a dossier from its events, or null when the clock never started (not received,
 * or refused/withdrawn at reception). Events are taken in `occurredAt` order (ties keep the given order).
 *
 * - START: the receipt; its `dueAt` is the recorded appointment at receipt. When that is the deadline's extended
 *   due instant (`computeDueAt` with `extended`) and not the plain one, the extension is listed with the
 *   deadline's reason.
 * - PAUSE … RESUME (or … STOP, which resumes first, as the engine does): a pause, with the pausing event's reason
 *   and the resuming event's `dueAt` as the recorded due instant after it. A PAUSE while paused is ignored.
 *   A PAUSE never closed is the open pause (`to: null`).
 * - EXTEND, or no clock effect, with a due instant different from the one in force: a new appointment (with the
 *   event's reason, the apology letter's), taken as recorded even if it came while paused.
 * - Nothing after STOP counts.
 */
export function clockHistory({ events, deadline, calendar, now }: ClockHistoryInput): ExplainInput | null {
  const ordered = events.map((event, index) => ({ event, index })).sort((a, b) => a.event.occurredAt.getTime() - b.event.occurredAt.getTime() || a.index - b.index)

  let receipt: ClockEvent | null = null
  let due: Date | null = null
  let open: { from: Date; reason: string | null; sequence: number } | null = null
  const pauses: Pause[] = []
  const reschedules: Reschedule[] = []
  const close = (event: ClockEvent) => {
    if (!open) return
    pauses.push({ from: open.from, to: event.occurredAt, reason: open.reason, recordedDueAfter: event.dueAt, sequence: open.sequence })
    open = null
  }

  for (const [sequence, { event }] of ordered.entries()) {
    const effect = clockEffectOf(event)
    if (!receipt) {
      if (effect === 'START') {
        receipt = event
        due = event.dueAt
      }
      continue
    }
    if (effect === 'STOP') {
      close(event)
      break
    }
    if (effect === 'PAUSE') {
      open ??= { from: event.occurredAt, reason: event.reason ?? null, sequence }
    } else if (effect === 'RESUME') {
      close(event)
      due = event.dueAt ?? due
    } else if (effect === 'EXTEND' || effect === undefined) {
      const appointment = newAppointmentOf(event)
      if (appointment && (!due || appointment.getTime() !== due.getTime())) {
        reschedules.push({ at: event.occurredAt, dueAt: appointment, reason: event.reason ?? null, sequence })
        due = appointment
      }
    }
    // A second START (received again) changes nothing: the clock started once.
  }
  if (!receipt) return null
  if (open) {
    const { from, reason, sequence } = open
    pauses.push({ from, to: null, reason, sequence })
  }

  const receivedAt = receipt.occurredAt
  const recorded = receipt.dueAt
  const extended =
    recorded !== null &&
    deadline.extensionDays !== undefined &&
    recorded.getTime() === computeDueAt(receivedAt, deadline, calendar, { extended: true }).getTime() &&
    recorded.getTime() !== computeDueAt(receivedAt, deadline, calendar).getTime()

  return {
    receivedAt,
    deadline,
    calendar,
    extensions: extended ? [{ days: deadline.extensionDays!, reason: deadline.extensionReason ?? '' }] : [],
    pauses,
    reschedules,
    recordedDueAtReceipt: recorded,
    ...(now ? { now } : {}),
  }
}
