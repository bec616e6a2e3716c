import 'server-only'
import type { z } from 'zod'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { AppError } from '@/domain/errors'
import { ZUserId } from './staff-input'

/**
 * Defence in depth: the route already required `admin.manageStaff`; every admin use-case checks it again
 * itself, so a use-case called from anywhere else still refuses a non-administrator.
 */
export function assertCanManageStaff(actor: Actor): void {
  if (!can(actor, 'admin.manageStaff')) throw new AppError('FORBIDDEN', 'missing permission admin.manageStaff')
}

/** A failed parse as INVALID_INPUT, with the error codes by field (`_form` for the whole form). */
export function invalidInput(error: z.ZodError, message: string): AppError {
  const byField: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : '_form'
    byField[field] = [...(byField[field] ?? []), issue.message]
  }
  return new AppError('INVALID_INPUT', message, byField)
}

/** A field of a not-yet-validated input object (undefined for anything that is not an object). */
export function rawField(input: unknown, field: string): unknown {
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[field] : undefined
}

/** The account named by an id from a URL or a form; anything that is not a UUID is simply not found. */
export function parseUserId(value: unknown): string {
  const parsed = ZUserId.safeParse(value)
  if (!parsed.success) throw new AppError('NOT_FOUND')
  return parsed.data.toLowerCase()
}
