import 'server-only'
import { gatewayResultParams, paymentRequestParams, readGatewayResult, readPaymentRequest, type GatewayDecision, type PaymentOrder, type ReadGatewayResult } from '@/domain/payments/gateway-protocol'
import type { GatewayParams } from '@/domain/payments/gateway-signature'
import { gatewaySettings, type GatewaySettings } from './payment-settings'

/**
 * A card/wallet gateway as the app sees it: where to send the payer, and how to read what comes back. One
 * implementation, the VNPay-shaped protocol (domain/payments/gateway-protocol.ts), serves both a real gateway
 * (PAYMENT_GATEWAY_URL, merchant code and secret from the environment) and the app's own sandbox, which
 * speaks the same protocol with the same secret from the bank's side.
 */
export interface CardGateway {
  readonly provider: string
  readonly isSandbox: boolean
  /** The URL the payer is redirected to (a path of this app for the sandbox). */
  paymentUrl(order: Omit<PaymentOrder, 'merchantCode'>): string
  /** Verifies and reads an IPN or return (never believes an unsigned field). */
  readResult(params: GatewayParams): ReadGatewayResult
  /** The merchant this gateway knows us as (an IPN for another merchant is not ours). */
  readonly merchantCode: string
}

class SignedRedirectGateway implements CardGateway {
  constructor(private readonly settings: GatewaySettings) {}
  get provider() {
    return this.settings.provider
  }
  get isSandbox() {
    return this.settings.isSandbox
  }
  get merchantCode() {
    return this.settings.merchantCode
  }
  paymentUrl(order: Omit<PaymentOrder, 'merchantCode'>): string {
    const params = paymentRequestParams({ ...order, merchantCode: this.settings.merchantCode }, this.settings.secret)
    return `${this.settings.paymentUrl}?${new URLSearchParams(params).toString()}`
  }
  readResult(params: GatewayParams): ReadGatewayResult {
    return readGatewayResult(params, this.settings.secret)
  }
}

export function cardGateway(settings: GatewaySettings = gatewaySettings()): CardGateway {
  return new SignedRedirectGateway(settings)
}

/**
 * The sandbox's side (the "bank"): reads an order only with our merchant's signature, and signs the result of
 * the payer's decision with the shared secret.
 */
export function sandboxBank(settings: GatewaySettings = gatewaySettings()) {
  return {
    readOrder: (params: GatewayParams) => readPaymentRequest(params, settings.secret),
    result: (request: GatewayParams, outcome: { decision: GatewayDecision; transactionNo: string; bankCode: string; at: Date }) => gatewayResultParams(request, outcome, settings.secret),
  }
}
