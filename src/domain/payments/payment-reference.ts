import { z } from 'zod'

/**
 * The reference a citizen's bank transfer carries, so a statement line can be matched to one payment of one
 * dossier: "MC" + the dossier code's digits (commune 5, date 6, daily sequence widened to 5) + the payment's
 * sequence on the dossier (2 digits) + 2 check digits, 22 characters: dossier 16681-261124-0007,
 * payment 1 → "MC" 16681 261124 00007 01 70 = "MC16681261124000070170".
 *
 * Only upper-case letters and digits, no separators, and short enough for VietQR's transfer purpose
 * (≤ 25 characters), because banking apps and statements drop diacritics, punctuation and spaces.
 * The check digits follow ISO 7064 MOD 97-10 (as in IBAN): every single wrong digit and every swap of two
 * adjacent digits changes the remainder, so a reference retyped with a typo is refused, never matched to
 * someone else's payment.
 */
export const PAYMENT_REFERENCE_PREFIX = 'MC'
const BODY_DIGITS = 18
const CHECK_DIGITS = 2
export const PAYMENT_REFERENCE_LENGTH = PAYMENT_REFERENCE_PREFIX.length + BODY_DIGITS + CHECK_DIGITS

const DOSSIER_CODE = /^(\d{5})-(\d{6})-(\d{4,5})$/

export const ZPaymentReferenceInput = z.object({
  /** The dossier's human-readable code; daily sequences up to 99 999 fit the reference. */
  dossierCode: z.string().regex(DOSSIER_CODE, 'dossier code with a daily sequence of 4–5 digits'),
  /** 1 for the dossier's first payment (fee), 2 for the next (e.g. a charge at result), … */
  paymentSequence: z.number().int().min(1).max(99),
})

/** The last payment number a reference can carry (two digits). */
export const MAX_PAYMENT_SEQUENCE = 99
/** Online attempts (a QR, a visit to the gateway) stop here; the numbers above stay for money staff record. */
export const MAX_ONLINE_PAYMENT_SEQUENCE = 90

/** ONLINE: started by the applicant; RECORDED: cash at the desk, a transfer applied from a statement line. */
export type PaymentNumberKind = 'ONLINE' | 'RECORDED'

/** The number after `latest` (null: the dossier's first payment), or null when none is left for this kind. */
export function nextPaymentSequence(latest: number | null, kind: PaymentNumberKind): number | null {
  const next = (latest ?? 0) + 1
  return next <= (kind === 'ONLINE' ? MAX_ONLINE_PAYMENT_SEQUENCE : MAX_PAYMENT_SEQUENCE) ? next : null
}
export type PaymentReferenceInput = z.infer<typeof ZPaymentReferenceInput>

export function buildPaymentReference(input: PaymentReferenceInput): string {
  const { dossierCode, paymentSequence } = ZPaymentReferenceInput.parse(input)
  const [, commune, date, sequence] = DOSSIER_CODE.exec(dossierCode) ?? []
  const body = `${commune}${date}${sequence!.padStart(5, '0')}${String(paymentSequence).padStart(2, '0')}`
  return `${PAYMENT_REFERENCE_PREFIX}${body}${checkDigits(body)}`
}

/** ISO 7064 MOD 97-10 check digits of a string of digits: 98 − (body × 100 mod 97), two digits. */
function checkDigits(body: string): string {
  return String(98 - mod97(body + '00')).padStart(2, '0')
}

/** The remainder of a long decimal number by 97, digit by digit (the number exceeds 2^53). */
function mod97(digits: string): number {
  let remainder = 0
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97
  return remainder
}

export type PaymentReference = {
  reference: string
  dossierCode: string
  paymentSequence: number
}

/** Whether a 22-character candidate is a reference with valid check digits; its parts if so. */
export function decodePaymentReference(candidate: string): PaymentReference | null {
  const match = /^MC(\d{5})(\d{6})(\d{5})(\d{2})\d{2}$/.exec(candidate)
  if (!match || mod97(candidate.slice(PAYMENT_REFERENCE_PREFIX.length)) !== 1) return null
  const [, commune, date, sequence, paymentSequence] = match as unknown as [string, string, string, string, string]
  const paymentNumber = Number(paymentSequence)
  if (paymentNumber < 1) return null
  // The dossier code's sequence is zero-padded to at least 4 digits.
  const dossierSequence = String(Number(sequence)).padStart(4, '0')
  return { reference: candidate, dossierCode: `${commune}-${date}-${dossierSequence}`, paymentSequence: paymentNumber }
}

export type PaymentReferenceSearch =
  | { status: 'FOUND'; payment: PaymentReference }
  /** Two different valid references in one description: a human decides which payment it is. */
  | { status: 'AMBIGUOUS'; payments: PaymentReference[] }
  /** Something shaped like a reference, but its check digits are wrong: most likely a typo by the payer. */
  | { status: 'INVALID_CHECK'; candidates: string[] }
  | { status: 'NOT_FOUND' }

/**
 * Finds the payment reference in a bank statement's free-text description. Banks prefix and suffix their
 * own text ("MBVCB.1234.MC16681….CT tu 0123…"), upper- or lower-case it, and some drop spaces, so that
 * the reference may be glued to digits around it, or insert spaces or dots inside it. The description is
 * searched as written and then with separators removed; every "MC" followed by 20 digits is tried, and
 * the check digits decide.
 */
export function parsePaymentReference(text: string): PaymentReferenceSearch {
  const upper = text.toUpperCase()
  const found = new Map<string, PaymentReference>()
  const invalid = new Set<string>()
  for (const haystack of [upper, upper.replace(/[\s.,:;_\-/\\|]+/g, '')]) {
    for (const candidate of candidatesIn(haystack)) {
      const payment = decodePaymentReference(candidate)
      if (payment) found.set(payment.reference, payment)
      else invalid.add(candidate)
    }
    if (found.size > 0) break
  }
  const payments = [...found.values()]
  if (payments.length === 1) return { status: 'FOUND', payment: payments[0]! }
  if (payments.length > 1) return { status: 'AMBIGUOUS', payments }
  if (invalid.size > 0) return { status: 'INVALID_CHECK', candidates: [...invalid] }
  return { status: 'NOT_FOUND' }
}

/** Every "MC" followed by at least 20 digits, cut to the reference's length (digits may follow it). */
function candidatesIn(text: string): string[] {
  const candidates: string[] = []
  for (const match of text.matchAll(/MC(?=(\d{20}))/g)) candidates.push(`MC${match[1]}`)
  return candidates
}
