import { describe, expect, it } from 'vitest'
import { DEFAULT_WORKFLOW_KEY, DEFAULT_WORKFLOWS, SAME_DAY_WORKFLOW_KEY } from './default-workflows'
import { validateWorkflow } from './validate-workflow'
import {
  blankStepRow,
  blankTransitionRow,
  checkDraftForm,
  draftFormFromGraph,
  draftWarnings,
  EDITOR_CHOICES,
  problemRow,
  readDraftForm,
  sameGraph,
  withoutBlankRows,
  type DraftForm,
} from './workflow-draft'
import { StepClockSchema, TransitionRequirementSchema, WorkflowGraphSchema, type WorkflowGraph } from './workflow-graph'

const graphOf = (key: string): WorkflowGraph => {
  const found = DEFAULT_WORKFLOWS.find((workflow) => workflow.key === key)
  if (!found) throw new Error(key)
  return found.graph
}
const oneStop = graphOf(DEFAULT_WORKFLOW_KEY)

/** The fields a browser would post for a form (checkboxes only when ticked), in document order. */
function postedFields(form: DraftForm): [string, string][] {
  const fields: [string, string][] = [['startRow', form.startRow], ['maxSupplementRequests', form.maxSupplementRequests]]
  for (const step of form.steps) {
    for (const name of ['key', 'nameVi', 'nameEn', 'role', 'state', 'budgetUnit', 'budgetValue', 'clock', 'terminal'] as const) fields.push([`step.${step.row}.${name}`, step[name]])
    if (step.remove) fields.push([`step.${step.row}.remove`, 'on'])
  }
  for (const transition of form.transitions) {
    for (const name of ['action', 'from', 'to', 'clock'] as const) fields.push([`transition.${transition.row}.${name}`, transition[name]])
    for (const role of transition.roles) fields.push([`transition.${transition.row}.roles`, role])
    for (const requirement of transition.requires) fields.push([`transition.${transition.row}.requires`, requirement])
    if (transition.isPublic) fields.push([`transition.${transition.row}.isPublic`, 'on'])
    if (transition.remove) fields.push([`transition.${transition.row}.remove`, 'on'])
  }
  return fields
}

const errorsOf = (form: DraftForm) => {
  const result = checkDraftForm(form)
  return result.ok ? {} : result.errors
}

describe('editor choices', () => {
  it('come from the schemas, so values added there are offered', () => {
    expect(EDITOR_CHOICES.stepClocks).toEqual(StepClockSchema.options)
    expect(EDITOR_CHOICES.requirements).toEqual(TransitionRequirementSchema.options)
    expect(EDITOR_CHOICES.transitionClocks).toEqual(expect.arrayContaining(['START', 'PAUSE', 'RESUME', 'STOP']))
    expect(EDITOR_CHOICES.budgetUnits).toEqual(expect.arrayContaining(['WORKING_DAYS', 'HOURS', 'SHARE']))
  })
})

describe('draft form round trip', () => {
  it.each(DEFAULT_WORKFLOWS.map((workflow) => [workflow.key, workflow.graph] as const))('%s: graph → form → posted fields → form → the same graph', (_key, graph) => {
    const form = draftFormFromGraph(graph)
    const read = readDraftForm(postedFields(form))
    expect(read).toEqual(form)
    const result = checkDraftForm(read)
    expect(result).toEqual({ ok: true, graph })
    expect(sameGraph(result.ok ? result.graph : null, graph)).toBe(true)
  })

  it('ignores blank rows and drops rows ticked for removal', () => {
    const form = draftFormFromGraph(oneStop)
    form.steps.push(blankStepRow('n1'))
    form.transitions.push(blankTransitionRow('n2'))
    const reschedules = form.transitions.filter((row) => row.action === 'reschedule')
    for (const row of reschedules) row.remove = true
    const result = checkDraftForm(readDraftForm(postedFields(form)))
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.graph.steps).toHaveLength(oneStop.steps.length)
    expect(result.graph.transitions.map((t) => t.action)).not.toContain('reschedule')
    expect(result.graph.transitions).toHaveLength(oneStop.transitions.length - reschedules.length)
  })

  it('shows a form again without its blank rows, keeping rows typed in, even invalid ones', () => {
    const form = draftFormFromGraph(oneStop)
    form.steps.push(blankStepRow('n1'), { ...blankStepRow('n2'), key: 'Sai' })
    form.transitions.push(blankTransitionRow('m1'), { ...blankTransitionRow('m2'), action: 'x' })
    const shown = withoutBlankRows(form)
    expect(shown.steps.map((row) => row.row)).toEqual([...oneStop.steps.map((_, index) => `s${index}`), 'n2'])
    expect(shown.transitions.map((row) => row.row)).toEqual([...oneStop.transitions.map((_, index) => `t${index}`), 'm2'])
  })

  it('adds a step and a transition typed into the blank rows, with a budget typed with a decimal comma', () => {
    const form = draftFormFromGraph(oneStop)
    form.steps.push({ ...blankStepRow('n1'), key: 'verification', nameVi: 'Xác minh', nameEn: 'Verification', role: 'SPECIALIST', state: 'PROCESSING', clock: 'RUNS', budgetUnit: 'WORKING_DAYS', budgetValue: '1,5' })
    form.transitions.push({ ...blankTransitionRow('n2'), action: 'verify', from: 'processing', to: 'verification', roles: ['SPECIALIST'], isPublic: false })
    form.transitions.push({ ...blankTransitionRow('n3'), action: 'verified', from: 'verification', to: 'processing', roles: ['SPECIALIST', 'LEADER'], requires: ['attachment'] })
    const result = checkDraftForm(readDraftForm(postedFields(form)))
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.graph.steps.at(-1)).toEqual({ key: 'verification', nameVi: 'Xác minh', nameEn: 'Verification', role: 'SPECIALIST', state: 'PROCESSING', clock: 'RUNS', budget: { unit: 'WORKING_DAYS', value: 1.5 } })
    expect(result.graph.transitions.at(-1)).toEqual({ action: 'verified', from: 'verification', to: 'processing', roles: ['SPECIALIST', 'LEADER'], requires: ['attachment'], isPublic: true })
    expect(validateWorkflow(result.graph)).toEqual({ ok: true })
  })

  it('keeps the start step by row when its key is renamed in the same form', () => {
    const form = draftFormFromGraph(oneStop)
    const start = form.steps.find((row) => row.row === form.startRow)!
    start.key = 'intake'
    for (const row of form.transitions) if (row.from === 'reception') row.from = 'intake'
    const result = checkDraftForm(form)
    expect(result.ok && result.graph.startStep).toBe('intake')
  })

  it('reads a maximum of supplement requests, and leaves it out when blank', () => {
    const form = draftFormFromGraph(oneStop)
    expect(checkDraftForm(form)).toMatchObject({ ok: true, graph: expect.not.objectContaining({ maxSupplementRequests: expect.anything() }) })
    form.maxSupplementRequests = '2'
    expect(checkDraftForm(form)).toMatchObject({ ok: true, graph: { maxSupplementRequests: 2 } })
    form.maxSupplementRequests = '11'
    expect(errorsOf(form)).toEqual({ maxSupplementRequests: 'maxSupplementInvalid' })
    form.maxSupplementRequests = 'hai'
    expect(errorsOf(form)).toEqual({ maxSupplementRequests: 'maxSupplementInvalid' })
  })
})

describe('field errors', () => {
  const form = () => draftFormFromGraph(oneStop)

  it('names the field of the row concerned', () => {
    const draft = form()
    draft.steps.push({ ...blankStepRow('n1'), key: 'Thẩm định', nameVi: 'Thẩm định', nameEn: 'Review' })
    draft.steps[2]!.nameVi = ''
    draft.steps[3]!.budgetValue = '-5'
    draft.transitions[0]!.roles = []
    draft.transitions[1]!.to = 'nowhere'
    expect(errorsOf(draft)).toEqual({
      'step.s2.nameVi': 'required',
      'step.s3.budgetValue': 'budgetValueInvalid',
      'transition.t0.roles': 'rolesRequired',
      'transition.t1.to': 'unknownStep',
      'step.n1.key': 'keyFormat',
    })
  })

  it('refuses duplicate step keys, duplicate actions from one step, transitions out of a terminal step', () => {
    const draft = form()
    draft.steps[2]!.key = 'processing'
    draft.transitions[4]!.action = 'request_supplement'
    draft.transitions.push({ ...blankTransitionRow('n1'), action: 'reopen', from: 'returned', to: 'processing', roles: ['CLERK'] })
    const errors = errorsOf(draft)
    expect(errors['step.s2.key']).toBe('duplicateKey')
    expect(errors['transition.t4.action']).toBe('duplicateAction')
    expect(errors['transition.n1.from']).toBe('fromTerminal')
  })

  it('checks a terminal step against its state, both ways', () => {
    const draft = form()
    draft.steps[5]!.state = 'PROCESSING'
    draft.steps[1]!.state = 'REFUSED'
    expect(errorsOf(draft)).toEqual({ 'step.s5.state': 'terminalStateMismatch', 'step.s1.terminal': 'terminalStateRequired' })
  })

  it('wants a budget with both unit and value', () => {
    const draft = form()
    draft.steps[0]!.budgetValue = ''
    draft.steps[2]!.budgetValue = '3'
    expect(errorsOf(draft)).toEqual({ 'step.s0.budgetValue': 'budgetValueRequired', 'step.s2.budgetUnit': 'budgetUnitRequired' })
  })

  it('refuses values outside the choices (a hand-made post)', () => {
    const draft = form()
    draft.steps[0]!.role = 'ADMIN'
    draft.steps[0]!.clock = 'FROZEN'
    draft.transitions[0]!.requires = ['signature']
    draft.transitions[0]!.clock = 'REWIND'
    expect(errorsOf(draft)).toEqual({
      'step.s0.role': 'invalidChoice',
      'step.s0.clock': 'invalidChoice',
      'transition.t0.requires': 'invalidChoice',
      'transition.t0.clock': 'invalidChoice',
    })
  })

  it('needs a start step, two steps and a transition', () => {
    const empty: DraftForm = { startRow: '', maxSupplementRequests: '', steps: [blankStepRow('s0')], transitions: [blankTransitionRow('t0')] }
    expect(errorsOf(empty)).toEqual({ steps: 'tooFewSteps', transitions: 'noTransitions', startRow: 'startRequired' })
    const draft = form()
    draft.steps[0]!.remove = true
    expect(errorsOf(draft)).toMatchObject({ startRow: 'startRequired', 'transition.t0.from': 'unknownStep' })
  })

  it('ignores malformed field names and keeps the order rows first appear in', () => {
    const read = readDraftForm([
      ['step.b.key', 'second'],
      ['step.a.key', 'first'],
      ['step.<script>.key', 'x'],
      ['step.a.unknownField', 'x'],
      ['transition.t.roles', 'CLERK'],
      ['transition.t.roles', 'CLERK'],
      ['transition.t.roles', 'LEADER'],
      ['other', 'x'],
    ])
    expect(read.steps.map((row) => [row.row, row.key])).toEqual([['b', 'second'], ['a', 'first']])
    expect(read.transitions[0]!.roles).toEqual(['CLERK', 'LEADER'])
    expect(read.transitions[0]!.isPublic).toBe(false)
  })

  it('every graph it accepts satisfies WorkflowGraphSchema', () => {
    const draft = form()
    draft.steps.push({ ...blankStepRow('n1'), key: 'extra', nameVi: 'Thêm', nameEn: 'Extra', state: 'PROCESSING', clock: 'RUNS' })
    const result = checkDraftForm(draft)
    expect(result.ok).toBe(true)
    if (result.ok) expect(WorkflowGraphSchema.safeParse(result.graph).success).toBe(true)
  })
})

describe('problemRow', () => {
  it('points a problem at its transition row, else its step row', () => {
    const form = draftFormFromGraph(oneStop)
    expect(problemRow({ transition: 'processing:forward', step: 'processing' }, form)).toEqual({ kind: 'transition', row: 't4' })
    expect(problemRow({ step: 'approval' }, form)).toEqual({ kind: 'step', row: 's3' })
    expect(problemRow({ step: 'missing' }, form)).toBeNull()
  })
})

describe('draftWarnings', () => {
  it('has nothing to say about the seeded workflows', () => {
    for (const workflow of DEFAULT_WORKFLOWS) expect(draftWarnings(workflow.graph)).toEqual([])
  })

  it('notices a running step without budget, shares that do not add up, a refusal without reason, several supplements, no change', () => {
    const graph = structuredClone(oneStop)
    delete graph.steps.find((step) => step.key === 'approval')!.budget
    graph.transitions.find((transition) => transition.from === 'approval' && transition.action === 'refuse')!.requires = []
    graph.maxSupplementRequests = 3
    expect(draftWarnings(graph, oneStop)).toEqual([
      { code: 'RUNNING_WITHOUT_BUDGET', step: 'approval' },
      { code: 'SHARES_NOT_100', total: 75 },
      { code: 'REFUSAL_WITHOUT_REASON', transition: 'approval:refuse' },
      { code: 'SEVERAL_SUPPLEMENTS', limit: 3 },
    ])
    expect(draftWarnings(structuredClone(graphOf(SAME_DAY_WORKFLOW_KEY)), graphOf(SAME_DAY_WORKFLOW_KEY))).toEqual([{ code: 'UNCHANGED' }])
  })

  it('sameGraph ignores key order and defaults, not content', () => {
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(reverseKeys) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reverseKeys(inner)])) : value
    const reordered = reverseKeys(oneStop)
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(oneStop))
    expect(sameGraph(reordered, oneStop)).toBe(true)
    const withoutDefaults = { ...oneStop, transitions: oneStop.transitions.map(({ requires, isPublic, ...rest }) => ({ ...rest, ...(requires.length ? { requires } : {}), ...(isPublic ? {} : { isPublic }) })) }
    expect(sameGraph(withoutDefaults, oneStop)).toBe(true)
    expect(sameGraph({ ...oneStop, maxSupplementRequests: 2 }, oneStop)).toBe(false)
  })
})
