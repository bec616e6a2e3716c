import type { DraftForm } from '@/domain/workflow/workflow-draft'

/** What the draft editor's server action answers (client-safe). Messages are already translated. */
export type EditorState = {
  status: 'idle' | 'error' | 'success'
  message?: string
  /** One translated message per field name (`step.<row>.key`, `transitions`, `_form`…). */
  fieldErrors: Record<string, string>
  /** The form to show: as typed after an error, as saved after a success. */
  form: DraftForm
  /** Fingerprint of the stored draft the form is based on (conflict check). */
  revision: string
  /** Changes with every answer, so the fields are rebuilt from `form`. */
  nonce: number
}

export type Choice = { value: string; label: string }

/** Translated texts of the editor (client components get no translations of their own). */
export type EditorText = {
  fields: Record<string, string>
  stepsTitle: string
  stepsHint: string
  transitionsTitle: string
  transitionsHint: string
  settingsTitle: string
  stepLegend: string
  newStepLegend: string
  transitionLegend: string
  newTransitionLegend: string
  addStep: string
  addTransition: string
  save: string
  saving: string
  problemHere: string
}

export type EditorChoices = {
  roles: Choice[]
  states: Choice[]
  stepClocks: Choice[]
  budgetUnits: Choice[]
  terminals: Choice[]
  transitionClocks: Choice[]
  requirements: Choice[]
}

/** What the publish form's server action answers when it does not redirect. */
export type PublishState = { status: 'idle' | 'error'; message?: string }
