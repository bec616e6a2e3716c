import 'server-only'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'

/**
 * Desk reception is the one-stop clerk's job: the default workflows let only the CLERK role 'receive', and
 * a clerk receives only for the communes they are assigned to. Everyone else is FORBIDDEN.
 */
export function assertDeskClerk(actor: Actor): void {
  if (actor.role !== 'CLERK' || actor.communeIds.length === 0) throw new AppError('FORBIDDEN', 'only a one-stop clerk receives at the desk')
}

/** The commune the clerk receives for: the one chosen, or their only one; another commune is FORBIDDEN. */
export function receivingCommuneId(actor: Actor, chosen: string | null | undefined): string | null {
  if (!chosen) return actor.communeIds.length === 1 ? (actor.communeIds[0] ?? null) : null
  if (!actor.communeIds.includes(chosen)) throw new AppError('FORBIDDEN', 'not one of the clerk’s communes')
  return chosen
}
