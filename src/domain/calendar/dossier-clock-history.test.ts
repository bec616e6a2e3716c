import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Deadline } from '../procedure/deadline'
import { applyTransition, type ApplyTransitionArgs, type TransitionEvent, type WorkflowDossier } from '../workflow/apply-transition'
import { DEFAULT_WORKFLOW_KEY, DEFAULT_WORKFLOWS } from '../workflow/default-workflows'
import type { WorkflowGraph } from '../workflow/workflow-graph'
import { clockEffectOf, clockHistory, type ClockEvent } from './dossier-clock-history'
import { explainDueAt } from './explain-due-date'
import { addCalendarDays, computeDueAt, dueAtAfterPause, isWorkingDay, localDateOf, workingCalendar, type CalendarException, type WorkingCalendar } from './working-days'

const vn = (text: string) => new Date(`${text}+07:00`)
const calendar = workingCalendar([{ date: '2026-11-24', kind: 'HOLIDAY', name: 'Ngày Văn hóa Việt Nam' }])
const threeDays: Deadline = { kind: 'WORKING_DAYS', days: 3, extensionDays: 2, extensionReason: 'Cần xác minh' }

/** Events as the demo history writes them: no `data.clock`, the action says what happened. */
const event = (action: string, at: string, dueAt: string | null, extra: Partial<ClockEvent> = {}): ClockEvent => ({
  action,
  occurredAt: vn(at),
  dueAt: dueAt ? vn(dueAt) : null,
  data: {},
  reason: null,
  ...extra,
})

describe('clockHistory', () => {
  it('reads receipt, a supplement pause and a new appointment from the actions alone', () => {
    const input = clockHistory({
      deadline: threeDays,
      calendar,
      events: [
        event('submit', '2026-11-13T08:00:00', null),
        event('receive', '2026-11-16T09:00:00', '2026-11-19T17:00:00'),
        event('request_supplement', '2026-11-17T09:00:00', '2026-11-19T17:00:00', { reason: 'Thiếu giấy tờ' }),
        event('supply', '2026-11-18T09:00:00', '2026-11-20T17:00:00'),
        event('forward', '2026-11-19T09:00:00', '2026-11-20T17:00:00'),
        event('reschedule', '2026-11-20T09:00:00', '2026-11-26T10:00:00', {
          reason: 'Lãnh đạo đi công tác',
          data: { previousDueAt: vn('2026-11-20T17:00:00').toISOString(), newDueAt: vn('2026-11-26T10:00:00').toISOString() },
        }),
        event('return_result', '2026-11-26T09:00:00', '2026-11-26T10:00:00'),
        event('note', '2026-11-27T09:00:00', '2026-12-30T17:00:00'), // after the stop: ignored
      ],
    })
    expect(input).not.toBeNull()
    expect(input).toMatchObject({
      receivedAt: vn('2026-11-16T09:00:00'),
      recordedDueAtReceipt: vn('2026-11-19T17:00:00'),
      extensions: [],
      pauses: [{ from: vn('2026-11-17T09:00:00'), to: vn('2026-11-18T09:00:00'), reason: 'Thiếu giấy tờ', recordedDueAfter: vn('2026-11-20T17:00:00') }],
      reschedules: [{ at: vn('2026-11-20T09:00:00'), dueAt: vn('2026-11-26T10:00:00'), reason: 'Lãnh đạo đi công tác' }],
    })
    const explained = explainDueAt(input!)
    expect(explained.dueAt).toEqual(vn('2026-11-26T10:00:00'))
    expect(explained.pauses[0]).toMatchObject({ workingMinutes: 570, differsFromRule: false })
    expect(explained.changes.map((change) => change.kind)).toEqual(['PAUSE', 'RESCHEDULE'])
  })

  it('lists the extension granted on receipt, and an open pause', () => {
    const extendedDue = computeDueAt(vn('2026-11-16T09:00:00'), threeDays, calendar, { extended: true })
    const input = clockHistory({
      deadline: threeDays,
      calendar,
      now: vn('2026-11-19T09:00:00'),
      events: [
        { action: 'receive', occurredAt: vn('2026-11-16T09:00:00'), dueAt: extendedDue, data: { clock: 'START' } },
        { action: 'ask_papers', occurredAt: vn('2026-11-18T09:00:00'), dueAt: extendedDue, data: { clock: 'PAUSE' }, reason: 'Ảnh mờ' },
      ],
    })
    expect(input?.extensions).toEqual([{ days: 2, reason: 'Cần xác minh' }])
    expect(input?.pauses).toEqual([{ from: vn('2026-11-18T09:00:00'), to: null, reason: 'Ảnh mờ', sequence: 1 }])
    const explained = explainDueAt(input!)
    expect(explained.dueAt).toEqual(extendedDue)
    expect(explained.pausedSince).toEqual(vn('2026-11-18T09:00:00'))
    expect(explained.pauses[0]?.workingMinutes).toBe(570)
  })

  it('is null until the clock starts, and a stop before receipt is not a receipt', () => {
    expect(clockHistory({ deadline: threeDays, calendar, events: [] })).toBeNull()
    expect(clockHistory({ deadline: threeDays, calendar, events: [event('submit', '2026-11-13T08:00:00', null), event('refuse', '2026-11-13T09:00:00', null)] })).toBeNull()
  })

  it('prefers data.clock to the action name', () => {
    expect(clockEffectOf({ action: 'receive', occurredAt: new Date(), dueAt: null, data: { clock: 'PAUSE' } })).toBe('PAUSE')
    expect(clockEffectOf({ action: 'receive', occurredAt: new Date(), dueAt: null, data: { clock: 'NONSENSE' } })).toBe('START')
    expect(clockEffectOf({ action: 'forward', occurredAt: new Date(), dueAt: null, data: null })).toBeUndefined()
  })

  it('keeps what the dossier recorded when the rule gives another date, and flags it', () => {
    // The demo history adds whole paused days back instead of the exact office time.
    const input = clockHistory({
      deadline: threeDays,
      calendar,
      events: [
        event('receive', '2026-11-16T09:00:00', '2026-11-19T17:00:00'),
        event('request_supplement', '2026-11-17T09:00:00', '2026-11-19T17:00:00'),
        event('supply', '2026-11-17T11:00:00', '2026-11-20T17:00:00'),
      ],
    })
    const explained = explainDueAt(input!)
    expect(explained.dueAt).toEqual(vn('2026-11-20T17:00:00'))
    expect(explained.pauses[0]).toMatchObject({ differsFromRule: true, computedDueAfter: vn('2026-11-20T09:30:00') })
  })
})

// ---------------------------------------------------------------------------------------------------------
// The explanation of a dossier's history agrees with the due instant the workflow engine stored.

const EPOCH = '2025-01-01'
const oneStop: WorkflowGraph = { ...DEFAULT_WORKFLOWS.find((workflow) => workflow.key === DEFAULT_WORKFLOW_KEY)!.graph, maxSupplementRequests: 10 }

const calendarArbitrary: fc.Arbitrary<WorkingCalendar> = fc
  .record({
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 3 * 366 }), { maxLength: 40 }),
    saturdays: fc.uniqueArray(fc.integer({ min: 0, max: 3 * 366 }), { maxLength: 10 }),
    tet: fc.integer({ min: 0, max: 3 * 366 - 9 }),
  })
  .map(({ holidays, saturdays, tet }) =>
    workingCalendar([
      ...holidays.map((offset): CalendarException => ({ date: addCalendarDays(EPOCH, offset), kind: 'HOLIDAY', name: 'Nghỉ lễ' })),
      ...Array.from({ length: 9 }, (_, index): CalendarException => ({ date: addCalendarDays(EPOCH, tet + index), kind: 'HOLIDAY', name: 'Tết' })),
      ...saturdays.map((offset): CalendarException => ({ date: addCalendarDays(EPOCH, offset), kind: 'WORKING_DAY' })),
    ]),
  )

const deadlineArbitrary: fc.Arbitrary<Deadline> = fc.oneof(
  fc.record({ kind: fc.constant('SAME_DAY' as const), cutoffHour: fc.integer({ min: 8, max: 17 }) }),
  fc.record({
    kind: fc.constant('WORKING_DAYS' as const),
    days: fc.integer({ min: 1, max: 30 }),
    extensionDays: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    extensionReason: fc.constant('Cần xác minh'),
  }),
)

const minutes = (max: number) => fc.integer({ min: 0, max })
const DAY_MINUTES = 24 * 60
type Operation =
  | { kind: 'pause'; after: number; length: number }
  | { kind: 'reschedule'; after: number; later: number }
  | { kind: 'forward_and_back'; after: number }
const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('pause' as const), after: minutes(10 * DAY_MINUTES), length: minutes(20 * DAY_MINUTES) }),
  fc.record({ kind: fc.constant('reschedule' as const), after: minutes(15 * DAY_MINUTES), later: fc.integer({ min: 1, max: 20 * DAY_MINUTES }) }),
  fc.record({ kind: fc.constant('forward_and_back' as const), after: minutes(3 * DAY_MINUTES) }),
)
const endingArbitrary = fc.constantFrom('open' as const, 'returned' as const, 'paused_open' as const, 'withdrawn_while_paused' as const)

const clerk = { userId: 'clerk-1', role: 'CLERK' } as const
const specialist = { userId: 'spec-1', role: 'SPECIALIST' } as const
const leader = { userId: 'lead-1', role: 'LEADER' } as const
const citizen = { userId: 'cit-1', role: 'CITIZEN' } as const
const submitted: WorkflowDossier = { state: 'SUBMITTED', currentStep: 'reception', dueAt: null, clockPausedAt: null, receivedAt: null, supplementCount: 0, extensionCount: 0, version: 0, assigneeId: null }

describe('property: the explanation of the history ends at the due instant the engine stored', () => {
  it('for random receipts, deadlines, pauses, new appointments and endings', () => {
    fc.assert(
      fc.property(
        calendarArbitrary,
        deadlineArbitrary,
        fc.boolean(),
        fc.integer({ min: 0, max: 700 * DAY_MINUTES }),
        fc.array(operationArbitrary, { maxLength: 6 }),
        endingArbitrary,
        fc.boolean(),
        (cal, deadline, extended, receivedOffset, operations, ending, withoutClockData) => {
          let dossier: WorkflowDossier = submitted
          const events: TransitionEvent[] = []
          let now = new Date(Date.UTC(2025, 0, 1) + receivedOffset * 60_000)
          /** Applies one action; a refusal (e.g. a new appointment on a non-working day) changes nothing. */
          const act = (action: string, actor: ApplyTransitionArgs['actor'], input: ApplyTransitionArgs['input'] = {}): boolean => {
            const result = applyTransition({ dossier, graph: oneStop, deadline, action, actor, input, now, calendar: cal, extended })
            if (!result.ok) return false
            dossier = result.next
            events.push(...result.events)
            return true
          }
          const later = (offset: number) => (now = new Date(now.getTime() + offset * 60_000))

          expect(act('receive', clerk, { assigneeId: 'spec-1' })).toBe(true)
          for (const operation of operations) {
            later(operation.after)
            if (operation.kind === 'pause') {
              act('request_supplement', specialist, { reason: 'Thiếu giấy tờ', supplementItems: [{ label: 'Bản sao CCCD' }] })
              later(operation.length)
              act('supply', citizen, { attachmentIds: ['a-1'] })
            } else if (operation.kind === 'reschedule') {
              const base = Math.max(now.getTime(), dossier.dueAt!.getTime())
              act('reschedule', leader, { reason: 'Cần xác minh thêm', newDueAt: new Date(base + operation.later * 60_000) })
            } else {
              act('forward', specialist)
              act('send_back', leader, { reason: 'Bổ sung ý kiến' })
            }
          }
          later(60)
          if (ending === 'returned') {
            act('forward', specialist)
            act('approve', leader)
            act('return_result', clerk)
          } else if (ending === 'paused_open' || ending === 'withdrawn_while_paused') {
            act('request_supplement', specialist, { reason: 'Thiếu giấy tờ', supplementItems: [{ label: 'Tờ khai' }] })
            if (ending === 'withdrawn_while_paused') {
              later(3 * DAY_MINUTES)
              act('withdraw', citizen, { reason: 'Không còn nhu cầu' })
            }
          }

          const history: ClockEvent[] = events.map((row) => ({
            action: row.action,
            occurredAt: row.occurredAt,
            dueAt: row.dueAt,
            data: withoutClockData ? { ...row.data, clock: undefined } : row.data,
            reason: row.reason,
          }))
          const input = clockHistory({ events: history, deadline, calendar: cal, now })
          expect(input).not.toBeNull()
          const explained = explainDueAt(input!)

          // The final due instant is the stored one, by the same rules (no recorded value had to override them).
          expect(explained.dueAt).toEqual(dossier.dueAt)
          expect(explained.receiptDiffersFromRule).toBe(false)
          expect(explained.pauses.every((pause) => !pause.differsFromRule)).toBe(true)
          expect(explained.dueAtReceipt).toEqual(computeDueAt(dossier.receivedAt!, deadline, cal, { extended }))
          expect(explained.pausedSince).toEqual(dossier.clockPausedAt)
          // Each pause's new due instant is dueAtAfterPause of the one before.
          for (const pause of explained.pauses.filter((candidate) => !candidate.ongoing)) {
            expect(pause.dueAfter).toEqual(dueAtAfterPause({ dueAt: pause.dueBefore, pausedAt: pause.from, resumedAt: pause.to!, calendar: cal }))
          }
          expect(explained.reschedules).toHaveLength(events.filter((row) => row.action === 'reschedule').length)

          // Every counted day is a working day; the days run without gaps from receipt to the due day.
          for (const day of explained.days) {
            if (day.counts && day.counts !== 'RECEIPT') expect(isWorkingDay(day.date, cal)).toBe(true)
          }
          expect(explained.days[0]?.date).toBe(localDateOf(dossier.receivedAt!))
          const lastDay = dossier.clockPausedAt && localDateOf(now) > localDateOf(dossier.dueAt!) ? localDateOf(now) : localDateOf(dossier.dueAt!)
          expect(explained.days.at(-1)?.date).toBe(lastDay)
          explained.days.slice(1).forEach((day, index) => expect(day.date).toBe(addCalendarDays(explained.days[index]!.date, 1)))
          // The deadline's working days are all there: counted, or not counted because the clock was paused all day.
          if (deadline.kind === 'WORKING_DAYS') {
            const baseDueDate = localDateOf(explained.dueWithoutExtensions)
            const deadlineDays = explained.days.filter((day) => day.date > explained.start.date && day.date <= baseDueDate && isWorkingDay(day.date, cal))
            expect(deadlineDays).toHaveLength(Math.min(deadline.days, deadlineDays.length))
            for (const day of deadlineDays) expect(day.counts === 'DEADLINE' || day.pausedAllDay).toBe(true)
            expect(explained.workingDaysCounted).toBe(deadlineDays.filter((day) => !day.pausedAllDay).length)
          }
          for (const day of explained.days) if (day.pausedAllDay && day.counts !== 'RECEIPT') expect(day.counts).toBeNull()
        },
      ),
      { numRuns: 300 },
    )
  }, 30_000)
})
