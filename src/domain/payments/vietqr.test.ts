import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { buildVietQrPayload, crc16CcittFalse, parseVietQr, type VietQrTransfer } from './vietqr'

const transfer: VietQrTransfer = {
  bankBin: '970436',
  accountNumber: '0123456789',
  amount: 125_000,
  reference: 'PAYABCDEFGH',
}

/** From the subiz/vietqr README: 120 000 ₫ to VietinBank (970415) account 0011001932418. */
const SUBIZ_EXAMPLE =
  '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C'
/** From a public VietQR generator's test: the same transfer as `transfer` above, built independently. */
const VIETCOMBANK_EXAMPLE =
  '00020101021238540010A00000072701240006970436011001234567890208QRIBFTTA530370454061250005802VN62150811PAYABCDEFGH63046729'

describe('crc16CcittFalse', () => {
  it('matches the standard check value of CRC-16/CCITT-FALSE', () => {
    expect(crc16CcittFalse('123456789')).toBe(0x29b1)
  })

  it('reproduces the CRC of published VietQR payloads', () => {
    for (const example of [SUBIZ_EXAMPLE, VIETCOMBANK_EXAMPLE]) {
      const crc = crc16CcittFalse(example.slice(0, -4)).toString(16).toUpperCase().padStart(4, '0')
      expect(crc).toBe(example.slice(-4))
    }
  })
})

describe('buildVietQrPayload', () => {
  it('produces exactly the payload of an independent implementation for the same transfer', () => {
    expect(buildVietQrPayload(transfer)).toBe(VIETCOMBANK_EXAMPLE)
  })

  it('writes a dynamic NAPAS transfer-to-account QR in VND for Vietnam, ending with an upper-case CRC', () => {
    const payload = buildVietQrPayload({ ...transfer, accountNumber: '19036781234015', amount: 1_500_000 })
    expect(payload.startsWith('000201' + '010212')).toBe(true)
    expect(payload).toContain('0010A000000727')
    expect(payload).toContain('0208QRIBFTTA')
    expect(payload).toContain('5303704')
    expect(payload).toContain('54071500000')
    expect(payload).toContain('5802VN')
    expect(payload).toMatch(/6304[0-9A-F]{4}$/)
  })

  it('writes every length as two digits, zero-padded', () => {
    const payload = buildVietQrPayload({ ...transfer, accountNumber: '7', amount: 5, reference: 'A' })
    // Beneficiary: "0006" + BIN, then "0101" + account, 15 characters in all.
    expect(payload).toContain('0115' + '0006970436' + '0101' + '7')
    expect(payload).toContain('54015')
    expect(payload).toContain('62050801A')
  })

  it('refuses Vietnamese text, lower case and punctuation in the reference', () => {
    for (const reference of ['Lệ phí hộ tịch', 'le phi', 'MC-123', 'MC#1', '', 'A'.repeat(26)]) {
      expect(() => buildVietQrPayload({ ...transfer, reference })).toThrow(ZodError)
    }
  })

  it('refuses a BIN that is not 6 digits, an account that is not 1–19 letters or digits, an amount that is not a positive integer of at most 13 digits', () => {
    const invalid: Partial<VietQrTransfer>[] = [
      { bankBin: '97043' },
      { bankBin: '9704361' },
      { bankBin: '97O436' },
      { accountNumber: '' },
      { accountNumber: '1'.repeat(20) },
      { accountNumber: '0123-456' },
      { amount: 0 },
      { amount: -1000 },
      { amount: 10.5 },
      { amount: 10_000_000_000_000 },
    ]
    for (const change of invalid) expect(() => buildVietQrPayload({ ...transfer, ...change })).toThrow(ZodError)
    expect(() => buildVietQrPayload({ ...transfer, amount: 9_999_999_999_999 })).not.toThrow()
  })
})

describe('parseVietQr', () => {
  it('reads back what was built', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{6}$/),
        fc.stringMatching(/^[A-Za-z0-9]{1,19}$/),
        fc.integer({ min: 1, max: 9_999_999_999_999 }),
        fc.stringMatching(/^[A-Z0-9 ]{1,25}$/),
        (bankBin, accountNumber, amount, reference) => {
          const parsed = parseVietQr(buildVietQrPayload({ bankBin, accountNumber, amount, reference }))
          expect(parsed).toEqual({
            ok: true,
            fields: {
              pointOfInitiation: 'DYNAMIC',
              guid: 'A000000727',
              bankBin,
              accountNumber,
              serviceCode: 'QRIBFTTA',
              currency: '704',
              amount,
              country: 'VN',
              reference,
            },
          })
        },
      ),
    )
  })

  it('reads a payload produced by another generator', () => {
    expect(parseVietQr(SUBIZ_EXAMPLE)).toEqual({
      ok: true,
      fields: {
        pointOfInitiation: 'DYNAMIC',
        guid: 'A000000727',
        bankBin: '970415',
        accountNumber: '0011001932418',
        serviceCode: 'QRIBFTTA',
        currency: '704',
        amount: 120_000,
        country: 'VN',
        reference: 'ung ho lu lut',
      },
    })
  })

  it('reads a static QR, which has no amount', () => {
    const body = '00020101021138540010A00000072701240006970436011001234567890208QRIBFTTA53037045802VN6304'
    const payload = body + crc16CcittFalse(body).toString(16).toUpperCase().padStart(4, '0')
    const parsed = parseVietQr(payload)
    expect(parsed.ok && parsed.fields).toMatchObject({ pointOfInitiation: 'STATIC', bankBin: '970436' })
    expect(parsed.ok && parsed.fields.amount).toBeUndefined()
  })

  it('refuses a payload whose amount, account or reference was altered', () => {
    const payload = buildVietQrPayload(transfer)
    const tampered = [
      payload.replace('5406125000', '5406925000'),
      payload.replace('0123456789', '0123456788'),
      payload.replace('PAYABCDEFGH', 'PAYABCDEFGX'),
      payload.slice(0, -1) + (payload.endsWith('0') ? '1' : '0'),
    ]
    for (const altered of tampered) {
      expect(altered).not.toBe(payload)
      expect(parseVietQr(altered)).toEqual({ ok: false, error: 'CRC_MISMATCH' })
    }
  })

  it('detects any single changed character', () => {
    const payload = buildVietQrPayload(transfer)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: payload.length - 1 }), fc.constantFrom(...'0123456789ABCXYZ'), (at, char) => {
        fc.pre(payload[at] !== char)
        const altered = payload.slice(0, at) + char + payload.slice(at + 1)
        expect(parseVietQr(altered).ok).toBe(false)
      }),
    )
  })

  it('refuses truncated or malformed payloads', () => {
    const payload = buildVietQrPayload(transfer)
    expect(parseVietQr('')).toEqual({ ok: false, error: 'MALFORMED' })
    expect(parseVietQr(payload.slice(0, -8))).toEqual({ ok: false, error: 'MALFORMED' })
    expect(parseVietQr(payload.slice(0, -2))).toEqual({ ok: false, error: 'MALFORMED' })
    expect(parseVietQr('hello world')).toEqual({ ok: false, error: 'MALFORMED' })
  })

  it('says when a valid EMVCo payload is not a NAPAS transfer', () => {
    const otherNetwork = '0010A000000775' + '01100676543219'
    const body = '000201010211' + '3828' + otherNetwork + '53037045802VN6304'
    const payload = body + crc16CcittFalse(body).toString(16).toUpperCase().padStart(4, '0')
    expect(parseVietQr(payload)).toEqual({ ok: false, error: 'NOT_VIETQR' })
  })
})
