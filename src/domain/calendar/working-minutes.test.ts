import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildWorkingCalendar } from './statutory-holidays'
import {
  addCalendarDays,
  addWorkingMinutes,
  firstOfficeInstantFrom,
  isWorkingDay,
  localDateOf,
  localInstant,
  localMinuteOfDay,
  resumeDueAt,
  workingCalendar,
  workingMinutesBetween,
} from './working-days'

const vn = (text: string) => new Date(`${text}+07:00`)
const calendar = workingCalendar([
  { date: '2026-11-24', kind: 'HOLIDAY', name: 'Ngày Văn hóa Việt Nam' },
  { date: '2026-08-22', kind: 'WORKING_DAY' },
])

describe('addWorkingMinutes', () => {
  it('adds office minutes, skipping nights, weekends and holidays', () => {
    expect(addWorkingMinutes(vn('2026-11-23T08:00:00'), 90, calendar)).toEqual(vn('2026-11-23T09:30:00'))
    expect(addWorkingMinutes(vn('2026-11-23T07:30:00'), 570, calendar)).toEqual(vn('2026-11-23T17:00:00')) // ends at closing, not next morning
    expect(addWorkingMinutes(vn('2026-11-23T16:00:00'), 120, calendar)).toEqual(vn('2026-11-25T08:30:00')) // 24/11 holiday
    expect(addWorkingMinutes(vn('2026-11-28T10:00:00'), 30, calendar)).toEqual(vn('2026-11-30T08:00:00')) // Saturday → Monday
    expect(addWorkingMinutes(vn('2026-11-23T05:00:00'), 30, calendar)).toEqual(vn('2026-11-23T08:00:00')) // before opening
    expect(addWorkingMinutes(vn('2026-08-21T16:30:00'), 60, calendar)).toEqual(vn('2026-08-22T08:00:00')) // make-up Saturday
    expect(addWorkingMinutes(vn('2026-11-28T10:00:00'), 0, calendar)).toEqual(vn('2026-11-28T10:00:00'))
  })

  it('firstOfficeInstantFrom moves an instant into office hours', () => {
    expect(firstOfficeInstantFrom(vn('2026-11-23T10:00:00'), calendar)).toEqual(vn('2026-11-23T10:00:00'))
    expect(firstOfficeInstantFrom(vn('2026-11-23T17:00:00'), calendar)).toEqual(vn('2026-11-23T17:00:00'))
    expect(firstOfficeInstantFrom(vn('2026-11-23T06:00:00'), calendar)).toEqual(vn('2026-11-23T07:30:00'))
    expect(firstOfficeInstantFrom(vn('2026-11-23T17:01:00'), calendar)).toEqual(vn('2026-11-25T07:30:00')) // 24/11 holiday
  })

  it('rejects negative or non-finite minutes', () => {
    expect(() => addWorkingMinutes(vn('2026-11-23T08:00:00'), -1, calendar)).toThrow(RangeError)
    expect(() => addWorkingMinutes(vn('2026-11-23T08:00:00'), Number.NaN, calendar)).toThrow(RangeError)
  })
})

describe('resumeDueAt', () => {
  it('counts the office time that remained at the pause again from the resumption', () => {
    // Due Fri 27/11 17:00; paused Wed 25/11 12:00 with 300 + 570 + 570 minutes left; resumed Mon 30/11 12:00.
    expect(
      resumeDueAt({ dueAt: vn('2026-11-27T17:00:00'), pausedAt: vn('2026-11-25T12:00:00'), resumedAt: vn('2026-11-30T12:00:00'), calendar }),
    ).toEqual(vn('2026-12-02T17:00:00'))
    // A pause over a weekend only (no office time) changes nothing.
    expect(
      resumeDueAt({ dueAt: vn('2026-12-02T17:00:00'), pausedAt: vn('2026-11-27T17:30:00'), resumedAt: vn('2026-11-30T07:00:00'), calendar }),
    ).toEqual(vn('2026-12-02T17:00:00'))
  })

  it('keeps a late dossier due no earlier than its due date or the resumption, in office hours', () => {
    const dueAt = vn('2026-11-23T17:00:00')
    expect(resumeDueAt({ dueAt, pausedAt: vn('2026-11-25T09:00:00'), resumedAt: vn('2026-11-26T09:00:00'), calendar })).toEqual(
      vn('2026-11-26T09:00:00'),
    )
    // Resumed on a Saturday with no time left: due when the desk opens on Monday.
    expect(resumeDueAt({ dueAt, pausedAt: vn('2026-11-25T09:00:00'), resumedAt: vn('2026-11-28T09:00:00'), calendar })).toEqual(
      vn('2026-11-30T07:30:00'),
    )
    expect(() => resumeDueAt({ dueAt, pausedAt: vn('2026-11-25T09:00:00'), resumedAt: vn('2026-11-24T09:00:00'), calendar })).toThrow(RangeError)
  })
})

describe('properties over 2025–2027 with statutory holidays and the 2026 notices', () => {
  const full = buildWorkingCalendar({
    years: [2025, 2026, 2027, 2028],
    adminExceptions: [
      { date: '2026-01-02', kind: 'DAY_OFF' },
      { date: '2026-01-10', kind: 'WORKING_DAY' },
      { date: '2026-08-22', kind: 'WORKING_DAY' },
      { date: '2026-08-31', kind: 'DAY_OFF' },
    ],
  })
  const opens = 7 * 60 + 30
  const closes = 17 * 60
  const day = fc.integer({ min: 0, max: 3 * 365 - 1 }).map((offset) => addCalendarDays('2025-01-01', offset))
  /** A whole-minute instant inside office hours (07:30 excluded, 17:00 included) of a working day. */
  const workingInstant = fc
    .tuple(day, fc.integer({ min: opens + 1, max: closes }))
    .filter(([date]) => isWorkingDay(date, full))
    .map(([date, minute]) => localInstant(date, 0, minute))
  const anyInstant = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })

  it('addWorkingMinutes inverts workingMinutesBetween for working instants', () => {
    fc.assert(
      fc.property(workingInstant, workingInstant, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a]
        expect(addWorkingMinutes(from, workingMinutesBetween(from, to, full), full)).toEqual(to)
      }),
    )
  })

  it('workingMinutesBetween(from, addWorkingMinutes(from, m)) = m, and the result is in office hours of a working day', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 1, max: 570 * 40 }), (raw, minutes) => {
        const from = new Date(Math.floor(raw.getTime() / 60_000) * 60_000)
        const result = addWorkingMinutes(from, minutes, full)
        expect(workingMinutesBetween(from, result, full)).toBe(minutes)
        expect(isWorkingDay(localDateOf(result), full)).toBe(true)
        expect(localMinuteOfDay(result)).toBeGreaterThan(opens - 1)
        expect(localMinuteOfDay(result)).toBeLessThanOrEqual(closes)
      }),
    )
  })

  it('pausing never shortens a deadline, and keeps the remaining office time', () => {
    fc.assert(
      fc.property(
        workingInstant,
        fc.integer({ min: 0, max: 570 * 30 }),
        fc.integer({ min: -570 * 5, max: 570 * 30 }),
        fc.integer({ min: 0, max: 60 * 24 * 40 }),
        (dueAt, lead, pauseOffset, pauseLength) => {
          const pausedAt = new Date(dueAt.getTime() - (lead - pauseOffset) * 60_000)
          const resumedAt = new Date(pausedAt.getTime() + pauseLength * 60_000)
          const resumed = resumeDueAt({ dueAt, pausedAt, resumedAt, calendar: full })
          expect(resumed.getTime()).toBeGreaterThanOrEqual(dueAt.getTime())
          expect(resumed.getTime()).toBeGreaterThanOrEqual(resumedAt.getTime())
          const remaining = workingMinutesBetween(pausedAt, dueAt, full)
          if (remaining > 0) expect(Math.abs(workingMinutesBetween(resumedAt, resumed, full) - remaining)).toBeLessThanOrEqual(1)
          // Still a due instant the desk can meet: office hours of a working day.
          expect(isWorkingDay(localDateOf(resumed), full)).toBe(true)
          expect(localMinuteOfDay(resumed)).toBeGreaterThanOrEqual(opens)
          expect(localMinuteOfDay(resumed)).toBeLessThanOrEqual(closes)
        },
      ),
    )
  })
})
