import 'server-only'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { dossierRefWhere, ZDossierRef } from '@/domain/dossier/dossier-ref'
import { onlinePaymentDue } from '@/domain/fees/payment-due'
import type { GatewayParams } from '@/domain/payments/gateway-signature'
import { dossierScope } from '@/server/access/dossier-scope'
import type { RequestMeta } from '@/server/http/request-meta'
import { cardGateway, type CardGateway } from './card-gateway'
import type { PaymentStatusView } from './dossier-payments'

/** The outcome recorded in PaymentCallback for a payer's return from the gateway (the IPN records its own). */
export const RETURN_OUTCOME = 'RETURN'

const MAX_PARAMS = 50
const MAX_VALUE_LENGTH = 1000

export type GatewayReturnView =
  /** The signature does not verify, or the order is not one of the reader's payments: nothing is believed. */
  | { kind: 'UNVERIFIED' }
  | {
      kind: 'PAYMENT'
      dossierCode: string
      payment: { id: string; reference: string; amountVnd: number; status: PaymentStatusView; receiptNo: string | null; paidAt: Date | null }
      /** What the gateway said on the return; only the IPN changes the payment, this is shown while it is awaited. */
      gatewaySaidSuccess: boolean
      responseCode: string
      /** What the applicant can pay online now (a failed payment can be tried again). */
      dueNowVnd: number
    }

/**
 * The payer comes back from the gateway (its return URL, a browser redirect anyone can forge). The signature is
 * checked like the IPN's, but the return never credits anything: the payment's state is read from the
 * database, where only the IPN (server to server) moves it. The reader must be able to read the dossier of the
 * URL, and the order must be one of that dossier's gateway payments with the amount signed; otherwise
 * UNVERIFIED. Each distinct return (by its signature) is recorded once in PaymentCallback, raw, with outcome
 * RETURN, so a reload or the page's own refreshes add no rows.
 */
export async function readGatewayReturn(
  client: PrismaClient,
  { actor, dossierRef, params, meta = null, gateway = cardGateway(), now = new Date() }: { actor: Actor; dossierRef: unknown; params: GatewayParams; meta?: RequestMeta | null; gateway?: CardGateway; now?: Date },
): Promise<GatewayReturnView> {
  const read = gateway.readResult(params)
  const ref = ZDossierRef.safeParse(dossierRef)
  const payment =
    read.ok && ref.success && read.result.merchantCode === gateway.merchantCode
      ? await client.payment.findFirst({
          where: { reference: read.result.reference, method: 'GATEWAY', dossier: { AND: [dossierRefWhere(ref.data), dossierScope(actor)] } },
          select: {
            id: true,
            communeId: true,
            reference: true,
            amountVnd: true,
            status: true,
            receiptNo: true,
            paidAt: true,
            expiresAt: true,
            dossier: { select: { code: true, state: true, feeVnd: true, paidVnd: true, procedureVersion: { select: { feeMoment: true } } } },
          },
        })
      : null
  const believed = read.ok && payment !== null && read.result.amountVnd === payment.amountVnd
  await recordReturn(client, { gateway, params, meta, signatureValid: read.ok || read.reason !== 'INVALID_SIGNATURE', payment: believed ? payment : null, now })
  if (!read.ok || !payment || !believed) return { kind: 'UNVERIFIED' }

  const { dossier } = payment
  const status: PaymentStatusView = payment.status === 'PENDING' && payment.expiresAt && payment.expiresAt <= now ? 'EXPIRED' : payment.status
  return {
    kind: 'PAYMENT',
    dossierCode: dossier.code,
    payment: { id: payment.id, reference: payment.reference, amountVnd: payment.amountVnd, status, receiptNo: payment.receiptNo, paidAt: payment.paidAt },
    gatewaySaidSuccess: read.result.success,
    responseCode: read.result.responseCode,
    dueNowVnd: onlinePaymentDue({ state: dossier.state, feeMoment: dossier.procedureVersion.feeMoment, feeVnd: dossier.feeVnd, paidVnd: dossier.paidVnd }),
  }
}

async function recordReturn(
  client: PrismaClient,
  { gateway, params, meta, signatureValid, payment, now }: { gateway: CardGateway; params: GatewayParams; meta: RequestMeta | null; signatureValid: boolean; payment: { id: string; communeId: string } | null; now: Date },
) {
  // Unsigned returns are kept short, and NUL (which jsonb cannot store) becomes U+FFFD, so the row is written.
  const max = signatureValid ? MAX_VALUE_LENGTH : 200
  const clean = (text: string, length: number) => text.slice(0, length).replaceAll('\u0000', '\ufffd')
  const kept = Object.fromEntries(Object.entries(params).slice(0, MAX_PARAMS).map(([key, value]) => [clean(key, 100), clean(value, max)]))
  const hash = kept.vnp_SecureHash ?? ''
  const seen = await client.paymentCallback.findFirst({
    where: { provider: gateway.provider, outcome: RETURN_OUTCOME, paymentId: payment?.id ?? null, raw: { path: ['params', 'vnp_SecureHash'], equals: hash } },
    select: { id: true },
  })
  if (seen) return
  const raw: Prisma.InputJsonObject = { params: kept, ip: meta?.ip ?? null }
  await client.paymentCallback.create({ data: { provider: gateway.provider, raw, signatureValid, outcome: RETURN_OUTCOME, paymentId: payment?.id ?? null, communeId: payment?.communeId ?? null, receivedAt: now } })
}
