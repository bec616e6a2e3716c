import 'server-only'
import { randomInt } from 'node:crypto'
import type { GatewayDecision, PaymentRequest } from '@/domain/payments/gateway-protocol'
import type { GatewayParams } from '@/domain/payments/gateway-signature'
import { sandboxBank } from './card-gateway'
import { appOrigin, gatewaySettings, sandboxIpnUrl, type GatewaySettings } from './payment-settings'

/** The sandbox plays the bank's side only when no real gateway is configured and it is allowed (payment-settings). */
export function sandboxGatewayEnabled(settings: GatewaySettings = gatewaySettings()): boolean {
  return settings.isSandbox
}

/** The bank the sandbox pretends to be (VNPay's public test bank), and how long it waits for the merchant's IPN. */
export const SANDBOX_BANK_CODE = 'NCB'
export const SANDBOX_IPN_TIMEOUT_MS = 10_000

export type SandboxOrder = { ok: true; order: PaymentRequest } | { ok: false; reason: 'INVALID_SIGNATURE' | 'MALFORMED' | 'EXPIRED' }

/** The order in the redirect, believed only with the merchant's signature and while it has not expired. */
export function readSandboxOrder(params: GatewayParams, { now = new Date(), settings = gatewaySettings() }: { now?: Date; settings?: GatewaySettings } = {}): SandboxOrder {
  const read = sandboxBank(settings).readOrder(params)
  if (!read.ok) return read
  if (read.request.expiresAt !== null && read.request.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'EXPIRED' }
  return { ok: true, order: read.request }
}

export type SandboxSettlement =
  | { ok: false; reason: 'INVALID_SIGNATURE' | 'MALFORMED' | 'EXPIRED' | 'FOREIGN_RETURN_URL' }
  | {
      ok: true
      /** Where the payer's browser goes next: the order's return URL with the signed result. */
      returnTo: string
      /** The merchant's answer to the IPN ({ RspCode, Message }); null when it could not be reached or answered nonsense. */
      ipnAnswer: { RspCode: string; Message: string } | null
      /** The merchant took the result: "00", or "02" (already settled). */
      ipnAccepted: boolean
    }

/**
 * The payer approved or declined a sandbox order: the order is read again from its signed parameters (the form
 * is not trusted), the result is signed with the shared secret, sent to the merchant's IPN server to server (a
 * GET, as the gateway does, waiting at most ten seconds for its JSON answer), and the payer's way back to the
 * return URL is given with the same result.
 */
export async function settleSandboxOrder(
  { params, decision, origin = appOrigin() ?? '', now = new Date(), settings = gatewaySettings(), ipnUrl = sandboxIpnUrl() }: {
    params: GatewayParams
    decision: GatewayDecision
    /** The app's own origin: the only place the sandbox sends a payer back to (no open redirect). */
    origin?: string
    now?: Date
    settings?: GatewaySettings
    ipnUrl?: string
  },
): Promise<SandboxSettlement> {
  const order = readSandboxOrder(params, { now, settings })
  if (!order.ok) return order
  // The sandbox's secret is not a secret: anyone can sign an order, so it only ever returns payers to this app.
  if (new URL(order.order.returnUrl).origin !== origin) return { ok: false, reason: 'FOREIGN_RETURN_URL' }
  const result = sandboxBank(settings).result(params, { decision, transactionNo: String(randomInt(10_000_000, 100_000_000)), bankCode: SANDBOX_BANK_CODE, at: now })
  const query = new URLSearchParams(result).toString()
  const ipnAnswer = await callIpn(`${ipnUrl}${ipnUrl.includes('?') ? '&' : '?'}${query}`)
  const returnUrl = new URL(order.order.returnUrl)
  for (const [key, value] of Object.entries(result)) returnUrl.searchParams.set(key, value)
  return { ok: true, returnTo: returnUrl.toString(), ipnAnswer, ipnAccepted: ipnAnswer?.RspCode === '00' || ipnAnswer?.RspCode === '02' }
}

async function callIpn(url: string): Promise<{ RspCode: string; Message: string } | null> {
  try {
    const response = await fetch(url, { method: 'GET', cache: 'no-store', redirect: 'error', signal: AbortSignal.timeout(SANDBOX_IPN_TIMEOUT_MS), headers: { accept: 'application/json' } })
    const body: unknown = await response.json()
    if (typeof body === 'object' && body !== null && 'RspCode' in body && typeof body.RspCode === 'string') {
      return { RspCode: body.RspCode.slice(0, 10), Message: 'Message' in body && typeof body.Message === 'string' ? body.Message.slice(0, 200) : '' }
    }
    return null
  } catch (error) {
    console.error('sandbox gateway: the IPN could not be delivered', error instanceof Error ? error.message : error)
    return null
  }
}
