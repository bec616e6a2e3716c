import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkPasswordPolicy, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy'

describe('checkPasswordPolicy', () => {
  it('accepts ten characters mixing letters and digits, in any alphabet', () => {
    expect(checkPasswordPolicy('motcua2026')).toEqual([])
    expect(checkPasswordPolicy('Mật khẩu 2026')).toEqual([])
  })

  it('names every missing requirement', () => {
    expect(checkPasswordPolicy('abc123')).toEqual(['TOO_SHORT'])
    expect(checkPasswordPolicy('abcdefghijkl')).toEqual(['NEEDS_DIGIT'])
    expect(checkPasswordPolicy('1234567890')).toEqual(['NEEDS_LETTER'])
    expect(checkPasswordPolicy('')).toEqual(['TOO_SHORT', 'NEEDS_LETTER', 'NEEDS_DIGIT'])
    expect(checkPasswordPolicy(`a1${'x'.repeat(PASSWORD_MAX_LENGTH)}`)).toEqual(['TOO_LONG'])
  })

  it('counts composed characters: a decomposed Vietnamese password is not longer than it looks', () => {
    const nine = 'Mật1ẩuđếm'
    expect([...nine].length).toBe(9)
    expect(checkPasswordPolicy(nine.normalize('NFD'))).toEqual(['TOO_SHORT'])
  })

  it('refuses a password that contains the ID number, phone or username', () => {
    expect(checkPasswordPolicy('x040085003917', ['040085003917', '0912048731'])).toEqual(['CONTAINS_PERSONAL_INFO'])
    expect(checkPasswordPolicy('mk0912048731', ['040085003917', '0912048731'])).toEqual(['CONTAINS_PERSONAL_INFO'])
    expect(checkPasswordPolicy('CanBo.ThanhVinh1', ['canbo.thanhvinh'])).toEqual(['CONTAINS_PERSONAL_INFO'])
    expect(checkPasswordPolicy('motcua2026', [null, undefined, '', 'an'])).toEqual([])
  })

  it('property: any password with a letter and a digit, of allowed length, passes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: PASSWORD_MIN_LENGTH - 2, maxLength: PASSWORD_MAX_LENGTH - 2 }), fc.constantFrom('a', 'đ', 'Z'), fc.integer({ min: 0, max: 9 }), (middle, letter, digit) => {
        const password = `${letter}${middle}${digit}`
        fc.pre([...password.normalize('NFC')].length >= PASSWORD_MIN_LENGTH && [...password.normalize('NFC')].length <= PASSWORD_MAX_LENGTH)
        expect(checkPasswordPolicy(password)).toEqual([])
      }),
    )
  })
})
