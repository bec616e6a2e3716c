/** The payment of a fee-bearing demo dossier: online by QR transfer or gateway, or cash at the desk. */
import type { DossierRow, PaymentRow, State } from './demo-history-types'
import type { Random } from './prng'
import { uuidv7 } from './uuid'

const MINUTE = 60_000

export function demoPayment(input: {
  random: Random
  dossierId: string
  communeId: string
  amount: number
  channel: DossierRow['channel']
  submittedAt: Date
  receivedAt: Date | null
  state: State
  now: Date
}): PaymentRow | null {
  const { random, dossierId, amount, now } = input
  const reference = `MC${dossierId.replaceAll('-', '').slice(-14).toUpperCase()}`
  const base = { id: '', dossierId, communeId: input.communeId, amountVnd: amount, reference, idempotencyKey: `seed:${dossierId}`, refundedVnd: 0 }
  if (input.channel === 'ONLINE') {
    const createdAt = new Date(input.submittedAt.getTime() + random.int(1, 10) * MINUTE)
    if (createdAt.getTime() > now.getTime()) return null
    const method = random.chance(0.7) ? 'VIETQR' : 'GATEWAY'
    const id = uuidv7(createdAt.getTime(), random)
    if (input.state === 'SUBMITTED' && random.chance(0.3)) {
      const expiresAt = new Date(createdAt.getTime() + 24 * 60 * MINUTE)
      const expired = expiresAt.getTime() <= now.getTime()
      return { ...base, id, method, status: expired ? 'EXPIRED' : 'PENDING', providerRef: null, receiptNo: null, paidAt: null, expiresAt, createdAt, updatedAt: expired ? expiresAt : createdAt }
    }
    const paidAt = new Date(createdAt.getTime() + random.int(1, 5) * MINUTE)
    if (paidAt.getTime() > now.getTime()) return null
    const providerRef = `FT${String(random.int(10_000_000, 99_999_999))}${String(random.int(1000, 9999))}`
    const receiptNo = `BL-${reference}`
    if (input.state === 'REFUSED' && input.receivedAt === null) {
      // Refused at reception after paying online: the fee is refunded.
      return { ...base, id, method, status: 'REFUNDED', refundedVnd: amount, providerRef, receiptNo, paidAt, expiresAt: null, createdAt, updatedAt: paidAt }
    }
    return { ...base, id, method, status: 'PAID', providerRef, receiptNo, paidAt, expiresAt: null, createdAt, updatedAt: paidAt }
  }
  if (!input.receivedAt) return null
  const paidAt = new Date(input.receivedAt.getTime() + random.int(1, 3) * MINUTE)
  if (paidAt.getTime() > now.getTime()) return null
  return { ...base, id: uuidv7(paidAt.getTime(), random), method: 'CASH', status: 'PAID', providerRef: null, receiptNo: `BL-${reference}`, paidAt, expiresAt: null, createdAt: paidAt, updatedAt: paidAt }
}

/** Codes `<commune code>-<yyMMdd>-<4-digit sequence>`, numbered per commune and local day in submission order. */
