import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Signed redirect and IPN parameters in the shape of Vietnam's common card/wallet gateways (VNPay's
 * protocol): the parameters except the signature fields, sorted by key, each key and value encoded with
 * encodeURIComponent and then "%20" → "+", joined as key=value with "&"; the signature is the lower-case
 * hex HMAC-SHA512 of that string with the merchant's shared secret.
 *
 * Every parameter is signed, empty ones included, so a parameter added on the way changes the signature.
 * Keys are sorted by UTF-16 code unit (Array.prototype.sort), never localeCompare, whose order depends on
 * the runtime's locale and would make the two sides disagree.
 */
export const SIGNATURE_FIELD = 'vnp_SecureHash'
/** Sent next to the signature by some gateways ("HmacSHA512"); never part of the signed string. */
export const SIGNATURE_TYPE_FIELD = 'vnp_SecureHashType'
const UNSIGNED_FIELDS: ReadonlySet<string> = new Set([SIGNATURE_FIELD, SIGNATURE_TYPE_FIELD])

export type GatewayParams = Readonly<Record<string, string>>

function encode(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+')
}

/** The exact string that is signed. */
export function canonicalQuery(params: GatewayParams): string {
  return Object.entries(params)
    .filter(([key]) => !UNSIGNED_FIELDS.has(key))
    .map(([key, value]) => [encode(key), encode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&')
}

export function gatewaySignature(params: GatewayParams, secret: string): string {
  if (secret.length === 0) throw new RangeError('the gateway secret is empty')
  return createHmac('sha512', secret).update(canonicalQuery(params), 'utf8').digest('hex')
}

/** The parameters with their signature added (any signature already present is replaced). */
export function signParams(params: GatewayParams, secret: string): Record<string, string> {
  const unsigned = Object.fromEntries(Object.entries(params).filter(([key]) => !UNSIGNED_FIELDS.has(key)))
  return { ...unsigned, [SIGNATURE_FIELD]: gatewaySignature(unsigned, secret) }
}

/**
 * Whether the parameters carry a valid signature under this secret. The comparison takes the same time
 * wherever the first difference is, so a caller cannot guess a signature byte by byte.
 */
export function verifySignedParams(params: GatewayParams, secret: string): boolean {
  const received = params[SIGNATURE_FIELD]
  if (received === undefined || !/^[0-9a-fA-F]{128}$/.test(received)) return false
  let expected: Buffer
  try {
    expected = Buffer.from(gatewaySignature(params, secret), 'hex')
  } catch {
    // A value that cannot be URL-encoded (a lone UTF-16 surrogate) was never signed by the gateway.
    return false
  }
  return timingSafeEqual(expected, Buffer.from(received, 'hex'))
}
