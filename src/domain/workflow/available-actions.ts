import { isPublicTransition, stepOf, supplementAllowed, type ClockEffect, type DossierState, type TransitionActor, type TransitionRequirement, type WorkflowDossier } from './apply-transition'
import type { WorkflowGraph } from './workflow-graph'

/** An action the staff UI (or the citizen's page) offers, with the inputs its form must ask for. */
export type AvailableAction = {
  action: string
  toStep: string
  toState: DossierState
  requires: TransitionRequirement[]
  clock: ClockEffect | null
  isPublic: boolean
  /** Whether the form may carry files (`acceptsFiles`): required when `requires` has 'attachment', else optional. */
  acceptsFiles: boolean
}

/**
 * Whether an action's form takes files. Always when the transition requires an attachment (then they are
 * required: a supplement answer). Otherwise optionally when staff hand the result over (the target step's
 * state is RETURNED): the electronic copy of the result, which Decree 45/2020/ND-CP asks for when the
 * dossier was filed online. The applicant never hands over a result, so not for them. What the engine
 * requires does not change: a return without a file is still a return.
 */
export function acceptsFiles({ requires, toState, role }: { requires: readonly TransitionRequirement[]; toState: DossierState; role: TransitionActor['role'] }): boolean {
  if (requires.includes('attachment')) return true
  return toState === 'RETURNED' && role !== 'CITIZEN'
}

/**
 * The transitions `actor` may take now: those leaving the dossier's current step whose roles include the
 * actor's, minus a supplement request once the workflow's limit is reached. Exactly the actions
 * `applyTransition` accepts given the required inputs (tested as a property); nothing for a terminal step.
 * Whether this actor is the dossier's assignee or works in its commune is checked in server/.
 */
export function availableActions({ dossier, graph, actor }: { dossier: Pick<WorkflowDossier, 'currentStep' | 'supplementCount'>; graph: WorkflowGraph; actor: Pick<TransitionActor, 'role'> }): AvailableAction[] {
  const from = stepOf(graph, dossier.currentStep)
  if (!from || from.terminal) return []
  return graph.transitions.flatMap((transition) => {
    if (transition.from !== from.key || !(transition.roles as readonly string[]).includes(actor.role)) return []
    if (transition.clock === 'PAUSE' && !supplementAllowed(graph, dossier)) return []
    const to = stepOf(graph, transition.to)
    if (!to) return []
    return [
      {
        action: transition.action,
        toStep: to.key,
        toState: to.state,
        requires: [...transition.requires],
        clock: to.terminal ? 'STOP' : (transition.clock ?? null),
        isPublic: isPublicTransition(transition),
        acceptsFiles: acceptsFiles({ requires: transition.requires, toState: to.state, role: actor.role }),
      },
    ]
  })
}
