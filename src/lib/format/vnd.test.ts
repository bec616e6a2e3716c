import { describe, expect, it } from 'vitest'
import { formatVnd } from './vnd'

const nbsp = '\u00a0'

describe('formatVnd', () => {
  it('groups thousands with dots in Vietnamese and puts the đồng sign after', () => {
    expect(formatVnd(8000)).toBe(`8.000${nbsp}₫`)
    expect(formatVnd(400000, 'vi')).toBe(`400.000${nbsp}₫`)
    expect(formatVnd(1234567, 'vi')).toBe(`1.234.567${nbsp}₫`)
  })

  it('groups with commas in English', () => {
    expect(formatVnd(8000, 'en')).toBe(`8,000${nbsp}₫`)
  })

  it('formats small and zero amounts without grouping', () => {
    expect(formatVnd(0)).toBe(`0${nbsp}₫`)
    expect(formatVnd(500)).toBe(`500${nbsp}₫`)
  })

  it('refuses fractional amounts: VND has no minor unit', () => {
    expect(() => formatVnd(10.5)).toThrow(RangeError)
  })
})
