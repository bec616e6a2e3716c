import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeDueAt, workingCalendar } from '@/domain/calendar/working-days'
import type { Deadline } from '@/domain/procedure/deadline'
import { formatDateTime } from '@/lib/format/date'
import { expectedAppointment } from './expected-appointment'

const weekdaysOnly = workingCalendar([])
const threeDays: Deadline = { kind: 'WORKING_DAYS', days: 3 }
const sameDay: Deadline = { kind: 'SAME_DAY', cutoffHour: 15 }
/** An instant given in Vietnam's time ("2026-11-24 20:15"). */
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`)
const shown = (instant: Date) => formatDateTime(instant)

describe('expectedAppointment', () => {
  it('counts the time limit from the submission itself during office hours', () => {
    expect(shown(expectedAppointment(vn('2026-11-24 10:00'), threeDays, weekdaysOnly))).toBe('27/11/2026 17:00')
  })

  it('counts it from the next opening when submitted in the evening, at night or over the weekend', () => {
    // Tuesday evening: the desk can receive it on Wednesday morning.
    expect(shown(expectedAppointment(vn('2026-11-24 20:15'), threeDays, weekdaysOnly))).toBe('30/11/2026 17:00')
    // Before opening on a working day: that day still counts.
    expect(shown(expectedAppointment(vn('2026-11-24 06:00'), threeDays, weekdaysOnly))).toBe('27/11/2026 17:00')
    // Friday evening and Saturday: from Monday.
    expect(shown(expectedAppointment(vn('2026-11-27 18:00'), threeDays, weekdaysOnly))).toBe('03/12/2026 17:00')
    expect(shown(expectedAppointment(vn('2026-11-28 09:00'), threeDays, weekdaysOnly))).toBe('03/12/2026 17:00')
  })

  it('skips the days off of the calendar', () => {
    const holiday = workingCalendar([{ date: '2026-11-25', kind: 'HOLIDAY' }])
    expect(shown(expectedAppointment(vn('2026-11-24 20:15'), threeDays, holiday))).toBe('01/12/2026 17:00')
  })

  it('keeps the same-day cut-off: after it, or after closing, the result is due the next working day', () => {
    expect(shown(expectedAppointment(vn('2026-11-24 09:00'), sameDay, weekdaysOnly))).toBe('24/11/2026 17:00')
    expect(shown(expectedAppointment(vn('2026-11-24 16:00'), sameDay, weekdaysOnly))).toBe('25/11/2026 17:00')
    expect(shown(expectedAppointment(vn('2026-11-24 21:00'), sameDay, weekdaysOnly))).toBe('25/11/2026 17:00')
    expect(shown(expectedAppointment(vn('2026-11-28 09:00'), sameDay, weekdaysOnly))).toBe('30/11/2026 17:00')
  })

  it('is never before the submission, nor before the appointment a receipt at that very moment would give', () => {
    const deadlines = fc.oneof(
      fc.integer({ min: 1, max: 30 }).map((days): Deadline => ({ kind: 'WORKING_DAYS', days })),
      fc.integer({ min: 0, max: 23 }).map((cutoffHour): Deadline => ({ kind: 'SAME_DAY', cutoffHour })),
    )
    const instants = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-20T00:00:00Z'), noInvalidDate: true })
    fc.assert(
      fc.property(instants, deadlines, (submittedAt, deadline) => {
        const expected = expectedAppointment(submittedAt, deadline, weekdaysOnly)
        expect(expected.getTime()).toBeGreaterThanOrEqual(computeDueAt(submittedAt, deadline, weekdaysOnly).getTime())
        expect(expected.getTime()).toBeGreaterThanOrEqual(submittedAt.getTime())
      }),
    )
  })
})
