import { describe, expect, it } from 'vitest'
import { onlinePaymentDue, outstandingVnd, paymentDueReason, remindsOutstandingFee } from './payment-due'

describe('onlinePaymentDue', () => {
  const base = { feeMoment: 'BEFORE_PROCESSING' as const, feeVnd: 50_000, paidVnd: 0 }

  it('asks for a fee before processing from submission until the result is returned', () => {
    for (const state of ['SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN', 'RETURNED']) expect(onlinePaymentDue({ ...base, state })).toBe(50_000)
  })
  it('asks for a fee at result only once the result is ready', () => {
    expect(onlinePaymentDue({ ...base, feeMoment: 'AT_RESULT', state: 'PROCESSING' })).toBe(0)
    expect(onlinePaymentDue({ ...base, feeMoment: 'AT_RESULT', state: 'READY_TO_RETURN' })).toBe(50_000)
    expect(paymentDueReason({ ...base, feeMoment: 'AT_RESULT', state: 'PROCESSING' })).toBe('AT_RESULT')
  })
  it('asks nothing after a refusal or withdrawal', () => {
    expect(onlinePaymentDue({ ...base, state: 'REFUSED' })).toBe(0)
    expect(paymentDueReason({ ...base, state: 'WITHDRAWN' })).toBe('CLOSED')
  })
  it('asks only what is still owed, never a negative amount', () => {
    expect(onlinePaymentDue({ ...base, paidVnd: 20_000, state: 'PROCESSING' })).toBe(30_000)
    expect(outstandingVnd({ feeVnd: 10_000, paidVnd: 20_000 })).toBe(0)
    expect(paymentDueReason({ ...base, paidVnd: 50_000, state: 'PROCESSING' })).toBe('NOTHING_OWED')
    expect(paymentDueReason({ ...base, state: 'PROCESSING' })).toBe('PAYABLE')
  })
})

describe('state lists', () => {
  it('are the ones the citizen next-step rule and its list filter use', async () => {
    const { PAYABLE_STATES, RESULT_READY_STATES } = await import('../dossier/citizen-next-step')
    const { PAYMENT_DUE_STATES } = await import('./payment-due')
    expect([...PAYMENT_DUE_STATES.OPEN_OR_RETURNED]).toEqual([...PAYABLE_STATES])
    expect([...PAYMENT_DUE_STATES.RESULT_READY]).toEqual([...RESULT_READY_STATES])
  })
})

describe('remindsOutstandingFee', () => {
  it('reminds only an action handing over the result while something is owed', () => {
    expect(remindsOutstandingFee('RETURNED', 8_000)).toBe(true)
    expect(remindsOutstandingFee('RETURNED', 0)).toBe(false)
    expect(remindsOutstandingFee('READY_TO_RETURN', 8_000)).toBe(false)
  })
})
