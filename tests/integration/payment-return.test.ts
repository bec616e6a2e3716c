/**
 * The payer's side of the card/wallet gateway, on PostgreSQL: the signed checkout URL the applicant is sent to,
 * the app's sandbox gateway settling an order (signing the result, calling the IPN over HTTP, giving the way
 * back), and the return page's reading of what comes back — checked like an IPN, never crediting anything,
 * recorded once per distinct return, and only for the reader's own dossier.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { gatewayResultParams, paymentRequestParams } from '@/domain/payments/gateway-protocol'
import { signParams } from '@/domain/payments/gateway-signature'
import type { PrismaClient } from '@/generated/prisma/client'
import { createPrismaClient } from '@/server/prisma-client'
import { cardGateway } from '@/server/payments/card-gateway'
import { gatewayCheckoutUrl, gatewayReturnPath } from '@/server/payments/gateway-checkout'
import { handleGatewayIpn } from '@/server/payments/gateway-ipn'
import { readGatewayReturn, RETURN_OUTCOME } from '@/server/payments/gateway-return'
import { readSandboxOrder, settleSandboxOrder } from '@/server/payments/sandbox-gateway'
import { startPayment } from '@/server/payments/start-payment'
import { seedDatabase } from '../../prisma/seed'
import { actorOf, submittedDossier } from '../support/dossiers'

const NOW = new Date('2026-11-24T03:00:00Z')
const SECRET = 'integration-test-gateway-secret'
const settings = { provider: 'sandbox', paymentUrl: '/cong-thanh-toan-thu-nghiem', merchantCode: 'MOTCUA01', secret: SECRET, enabled: true, isSandbox: true }
const gateway = cardGateway(settings)
const ORIGIN = 'https://motcua.example'

let client: PrismaClient
let owner: Actor
let neighbour: Actor
/** The app's IPN route as a real HTTP endpoint: GET with the query, JSON answer (app/api/payments/gateway/ipn). */
let ipnServer: Server
let ipnUrl: string

async function owingDossier(feeVnd = 10_000) {
  const dossier = await submittedDossier(client, { slug: '2.000884', submittedAt: new Date(NOW.getTime() - 3_600_000), applicantId: owner.userId, applicantName: owner.fullName, state: 'PROCESSING', currentStep: 'processing', receivedAt: NOW })
  await client.dossier.update({ where: { id: dossier.id }, data: { feeVnd } })
  return dossier
}

/** A started gateway payment and the signed order the applicant's browser carries to the gateway. */
async function checkout() {
  const dossier = await owingDossier()
  const payment = await startPayment(client, { actor: owner, dossierRef: dossier.code, method: 'GATEWAY', now: NOW })
  const url = new URL(gatewayCheckoutUrl(payment, { origin: ORIGIN, clientIp: '203.0.113.7', locale: 'vi', gateway }), ORIGIN)
  return { dossier, payment, order: Object.fromEntries(url.searchParams) }
}

/** What the bank sends back for an order: on the return URL and to the IPN alike. */
function resultFor(order: Record<string, string>, decision: 'APPROVE' | 'DECLINE' = 'APPROVE') {
  return gatewayResultParams(order, { decision, transactionNo: '14230001', bankCode: 'NCB', at: new Date(NOW.getTime() + 60_000) }, SECRET)
}

const returnsOf = (paymentId: string | null) => client.paymentCallback.count({ where: { outcome: RETURN_OUTCOME, paymentId } })

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 0, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, 10)
  owner = await actorOf(client, { citizenId: '040085003917' })
  neighbour = await actorOf(client, { citizenId: '040190004826' })
  ipnServer = createServer((request, response) => {
    const params = Object.fromEntries(new URL(request.url ?? '/', 'http://127.0.0.1').searchParams)
    handleGatewayIpn(client, { params, gateway, now: new Date(NOW.getTime() + 60_000) }).then(
      ({ answer }) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)),
      () => response.writeHead(500).end(),
    )
  })
  await new Promise<void>((resolve) => ipnServer.listen(0, '127.0.0.1', resolve))
  ipnUrl = `http://127.0.0.1:${(ipnServer.address() as AddressInfo).port}/api/payments/gateway/ipn`
}, 180_000)

afterAll(async () => {
  await new Promise((resolve) => ipnServer?.close(resolve))
  await client?.$disconnect()
})

describe('gatewayCheckoutUrl', () => {
  it("sends the applicant to the gateway with a signed order for the payment, returning to the dossier's result page", async () => {
    const { dossier, payment, order } = await checkout()
    expect(order).toMatchObject({
      vnp_TxnRef: payment.reference,
      vnp_Amount: '1000000',
      vnp_ReturnUrl: `${ORIGIN}${gatewayReturnPath(dossier.code)}`,
      vnp_IpAddr: '203.0.113.7',
      vnp_Locale: 'vn',
      vnp_OrderInfo: `Thanh toan phi, le phi ho so ${dossier.code}`,
    })
    const read = readSandboxOrder(order, { now: NOW, settings })
    expect(read).toMatchObject({ ok: true, order: { reference: payment.reference, amountVnd: 10_000, merchantCode: 'MOTCUA01' } })
  })

  it('refuses, at the sandbox, an order changed on the way or past its expiry', async () => {
    const { order } = await checkout()
    expect(readSandboxOrder({ ...order, vnp_Amount: '100' }, { now: NOW, settings })).toEqual({ ok: false, reason: 'INVALID_SIGNATURE' })
    expect(readSandboxOrder(order, { now: new Date(NOW.getTime() + 16 * 60_000), settings })).toEqual({ ok: false, reason: 'EXPIRED' })
  })
})

describe('settleSandboxOrder', () => {
  it('approves: the IPN credits the payment over HTTP, and the payer goes back with the signed result', async () => {
    const { dossier, payment, order } = await checkout()
    const settled = await settleSandboxOrder({ params: order, decision: 'APPROVE', origin: ORIGIN, now: NOW, settings, ipnUrl })
    expect(settled).toMatchObject({ ok: true, ipnAccepted: true, ipnAnswer: { RspCode: '00' } })
    if (!settled.ok) throw new Error('not settled')
    const back = new URL(settled.returnTo)
    expect(`${back.origin}${back.pathname}`).toBe(`${ORIGIN}${gatewayReturnPath(dossier.code)}`)
    const read = gateway.readResult(Object.fromEntries(back.searchParams))
    expect(read).toMatchObject({ ok: true, result: { reference: payment.reference, success: true, amountVnd: 10_000 } })
    const row = await client.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { paidVnd: true, payments: { select: { status: true } } } })
    expect(row).toEqual({ paidVnd: 10_000, payments: [{ status: 'PAID' }] })

    // The payer clicks again (back button, second tab): the IPN answers "already confirmed", nothing more is credited.
    const again = await settleSandboxOrder({ params: order, decision: 'APPROVE', origin: ORIGIN, now: NOW, settings, ipnUrl })
    expect(again).toMatchObject({ ok: true, ipnAccepted: true, ipnAnswer: { RspCode: '02' } })
    expect((await client.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { paidVnd: true } })).paidVnd).toBe(10_000)
  })

  it('declines: the payment fails and nothing is paid', async () => {
    const { dossier, order } = await checkout()
    const settled = await settleSandboxOrder({ params: order, decision: 'DECLINE', origin: ORIGIN, now: NOW, settings, ipnUrl })
    expect(settled).toMatchObject({ ok: true, ipnAccepted: true })
    const row = await client.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { paidVnd: true, payments: { select: { status: true } } } })
    expect(row).toEqual({ paidVnd: 0, payments: [{ status: 'FAILED' }] })
  })

  it('still gives the way back when the merchant cannot be reached, saying so', async () => {
    const { order } = await checkout()
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const settled = await settleSandboxOrder({ params: order, decision: 'APPROVE', origin: ORIGIN, now: NOW, settings, ipnUrl: `http://127.0.0.1:${port}/ipn` })
    expect(settled).toMatchObject({ ok: true, ipnAccepted: false, ipnAnswer: null })
  })

  it('refuses a tampered or expired order without calling anyone', async () => {
    const { order } = await checkout()
    expect(await settleSandboxOrder({ params: { ...order, vnp_ReturnUrl: 'https://evil.example/' }, decision: 'APPROVE', origin: ORIGIN, now: NOW, settings, ipnUrl })).toEqual({ ok: false, reason: 'INVALID_SIGNATURE' })
    expect(await settleSandboxOrder({ params: order, decision: 'APPROVE', origin: ORIGIN, now: new Date(NOW.getTime() + 3_600_000), settings, ipnUrl })).toEqual({ ok: false, reason: 'EXPIRED' })
  })

  it('never sends a payer to another site, even with a validly signed order (the sandbox secret is public)', async () => {
    const { payment } = await checkout()
    const foreign = paymentRequestParams(
      { merchantCode: 'MOTCUA01', reference: payment.reference, amountVnd: payment.amountVnd, orderInfo: 'x', returnUrl: 'https://evil.example/', clientIp: '127.0.0.1', createdAt: NOW, expiresAt: new Date(NOW.getTime() + 900_000), locale: 'vn' },
      SECRET,
    )
    expect(await settleSandboxOrder({ params: foreign, decision: 'APPROVE', origin: ORIGIN, now: NOW, settings, ipnUrl })).toEqual({ ok: false, reason: 'FOREIGN_RETURN_URL' })
    expect((await client.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe('PENDING')
  })
})

describe('readGatewayReturn', () => {
  it('shows a pending payment as pending whatever the return says, and the IPN’s credit once it came; one record per return', async () => {
    const { dossier, payment, order } = await checkout()
    const result = resultFor(order)
    const before = await readGatewayReturn(client, { actor: owner, dossierRef: dossier.code, params: result, gateway, now: NOW })
    expect(before).toMatchObject({ kind: 'PAYMENT', dossierCode: dossier.code, gatewaySaidSuccess: true, responseCode: '00', payment: { id: payment.id, status: 'PENDING', receiptNo: null }, dueNowVnd: 10_000 })
    expect((await client.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { paidVnd: true } })).paidVnd).toBe(0)

    await handleGatewayIpn(client, { params: result, gateway, now: NOW })
    const after = await readGatewayReturn(client, { actor: owner, dossierRef: dossier.code, params: result, gateway, now: NOW })
    expect(after).toMatchObject({ kind: 'PAYMENT', payment: { status: 'PAID', receiptNo: `BL-${payment.reference}` }, dueNowVnd: 0 })
    // Read twice (the page refreshes itself): recorded once, raw, with a valid signature.
    const records = await client.paymentCallback.findMany({ where: { outcome: RETURN_OUTCOME, paymentId: payment.id }, select: { signatureValid: true, raw: true, communeId: true } })
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ signatureValid: true, raw: { params: { vnp_TxnRef: payment.reference, vnp_SecureHash: result.vnp_SecureHash } } })
  })

  it('offers paying again after a declined payment', async () => {
    const { dossier, order } = await checkout()
    const result = resultFor(order, 'DECLINE')
    await handleGatewayIpn(client, { params: result, gateway, now: NOW })
    expect(await readGatewayReturn(client, { actor: owner, dossierRef: dossier.code, params: result, gateway, now: NOW })).toMatchObject({
      kind: 'PAYMENT',
      gatewaySaidSuccess: false,
      responseCode: '24',
      payment: { status: 'FAILED' },
      dueNowVnd: 10_000,
    })
  })

  it('believes nothing unsigned, changed, or outside the reader’s own dossier — and changes nothing', async () => {
    const { dossier, payment, order } = await checkout()
    const other = await owingDossier()
    const result = resultFor(order)
    const unverified = { kind: 'UNVERIFIED' }
    const before = await returnsOf(null)

    // A success written by hand, without the secret.
    expect(await readGatewayReturn(client, { actor: owner, dossierRef: dossier.code, params: { ...result, vnp_ResponseCode: '00', vnp_SecureHash: 'ab'.repeat(64) }, gateway, now: NOW })).toEqual(unverified)
    // Signed by someone with another secret.
    expect(await readGatewayReturn(client, { actor: owner, dossierRef: dossier.code, params: signParams({ ...result }, 'another-secret-entirely'), gateway, now: NOW })).toEqual(unverified)
    // A signed result for another amount (the gateway's own amount is signed too).
    expect(await readGatewayReturn(client, { actor: owner, dossierRef: dossier.code, params: signParams({ ...result, vnp_Amount: '100' }, SECRET), gateway, now: NOW })).toEqual(unverified)
    // Someone else's return link, or this payment under another dossier's address.
    expect(await readGatewayReturn(client, { actor: neighbour, dossierRef: dossier.code, params: result, gateway, now: NOW })).toEqual(unverified)
    expect(await readGatewayReturn(client, { actor: owner, dossierRef: other.code, params: result, gateway, now: NOW })).toEqual(unverified)
    expect(await readGatewayReturn(client, { actor: owner, dossierRef: 'not a code', params: result, gateway, now: NOW })).toEqual(unverified)

    const unsigned = await client.paymentCallback.findMany({ where: { outcome: RETURN_OUTCOME, paymentId: null }, orderBy: { id: 'asc' }, select: { signatureValid: true } })
    expect(unsigned.length - before).toBe(4)
    expect(unsigned.slice(before, before + 2)).toEqual([{ signatureValid: false }, { signatureValid: false }])
    const row = await client.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { paidVnd: true, payments: { select: { id: true, status: true } } } })
    expect(row).toEqual({ paidVnd: 0, payments: [{ id: payment.id, status: 'PENDING' }] })
  })

  it('shows an overdue pending payment as expired', async () => {
    const { dossier, order } = await checkout()
    expect(await readGatewayReturn(client, { actor: owner, dossierRef: dossier.code, params: resultFor(order), gateway, now: new Date(NOW.getTime() + 16 * 60_000) })).toMatchObject({
      kind: 'PAYMENT',
      payment: { status: 'EXPIRED' },
    })
  })
})
