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
  /** Card/wallet payment is offered at all: a real gateway is configured, or the sandbox is allowed. */
  enabled: boolean
  /** The app's own sandbox plays the gateway (no real money). */
  isSandbox: boolean
}

/**
 * The card/wallet gateway: the real one when PAYMENT_GATEWAY_URL is set; otherwise the sandbox, but only where
 * it is allowed (PAYMENT_SANDBOX, by default in demo mode or outside production). In production without either,
 * card payment is disabled: the sandbox's secret is public, so it must never stand in for a real gateway.
 */
export function gatewaySettings(): GatewaySettings {
  const env = serverEnv()
  const sandboxAllowed = env.PAYMENT_SANDBOX ?? (env.DEMO_MODE || env.NODE_ENV !== 'production')
  const isSandbox = env.PAYMENT_GATEWAY_URL === undefined && sandboxAllowed
  return {
    enabled: env.PAYMENT_GATEWAY_URL !== undefined || isSandbox,
    provider: isSandbox ? 'sandbox' : 'gateway',
    paymentUrl: env.PAYMENT_GATEWAY_URL ?? SANDBOX_GATEWAY_PATH,
    merchantCode: env.PAYMENT_GATEWAY_MERCHANT,
    secret: env.PAYMENT_GATEWAY_SECRET ?? SANDBOX_SECRET,
    isSandbox,
  }
}

/**
 * The IPN address the sandbox calls: configured, or this app's own public origin (NEXTAUTH_URL). Never taken
 * from the request's Host header, which would let a caller make the server fetch any address.
 */
export function sandboxIpnUrl(): string {
  const env = serverEnv()
  if (env.PAYMENT_SANDBOX_IPN_URL) return env.PAYMENT_SANDBOX_IPN_URL
  if (!env.NEXTAUTH_URL) throw new Error('the sandbox gateway needs NEXTAUTH_URL or PAYMENT_SANDBOX_IPN_URL to reach the IPN')
  return new URL(GATEWAY_IPN_PATH, env.NEXTAUTH_URL).toString()
}

/** The app's own public origin (NEXTAUTH_URL), where the sandbox may send the payer back; null when not set. */
export function appOrigin(): string | null {
  const configured = serverEnv().NEXTAUTH_URL
  return configured ? new URL(configured).origin : null
}
