import { describe, expect, it } from 'vitest'
import { workingCalendar } from '../calendar/working-days'
import type { Deadline } from '../procedure/deadline'
import { DEFAULT_WORKFLOW_KEY, DEFAULT_WORKFLOWS, SAME_DAY_WORKFLOW_KEY } from './default-workflows'
import { parseSandboxMoves, replaySandbox, SANDBOX_ATTACHMENT_ID, type SandboxMove } from './workflow-sandbox'
import type { WorkflowGraph } from './workflow-graph'

const vn = (text: string) => new Date(`${text}+07:00`)
const graphOf = (key: string): WorkflowGraph => {
  const found = DEFAULT_WORKFLOWS.find((workflow) => workflow.key === key)
  if (!found) throw new Error(key)
  return found.graph
}
const oneStop = graphOf(DEFAULT_WORKFLOW_KEY)
const calendar = workingCalendar([{ date: '2026-09-01', kind: 'HOLIDAY' }, { date: '2026-09-02', kind: 'HOLIDAY' }])
const fiveDays: Deadline = { kind: 'WORKING_DAYS', days: 5 }
const submittedAt = vn('2026-08-27T08:00:00')
const move = (action: string, role: SandboxMove['role'], at: string, reason?: string, extra: Partial<SandboxMove> = {}): SandboxMove => ({ action, role, at: vn(at).toISOString(), ...(reason ? { reason } : {}), ...extra })
const items = { items: ['Bản sao giấy khai sinh'] }

const run = (moves: SandboxMove[], graph = oneStop) => replaySandbox({ graph, deadline: fiveDays, calendar, moves, submittedAt })

describe('replaySandbox', () => {
  it('starts at the start step with every role offered what it may do there', () => {
    const result = run([])
    expect(result.dossier).toMatchObject({ state: 'SUBMITTED', currentStep: 'reception', dueAt: null, version: 0 })
    expect(result.failure).toBeNull()
    expect(result.available).toEqual([
      { role: 'CITIZEN', actions: [expect.objectContaining({ action: 'withdraw' })] },
      { role: 'CLERK', actions: ['receive', 'refuse', 'withdraw'].map((action) => expect.objectContaining({ action })) },
    ])
  })

  it('walks a dossier through receipt, a supplement pause and the result, as the engine does', () => {
    const result = run([
      move('receive', 'CLERK', '2026-08-28T10:00:00'),
      move('request_supplement', 'SPECIALIST', '2026-08-31T09:00:00', 'Thiếu bản sao giấy khai sinh', items),
      move('supply', 'CITIZEN', '2026-09-04T09:00:00'),
      move('forward', 'SPECIALIST', '2026-09-07T09:00:00'),
      move('approve', 'LEADER', '2026-09-08T09:00:00'),
      move('return_result', 'CLERK', '2026-09-09T09:00:00'),
    ])
    expect(result.failure).toBeNull()
    expect(result.applied).toBe(6)
    expect(result.events.map((event) => [event.action, event.fromStep, event.toStep, event.actorRole])).toEqual([
      ['receive', 'reception', 'processing', 'CLERK'],
      ['request_supplement', 'processing', 'awaiting_supplement', 'SPECIALIST'],
      ['supply', 'awaiting_supplement', 'processing', 'CITIZEN'],
      ['forward', 'processing', 'approval', 'SPECIALIST'],
      ['approve', 'approval', 'result_return', 'LEADER'],
      ['return_result', 'result_return', 'returned', 'CLERK'],
    ])
    // Received Fri 28 Aug: 5 working days skipping 1–2 Sep (31 Aug, 3, 4, 7, 8 Sep) → Tue 8 Sep 17:00; paused
    // Mon 31 Aug 09:00 and resumed Fri 4 Sep 09:00, so it moves by the office time left.
    expect(result.events[0]!.dueAt).toEqual(vn('2026-09-08T17:00:00'))
    expect(result.events[2]!.dueAt!.getTime()).toBeGreaterThan(vn('2026-09-08T17:00:00').getTime())
    expect(result.dossier).toMatchObject({ state: 'RETURNED', currentStep: 'returned', outcome: 'EARLY', supplementCount: 1, completedAt: vn('2026-09-09T09:00:00') })
    expect(result.step?.terminal).toBe('RETURNED')
    expect(result.available).toEqual([])
  })

  it('fills what the sandbox cannot ask for: the assignee on receipt, the attachment on a supplement', () => {
    const result = run([move('receive', 'CLERK', '2026-08-28T10:00:00'), move('request_supplement', 'SPECIALIST', '2026-08-28T11:00:00', 'Thiếu', items), move('supply', 'CITIZEN', '2026-08-28T15:00:00')])
    expect(result.failure).toBeNull()
    expect(result.events[0]!.data.assigneeId).toBe('sandbox:SPECIALIST')
    expect(result.events[2]!.data.attachmentIds).toEqual([SANDBOX_ATTACHMENT_ID])
    expect(result.events[1]!.reason).toBe('Thiếu')
    expect(result.events[1]!.data.items).toEqual([{ label: 'Bản sao giấy khai sinh' }])
  })

  it('moves the appointment to the typed date (closing time) when the transition asks for one', () => {
    const result = run([move('receive', 'CLERK', '2026-08-28T10:00:00'), move('reschedule', 'SPECIALIST', '2026-09-03T10:00:00', 'Cần xác minh', { dueDate: '2026-09-10' })])
    expect(result.failure).toBeNull()
    expect(result.dossier.dueAt).toEqual(vn('2026-09-10T17:00:00'))
    expect(result.events[1]!.data.previousDueAt).toBe(vn('2026-09-08T17:00:00').toISOString())
    expect(run([move('receive', 'CLERK', '2026-08-28T10:00:00'), move('reschedule', 'SPECIALIST', '2026-09-03T10:00:00', 'Cần xác minh')]).failure?.error).toMatchObject({
      code: 'MISSING_INPUT',
      missing: ['due_date'],
    })
  })

  it('stops at the first move the workflow refuses, keeping the dossier as it was before it', () => {
    const result = run([
      move('receive', 'CLERK', '2026-08-28T10:00:00'),
      move('approve', 'LEADER', '2026-08-28T11:00:00'),
      move('forward', 'SPECIALIST', '2026-08-28T12:00:00'),
    ])
    expect(result.applied).toBe(1)
    expect(result.failure).toMatchObject({ index: 1, error: { code: 'NOT_ALLOWED_FROM_STEP', action: 'approve', step: 'processing' } })
    expect(result.dossier.currentStep).toBe('processing')
    expect(result.events).toHaveLength(1)
  })

  it('refuses a missing reason, a wrong role, a second supplement request, and a move back in time', () => {
    expect(run([move('refuse', 'CLERK', '2026-08-28T10:00:00')]).failure?.error).toEqual({ code: 'MISSING_INPUT', action: 'refuse', missing: ['reason'] })
    expect(run([move('receive', 'CITIZEN', '2026-08-28T10:00:00')]).failure?.error).toMatchObject({ code: 'ROLE_NOT_ALLOWED' })
    const twice = run([
      move('receive', 'CLERK', '2026-08-28T10:00:00'),
      move('request_supplement', 'SPECIALIST', '2026-08-28T11:00:00', 'a', items),
      move('supply', 'CITIZEN', '2026-08-28T12:00:00'),
      move('request_supplement', 'SPECIALIST', '2026-08-28T13:00:00', 'b', items),
    ])
    expect(twice.failure?.error).toEqual({ code: 'SUPPLEMENT_LIMIT', action: 'request_supplement', limit: 1, count: 1 })
    expect(twice.available.find((entry) => entry.role === 'SPECIALIST')?.actions.map((action) => action.action)).not.toContain('request_supplement')
    expect(run([move('receive', 'CLERK', '2026-08-26T10:00:00')]).failure?.error).toEqual({ code: 'OUT_OF_ORDER', previous: submittedAt.toISOString() })
  })

  it('is a pure replay: the same moves give the same result, on any workflow', () => {
    const moves = [move('receive', 'CLERK', '2026-08-28T16:00:00'), move('forward', 'CLERK', '2026-08-28T16:30:00'), move('approve', 'LEADER', '2026-08-28T16:45:00')]
    const sameDay = graphOf(SAME_DAY_WORKFLOW_KEY)
    const first = replaySandbox({ graph: sameDay, deadline: { kind: 'SAME_DAY', cutoffHour: 15 }, calendar, moves, submittedAt })
    const second = replaySandbox({ graph: sameDay, deadline: { kind: 'SAME_DAY', cutoffHour: 15 }, calendar, moves, submittedAt })
    expect(second).toEqual(first)
    expect(first.dossier.currentStep).toBe('result_return')
    // Received after the 15:00 cut-off: due the next working day (Mon 31 Aug).
    expect(first.dossier.dueAt).toEqual(vn('2026-08-31T17:00:00'))
  })
})

describe('parseSandboxMoves', () => {
  it('reads the moves back from JSON, and reads anything else as an empty history', () => {
    const moves = [move('receive', 'CLERK', '2026-08-28T10:00:00'), move('refuse', 'LEADER', '2026-08-28T11:00:00', 'Không đủ điều kiện')]
    expect(parseSandboxMoves(JSON.stringify(moves))).toEqual(moves)
    expect(parseSandboxMoves('')).toEqual([])
    expect(parseSandboxMoves('not json')).toEqual([])
    expect(parseSandboxMoves(JSON.stringify([{ action: 'receive', role: 'ADMIN', at: moves[0]!.at }]))).toEqual([])
    expect(parseSandboxMoves(JSON.stringify([{ ...moves[0], extra: 1 }]))).toEqual([])
    expect(parseSandboxMoves(JSON.stringify(Array.from({ length: 61 }, () => moves[0])))).toEqual([])
  })
})
