import { z } from 'zod'

/**
 * A workflow as data (`WorkflowVersion.graph`): the steps a dossier goes through, who acts at each, how much
 * of the legal time each may use and what happens to the legal clock, and the transitions (actions) between
 * them. This file describes the graph and checks its shape; validate-workflow.ts checks it can be published
 * (reachability, exits, clock consistency) and apply-transition.ts runs it.
 */

export const WORKFLOW_ROLES = ['CITIZEN', 'CLERK', 'SPECIALIST', 'LEADER'] as const
export const WorkflowRoleSchema = z.enum(WORKFLOW_ROLES)
export type WorkflowRole = z.infer<typeof WorkflowRoleSchema>

/** The `Dossier.state` a dossier is in while at a step. */
export const StepStateSchema = z.enum(['SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN', 'RETURNED', 'REFUSED', 'WITHDRAWN'])

/** A dossier may be asked for a supplement once unless its workflow says otherwise. */
export const DEFAULT_MAX_SUPPLEMENT_REQUESTS = 1

export const TerminalOutcomeSchema = z.enum(['RETURNED', 'REFUSED', 'WITHDRAWN'])

/**
 * Time a step may use: working days or hours, or a share (percent) of the procedure's legal time, so one
 * workflow serves procedures of different deadlines.
 */
export const StepBudgetSchema = z.strictObject({
  unit: z.enum(['WORKING_DAYS', 'HOURS', 'SHARE']),
  value: z.number().positive(),
})

/** What the legal clock does while a dossier is at the step. */
export const StepClockSchema = z.enum(['RUNS', 'PAUSED', 'STOPPED'])

const KeySchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'snake_case key')

export const WorkflowStepSchema = z.strictObject({
  key: KeySchema,
  nameVi: z.string().min(1),
  nameEn: z.string().min(1),
  /** Who acts at this step (the assignee's role). */
  role: WorkflowRoleSchema,
  state: StepStateSchema,
  /** Absent for waiting and terminal steps, which use none of the administration's time. */
  budget: StepBudgetSchema.optional(),
  clock: StepClockSchema,
  terminal: TerminalOutcomeSchema.optional(),
})

/**
 * Inputs a transition asks for: a reason (refusal, supplement…), an assignee, an attachment, a new
 * appointment date (apology letter), the list of missing items (supplement request).
 */
export const TransitionRequirementSchema = z.enum(['reason', 'assignee', 'attachment', 'due_date', 'items'])

/**
 * Effect on the legal clock: START on receipt, PAUSE/RESUME around a supplement, STOP at the end, EXTEND to
 * move the appointment later with an apology letter (Mẫu 04) while the clock runs.
 */
export const ClockEffectSchema = z.enum(['START', 'PAUSE', 'RESUME', 'STOP', 'EXTEND'])

export const WorkflowTransitionSchema = z.strictObject({
  /** Action name, also written to `DossierEvent.action` (receive, forward, approve, refuse…). */
  action: KeySchema,
  from: KeySchema,
  to: KeySchema,
  roles: z.array(WorkflowRoleSchema).min(1),
  requires: z.array(TransitionRequirementSchema).default([]),
  clock: ClockEffectSchema.optional(),
  /** Shown on the citizen's timeline (`DossierEvent.isPublic`). */
  isPublic: z.boolean().default(true),
})

export const WorkflowGraphSchema = z
  .strictObject({
    startStep: KeySchema,
    steps: z.array(WorkflowStepSchema).min(2),
    transitions: z.array(WorkflowTransitionSchema).min(1),
    /**
     * How many times a dossier may be asked for a supplement (transitions with clock PAUSE). Absent means
     * DEFAULT_MAX_SUPPLEMENT_REQUESTS: the law lets the administration ask once, so stored graphs stay valid.
     */
    maxSupplementRequests: z.number().int().min(1).max(10).optional(),
  })
  .superRefine((graph, context) => {
    const steps = new Map(graph.steps.map((step) => [step.key, step]))
    if (steps.size !== graph.steps.length) context.addIssue({ code: 'custom', path: ['steps'], message: 'duplicate step keys' })
    if (!steps.has(graph.startStep)) context.addIssue({ code: 'custom', path: ['startStep'], message: `unknown step ${graph.startStep}` })
    for (const step of graph.steps) {
      const terminalStateMatches = step.terminal === undefined ? !(TerminalOutcomeSchema.options as readonly string[]).includes(step.state) : step.state === step.terminal
      if (!terminalStateMatches) context.addIssue({ code: 'custom', path: ['steps'], message: `step ${step.key}: state and terminal outcome disagree` })
    }
    const pairs = new Set<string>()
    for (const [index, transition] of graph.transitions.entries()) {
      const from = steps.get(transition.from)
      if (!from) context.addIssue({ code: 'custom', path: ['transitions', index, 'from'], message: `unknown step ${transition.from}` })
      if (!steps.has(transition.to)) context.addIssue({ code: 'custom', path: ['transitions', index, 'to'], message: `unknown step ${transition.to}` })
      if (from?.terminal) context.addIssue({ code: 'custom', path: ['transitions', index, 'from'], message: `${transition.from} is terminal` })
      // One action leads to one place: the engine looks transitions up by (current step, action).
      const pair = `${transition.from}:${transition.action}`
      if (pairs.has(pair)) context.addIssue({ code: 'custom', path: ['transitions', index, 'action'], message: `two "${transition.action}" transitions from ${transition.from}` })
      pairs.add(pair)
    }
  })

export type WorkflowStep = z.output<typeof WorkflowStepSchema>
export type WorkflowTransition = z.output<typeof WorkflowTransitionSchema>
export type WorkflowGraphInput = z.input<typeof WorkflowGraphSchema>
export type WorkflowGraph = z.output<typeof WorkflowGraphSchema>

/** Steps reachable from the start step by following transitions. */
export function reachableSteps(graph: { startStep: string; transitions: readonly Pick<WorkflowTransition, 'from' | 'to'>[] }): Set<string> {
  const reached = new Set([graph.startStep])
  const queue = [graph.startStep]
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const transition of graph.transitions) {
      if (transition.from === current && !reached.has(transition.to)) {
        reached.add(transition.to)
        queue.push(transition.to)
      }
    }
  }
  return reached
}
