/**
 * What the desk reception action answers its form (client-safe). Messages are already translated;
 * `values` echoes what was typed so nothing is lost; `attempt` changes with every answer, so the form
 * re-mounts with the echoed values (and the error summary takes the focus again).
 */
export type ReceptionFormState = {
  status: 'idle' | 'error'
  attempt: number
  message?: string
  fieldErrors?: Record<string, string>
  values?: Record<string, string | string[]>
}

export const RECEPTION_IDLE: ReceptionFormState = { status: 'idle', attempt: 0 }

/** The fields of the form, in the order they appear (the error summary lists them in this order). */
export const RECEPTION_FIELDS = [
  'communeId',
  'procedure',
  'submissionKey',
  'fullName',
  'citizenId',
  'phone',
  'email',
  'address',
  'addressCommune',
  'description',
  'notes',
  'documents',
  'assigneeId',
] as const

export type ReceptionField = (typeof RECEPTION_FIELDS)[number]
