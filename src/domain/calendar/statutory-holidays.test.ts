import { describe, expect, it } from 'vitest'
import { buildWorkingCalendar, statutoryHolidays } from './statutory-holidays'
import { exceptionName, isWorkingDay, type CalendarException } from './working-days'

const brief = (list: CalendarException[]) => list.map(({ date, kind }) => `${date} ${kind}`)

describe('statutoryHolidays', () => {
  it('2025: Tết 28/01–01/02 with mùng 4 on a Saturday, so Monday 03/02 off', () => {
    expect(brief(statutoryHolidays(2025))).toEqual([
      '2025-01-01 HOLIDAY',
      '2025-01-28 HOLIDAY', // 29 tháng Chạp: Giáp Thìn has no 30th
      '2025-01-29 HOLIDAY',
      '2025-01-30 HOLIDAY',
      '2025-01-31 HOLIDAY',
      '2025-02-01 HOLIDAY', // Saturday
      '2025-02-03 DAY_OFF',
      '2025-04-07 HOLIDAY',
      '2025-04-30 HOLIDAY',
      '2025-05-01 HOLIDAY',
      '2025-09-01 HOLIDAY',
      '2025-09-02 HOLIDAY',
    ])
  })

  it('2026: matches shared/data/holidays.md apart from the swaps, which only the notice gives', () => {
    expect(brief(statutoryHolidays(2026))).toEqual([
      '2026-01-01 HOLIDAY',
      '2026-02-16 HOLIDAY',
      '2026-02-17 HOLIDAY',
      '2026-02-18 HOLIDAY',
      '2026-02-19 HOLIDAY',
      '2026-02-20 HOLIDAY',
      '2026-04-26 HOLIDAY', // Sunday
      '2026-04-27 DAY_OFF', // nghỉ bù
      '2026-04-30 HOLIDAY',
      '2026-05-01 HOLIDAY',
      '2026-09-01 HOLIDAY',
      '2026-09-02 HOLIDAY',
      '2026-11-24 HOLIDAY', // Ngày Văn hóa Việt Nam, from 01/07/2026
    ])
    const names = new Map(statutoryHolidays(2026).map((day) => [day.date, day.name]))
    expect(names.get('2026-02-17')).toBe('Tết Nguyên đán (mùng 1 Tết)')
    expect(names.get('2026-04-27')).toBe('Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch) (trùng Chủ nhật)')
    expect(names.get('2026-11-24')).toBe('Ngày Văn hóa Việt Nam')
  })

  it('2027: Tết 05/02–09/02 over a weekend gives 10/02 and 11/02; 1 May on a Saturday gives 03/05', () => {
    expect(brief(statutoryHolidays(2027))).toEqual([
      '2027-01-01 HOLIDAY',
      '2027-02-05 HOLIDAY',
      '2027-02-06 HOLIDAY', // mùng 1, Saturday
      '2027-02-07 HOLIDAY', // Sunday
      '2027-02-08 HOLIDAY',
      '2027-02-09 HOLIDAY',
      '2027-02-10 DAY_OFF',
      '2027-02-11 DAY_OFF',
      '2027-04-16 HOLIDAY',
      '2027-04-30 HOLIDAY',
      '2027-05-01 HOLIDAY', // Saturday
      '2027-05-03 DAY_OFF',
      '2027-09-01 HOLIDAY',
      '2027-09-02 HOLIDAY',
      '2027-11-24 HOLIDAY',
    ])
  })

  it('gives consecutive substitute days when 30/4 and 1/5 fall on a weekend (2022)', () => {
    const days = brief(statutoryHolidays(2022))
    expect(days).toContain('2022-05-02 DAY_OFF')
    expect(days).toContain('2022-05-03 DAY_OFF')
    expect(days).not.toContain('2022-11-24 HOLIDAY')
  })
})

describe('buildWorkingCalendar', () => {
  // The official 2026 notices (prisma/data/holidays.csv).
  const notices: CalendarException[] = [
    { date: '2026-01-02', kind: 'DAY_OFF', name: 'Nghỉ hoán đổi Tết Dương lịch' },
    { date: '2026-01-10', kind: 'WORKING_DAY', name: 'Làm bù cho ngày 02/01/2026' },
    { date: '2026-08-22', kind: 'WORKING_DAY', name: 'Làm bù cho ngày 31/08/2026' },
    { date: '2026-08-31', kind: 'DAY_OFF', name: 'Nghỉ hoán đổi lễ Quốc khánh' },
  ]

  it('merges the statutory days with the notices', () => {
    const calendar = buildWorkingCalendar({ years: [2026], adminExceptions: notices })
    expect(isWorkingDay('2026-01-02', calendar)).toBe(false)
    expect(isWorkingDay('2026-01-10', calendar)).toBe(true)
    expect(isWorkingDay('2026-02-19', calendar)).toBe(false)
    expect(isWorkingDay('2026-04-27', calendar)).toBe(false)
    expect(isWorkingDay('2026-08-22', calendar)).toBe(true)
    expect(isWorkingDay('2026-11-24', calendar)).toBe(false)
    expect(exceptionName('2026-11-24', calendar)).toBe('Ngày Văn hóa Việt Nam')
  })

  it('lets the administrators win on the same date', () => {
    const calendar = buildWorkingCalendar({
      years: [2027],
      adminExceptions: [{ date: '2027-05-03', kind: 'WORKING_DAY', name: 'Không nghỉ bù (thông báo)' }],
    })
    expect(isWorkingDay('2027-05-03', calendar)).toBe(true)
    expect(exceptionName('2027-05-03', calendar)).toBe('Không nghỉ bù (thông báo)')
  })

  it('adds no statutory default for a year whose notice is complete', () => {
    const calendar = buildWorkingCalendar({ years: [2025], completeYears: [2025], adminExceptions: [{ date: '2025-01-01', kind: 'HOLIDAY' }] })
    expect(isWorkingDay('2025-02-03', calendar)).toBe(true)
    expect(isWorkingDay('2025-01-01', calendar)).toBe(false)
    expect(calendar.size).toBe(1)
  })
})
