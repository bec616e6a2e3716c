import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lunarNewYear, lunarToSolar, solarToLunar } from './lunar'
import { addCalendarDays } from './working-days'

describe('Vietnamese lunar calendar', () => {
  it('gives the published dates of mùng 1 Tết', () => {
    expect(lunarNewYear(2024)).toBe('2024-02-10')
    expect(lunarNewYear(2025)).toBe('2025-01-29')
    expect(lunarNewYear(2026)).toBe('2026-02-17')
    expect(lunarNewYear(2027)).toBe('2027-02-06')
  })

  it('uses UTC+7, not the Chinese UTC+8: Tết 1985 and 2007 differ from the Chinese New Year', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21') // China: 1985-02-20
    expect(lunarNewYear(2007)).toBe('2007-02-17') // China: 2007-02-18
  })

  it('gives the published dates of Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
    expect(lunarToSolar({ day: 10, month: 3, year: 2024 })).toBe('2024-04-18')
    expect(lunarToSolar({ day: 10, month: 3, year: 2025 })).toBe('2025-04-07')
    expect(lunarToSolar({ day: 10, month: 3, year: 2026 })).toBe('2026-04-26')
  })

  it('agrees with Hồ Ngọc Đức’s published tables for Tết and Giỗ Tổ, 2020–2035', () => {
    // Tables as packaged in @dqcai/vn-lunar 1.0.1 (compared day by day over 1968–2053 with no difference when
    // this module was written; the package is not a dependency). 2030 is another UTC+7 year: China has 03/02.
    const published: [number, string, string][] = [
      [2020, '2020-01-25', '2020-04-02'],
      [2021, '2021-02-12', '2021-04-21'],
      [2022, '2022-02-01', '2022-04-10'],
      [2023, '2023-01-22', '2023-04-29'],
      [2024, '2024-02-10', '2024-04-18'],
      [2025, '2025-01-29', '2025-04-07'],
      [2026, '2026-02-17', '2026-04-26'],
      [2027, '2027-02-06', '2027-04-16'],
      [2028, '2028-01-26', '2028-04-04'],
      [2029, '2029-02-13', '2029-04-23'],
      [2030, '2030-02-02', '2030-04-12'],
      [2031, '2031-01-23', '2031-04-01'],
      [2032, '2032-02-11', '2032-04-19'],
      [2033, '2033-01-31', '2033-04-09'],
      [2034, '2034-02-19', '2034-04-28'],
      [2035, '2035-02-08', '2035-04-17'],
    ]
    for (const [year, tet, hungKings] of published) {
      expect([year, lunarNewYear(year), lunarToSolar({ day: 10, month: 3, year })]).toEqual([year, tet, hungKings])
    }
  })

  it('knows leap months and the last day of the lunar year', () => {
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true }) // nhuận tháng 2 Quý Mão
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })).toBe('2023-03-22')
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false }) // 29 tháng Chạp Ất Tỵ
    expect(() => lunarToSolar({ day: 1, month: 5, year: 2026, leap: true })).toThrow(RangeError)
    expect(() => lunarToSolar({ day: 30, month: 12, year: 2025 })).toThrow(/29 days/)
  })

  it('round-trips solar → lunar → solar (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 60 }), (offset) => {
        const date = addCalendarDays('1990-01-01', offset)
        expect(lunarToSolar(solarToLunar(date))).toBe(date)
      }),
    )
  })
})
