import { describe, expect, it } from 'vitest'
import { vndInput } from './vnd-input'

describe('vndInput', () => {
  it('keeps plain digits and drops thousands separators of either language', () => {
    expect(vndInput('10000')).toBe('10000')
    expect(vndInput(' 10.000 ')).toBe('10000')
    expect(vndInput('10,000')).toBe('10000')
    expect(vndInput('1 234 567')).toBe('1234567')
    expect(vndInput('1.234.567 ₫')).toBe('1234567')
    expect(vndInput('8.000\u00a0₫')).toBe('8000')
    expect(vndInput('5000 đồng')).toBe('5000')
  })
  it('treats an empty field as missing', () => {
    expect(vndInput('')).toBeUndefined()
    expect(vndInput('   ')).toBeUndefined()
    expect(vndInput(null)).toBeUndefined()
  })
  it('gives back what is not a grouped amount, for the server to refuse', () => {
    expect(vndInput('10.5')).toBe('10.5')
    expect(vndInput('1.00.000')).toBe('1.00.000')
    expect(vndInput('abc')).toBe('abc')
    expect(vndInput('-5000')).toBe('-5000')
  })
})
