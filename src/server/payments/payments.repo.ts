import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import type { FeeMoment } from '@/domain/fees/payment-due'
import { AppError } from '@/domain/errors'
import { buildPaymentReference, nextPaymentSequence, type PaymentNumberKind } from '@/domain/payments/payment-reference'
import { receiptNumberOf } from '@/domain/payments/receipt-number'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'

type Tx = Prisma.TransactionClient

export type PayableDossier = {
  id: string
  code: string
  communeId: string
  state: string
  feeVnd: number
  paidVnd: number
  feeMoment: FeeMoment
  hasCollectionAccount: boolean
}

/** The dossier (by id or code, and the applicant), locked FOR UPDATE until the transaction ends. */
export async function lockPayableDossier(tx: Tx, where: ({ id: string } | { code: string }) & { applicantId: string }): Promise<PayableDossier | null> {
  const byId = 'id' in where
  const rows = await tx.$queryRaw<PayableDossier[]>`
    SELECT d.id, d.code, d."communeId", d.state::text AS state, d."feeVnd", d."paidVnd", v."feeMoment"::text AS "feeMoment",
      (c."collectionBankBin" IS NOT NULL AND c."collectionAccountNo" IS NOT NULL) AS "hasCollectionAccount"
    FROM "Dossier" d
    JOIN "ProcedureVersion" v ON v.id = d."procedureVersionId"
    JOIN "Commune" c ON c.id = d."communeId"
    WHERE ${byId ? Prisma.sql`d.id = ${where.id}::uuid` : Prisma.sql`d.code = ${(where as { code: string }).code}`}
      AND d."applicantId" = ${where.applicantId}::uuid
    FOR UPDATE OF d`
  return rows[0] ?? null
}

/**
 * Pending payments past their expiry become EXPIRED (for one dossier, or one commune's).
 * The commune-wide form runs outside the money paths' lock order (dossier, then its payments) — a page any
 * reader opens — so it takes only the rows no one holds (SKIP LOCKED) and never waits: a payment being credited
 * or closed by an IPN or a statement import at that moment is left to that transaction, with no deadlock.
 */
export async function expireOverduePayments(tx: Pick<Tx, '$executeRaw'>, scope: { dossierId: string; now: Date } | { communeIds: readonly string[]; now: Date }): Promise<number> {
  if ('dossierId' in scope) {
    return tx.$executeRaw`
      UPDATE "Payment" SET status = 'EXPIRED', "updatedAt" = ${scope.now}
      WHERE "dossierId" = ${scope.dossierId}::uuid AND status = 'PENDING' AND "expiresAt" IS NOT NULL AND "expiresAt" <= ${scope.now}`
  }
  return tx.$executeRaw`
    UPDATE "Payment" SET status = 'EXPIRED', "updatedAt" = ${scope.now}
    WHERE id IN (
      SELECT id FROM "Payment"
      WHERE "communeId" = ANY(${[...scope.communeIds]}::uuid[]) AND status = 'PENDING' AND "expiresAt" IS NOT NULL AND "expiresAt" <= ${scope.now}
      FOR UPDATE SKIP LOCKED)
      AND status = 'PENDING'`
}

/**
 * The number and reference of a dossier's next payment, under the dossier's lock (the caller holds it).
 * References carry two digits for it (domain/payments/payment-reference), so online attempts stop short of the
 * end and leave numbers for money the desk or a statement records: a citizen who opens the gateway again and
 * again cannot leave the dossier unpayable.
 */
export async function allocatePaymentNumber(
  tx: Pick<Tx, 'payment'>,
  dossier: { id: string; code: string },
  kind: PaymentNumberKind,
): Promise<{ sequence: number; reference: string }> {
  const latest = await tx.payment.aggregate({ where: { dossierId: dossier.id }, _max: { sequence: true } })
  const sequence = nextPaymentSequence(latest._max.sequence, kind)
  if (sequence === null) throw new AppError('INVALID_TRANSITION', `no ${kind.toLowerCase()} payment number left on dossier ${dossier.code}`)
  return { sequence, reference: buildPaymentReference({ dossierCode: dossier.code, paymentSequence: sequence }) }
}

export type LockedPayment = {
  id: string
  dossierId: string
  communeId: string
  reference: string
  method: 'VIETQR' | 'GATEWAY' | 'CASH'
  status: 'PENDING' | 'PAID' | 'FAILED' | 'EXPIRED' | 'REFUNDED'
  amountVnd: number
  refundedVnd: number
  dossierCode: string
  /** The dossier's fee and paid total when the payment was locked (the dossier row itself is not locked). */
  dossierFeeVnd: number
  dossierPaidVnd: number
}

/** A payment by its reference (or id), locked FOR UPDATE: concurrent callbacks for it take turns. */
export async function lockPayment(tx: Tx, where: { reference: string } | { id: string }): Promise<LockedPayment | null> {
  const condition = 'reference' in where ? Prisma.sql`p.reference = ${where.reference}` : Prisma.sql`p.id = ${where.id}::uuid`
  const rows = await tx.$queryRaw<LockedPayment[]>`
    SELECT p.id, p."dossierId", p."communeId", p.reference, p.method::text AS method, p.status::text AS status,
      p."amountVnd", p."refundedVnd", d.code AS "dossierCode", d."feeVnd" AS "dossierFeeVnd", d."paidVnd" AS "dossierPaidVnd"
    FROM "Payment" p JOIN "Dossier" d ON d.id = p."dossierId"
    WHERE ${condition}
    FOR UPDATE OF p`
  return rows[0] ?? null
}

/**
 * A payment and its dossier, both locked FOR UPDATE, the dossier first: every path that changes a dossier's
 * money (start, credit, refund, cash, statement import) locks in this order, so two of them never deadlock and
 * each sees the other's paid total. Null when no such payment (in these communes, when given).
 */
export async function lockPaymentAndDossier(tx: Tx, where: { reference: string } | { id: string }, communeIds?: readonly string[]): Promise<LockedPayment | null> {
  const condition = 'reference' in where ? Prisma.sql`reference = ${where.reference}` : Prisma.sql`id = ${where.id}::uuid`
  const scope = communeIds ? Prisma.sql`AND "communeId" = ANY(${[...communeIds]}::uuid[])` : Prisma.empty
  const [found] = await tx.$queryRaw<{ dossierId: string }[]>`SELECT "dossierId" FROM "Payment" WHERE ${condition} ${scope}`
  if (!found) return null
  await tx.$queryRaw`SELECT id FROM "Dossier" WHERE id = ${found.dossierId}::uuid FOR UPDATE`
  return lockPayment(tx, where)
}

/**
 * Statuses from which money that arrives is credited: waiting, expired while the money was on its way, or
 * failed and then paid after all (the payer went back and approved): the money is real either way.
 */
export const CREDITABLE_STATUSES = ['PENDING', 'EXPIRED', 'FAILED'] as const

/**
 * Marks a locked, creditable payment PAID and adds its amount to the dossier's paid total, with an audit row,
 * in the caller's transaction. The caller has locked the dossier and the payment (lockPaymentAndDossier) and
 * checked its status and amount, so a second callback for the same payment sees PAID and credits nothing.
 */
export async function creditPayment(
  tx: Tx,
  payment: LockedPayment,
  input: { providerRef: string | null; paidAt: Date; via: 'gateway' | 'statement' | 'desk'; actor: Pick<Actor, 'userId' | 'role'> | null; meta?: RequestMeta | null; detail?: Prisma.InputJsonObject },
): Promise<{ overpaidVnd: number }> {
  const receiptNo = receiptNumberOf(payment.reference)
  const updated = await tx.payment.updateMany({
    where: { id: payment.id, status: { in: [...CREDITABLE_STATUSES] } },
    data: { status: 'PAID', providerRef: input.providerRef, paidAt: input.paidAt, receiptNo, expiresAt: null },
  })
  // The row is locked by the caller, so this only happens if the caller skipped the status check.
  if (updated.count !== 1) throw new Error(`payment ${payment.id} is not creditable (${payment.status})`)
  const dossier = await tx.dossier.update({ where: { id: payment.dossierId }, data: { paidVnd: { increment: payment.amountVnd } }, select: { feeVnd: true, paidVnd: true } })
  // More than the fee (money that arrived for an abandoned payment after the fee was paid another way): it is
  // recorded all the same — the money is real — and the dossier shows as overpaid to the commune for a refund.
  const overpaidVnd = Math.max(0, dossier.paidVnd - dossier.feeVnd)
  // Paid in full: the dossier's other payments still waiting (a QR shown before the payer chose the card) are
  // closed, so nobody is asked to pay twice. Money that still arrives for one of them is credited and refunded.
  const closed = dossier.paidVnd >= dossier.feeVnd
    ? await tx.payment.updateMany({ where: { dossierId: payment.dossierId, status: 'PENDING', id: { not: payment.id } }, data: { status: 'EXPIRED', expiresAt: input.paidAt } })
    : { count: 0 }
  await writeAudit(tx, {
    actor: input.actor,
    action: 'payment.paid',
    entityType: 'Payment',
    entityId: payment.id,
    communeId: payment.communeId,
    data: { dossierCode: payment.dossierCode, reference: payment.reference, amountVnd: payment.amountVnd, method: payment.method, via: input.via, providerRef: input.providerRef, receiptNo, closedPending: closed.count, overpaidVnd, ...input.detail },
    meta: input.meta ?? null,
  })
  return { overpaidVnd }
}
