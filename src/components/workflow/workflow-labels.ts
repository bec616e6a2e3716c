import { getTranslations } from 'next-intl/server'
import { EDITOR_CHOICES } from '@/domain/workflow/workflow-draft'

export type OptionLabels = Record<string, string>

/** Every label the workflow screens need for values of the graph, translated (raw value when unknown). */
export type WorkflowLabels = {
  roles: OptionLabels
  states: OptionLabels
  stepClocks: OptionLabels
  transitionClocks: OptionLabels
  budgetUnits: OptionLabels
  requirements: OptionLabels
  terminals: OptionLabels
  outcomes: OptionLabels
  /** Known action names (receive, forward…); others are shown as their key. */
  actions: OptionLabels
}

/**
 * Labels for the values offered by the editor (read from the schemas through EDITOR_CHOICES): a value added
 * to a schema shows as itself until a translation is added.
 */
export async function workflowLabels(): Promise<WorkflowLabels> {
  const [roles, states, actions, outcomes, options] = await Promise.all([
    getTranslations('Admin.roles'),
    getTranslations('Dossier.state'),
    getTranslations('Dossier.action'),
    getTranslations('Dossier.outcome'),
    getTranslations('Workflow.options'),
  ])
  const map = (values: readonly string[], label: (value: string) => string | null) => Object.fromEntries(values.map((value) => [value, label(value) ?? value]))
  const has = (t: { has: (key: string) => boolean }, key: string) => t.has(key)
  return {
    roles: map(EDITOR_CHOICES.roles, (value) => (has(roles, value) ? roles(value) : null)),
    states: map(EDITOR_CHOICES.states, (value) => (has(states, value) ? states(value) : null)),
    stepClocks: map(EDITOR_CHOICES.stepClocks, (value) => (has(options, `stepClock.${value}`) ? options(`stepClock.${value}`) : null)),
    transitionClocks: map(EDITOR_CHOICES.transitionClocks, (value) => (has(options, `transitionClock.${value}`) ? options(`transitionClock.${value}`) : null)),
    budgetUnits: map(EDITOR_CHOICES.budgetUnits, (value) => (has(options, `budgetUnit.${value}`) ? options(`budgetUnit.${value}`) : null)),
    requirements: map(EDITOR_CHOICES.requirements, (value) => (has(options, `requirement.${value}`) ? options(`requirement.${value}`) : null)),
    terminals: map(EDITOR_CHOICES.terminalOutcomes, (value) => (has(options, `terminal.${value}`) ? options(`terminal.${value}`) : null)),
    outcomes: map(['EARLY', 'ON_TIME', 'LATE'], (value) => (has(outcomes, value) ? outcomes(value) : null)),
    actions: map(
      ['submit', 'receive', 'request_supplement', 'supply', 'refuse', 'assign', 'reassign', 'forward', 'send_back', 'approve', 'reject', 'sign', 'return_result', 'withdraw', 'reschedule'],
      (value) => (has(actions, value) ? actions(value) : null),
    ),
  }
}

/** A label from a map, or the value itself. */
export const labelOf = (labels: OptionLabels, value: string) => labels[value] ?? value
