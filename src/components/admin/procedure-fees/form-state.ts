/**
 * What the procedure-fee form's server action answers (client-safe: no server imports). Messages are already
 * translated; `values` echoes the fields so the form shows what was typed again, and `nonce` changes with every
 * answer so the fields are reset to those values. A successful save redirects to the page instead.
 */

export type ProcedureFeeValues = {
  feeVnd: string
  feeNote: string
  feeMoment: string
  ruleKind: string
  copiesField: string
  groupField: string
  pagesField: string
  feeExemptions: string
}

export type ProcedureFeeFormState = {
  status: 'idle' | 'error'
  message?: string
  fieldErrors?: Partial<Record<keyof ProcedureFeeValues, string>>
  values?: ProcedureFeeValues
  nonce: number
}

export const INITIAL_PROCEDURE_FEE_FORM_STATE: ProcedureFeeFormState = { status: 'idle', nonce: 0 }
