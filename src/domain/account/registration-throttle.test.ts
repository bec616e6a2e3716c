import { describe, expect, it } from 'vitest'
import { isRegistrationBlocked, MAX_TAKEN_REFUSALS_PER_IP, REGISTRATION_WINDOW_MINUTES, registrationWindowStart } from './registration-throttle'

describe('registration throttle', () => {
  it('lets twenty refusals through (as sign-in from one address) and blocks from then on', () => {
    expect(MAX_TAKEN_REFUSALS_PER_IP).toBe(20)
    expect([0, 1, 19, 20, 21, 100].map(isRegistrationBlocked)).toEqual([false, false, false, true, true, true])
  })

  it('counts over the last 15 minutes, as the form says', () => {
    expect(REGISTRATION_WINDOW_MINUTES).toBe(15)
    expect(registrationWindowStart(new Date('2026-11-25T10:00:00Z')).toISOString()).toBe('2026-11-25T09:45:00.000Z')
  })
})
