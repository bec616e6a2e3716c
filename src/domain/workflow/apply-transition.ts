import type { z } from 'zod'
import type { Role } from '../access/roles'
import { computeDueAt, dueAtAfterPause, isWorkingDay, localDateOf, type WorkingCalendar } from '../calendar/working-days'
import type { Deadline } from '../procedure/deadline'
import { classifyOutcome, type DossierOutcome } from './classify-outcome'
import { DEFAULT_MAX_SUPPLEMENT_REQUESTS, type StepStateSchema, type WorkflowGraph, type WorkflowStep, type WorkflowTransition } from './workflow-graph'

/**
 * The workflow engine: applying one action to a dossier is a pure function of the dossier, its workflow, the
 * procedure's legal deadline, who acts, what they gave, the instant and the working calendar. It returns the
 * dossier's next state and the history event to append, or a typed refusal; it never throws for a business
 * refusal. The caller (server/) persists both in one transaction with an optimistic lock on `version`.
 *
 * The legal clock follows the transition's `clock`:
 * - START (receipt): `receivedAt` = now, `dueAt` = computeDueAt(now, deadline, calendar);
 * - PAUSE (supplement request): `clockPausedAt` = now, `supplementCount` + 1 — refused past the workflow's
 *   `maxSupplementRequests` (default 1: the law allows one request);
 * - RESUME (resubmission): `dueAt` moves by the office time that remained when the clock paused
 *   (calendar `resumeDueAt`), `clockPausedAt` = null; a dossier already late when paused keeps its `dueAt`
 *   (no time remained, and the lateness stays on record);
 * - EXTEND (apology letter with a new appointment): `dueAt` = the new appointment given by the actor, which must
 *   be on a working day and later than both the current appointment and now; `extensionCount` + 1; the missed
 *   appointment stays in the event (`previousDueAt`), so the delay remains on record;
 * - STOP (terminal): `completedAt` = now and `outcome` by `classifyOutcome` against `dueAt` (resumed first if
 *   the dossier was paused) — or against `legalDueAt` when an apology letter moved the appointment, so the
 *   delay stays on record; null when the clock never started (refused or withdrawn before receipt).
 * Arriving at a terminal step stops the clock even if the graph forgot to say so (validateWorkflow flags it).
 */

export type DossierState = z.infer<typeof StepStateSchema>

/** What the engine reads of a dossier (`Dossier` columns). */
export type WorkflowDossier = {
  state: DossierState
  currentStep: string
  dueAt: Date | null
  clockPausedAt: Date | null
  receivedAt: Date | null
  supplementCount: number
  /** Appointments moved with an apology letter (absent in callers that never extend: read as 0). */
  extensionCount?: number
  /**
   * The appointment in force before the first apology letter (null/absent when never extended). A new
   * appointment does not erase the delay: the outcome is judged against this one.
   */
  legalDueAt?: Date | null
  version: number
  assigneeId: string | null
}

/** What the engine writes back (the `Dossier` columns to update). */
export type NextDossier = WorkflowDossier & { extensionCount: number; legalDueAt: Date | null; completedAt: Date | null; outcome: DossierOutcome | null }

export type TransitionActor = { userId: string; role: Role }

/** One missing item of a supplement request (Mẫu 02 lists them one by one; the applicant answers each). */
export type SupplementItem = { label: string; note?: string }

export type TransitionInput = {
  reason?: string | null
  assigneeId?: string | null
  attachmentIds?: readonly string[] | null
  /** The new appointment of an EXTEND transition. */
  newDueAt?: Date | null
  supplementItems?: readonly SupplementItem[] | null
}

export type TransitionRequirement = WorkflowTransition['requires'][number]
export type ClockEffect = NonNullable<WorkflowTransition['clock']>

/** JSON stored in `DossierEvent.data`. */
export type TransitionEventData = {
  clock?: ClockEffect
  assigneeId?: string
  attachmentIds?: string[]
  /** The due instant before the event, when the event moved it (ISO 8601). */
  previousDueAt?: string
  /** The new appointment of an EXTEND (ISO 8601), also the event's `dueAt`. */
  newDueAt?: string
  /** The missing items of a supplement request. */
  items?: SupplementItem[]
}

/** One `DossierEvent` row (without ids and commune, which the caller adds). */
export type TransitionEvent = {
  action: string
  fromState: DossierState
  toState: DossierState
  fromStep: string
  toStep: string
  actorId: string
  actorRole: Role
  reason: string | null
  dueAt: Date | null
  data: TransitionEventData
  isPublic: boolean
  occurredAt: Date
}

export type TransitionError =
  | { code: 'TERMINAL'; step: string }
  | { code: 'UNKNOWN_ACTION'; action: string }
  | { code: 'NOT_ALLOWED_FROM_STEP'; action: string; step: string; allowedFrom: string[] }
  | { code: 'ROLE_NOT_ALLOWED'; action: string; role: Role; allowedRoles: string[] }
  | { code: 'MISSING_INPUT'; action: string; missing: TransitionRequirement[] }
  | { code: 'SUPPLEMENT_LIMIT'; action: string; limit: number; count: number }
  /** The new appointment is not later than the current one and now, or not on a working day. */
  | { code: 'INVALID_DUE_DATE'; action: string; reason: 'NOT_LATER' | 'NOT_WORKING_DAY' }
  /** The dossier does not fit its workflow (unknown step, state of another step, clock fields missing). */
  | { code: 'INCONSISTENT_DOSSIER'; step: string; message: string }

export type TransitionResult = { ok: true; next: NextDossier; events: TransitionEvent[] } | { ok: false; error: TransitionError }

export type ApplyTransitionArgs = {
  dossier: WorkflowDossier
  graph: WorkflowGraph
  deadline: Deadline
  action: string
  actor: TransitionActor
  input: TransitionInput
  now: Date
  calendar: WorkingCalendar
  /** Apply the deadline's extension on receipt (computeDueAt `extended`). */
  extended?: boolean
}

/**
 * Actions that are staff-internal whatever the graph says: handing a dossier to a colleague is not news for
 * the applicant. Everything else follows the transition's `isPublic`.
 */
export const STAFF_INTERNAL_ACTIONS: readonly string[] = ['assign', 'reassign', 'forward']

export function isPublicTransition(transition: WorkflowTransition): boolean {
  return transition.isPublic && !STAFF_INTERNAL_ACTIONS.includes(transition.action)
}

export function maxSupplementRequests(graph: WorkflowGraph): number {
  return graph.maxSupplementRequests ?? DEFAULT_MAX_SUPPLEMENT_REQUESTS
}

export function stepOf(graph: WorkflowGraph, key: string): WorkflowStep | undefined {
  return graph.steps.find((step) => step.key === key)
}

/** The inputs a transition requires that `input` lacks (blank strings and empty lists count as missing). */
export function missingInputs(transition: WorkflowTransition, input: TransitionInput): TransitionRequirement[] {
  return transition.requires.filter((requirement) => {
    if (requirement === 'reason') return !input.reason?.trim()
    if (requirement === 'assignee') return !input.assigneeId?.trim()
    if (requirement === 'due_date') return !input.newDueAt || Number.isNaN(input.newDueAt.getTime())
    if (requirement === 'items') return !input.supplementItems?.some((item) => item.label.trim() !== '')
    return !input.attachmentIds?.some((id) => id.trim() !== '')
  })
}

/** Whether another supplement request is allowed for this dossier. */
export function supplementAllowed(graph: WorkflowGraph, dossier: Pick<WorkflowDossier, 'supplementCount'>): boolean {
  return dossier.supplementCount < maxSupplementRequests(graph)
}

/** The due instant once a paused clock runs again at `resumedAt` (one rule with the due-date explanation). */
function resumedDueAt(dueAt: Date, pausedAt: Date, resumedAt: Date, calendar: WorkingCalendar): Date {
  return dueAtAfterPause({ dueAt, pausedAt, resumedAt, calendar })
}

export function applyTransition(args: ApplyTransitionArgs): TransitionResult {
  const { dossier, graph, deadline, action, actor, input, now, calendar } = args
  const from = stepOf(graph, dossier.currentStep)
  if (!from) return fail({ code: 'INCONSISTENT_DOSSIER', step: dossier.currentStep, message: `step ${dossier.currentStep} is not in the workflow` })
  if (from.state !== dossier.state) return fail({ code: 'INCONSISTENT_DOSSIER', step: from.key, message: `state ${dossier.state} is not the state of step ${from.key} (${from.state})` })
  if (from.terminal) return fail({ code: 'TERMINAL', step: from.key })

  const named = graph.transitions.filter((candidate) => candidate.action === action)
  if (named.length === 0) return fail({ code: 'UNKNOWN_ACTION', action })
  const transition = named.find((candidate) => candidate.from === from.key)
  if (!transition) return fail({ code: 'NOT_ALLOWED_FROM_STEP', action, step: from.key, allowedFrom: named.map((candidate) => candidate.from) })
  if (!(transition.roles as readonly string[]).includes(actor.role)) return fail({ code: 'ROLE_NOT_ALLOWED', action, role: actor.role, allowedRoles: [...transition.roles] })
  const missing = missingInputs(transition, input)
  if (missing.length > 0) return fail({ code: 'MISSING_INPUT', action, missing })

  const to = stepOf(graph, transition.to)
  if (!to) return fail({ code: 'INCONSISTENT_DOSSIER', step: from.key, message: `transition ${from.key}:${action} leads to unknown step ${transition.to}` })
  const clock: ClockEffect | undefined = to.terminal ? 'STOP' : transition.clock

  let { dueAt, clockPausedAt, receivedAt, supplementCount } = dossier
  let extensionCount = dossier.extensionCount ?? 0
  let legalDueAt = dossier.legalDueAt ?? null
  let completedAt: Date | null = null
  let outcome: DossierOutcome | null = null
  switch (clock) {
    case 'START':
      receivedAt = now
      dueAt = computeDueAt(now, deadline, calendar, { extended: args.extended })
      clockPausedAt = null
      break
    case 'PAUSE':
      if (!dueAt) return fail({ code: 'INCONSISTENT_DOSSIER', step: from.key, message: 'the clock is not running: nothing to pause' })
      if (clockPausedAt) return fail({ code: 'INCONSISTENT_DOSSIER', step: from.key, message: 'the clock is already paused' })
      if (!supplementAllowed(graph, dossier)) return fail({ code: 'SUPPLEMENT_LIMIT', action, limit: maxSupplementRequests(graph), count: supplementCount })
      clockPausedAt = now
      supplementCount += 1
      break
    case 'RESUME':
      if (!dueAt || !clockPausedAt) return fail({ code: 'INCONSISTENT_DOSSIER', step: from.key, message: 'the clock is not paused: nothing to resume' })
      dueAt = resumedDueAt(dueAt, clockPausedAt, now, calendar)
      clockPausedAt = null
      break
    case 'EXTEND': {
      const newDueAt = input.newDueAt
      if (!dueAt || clockPausedAt) return fail({ code: 'INCONSISTENT_DOSSIER', step: from.key, message: 'the clock is not running: nothing to extend' })
      if (!newDueAt) return fail({ code: 'MISSING_INPUT', action, missing: ['due_date'] })
      if (newDueAt.getTime() <= dueAt.getTime() || newDueAt.getTime() <= now.getTime()) return fail({ code: 'INVALID_DUE_DATE', action, reason: 'NOT_LATER' })
      if (!isWorkingDay(localDateOf(newDueAt), calendar)) return fail({ code: 'INVALID_DUE_DATE', action, reason: 'NOT_WORKING_DAY' })
      legalDueAt ??= dueAt
      dueAt = newDueAt
      extensionCount += 1
      break
    }
    case 'STOP':
      if (dueAt && clockPausedAt) dueAt = resumedDueAt(dueAt, clockPausedAt, now, calendar)
      clockPausedAt = null
      completedAt = now
      outcome = dueAt ? classifyOutcome(now, legalDueAt ?? dueAt) : null
      break
    case undefined:
      break
  }

  // An assignee is taken only from a transition that asks for one (receive, reassign…). Otherwise the
  // dossier stays with its assignee while the same role acts, and a caller may hand it back to whoever last
  // worked at the step it returns to (server/dossier/transition-dossier.ts).
  const given = transition.requires.includes('assignee') ? input.assigneeId?.trim() : undefined
  const assigneeId = given || (to.role === from.role && !to.terminal ? dossier.assigneeId : null)
  const next: NextDossier = { state: to.state, currentStep: to.key, dueAt, clockPausedAt, receivedAt, completedAt, outcome, supplementCount, extensionCount, legalDueAt, assigneeId, version: dossier.version + 1 }

  const data: TransitionEventData = {}
  if (clock) data.clock = clock
  if (given) data.assigneeId = given
  const attachmentIds = input.attachmentIds?.filter((id) => id.trim() !== '')
  if (attachmentIds?.length) data.attachmentIds = [...attachmentIds]
  if (dossier.dueAt && dueAt && dossier.dueAt.getTime() !== dueAt.getTime()) data.previousDueAt = dossier.dueAt.toISOString()
  if (clock === 'EXTEND' && dueAt) data.newDueAt = dueAt.toISOString()
  const items = input.supplementItems?.filter((item) => item.label.trim() !== '').map((item) => ({ label: item.label.trim(), ...(item.note?.trim() ? { note: item.note.trim() } : {}) }))
  if (clock === 'PAUSE' && items?.length) data.items = items

  const event: TransitionEvent = {
    action,
    fromState: from.state,
    toState: to.state,
    fromStep: from.key,
    toStep: to.key,
    actorId: actor.userId,
    actorRole: actor.role,
    reason: input.reason?.trim() || null,
    dueAt,
    data,
    isPublic: isPublicTransition(transition),
    occurredAt: now,
  }
  return { ok: true, next, events: [event] }
}

function fail(error: TransitionError): TransitionResult {
  return { ok: false, error }
}
