import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  canonicalQuery,
  gatewaySignature,
  SIGNATURE_FIELD,
  SIGNATURE_TYPE_FIELD,
  signParams,
  verifySignedParams,
} from './gateway-signature'

const SECRET = 'SANDBOXSECRETKEY0123456789'

const payment = {
  vnp_Version: '2.1.0',
  vnp_Command: 'pay',
  vnp_TmnCode: 'MOTCUA01',
  vnp_Amount: '12500000',
  vnp_CurrCode: 'VND',
  vnp_TxnRef: 'MC16681261124000070170',
  vnp_OrderInfo: 'Lệ phí hồ sơ 16681-261124-0007',
  vnp_ReturnUrl: 'https://motcua.example/payments/return?x=1&y=2',
  vnp_CreateDate: '20241126103000',
}

const arbParams = fc.dictionary(fc.stringMatching(/^vnp_[A-Za-z]{1,12}$/), fc.string(), { minKeys: 1, maxKeys: 12 })

describe('canonicalQuery', () => {
  it('sorts by key and encodes values with encodeURIComponent, spaces as +', () => {
    expect(canonicalQuery({ b: 'x y', a: 'Lệ phí', c: 'a&b=c/d?e' })).toBe(
      'a=L%E1%BB%87+ph%C3%AD&b=x+y&c=a%26b%3Dc%2Fd%3Fe',
    )
  })

  it('does not depend on the order the parameters arrive in', () => {
    fc.assert(
      fc.property(arbParams, (params) => {
        const reversed = Object.fromEntries(Object.entries(params).reverse())
        expect(canonicalQuery(reversed)).toBe(canonicalQuery(params))
      }),
    )
  })

  it('sorts by code unit, not by locale: upper case before lower case', () => {
    expect(canonicalQuery({ vnp_b: '1', vnp_B: '2', vnp_a: '3' })).toBe('vnp_B=2&vnp_a=3&vnp_b=1')
  })

  it('leaves out the signature and its type', () => {
    expect(canonicalQuery({ a: '1', [SIGNATURE_FIELD]: 'abc', [SIGNATURE_TYPE_FIELD]: 'HmacSHA512' })).toBe('a=1')
  })
})

describe('signParams / verifySignedParams', () => {
  it('signs with HMAC-SHA512 of the canonical string, in lower-case hex', () => {
    const signed = signParams(payment, SECRET)
    const expected = createHmac('sha512', SECRET).update(canonicalQuery(payment)).digest('hex')
    expect(signed[SIGNATURE_FIELD]).toBe(expected)
    expect(signed[SIGNATURE_FIELD]).toMatch(/^[0-9a-f]{128}$/)
    expect(signed).toMatchObject(payment)
  })

  it('accepts what it signed, in any order, with the signature in either case', () => {
    const signed = signParams(payment, SECRET)
    expect(verifySignedParams(signed, SECRET)).toBe(true)
    expect(verifySignedParams(Object.fromEntries(Object.entries(signed).reverse()), SECRET)).toBe(true)
    expect(verifySignedParams({ ...signed, [SIGNATURE_FIELD]: signed[SIGNATURE_FIELD]!.toUpperCase() }, SECRET)).toBe(true)
    expect(verifySignedParams({ ...signed, [SIGNATURE_TYPE_FIELD]: 'HmacSHA512' }, SECRET)).toBe(true)
  })

  it('replaces a signature already present instead of signing it', () => {
    const signed = signParams({ ...payment, [SIGNATURE_FIELD]: 'stale' }, SECRET)
    expect(signed).toEqual(signParams(payment, SECRET))
  })

  it('refuses any changed value', () => {
    fc.assert(
      fc.property(arbParams, fc.nat(), fc.string(), (params, pick, replacement) => {
        const signed = signParams(params, SECRET)
        const keys = Object.keys(params)
        const key = keys[pick % keys.length]!
        fc.pre(params[key] !== replacement)
        expect(verifySignedParams({ ...signed, [key]: replacement }, SECRET)).toBe(false)
      }),
    )
  })

  it('refuses an added parameter, even an empty one', () => {
    const signed = signParams(payment, SECRET)
    expect(verifySignedParams({ ...signed, vnp_BankCode: 'NCB' }, SECRET)).toBe(false)
    expect(verifySignedParams({ ...signed, vnp_BankCode: '' }, SECRET)).toBe(false)
  })

  it('refuses a removed parameter', () => {
    const withoutAmount = signParams(payment, SECRET)
    delete withoutAmount.vnp_Amount
    expect(verifySignedParams(withoutAmount, SECRET)).toBe(false)
  })

  it('refuses a changed amount', () => {
    const signed = signParams(payment, SECRET)
    expect(verifySignedParams({ ...signed, vnp_Amount: '1250000' }, SECRET)).toBe(false)
  })

  it('refuses a signature made with another secret', () => {
    const signed = signParams(payment, 'ANOTHERSECRET')
    expect(verifySignedParams(signed, SECRET)).toBe(false)
  })

  it('refuses a missing, truncated or non-hex signature without throwing', () => {
    const signed = signParams(payment, SECRET)
    const signature = signed[SIGNATURE_FIELD]!
    for (const bad of [undefined, '', signature.slice(0, 64), signature + '00', 'z'.repeat(128)]) {
      const params: Record<string, string> = { ...signed }
      if (bad === undefined) delete params[SIGNATURE_FIELD]
      else params[SIGNATURE_FIELD] = bad
      expect(verifySignedParams(params, SECRET)).toBe(false)
    }
  })

  it('refuses a value that cannot be URL-encoded without throwing', () => {
    const signed = signParams(payment, SECRET)
    expect(verifySignedParams({ ...signed, vnp_OrderInfo: '\ud800' }, SECRET)).toBe(false)
  })

  it('refuses to sign with an empty secret', () => {
    expect(() => gatewaySignature(payment, '')).toThrow(RangeError)
  })
})
