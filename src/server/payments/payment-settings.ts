import 'server-only'
import { serverEnv } from '@/server/env'

/** The app's own sandbox gateway: a page that plays the bank's side (app/(public)/cong-thanh-toan-thu-nghiem). */
export const SANDBOX_GATEWAY_PATH = '/cong-thanh-toan-thu-nghiem'
/** Where gateways send the IPN (route handler app/api/payments/gateway/ipn). */
export const GATEWAY_IPN_PATH = '/api/payments/gateway/ipn'
/**
 * The sandbox's shared secret when no gateway is configured. Not a secret: the sandbox moves no money, and a
 * deployment with a real gateway must set PAYMENT_GATEWAY_SECRET (env.ts refuses a URL without one).
 */
const SANDBOX_SECRET = 'motcua-sandbox-gateway-secret-not-for-real-money'

/** How long a payment waits: a gateway session is short, a bank transfer may take until the next day. */
export const PAYMENT_LIFETIME_MS = { GATEWAY: 15 * 60_000, VIETQR: 24 * 60 * 60_000 } as const

export type GatewaySettings = {
  /** "sandbox" or "gateway": recorded with each callback. */
  provider: string
  /** Absolute URL, or a path of this app for the sandbox. */
  paymentUrl: string
  merchantCode: string
  secret: string
  isSandbox: boolean
}

export function gatewaySettings(): GatewaySettings {
  const env = serverEnv()
  const isSandbox = env.PAYMENT_GATEWAY_URL === undefined
  return {
    provider: isSandbox ? 'sandbox' : 'gateway',
    paymentUrl: env.PAYMENT_GATEWAY_URL ?? SANDBOX_GATEWAY_PATH,
    merchantCode: env.PAYMENT_GATEWAY_MERCHANT,
    secret: env.PAYMENT_GATEWAY_SECRET ?? SANDBOX_SECRET,
    isSandbox,
  }
}

/** The IPN address the sandbox calls: configured, or this app's own (NEXTAUTH_URL is its public origin). */
export function sandboxIpnUrl(requestOrigin: string): string {
  const env = serverEnv()
  return env.PAYMENT_SANDBOX_IPN_URL ?? new URL(GATEWAY_IPN_PATH, env.NEXTAUTH_URL ?? requestOrigin).toString()
}
