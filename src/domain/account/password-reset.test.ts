import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatResetCode,
  isResetCodeUsable,
  isResetRequestBlocked,
  MAX_RESET_REQUESTS_PER_IDENTIFIER,
  MAX_RESET_REQUESTS_PER_IP,
  normalizeResetCode,
  renderPasswordResetMessage,
  RESET_CODE_MAX_ATTEMPTS,
  resetCodeExpiry,
  resetRequestWindowStart,
} from './password-reset'

const now = new Date('2026-11-24T03:00:00Z')

describe('password reset rules', () => {
  it('allows three requests per account and ten per address in 15 minutes', () => {
    expect(isResetRequestBlocked({ identifier: MAX_RESET_REQUESTS_PER_IDENTIFIER - 1, ip: 0 })).toBe(false)
    expect(isResetRequestBlocked({ identifier: MAX_RESET_REQUESTS_PER_IDENTIFIER, ip: 0 })).toBe(true)
    expect(isResetRequestBlocked({ identifier: 0, ip: MAX_RESET_REQUESTS_PER_IP - 1 })).toBe(false)
    expect(isResetRequestBlocked({ identifier: 0, ip: MAX_RESET_REQUESTS_PER_IP })).toBe(true)
    expect(resetRequestWindowStart(now).toISOString()).toBe('2026-11-24T02:45:00.000Z')
  })

  it('a code lives 15 minutes, once, for five tries', () => {
    const fresh = { expiresAt: resetCodeExpiry(now), consumedAt: null, attempts: 0 }
    expect(fresh.expiresAt.toISOString()).toBe('2026-11-24T03:15:00.000Z')
    expect(isResetCodeUsable(fresh, now)).toBe(true)
    expect(isResetCodeUsable(fresh, fresh.expiresAt)).toBe(false)
    expect(isResetCodeUsable({ ...fresh, consumedAt: now }, now)).toBe(false)
    expect(isResetCodeUsable({ ...fresh, attempts: RESET_CODE_MAX_ATTEMPTS - 1 }, now)).toBe(true)
    expect(isResetCodeUsable({ ...fresh, attempts: RESET_CODE_MAX_ATTEMPTS }, now)).toBe(false)
  })

  it('reads a code typed with spaces, and nothing else', () => {
    expect(normalizeResetCode(' 012 345 ')).toBe('012345')
    for (const raw of ['', '12345', '1234567', '12a456']) expect(normalizeResetCode(raw)).toBeNull()
  })

  it('property: every random value formats to six digits that read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (value) => {
        const code = formatResetCode(value)
        expect(code).toMatch(/^\d{6}$/)
        expect(Number(code)).toBe(value)
        expect(normalizeResetCode(code)).toBe(code)
      }),
    )
    expect(() => formatResetCode(1_000_000)).toThrow(RangeError)
  })

  it('renders the message the person receives', () => {
    expect(renderPasswordResetMessage({ code: '123456', expiresInMinutes: 15 })).toBe(
      'Mã khôi phục mật khẩu MotCua của bạn là 123456, hiệu lực 15 phút. Không cung cấp mã này cho bất kỳ ai.',
    )
  })
})
