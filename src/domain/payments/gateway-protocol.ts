import { z } from 'zod'
import { signParams, verifySignedParams, type GatewayParams } from './gateway-signature'

/**
 * The card/wallet gateway protocol, in the shape of VNPay's "pay" API (version 2.1.0), which most Vietnamese
 * gateways follow closely: the merchant redirects the payer to the gateway with signed parameters; the gateway
 * calls the merchant's IPN URL server to server with the signed result, and sends the payer back to the return
 * URL with the same parameters. Amounts travel in hundredths of a dong (×100); times as yyyyMMddHHmmss in
 * Vietnam time (GMT+7). Pure: the server layer supplies the secret, the clock and the URLs.
 *
 * The IPN answer is JSON `{ RspCode, Message }`; the gateway retries an IPN until it gets "00" or "02", so
 * every other answer means "not taken, send again": a signature we cannot verify (97) or an order we do not
 * know (01) is refused, a result for an order already settled is acknowledged as "02" and changes nothing.
 */
export const GATEWAY_VERSION = '2.1.0'

export const IPN_ANSWERS = {
  CONFIRMED: { RspCode: '00', Message: 'Confirm Success' },
  ORDER_NOT_FOUND: { RspCode: '01', Message: 'Order not found' },
  ALREADY_CONFIRMED: { RspCode: '02', Message: 'Order already confirmed' },
  INVALID_AMOUNT: { RspCode: '04', Message: 'Invalid amount' },
  INVALID_SIGNATURE: { RspCode: '97', Message: 'Invalid signature' },
  UNKNOWN_ERROR: { RspCode: '99', Message: 'Unknown error' },
} as const
export type IpnOutcome = keyof typeof IPN_ANSWERS

/** Response codes the gateway sends in vnp_ResponseCode; "00" is success, the rest say why not. */
export const GATEWAY_RESPONSE = { SUCCESS: '00', CANCELLED_BY_PAYER: '24', DECLINED: '51', TIMEOUT: '11' } as const

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000

/** yyyyMMddHHmmss in Vietnam time, as the gateway writes dates. */
export function gatewayTime(date: Date): string {
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS)
  const pad = (value: number, width = 2) => String(value).padStart(width, '0')
  return `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`
}

/** The instant of a gateway time (Vietnam time); null when it is not a real date and time. */
export function parseGatewayTime(text: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text)
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number]
  const utc = Date.UTC(year, month - 1, day, hour, minute, second)
  const check = new Date(utc)
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null
  return new Date(utc - VIETNAM_OFFSET_MS)
}

export type PaymentOrder = {
  merchantCode: string
  reference: string
  amountVnd: number
  /** Shown by the gateway; ASCII without diacritics, as gateways require. */
  orderInfo: string
  returnUrl: string
  clientIp: string
  createdAt: Date
  expiresAt: Date
  locale: 'vn' | 'en'
}

/** The signed parameters of the redirect to the gateway. */
export function paymentRequestParams(order: PaymentOrder, secret: string): Record<string, string> {
  return signParams(
    {
      vnp_Version: GATEWAY_VERSION,
      vnp_Command: 'pay',
      vnp_TmnCode: order.merchantCode,
      vnp_Amount: String(order.amountVnd * 100),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: order.reference,
      vnp_OrderInfo: asciiText(order.orderInfo).slice(0, 255),
      vnp_OrderType: 'other',
      vnp_Locale: order.locale,
      vnp_ReturnUrl: order.returnUrl,
      vnp_IpAddr: order.clientIp,
      vnp_CreateDate: gatewayTime(order.createdAt),
      vnp_ExpireDate: gatewayTime(order.expiresAt),
    },
    secret,
  )
}

/** Strips Vietnamese diacritics and anything but printable ASCII (gateways refuse them in order info). */
export function asciiText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

const Digits = z.string().regex(/^\d+$/)

/** The fields of a result (IPN or return) that decide what happens to the payment. */
const GatewayResultSchema = z.object({
  vnp_TmnCode: z.string().min(1),
  vnp_TxnRef: z.string().min(1).max(100),
  vnp_Amount: Digits,
  vnp_ResponseCode: z.string().regex(/^\d{2}$/),
  vnp_TransactionStatus: z.string().regex(/^\d{2}$/).optional(),
  vnp_TransactionNo: z.string().max(50).optional(),
  vnp_BankCode: z.string().max(20).optional(),
  vnp_PayDate: z.string().optional(),
})

export type GatewayResult = {
  merchantCode: string
  reference: string
  /** In dong; null when the gateway's amount is not a whole number of dong. */
  amountVnd: number | null
  success: boolean
  responseCode: string
  transactionNo: string | null
  bankCode: string | null
  paidAt: Date | null
}

export type ReadGatewayResult =
  | { ok: true; result: GatewayResult }
  | { ok: false; reason: 'INVALID_SIGNATURE' | 'MALFORMED' }

/**
 * Reads a signed gateway result: the signature first (nothing unsigned is believed), then its fields. A
 * result is a success only when both the response code and the transaction status say "00".
 */
export function readGatewayResult(params: GatewayParams, secret: string): ReadGatewayResult {
  if (!verifySignedParams(params, secret)) return { ok: false, reason: 'INVALID_SIGNATURE' }
  const parsed = GatewayResultSchema.safeParse(params)
  if (!parsed.success) return { ok: false, reason: 'MALFORMED' }
  const fields = parsed.data
  const hundredths = BigInt(fields.vnp_Amount)
  const amountVnd = hundredths % 100n === 0n && hundredths / 100n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(hundredths / 100n) : null
  const status = fields.vnp_TransactionStatus ?? fields.vnp_ResponseCode
  return {
    ok: true,
    result: {
      merchantCode: fields.vnp_TmnCode,
      reference: fields.vnp_TxnRef,
      amountVnd,
      success: fields.vnp_ResponseCode === GATEWAY_RESPONSE.SUCCESS && status === GATEWAY_RESPONSE.SUCCESS,
      responseCode: fields.vnp_ResponseCode,
      transactionNo: fields.vnp_TransactionNo || null,
      bankCode: fields.vnp_BankCode || null,
      paidAt: fields.vnp_PayDate ? parseGatewayTime(fields.vnp_PayDate) : null,
    },
  }
}

export type GatewayDecision = 'APPROVE' | 'DECLINE'

/**
 * What the gateway sends back for an order the payer approved or declined (the sandbox gateway plays this
 * part): the order's own fields echoed, the outcome, a transaction number, signed.
 */
export function gatewayResultParams(
  request: GatewayParams,
  outcome: { decision: GatewayDecision; transactionNo: string; bankCode: string; at: Date },
  secret: string,
): Record<string, string> {
  const code = outcome.decision === 'APPROVE' ? GATEWAY_RESPONSE.SUCCESS : GATEWAY_RESPONSE.CANCELLED_BY_PAYER
  return signParams(
    {
      vnp_TmnCode: request.vnp_TmnCode ?? '',
      vnp_Amount: request.vnp_Amount ?? '',
      vnp_BankCode: outcome.bankCode,
      vnp_CardType: 'ATM',
      vnp_OrderInfo: request.vnp_OrderInfo ?? '',
      vnp_PayDate: gatewayTime(outcome.at),
      vnp_ResponseCode: code,
      vnp_TransactionNo: outcome.transactionNo,
      vnp_TransactionStatus: outcome.decision === 'APPROVE' ? GATEWAY_RESPONSE.SUCCESS : '02',
      vnp_TxnRef: request.vnp_TxnRef ?? '',
    },
    secret,
  )
}

const PaymentRequestSchema = z.object({
  vnp_Version: z.literal(GATEWAY_VERSION),
  vnp_Command: z.literal('pay'),
  vnp_TmnCode: z.string().min(1).max(20),
  vnp_Amount: Digits.max(17),
  vnp_CurrCode: z.literal('VND'),
  vnp_TxnRef: z.string().min(1).max(100),
  vnp_OrderInfo: z.string().max(255),
  vnp_ReturnUrl: z.url({ protocol: /^https?$/ }),
  vnp_CreateDate: z.string(),
  vnp_ExpireDate: z.string(),
})

export type PaymentRequest = {
  merchantCode: string
  reference: string
  amountVnd: number
  orderInfo: string
  returnUrl: string
  expiresAt: Date | null
}

export type ReadPaymentRequest = { ok: true; request: PaymentRequest } | { ok: false; reason: 'INVALID_SIGNATURE' | 'MALFORMED' }

/** The gateway's side: a redirect is believed only with the merchant's signature (the sandbox plays this). */
export function readPaymentRequest(params: GatewayParams, secret: string): ReadPaymentRequest {
  if (!verifySignedParams(params, secret)) return { ok: false, reason: 'INVALID_SIGNATURE' }
  const parsed = PaymentRequestSchema.safeParse(params)
  if (!parsed.success) return { ok: false, reason: 'MALFORMED' }
  const hundredths = BigInt(parsed.data.vnp_Amount)
  if (hundredths % 100n !== 0n || hundredths === 0n) return { ok: false, reason: 'MALFORMED' }
  return {
    ok: true,
    request: {
      merchantCode: parsed.data.vnp_TmnCode,
      reference: parsed.data.vnp_TxnRef,
      amountVnd: Number(hundredths / 100n),
      orderInfo: parsed.data.vnp_OrderInfo,
      returnUrl: parsed.data.vnp_ReturnUrl,
      expiresAt: parseGatewayTime(parsed.data.vnp_ExpireDate),
    },
  }
}
