/**
 * The one error type domain rules and use-cases throw; routes map it to an HTTP status or an action result
 * (server/http/app-error-response.ts). Messages are for logs; users see the translated text of the code.
 */
export const APP_ERROR_CODES = [
  /** Input failed validation; `fieldErrors` says which field and why. */
  'INVALID_INPUT',
  /** Not signed in (or the session was revoked). */
  'UNAUTHENTICATED',
  /**
   * The resource does not exist, or exists but the caller may not see it: the two are deliberately the
   * same answer, so ids and codes cannot be probed.
   */
  'NOT_FOUND',
  /** Signed in and allowed to see the resource, but not to do this to it (e.g. a provincial officer writing). */
  'FORBIDDEN',
  /** Sign-in refused: wrong identifier or password, locked, or disabled — one answer for all. */
  'INVALID_CREDENTIALS',
  /** Too many attempts; retry later. */
  'RATE_LIMITED',
  /** Unique value already used (username, ID number, phone). */
  'ALREADY_EXISTS',
  /** Someone else changed the record first (optimistic lock): reload and try again. */
  'CONFLICT',
  /** The workflow does not allow this action now (wrong step, finished dossier, supplement limit reached). */
  'INVALID_TRANSITION',
] as const

export type AppErrorCode = (typeof APP_ERROR_CODES)[number]

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}

/** What `fieldErrorsOf` reads of a failed zod parse (structural, so the domain needs no zod import here). */
type ValidationIssues = { issues: readonly { path: readonly PropertyKey[]; message: string }[] }

/**
 * A failed parse → `{ 'path.to.field': [code, …] }`, the shape of AppError's fieldErrors; issues about the whole
 * input (an empty path) go under `whole`. A code repeated for one field (two checks failing alike) is kept once.
 */
export function fieldErrorsOf(error: ValidationIssues, whole = 'form'): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : whole
    const codes = (errors[field] ??= [])
    if (!codes.includes(issue.message)) codes.push(issue.message)
  }
  return errors
}
