import { describe, expect, it } from 'vitest'
import { formatFileSize } from './format-file-size'

describe('formatFileSize', () => {
  it('uses the Vietnamese decimal comma and grouping by default', () => {
    expect(formatFileSize(0)).toBe('0 B')
    expect(formatFileSize(512)).toBe('512 B')
    expect(formatFileSize(1536)).toBe('1,5 KB')
    expect(formatFileSize(820 * 1024)).toBe('820 KB')
    expect(formatFileSize(1024 * 1024 - 1)).toBe('1 MB')
    expect(formatFileSize(Math.round(1.5 * 1024 * 1024))).toBe('1,5 MB')
    expect(formatFileSize(10 * 1024 * 1024)).toBe('10 MB')
  })

  it('uses the decimal point in English', () => {
    expect(formatFileSize(Math.round(2.25 * 1024 * 1024), 'en')).toBe('2.3 MB')
    expect(formatFileSize(1536, 'en')).toBe('1.5 KB')
  })
})
