import { describe, expect, it } from 'vitest'
import { classifySignInIdentifier, throttleKey } from './sign-in-identifier'

describe('classifySignInIdentifier', () => {
  it('reads 12 digits as a citizen ID number', () => {
    expect(classifySignInIdentifier(' 040085003917 ')).toEqual({ kind: 'citizenId', value: '040085003917' })
  })
  it('reads a Vietnamese mobile number in any common writing as a phone', () => {
    expect(classifySignInIdentifier('+84 912 048 731')).toEqual({ kind: 'phone', value: '0912048731' })
  })
  it('reads anything else as a staff username, case-insensitively', () => {
    expect(classifySignInIdentifier('CanBo.ThanhVinh')).toEqual({ kind: 'username', value: 'canbo.thanhvinh' })
  })
  it('gives one throttle key per account whatever the writing', () => {
    expect(throttleKey(classifySignInIdentifier('0912 048 731'))).toBe(throttleKey(classifySignInIdentifier('+84912048731')))
  })
})
