import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import {
  buildPaymentReference,
  decodePaymentReference,
  MAX_ONLINE_PAYMENT_SEQUENCE,
  MAX_PAYMENT_SEQUENCE,
  nextPaymentSequence,
  parsePaymentReference,
  PAYMENT_REFERENCE_LENGTH,
  type PaymentReferenceInput,
} from './payment-reference'
import { ZVietQrTransfer } from './vietqr'

const arbDossierCode = fc
  .tuple(
    fc.stringMatching(/^\d{5}$/),
    fc.stringMatching(/^\d{6}$/),
    fc.integer({ min: 0, max: 99_999 }).map((sequence) => String(sequence).padStart(4, '0')),
  )
  .map(([commune, date, sequence]) => `${commune}-${date}-${sequence}`)
const arbInput: fc.Arbitrary<PaymentReferenceInput> = fc.record({
  dossierCode: arbDossierCode,
  paymentSequence: fc.integer({ min: 1, max: 99 }),
})

describe('buildPaymentReference', () => {
  it('is MC, the dossier code digits, the payment sequence and two check digits', () => {
    const reference = buildPaymentReference({ dossierCode: '16681-261124-0007', paymentSequence: 1 })
    expect(reference).toBe('MC' + '16681' + '261124' + '00007' + '01' + '70')
    expect(reference).toHaveLength(PAYMENT_REFERENCE_LENGTH)
  })

  it('always fits a VietQR transfer purpose', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const reference = buildPaymentReference(input)
        expect(ZVietQrTransfer.shape.reference.safeParse(reference).success).toBe(true)
      }),
    )
  })

  it('refuses codes it cannot carry and payment sequences outside 1–99', () => {
    const invalid: PaymentReferenceInput[] = [
      { dossierCode: '16681-261124-123456', paymentSequence: 1 },
      { dossierCode: '1668-261124-0001', paymentSequence: 1 },
      { dossierCode: 'not a code', paymentSequence: 1 },
      { dossierCode: '16681-261124-0001', paymentSequence: 0 },
      { dossierCode: '16681-261124-0001', paymentSequence: 100 },
      { dossierCode: '16681-261124-0001', paymentSequence: 1.5 },
    ]
    for (const input of invalid) expect(() => buildPaymentReference(input)).toThrow(ZodError)
  })
})

describe('decodePaymentReference', () => {
  it('round-trips the dossier code and payment sequence', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const reference = buildPaymentReference(input)
        expect(decodePaymentReference(reference)).toEqual({ reference, ...input })
      }),
    )
  })

  it('detects any single changed digit', () => {
    fc.assert(
      fc.property(arbInput, fc.nat(), fc.integer({ min: 1, max: 9 }), (input, position, shift) => {
        const reference = buildPaymentReference(input)
        const at = 2 + (position % (reference.length - 2))
        const changed = String((Number(reference[at]) + shift) % 10)
        const typo = reference.slice(0, at) + changed + reference.slice(at + 1)
        expect(decodePaymentReference(typo)).toBeNull()
      }),
    )
  })

  it('detects two adjacent digits swapped', () => {
    fc.assert(
      fc.property(arbInput, fc.nat(), (input, position) => {
        const reference = buildPaymentReference(input)
        const at = 2 + (position % (reference.length - 3))
        fc.pre(reference[at] !== reference[at + 1])
        const swapped = reference.slice(0, at) + reference[at + 1] + reference[at] + reference.slice(at + 2)
        expect(decodePaymentReference(swapped)).toBeNull()
      }),
    )
  })
})

describe('parsePaymentReference', () => {
  const input = { dossierCode: '16681-261124-0007', paymentSequence: 2 }
  const reference = buildPaymentReference(input)
  const found = { status: 'FOUND', payment: { reference, ...input } }

  it('finds the reference inside what banks write around it', () => {
    const descriptions = [
      reference,
      `MBVCB.5823146120.${reference}.CT tu 0123456789 NGUYEN VAN AN toi 1234567 UBND XA`,
      `${reference.toLowerCase()} le phi ho tich`,
      `IBFT ${reference} 120000`,
      `TRICH TK 0011001932418${reference}1500000VND`,
      `CHUYEN TIEN-${reference}-FT24331`,
      `ND: ${reference.slice(0, 9)} ${reference.slice(9, 15)} ${reference.slice(15)} Le phi`,
      `REF ${reference.slice(0, 12)}.${reference.slice(12)}`,
    ]
    for (const description of descriptions) expect(parsePaymentReference(description)).toEqual(found)
  })

  it('finds any built reference in any surrounding text', () => {
    fc.assert(
      fc.property(arbInput, fc.string(), fc.string(), (payment, before, after) => {
        const built = buildPaymentReference(payment)
        expect(parsePaymentReference(`${before} ${built} ${after}`)).toEqual({
          status: 'FOUND',
          payment: { reference: built, ...payment },
        })
      }),
    )
  })

  it('reports a reference with a typo instead of matching it', () => {
    const typo = reference.slice(0, 10) + ((Number(reference[10]) + 1) % 10) + reference.slice(11)
    expect(parsePaymentReference(`CK ${typo} le phi`)).toEqual({ status: 'INVALID_CHECK', candidates: [typo] })
  })

  it('reports two different references as ambiguous', () => {
    const other = buildPaymentReference({ dossierCode: '16681-261124-0008', paymentSequence: 1 })
    const result = parsePaymentReference(`${reference} ${other}`)
    expect(result.status).toBe('AMBIGUOUS')
  })

  it('treats the same reference written twice as one', () => {
    expect(parsePaymentReference(`${reference} ${reference}`)).toEqual(found)
  })

  it('finds nothing in a description without a reference', () => {
    for (const description of ['', 'CHUYEN TIEN LE PHI', 'MC123', 'MC 1668', `MC${'1'.repeat(19)}`]) {
      expect(parsePaymentReference(description)).toEqual({ status: 'NOT_FOUND' })
    }
  })
})

describe('nextPaymentSequence', () => {
  it('numbers payments from 1; online attempts stop at 90, recorded money at 99', () => {
    expect(nextPaymentSequence(null, 'ONLINE')).toBe(1)
    expect(nextPaymentSequence(89, 'ONLINE')).toBe(MAX_ONLINE_PAYMENT_SEQUENCE)
    expect(nextPaymentSequence(90, 'ONLINE')).toBeNull()
    expect(nextPaymentSequence(90, 'RECORDED')).toBe(91)
    expect(nextPaymentSequence(98, 'RECORDED')).toBe(MAX_PAYMENT_SEQUENCE)
    expect(nextPaymentSequence(99, 'RECORDED')).toBeNull()
  })

  it('never gives a number a reference cannot carry', () => {
    for (let latest = 0; latest <= 120; latest++) {
      for (const kind of ['ONLINE', 'RECORDED'] as const) {
        const next = nextPaymentSequence(latest, kind)
        if (next !== null) expect(() => buildPaymentReference({ dossierCode: '16681-261124-0007', paymentSequence: next })).not.toThrow()
      }
    }
  })
})
