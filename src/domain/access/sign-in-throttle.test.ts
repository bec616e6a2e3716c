import { describe, expect, it } from 'vitest'
import { isSignInBlocked, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, windowStart } from './sign-in-throttle'

describe('sign-in throttle', () => {
  it('allows up to five failures per account, and blocks the sixth attempt', () => {
    expect(isSignInBlocked({ account: MAX_FAILURES_PER_ACCOUNT - 1, ip: 0 })).toBe(false)
    expect(isSignInBlocked({ account: MAX_FAILURES_PER_ACCOUNT, ip: 0 })).toBe(true)
  })
  it('blocks an address that failed on many accounts', () => {
    expect(isSignInBlocked({ account: 0, ip: MAX_FAILURES_PER_IP - 1 })).toBe(false)
    expect(isSignInBlocked({ account: 0, ip: MAX_FAILURES_PER_IP })).toBe(true)
  })
  it('counts over the last 15 minutes', () => {
    expect(windowStart(new Date('2026-11-24T10:15:00Z')).toISOString()).toBe('2026-11-24T10:00:00.000Z')
  })
})
