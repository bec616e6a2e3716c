import { z } from 'zod'
import { ClockEffectSchema, reachableSteps, StepClockSchema, TerminalOutcomeSchema, WORKFLOW_ROLES, WorkflowGraphSchema } from './workflow-graph'

/**
 * Checks a workflow before it is published: every problem is reported at once, typed and naming the step or
 * transition concerned, so the administration screen can point at it.
 *
 * The input is deliberately loose (any role or outcome string): a draft edited by an administrator may name
 * a role that does not exist, and that must come back as UNKNOWN_ROLE, not as a parse error. A graph that
 * passes is also a valid `WorkflowGraph` (the schema is applied last).
 *
 * Clock rules (what `applyTransition` relies on): steps are in one of four phases — before receipt (clock
 * STOPPED, not terminal), running (RUNS), paused (PAUSED), terminal. The only moves are
 * before → before (no effect), before → running (START), running → running (no effect), running → paused
 * (PAUSE), paused → paused (no effect), paused → running (RESUME), and any non-terminal → terminal (STOP);
 * running → running may also EXTEND (a new appointment, which must ask for the new date); the start step is
 * before receipt.
 */
export const WORKFLOW_PROBLEM_CODES = [
  /** The shape is wrong (a missing field, a key that is not snake_case…); `path` and `message` say where. */
  'INVALID_SHAPE',
  /** Two steps with the same key. */
  'DUPLICATE_STEP',
  /** `startStep` names no step. */
  'NO_START',
  /** The start step is terminal: nothing could ever happen. */
  'TERMINAL_START',
  /** A transition goes from or to a step that does not exist. */
  'UNKNOWN_STEP',
  /** A step or transition names a role that does not exist. */
  'UNKNOWN_ROLE',
  /** A terminal step names an outcome the system does not know. */
  'UNKNOWN_OUTCOME',
  /** A terminal step's state is not its outcome, or a non-terminal step has a terminal state. */
  'STATE_MISMATCH',
  /** No step can be reached from the start step. */
  'UNREACHABLE_STEP',
  /** A non-terminal step has no transition out of it. */
  'DEAD_END',
  /** A non-terminal step from which no terminal step can be reached (a loop with no way out). */
  'NO_WAY_TO_END',
  /** The workflow has no terminal step. */
  'NO_TERMINAL',
  /** A transition leaves a terminal step. */
  'TRANSITION_FROM_TERMINAL',
  /** Two transitions with the same action from the same step: the engine could not choose. */
  'DUPLICATE_ACTION_FROM_STEP',
  /** A transition's clock effect does not match the clocks of the steps it joins (see the rules above). */
  'CLOCK_MISMATCH',
] as const

export type WorkflowProblemCode = (typeof WORKFLOW_PROBLEM_CODES)[number]

export type WorkflowProblem = {
  code: WorkflowProblemCode
  /** The step concerned (for transitions: the step it leaves). */
  step?: string
  /** The transition concerned, as `from:action`. */
  transition?: string
  role?: string
  message: string
  /** For INVALID_SHAPE: where in the graph. */
  path?: (string | number)[]
}

export type WorkflowValidation = { ok: true } | { ok: false; problems: WorkflowProblem[] }

const DraftSchema = z.object({
  startStep: z.string(),
  steps: z.array(z.object({ key: z.string(), role: z.string(), state: z.string(), clock: StepClockSchema, terminal: z.string().optional() })),
  transitions: z.array(z.object({ action: z.string(), from: z.string(), to: z.string(), roles: z.array(z.string()), requires: z.array(z.string()).default([]), clock: ClockEffectSchema.optional() })),
})

type Phase = 'BEFORE' | 'RUNNING' | 'PAUSED' | 'TERMINAL'

/** The clock effect a transition between two phases must have (undefined: none); null when not allowed. */
function expectedClock(from: Phase, to: Phase): 'START' | 'PAUSE' | 'RESUME' | 'STOP' | undefined | null {
  if (to === 'TERMINAL') return 'STOP'
  if (from === to) return undefined
  if (from === 'BEFORE' && to === 'RUNNING') return 'START'
  if (from === 'RUNNING' && to === 'PAUSED') return 'PAUSE'
  if (from === 'PAUSED' && to === 'RUNNING') return 'RESUME'
  return null
}

const TERMINAL_OUTCOMES: readonly string[] = TerminalOutcomeSchema.options
const ROLES: readonly string[] = WORKFLOW_ROLES

export function validateWorkflow(input: unknown): WorkflowValidation {
  const draft = DraftSchema.safeParse(input)
  if (!draft.success) {
    return { ok: false, problems: draft.error.issues.map((issue) => ({ code: 'INVALID_SHAPE', path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)), message: issue.message })) }
  }
  const graph = draft.data
  const problems: WorkflowProblem[] = []
  const steps = new Map<string, (typeof graph.steps)[number]>()
  for (const step of graph.steps) {
    if (steps.has(step.key)) problems.push({ code: 'DUPLICATE_STEP', step: step.key, message: `two steps named ${step.key}` })
    steps.set(step.key, step)
    if (!ROLES.includes(step.role)) problems.push({ code: 'UNKNOWN_ROLE', step: step.key, role: step.role, message: `step ${step.key}: unknown role ${step.role}` })
    if (step.terminal !== undefined && !TERMINAL_OUTCOMES.includes(step.terminal)) {
      problems.push({ code: 'UNKNOWN_OUTCOME', step: step.key, message: `step ${step.key}: unknown outcome ${step.terminal}` })
    }
    const stateIsTerminal = TERMINAL_OUTCOMES.includes(step.state)
    if (step.terminal !== undefined ? step.state !== step.terminal : stateIsTerminal) {
      problems.push({ code: 'STATE_MISMATCH', step: step.key, message: `step ${step.key}: state ${step.state} and outcome ${step.terminal ?? 'none'} disagree` })
    }
  }
  const phaseOf = (key: string): Phase | undefined => {
    const step = steps.get(key)
    if (!step) return undefined
    if (step.terminal !== undefined) return 'TERMINAL'
    return step.clock === 'RUNS' ? 'RUNNING' : step.clock === 'PAUSED' ? 'PAUSED' : 'BEFORE'
  }

  const start = steps.get(graph.startStep)
  if (!start) problems.push({ code: 'NO_START', step: graph.startStep, message: `start step ${graph.startStep} does not exist` })
  else if (start.terminal !== undefined) problems.push({ code: 'TERMINAL_START', step: start.key, message: `start step ${start.key} is terminal` })
  else if (start.clock !== 'STOPPED') problems.push({ code: 'CLOCK_MISMATCH', step: start.key, message: `start step ${start.key} must have its clock STOPPED: the clock starts on receipt` })
  if (!graph.steps.some((step) => step.terminal !== undefined)) problems.push({ code: 'NO_TERMINAL', message: 'no terminal step' })

  const pairs = new Set<string>()
  for (const transition of graph.transitions) {
    const name = `${transition.from}:${transition.action}`
    for (const end of [transition.from, transition.to]) {
      if (!steps.has(end)) problems.push({ code: 'UNKNOWN_STEP', step: end, transition: name, message: `transition ${name} names unknown step ${end}` })
    }
    for (const role of transition.roles) {
      if (!ROLES.includes(role)) problems.push({ code: 'UNKNOWN_ROLE', transition: name, step: transition.from, role, message: `transition ${name}: unknown role ${role}` })
    }
    if (pairs.has(name)) problems.push({ code: 'DUPLICATE_ACTION_FROM_STEP', step: transition.from, transition: name, message: `two "${transition.action}" transitions from ${transition.from}` })
    pairs.add(name)
    const from = phaseOf(transition.from)
    const to = phaseOf(transition.to)
    if (from === 'TERMINAL') problems.push({ code: 'TRANSITION_FROM_TERMINAL', step: transition.from, transition: name, message: `transition ${name} leaves terminal step ${transition.from}` })
    else if (from && to) {
      const expected = expectedClock(from, to)
      const extends_ = transition.clock === 'EXTEND' && from === 'RUNNING' && to === 'RUNNING'
      if (!extends_ && transition.requires.includes('due_date')) {
        problems.push({ code: 'CLOCK_MISMATCH', step: transition.from, transition: name, message: `transition ${name} asks for a new appointment but does not extend the deadline (clock EXTEND)` })
      } else if (extends_ && !transition.requires.includes('due_date')) {
        problems.push({ code: 'CLOCK_MISMATCH', step: transition.from, transition: name, message: `transition ${name} extends the deadline and must require due_date` })
      } else if (!extends_ && (expected === null || expected !== transition.clock)) {
        const wanted = expected === null ? 'is not allowed' : `needs clock ${expected ?? '(none)'}`
        problems.push({ code: 'CLOCK_MISMATCH', step: transition.from, transition: name, message: `transition ${name} (${from} → ${to}) ${wanted}, has ${transition.clock ?? '(none)'}` })
      }
    }
  }

  if (start) {
    const reached = reachableSteps(graph)
    for (const step of graph.steps) {
      if (!reached.has(step.key)) problems.push({ code: 'UNREACHABLE_STEP', step: step.key, message: `step ${step.key} cannot be reached from ${graph.startStep}` })
    }
  }
  for (const step of graph.steps) {
    if (step.terminal !== undefined) continue
    if (!graph.transitions.some((transition) => transition.from === step.key)) {
      problems.push({ code: 'DEAD_END', step: step.key, message: `non-terminal step ${step.key} has no way out` })
      continue
    }
    const reachable = reachableSteps({ startStep: step.key, transitions: graph.transitions })
    if (![...reachable].some((key) => steps.get(key)?.terminal !== undefined)) {
      problems.push({ code: 'NO_WAY_TO_END', step: step.key, message: `no terminal step can be reached from ${step.key}` })
    }
  }

  if (problems.length === 0) {
    // Anything the semantic checks do not cover (key format, budgets, names…).
    const parsed = WorkflowGraphSchema.safeParse(input)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ code: 'INVALID_SHAPE', path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)), message: issue.message })
    }
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems }
}
