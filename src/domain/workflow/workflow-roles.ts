import type { WorkflowRole, WorkflowGraph } from './workflow-graph'

/** Keys of the non-terminal steps at which `role` acts (e.g. a leader's approval and signature steps). */
export function stepKeysActedBy(graph: Pick<WorkflowGraph, 'steps'>, role: WorkflowRole): string[] {
  return graph.steps.filter((step) => step.role === role && !step.terminal).map((step) => step.key)
}
