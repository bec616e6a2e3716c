import { isAppError } from '@/domain/errors'

/**
 * What an account form's server action hands back to the form: error codes by field (translated by the
 * form, messages `Account.errors.<field>.<code>`), a form-level problem, and what was typed (never the
 * passwords), so a refused form comes back filled in.
 */
export type AccountFormState = {
  status: 'idle' | 'invalid' | 'failed' | 'done'
  fieldErrors: Record<string, string[]>
  formError: 'rateLimited' | 'unexpected' | null
  values: Record<string, string>
}

export const INITIAL_ACCOUNT_FORM_STATE: AccountFormState = { status: 'idle', fieldErrors: {}, formError: null, values: {} }

/** The text fields of a submission, by name (files and missing fields read as ""). */
export function readFields<const Name extends string>(formData: FormData, names: readonly Name[]): Record<Name, string> {
  const text = (name: Name) => {
    const value = formData.get(name)
    return typeof value === 'string' ? value : ''
  }
  return Object.fromEntries(names.map((name) => [name, text(name)])) as Record<Name, string>
}

/**
 * The state for a failed use-case: field errors for refused input, a polite retry-later for rate limits.
 * Anything unexpected is rethrown, for the error page and the server log.
 */
export function stateFromError(error: unknown, values: Record<string, string>): AccountFormState {
  if (isAppError(error)) {
    if ((error.code === 'INVALID_INPUT' || error.code === 'ALREADY_EXISTS') && error.fieldErrors) {
      return { status: 'invalid', fieldErrors: error.fieldErrors, formError: null, values }
    }
    if (error.code === 'RATE_LIMITED') return { status: 'failed', fieldErrors: {}, formError: 'rateLimited', values }
  }
  throw error
}

/** Fields whose messages another field's share (the new password of a reset or change is a password). */
const MESSAGE_GROUP: Record<string, string> = { newPassword: 'password', newPasswordConfirm: 'passwordConfirm' }

/** The message key of a field's first error. */
export function errorMessageKey(field: string, codes: readonly string[] | undefined): string | null {
  const code = codes?.[0]
  return code ? `errors.${MESSAGE_GROUP[field] ?? field}.${code}` : null
}
