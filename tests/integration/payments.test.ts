/**
 * Paying a dossier's fee through the card/wallet gateway, on PostgreSQL: the applicant starts a payment (and
 * gets the same one back on a double click); the gateway's IPN is verified — a tampered signature, a wrong
 * amount, an unknown order and a replay are refused or ignored with the gateway's answer and no change of
 * balance —, twenty identical IPNs at once credit once, and every callback is recorded raw. Then refunds by
 * the commune's staff, the receipt PDF for whoever may read the dossier, the dossier's money view with its
 * VietQR transfer, and the fee assessed from the answers when a dossier is created.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { gatewayResultParams, paymentRequestParams } from '@/domain/payments/gateway-protocol'
import { signParams } from '@/domain/payments/gateway-signature'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import { createPrismaClient } from '@/server/prisma-client'
import { cardGateway } from '@/server/payments/card-gateway'
import { handleGatewayIpn } from '@/server/payments/gateway-ipn'
import { getDossierPayments } from '@/server/payments/dossier-payments'
import { getPaymentReceipt } from '@/server/payments/payment-receipt'
import { getCommunePayments } from '@/server/payments/commune-payments'
import { recordCashPayment } from '@/server/payments/record-cash-payment'
import { setDossierFee } from '@/server/payments/set-dossier-fee'
import { refundPayment } from '@/server/payments/refund-payment'
import { applyStatementLine } from '@/server/payments/statement-lines'
import { startPayment } from '@/server/payments/start-payment'
import { importBankStatement } from '@/server/payments/import-statement'
import { parseVietQr } from '@/domain/payments/vietqr'
import { createDossier } from '@/server/dossier/create-dossier'
import { extractText, getDocumentProxy } from 'unpdf'
import { seedDatabase } from '../../prisma/seed'
import { actorOf, submittedDossier } from '../support/dossiers'

const NOW = new Date('2026-11-24T03:00:00Z')
const SECRET = 'integration-test-gateway-secret'
const settings = { provider: 'sandbox', paymentUrl: '/cong-thanh-toan-thu-nghiem', merchantCode: 'MOTCUA01', secret: SECRET, enabled: true, isSandbox: true }
const gateway = cardGateway(settings)
const meta = { ip: '203.0.113.7', userAgent: 'vitest' }

let client: PrismaClient
let owner: Actor
let neighbour: Actor
let clerk: Actor
let otherClerk: Actor
let officer: Actor

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
  otherClerk = await actorOf(client, 'canbo.truongvinh')
  officer = await actorOf(client, { role: 'PROVINCE_OFFICER' })
}, 180_000)

/** A paid gateway payment of a new owing dossier. */
async function paidDossier(feeVnd = 10_000) {
  const dossier = await owingDossier(feeVnd)
  const payment = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: NOW })
  expect((await handleGatewayIpn(client, { params: ipnFor(payment), gateway, now: NOW })).answer.RspCode).toBe('00')
  return { dossier, payment }
}

afterAll(async () => {
  await client?.$disconnect()
})

describe('startPayment', () => {
  it('starts a pending payment with the reference of the dossier and gives the same one back on a second click', async () => {
    const dossier = await owingDossier()
    const first = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'VIETQR', meta, now: NOW })
    expect(first).toMatchObject({ created: true, amountVnd: 10_000, method: 'VIETQR', dossierCode: dossier.code })
    expect(first.reference).toMatch(/^MC\d{20}$/)
    expect(first.expiresAt.getTime() - NOW.getTime()).toBe(24 * 3_600_000)
    const again = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'VIETQR', meta, now: new Date(NOW.getTime() + 1000) })
    expect(again).toMatchObject({ id: first.id, created: false })
    const card = await startPayment(client, { actor: owner, dossierRef: dossier.id, method: 'GATEWAY', meta, now: NOW })
    expect(card).toMatchObject({ created: true, method: 'GATEWAY' })
    expect(card.expiresAt.getTime() - NOW.getTime()).toBe(15 * 60_000)
    expect(card.reference).not.toBe(first.reference)
    // Each visit to the gateway is a new order (gateways refuse an order number twice); the abandoned one expires.
    const cardAgain = await startPayment(client, { actor: owner, dossierRef: dossier.id, method: 'GATEWAY', meta, now: NOW })
    expect(cardAgain.id).not.toBe(card.id)
    expect((await client.payment.findUniqueOrThrow({ where: { id: card.id } })).status).toBe('EXPIRED')
    expect(await client.auditLog.count({ where: { action: 'payment.start', entityId: { in: [first.id, card.id, cardAgain.id] } } })).toBe(3)
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

  it('marks a declined payment failed; a new attempt can be started; a success after the failure is credited', async () => {
    const dossier = await owingDossier()
    const payment = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: NOW })
    expect((await handleGatewayIpn(client, { params: ipnFor(payment, 'DECLINE', '0'), gateway, now: NOW })).answer.RspCode).toBe('00')
    expect(await balance(dossier.id)).toMatchObject({ paidVnd: 0, payments: [{ status: 'FAILED' }] })
    const retry = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: NOW })
    expect(retry.created).toBe(true)
    // The payer went back and approved the declined order after all: the gateway holds the money, so it counts.
    expect((await handleGatewayIpn(client, { params: ipnFor(payment), gateway, now: NOW })).answer.RspCode).toBe('00')
    expect((await balance(dossier.id)).paidVnd).toBe(10_000)
    // A second failure report for it changes nothing.
    expect((await handleGatewayIpn(client, { params: ipnFor(payment, 'DECLINE', '0'), gateway, now: NOW })).answer.RspCode).toBe('02')
  })

  it('refuses a VietQR payment reference: transfers are matched from the bank statement, not the gateway', async () => {
    const dossier = await owingDossier()
    const transfer = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'VIETQR', now: NOW })
    expect((await handleGatewayIpn(client, { params: ipnFor(transfer), gateway, now: NOW })).answer.RspCode).toBe('01')
    expect((await balance(dossier.id)).paidVnd).toBe(0)
  })
})

describe('refunds', () => {
  it('records a partial then the full refund, lowering the paid total, append-only and audited', async () => {
    const { dossier, payment } = await paidDossier(30_000)
    expect(await refundPayment(client, { actor: clerk, input: { paymentId: payment.id, amountVnd: 10_000, reason: 'Nộp thừa, hoàn lại' }, meta, now: NOW })).toMatchObject({ refundedVnd: 10_000, fullyRefunded: false })
    expect(await balance(dossier.id)).toMatchObject({ paidVnd: 20_000, payments: [{ status: 'PAID' }] })
    expect(await refundPayment(client, { actor: clerk, input: { paymentId: payment.id, amountVnd: '20000', reason: 'Hồ sơ bị từ chối' }, now: NOW })).toMatchObject({ refundedVnd: 30_000, fullyRefunded: true })
    expect(await balance(dossier.id)).toMatchObject({ paidVnd: 0, payments: [{ status: 'REFUNDED' }] })
    expect(await client.paymentRefund.count({ where: { paymentId: payment.id } })).toBe(2)
    expect(await client.auditLog.count({ where: { action: 'payment.refund', entityId: payment.id } })).toBe(2)
    await expect(client.$executeRaw`UPDATE "PaymentRefund" SET "amountVnd" = 1 WHERE "paymentId" = ${payment.id}::uuid`).rejects.toThrow(/append-only/)
  })

  it('refuses more than was paid, an unpaid payment, bad input, another commune and citizens', async () => {
    const { dossier, payment } = await paidDossier(10_000)
    const attempt = (actor: Actor, input: Record<string, unknown>) => refusal(refundPayment(client, { actor, input: { paymentId: payment.id, amountVnd: 5_000, reason: 'Hoàn trả phí', ...input }, now: NOW }))
    expect(await attempt(clerk, { amountVnd: 10_001 })).toBe('INVALID_TRANSITION')
    expect(await attempt(clerk, { amountVnd: 0 })).toBe('INVALID_INPUT')
    expect(await attempt(clerk, { reason: 'x' })).toBe('INVALID_INPUT')
    expect(await attempt(otherClerk, {})).toBe('NOT_FOUND')
    expect(await attempt(owner, {})).toBe('FORBIDDEN')
    expect(await attempt(officer, {})).toBe('FORBIDDEN')
    const pending = await startPayment(client, { actor: owner, dossierRef: (await owingDossier()).code, method: 'VIETQR', now: NOW })
    expect(await refusal(refundPayment(client, { actor: clerk, input: { paymentId: pending.id, amountVnd: 1_000, reason: 'Hoàn trả phí' }, now: NOW }))).toBe('INVALID_TRANSITION')
    expect(await balance(dossier.id)).toMatchObject({ paidVnd: 10_000, payments: [{ status: 'PAID' }] })
  })

  it('never refunds more than was paid when two refunds race', async () => {
    const { dossier, payment } = await paidDossier(10_000)
    const results = await Promise.all([0, 1].map(() => refusal(refundPayment(client, { actor: clerk, input: { paymentId: payment.id, amountVnd: 7_000, reason: 'Hoàn trả phí' }, now: NOW }))))
    expect(results.sort()).toEqual(['INVALID_TRANSITION', 'OK'])
    expect((await balance(dossier.id)).paidVnd).toBe(3_000)
  })
})

describe('receipts', () => {
  it("gives the paid payment's PDF receipt to the applicant, the commune's staff and the province, with the amount in words", async () => {
    const { payment } = await paidDossier(125_000)
    for (const reader of [owner, clerk, officer]) {
      const receipt = await getPaymentReceipt(client, { actor: reader, paymentId: payment.id })
      expect(receipt.fileName).toBe(`bien-lai-BL-${payment.reference}.pdf`)
      expect(Buffer.from(receipt.bytes.subarray(0, 5)).toString()).toBe('%PDF-')
    }
    const { bytes } = await getPaymentReceipt(client, { actor: owner, paymentId: payment.id })
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })
    expect(text).toContain(`BL-${payment.reference}`)
    expect(text).toContain('125.000 đồng')
    expect(text).toContain('Một trăm hai mươi lăm nghìn đồng')
    expect(text).toContain(owner.fullName)
  })

  it("has no receipt for an unpaid payment, nor for a reader outside the dossier's scope", async () => {
    const { payment } = await paidDossier()
    expect(await refusal(getPaymentReceipt(client, { actor: neighbour, paymentId: payment.id }))).toBe('NOT_FOUND')
    expect(await refusal(getPaymentReceipt(client, { actor: otherClerk, paymentId: payment.id }))).toBe('NOT_FOUND')
    const pending = await startPayment(client, { actor: owner, dossierRef: (await owingDossier()).code, method: 'GATEWAY', now: NOW })
    expect(await refusal(getPaymentReceipt(client, { actor: owner, paymentId: pending.id }))).toBe('NOT_FOUND')
    expect(await refusal(getPaymentReceipt(client, { actor: owner, paymentId: 'not-a-uuid' }))).toBe('NOT_FOUND')
  })
})

describe("the dossier's money view", () => {
  it("shows owed, paid and outstanding, and the open VietQR transfer as a payload for the commune's account", async () => {
    const dossier = await owingDossier(10_000)
    const transfer = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'VIETQR', now: NOW })
    const view = await getDossierPayments(client, { actor: owner, dossierRef: dossier.code, now: NOW })
    expect(view).toMatchObject({ feeVnd: 10_000, paidVnd: 0, outstandingVnd: 10_000, dueNowVnd: 10_000, dueReason: 'PAYABLE', transferAvailable: true })
    expect(view.transfer).toMatchObject({ paymentId: transfer.id, amountVnd: 10_000, reference: transfer.reference, bankBin: '970405', accountNo: 'DEMO16681', bankShortName: 'Agribank' })
    const parsed = parseVietQr(view.transfer!.qrPayload)
    expect(parsed.ok && parsed.fields).toMatchObject({ pointOfInitiation: 'DYNAMIC', bankBin: '970405', accountNumber: 'DEMO16681', amount: 10_000, currency: '704', reference: transfer.reference })
    // After its expiry the transfer is no longer offered, and shows as expired.
    const later = await getDossierPayments(client, { actor: owner, dossierRef: dossier.code, now: new Date(NOW.getTime() + 25 * 3_600_000) })
    expect(later.transfer).toBeNull()
    expect(later.payments.map((payment) => payment.status)).toEqual(['EXPIRED'])
    // The commune's staff read it too; another citizen and another commune do not.
    expect((await getDossierPayments(client, { actor: clerk, dossierRef: dossier.code, now: NOW })).outstandingVnd).toBe(10_000)
    expect(await refusal(getDossierPayments(client, { actor: neighbour, dossierRef: dossier.code, now: NOW }))).toBe('NOT_FOUND')
    expect(await refusal(getDossierPayments(client, { actor: otherClerk, dossierRef: dossier.code, now: NOW }))).toBe('NOT_FOUND')
  })

  it('closes the QR still waiting once the fee is paid another way, and offers no transfer for a stale amount', async () => {
    const dossier = await owingDossier(10_000)
    const transfer = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'VIETQR', now: NOW })
    const card = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: NOW })
    expect((await handleGatewayIpn(client, { params: ipnFor(card), gateway, now: NOW })).answer.RspCode).toBe('00')
    const view = await getDossierPayments(client, { actor: owner, dossierRef: dossier.code, now: NOW })
    expect(view).toMatchObject({ dueNowVnd: 0, transfer: null })
    expect(view.payments.map((payment) => [payment.id, payment.status])).toEqual([
      [transfer.id, 'EXPIRED'],
      [card.id, 'PAID'],
    ])
    // After a partial refund 4 000 is due again: a new QR for 4 000 is needed, the old 10 000 one is not offered.
    await refundPayment(client, { actor: clerk, input: { paymentId: card.id, amountVnd: 4_000, reason: 'Nộp thừa, hoàn lại' }, now: NOW })
    const again = await getDossierPayments(client, { actor: owner, dossierRef: dossier.code, now: NOW })
    expect(again).toMatchObject({ dueNowVnd: 4_000, transfer: null })
    const fresh = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'VIETQR', now: NOW })
    expect((await getDossierPayments(client, { actor: owner, dossierRef: dossier.code, now: NOW })).transfer).toMatchObject({ paymentId: fresh.id, amountVnd: 4_000 })
  })
})

describe('the fee of a new dossier', () => {
  async function created(slug: string, formData: Prisma.InputJsonObject) {
    const procedure = await client.procedure.findUniqueOrThrow({ where: { slug }, select: { id: true } })
    const commune = await client.commune.findUniqueOrThrow({ where: { code: '16681' }, select: { id: true } })
    const result = await client.$transaction((tx) =>
      createDossier(tx, {
        communeId: commune.id,
        procedureId: procedure.id,
        channel: 'ONLINE',
        formData,
        applicant: { userId: owner.userId, fullName: owner.fullName, citizenId: null, phone: null, email: null },
        submittedBy: owner,
        submissionKey: null,
        now: NOW,
        meta: null,
      }),
    )
    return client.dossier.findUniqueOrThrow({ where: { id: result.dossier.id }, select: { feeVnd: true } })
  }

  it("is assessed from the answers by the version's fee rule and exemptions", async () => {
    // Certified copies (Circular 226/2016): 2 pages × 3 copies = 12 000, 5 pages × 1 copy = 7 000.
    expect((await created('2.000815', { giayTo: [{ soTrang: 2, soBan: 3 }, { soTrang: 5, soBan: 1 }] })).feeVnd).toBe(19_000)
    // Civil status extract copies, 8 000 each.
    expect((await created('2.000635', { soBan: 3 })).feeVnd).toBe(24_000)
    // Transaction certification, 50 000, free for a mortgage for an agricultural loan (Decree 55/2015).
    expect((await created('2.001035', { loaiHopDong: 'the-chap', mienPhiNongNghiep: false })).feeVnd).toBe(50_000)
    expect((await created('2.001035', { loaiHopDong: 'the-chap', mienPhiNongNghiep: true })).feeVnd).toBe(0)
  })
})

describe('cash at the desk', () => {
  it('records exactly what is owed as paid, with a receipt, once', async () => {
    const dossier = await owingDossier(10_000)
    expect(await refusal(recordCashPayment(client, { actor: clerk, input: { dossierRef: dossier.code, amountVnd: 1_000 }, now: NOW }))).toBe('INVALID_INPUT')
    expect(await refusal(recordCashPayment(client, { actor: otherClerk, input: { dossierRef: dossier.code, amountVnd: 10_000 }, now: NOW }))).toBe('NOT_FOUND')
    expect(await refusal(recordCashPayment(client, { actor: owner, input: { dossierRef: dossier.code, amountVnd: 10_000 }, now: NOW }))).toBe('FORBIDDEN')
    const results = await Promise.all([0, 1].map(() => refusal(recordCashPayment(client, { actor: clerk, input: { dossierRef: dossier.code, amountVnd: '10000' }, meta, now: NOW }))))
    expect(results.sort()).toEqual(['INVALID_TRANSITION', 'OK'])
    expect(await balance(dossier.id)).toMatchObject({ paidVnd: 10_000, payments: [{ status: 'PAID', providerRef: null }] })
    const [payment] = await client.payment.findMany({ where: { dossierId: dossier.id }, select: { id: true, method: true, receiptNo: true } })
    expect(payment).toMatchObject({ method: 'CASH', receiptNo: expect.stringMatching(/^BL-MC\d{20}$/) })
    expect((await getPaymentReceipt(client, { actor: owner, paymentId: payment!.id })).fileName).toMatch(/^bien-lai-BL-MC/)
  })
})

describe('a dossier whose applicant opened the gateway again and again', () => {
  it('refuses online attempts past the 90th and still takes the fee at the desk', async () => {
    const dossier = await client.dossier.findUniqueOrThrow({ where: { id: (await owingDossier(10_000)).id }, select: { id: true, code: true, communeId: true } })
    // 89 abandoned visits to the gateway (each an order of its own), written as the 90th start would find them.
    const abandoned = Array.from({ length: 89 }, (_, index) => index + 1)
    await client.payment.createMany({
      data: abandoned.map((sequence) => ({ dossierId: dossier.id, communeId: dossier.communeId, amountVnd: 10_000, method: 'GATEWAY' as const, status: 'EXPIRED' as const, reference: `MC-test-${dossier.id}-${sequence}`, sequence, idempotencyKey: `payment:${dossier.id}:${sequence}`, createdAt: NOW })),
    })
    const ninetieth = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: NOW })
    expect(ninetieth.reference).toMatch(/^MC\d{16}90\d{2}$/)
    expect(await refusal(startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: NOW }))).toBe('INVALID_TRANSITION')
    expect(await refusal(startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'VIETQR', now: NOW }))).toBe('INVALID_TRANSITION')
    expect(await client.payment.count({ where: { dossierId: dossier.id } })).toBe(90)

    const cash = await recordCashPayment(client, { actor: clerk, input: { dossierRef: dossier.code, amountVnd: '10000' }, meta, now: NOW })
    expect(cash.reference).toMatch(/^MC\d{16}91\d{2}$/)
    expect(await balance(dossier.id)).toMatchObject({ paidVnd: 10_000 })
  })
})

describe('the commune payments page, while money is being credited', () => {
  it('never waits for a payment another transaction holds, and expires the overdue ones it can take', async () => {
    const held = await owingDossier(10_000)
    const free = await owingDossier(10_000)
    const heldPayment = await startPayment(client, { actor: owner, dossierRef: held.code, method: 'GATEWAY', now: NOW })
    const freePayment = await startPayment(client, { actor: owner, dossierRef: free.code, method: 'GATEWAY', now: NOW })
    const later = new Date(NOW.getTime() + 24 * 3_600_000)

    // An IPN (or a statement import) holds one of the two overdue payments, locked, while the page loads.
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    let locked!: () => void
    const isLocked = new Promise<void>((resolve) => (locked = resolve))
    const holder = client.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ${heldPayment.id}::uuid FOR UPDATE`
      locked()
      await released
    }, { timeout: 20_000 })
    await isLocked
    const page = getCommunePayments(client, { actor: clerk, query: {}, now: later })
    const outcome = await Promise.race([page.then(() => 'ANSWERED'), new Promise((resolve) => setTimeout(() => resolve('WAITING'), 5_000))])
    release()
    await holder
    expect(outcome).toBe('ANSWERED')
    await page
    const statuses = await client.payment.findMany({ where: { id: { in: [heldPayment.id, freePayment.id] } }, select: { id: true, status: true } })
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({ [heldPayment.id]: 'PENDING', [freePayment.id]: 'EXPIRED' })
  })
})

describe('a transfer for a QR abandoned after paying by card', () => {
  it('is listed as money received twice, not applied', async () => {
    const dossier = await owingDossier(10_000)
    const transfer = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'VIETQR', now: NOW })
    const card = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: NOW })
    expect((await handleGatewayIpn(client, { params: ipnFor(card), gateway, now: NOW })).answer.RspCode).toBe('00')
    const csv = `Số tham chiếu,Ngày giao dịch,Số tiền ghi có,Nội dung\nFT-ABANDONED-1,24/11/2026 10:30,10.000,CT ${transfer.reference} NOP LE PHI\n`
    const imported = await importBankStatement(client, { actor: clerk, communeId: clerk.communeIds[0], fileName: 'sao-ke.csv', bytes: new TextEncoder().encode(csv), now: NOW })
    expect(imported.ok && imported.lines.map((line) => [line.status, line.reason, line.paymentId])).toEqual([['DUPLICATE', 'DOSSIER_ALREADY_PAID', transfer.id]])
    expect(await balance(dossier.id)).toMatchObject({ paidVnd: 10_000 })
    expect((await client.payment.findUniqueOrThrow({ where: { id: transfer.id } })).status).toBe('EXPIRED')
  })
})

describe('money that arrives after the fee was paid another way', () => {
  it('is recorded (the gateway holds it) and shown to the commune as overpaid, to refund', async () => {
    const dossier = await owingDossier(10_000)
    const card = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: NOW })
    await recordCashPayment(client, { actor: clerk, input: { dossierRef: dossier.code, amountVnd: 10_000 }, now: NOW })
    expect((await client.payment.findUniqueOrThrow({ where: { id: card.id } })).status).toBe('EXPIRED')
    // The payer had the gateway page open and approves it anyway.
    expect((await handleGatewayIpn(client, { params: ipnFor(card), gateway, now: NOW })).answer.RspCode).toBe('00')
    expect((await balance(dossier.id)).paidVnd).toBe(20_000)
    const audit = await client.auditLog.findFirstOrThrow({ where: { action: 'payment.paid', entityId: card.id }, select: { data: true } })
    expect(audit.data).toMatchObject({ overpaidVnd: 10_000 })
    const workspace = await getCommunePayments(client, { actor: clerk, query: {}, now: NOW })
    expect(workspace?.overpaid.rows.map((row) => row.code)).toContain(dossier.code)
    expect(workspace?.outstanding.rows.map((row) => row.code)).not.toContain(dossier.code)
    // The refund brings it back to the fee.
    await refundPayment(client, { actor: clerk, input: { paymentId: card.id, amountVnd: 10_000, reason: 'Nộp trùng, hoàn trả' }, now: NOW })
    expect((await getCommunePayments(client, { actor: clerk, query: {}, now: NOW }))?.overpaid.rows.map((row) => row.code)).not.toContain(dossier.code)
  })

  it('refuses cash on a refused dossier', async () => {
    const dossier = await owingDossier(10_000)
    await client.dossier.update({ where: { id: dossier.id }, data: { state: 'REFUSED', currentStep: 'refused', completedAt: NOW } })
    expect(await refusal(recordCashPayment(client, { actor: clerk, input: { dossierRef: dossier.code, amountVnd: 10_000 }, now: NOW }))).toBe('INVALID_TRANSITION')
  })

  it('records a callback carrying a NUL character instead of failing', async () => {
    const before = await client.paymentCallback.count()
    expect((await handleGatewayIpn(client, { params: { vnp_TxnRef: 'a\u0000b', vnp_SecureHash: 'x' }, gateway, now: NOW })).answer.RspCode).toBe('97')
    expect(await client.paymentCallback.count()).toBe(before + 1)
  })
})

describe('partial and excess transfers credited by a human', () => {
  it('credits two partial transfers that make the fee, each with its receipt, and closes the lines', async () => {
    const dossier = await owingDossier(10_000)
    const qr = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'VIETQR', now: NOW })
    const csv = [
      'Số tham chiếu,Ngày giao dịch,Số tiền ghi có,Nội dung',
      `FT-PART-1,24/11/2026 10:30,4.000,CT ${qr.reference} LAN 1`,
      `FT-PART-2,24/11/2026 11:30,6.000,CT ${qr.reference} LAN 2`,
      `FT-DUP-1,24/11/2026 11:45,6.000,CT ${qr.reference} LAN 2`,
    ].join('\n')
    const imported = await importBankStatement(client, { actor: clerk, communeId: clerk.communeIds[0], fileName: 'sao-ke-2.csv', bytes: new TextEncoder().encode(csv), now: NOW })
    if (!imported.ok) throw new Error('refused')
    expect(imported.lines.map((line) => line.status)).toEqual(['PARTIAL', 'PARTIAL', 'PARTIAL'])
    expect((await balance(dossier.id)).paidVnd).toBe(0)
    const lines = await client.bankStatementLine.findMany({ where: { importId: imported.importId }, orderBy: { bookedAt: 'asc' }, select: { id: true } })
    const [first, second, third] = lines as [{ id: string }, { id: string }, { id: string }]

    const applied = await applyStatementLine(client, { actor: clerk, input: { lineId: first.id, note: 'Người nộp chuyển làm hai lần' }, meta, now: NOW })
    expect(applied.overpaidVnd).toBe(0)
    expect(await refusal(applyStatementLine(client, { actor: clerk, input: { lineId: first.id, note: 'Lần nữa' }, now: NOW }))).toBe('CONFLICT')
    expect(await refusal(applyStatementLine(client, { actor: otherClerk, input: { lineId: second.id, note: 'Không phải xã mình' }, now: NOW }))).toBe('NOT_FOUND')
    await applyStatementLine(client, { actor: clerk, input: { lineId: second.id, note: 'Người nộp chuyển làm hai lần' }, now: NOW })
    const after = await balance(dossier.id)
    expect(after.paidVnd).toBe(10_000)
    expect(after.payments.filter((payment) => payment.status === 'PAID').map((payment) => payment.providerRef).sort()).toEqual(['FT-PART-1', 'FT-PART-2'])
    // The QR payment itself is closed now that the fee is paid; a third transfer would be money received twice.
    expect((await client.payment.findUniqueOrThrow({ where: { id: qr.id } })).status).toBe('EXPIRED')
    const thirdResult = await applyStatementLine(client, { actor: clerk, input: { lineId: third.id, note: 'Chuyển trùng, sẽ hoàn trả' }, now: NOW })
    expect(thirdResult.overpaidVnd).toBe(6_000)
    expect((await getCommunePayments(client, { actor: clerk, query: {}, now: NOW }))?.overpaid.rows.map((row) => row.code)).toContain(dossier.code)
    expect(await client.auditLog.count({ where: { action: 'statement.apply', entityId: { in: [first.id, second.id, third.id] } } })).toBe(3)
  })

  it('does not apply an unmatched or duplicate line', async () => {
    const csv = 'Số tham chiếu,Ngày giao dịch,Số tiền ghi có,Nội dung\nFT-NOREF-9,24/11/2026 10:30,4.000,CHUYEN TIEN KHONG NOI DUNG\n'
    const imported = await importBankStatement(client, { actor: clerk, communeId: clerk.communeIds[0], fileName: 'sao-ke-3.csv', bytes: new TextEncoder().encode(csv), now: NOW })
    if (!imported.ok) throw new Error('refused')
    const [line] = await client.bankStatementLine.findMany({ where: { importId: imported.importId }, select: { id: true } })
    expect(await refusal(applyStatementLine(client, { actor: clerk, input: { lineId: line!.id, note: 'Không rõ của ai' }, now: NOW }))).toBe('INVALID_TRANSITION')
  })
})

describe('a fee the catalogue does not give', () => {
  it('is stated by the desk with its basis, then payable in cash with a receipt', async () => {
    // "Đăng ký lại khai sinh" (1.004884): "theo mức do HĐND tỉnh quy định", no amount in the sources.
    const dossier = await submittedDossier(client, { slug: '1.004884', submittedAt: new Date(NOW.getTime() - 3_600_000), applicantId: owner.userId, applicantName: owner.fullName, state: 'PROCESSING', currentStep: 'processing', receivedAt: NOW })
    const view = await getDossierPayments(client, { actor: clerk, dossierRef: dossier.code, now: NOW })
    expect(view).toMatchObject({ feeUnknown: true, feeVnd: 0, outstandingVnd: 0 })
    expect(await refusal(setDossierFee(client, { actor: clerk, input: { dossierRef: dossier.code, amountVnd: 5_000, basis: 'x' } }))).toBe('INVALID_INPUT')
    // A grouped amount reaching the use-case is refused, never read as 5 dong.
    expect(await refusal(setDossierFee(client, { actor: clerk, input: { dossierRef: dossier.code, amountVnd: '5.000', basis: 'Nghị quyết HĐND tỉnh' } }))).toBe('INVALID_INPUT')
    expect(await refusal(setDossierFee(client, { actor: otherClerk, input: { dossierRef: dossier.code, amountVnd: 5_000, basis: 'Nghị quyết HĐND tỉnh' } }))).toBe('NOT_FOUND')
    expect(await refusal(setDossierFee(client, { actor: owner, input: { dossierRef: dossier.code, amountVnd: 5_000, basis: 'Nghị quyết HĐND tỉnh' } }))).toBe('FORBIDDEN')
    await setDossierFee(client, { actor: clerk, input: { dossierRef: dossier.code, amountVnd: '5000', basis: 'Nghị quyết HĐND tỉnh về lệ phí hộ tịch' }, meta })
    expect((await getDossierPayments(client, { actor: owner, dossierRef: dossier.code, now: NOW })).dueNowVnd).toBe(5_000)
    expect(await client.auditLog.count({ where: { action: 'dossier.setFee', entityId: dossier.id } })).toBe(1)
    await recordCashPayment(client, { actor: clerk, input: { dossierRef: dossier.code, amountVnd: 5_000 }, now: NOW })
    expect((await balance(dossier.id)).paidVnd).toBe(5_000)
    // Never below what was paid; a fee that comes from the catalogue is not overridden.
    expect(await refusal(setDossierFee(client, { actor: clerk, input: { dossierRef: dossier.code, amountVnd: 1_000, basis: 'Nghị quyết HĐND tỉnh' } }))).toBe('INVALID_INPUT')
    const known = await owingDossier(10_000)
    expect(await refusal(setDossierFee(client, { actor: clerk, input: { dossierRef: known.code, amountVnd: 1_000, basis: 'Nghị quyết HĐND tỉnh' } }))).toBe('INVALID_TRANSITION')
  })
})
