import 'server-only'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import { IPN_ANSWERS, type IpnOutcome } from '@/domain/payments/gateway-protocol'
import type { GatewayParams } from '@/domain/payments/gateway-signature'
import type { RequestMeta } from '@/server/http/request-meta'
import { cardGateway, type CardGateway } from './card-gateway'
import { creditPayment, CREDITABLE_STATUSES, lockPaymentAndDossier } from './payments.repo'

export type IpnAnswer = (typeof IPN_ANSWERS)[IpnOutcome]

/** At most this many parameters and characters are kept of a callback (a gateway sends about fifteen). */
const MAX_PARAMS = 50
const MAX_VALUE_LENGTH = 1000
const UNSIGNED_VALUE_LENGTH = 200

/**
 * The gateway's server-to-server notification (IPN) of a payment's result. Every call is recorded raw in
 * PaymentCallback with its outcome, whatever it was. Checks in order, each with the gateway's answer:
 * the signature (97), the merchant and the order (01), the amount (04), the order still open (02 — a replay
 * or a concurrent copy of an IPN already taken, acknowledged so the gateway stops retrying, nothing changes);
 * then a success credits the payment (PAID, the dossier's paid total, audit) and a failure marks a pending
 * payment FAILED (00). A success after a failure (the payer went back and approved) is credited: the gateway
 * holds the money. Money beyond the fee is recorded and shows as overpaid to the commune.
 *
 * Idempotent under concurrency: the payment row is locked (FOR UPDATE) for the check-and-credit, so of twenty
 * identical IPNs at once exactly one credits and nineteen answer 02.
 */
export async function handleGatewayIpn(
  client: PrismaClient,
  { params, meta = null, gateway = cardGateway(), now = new Date() }: { params: GatewayParams; meta?: RequestMeta | null; gateway?: CardGateway; now?: Date },
): Promise<{ outcome: IpnOutcome; answer: IpnAnswer }> {
  const read = gateway.readResult(params)
  // What a caller without a valid signature sends is kept short: anyone can call this address.
  const raw = rawCallback(params, meta, read.ok || read.reason !== 'INVALID_SIGNATURE' ? MAX_VALUE_LENGTH : UNSIGNED_VALUE_LENGTH)
  if (!read.ok) {
    const outcome = read.reason === 'INVALID_SIGNATURE' ? 'INVALID_SIGNATURE' : 'ORDER_NOT_FOUND'
    await client.paymentCallback
      .create({ data: { provider: gateway.provider, raw, signatureValid: read.reason !== 'INVALID_SIGNATURE', outcome, receivedAt: now } })
      .catch((error: unknown) => console.error('gateway IPN: could not record a refused callback', error))
    return answer(outcome)
  }
  const result = read.result
  try {
    return await client.$transaction(async (tx) => {
      const payment = result.merchantCode === gateway.merchantCode ? await lockPaymentAndDossier(tx, { reference: result.reference }) : null
      const record = (outcome: IpnOutcome) =>
        tx.paymentCallback.create({ data: { provider: gateway.provider, raw, signatureValid: true, outcome, paymentId: payment?.id ?? null, communeId: payment?.communeId ?? null, receivedAt: now } })
      if (!payment || payment.method !== 'GATEWAY') {
        await record('ORDER_NOT_FOUND')
        return answer('ORDER_NOT_FOUND')
      }
      if (result.amountVnd !== payment.amountVnd) {
        await record('INVALID_AMOUNT')
        return answer('INVALID_AMOUNT')
      }
      if (!(CREDITABLE_STATUSES as readonly string[]).includes(payment.status)) {
        await record('ALREADY_CONFIRMED')
        return answer('ALREADY_CONFIRMED')
      }
      if (result.success) {
        await creditPayment(tx, payment, { providerRef: result.transactionNo, paidAt: result.paidAt ?? now, via: 'gateway', actor: null, meta, detail: { bankCode: result.bankCode } })
      } else if (payment.status === 'FAILED') {
        // A second failure report changes nothing.
        await record('ALREADY_CONFIRMED')
        return answer('ALREADY_CONFIRMED')
      } else {
        await tx.payment.update({ where: { id: payment.id }, data: { status: 'FAILED', providerRef: result.transactionNo } })
      }
      await record('CONFIRMED')
      return answer('CONFIRMED')
    })
  } catch (error) {
    // Recorded outside the failed transaction, so even a callback we could not process leaves its trace.
    await client.paymentCallback.create({ data: { provider: gateway.provider, raw, signatureValid: true, outcome: 'UNKNOWN_ERROR', receivedAt: now } }).catch(() => undefined)
    console.error('gateway IPN failed', error)
    return answer('UNKNOWN_ERROR')
  }
}

function answer(outcome: IpnOutcome) {
  return { outcome, answer: IPN_ANSWERS[outcome] }
}

/**
 * The callback as received, bounded so a hostile caller cannot fill the table, with where it came from. NUL
 * characters, which PostgreSQL's jsonb cannot store, are replaced by U+FFFD so the row is still written.
 */
function rawCallback(params: GatewayParams, meta: RequestMeta | null, maxValueLength: number): Prisma.InputJsonObject {
  const clean = (text: string, max: number) => text.slice(0, max).replaceAll('\u0000', '\ufffd')
  const kept = Object.fromEntries(Object.entries(params).slice(0, MAX_PARAMS).map(([key, value]) => [clean(key, 100), clean(value, maxValueLength)]))
  return { params: kept, ip: meta?.ip ?? null }
}
