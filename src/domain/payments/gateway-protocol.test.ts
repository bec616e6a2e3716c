import { describe, expect, it } from 'vitest'
import { signParams } from './gateway-signature'
import { asciiText, gatewayResultParams, gatewayTime, parseGatewayTime, paymentRequestParams, readGatewayResult, readPaymentRequest } from './gateway-protocol'

const SECRET = 'test-secret-of-the-merchant'
const order = {
  merchantCode: 'MOTCUA01',
  reference: 'MC16681261124000070170',
  amountVnd: 50_000,
  orderInfo: 'Lệ phí hồ sơ 16681-261124-0007 — Đăng ký',
  returnUrl: 'http://127.0.0.1:3000/ho-so-cua-toi/16681-261124-0007/thanh-toan/ket-qua',
  clientIp: '127.0.0.1',
  createdAt: new Date('2026-11-24T03:00:00Z'),
  expiresAt: new Date('2026-11-24T03:15:00Z'),
  locale: 'vn' as const,
}

describe('gateway times', () => {
  it('writes and reads Vietnam time (GMT+7)', () => {
    expect(gatewayTime(new Date('2026-11-24T17:30:05Z'))).toBe('20261125003005')
    expect(parseGatewayTime('20261125003005')?.toISOString()).toBe('2026-11-24T17:30:05.000Z')
  })
  it('refuses impossible times', () => {
    expect(parseGatewayTime('20260231101010')).toBeNull()
    expect(parseGatewayTime('2026022310101')).toBeNull()
    expect(parseGatewayTime('20260223250000')).toBeNull()
  })
})

describe('paymentRequestParams', () => {
  it('sends the amount in hundredths, ASCII order info and a signature over everything', () => {
    const params = paymentRequestParams(order, SECRET)
    expect(params.vnp_Amount).toBe('5000000')
    expect(params.vnp_OrderInfo).toBe('Le phi ho so 16681-261124-0007 Dang ky')
    expect(params.vnp_CreateDate).toBe('20261124100000')
    expect(params.vnp_ExpireDate).toBe('20261124101500')
    expect(params.vnp_SecureHash).toMatch(/^[0-9a-f]{128}$/)
  })
  it('strips diacritics including đ', () => {
    expect(asciiText('Đăng ký  đất\nđai')).toBe('Dang ky dat dai')
  })
})

describe('readGatewayResult', () => {
  const request = paymentRequestParams(order, SECRET)
  const approved = gatewayResultParams(request, { decision: 'APPROVE', transactionNo: '14123456', bankCode: 'NCB', at: new Date('2026-11-24T03:05:00Z') }, SECRET)

  it('reads an approved payment', () => {
    expect(readGatewayResult(approved, SECRET)).toEqual({
      ok: true,
      result: {
        merchantCode: 'MOTCUA01',
        reference: order.reference,
        amountVnd: 50_000,
        success: true,
        responseCode: '00',
        transactionNo: '14123456',
        bankCode: 'NCB',
        paidAt: new Date('2026-11-24T03:05:00Z'),
      },
    })
  })

  it('reads a declined payment as no success', () => {
    const declined = gatewayResultParams(request, { decision: 'DECLINE', transactionNo: '0', bankCode: 'NCB', at: new Date() }, SECRET)
    const read = readGatewayResult(declined, SECRET)
    expect(read.ok && read.result.success).toBe(false)
    expect(read.ok && read.result.responseCode).toBe('24')
  })

  it('believes nothing with a tampered amount or a wrong secret', () => {
    expect(readGatewayResult({ ...approved, vnp_Amount: '100' }, SECRET)).toEqual({ ok: false, reason: 'INVALID_SIGNATURE' })
    expect(readGatewayResult(approved, 'another-secret')).toEqual({ ok: false, reason: 'INVALID_SIGNATURE' })
    const unsigned = Object.fromEntries(Object.entries(approved).filter(([key]) => key !== 'vnp_SecureHash'))
    expect(readGatewayResult(unsigned, SECRET)).toEqual({ ok: false, reason: 'INVALID_SIGNATURE' })
  })

  it('says a signed but incomplete result is malformed', () => {
    expect(readGatewayResult(signParams({ vnp_TxnRef: 'x' }, SECRET), SECRET)).toEqual({ ok: false, reason: 'MALFORMED' })
  })

  it('keeps no amount that is not a whole number of dong', () => {
    const odd = signParams({ ...approved, vnp_Amount: '5000050' }, SECRET)
    const read = readGatewayResult(odd, SECRET)
    expect(read.ok && read.result.amountVnd).toBeNull()
  })
})

describe('readPaymentRequest (the gateway side)', () => {
  it('reads a signed order', () => {
    const read = readPaymentRequest(paymentRequestParams(order, SECRET), SECRET)
    expect(read).toEqual({ ok: true, request: { merchantCode: 'MOTCUA01', reference: order.reference, amountVnd: 50_000, orderInfo: 'Le phi ho so 16681-261124-0007 Dang ky', returnUrl: order.returnUrl, expiresAt: order.expiresAt } })
  })
  it('refuses an order whose amount was changed on the way', () => {
    expect(readPaymentRequest({ ...paymentRequestParams(order, SECRET), vnp_Amount: '100' }, SECRET)).toEqual({ ok: false, reason: 'INVALID_SIGNATURE' })
  })
})
