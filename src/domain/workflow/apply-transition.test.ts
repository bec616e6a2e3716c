import { describe, expect, it } from 'vitest'
import { isWorkingDay, localDateOf, workingCalendar } from '../calendar/working-days'
import type { Deadline } from '../procedure/deadline'
import { applyTransition, type ApplyTransitionArgs, type NextDossier, type TransitionResult, type WorkflowDossier } from './apply-transition'
import { DEFAULT_WORKFLOW_KEY, DEFAULT_WORKFLOWS, SAME_DAY_WORKFLOW_KEY } from './default-workflows'
import type { WorkflowGraph } from './workflow-graph'

const vn = (text: string) => new Date(`${text}+07:00`)
const graphOf = (key: string): WorkflowGraph => {
  const found = DEFAULT_WORKFLOWS.find((workflow) => workflow.key === key)
  if (!found) throw new Error(key)
  return found.graph
}
const oneStop = graphOf(DEFAULT_WORKFLOW_KEY)
const sameDay = graphOf(SAME_DAY_WORKFLOW_KEY)

// National Day 2026 (Sep 1–2, with Aug 31 off) and a Saturday made a working day.
const calendar = workingCalendar([
  { date: '2026-08-22', kind: 'WORKING_DAY' },
  { date: '2026-08-31', kind: 'DAY_OFF' },
  { date: '2026-09-01', kind: 'HOLIDAY' },
  { date: '2026-09-02', kind: 'HOLIDAY' },
])
const fiveDays: Deadline = { kind: 'WORKING_DAYS', days: 5 }

const clerk = { userId: 'clerk-1', role: 'CLERK' } as const
const specialist = { userId: 'spec-1', role: 'SPECIALIST' } as const
const leader = { userId: 'lead-1', role: 'LEADER' } as const
const citizen = { userId: 'cit-1', role: 'CITIZEN' } as const

const submitted: WorkflowDossier = { state: 'SUBMITTED', currentStep: 'reception', dueAt: null, clockPausedAt: null, receivedAt: null, supplementCount: 0, version: 0, assigneeId: null }

type Step = Pick<ApplyTransitionArgs, 'action' | 'actor'> & { input?: ApplyTransitionArgs['input']; now: Date }

function apply(dossier: WorkflowDossier, step: Step, graph = oneStop, deadline = fiveDays): TransitionResult {
  return applyTransition({ dossier, graph, deadline, calendar, input: {}, ...step })
}

function accepted(result: TransitionResult): NextDossier {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`)
  return result.next
}

/** Runs accepted steps one after the other. */
function walk(steps: Step[], graph = oneStop, start = submitted): NextDossier {
  let dossier: WorkflowDossier = start
  let next: NextDossier | undefined
  for (const step of steps) {
    next = accepted(apply(dossier, step, graph))
    dossier = next
  }
  if (!next) throw new Error('no steps')
  return next
}

const receive: Step = { action: 'receive', actor: clerk, input: { assigneeId: 'spec-1' }, now: vn('2026-08-28T10:00:00') }

describe('applyTransition: receipt', () => {
  it('starts the clock: receivedAt now, dueAt at 17:00 of the 5th working day, skipping the National Day break', () => {
    const result = apply(submitted, receive)
    expect(result.ok).toBe(true)
    const next = accepted(result)
    // Fri 28 Aug → Mon 31 (off), Tue 1 and Wed 2 (holidays): Thu 3, Fri 4, Mon 7, Tue 8, Wed 9 Sep.
    expect(next).toMatchObject({ state: 'PROCESSING', currentStep: 'processing', receivedAt: receive.now, dueAt: vn('2026-09-09T17:00:00'), clockPausedAt: null, assigneeId: 'spec-1', version: 1, completedAt: null, outcome: null })
    expect(isWorkingDay(localDateOf(next.dueAt ?? new Date(Number.NaN)), calendar)).toBe(true)
  })

  it('writes one public event with the new due date and the assignee', () => {
    const result = apply(submitted, receive)
    if (!result.ok) throw new Error('refused')
    expect(result.events).toEqual([
      {
        action: 'receive',
        fromState: 'SUBMITTED',
        toState: 'PROCESSING',
        fromStep: 'reception',
        toStep: 'processing',
        actorId: 'clerk-1',
        actorRole: 'CLERK',
        reason: null,
        dueAt: vn('2026-09-09T17:00:00'),
        data: { clock: 'START', assigneeId: 'spec-1' },
        isPublic: true,
        occurredAt: receive.now,
      },
    ])
  })

  it('a same-day procedure received after the cut-off is due at 17:00 the next working day', () => {
    const next = accepted(apply(submitted, { action: 'receive', actor: clerk, now: vn('2026-08-21T15:30:00') }, sameDay, { kind: 'SAME_DAY', cutoffHour: 15 }))
    expect(next.dueAt).toEqual(vn('2026-08-22T17:00:00')) // the Saturday made a working day
  })

  it('applies the extension when asked', () => {
    const next = accepted(applyTransition({ dossier: submitted, graph: oneStop, deadline: { ...fiveDays, extensionDays: 2 }, calendar, ...receive, input: receive.input ?? {}, extended: true }))
    expect(next.dueAt).toEqual(vn('2026-09-11T17:00:00'))
  })
})

describe('applyTransition: refusals are typed results, and change nothing', () => {
  it('ROLE_NOT_ALLOWED: a specialist cannot receive', () => {
    expect(apply(submitted, { ...receive, actor: specialist })).toEqual({ ok: false, error: { code: 'ROLE_NOT_ALLOWED', action: 'receive', role: 'SPECIALIST', allowedRoles: ['CLERK'] } })
  })

  it('ROLE_NOT_ALLOWED: roles outside workflows (admin, province officer) can do nothing', () => {
    expect(apply(submitted, { ...receive, actor: { userId: 'a', role: 'ADMIN' } })).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_ALLOWED' } })
  })

  it('MISSING_INPUT: a refusal needs a reason, and a blank one does not count', () => {
    const step = { action: 'refuse', actor: clerk, now: receive.now }
    expect(apply(submitted, step)).toEqual({ ok: false, error: { code: 'MISSING_INPUT', action: 'refuse', missing: ['reason'] } })
    expect(apply(submitted, { ...step, input: { reason: '   ' } })).toMatchObject({ ok: false, error: { code: 'MISSING_INPUT' } })
  })

  it('MISSING_INPUT: receipt names the specialist, resubmission carries an attachment', () => {
    expect(apply(submitted, { ...receive, input: {} })).toMatchObject({ ok: false, error: { code: 'MISSING_INPUT', missing: ['assignee'] } })
    const paused = walk([receive, { action: 'request_supplement', actor: specialist, input: { reason: 'Thiếu bản sao', supplementItems: [{ label: 'Bản sao giấy chứng sinh' }] }, now: vn('2026-09-03T09:00:00') }])
    expect(apply(paused, { action: 'supply', actor: citizen, input: { attachmentIds: [] }, now: vn('2026-09-04T09:00:00') })).toMatchObject({ ok: false, error: { code: 'MISSING_INPUT', missing: ['attachment'] } })
  })

  it('UNKNOWN_ACTION and NOT_ALLOWED_FROM_STEP', () => {
    expect(apply(submitted, { action: 'teleport', actor: clerk, now: receive.now })).toEqual({ ok: false, error: { code: 'UNKNOWN_ACTION', action: 'teleport' } })
    expect(apply(submitted, { action: 'approve', actor: leader, now: receive.now })).toEqual({ ok: false, error: { code: 'NOT_ALLOWED_FROM_STEP', action: 'approve', step: 'reception', allowedFrom: ['approval'] } })
  })

  it('TERMINAL: nothing happens after the end', () => {
    const refused = walk([{ action: 'refuse', actor: clerk, input: { reason: 'Không thuộc thẩm quyền' }, now: receive.now }])
    expect(apply(refused, { action: 'withdraw', actor: citizen, input: { reason: 'x' }, now: receive.now })).toEqual({ ok: false, error: { code: 'TERMINAL', step: 'refused' } })
  })

  it('INCONSISTENT_DOSSIER: a step the workflow does not have, or a state that is not the step\'s', () => {
    expect(apply({ ...submitted, currentStep: 'limbo' }, receive)).toMatchObject({ ok: false, error: { code: 'INCONSISTENT_DOSSIER', step: 'limbo' } })
    expect(apply({ ...submitted, state: 'PROCESSING' }, receive)).toMatchObject({ ok: false, error: { code: 'INCONSISTENT_DOSSIER' } })
  })

  it('never mutates the dossier it is given', () => {
    const dossier = Object.freeze({ ...submitted })
    expect(apply(dossier, receive).ok).toBe(true)
    expect(apply(dossier, { ...receive, actor: leader }).ok).toBe(false)
    expect(dossier).toEqual(submitted)
  })
})

describe('applyTransition: supplement requests', () => {
  const pause: Step = { action: 'request_supplement', actor: specialist, input: { reason: 'Thiếu giấy tờ', supplementItems: [{ label: 'Tờ khai', note: 'ký đủ hai bên' }] }, now: vn('2026-09-03T09:00:00') }
  const supply: Step = { action: 'supply', actor: citizen, input: { attachmentIds: ['file-1'] }, now: vn('2026-09-10T14:00:00') }

  it('pause the clock, and the resubmission gives back the office time that remained', () => {
    const received = walk([receive])
    const paused = walk([pause], oneStop, received)
    expect(paused).toMatchObject({ state: 'AWAITING_SUPPLEMENT', currentStep: 'awaiting_supplement', clockPausedAt: pause.now, supplementCount: 1, dueAt: received.dueAt })
    const resumed = walk([supply], oneStop, paused)
    // Paused Thu 3 Sep 09:00 with 46 h of office time left (8 h + 4 × 9.5 h to Wed 9 Sep 17:00); resumed Thu 10
    // Sep 14:00: 3 h that day, 9.5 h on Fri 11, Mon 14, Tue 15, Wed 16, and 5 h on Thu 17 from 07:30.
    expect(resumed).toMatchObject({ state: 'PROCESSING', currentStep: 'processing', clockPausedAt: null, supplementCount: 1 })
    expect(resumed.dueAt).toEqual(vn('2026-09-17T12:30:00'))
    expect((resumed.dueAt?.getTime() ?? 0) >= (received.dueAt?.getTime() ?? Infinity)).toBe(true)
  })

  it('records the moved appointment on the resubmission event', () => {
    const paused = walk([receive, pause])
    const result = apply(paused, supply)
    if (!result.ok) throw new Error('refused')
    expect(result.events[0]).toMatchObject({ action: 'supply', isPublic: true, dueAt: vn('2026-09-17T12:30:00'), data: { clock: 'RESUME', attachmentIds: ['file-1'], previousDueAt: vn('2026-09-09T17:00:00').toISOString() } })
  })

  it('SUPPLEMENT_LIMIT: once by default', () => {
    const resumed = walk([receive, pause, supply])
    expect(apply(resumed, { ...pause, now: vn('2026-09-11T09:00:00') })).toEqual({ ok: false, error: { code: 'SUPPLEMENT_LIMIT', action: 'request_supplement', limit: 1, count: 1 } })
  })

  it('more when the workflow allows it', () => {
    const graph: WorkflowGraph = { ...oneStop, maxSupplementRequests: 2 }
    const twice = walk([receive, pause, supply, { ...pause, now: vn('2026-09-11T09:00:00') }], graph)
    expect(twice.supplementCount).toBe(2)
    const resumed = walk([{ ...supply, now: vn('2026-09-14T09:00:00') }], graph, twice)
    expect(apply(resumed, { ...pause, now: vn('2026-09-15T09:00:00') }, graph)).toMatchObject({ ok: false, error: { code: 'SUPPLEMENT_LIMIT', limit: 2 } })
  })

  it('a dossier already late when paused keeps its due date (the lateness stays on record)', () => {
    const late = walk([receive, { ...pause, now: vn('2026-09-10T09:00:00') }, { ...supply, now: vn('2026-09-12T10:00:00') }])
    expect(late.dueAt).toEqual(vn('2026-09-09T17:00:00'))
  })
})

describe('applyTransition: the end', () => {
  const toReturn: Step[] = [
    receive,
    { action: 'forward', actor: specialist, now: vn('2026-09-04T10:00:00') },
    { action: 'approve', actor: leader, now: vn('2026-09-07T10:00:00') },
  ]

  it('stops the clock: completedAt and outcome (early, on time, late)', () => {
    const cases = [
      ['2026-09-08T16:00:00', 'EARLY'],
      ['2026-09-09T16:59:00', 'ON_TIME'],
      ['2026-09-10T08:00:00', 'LATE'],
    ] as const
    for (const [at, outcome] of cases) {
      const done = walk([...toReturn, { action: 'return_result', actor: clerk, now: vn(at) }])
      expect(done).toMatchObject({ state: 'RETURNED', currentStep: 'returned', completedAt: vn(at), outcome, clockPausedAt: null, version: 4 })
    }
  })

  it('forward is internal (not on the citizen timeline) and leaves the leader step unassigned', () => {
    const forwarded = walk(toReturn.slice(0, 1))
    const result = apply(forwarded, toReturn[1] as Step)
    if (!result.ok) throw new Error('refused')
    expect(result.events[0]?.isPublic).toBe(false)
    expect(result.next.assigneeId).toBeNull()
  })

  it('a refusal before receipt ends without an outcome (the clock never ran)', () => {
    const refused = walk([{ action: 'refuse', actor: clerk, input: { reason: 'Không thuộc thẩm quyền' }, now: receive.now }])
    expect(refused).toMatchObject({ state: 'REFUSED', completedAt: receive.now, outcome: null, dueAt: null, receivedAt: null })
  })

  it('a withdrawal while paused is judged against the resumed due date', () => {
    const paused = walk([receive, { action: 'request_supplement', actor: specialist, input: { reason: 'x', supplementItems: [{ label: 'y' }] }, now: vn('2026-09-03T09:00:00') }])
    const withdrawn = walk([{ action: 'withdraw', actor: citizen, input: { reason: 'Không cần nữa' }, now: vn('2026-09-15T09:00:00') }], oneStop, paused)
    expect(withdrawn).toMatchObject({ state: 'WITHDRAWN', clockPausedAt: null, outcome: 'EARLY' })
    expect(withdrawn.dueAt?.getTime()).toBeGreaterThan(vn('2026-09-15T09:00:00').getTime())
  })
})

describe('applyTransition: supplement items and new appointments', () => {
  it('a supplement request lists its missing items one by one on the event, and needs at least one', () => {
    const received = walk([receive])
    const now = vn('2026-09-03T09:00:00')
    const items = [{ label: ' Bản sao giấy chứng sinh ', note: 'có chứng thực' }, { label: 'Tờ khai', note: '  ' }, { label: '   ' }]
    const result = apply(received, { action: 'request_supplement', actor: specialist, input: { reason: 'Thiếu giấy tờ', supplementItems: items }, now })
    if (!result.ok) throw new Error('refused')
    expect(result.events[0]?.data.items).toEqual([{ label: 'Bản sao giấy chứng sinh', note: 'có chứng thực' }, { label: 'Tờ khai' }])
    expect(apply(received, { action: 'request_supplement', actor: specialist, input: { reason: 'Thiếu', supplementItems: [{ label: ' ' }] }, now })).toEqual({
      ok: false,
      error: { code: 'MISSING_INPUT', action: 'request_supplement', missing: ['items'] },
    })
  })

  const reschedule = (newDueAt: Date | null, now = vn('2026-09-07T09:00:00')): Step => ({ action: 'reschedule', actor: specialist, input: { reason: 'Cần xác minh thêm', newDueAt }, now })

  it('EXTEND moves the appointment to the new working day, counts the extension and keeps the missed date on record', () => {
    const received = walk([receive])
    expect(received.dueAt).toEqual(vn('2026-09-09T17:00:00'))
    const result = apply(received, reschedule(vn('2026-09-11T17:00:00')))
    if (!result.ok) throw new Error(`refused ${JSON.stringify(result.error)}`)
    expect(result.next).toMatchObject({ dueAt: vn('2026-09-11T17:00:00'), extensionCount: 1, state: 'PROCESSING', currentStep: 'processing' })
    expect(result.events[0]).toMatchObject({ action: 'reschedule', isPublic: true, reason: 'Cần xác minh thêm', dueAt: vn('2026-09-11T17:00:00') })
    expect(result.events[0]?.data).toEqual({ clock: 'EXTEND', previousDueAt: vn('2026-09-09T17:00:00').toISOString(), newDueAt: vn('2026-09-11T17:00:00').toISOString() })
  })

  it('EXTEND refuses a date that is not later, a non-working day, or none at all', () => {
    const received = { ...walk([receive]), dueAt: vn('2026-09-08T17:00:00') }
    expect(apply(received, reschedule(vn('2026-09-08T10:00:00')))).toMatchObject({ ok: false, error: { code: 'INVALID_DUE_DATE', reason: 'NOT_LATER' } })
    // Saturday 12 September 2026.
    expect(apply(received, reschedule(vn('2026-09-12T17:00:00')))).toMatchObject({ ok: false, error: { code: 'INVALID_DUE_DATE', reason: 'NOT_WORKING_DAY' } })
    // Later than the appointment but already past: an apology letter sets a date still to come.
    expect(apply(received, reschedule(vn('2026-09-09T17:00:00'), vn('2026-09-10T09:00:00')))).toMatchObject({ ok: false, error: { code: 'INVALID_DUE_DATE', reason: 'NOT_LATER' } })
    expect(apply(received, reschedule(null))).toMatchObject({ ok: false, error: { code: 'MISSING_INPUT', missing: ['due_date'] } })
  })
})

describe('applyTransition: lateness and assignees', () => {
  it('a new appointment does not erase the delay: the outcome is judged against the appointment before it', () => {
    const received = walk([receive])
    const moved = walk([{ action: 'reschedule', actor: specialist, input: { reason: 'Cần xác minh', newDueAt: vn('2026-09-15T17:00:00') }, now: vn('2026-09-08T09:00:00') }], oneStop, received)
    expect(moved).toMatchObject({ legalDueAt: vn('2026-09-09T17:00:00'), dueAt: vn('2026-09-15T17:00:00') })
    const done = walk(
      [
        { action: 'forward', actor: specialist, now: vn('2026-09-14T09:00:00') },
        { action: 'approve', actor: leader, now: vn('2026-09-14T10:00:00') },
        { action: 'return_result', actor: clerk, now: vn('2026-09-14T11:00:00') },
      ],
      oneStop,
      moved,
    )
    // Returned before the new date but after the legal one: late, on record.
    expect(done.outcome).toBe('LATE')
  })

  it('takes an assignee only from a transition that asks for one', () => {
    const received = walk([receive])
    const forwarded = apply(received, { action: 'forward', actor: specialist, input: { assigneeId: 'someone-else' }, now: vn('2026-09-03T09:00:00') })
    if (!forwarded.ok) throw new Error('refused')
    expect(forwarded.next.assigneeId).toBeNull()
    expect(forwarded.events[0]?.data.assigneeId).toBeUndefined()
  })
})
