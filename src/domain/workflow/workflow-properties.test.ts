import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Role } from '../access/roles'
import { addCalendarDays, addWorkingDays, isWorkingDay, localDateOf, localInstant, workingCalendar, type CalendarException, type WorkingCalendar } from '../calendar/working-days'
import type { Deadline } from '../procedure/deadline'
import { applyTransition, maxSupplementRequests, stepOf, type TransitionInput, type WorkflowDossier } from './apply-transition'
import { availableActions } from './available-actions'
import { classifyOutcome } from './classify-outcome'
import { DEFAULT_WORKFLOW_KEY, DEFAULT_WORKFLOWS } from './default-workflows'
import { validateWorkflow } from './validate-workflow'
import { TerminalOutcomeSchema, WORKFLOW_ROLES, WorkflowGraphSchema, type WorkflowGraph, type WorkflowGraphInput } from './workflow-graph'

// ---------------------------------------------------------------------------------------------------------
// Generators

const EPOCH = '2025-01-01'
const FIRST_INSTANT = Date.UTC(2025, 0, 1)

/** Random holidays and working Saturdays over 2025–2028, plus a Tết-sized block of 9 days off. */
const calendarArbitrary: fc.Arbitrary<WorkingCalendar> = fc
  .record({
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 4 * 366 }), { maxLength: 40 }),
    workingDays: fc.uniqueArray(fc.integer({ min: 0, max: 4 * 366 }), { maxLength: 10 }),
    tet: fc.integer({ min: 0, max: 4 * 366 - 9 }),
  })
  .map(({ holidays, workingDays, tet }) => {
    const exceptions: CalendarException[] = [
      ...holidays.map((offset): CalendarException => ({ date: addCalendarDays(EPOCH, offset), kind: 'HOLIDAY' })),
      ...Array.from({ length: 9 }, (_, index): CalendarException => ({ date: addCalendarDays(EPOCH, tet + index), kind: 'HOLIDAY' })),
      ...workingDays.map((offset): CalendarException => ({ date: addCalendarDays(EPOCH, offset), kind: 'WORKING_DAY' })),
    ]
    return workingCalendar(exceptions)
  })

const deadlineArbitrary: fc.Arbitrary<Deadline> = fc.oneof(
  fc.record({ kind: fc.constant('SAME_DAY' as const), cutoffHour: fc.integer({ min: 8, max: 17 }) }),
  fc.record({ kind: fc.constant('WORKING_DAYS' as const), days: fc.integer({ min: 1, max: 30 }), extensionDays: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }) }),
)

/** An instant between 2025-01-01 and mid-2027, to the minute (walks then run for at most a few months). */
const instantArbitrary = fc.integer({ min: 0, max: 900 * 24 * 60 }).map((minutes) => new Date(FIRST_INSTANT + minutes * 60_000))

const roleArbitrary = fc.constantFrom(...WORKFLOW_ROLES)
const rolesArbitrary = fc.uniqueArray(roleArbitrary, { minLength: 1, maxLength: 4 })
const requiresArbitrary = fc.uniqueArray(fc.constantFrom('reason' as const, 'assignee' as const, 'attachment' as const), { maxLength: 3 })
const OUTCOMES = TerminalOutcomeSchema.options

/**
 * Valid workflows of any shape the rules allow: a reception step, a chain of 1–5 running steps (the last one
 * ending at a terminal step), random jumps between running steps (back, forward, onto themselves), random
 * early ends, supplement waits that resume at any running step, and 1–3 terminal outcomes.
 */
const validGraphArbitrary: fc.Arbitrary<WorkflowGraph> = fc
  .record({
    running: fc.integer({ min: 1, max: 5 }),
    stepRoles: fc.array(roleArbitrary, { minLength: 5, maxLength: 5 }),
    runningStates: fc.array(fc.constantFrom('PROCESSING' as const, 'READY_TO_RETURN' as const), { minLength: 5, maxLength: 5 }),
    outcomes: fc.shuffledSubarray([...OUTCOMES], { minLength: 1 }),
    waits: fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), { minLength: 5, maxLength: 5 }),
    jumps: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { maxLength: 6, selector: ([from, to]) => `${from}-${to}` }),
    ends: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 2 })), { maxLength: 5, selector: ([from, outcome]) => `${from}-${outcome}` }),
    roleSets: fc.array(rolesArbitrary, { minLength: 64, maxLength: 64 }),
    requirements: fc.array(requiresArbitrary, { minLength: 64, maxLength: 64 }),
    publics: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    maxSupplementRequests: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  })
  .map((plan) => {
    let next = 0
    const extras = () => {
      const index = next++ % 64
      return { roles: plan.roleSets[index] ?? ['CLERK'], requires: plan.requirements[index] ?? [], isPublic: plan.publics[index] ?? true }
    }
    const running = (index: number) => `step_${index % plan.running}`
    const terminal = (index: number) => `end_${(plan.outcomes[index % plan.outcomes.length] ?? 'RETURNED').toLowerCase()}`
    const steps: WorkflowGraphInput['steps'] = [{ key: 'reception', nameVi: 'Tiếp nhận', nameEn: 'Reception', role: 'CLERK', state: 'SUBMITTED', clock: 'STOPPED' }]
    const transitions: WorkflowGraphInput['transitions'] = [{ action: 'receive', from: 'reception', to: running(0), clock: 'START', ...extras() }]
    for (const [index, outcome] of plan.outcomes.entries()) {
      steps.push({ key: terminal(index), nameVi: outcome, nameEn: outcome, role: 'CLERK', state: outcome, clock: 'STOPPED', terminal: outcome })
      transitions.push({ action: `close_${outcome.toLowerCase()}`, from: 'reception', to: terminal(index), clock: 'STOP', ...extras() })
    }
    for (let index = 0; index < plan.running; index++) {
      steps.push({ key: running(index), nameVi: `Bước ${index}`, nameEn: `Step ${index}`, role: plan.stepRoles[index] ?? 'CLERK', state: plan.runningStates[index] ?? 'PROCESSING', clock: 'RUNS' })
      transitions.push(index + 1 < plan.running ? { action: 'next', from: running(index), to: running(index + 1), ...extras() } : { action: 'finish', from: running(index), to: terminal(0), clock: 'STOP', ...extras() })
      const resumeAt = plan.waits[index]
      if (resumeAt !== null && resumeAt !== undefined) {
        const wait = `wait_${index}`
        steps.push({ key: wait, nameVi: 'Chờ bổ sung', nameEn: 'Awaiting supplement', role: 'CITIZEN', state: 'AWAITING_SUPPLEMENT', clock: 'PAUSED' })
        transitions.push(
          { action: 'request_supplement', from: running(index), to: wait, clock: 'PAUSE', ...extras() },
          { action: 'supply', from: wait, to: running(resumeAt), clock: 'RESUME', ...extras() },
          { action: 'withdraw', from: wait, to: terminal(plan.outcomes.length - 1), clock: 'STOP', ...extras() },
        )
      }
    }
    const jumps = new Set<string>()
    for (const [from, to] of plan.jumps) {
      const action = `jump_${to % plan.running}`
      if (from >= plan.running || jumps.has(`${from}:${action}`)) continue
      jumps.add(`${from}:${action}`)
      transitions.push({ action, from: running(from), to: running(to), ...extras() })
    }
    for (const [from, outcome] of plan.ends) {
      if (from < plan.running && outcome < plan.outcomes.length) transitions.push({ action: `stop_${outcome}`, from: running(from), to: terminal(outcome), clock: 'STOP', ...extras() })
    }
    return WorkflowGraphSchema.parse({ startStep: 'reception', steps, transitions, maxSupplementRequests: plan.maxSupplementRequests })
  })

const ACTOR_ROLES: readonly Role[] = [...WORKFLOW_ROLES, 'ADMIN']
const FULL_INPUT: TransitionInput = { reason: 'Lý do', assigneeId: 'user-2', attachmentIds: ['file-1'], supplementItems: [{ label: 'Bản sao giấy chứng sinh' }] }

/** Every input given, with a valid new appointment: end of the second working day after the later of due and now. */
function fullInputFor(dossier: WorkflowDossier, now: Date, calendar: WorkingCalendar): TransitionInput {
  const from = dossier.dueAt && dossier.dueAt.getTime() > now.getTime() ? dossier.dueAt : now
  return { ...FULL_INPUT, newDueAt: localInstant(addWorkingDays(localDateOf(from), 2, calendar), 17) }
}

type Move = { preferAvailable: boolean; pick: number; role: Role; input: 0 | 1 | 2 | 3; minutes: number }
const moveArbitrary: fc.Arbitrary<Move> = fc.record({
  preferAvailable: fc.boolean(),
  pick: fc.nat(),
  role: fc.constantFrom(...ACTOR_ROLES),
  input: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
  // Up to 4 days between two actions, often within the same hour.
  minutes: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 4 * 24 * 60 })),
})
const movesArbitrary = fc.array(moveArbitrary, { minLength: 1, maxLength: 40 })

// ---------------------------------------------------------------------------------------------------------
// Invariants

function startDossier(graph: WorkflowGraph): WorkflowDossier {
  const start = stepOf(graph, graph.startStep)
  if (!start) throw new Error('no start step')
  return { state: start.state, currentStep: start.key, dueAt: null, clockPausedAt: null, receivedAt: null, supplementCount: 0, version: 0, assigneeId: null }
}

type Dossier = WorkflowDossier & { completedAt?: Date | null; outcome?: string | null }

/** What must hold of any dossier the engine produced. */
function expectConsistent(graph: WorkflowGraph, dossier: Dossier, calendar: WorkingCalendar) {
  const step = stepOf(graph, dossier.currentStep)
  expect(step, dossier.currentStep).toBeDefined()
  if (!step) return
  expect(dossier.state).toBe(step.state)
  expect(dossier.supplementCount).toBeLessThanOrEqual(maxSupplementRequests(graph))
  if (dossier.dueAt) expect(isWorkingDay(localDateOf(dossier.dueAt), calendar), `due ${dossier.dueAt.toISOString()}`).toBe(true)
  if (step.terminal) {
    expect(dossier.completedAt).toBeInstanceOf(Date)
    expect(dossier.clockPausedAt).toBeNull()
    // An outcome exactly when the clock ran, and the right one.
    // Judged against the appointment before any apology letter: a new date never erases the delay.
    const judgedAgainst = dossier.legalDueAt ?? dossier.dueAt
    expect(dossier.outcome ?? null).toBe(judgedAgainst && dossier.completedAt ? classifyOutcome(dossier.completedAt, judgedAgainst) : null)
    return
  }
  expect(dossier.completedAt ?? null).toBeNull()
  expect(dossier.outcome ?? null).toBeNull()
  if (step.clock === 'STOPPED') expect([dossier.receivedAt, dossier.dueAt, dossier.clockPausedAt]).toEqual([null, null, null])
  if (step.clock === 'RUNS') {
    expect(dossier.receivedAt).toBeInstanceOf(Date)
    expect(dossier.dueAt).toBeInstanceOf(Date)
    expect(dossier.clockPausedAt).toBeNull()
  }
  if (step.clock === 'PAUSED') {
    expect(dossier.dueAt).toBeInstanceOf(Date)
    expect(dossier.clockPausedAt).toBeInstanceOf(Date)
  }
}

function inputFor(mode: Move['input']): TransitionInput {
  if (mode === 0) return FULL_INPUT
  if (mode === 1) return {}
  if (mode === 2) return { reason: '  ', assigneeId: '', attachmentIds: [] }
  return { reason: 'Lý do' }
}

/** Walks a dossier through `moves`, checking every accepted and every refused move; returns what it saw. */
function randomWalk(graph: WorkflowGraph, deadline: Deadline, calendar: WorkingCalendar, start: Date, moves: Move[]) {
  const actions = [...new Set(graph.transitions.map((transition) => transition.action)), 'no_such_action']
  let dossier: Dossier = startDossier(graph)
  let now = start
  const seen = { accepted: 0, refused: 0, resumes: 0 }
  for (const move of moves) {
    now = new Date(now.getTime() + move.minutes * 60_000)
    // Half of the moves pick among what someone may do now (so walks get somewhere), half anything at all.
    const offers = ACTOR_ROLES.flatMap((role) => availableActions({ dossier, graph, actor: { role } }).map((offer) => ({ role, offer })))
    const chosen = move.preferAvailable && offers.length > 0 ? offers[move.pick % offers.length] : undefined
    const action = chosen?.offer.action ?? actions[move.pick % actions.length] ?? 'no_such_action'
    const role = chosen?.role ?? move.role
    const full = fullInputFor(dossier, now, calendar)
    const input = chosen ? full : move.input === 0 ? full : inputFor(move.input)
    const before = structuredClone(dossier)
    const offered = availableActions({ dossier, graph, actor: { role } }).find((offer) => offer.action === action)

    const result = applyTransition({ dossier, graph, deadline, action, actor: { userId: 'user-1', role }, input, now, calendar })

    expect(dossier).toEqual(before)
    if (!result.ok) {
      seen.refused++
      expect(result.error.code).not.toBe('INCONSISTENT_DOSSIER')
      // What the UI offers, with every input given, is accepted.
      if (offered && input === full) expect.unreachable(`offered ${action} refused: ${result.error.code}`)
      continue
    }
    seen.accepted++
    const { next, events } = result
    expect(offered, `${action} accepted but not offered to ${role}`).toBeDefined()
    expect(next.version).toBe(before.version + 1)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action, fromStep: before.currentStep, toStep: next.currentStep, fromState: before.state, toState: next.state, dueAt: next.dueAt, actorRole: role })
    // The due date, once set, never moves earlier: pausing and resuming never shortens a deadline.
    if (before.dueAt) expect(next.dueAt?.getTime()).toBeGreaterThanOrEqual(before.dueAt.getTime())
    if (before.clockPausedAt && !next.clockPausedAt) seen.resumes++
    expectConsistent(graph, next, calendar)
    dossier = next
  }
  return seen
}

// ---------------------------------------------------------------------------------------------------------
// Properties

describe('generated workflows', () => {
  it('are accepted by validateWorkflow', () => {
    fc.assert(
      fc.property(validGraphArbitrary, (graph) => {
        expect(validateWorkflow(graph)).toEqual({ ok: true })
      }),
      { numRuns: 300 },
    )
  })

  it('stop being valid when a step loses its only way in', () => {
    fc.assert(
      fc.property(validGraphArbitrary, (graph) => {
        const broken = { ...graph, transitions: graph.transitions.filter((transition) => transition.action !== 'receive') }
        const result = validateWorkflow(broken)
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.problems.map((problem) => problem.code)).toContain('UNREACHABLE_STEP')
      }),
    )
  })
})

describe('random walks never reach an invalid state', () => {
  it.each(DEFAULT_WORKFLOWS.map((workflow) => [workflow.key, workflow.graph] as const))('over the seeded workflow %s', (_key, graph) => {
    fc.assert(
      fc.property(deadlineArbitrary, calendarArbitrary, instantArbitrary, movesArbitrary, (deadline, calendar, start, moves) => {
        randomWalk(graph, deadline, calendar, start, moves)
      }),
      { numRuns: 300 },
    )
  })

  it('over any valid workflow', () => {
    fc.assert(
      fc.property(validGraphArbitrary, deadlineArbitrary, calendarArbitrary, instantArbitrary, movesArbitrary, (graph, deadline, calendar, start, moves) => {
        randomWalk(graph, deadline, calendar, start, moves)
      }),
      { numRuns: 300 },
    )
  })

  it('walks get somewhere: they receive, pause, resume and end (the checks above are not vacuous)', () => {
    const graph = DEFAULT_WORKFLOWS.find((workflow) => workflow.key === DEFAULT_WORKFLOW_KEY)?.graph
    if (!graph) throw new Error('no default workflow')
    let resumes = 0
    let accepted = 0
    fc.assert(
      fc.property(deadlineArbitrary, calendarArbitrary, instantArbitrary, movesArbitrary, (deadline, calendar, start, moves) => {
        const seen = randomWalk(graph, deadline, calendar, start, moves)
        resumes += seen.resumes
        accepted += seen.accepted
      }),
      { numRuns: 300, seed: 20261124 },
    )
    expect(accepted).toBeGreaterThan(300)
    expect(resumes).toBeGreaterThan(0)
  })
})

describe('the legal clock', () => {
  const graph = DEFAULT_WORKFLOWS.find((workflow) => workflow.key === DEFAULT_WORKFLOW_KEY)?.graph
  if (!graph) throw new Error('no default workflow')
  const clerk = { userId: 'clerk', role: 'CLERK' } as const

  it('the due date set on receipt lands on a working day, at or after the receipt day', () => {
    fc.assert(
      fc.property(deadlineArbitrary, calendarArbitrary, instantArbitrary, (deadline, calendar, now) => {
        const result = applyTransition({ dossier: startDossier(graph), graph, deadline, action: 'receive', actor: clerk, input: FULL_INPUT, now, calendar })
        if (!result.ok || !result.next.dueAt) throw new Error('receipt refused')
        expect(isWorkingDay(localDateOf(result.next.dueAt), calendar)).toBe(true)
        expect(localDateOf(result.next.dueAt) >= localDateOf(now)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('a supplement round trip never shortens the deadline, and keeps it on a working day', () => {
    fc.assert(
      fc.property(
        deadlineArbitrary,
        calendarArbitrary,
        instantArbitrary,
        fc.integer({ min: 0, max: 60 * 24 * 60 }),
        fc.integer({ min: 0, max: 60 * 24 * 60 }),
        (deadline, calendar, receivedAt, pauseAfter, resumeAfter) => {
          const act = (dossier: WorkflowDossier, action: string, role: 'CLERK' | 'SPECIALIST' | 'CITIZEN', now: Date) => {
            const result = applyTransition({ dossier, graph, deadline, action, actor: { userId: 'u', role }, input: FULL_INPUT, now, calendar })
            if (!result.ok) throw new Error(`${action} refused: ${result.error.code}`)
            return result.next
          }
          const received = act(startDossier(graph), 'receive', 'CLERK', receivedAt)
          const pausedAt = new Date(receivedAt.getTime() + pauseAfter * 60_000)
          const paused = act(received, 'request_supplement', 'SPECIALIST', pausedAt)
          const resumed = act(paused, 'supply', 'CITIZEN', new Date(pausedAt.getTime() + resumeAfter * 60_000))
          const [before, after] = [received.dueAt, resumed.dueAt]
          if (!before || !after) throw new Error('no due date')
          expect(after.getTime()).toBeGreaterThanOrEqual(before.getTime())
          expect(isWorkingDay(localDateOf(after), calendar)).toBe(true)
          // When time remained at the pause, the new appointment is after the resubmission.
          if (pausedAt.getTime() < before.getTime()) expect(after.getTime()).toBeGreaterThan(pausedAt.getTime() + resumeAfter * 60_000 - 1)
        },
      ),
      { numRuns: 500 },
    )
  })
})

// Keep the generator honest about the shapes it covers.
describe('the workflow generator', () => {
  it('covers supplement waits, jumps back and several outcomes', () => {
    const samples = fc.sample(validGraphArbitrary, { numRuns: 200, seed: 7 })
    expect(samples.some((graph) => graph.steps.some((step) => step.clock === 'PAUSED'))).toBe(true)
    expect(samples.some((graph) => graph.transitions.some((transition) => transition.action.startsWith('jump_')))).toBe(true)
    expect(samples.some((graph) => graph.steps.filter((step) => step.terminal).length === 3)).toBe(true)
    expect(samples.some((graph) => (graph.maxSupplementRequests ?? 1) > 1)).toBe(true)
  })
})
