import { z } from 'zod'
import { localInstant, OFFICE_CLOSES_AT, type WorkingCalendar } from '../calendar/working-days'
import type { Deadline } from '../procedure/deadline'
import { applyTransition, stepOf, type NextDossier, type TransitionError, type TransitionEvent, type TransitionInput } from './apply-transition'
import { availableActions, type AvailableAction } from './available-actions'
import { WORKFLOW_ROLES, WorkflowRoleSchema, type WorkflowGraph, type WorkflowRole, type WorkflowStep } from './workflow-graph'

/**
 * The workflow sandbox: an administrator tries a workflow (a draft or any version) on a pretend dossier. It
 * is a replay: the list of moves made so far (who, what, when, with which reason) travels with the page,
 * and every request runs them again through `applyTransition` from a fresh dossier — nothing is stored.
 * The engine is the real one, so what the sandbox shows is what the workflow would do.
 *
 * Inputs the sandbox cannot ask for are filled in when the transition requires them: a pretend assignee
 * (`sandbox:<ROLE>` of the step the dossier goes to) and a pretend attachment. The reason, the new appointment
 * (a local date, due at closing time) and the missing items are the ones typed.
 */

export const SANDBOX_MAX_MOVES = 60
export const SANDBOX_REASON_MAX = 500

export const SandboxMoveSchema = z.strictObject({
  action: z.string().regex(/^[a-z][a-z0-9_]*$/).max(50),
  role: WorkflowRoleSchema,
  /** When the move is made (ISO 8601 instant). */
  at: z.iso.datetime({ offset: true }),
  reason: z.string().trim().max(SANDBOX_REASON_MAX).optional(),
  /** New appointment (local yyyy-mm-dd) for a transition that moves it. */
  dueDate: z.iso.date().optional(),
  /** Missing items of a supplement request, one per entry. */
  items: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
})
export type SandboxMove = z.infer<typeof SandboxMoveSchema>

export const SandboxMovesSchema = z.array(SandboxMoveSchema).max(SANDBOX_MAX_MOVES)

export const SANDBOX_ATTACHMENT_ID = 'sandbox-attachment'
export const sandboxUserId = (role: string) => `sandbox:${role}`

export type SandboxError = TransitionError | { code: 'OUT_OF_ORDER'; previous: string } | { code: 'TOO_MANY_MOVES'; limit: number }

export type SandboxRun = {
  /** The pretend dossier after the moves that applied. */
  dossier: NextDossier
  step: WorkflowStep | undefined
  /** History events, oldest first. */
  events: TransitionEvent[]
  /** How many moves applied (all of them unless `failure`). */
  applied: number
  /** The first move the workflow refused; the moves after it were not tried. */
  failure: { index: number; move: SandboxMove; error: SandboxError } | null
  /** What each role could do next (roles with nothing to do are left out). */
  available: { role: WorkflowRole; actions: AvailableAction[] }[]
}

export type SandboxArgs = {
  graph: WorkflowGraph
  deadline: Deadline
  calendar: WorkingCalendar
  moves: readonly SandboxMove[]
  /** When the pretend dossier was submitted: no move may come before it. */
  submittedAt: Date
}

/** A dossier just submitted: at the start step, the clock not started. */
export function sandboxDossier(graph: WorkflowGraph): NextDossier {
  const start = stepOf(graph, graph.startStep)
  return {
    state: start?.state ?? 'SUBMITTED',
    currentStep: graph.startStep,
    dueAt: null,
    clockPausedAt: null,
    legalDueAt: null,
    receivedAt: null,
    supplementCount: 0,
    extensionCount: 0,
    version: 0,
    assigneeId: null,
    completedAt: null,
    outcome: null,
  }
}

/** The engine input for a move: the typed reason, and the pretend values for what the sandbox cannot ask. */
export function sandboxInput(graph: WorkflowGraph, dossier: Pick<NextDossier, 'currentStep'>, move: Omit<SandboxMove, 'role' | 'at'>): TransitionInput {
  const transition = graph.transitions.find((candidate) => candidate.from === dossier.currentStep && candidate.action === move.action)
  const input: TransitionInput = { reason: move.reason ?? null }
  if (move.dueDate) input.newDueAt = localInstant(move.dueDate, OFFICE_CLOSES_AT.hour, OFFICE_CLOSES_AT.minute)
  if (move.items?.length) input.supplementItems = move.items.map((label) => ({ label }))
  if (transition?.requires.includes('assignee')) input.assigneeId = sandboxUserId(stepOf(graph, transition.to)?.role ?? 'CLERK')
  if (transition?.requires.includes('attachment')) input.attachmentIds = [SANDBOX_ATTACHMENT_ID]
  return input
}

/** Replays the moves from a fresh dossier, stopping at the first one the workflow refuses. */
export function replaySandbox({ graph, deadline, calendar, moves, submittedAt }: SandboxArgs): SandboxRun {
  let dossier = sandboxDossier(graph)
  const events: TransitionEvent[] = []
  let failure: SandboxRun['failure'] = null
  let previous = submittedAt
  for (const [index, move] of moves.entries()) {
    if (index >= SANDBOX_MAX_MOVES) {
      failure = { index, move, error: { code: 'TOO_MANY_MOVES', limit: SANDBOX_MAX_MOVES } }
      break
    }
    const now = new Date(move.at)
    if (Number.isNaN(now.getTime()) || now.getTime() < previous.getTime()) {
      failure = { index, move, error: { code: 'OUT_OF_ORDER', previous: previous.toISOString() } }
      break
    }
    const result = applyTransition({
      dossier,
      graph,
      deadline,
      action: move.action,
      actor: { userId: sandboxUserId(move.role), role: move.role },
      input: sandboxInput(graph, dossier, move),
      now,
      calendar,
    })
    if (!result.ok) {
      failure = { index, move, error: result.error }
      break
    }
    dossier = result.next
    events.push(...result.events)
    previous = now
  }
  const available = WORKFLOW_ROLES.map((role) => ({ role, actions: availableActions({ dossier, graph, actor: { role } }) })).filter((entry) => entry.actions.length > 0)
  return { dossier, step: stepOf(graph, dossier.currentStep), events, applied: failure ? failure.index : moves.length, failure, available }
}

/** The moves from a JSON text (a hidden field or the URL); anything unreadable is an empty history. */
export function parseSandboxMoves(text: string | null | undefined): SandboxMove[] {
  if (!text) return []
  try {
    const parsed = SandboxMovesSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}
