import { describe, expect, it } from 'vitest'
import { asciiKey } from './ascii-key'

describe('asciiKey', () => {
  it('drops Vietnamese diacritics, including đ, and joins words with hyphens', () => {
    expect(asciiKey('Hộ tịch')).toBe('ho-tich')
    expect(asciiKey('Đăng ký, quản lý cư trú')).toBe('dang-ky-quan-ly-cu-tru')
    expect(asciiKey('Thành lập và hoạt động của hộ kinh doanh')).toBe('thanh-lap-va-hoat-dong-cua-ho-kinh-doanh')
  })

  it('gives the same key for precomposed and decomposed input and for any case', () => {
    expect(asciiKey('CHỨNG THỰC')).toBe('chung-thuc')
    expect(asciiKey('Chứng thực'.normalize('NFD'))).toBe('chung-thuc')
  })

  it('trims separators at the ends', () => {
    expect(asciiKey('  (Xây dựng)  ')).toBe('xay-dung')
  })
})
