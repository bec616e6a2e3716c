import 'server-only'
import { z } from 'zod'
import { Prisma, type PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { dossierRefWhere, ZDossierRef } from '@/domain/dossier/dossier-ref'
import { AppError, fieldErrorsOf } from '@/domain/errors'
import { ZVndAmount } from '@/domain/payments/vnd-amount'
import { outstandingVnd } from '@/domain/fees/payment-due'
import type { RequestMeta } from '@/server/http/request-meta'
import { allocatePaymentNumber, creditPayment, lockPayment } from './payments.repo'
import { isPaymentStaff } from './payment-staff'

export const CashPaymentSchema = z.strictObject({
  dossierRef: ZDossierRef,
  /** What the clerk took; must be exactly what is owed (no part payment at the desk). */
  amountVnd: ZVndAmount.pipe(z.number().positive('TOO_SMALL')),
})

/**
 * A clerk or leader takes the fee in cash at the one-stop desk: a CASH payment recorded PAID at once (reference,
 * receipt number, the dossier's paid total, audit), in one transaction under a lock on the dossier row. The
 * amount must equal what is still owed, so a typo never records a wrong sum (amountVnd: NOT_OWED); nothing owed
 * or a dossier refused or withdrawn → INVALID_TRANSITION. A dossier outside the actor's communes is NOT_FOUND.
 */
export async function recordCashPayment(client: PrismaClient, { actor, input, meta = null, now = new Date() }: { actor: Actor; input: unknown; meta?: RequestMeta | null; now?: Date }) {
  if (!isPaymentStaff(actor)) throw new AppError('FORBIDDEN', 'only clerks and leaders take cash')
  const parsed = CashPaymentSchema.safeParse(input)
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'cash payment refused', fieldErrorsOf(parsed.error))
  }
  const where = dossierRefWhere(parsed.data.dossierRef)
  return client.$transaction(async (tx) => {
    const [dossier] = await tx.$queryRaw<{ id: string; code: string; communeId: string; state: string; feeVnd: number; paidVnd: number }[]>`
      SELECT id, code, "communeId", state::text AS state, "feeVnd", "paidVnd" FROM "Dossier"
      WHERE ${'id' in where ? Prisma.sql`id = ${where.id}::uuid` : Prisma.sql`code = ${where.code}`}
        AND "communeId" = ANY(${[...actor.communeIds]}::uuid[])
      FOR UPDATE`
    if (!dossier) throw new AppError('NOT_FOUND')
    // A refused or withdrawn dossier is not charged what it still owes (as the dossier's money panel says).
    if (dossier.state === 'REFUSED' || dossier.state === 'WITHDRAWN') throw new AppError('INVALID_TRANSITION', 'the dossier is closed without a result')
    const owed = outstandingVnd(dossier)
    if (owed === 0) throw new AppError('INVALID_TRANSITION', 'nothing is owed')
    if (parsed.data.amountVnd !== owed) throw new AppError('INVALID_INPUT', 'the amount is not what is owed', { amountVnd: ['NOT_OWED'] })
    const { sequence, reference } = await allocatePaymentNumber(tx, dossier, 'RECORDED')
    const created = await tx.payment.create({
      data: { dossierId: dossier.id, communeId: dossier.communeId, amountVnd: owed, method: 'CASH', status: 'PENDING', reference, sequence, idempotencyKey: `payment:${dossier.id}:${sequence}`, createdAt: now },
      select: { id: true },
    })
    const payment = await lockPayment(tx, { id: created.id })
    await creditPayment(tx, payment!, { providerRef: null, paidAt: now, via: 'desk', actor, meta })
    return { paymentId: created.id, reference, amountVnd: owed }
  })
}
