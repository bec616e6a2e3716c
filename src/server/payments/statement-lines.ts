import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError, fieldErrorsOf } from '@/domain/errors'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import { allocatePaymentNumber, creditPayment, lockPayment, lockPaymentAndDossier } from './payments.repo'
import { isPaymentStaff } from './payment-staff'

// What a human does about a bank-statement exception of the reconciliation (import-statement.ts lists them).

export const ResolveLineSchema = z.strictObject({
  lineId: z.uuid(),
  note: z.string().trim().min(5, 'TOO_SHORT').max(500, 'TOO_LONG'),
})

/**
 * A human records what was done about a statement exception (refunded by the bank, the payer paid the rest,
 * a transfer for another office…). The classification stays as it was; the line is closed with the note, who
 * and when. A MATCHED line is not an exception (INVALID_TRANSITION); a line already resolved is CONFLICT.
 */
export async function resolveStatementLine(client: PrismaClient, { actor, input, meta = null, now = new Date() }: { actor: Actor; input: unknown; meta?: RequestMeta | null; now?: Date }) {
  if (!isPaymentStaff(actor)) throw new AppError('FORBIDDEN', 'only clerks and leaders resolve statement lines')
  const parsed = ResolveLineSchema.safeParse(input)
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'resolution refused', fieldErrorsOf(parsed.error))
  }
  return client.$transaction(async (tx) => {
    const line = await tx.bankStatementLine.findFirst({ where: { id: parsed.data.lineId, communeId: { in: [...actor.communeIds] } }, select: { id: true, communeId: true, status: true, resolvedAt: true, bankTxnId: true, amountVnd: true } })
    if (!line) throw new AppError('NOT_FOUND')
    if (line.status === 'MATCHED') throw new AppError('INVALID_TRANSITION', 'a matched line is not an exception')
    const updated = await tx.bankStatementLine.updateMany({ where: { id: line.id, resolvedAt: null }, data: { resolvedAt: now, resolvedById: actor.userId, resolutionNote: parsed.data.note } })
    if (updated.count === 0) throw new AppError('CONFLICT', 'already resolved')
    await writeAudit(tx, { actor, action: 'statement.resolve', entityType: 'BankStatementLine', entityId: line.id, communeId: line.communeId, data: { status: line.status, bankTxnId: line.bankTxnId, amountVnd: line.amountVnd, note: parsed.data.note }, meta })
  })
}

/**
 * A human credits the money of a PARTIAL or EXCESS statement line to the dossier its reference names (the payer
 * transferred less, then the rest; or more than the fee): a new VietQR payment, PAID for the line's amount with
 * the bank's transaction id and its receipt, in one transaction under the dossier's lock (payments.repo), and the
 * line closed with the note. What the dossier still owes after a partial is paid by a new transfer; money
 * beyond the fee shows in the workspace's overpaid list for a refund. Other statuses are not applied
 * (INVALID_TRANSITION: a duplicate is money received twice, an unmatched line names no payment); a line already
 * closed is CONFLICT, and applying twice is impossible (one payment per line, by its idempotency key).
 */
export async function applyStatementLine(client: PrismaClient, { actor, input, meta = null, now = new Date() }: { actor: Actor; input: unknown; meta?: RequestMeta | null; now?: Date }) {
  if (!isPaymentStaff(actor)) throw new AppError('FORBIDDEN', 'only clerks and leaders apply statement lines')
  const parsed = ResolveLineSchema.safeParse(input)
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'application refused', fieldErrorsOf(parsed.error))
  }
  return client.$transaction(async (tx) => {
    const line = await tx.bankStatementLine.findFirst({
      where: { id: parsed.data.lineId, communeId: { in: [...actor.communeIds] } },
      select: { id: true, communeId: true, status: true, resolvedAt: true, bankTxnId: true, amountVnd: true, bookedAt: true, paymentId: true },
    })
    if (!line) throw new AppError('NOT_FOUND')
    if ((line.status !== 'PARTIAL' && line.status !== 'EXCESS') || !line.paymentId) throw new AppError('INVALID_TRANSITION', 'only partial or excess transfers are applied')
    if (line.resolvedAt) throw new AppError('CONFLICT', 'already resolved')
    const named = await lockPaymentAndDossier(tx, { id: line.paymentId }, actor.communeIds)
    if (!named) throw new AppError('NOT_FOUND')
    const { sequence, reference } = await allocatePaymentNumber(tx, { id: named.dossierId, code: named.dossierCode }, 'RECORDED')
    const created = await tx.payment.create({
      data: { dossierId: named.dossierId, communeId: named.communeId, amountVnd: line.amountVnd, method: 'VIETQR', status: 'PENDING', reference, sequence, idempotencyKey: `statement-line:${line.id}`, createdAt: now },
      select: { id: true },
    })
    const payment = await lockPayment(tx, { id: created.id })
    const { overpaidVnd } = await creditPayment(tx, payment!, { providerRef: line.bankTxnId, paidAt: line.bookedAt, via: 'statement', actor, meta, detail: { lineId: line.id, appliedFrom: named.reference } })
    const closed = await tx.bankStatementLine.updateMany({ where: { id: line.id, resolvedAt: null }, data: { resolvedAt: now, resolvedById: actor.userId, resolutionNote: parsed.data.note } })
    if (closed.count === 0) throw new AppError('CONFLICT', 'already resolved')
    await writeAudit(tx, { actor, action: 'statement.apply', entityType: 'BankStatementLine', entityId: line.id, communeId: line.communeId, data: { status: line.status, bankTxnId: line.bankTxnId, amountVnd: line.amountVnd, paymentId: created.id, reference, overpaidVnd, note: parsed.data.note }, meta })
    return { paymentId: created.id, reference, overpaidVnd }
  })
}
