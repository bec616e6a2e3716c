import { describe, expect, it } from 'vitest'
import { DEFAULT_WORKFLOWS } from './default-workflows'
import { validateWorkflow, type WorkflowProblem, type WorkflowProblemCode } from './validate-workflow'

/** A small valid graph to break in one place per test (as plain JSON, the way an editor sends it). */
function base() {
  return {
    startStep: 'reception',
    steps: [
      { key: 'reception', nameVi: 'Tiếp nhận', nameEn: 'Reception', role: 'CLERK', state: 'SUBMITTED', clock: 'STOPPED' },
      { key: 'processing', nameVi: 'Xử lý', nameEn: 'Processing', role: 'SPECIALIST', state: 'PROCESSING', budget: { unit: 'SHARE', value: 100 }, clock: 'RUNS' },
      { key: 'awaiting', nameVi: 'Chờ bổ sung', nameEn: 'Awaiting', role: 'CITIZEN', state: 'AWAITING_SUPPLEMENT', clock: 'PAUSED' },
      { key: 'returned', nameVi: 'Đã trả', nameEn: 'Returned', role: 'CLERK', state: 'RETURNED', clock: 'STOPPED', terminal: 'RETURNED' },
      { key: 'refused', nameVi: 'Từ chối', nameEn: 'Refused', role: 'LEADER', state: 'REFUSED', clock: 'STOPPED', terminal: 'REFUSED' },
    ] as Record<string, unknown>[],
    transitions: [
      { action: 'receive', from: 'reception', to: 'processing', roles: ['CLERK'], clock: 'START' },
      { action: 'refuse', from: 'reception', to: 'refused', roles: ['CLERK'], requires: ['reason'], clock: 'STOP' },
      { action: 'request_supplement', from: 'processing', to: 'awaiting', roles: ['SPECIALIST'], requires: ['reason'], clock: 'PAUSE' },
      { action: 'supply', from: 'awaiting', to: 'processing', roles: ['CITIZEN'], requires: ['attachment'], clock: 'RESUME' },
      { action: 'return_result', from: 'processing', to: 'returned', roles: ['CLERK'], clock: 'STOP' },
    ] as Record<string, unknown>[],
  }
}

function problemsOf(graph: unknown): WorkflowProblem[] {
  const result = validateWorkflow(graph)
  return result.ok ? [] : result.problems
}

function expectProblem(graph: unknown, code: WorkflowProblemCode, where: Partial<WorkflowProblem> = {}) {
  expect(problemsOf(graph)).toContainEqual(expect.objectContaining({ code, ...where }))
}

describe('validateWorkflow', () => {
  it.each(DEFAULT_WORKFLOWS.map((workflow) => [workflow.key, workflow.graph] as const))('accepts the seeded workflow %s', (_key, graph) => {
    expect(validateWorkflow(graph)).toEqual({ ok: true })
    expect(validateWorkflow(JSON.parse(JSON.stringify(graph)))).toEqual({ ok: true })
  })

  it('accepts the base graph, with or without a supplement limit', () => {
    expect(validateWorkflow(base())).toEqual({ ok: true })
    expect(validateWorkflow({ ...base(), maxSupplementRequests: 2 })).toEqual({ ok: true })
  })

  it('INVALID_SHAPE: not a graph at all, or a bad key or limit', () => {
    expectProblem(null, 'INVALID_SHAPE')
    expectProblem({ startStep: 'reception', steps: [] }, 'INVALID_SHAPE', { path: ['transitions'] })
    const badKey = base()
    badKey.transitions[0] = { ...badKey.transitions[0], action: 'Receive-Now' }
    expectProblem(badKey, 'INVALID_SHAPE')
    expectProblem({ ...base(), maxSupplementRequests: 0 }, 'INVALID_SHAPE', { path: ['maxSupplementRequests'] })
  })

  it('NO_START: the start step does not exist', () => {
    expectProblem({ ...base(), startStep: 'nowhere' }, 'NO_START', { step: 'nowhere' })
  })

  it('TERMINAL_START: the start step is terminal', () => {
    expectProblem({ ...base(), startStep: 'returned' }, 'TERMINAL_START', { step: 'returned' })
  })

  it('DUPLICATE_STEP', () => {
    const graph = base()
    graph.steps.push({ ...graph.steps[1] })
    expectProblem(graph, 'DUPLICATE_STEP', { step: 'processing' })
  })

  it('UNKNOWN_STEP: a transition to or from a step that does not exist', () => {
    const graph = base()
    graph.transitions.push({ action: 'approve', from: 'processing', to: 'signing', roles: ['LEADER'] })
    expectProblem(graph, 'UNKNOWN_STEP', { step: 'signing', transition: 'processing:approve' })
    const from = base()
    from.transitions.push({ action: 'approve', from: 'signing', to: 'returned', roles: ['LEADER'], clock: 'STOP' })
    expectProblem(from, 'UNKNOWN_STEP', { step: 'signing', transition: 'signing:approve' })
  })

  it('UNKNOWN_ROLE: on a step or a transition', () => {
    const graph = base()
    graph.steps[1] = { ...graph.steps[1], role: 'MAYOR' }
    graph.transitions[4] = { ...graph.transitions[4], roles: ['CLERK', 'JANITOR'] }
    expectProblem(graph, 'UNKNOWN_ROLE', { step: 'processing', role: 'MAYOR' })
    expectProblem(graph, 'UNKNOWN_ROLE', { transition: 'processing:return_result', role: 'JANITOR' })
  })

  it('UNKNOWN_OUTCOME and STATE_MISMATCH on terminal steps', () => {
    const unknown = base()
    unknown.steps[3] = { ...unknown.steps[3], terminal: 'LOST' }
    expectProblem(unknown, 'UNKNOWN_OUTCOME', { step: 'returned' })
    const mismatch = base()
    mismatch.steps[3] = { ...mismatch.steps[3], state: 'REFUSED' }
    expectProblem(mismatch, 'STATE_MISMATCH', { step: 'returned' })
    const terminalStateOnly = base()
    terminalStateOnly.steps[1] = { ...terminalStateOnly.steps[1], state: 'RETURNED' }
    expectProblem(terminalStateOnly, 'STATE_MISMATCH', { step: 'processing' })
  })

  it('UNREACHABLE_STEP: nothing leads to it', () => {
    const graph = base()
    graph.steps.push({ key: 'archive', nameVi: 'Lưu', nameEn: 'Archive', role: 'CLERK', state: 'WITHDRAWN', clock: 'STOPPED', terminal: 'WITHDRAWN' })
    expect(problemsOf(graph)).toEqual([expect.objectContaining({ code: 'UNREACHABLE_STEP', step: 'archive' })])
  })

  it('DEAD_END: a non-terminal step with no way out', () => {
    const graph = base()
    graph.transitions = graph.transitions.filter((transition) => transition.from !== 'awaiting')
    expectProblem(graph, 'DEAD_END', { step: 'awaiting' })
  })

  it('NO_WAY_TO_END: a loop that never reaches a terminal step', () => {
    const graph = base()
    graph.steps.push(
      { key: 'loop_a', nameVi: 'A', nameEn: 'A', role: 'LEADER', state: 'PROCESSING', clock: 'RUNS' },
      { key: 'loop_b', nameVi: 'B', nameEn: 'B', role: 'LEADER', state: 'PROCESSING', clock: 'RUNS' },
    )
    graph.transitions.push(
      { action: 'forward', from: 'processing', to: 'loop_a', roles: ['SPECIALIST'] },
      { action: 'forward', from: 'loop_a', to: 'loop_b', roles: ['LEADER'] },
      { action: 'send_back', from: 'loop_b', to: 'loop_a', roles: ['LEADER'], requires: ['reason'] },
    )
    const problems = problemsOf(graph)
    expect(problems.map((problem) => [problem.code, problem.step])).toEqual([
      ['NO_WAY_TO_END', 'loop_a'],
      ['NO_WAY_TO_END', 'loop_b'],
    ])
  })

  it('NO_TERMINAL', () => {
    const graph = base()
    graph.steps = graph.steps.filter((step) => !step.terminal)
    graph.transitions = graph.transitions.filter((transition) => transition.clock !== 'STOP')
    expectProblem(graph, 'NO_TERMINAL')
  })

  it('TRANSITION_FROM_TERMINAL', () => {
    const graph = base()
    graph.transitions.push({ action: 'reopen', from: 'returned', to: 'processing', roles: ['LEADER'] })
    expectProblem(graph, 'TRANSITION_FROM_TERMINAL', { step: 'returned', transition: 'returned:reopen' })
  })

  it('DUPLICATE_ACTION_FROM_STEP: one action may lead to one place only', () => {
    const graph = base()
    graph.transitions.push({ action: 'return_result', from: 'processing', to: 'refused', roles: ['CLERK'], clock: 'STOP' })
    expectProblem(graph, 'DUPLICATE_ACTION_FROM_STEP', { step: 'processing', transition: 'processing:return_result' })
  })

  it.each([
    ['receive without START', 0, { clock: undefined }],
    ['refuse into a terminal step without STOP', 1, { clock: undefined }],
    ['a supplement request that does not PAUSE', 2, { clock: 'STOP' }],
    ['a resubmission that does not RESUME', 3, { clock: undefined }],
    ['a START between running steps', 3, { from: 'processing', to: 'processing', action: 'restart', clock: 'START' }],
  ] as const)('CLOCK_MISMATCH: %s', (_name, index, change) => {
    const graph = base()
    graph.transitions[index] = { ...graph.transitions[index], ...change }
    expect(problemsOf(graph).map((problem) => problem.code)).toContain('CLOCK_MISMATCH')
  })

  it('CLOCK_MISMATCH: the clock cannot already run at the start step', () => {
    const graph = base()
    graph.steps[0] = { ...graph.steps[0], clock: 'RUNS' }
    expectProblem(graph, 'CLOCK_MISMATCH', { step: 'reception' })
  })

  it('CLOCK_MISMATCH: going back to the step before receipt is never allowed', () => {
    const graph = base()
    graph.transitions.push({ action: 'unreceive', from: 'processing', to: 'reception', roles: ['CLERK'] })
    expectProblem(graph, 'CLOCK_MISMATCH', { transition: 'processing:unreceive' })
  })

  it('reports every problem at once', () => {
    const graph = base()
    graph.steps[1] = { ...graph.steps[1], role: 'MAYOR' }
    graph.transitions.push({ action: 'reopen', from: 'returned', to: 'processing', roles: ['LEADER'] })
    expect(problemsOf(graph).map((problem) => problem.code).sort()).toEqual(['TRANSITION_FROM_TERMINAL', 'UNKNOWN_ROLE'])
  })
})

describe('validateWorkflow: new appointments', () => {
  it('an EXTEND transition must ask for the date, and only an EXTEND transition may', () => {
    const graph = structuredClone(DEFAULT_WORKFLOWS[0]!.graph)
    const codes = (candidate: unknown) => {
      const result = validateWorkflow(candidate)
      return result.ok ? [] : result.problems.map((problem) => `${problem.code}:${problem.transition}`)
    }
    expect(codes(graph)).toEqual([])
    const withoutDate = { ...graph, transitions: graph.transitions.map((t) => (t.clock === 'EXTEND' && t.from === 'processing' ? { ...t, requires: ['reason'] } : t)) }
    expect(codes(withoutDate)).toEqual(['CLOCK_MISMATCH:processing:reschedule'])
    const dateWithoutExtend = { ...graph, transitions: graph.transitions.map((t) => (t.action === 'forward' ? { ...t, requires: ['due_date'] } : t)) }
    expect(codes(dateWithoutExtend)).toEqual(['CLOCK_MISMATCH:processing:forward'])
  })
})
