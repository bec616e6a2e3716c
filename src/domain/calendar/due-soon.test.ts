import { describe, expect, it } from 'vitest'
import { dueSoonUntil, newAppointmentBounds, WORKING_DAY_MINUTES } from './due-soon'
import { workingCalendar } from './working-days'

const vn = (text: string) => new Date(`${text}+07:00`)
// National Day 2026: Mon 31 Aug off, Tue 1 and Wed 2 Sep holidays.
const calendar = workingCalendar([
  { date: '2026-08-31', kind: 'DAY_OFF' },
  { date: '2026-09-01', kind: 'HOLIDAY' },
  { date: '2026-09-02', kind: 'HOLIDAY' },
])

describe('dueSoonUntil', () => {
  it('is one working day of office time ahead', () => {
    expect(WORKING_DAY_MINUTES).toBe(570)
    expect(dueSoonUntil(vn('2026-09-08T10:00:00'), calendar)).toEqual(vn('2026-09-09T10:00:00'))
  })
  it('reaches over a weekend and a holiday break', () => {
    // Friday 28 Aug 14:00 → the next working day is Thursday 3 Sep.
    expect(dueSoonUntil(vn('2026-08-28T14:00:00'), calendar)).toEqual(vn('2026-09-03T14:00:00'))
  })
})

describe('newAppointmentBounds', () => {
  it('starts after the later of the appointment and today, on working days', () => {
    expect(newAppointmentBounds(vn('2026-08-28T17:00:00'), vn('2026-08-27T09:00:00'), calendar)).toEqual({ min: '2026-09-03', suggested: '2026-09-04' })
    // Already late: counted from today.
    expect(newAppointmentBounds(vn('2026-09-03T17:00:00'), vn('2026-09-08T09:00:00'), calendar)).toEqual({ min: '2026-09-09', suggested: '2026-09-10' })
  })
})
