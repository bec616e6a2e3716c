/**
 * Paying a dossier's fee through the card/wallet gateway, on PostgreSQL: the applicant starts a payment (and
 * gets the same one back on a double click); the gateway's IPN is verified — a tampered signature, a wrong
 * amount, an unknown order and a replay are refused or ignored with the gateway's answer and no change of
 * balance —, twenty identical IPNs at once credit once, and every callback is recorded raw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { gatewayResultParams, paymentRequestParams } from '@/domain/payments/gateway-protocol'
import { signParams } from '@/domain/payments/gateway-signature'
import type { PrismaClient } from '@/generated/prisma/client'
import { createPrismaClient } from '@/server/prisma-client'
import { cardGateway } from '@/server/payments/card-gateway'
import { handleGatewayIpn } from '@/server/payments/gateway-ipn'
import { startPayment } from '@/server/payments/start-payment'
import { seedDatabase } from '../../prisma/seed'
import { actorOf, submittedDossier } from '../support/dossiers'

const NOW = new Date('2026-11-24T03:00:00Z')
const SECRET = 'integration-test-gateway-secret'
const settings = { provider: 'sandbox', paymentUrl: '/cong-thanh-toan-thu-nghiem', merchantCode: 'MOTCUA01', secret: SECRET, isSandbox: true }
const gateway = cardGateway(settings)
const meta = { ip: '203.0.113.7', userAgent: 'vitest' }

let client: PrismaClient
let owner: Actor
let neighbour: Actor
let clerk: Actor

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work
    return 'OK'
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}

/** A received dossier of the owner owing `feeVnd` (signature certification, a fixed 10 000 ₫ fee). */
async function owingDossier(feeVnd = 10_000) {
  const dossier = await submittedDossier(client, { slug: '2.000884', submittedAt: new Date(NOW.getTime() - 3_600_000), applicantId: owner.userId, applicantName: owner.fullName, state: 'PROCESSING', currentStep: 'processing', receivedAt: NOW })
  await client.dossier.update({ where: { id: dossier.id }, data: { feeVnd } })
  return dossier
}

/** What the gateway would send for a payment: the order signed by us, answered by the bank with the secret. */
function ipnFor(payment: { reference: string; amountVnd: number }, decision: 'APPROVE' | 'DECLINE' = 'APPROVE', transactionNo = '14230001') {
  const request = paymentRequestParams(
    { merchantCode: 'MOTCUA01', reference: payment.reference, amountVnd: payment.amountVnd, orderInfo: 'Le phi', returnUrl: 'http://127.0.0.1/ket-qua', clientIp: '127.0.0.1', createdAt: NOW, expiresAt: new Date(NOW.getTime() + 900_000), locale: 'vn' },
    SECRET,
  )
  return gatewayResultParams(request, { decision, transactionNo, bankCode: 'NCB', at: new Date(NOW.getTime() + 60_000) }, SECRET)
}

async function balance(dossierId: string) {
  const dossier = await client.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { paidVnd: true, payments: { select: { status: true, receiptNo: true, providerRef: true } } } })
  return dossier
}

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 0, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, 10)
  owner = await actorOf(client, { citizenId: '040085003917' })
  neighbour = await actorOf(client, { citizenId: '040190004826' })
  clerk = await actorOf(client, 'canbo.thanhvinh')
}, 180_000)

afterAll(async () => {
  await client?.$disconnect()
})

describe('startPayment', () => {
  it('starts a pending payment with the reference of the dossier and gives the same one back on a second click', async () => {
    const dossier = await owingDossier()
    const first = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', meta, now: NOW })
    expect(first).toMatchObject({ created: true, amountVnd: 10_000, method: 'GATEWAY', dossierCode: dossier.code })
    expect(first.reference).toMatch(/^MC\d{20}$/)
    expect(first.expiresAt.getTime() - NOW.getTime()).toBe(15 * 60_000)
    const again = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', meta, now: new Date(NOW.getTime() + 1000) })
    expect(again).toMatchObject({ id: first.id, created: false })
    const qr = await startPayment(client, { actor: owner, dossierRef: dossier.id, method: 'VIETQR', meta, now: NOW })
    expect(qr).toMatchObject({ created: true, method: 'VIETQR' })
    expect(qr.reference).not.toBe(first.reference)
    expect(await client.auditLog.count({ where: { action: 'payment.start', entityId: { in: [first.id, qr.id] } } })).toBe(2)
  })

  it('refuses another citizen, staff, an unknown method and a dossier that owes nothing', async () => {
    const dossier = await owingDossier()
    expect(await refusal(startPayment(client, { actor: neighbour, dossierRef: dossier.code, method: 'GATEWAY', now: NOW }))).toBe('NOT_FOUND')
    expect(await refusal(startPayment(client, { actor: clerk, dossierRef: dossier.code, method: 'GATEWAY', now: NOW }))).toBe('FORBIDDEN')
    expect(await refusal(startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'CASH', now: NOW }))).toBe('INVALID_INPUT')
    const free = await owingDossier(0)
    expect(await refusal(startPayment(client, { actor: owner, dossierRef: free.code, method: 'GATEWAY', now: NOW }))).toBe('INVALID_TRANSITION')
    expect(await client.payment.count({ where: { dossierId: { in: [dossier.id, free.id] } } })).toBe(0)
  })

  it('expires a pending payment past its time and starts a new one', async () => {
    const dossier = await owingDossier()
    const first = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: NOW })
    const later = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: new Date(NOW.getTime() + 16 * 60_000) })
    expect(later.id).not.toBe(first.id)
    expect((await client.payment.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('EXPIRED')
  })
})

describe('gateway IPN', () => {
  it('credits a paid order once, with its receipt number, and acknowledges a replay without change', async () => {
    const dossier = await owingDossier()
    const payment = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: NOW })
    const params = ipnFor(payment)
    expect(await handleGatewayIpn(client, { params, meta, gateway, now: NOW })).toEqual({ outcome: 'CONFIRMED', answer: { RspCode: '00', Message: 'Confirm Success' } })
    expect(await balance(dossier.id)).toEqual({ paidVnd: 10_000, payments: [{ status: 'PAID', receiptNo: `BL-${payment.reference}`, providerRef: '14230001' }] })
    expect(await handleGatewayIpn(client, { params, meta, gateway, now: NOW })).toEqual({ outcome: 'ALREADY_CONFIRMED', answer: { RspCode: '02', Message: 'Order already confirmed' } })
    expect((await balance(dossier.id)).paidVnd).toBe(10_000)
    const callbacks = await client.paymentCallback.findMany({ where: { paymentId: payment.id }, orderBy: { id: 'asc' }, select: { outcome: true, signatureValid: true, raw: true } })
    expect(callbacks.map((callback) => callback.outcome)).toEqual(['CONFIRMED', 'ALREADY_CONFIRMED'])
    expect((callbacks[0]!.raw as { params: Record<string, string> }).params.vnp_SecureHash).toBe(params.vnp_SecureHash)
    expect(await client.auditLog.count({ where: { action: 'payment.paid', entityId: payment.id } })).toBe(1)
  })

  it('refuses a tampered signature (97), a wrong amount (04) and an unknown order (01), changing nothing', async () => {
    const dossier = await owingDossier()
    const payment = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: NOW })
    const genuine = ipnFor(payment)
    const before = await client.paymentCallback.count()

    const tampered = { ...genuine, vnp_Amount: '100000000' }
    expect((await handleGatewayIpn(client, { params: tampered, gateway, now: NOW })).answer.RspCode).toBe('97')
    const forged = signParams({ ...genuine }, 'not-the-secret')
    expect((await handleGatewayIpn(client, { params: forged, gateway, now: NOW })).answer.RspCode).toBe('97')
    const wrongAmount = ipnFor({ reference: payment.reference, amountVnd: 1_000 })
    expect((await handleGatewayIpn(client, { params: wrongAmount, gateway, now: NOW })).answer.RspCode).toBe('04')
    const unknown = ipnFor({ reference: 'MC16681991231999990197', amountVnd: 10_000 })
    expect((await handleGatewayIpn(client, { params: unknown, gateway, now: NOW })).answer.RspCode).toBe('01')
    const otherMerchant = signParams({ ...genuine, vnp_TmnCode: 'OTHER' }, SECRET)
    expect((await handleGatewayIpn(client, { params: otherMerchant, gateway, now: NOW })).answer.RspCode).toBe('01')

    expect(await balance(dossier.id)).toEqual({ paidVnd: 0, payments: [{ status: 'PENDING', receiptNo: null, providerRef: null }] })
    const recorded = await client.paymentCallback.findMany({ where: { id: { gt: BigInt(0) } }, orderBy: { id: 'desc' }, take: 5, select: { outcome: true, signatureValid: true } })
    expect(await client.paymentCallback.count()).toBe(before + 5)
    expect(recorded.reverse()).toEqual([
      { outcome: 'INVALID_SIGNATURE', signatureValid: false },
      { outcome: 'INVALID_SIGNATURE', signatureValid: false },
      { outcome: 'INVALID_AMOUNT', signatureValid: true },
      { outcome: 'ORDER_NOT_FOUND', signatureValid: true },
      { outcome: 'ORDER_NOT_FOUND', signatureValid: true },
    ])
    // The genuine IPN still goes through afterwards.
    expect((await handleGatewayIpn(client, { params: genuine, gateway, now: NOW })).answer.RspCode).toBe('00')
    expect((await balance(dossier.id)).paidVnd).toBe(10_000)
  })

  it('credits once when twenty identical IPNs arrive at the same time', async () => {
    const dossier = await owingDossier(25_000)
    const payment = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: NOW })
    const params = ipnFor(payment)
    const answers = await Promise.all(Array.from({ length: 20 }, () => handleGatewayIpn(client, { params, gateway, now: NOW })))
    const codes = answers.map((result) => result.answer.RspCode).sort()
    expect(codes).toEqual(['00', ...Array<string>(19).fill('02')])
    expect(await balance(dossier.id)).toMatchObject({ paidVnd: 25_000, payments: [{ status: 'PAID' }] })
    expect(await client.auditLog.count({ where: { action: 'payment.paid', entityId: payment.id } })).toBe(1)
    expect(await client.paymentCallback.count({ where: { paymentId: payment.id } })).toBe(20)
  })

  it('marks a declined payment failed, and a new attempt can be started', async () => {
    const dossier = await owingDossier()
    const payment = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: NOW })
    expect((await handleGatewayIpn(client, { params: ipnFor(payment, 'DECLINE', '0'), gateway, now: NOW })).answer.RspCode).toBe('00')
    expect(await balance(dossier.id)).toMatchObject({ paidVnd: 0, payments: [{ status: 'FAILED' }] })
    const retry = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: NOW })
    expect(retry.created).toBe(true)
    // A success arriving late for the declined attempt is not credited (the payer was told it failed).
    expect((await handleGatewayIpn(client, { params: ipnFor(payment), gateway, now: NOW })).answer.RspCode).toBe('02')
    expect((await balance(dossier.id)).paidVnd).toBe(0)
  })

  it('refuses a VietQR payment reference: transfers are matched from the bank statement, not the gateway', async () => {
    const dossier = await owingDossier()
    const transfer = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'VIETQR', now: NOW })
    expect((await handleGatewayIpn(client, { params: ipnFor(transfer), gateway, now: NOW })).answer.RspCode).toBe('01')
    expect((await balance(dossier.id)).paidVnd).toBe(0)
  })
})
