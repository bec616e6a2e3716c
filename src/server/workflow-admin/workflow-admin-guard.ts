import 'server-only'
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { AppError } from '@/domain/errors'

/**
 * Defence in depth: the routes already required `admin.configure`; every workflow administration use-case
 * checks it again, so a use-case called from anywhere else still refuses anyone else.
 */
export function assertCanConfigureWorkflows(actor: Actor): void {
  if (!can(actor, 'admin.configure')) throw new AppError('FORBIDDEN', 'missing permission admin.configure')
}

/** A workflow version named by a URL or a form; anything that is not a UUID is simply not found. */
export function parseVersionId(value: unknown): string {
  const parsed = z.uuid().safeParse(value)
  if (!parsed.success) throw new AppError('NOT_FOUND')
  return parsed.data.toLowerCase()
}

/**
 * A short fingerprint of a stored graph, sent with the editor and checked on save: someone else's save in
 * between is refused (CONFLICT) instead of silently overwritten.
 */
export function graphRevision(graph: unknown): string {
  return createHash('sha256').update(JSON.stringify(graph)).digest('base64url').slice(0, 16)
}

/** A field of a not-yet-validated input object (undefined for anything that is not an object). */
export function rawField(input: unknown, field: string): unknown {
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[field] : undefined
}
