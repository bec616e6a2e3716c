import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { dossierRefWhere, ZDossierRef } from '@/domain/dossier/dossier-ref'
import { AppError } from '@/domain/errors'
import { onlinePaymentDue } from '@/domain/fees/payment-due'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import { gatewaySettings, PAYMENT_LIFETIME_MS } from './payment-settings'
import { allocatePaymentNumber, expireOverduePayments, lockPayableDossier } from './payments.repo'

export const ZOnlinePaymentMethod = z.enum(['VIETQR', 'GATEWAY'])
export type OnlinePaymentMethod = z.infer<typeof ZOnlinePaymentMethod>

export type StartedPayment = {
  id: string
  dossierId: string
  dossierCode: string
  reference: string
  method: OnlinePaymentMethod
  amountVnd: number
  expiresAt: Date
  createdAt: Date
  /** false when an earlier pending payment of the same method and amount was given back (double click, reload). */
  created: boolean
}

/**
 * The applicant starts paying what their dossier owes, by VietQR transfer or through the card/wallet gateway.
 * One transaction, under a lock on the dossier row (two tabs, a double click): overdue pending payments of the
 * dossier expire; a pending VietQR payment for the same amount is given back instead of a second one (so a QR
 * already scanned stays valid), while each visit to the card gateway is a new order (gateways refuse an order
 * number twice) and the earlier pending one expires; otherwise a new PENDING payment gets the next sequence number and
 * its reference (domain/payments/payment-reference.ts), with an expiry (15 minutes at the gateway, a day for a
 * transfer). Audited.
 *
 * Refusals: not the actor's own dossier → NOT_FOUND; only the applicant pays online (FORBIDDEN); nothing owed
 * now (paid, exempt, not yet due, closed) → INVALID_TRANSITION; VietQR for a commune without a collection
 * account → INVALID_TRANSITION.
 */
export async function startPayment(
  client: PrismaClient,
  { actor, dossierRef, method, meta = null, now = new Date() }: { actor: Actor; dossierRef: unknown; method: unknown; meta?: RequestMeta | null; now?: Date },
): Promise<StartedPayment> {
  if (actor.role !== 'CITIZEN') throw new AppError('FORBIDDEN', 'only the applicant pays online')
  const ref = ZDossierRef.safeParse(dossierRef)
  if (!ref.success) throw new AppError('NOT_FOUND')
  const chosen = ZOnlinePaymentMethod.safeParse(method)
  if (!chosen.success) throw new AppError('INVALID_INPUT', 'unknown payment method', { method: ['NOT_AN_OPTION'] })

  return client.$transaction(async (tx) => {
    const dossier = await lockPayableDossier(tx, { ...dossierRefWhere(ref.data), applicantId: actor.userId })
    if (!dossier) throw new AppError('NOT_FOUND')
    const due = onlinePaymentDue(dossier)
    if (due <= 0) throw new AppError('INVALID_TRANSITION', 'nothing to pay online now')
    if (chosen.data === 'VIETQR' && !dossier.hasCollectionAccount) throw new AppError('INVALID_TRANSITION', 'the commune has no collection account for transfers')
    if (chosen.data === 'GATEWAY' && !gatewaySettings().enabled) throw new AppError('INVALID_TRANSITION', 'no card gateway is configured')

    await expireOverduePayments(tx, { dossierId: dossier.id, now })
    if (chosen.data === 'VIETQR') {
      // A QR already shown (maybe already scanned) stays the one to pay.
      const pending = await tx.payment.findFirst({
        where: { dossierId: dossier.id, status: 'PENDING', method: 'VIETQR', amountVnd: due, expiresAt: { gt: now } },
        orderBy: { sequence: 'desc' },
        select: { id: true, reference: true, amountVnd: true, expiresAt: true, createdAt: true },
      })
      if (pending) return { ...pending, expiresAt: pending.expiresAt!, dossierId: dossier.id, dossierCode: dossier.code, method: chosen.data, created: false }
    } else {
      // Gateways refuse an order number twice: each visit to the gateway is a new order, and the earlier one,
      // abandoned, expires (money that still arrives for it is credited and, if beyond the fee, refunded).
      await tx.payment.updateMany({ where: { dossierId: dossier.id, status: 'PENDING', method: 'GATEWAY' }, data: { status: 'EXPIRED', expiresAt: now } })
    }

    const { sequence, reference } = await allocatePaymentNumber(tx, dossier, 'ONLINE')
    const payment = await tx.payment.create({
      data: {
        dossierId: dossier.id,
        communeId: dossier.communeId,
        amountVnd: due,
        method: chosen.data,
        status: 'PENDING',
        reference,
        sequence,
        idempotencyKey: `payment:${dossier.id}:${sequence}`,
        expiresAt: new Date(now.getTime() + PAYMENT_LIFETIME_MS[chosen.data]),
        createdAt: now,
      },
      select: { id: true, reference: true, amountVnd: true, expiresAt: true, createdAt: true },
    })
    await writeAudit(tx, {
      actor,
      action: 'payment.start',
      entityType: 'Payment',
      entityId: payment.id,
      communeId: dossier.communeId,
      data: { dossierCode: dossier.code, method: chosen.data, amountVnd: due, reference },
      meta,
    })
    return { ...payment, expiresAt: payment.expiresAt!, dossierId: dossier.id, dossierCode: dossier.code, method: chosen.data, created: true }
  })
}
