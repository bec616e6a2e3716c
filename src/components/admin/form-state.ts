/**
 * What an administration form's server action answers (client-safe: no server imports). Messages are
 * already translated; `values` echoes what was typed (never a password) so the form keeps it.
 */
export type FormState = {
  status: 'idle' | 'error' | 'success'
  /** A message for the whole form (error summary or success). */
  message?: string
  /** One translated message per field, shown next to it. */
  fieldErrors?: Record<string, string>
  values?: Record<string, string | string[]>
}

export const IDLE: FormState = { status: 'idle' }
