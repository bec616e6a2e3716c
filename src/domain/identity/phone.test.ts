import { describe, expect, it } from 'vitest'
import { normalizeVietnamesePhone } from './phone'

describe('normalizeVietnamesePhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['091.234.5678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['84 912 345 678', '0912345678'],
    ['0387654321', '0387654321'],
    ['0567654321', '0567654321'],
    ['0767654321', '0767654321'],
    ['0867654321', '0867654321'],
  ])('accepts %s as %s', (raw, expected) => {
    expect(normalizeVietnamesePhone(raw)).toBe(expected)
  })

  it.each(['', '091234567', '09123456789', '0212345678', '0412345678', '0612345678', '1912345678', 'abc', '+1 912345678'])(
    'rejects %s',
    (raw) => {
      expect(normalizeVietnamesePhone(raw)).toBeNull()
    },
  )
})
