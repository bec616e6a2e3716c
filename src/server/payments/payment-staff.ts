import 'server-only'
import { z } from 'zod'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'

/** Staff who handle the commune's money: the one-stop clerks and the commune's leaders (not specialists). */
export const PAYMENT_STAFF_ROLES = ['CLERK', 'LEADER'] as const

export function isPaymentStaff(actor: Actor): boolean {
  return (PAYMENT_STAFF_ROLES as readonly string[]).includes(actor.role)
}

/**
 * The commune the actor handles payments of: a clerk or leader of that commune. Anyone else is FORBIDDEN; a
 * commune outside the actor's is NOT_FOUND (the same answer as a commune that does not exist).
 */
export function requirePaymentStaff(actor: Actor, communeId: unknown): string {
  if (!isPaymentStaff(actor)) throw new AppError('FORBIDDEN', 'only clerks and leaders handle payments')
  const id = z.uuid().safeParse(communeId)
  if (!id.success || !actor.communeIds.includes(id.data)) throw new AppError('NOT_FOUND')
  return id.data
}
