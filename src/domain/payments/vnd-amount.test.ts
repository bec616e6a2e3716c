import { describe, expect, it } from 'vitest'
import { ZVndAmount } from './vnd-amount'

describe('ZVndAmount', () => {
  it('takes numbers and strings of digits', () => {
    expect(ZVndAmount.parse(5000)).toBe(5000)
    expect(ZVndAmount.parse(' 5000 ')).toBe(5000)
  })
  it('refuses grouped, decimal, empty and fractional amounts instead of guessing, saying why', () => {
    expect(ZVndAmount.safeParse('5.000').error?.issues[0]?.message).toBe('INVALID')
    expect(ZVndAmount.safeParse('').error?.issues[0]?.message).toBe('REQUIRED')
    expect(ZVndAmount.safeParse(12.5).error?.issues[0]?.message).toBe('NOT_AN_INTEGER')
    for (const bad of ['5.000', '5,000', '', '1e3', '-5', 12.5, undefined, null]) expect(ZVndAmount.safeParse(bad).success).toBe(false)
  })
})
