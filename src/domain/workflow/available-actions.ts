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
    return [{ action: transition.action, toStep: to.key, toState: to.state, requires: [...transition.requires], clock: to.terminal ? 'STOP' : (transition.clock ?? null), isPublic: isPublicTransition(transition) }]
  })
}
