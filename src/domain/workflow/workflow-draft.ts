import {
  StepBudgetSchema,
  StepClockSchema,
  StepStateSchema,
  TerminalOutcomeSchema,
  TransitionRequirementSchema,
  WorkflowGraphSchema,
  WorkflowRoleSchema,
  WorkflowTransitionSchema,
  type WorkflowGraph,
} from './workflow-graph'
import type { WorkflowProblem } from './validate-workflow'

/**
 * A workflow draft as the administration editor edits it: a flat form of step rows and transition rows,
 * read from posted fields (it works without JavaScript), checked field by field so every error can be shown
 * next to its input, and turned into a `WorkflowGraph` only when `WorkflowGraphSchema` accepts it.
 *
 * Field names: `startRow`, `maxSupplementRequests`, `step.<row>.<field>`, `transition.<row>.<field>`, where
 * `<row>` is a stable id of the row in the form (not its position, so rows can be added and removed).
 * Rows left blank are ignored (the editor always offers an empty one); rows ticked `remove` are dropped.
 *
 * The choices (roles, states, clocks, requirements…) are read from the zod schemas of workflow-graph.ts, so a
 * value added there is offered and accepted here without change.
 */

export const EDITOR_CHOICES = {
  roles: WorkflowRoleSchema.options,
  states: StepStateSchema.options,
  stepClocks: StepClockSchema.options,
  budgetUnits: StepBudgetSchema.shape.unit.options,
  terminalOutcomes: TerminalOutcomeSchema.options,
  transitionClocks: WorkflowTransitionSchema.shape.clock.unwrap().options,
  requirements: TransitionRequirementSchema.options,
} as const

export type StepRow = {
  row: string
  key: string
  nameVi: string
  nameEn: string
  role: string
  state: string
  /** '' when the step has no time budget. */
  budgetUnit: string
  budgetValue: string
  clock: string
  /** '' when the step is not terminal. */
  terminal: string
  remove: boolean
}

export type TransitionRow = {
  row: string
  action: string
  from: string
  to: string
  roles: string[]
  requires: string[]
  /** '' when the transition has no clock effect. */
  clock: string
  isPublic: boolean
  remove: boolean
}

export type DraftForm = {
  /** Row id of the start step. */
  startRow: string
  /** '' for the default (one request). */
  maxSupplementRequests: string
  steps: StepRow[]
  transitions: TransitionRow[]
}

export const MAX_STEP_ROWS = 60
export const MAX_TRANSITION_ROWS = 200
const MAX_KEY_LENGTH = 50
const MAX_NAME_LENGTH = 200
const MAX_BUDGET_VALUE = 10_000
const ROW_ID = /^[A-Za-z0-9_-]{1,24}$/
const KEY = /^[a-z][a-z0-9_]*$/

export const DRAFT_ERROR_CODES = [
  'required',
  'tooLong',
  'keyFormat',
  'duplicateKey',
  'invalidChoice',
  'terminalStateMismatch',
  'terminalStateRequired',
  'budgetUnitRequired',
  'budgetValueRequired',
  'budgetValueInvalid',
  'startRequired',
  'tooFewSteps',
  'tooManySteps',
  'noTransitions',
  'tooManyTransitions',
  'unknownStep',
  'fromTerminal',
  'rolesRequired',
  'duplicateAction',
  'maxSupplementInvalid',
  /** Anything the schema refuses that the checks above do not name. */
  'invalid',
] as const
export type DraftErrorCode = (typeof DRAFT_ERROR_CODES)[number]

/** One error code per field name (`step.<row>.key`, `transition.<row>.from`, `startRow`, `steps`…). */
export type DraftFieldErrors = Record<string, DraftErrorCode>

export type DraftCheck = { ok: true; graph: WorkflowGraph } | { ok: false; errors: DraftFieldErrors }

export const stepField = (row: string, field: keyof Omit<StepRow, 'row'>) => `step.${row}.${field}`
export const transitionField = (row: string, field: keyof Omit<TransitionRow, 'row'>) => `transition.${row}.${field}`

export function blankStepRow(row: string): StepRow {
  return { row, key: '', nameVi: '', nameEn: '', role: 'CLERK', state: 'PROCESSING', budgetUnit: '', budgetValue: '', clock: 'RUNS', terminal: '', remove: false }
}

export function blankTransitionRow(row: string): TransitionRow {
  return { row, action: '', from: '', to: '', roles: [], requires: [], clock: '', isPublic: true, remove: false }
}

const isBlankStep = (row: StepRow) => !row.key && !row.nameVi && !row.nameEn && !row.budgetValue
const isBlankTransition = (row: TransitionRow) => !row.action && !row.from && !row.to

/** The form without its blank rows (what to show again after an error: the editor adds its own blank rows). */
export function withoutBlankRows(form: DraftForm): DraftForm {
  return { ...form, steps: form.steps.filter((row) => !isBlankStep(row)), transitions: form.transitions.filter((row) => !isBlankTransition(row)) }
}

/** The editor's form for a stored graph (rows s0…, t0…). */
export function draftFormFromGraph(graph: WorkflowGraph): DraftForm {
  const steps = graph.steps.map((step, index): StepRow => ({
    row: `s${index}`,
    key: step.key,
    nameVi: step.nameVi,
    nameEn: step.nameEn,
    role: step.role,
    state: step.state,
    budgetUnit: step.budget?.unit ?? '',
    budgetValue: step.budget ? String(step.budget.value) : '',
    clock: step.clock,
    terminal: step.terminal ?? '',
    remove: false,
  }))
  const transitions = graph.transitions.map((transition, index): TransitionRow => ({
    row: `t${index}`,
    action: transition.action,
    from: transition.from,
    to: transition.to,
    roles: [...transition.roles],
    requires: [...transition.requires],
    clock: transition.clock ?? '',
    isPublic: transition.isPublic,
    remove: false,
  }))
  const start = graph.steps.findIndex((step) => step.key === graph.startStep)
  return {
    startRow: start >= 0 ? `s${start}` : '',
    maxSupplementRequests: graph.maxSupplementRequests === undefined ? '' : String(graph.maxSupplementRequests),
    steps,
    transitions,
  }
}

const STEP_TEXT_FIELDS = ['key', 'nameVi', 'nameEn', 'role', 'state', 'budgetUnit', 'budgetValue', 'clock', 'terminal'] as const
const TRANSITION_TEXT_FIELDS = ['action', 'from', 'to', 'clock'] as const
const TRUE_VALUES = new Set(['on', 'true', '1'])

/**
 * Reads the posted fields (FormData entries, in document order) into a form. Rows keep the order in which
 * they first appear; unknown or malformed names are ignored; text is trimmed; rows beyond the limits are
 * dropped here and reported by `checkDraftForm` through the counts.
 */
export function readDraftForm(entries: Iterable<readonly [string, unknown]>): DraftForm {
  const steps = new Map<string, StepRow>()
  const transitions = new Map<string, TransitionRow>()
  const form: DraftForm = { startRow: '', maxSupplementRequests: '', steps: [], transitions: [] }
  for (const [name, raw] of entries) {
    if (typeof raw !== 'string') continue
    const value = raw.trim()
    if (name === 'startRow') form.startRow = value
    else if (name === 'maxSupplementRequests') form.maxSupplementRequests = value
    const [kind, row, field] = name.split('.')
    if (!row || !field || !ROW_ID.test(row)) continue
    if (kind === 'step') {
      let step = steps.get(row)
      if (!step) {
        if (steps.size >= MAX_STEP_ROWS + 1) continue
        step = { ...blankStepRow(row), role: '', state: '', clock: '' }
        steps.set(row, step)
      }
      if (field === 'remove') step.remove = TRUE_VALUES.has(value)
      else if ((STEP_TEXT_FIELDS as readonly string[]).includes(field)) step[field as (typeof STEP_TEXT_FIELDS)[number]] = value
    } else if (kind === 'transition') {
      let transition = transitions.get(row)
      if (!transition) {
        if (transitions.size >= MAX_TRANSITION_ROWS + 1) continue
        transition = { ...blankTransitionRow(row), isPublic: false }
        transitions.set(row, transition)
      }
      if (field === 'remove') transition.remove = TRUE_VALUES.has(value)
      else if (field === 'isPublic') transition.isPublic = TRUE_VALUES.has(value)
      else if (field === 'roles' || field === 'requires') {
        if (value && !transition[field].includes(value)) transition[field].push(value)
      } else if ((TRANSITION_TEXT_FIELDS as readonly string[]).includes(field)) transition[field as (typeof TRANSITION_TEXT_FIELDS)[number]] = value
    }
  }
  form.steps = [...steps.values()]
  form.transitions = [...transitions.values()]
  return form
}

const includes = (options: readonly string[], value: string) => options.includes(value)

/** A budget value as typed: "8", "8.5" or "8,5". */
function parseBudgetValue(text: string): number | null {
  if (!/^\d+([.,]\d+)?$/.test(text)) return null
  const value = Number(text.replace(',', '.'))
  return value > 0 && value <= MAX_BUDGET_VALUE ? value : null
}

/**
 * Checks a form and, when every field is right, gives the graph. Errors name the field of the row concerned;
 * the graph is finally parsed by `WorkflowGraphSchema`, and anything it still refuses is reported on the
 * field its path points at (code `invalid`), so the stored graph always satisfies the schema.
 * Whether the graph can be published (reachability, clock rules…) is `validateWorkflow`'s job, not this one's.
 */
export function checkDraftForm(form: DraftForm): DraftCheck {
  const errors: DraftFieldErrors = {}
  const fail = (field: string, code: DraftErrorCode) => {
    if (!(field in errors)) errors[field] = code
  }
  const text = (field: string, value: string, max: number) => {
    if (!value) fail(field, 'required')
    else if (value.length > max) fail(field, 'tooLong')
  }

  const steps = form.steps.filter((row) => !row.remove && !isBlankStep(row))
  const transitions = form.transitions.filter((row) => !row.remove && !isBlankTransition(row))
  if (steps.length < 2) fail('steps', 'tooFewSteps')
  if (steps.length > MAX_STEP_ROWS) fail('steps', 'tooManySteps')
  if (transitions.length < 1) fail('transitions', 'noTransitions')
  if (transitions.length > MAX_TRANSITION_ROWS) fail('transitions', 'tooManyTransitions')

  const stepByKey = new Map<string, StepRow>()
  for (const row of steps) {
    const field = (name: keyof Omit<StepRow, 'row'>) => stepField(row.row, name)
    text(field('key'), row.key, MAX_KEY_LENGTH)
    if (row.key && !KEY.test(row.key)) fail(field('key'), 'keyFormat')
    if (row.key && stepByKey.has(row.key)) fail(field('key'), 'duplicateKey')
    else if (row.key) stepByKey.set(row.key, row)
    text(field('nameVi'), row.nameVi, MAX_NAME_LENGTH)
    text(field('nameEn'), row.nameEn, MAX_NAME_LENGTH)
    if (!includes(EDITOR_CHOICES.roles, row.role)) fail(field('role'), 'invalidChoice')
    if (!includes(EDITOR_CHOICES.states, row.state)) fail(field('state'), 'invalidChoice')
    if (!includes(EDITOR_CHOICES.stepClocks, row.clock)) fail(field('clock'), 'invalidChoice')
    if (row.terminal && !includes(EDITOR_CHOICES.terminalOutcomes, row.terminal)) fail(field('terminal'), 'invalidChoice')
    else if (row.terminal && row.state !== row.terminal) fail(field('state'), 'terminalStateMismatch')
    else if (!row.terminal && includes(EDITOR_CHOICES.terminalOutcomes, row.state)) fail(field('terminal'), 'terminalStateRequired')
    if (row.budgetUnit && !includes(EDITOR_CHOICES.budgetUnits, row.budgetUnit)) fail(field('budgetUnit'), 'invalidChoice')
    else if (row.budgetUnit && !row.budgetValue) fail(field('budgetValue'), 'budgetValueRequired')
    else if (!row.budgetUnit && row.budgetValue) fail(field('budgetUnit'), 'budgetUnitRequired')
    if (row.budgetValue && parseBudgetValue(row.budgetValue) === null) fail(field('budgetValue'), 'budgetValueInvalid')
  }
  const startRow = steps.find((row) => row.row === form.startRow)
  if (!startRow) fail('startRow', 'startRequired')

  const pairs = new Set<string>()
  for (const row of transitions) {
    const field = (name: keyof Omit<TransitionRow, 'row'>) => transitionField(row.row, name)
    text(field('action'), row.action, MAX_KEY_LENGTH)
    if (row.action && !KEY.test(row.action)) fail(field('action'), 'keyFormat')
    for (const end of ['from', 'to'] as const) {
      if (!row[end]) fail(field(end), 'required')
      else if (!stepByKey.has(row[end])) fail(field(end), 'unknownStep')
    }
    if (stepByKey.get(row.from)?.terminal) fail(field('from'), 'fromTerminal')
    if (row.roles.length === 0) fail(field('roles'), 'rolesRequired')
    else if (row.roles.some((role) => !includes(EDITOR_CHOICES.roles, role))) fail(field('roles'), 'invalidChoice')
    if (row.requires.some((requirement) => !includes(EDITOR_CHOICES.requirements, requirement))) fail(field('requires'), 'invalidChoice')
    if (row.clock && !includes(EDITOR_CHOICES.transitionClocks, row.clock)) fail(field('clock'), 'invalidChoice')
    const pair = `${row.from}:${row.action}`
    if (row.action && row.from && pairs.has(pair)) fail(field('action'), 'duplicateAction')
    pairs.add(pair)
  }

  let maxSupplementRequests: number | undefined
  if (form.maxSupplementRequests) {
    const value = /^\d{1,2}$/.test(form.maxSupplementRequests) ? Number(form.maxSupplementRequests) : Number.NaN
    if (!(value >= 1 && value <= 10)) fail('maxSupplementRequests', 'maxSupplementInvalid')
    else maxSupplementRequests = value
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }

  const candidate = {
    startStep: startRow?.key ?? '',
    steps: steps.map((row) => ({
      key: row.key,
      nameVi: row.nameVi,
      nameEn: row.nameEn,
      role: row.role,
      state: row.state,
      ...(row.budgetUnit ? { budget: { unit: row.budgetUnit, value: parseBudgetValue(row.budgetValue) } } : {}),
      clock: row.clock,
      ...(row.terminal ? { terminal: row.terminal } : {}),
    })),
    transitions: transitions.map((row) => ({
      action: row.action,
      from: row.from,
      to: row.to,
      roles: row.roles,
      requires: row.requires,
      ...(row.clock ? { clock: row.clock } : {}),
      isPublic: row.isPublic,
    })),
    ...(maxSupplementRequests === undefined ? {} : { maxSupplementRequests }),
  }
  const parsed = WorkflowGraphSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, graph: parsed.data }
  for (const issue of parsed.error.issues) fail(fieldOfPath(issue.path, steps, transitions), 'invalid')
  return { ok: false, errors }
}

/** The form field a schema issue's path points at (the list itself when no row field fits). */
function fieldOfPath(path: readonly PropertyKey[], steps: readonly StepRow[], transitions: readonly TransitionRow[]): string {
  const [list, index, field, sub] = path
  if (list === 'steps' && typeof index === 'number' && steps[index]) {
    const row = steps[index].row
    if (field === 'budget') return stepField(row, sub === 'unit' ? 'budgetUnit' : 'budgetValue')
    return typeof field === 'string' && (STEP_TEXT_FIELDS as readonly string[]).includes(field) ? stepField(row, field as (typeof STEP_TEXT_FIELDS)[number]) : 'steps'
  }
  if (list === 'transitions' && typeof index === 'number' && transitions[index]) {
    const row = transitions[index].row
    const known = ['action', 'from', 'to', 'roles', 'requires', 'clock', 'isPublic'] as const
    return typeof field === 'string' && (known as readonly string[]).includes(field) ? transitionField(row, field as (typeof known)[number]) : 'transitions'
  }
  if (list === 'startStep') return 'startRow'
  return typeof list === 'string' ? list : 'steps'
}

/** Where a `validateWorkflow` problem is in the form: the row of its transition, else of its step. */
export function problemRow(problem: Pick<WorkflowProblem, 'step' | 'transition'>, form: DraftForm): { kind: 'step' | 'transition'; row: string } | null {
  if (problem.transition) {
    const found = form.transitions.find((row) => !row.remove && `${row.from}:${row.action}` === problem.transition)
    if (found) return { kind: 'transition', row: found.row }
  }
  if (problem.step) {
    const found = form.steps.find((row) => !row.remove && row.key === problem.step)
    if (found) return { kind: 'step', row: found.row }
  }
  return null
}

/**
 * Things worth a second look that do not stop publishing:
 * - RUNNING_WITHOUT_BUDGET: a step during which the legal clock runs has no time budget;
 * - SHARES_NOT_100: the shares (percent of the legal time) of the running steps do not add up to 100;
 * - REFUSAL_WITHOUT_REASON: a refusal that does not ask for the written reason the law requires;
 * - SEVERAL_SUPPLEMENTS: more than one supplement request allowed (the law allows one);
 * - UNCHANGED: the draft is the same as the version it was made from.
 */
export type DraftWarning =
  | { code: 'RUNNING_WITHOUT_BUDGET'; step: string }
  | { code: 'SHARES_NOT_100'; total: number }
  | { code: 'REFUSAL_WITHOUT_REASON'; transition: string }
  | { code: 'SEVERAL_SUPPLEMENTS'; limit: number }
  | { code: 'UNCHANGED' }

export function draftWarnings(graph: WorkflowGraph, base?: WorkflowGraph | null): DraftWarning[] {
  const warnings: DraftWarning[] = []
  const running = graph.steps.filter((step) => !step.terminal && step.clock === 'RUNS')
  for (const step of running) if (!step.budget) warnings.push({ code: 'RUNNING_WITHOUT_BUDGET', step: step.key })
  const shares = running.flatMap((step) => (step.budget?.unit === 'SHARE' ? [step.budget.value] : []))
  const total = Math.round(shares.reduce((sum, value) => sum + value, 0) * 100) / 100
  if (shares.length > 0 && total !== 100) warnings.push({ code: 'SHARES_NOT_100', total })
  const refusedSteps = new Set(graph.steps.filter((step) => step.terminal === 'REFUSED').map((step) => step.key))
  for (const transition of graph.transitions) {
    if (refusedSteps.has(transition.to) && !transition.requires.includes('reason')) warnings.push({ code: 'REFUSAL_WITHOUT_REASON', transition: `${transition.from}:${transition.action}` })
  }
  if ((graph.maxSupplementRequests ?? 1) > 1) warnings.push({ code: 'SEVERAL_SUPPLEMENTS', limit: graph.maxSupplementRequests ?? 1 })
  if (base && sameGraph(graph, base)) warnings.push({ code: 'UNCHANGED' })
  return warnings
}

/** Whether two graphs say the same thing (key order and defaults do not matter). */
export function sameGraph(a: unknown, b: unknown): boolean {
  const left = WorkflowGraphSchema.safeParse(a)
  const right = WorkflowGraphSchema.safeParse(b)
  return left.success && right.success && canonical(left.data) === canonical(right.data)
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)))
      : inner,
  )
}
