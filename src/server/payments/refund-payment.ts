import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError, fieldErrorsOf } from '@/domain/errors'
import { ZVndAmount } from '@/domain/payments/vnd-amount'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import { lockPaymentAndDossier } from './payments.repo'
import { isPaymentStaff } from './payment-staff'

export const RefundInputSchema = z.strictObject({
  paymentId: z.uuid(),
  amountVnd: ZVndAmount.pipe(z.number().positive('TOO_SMALL').max(1_000_000_000, 'TOO_LARGE')),
  reason: z.string().trim().min(5, 'TOO_SHORT').max(500, 'TOO_LONG'),
})

/**
 * A clerk or leader of the payment's commune records money sent back to the payer (e.g. a dossier refused
 * after paying, money received twice): one append-only PaymentRefund row, the payment's refunded total (REFUNDED
 * once all of it is), the dossier's paid total lowered by the amount, and an audit row — one transaction, the
 * payment row locked so two refunds cannot exceed what was paid.
 *
 * Refusals: bad input → INVALID_INPUT with field errors; a payment outside the actor's communes → NOT_FOUND;
 * not paid, or more than what is left to refund → INVALID_TRANSITION (amountVnd: EXCEEDS_PAID).
 */
export async function refundPayment(client: PrismaClient, { actor, input, meta = null, now = new Date() }: { actor: Actor; input: unknown; meta?: RequestMeta | null; now?: Date }) {
  if (!isPaymentStaff(actor)) throw new AppError('FORBIDDEN', 'only clerks and leaders record refunds')
  const parsed = RefundInputSchema.safeParse(input)
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'refund refused', fieldErrorsOf(parsed.error))
  }
  const { paymentId, amountVnd, reason } = parsed.data
  return client.$transaction(async (tx) => {
    const payment = await lockPaymentAndDossier(tx, { id: paymentId }, actor.communeIds)
    if (!payment || !actor.communeIds.includes(payment.communeId)) throw new AppError('NOT_FOUND')
    if (payment.status !== 'PAID') throw new AppError('INVALID_TRANSITION', 'only a paid payment can be refunded', { amountVnd: ['NOT_PAID'] })
    const refundable = payment.amountVnd - payment.refundedVnd
    if (amountVnd > refundable) throw new AppError('INVALID_TRANSITION', 'refund exceeds what is left', { amountVnd: ['EXCEEDS_PAID'] })
    const refund = await tx.paymentRefund.create({ data: { paymentId, communeId: payment.communeId, amountVnd, reason, refundedById: actor.userId, createdAt: now }, select: { id: true } })
    const refundedVnd = payment.refundedVnd + amountVnd
    await tx.payment.update({ where: { id: paymentId }, data: { refundedVnd, ...(refundedVnd === payment.amountVnd ? { status: 'REFUNDED' } : {}) } })
    await tx.dossier.update({ where: { id: payment.dossierId }, data: { paidVnd: { decrement: amountVnd } } })
    await writeAudit(tx, {
      actor,
      action: 'payment.refund',
      entityType: 'Payment',
      entityId: paymentId,
      communeId: payment.communeId,
      data: { refundId: refund.id, dossierCode: payment.dossierCode, reference: payment.reference, amountVnd, refundedVnd, reason },
      meta,
    })
    return { refundId: refund.id, refundedVnd, fullyRefunded: refundedVnd === payment.amountVnd }
  })
}
