import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classifyOutcome } from '../workflow/classify-outcome'
import { WORKING_DAY_MINUTES } from './due-soon'
import { remainingTime, splitWorkingMinutes, type RemainingTimeInput } from './remaining-time'
import { addCalendarDays, workingCalendar, workingMinutesBetween, type CalendarException } from './working-days'

const vn = (text: string) => new Date(`${text}+07:00`)
const calendar = workingCalendar([{ date: '2026-11-24', kind: 'HOLIDAY', name: 'Ngày Văn hóa Việt Nam' }])
const running = (now: string, dueAt: string): RemainingTimeInput => ({ now: vn(now), dueAt: vn(dueAt), clockPausedAt: null, completedAt: null, outcome: null, calendar })

describe('remainingTime', () => {
  it('counts office time of working days only, over weekends and holidays', () => {
    // Friday 16:00 → Wednesday 25/11 17:00: 1 h on Friday, Monday 23, (Tuesday 24 holiday), Wednesday 25.
    expect(remainingTime(running('2026-11-20T16:00:00', '2026-11-25T17:00:00'))).toEqual({
      status: 'ON_TIME',
      workingMinutes: 60 + 2 * 570,
      workingDays: 2,
      dueAt: vn('2026-11-25T17:00:00'),
    })
  })

  it('is due soon within one working day', () => {
    expect(remainingTime(running('2026-11-16T18:00:00', '2026-11-17T17:00:00'))).toMatchObject({ status: 'DUE_SOON', workingMinutes: 570, workingDays: 1 })
    expect(remainingTime(running('2026-11-17T09:00:00', '2026-11-17T17:00:00'))).toMatchObject({ status: 'DUE_SOON', workingMinutes: 480, workingDays: 0 })
    // 7 h today and all of tomorrow: more than a working day left.
    expect(remainingTime(running('2026-11-16T10:00:00', '2026-11-17T17:00:00'))).toMatchObject({ status: 'ON_TIME', workingMinutes: 990, workingDays: 1 })
    // At the due instant itself: not yet overdue.
    expect(remainingTime(running('2026-11-17T17:00:00', '2026-11-17T17:00:00'))).toMatchObject({ status: 'DUE_SOON', workingMinutes: 0 })
  })

  it('is overdue past the due instant, even before any office time has passed', () => {
    expect(remainingTime(running('2026-11-17T17:01:00', '2026-11-17T17:00:00'))).toMatchObject({ status: 'OVERDUE', workingMinutes: 0, workingDays: 0 })
    expect(Object.is(remainingTime(running('2026-11-17T20:00:00', '2026-11-17T17:00:00')).workingMinutes, 0)).toBe(true) // not -0
    expect(remainingTime(running('2026-11-25T09:30:00', '2026-11-20T17:00:00'))).toMatchObject({ status: 'OVERDUE', workingMinutes: -(570 + 120), workingDays: -1 })
  })

  it('freezes the time left while paused', () => {
    const paused = { ...running('2026-12-10T09:00:00', '2026-11-20T17:00:00'), clockPausedAt: vn('2026-11-19T17:00:00') }
    expect(remainingTime(paused)).toMatchObject({ status: 'PAUSED', workingMinutes: 570, workingDays: 1 })
    const pausedLate = { ...paused, clockPausedAt: vn('2026-11-23T07:30:00') }
    expect(remainingTime(pausedLate)).toMatchObject({ status: 'PAUSED', workingMinutes: 0 })
    expect(remainingTime({ ...paused, clockPausedAt: vn('2026-11-23T12:00:00') })).toMatchObject({ status: 'PAUSED', workingMinutes: -270 })
  })

  it('says how a completed dossier finished, from the stored outcome or else from the dates', () => {
    const done = (completedAt: string, outcome: RemainingTimeInput['outcome'] = null) => ({ ...running('2026-12-10T09:00:00', '2026-11-20T17:00:00'), completedAt: vn(completedAt), outcome })
    expect(remainingTime(done('2026-11-18T10:00:00'))).toMatchObject({ status: 'DONE_EARLY', workingMinutes: 420 + 2 * 570, workingDays: 2 })
    expect(remainingTime(done('2026-11-20T16:00:00'))).toMatchObject({ status: 'DONE_ON_TIME', workingMinutes: 60 })
    expect(remainingTime(done('2026-11-23T09:30:00'))).toMatchObject({ status: 'DONE_LATE', workingMinutes: -120 })
    expect(remainingTime(done('2026-11-23T09:30:00', 'ON_TIME'))).toMatchObject({ status: 'DONE_ON_TIME' })
    expect(remainingTime(done('2026-11-23T09:30:00', 'SOMETHING_ELSE'))).toMatchObject({ status: 'DONE_LATE' })
  })

  it('splits office minutes into working days, hours and minutes', () => {
    expect(splitWorkingMinutes(990)).toEqual({ days: 1, hours: 7, minutes: 0 })
    expect(splitWorkingMinutes(-(570 * 3 + 125))).toEqual({ days: 3, hours: 2, minutes: 5 })
    expect(splitWorkingMinutes(0)).toEqual({ days: 0, hours: 0, minutes: 0 })
  })

  it('has not started without a due instant', () => {
    expect(remainingTime({ ...running('2026-11-17T09:00:00', '2026-11-17T17:00:00'), dueAt: null, completedAt: vn('2026-11-17T10:00:00') })).toEqual({
      status: 'NOT_STARTED',
      workingMinutes: 0,
      workingDays: 0,
      dueAt: null,
    })
  })
})

describe('remainingTime properties', () => {
  const FIRST = Date.UTC(2025, 0, 1)
  /** Instants to the minute over 2025–2026. */
  const instant = fc.integer({ min: 0, max: 2 * 365 * 24 * 60 }).map((minutes) => new Date(FIRST + minutes * 60_000))
  const randomCalendar = fc
    .record({
      holidays: fc.uniqueArray(fc.integer({ min: 0, max: 2 * 366 }), { maxLength: 40 }),
      saturdays: fc.uniqueArray(fc.integer({ min: 0, max: 2 * 366 }), { maxLength: 10 }),
    })
    .map(({ holidays, saturdays }) =>
      workingCalendar([
        ...holidays.map((offset): CalendarException => ({ date: addCalendarDays('2025-01-01', offset), kind: 'HOLIDAY' })),
        ...saturdays.map((offset): CalendarException => ({ date: addCalendarDays('2025-01-01', offset), kind: 'WORKING_DAY' })),
      ]),
    )
  /** A due instant near `now` (within ±30 days), often at 17:00 closing but any minute too (new appointments). */
  const nowAndDue = fc.tuple(instant, fc.integer({ min: -30 * 24 * 60, max: 30 * 24 * 60 })).map(([now, offset]) => ({ now, dueAt: new Date(now.getTime() + offset * 60_000) }))

  it('while running: OVERDUE iff now is past dueAt; DUE_SOON iff not overdue and within one working day', () => {
    fc.assert(
      fc.property(nowAndDue, randomCalendar, ({ now, dueAt }, cal) => {
        const result = remainingTime({ now, dueAt, clockPausedAt: null, completedAt: null, outcome: null, calendar: cal })
        const overdue = now.getTime() > dueAt.getTime()
        expect(result.status === 'OVERDUE').toBe(overdue)
        // Within one working day: less than a working day of office time left is due soon, more is on time
        // (exactly one working day is either, depending on where the bound falls in non-office time).
        const left = workingMinutesBetween(now, dueAt, cal)
        if (!overdue) expect(['DUE_SOON', 'ON_TIME']).toContain(result.status)
        if (!overdue && left < WORKING_DAY_MINUTES) expect(result.status).toBe('DUE_SOON')
        if (!overdue && left > WORKING_DAY_MINUTES) expect(result.status).toBe('ON_TIME')
        if (result.status === 'DUE_SOON') expect(left).toBeLessThanOrEqual(WORKING_DAY_MINUTES)
        if (result.status === 'ON_TIME') expect(left).toBeGreaterThanOrEqual(WORKING_DAY_MINUTES)
        // Signs and whole days.
        if (result.workingMinutes !== 0) expect(result.workingMinutes > 0).toBe(!overdue)
        expect(Math.abs(result.workingDays)).toBe(Math.floor(Math.abs(result.workingMinutes) / WORKING_DAY_MINUTES))
        expect(result.workingDays * result.workingMinutes).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 500 },
    )
  })

  it('paused and completed dossiers never read as running', () => {
    fc.assert(
      fc.property(nowAndDue, instant, fc.boolean(), randomCalendar, ({ now, dueAt }, other, completed, cal) => {
        const result = remainingTime({
          now,
          dueAt,
          clockPausedAt: completed ? null : other,
          completedAt: completed ? other : null,
          outcome: null,
          calendar: cal,
        })
        if (completed) expect(result.status).toBe(`DONE_${classifyOutcome(other, dueAt)}`)
        else expect(result.status).toBe('PAUSED')
        // The time left is measured from the pause or the completion, whatever `now` is.
        expect(result.workingMinutes).toBe(dueAt.getTime() >= other.getTime() ? workingMinutesBetween(other, dueAt, cal) : -workingMinutesBetween(dueAt, other, cal) + 0)
      }),
      { numRuns: 300 },
    )
  })
})
