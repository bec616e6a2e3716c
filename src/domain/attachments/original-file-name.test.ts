import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FALLBACK_BASE_NAME } from './download-name'
import { ATTACHMENT_LIMITS } from './limits'
import { originalFileName } from './original-file-name'

describe('originalFileName', () => {
  it('keeps the uploader’s name, composed and trimmed', () => {
    expect(originalFileName('  Giấy khai sinh.pdf ')).toBe('Giấy khai sinh.pdf')
    expect(originalFileName('Giấy khai sinh.pdf'.normalize('NFD'))).toBe('Giấy khai sinh.pdf')
    expect(originalFileName('C:\\fakepath\\Tờ khai.pdf')).toBe('Tờ khai.pdf')
    expect(originalFileName('a\u0000b\r\n.pdf')).toBe('a b .pdf')
    expect(originalFileName('\u0000 ')).toBe(FALLBACK_BASE_NAME)
  })

  it('is never empty, never longer than the limit, never holds a control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 260 }), (name) => {
        const stored = originalFileName(name)
        expect(stored.length).toBeGreaterThan(0)
        expect(Array.from(stored).length).toBeLessThanOrEqual(ATTACHMENT_LIMITS.maxFileNameLength)
        expect(stored).not.toMatch(/[\p{Cc}\p{Cs}]/u)
        expect(stored).toBe(stored.trim())
      }),
    )
  })
})
