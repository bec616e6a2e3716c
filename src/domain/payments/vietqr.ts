import { z } from 'zod'

/**
 * NAPAS VietQR payload (EMVCo Merchant-Presented Mode) for a 24/7 inter-bank transfer to an account: the
 * citizen scans it in any Vietnamese banking app, which fills in the collection account, the amount and the
 * reference, so the bank statement line can be matched to the payment.
 *
 * Layout, checked against public references rather than memory: the subiz/vietqr README on GitHub (a Go
 * generator with a summary of the NAPAS spec and an example payload for VietinBank, BIN 970415) and a
 * public generator's test for Vietcombank (BIN 970436, account 0123456789, 125 000 ₫, "PAYABCDEFGH");
 * both payloads are reproduced byte for byte in vietqr.test.ts. Top-level fields, each
 * ID (2 digits) + length (2 digits) + value, in this order:
 *   00 payload format indicator "01"
 *   01 point of initiation: "11" static (payer types the amount), "12" dynamic (amount fixed, one payment)
 *   38 merchant account information: 00 GUID "A000000727" (NAPAS),
 *      01 beneficiary organisation { 00 acquirer BIN (6 digits), 01 account number },
 *      02 service code "QRIBFTTA" (transfer to account)
 *   53 currency "704" (VND, ISO 4217), 54 amount, 58 country "VN"
 *   62 additional data: 08 purpose of transaction (our payment reference)
 *   63 CRC-16/CCITT-FALSE over everything before it including "6304", 4 upper-case hex digits.
 */

const NAPAS_GUID = 'A000000727'
const SERVICE_TRANSFER_TO_ACCOUNT = 'QRIBFTTA'
const CURRENCY_VND = '704'
const COUNTRY_VIETNAM = 'VN'

const ID = {
  payloadFormat: '00',
  pointOfInitiation: '01',
  merchantAccount: '38',
  currency: '53',
  amount: '54',
  country: '58',
  additionalData: '62',
  crc: '63',
} as const
const MERCHANT_ACCOUNT_ID = { guid: '00', beneficiary: '01', serviceCode: '02' } as const
const BENEFICIARY_ID = { bin: '00', account: '01' } as const
const ADDITIONAL_DATA_ID = { purpose: '08' } as const

export const ZVietQrTransfer = z.object({
  /** The bank's 6-digit NAPAS BIN, e.g. 970436 for Vietcombank. */
  bankBin: z.string().regex(/^\d{6}$/, 'bank BIN is 6 digits'),
  accountNumber: z.string().regex(/^[A-Za-z0-9]{1,19}$/, 'account number is 1–19 letters or digits'),
  /** Integer VND; EMVCo allows 13 characters for the amount. */
  amount: z.number().int().positive().max(9_999_999_999_999),
  /**
   * Upper-case ASCII letters, digits and spaces only, at most 25 characters: banking apps strip diacritics,
   * drop punctuation or cut long transfer descriptions differently, and the reference must reach the
   * statement unchanged to be matched.
   */
  reference: z.string().regex(/^[A-Z0-9 ]{1,25}$/, 'reference is 1–25 upper-case letters, digits or spaces'),
})
export type VietQrTransfer = z.infer<typeof ZVietQrTransfer>

/** Builds the dynamic (amount fixed) VietQR payload; throws a ZodError on invalid input. */
export function buildVietQrPayload(input: VietQrTransfer): string {
  const transfer = ZVietQrTransfer.parse(input)
  const beneficiary = tlv(BENEFICIARY_ID.bin, transfer.bankBin) + tlv(BENEFICIARY_ID.account, transfer.accountNumber)
  const merchantAccount =
    tlv(MERCHANT_ACCOUNT_ID.guid, NAPAS_GUID) +
    tlv(MERCHANT_ACCOUNT_ID.beneficiary, beneficiary) +
    tlv(MERCHANT_ACCOUNT_ID.serviceCode, SERVICE_TRANSFER_TO_ACCOUNT)
  const body =
    tlv(ID.payloadFormat, '01') +
    tlv(ID.pointOfInitiation, '12') +
    tlv(ID.merchantAccount, merchantAccount) +
    tlv(ID.currency, CURRENCY_VND) +
    tlv(ID.amount, String(transfer.amount)) +
    tlv(ID.country, COUNTRY_VIETNAM) +
    tlv(ID.additionalData, tlv(ADDITIONAL_DATA_ID.purpose, transfer.reference)) +
    ID.crc +
    '04'
  return body + crc16CcittFalseHex(body)
}

/** One field: ID + two-digit length + value. EMVCo values are at most 99 characters. */
function tlv(id: string, value: string): string {
  if (value.length > 99) throw new RangeError(`EMVCo field ${id} is longer than 99 characters`)
  return id + String(value.length).padStart(2, '0') + value
}

/** CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. */
export function crc16CcittFalse(text: string): number {
  let crc = 0xffff
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
    }
  }
  return crc
}

function crc16CcittFalseHex(text: string): string {
  return crc16CcittFalse(text).toString(16).toUpperCase().padStart(4, '0')
}

export type VietQrFields = {
  pointOfInitiation: 'STATIC' | 'DYNAMIC'
  guid: string
  bankBin: string
  accountNumber: string
  serviceCode: string
  currency: string
  /** Absent in a static QR, where the payer types the amount. */
  amount?: number
  country: string
  reference?: string
}

export type VietQrParseError =
  /** Not a sequence of well-formed fields, or a required field is missing or invalid. */
  | 'MALFORMED'
  /** Well-formed, but the checksum does not match: the payload was altered or misread. */
  | 'CRC_MISMATCH'
  /** A valid EMVCo payload, but not a NAPAS transfer. */
  | 'NOT_VIETQR'

export type VietQrParseResult = { ok: true; fields: VietQrFields } | { ok: false; error: VietQrParseError }

/** Reads a VietQR payload back into its fields, after verifying its structure and CRC. */
export function parseVietQr(payload: string): VietQrParseResult {
  const top = readFields(payload)
  if (!top) return { ok: false, error: 'MALFORMED' }
  const crcField = top[top.length - 1]
  if (crcField?.id !== ID.crc || !/^[0-9A-Fa-f]{4}$/.test(crcField.value)) return { ok: false, error: 'MALFORMED' }
  if (top.slice(0, -1).some((field) => field.id === ID.crc)) return { ok: false, error: 'MALFORMED' }
  const signed = payload.slice(0, payload.length - 4)
  if (crc16CcittFalseHex(signed) !== crcField.value.toUpperCase()) return { ok: false, error: 'CRC_MISMATCH' }

  const fields = toMap(top)
  if (!fields || fields.get(ID.payloadFormat) !== '01') return { ok: false, error: 'MALFORMED' }
  const initiation = fields.get(ID.pointOfInitiation)
  if (initiation !== '11' && initiation !== '12') return { ok: false, error: 'MALFORMED' }

  const merchantAccount = toMap(readFields(fields.get(ID.merchantAccount) ?? ''))
  if (!merchantAccount || merchantAccount.get(MERCHANT_ACCOUNT_ID.guid) !== NAPAS_GUID) {
    return { ok: false, error: 'NOT_VIETQR' }
  }
  const beneficiary = toMap(readFields(merchantAccount.get(MERCHANT_ACCOUNT_ID.beneficiary) ?? ''))
  const bankBin = beneficiary?.get(BENEFICIARY_ID.bin)
  const accountNumber = beneficiary?.get(BENEFICIARY_ID.account)
  const serviceCode = merchantAccount.get(MERCHANT_ACCOUNT_ID.serviceCode)
  const currency = fields.get(ID.currency)
  const country = fields.get(ID.country)
  if (!bankBin || !/^\d{6}$/.test(bankBin) || !accountNumber || !serviceCode || !currency || !country) {
    return { ok: false, error: 'MALFORMED' }
  }

  const amountText = fields.get(ID.amount)
  if (amountText !== undefined && !/^\d{1,13}$/.test(amountText)) return { ok: false, error: 'MALFORMED' }
  const additionalDataText = fields.get(ID.additionalData)
  const additionalData = additionalDataText === undefined ? new Map<string, string>() : toMap(readFields(additionalDataText))
  if (!additionalData) return { ok: false, error: 'MALFORMED' }

  const result: VietQrFields = {
    pointOfInitiation: initiation === '12' ? 'DYNAMIC' : 'STATIC',
    guid: NAPAS_GUID,
    bankBin,
    accountNumber,
    serviceCode,
    currency,
    country,
  }
  if (amountText !== undefined) result.amount = Number(amountText)
  const reference = additionalData.get(ADDITIONAL_DATA_ID.purpose)
  if (reference !== undefined) result.reference = reference
  return { ok: true, fields: result }
}

type Field = { id: string; value: string }

/** Splits a whole string into ID-length-value fields; null if any part is not well-formed. */
function readFields(text: string): Field[] | null {
  const fields: Field[] = []
  let at = 0
  while (at < text.length) {
    const header = text.slice(at, at + 4)
    if (!/^\d{4}$/.test(header)) return null
    const length = Number(header.slice(2))
    const value = text.slice(at + 4, at + 4 + length)
    if (value.length !== length) return null
    fields.push({ id: header.slice(0, 2), value })
    at += 4 + length
  }
  return fields
}

/** A field list as a map; null for a missing list or a repeated ID (ambiguous, so refused). */
function toMap(fields: Field[] | null): Map<string, string> | null {
  if (!fields) return null
  const map = new Map<string, string>()
  for (const field of fields) {
    if (map.has(field.id)) return null
    map.set(field.id, field.value)
  }
  return map
}
