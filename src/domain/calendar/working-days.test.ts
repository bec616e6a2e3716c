import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addCalendarDays,
  addWorkingDays,
  computeDueAt,
  firstWorkingDayFrom,
  isWorkingDay,
  localDateOf,
  localInstant,
  localMinuteOfDay,
  workingCalendar,
  workingMinutesBetween,
  type LocalDate,
} from './working-days'

// The official 2026 exceptions around the days used below (prisma/data/holidays.csv).
const calendar = workingCalendar([
  { date: '2026-01-01', kind: 'HOLIDAY' },
  { date: '2026-01-02', kind: 'DAY_OFF' },
  { date: '2026-01-10', kind: 'WORKING_DAY' },
  { date: '2026-02-16', kind: 'HOLIDAY' },
  { date: '2026-02-17', kind: 'HOLIDAY' },
  { date: '2026-02-18', kind: 'HOLIDAY' },
  { date: '2026-02-19', kind: 'HOLIDAY' },
  { date: '2026-02-20', kind: 'HOLIDAY' },
  { date: '2026-04-30', kind: 'HOLIDAY' },
  { date: '2026-05-01', kind: 'HOLIDAY' },
  { date: '2026-08-22', kind: 'WORKING_DAY' },
  { date: '2026-08-31', kind: 'DAY_OFF' },
  { date: '2026-09-01', kind: 'HOLIDAY' },
  { date: '2026-09-02', kind: 'HOLIDAY' },
  { date: '2026-11-24', kind: 'HOLIDAY' },
])
const none = workingCalendar([])

/** An instant given as Vietnam local time. */
const vn = (text: string) => new Date(`${text}+07:00`)

describe('local time', () => {
  it('reads the Vietnam calendar date and time of an instant, whatever the process time zone', () => {
    expect(localDateOf(new Date('2026-11-23T16:59:59Z'))).toBe('2026-11-23')
    expect(localDateOf(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24')
    expect(localMinuteOfDay(vn('2026-11-24T15:00:00'))).toBe(15 * 60)
    expect(localInstant('2026-11-24', 17).toISOString()).toBe('2026-11-24T10:00:00.000Z')
  })

  it('agrees with the time-zone database for Asia/Ho_Chi_Minh', () => {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' })
    fc.assert(
      fc.property(fc.date({ min: new Date('1980-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (instant) => {
        expect(localDateOf(instant)).toBe(format.format(instant))
      }),
    )
  })

  it('rejects malformed dates', () => {
    expect(() => isWorkingDay('2026-02-30', calendar)).toThrow(RangeError)
    expect(() => isWorkingDay('24/11/2026', calendar)).toThrow(RangeError)
    expect(() => localDateOf(new Date('nope'))).toThrow(RangeError)
  })
})

describe('isWorkingDay', () => {
  it('is Monday to Friday without exceptions', () => {
    expect(isWorkingDay('2026-11-23', none)).toBe(true) // Monday
    expect(isWorkingDay('2026-11-27', none)).toBe(true) // Friday
    expect(isWorkingDay('2026-11-28', none)).toBe(false) // Saturday
    expect(isWorkingDay('2026-11-29', none)).toBe(false) // Sunday
  })

  it('applies holidays, swapped days off and make-up Saturdays', () => {
    expect(isWorkingDay('2026-11-24', calendar)).toBe(false) // Ngày Văn hóa Việt Nam, a Tuesday
    expect(isWorkingDay('2026-08-31', calendar)).toBe(false) // swapped Monday
    expect(isWorkingDay('2026-08-22', calendar)).toBe(true) // make-up Saturday
    expect(isWorkingDay('2026-01-10', calendar)).toBe(true)
  })
})

describe('addWorkingDays', () => {
  it('counts working days after the date, skipping weekends and holidays', () => {
    expect(addWorkingDays('2026-11-23', 0, calendar)).toBe('2026-11-23')
    expect(addWorkingDays('2026-11-23', 1, calendar)).toBe('2026-11-25') // over the 24/11 holiday
    expect(addWorkingDays('2026-11-26', 3, calendar)).toBe('2026-12-01') // Fri, Mon, Tue
    expect(addWorkingDays('2026-02-13', 1, calendar)).toBe('2026-02-23') // over the 9 days of Tết
    expect(addWorkingDays('2026-08-21', 1, calendar)).toBe('2026-08-22') // the make-up Saturday counts
    expect(addWorkingDays('2026-08-28', 1, calendar)).toBe('2026-09-03') // 29/8 – 2/9 off
  })

  it('starts counting after a non-working date', () => {
    expect(addWorkingDays('2026-11-28', 1, calendar)).toBe('2026-11-30') // Saturday → Monday
  })

  it('rejects negative or fractional counts', () => {
    expect(() => addWorkingDays('2026-11-23', -1, calendar)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-11-23', 1.5, calendar)).toThrow(RangeError)
  })

  it('refuses a calendar without working days instead of looping forever', () => {
    const closed = workingCalendar(Array.from({ length: 90 }, (_, i) => ({ date: addCalendarDays('2026-01-01', i), kind: 'HOLIDAY' as const })))
    expect(() => addWorkingDays('2026-01-01', 1, closed)).toThrow(/check the calendar/)
  })

  const date = fc
    .integer({ min: 0, max: 4 * 365 })
    .map((offset): LocalDate => addCalendarDays('2025-06-01', offset))

  it('always lands on a working day and composes (property)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (start, a, b) => {
        const result = addWorkingDays(start, a + b, calendar)
        if (a + b > 0) expect(isWorkingDay(result, calendar)).toBe(true)
        expect(addWorkingDays(addWorkingDays(start, a, calendar), b, calendar)).toBe(result)
      }),
    )
  })

  it('passes exactly n working days (property)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 20 }), (start, n) => {
        const result = addWorkingDays(start, n, calendar)
        let counted = 0
        for (let day = addCalendarDays(start, 1); day <= result; day = addCalendarDays(day, 1)) {
          if (isWorkingDay(day, calendar)) counted++
        }
        expect(counted).toBe(n)
      }),
    )
  })

  it('finds the first working day on or after a date', () => {
    expect(firstWorkingDayFrom('2026-11-23', calendar)).toBe('2026-11-23')
    expect(firstWorkingDayFrom('2026-11-24', calendar)).toBe('2026-11-25')
    expect(firstWorkingDayFrom('2026-02-14', calendar)).toBe('2026-02-23')
  })
})

describe('computeDueAt', () => {
  const sameDay = { kind: 'SAME_DAY', cutoffHour: 15 } as const

  it('same day: due at 17:00 the day of receipt when received before the cut-off', () => {
    expect(computeDueAt(vn('2026-11-23T08:05:00'), sameDay, calendar)).toEqual(vn('2026-11-23T17:00:00'))
    expect(computeDueAt(vn('2026-11-23T14:59:59'), sameDay, calendar)).toEqual(vn('2026-11-23T17:00:00'))
  })

  it('same day: due the next working day when received at or after the cut-off', () => {
    expect(computeDueAt(vn('2026-11-23T15:00:00'), sameDay, calendar)).toEqual(vn('2026-11-25T17:00:00'))
    expect(computeDueAt(vn('2026-11-27T16:30:00'), sameDay, calendar)).toEqual(vn('2026-11-30T17:00:00'))
  })

  it('same day: due the next working day when received on a non-working day', () => {
    expect(computeDueAt(vn('2026-11-28T09:00:00'), sameDay, calendar)).toEqual(vn('2026-11-30T17:00:00'))
    expect(computeDueAt(vn('2026-11-24T09:00:00'), sameDay, calendar)).toEqual(vn('2026-11-25T17:00:00'))
    expect(computeDueAt(vn('2026-08-22T09:00:00'), sameDay, calendar)).toEqual(vn('2026-08-22T17:00:00'))
  })

  it('same day across midnight UTC: a receipt at 06:00 local is still that local day', () => {
    expect(computeDueAt(new Date('2026-11-22T23:00:00Z'), sameDay, calendar)).toEqual(vn('2026-11-23T17:00:00'))
  })

  it('working days: the n-th working day after the day of receipt', () => {
    const three = { kind: 'WORKING_DAYS', days: 3 } as const
    expect(computeDueAt(vn('2026-11-19T10:00:00'), three, calendar)).toEqual(vn('2026-11-25T17:00:00')) // Thu → Fri, Mon, (Tue off), Wed
    expect(computeDueAt(vn('2026-11-23T16:45:00'), three, calendar)).toEqual(vn('2026-11-27T17:00:00'))
  })

  it('working days: a receipt on a non-working day counts from the next working day', () => {
    const two = { kind: 'WORKING_DAYS', days: 2 } as const
    expect(computeDueAt(vn('2026-11-28T10:00:00'), two, calendar)).toEqual(computeDueAt(vn('2026-11-30T10:00:00'), two, calendar))
    expect(computeDueAt(vn('2026-11-28T10:00:00'), two, calendar)).toEqual(vn('2026-12-02T17:00:00'))
  })

  it('applies the extension only when asked', () => {
    const extendable = { kind: 'WORKING_DAYS', days: 3, extensionDays: 3, extensionReason: 'Cần xác minh' } as const
    const received = vn('2026-11-16T09:00:00') // Monday
    expect(computeDueAt(received, extendable, calendar)).toEqual(vn('2026-11-19T17:00:00'))
    expect(computeDueAt(received, extendable, calendar, { extended: true })).toEqual(vn('2026-11-25T17:00:00'))
    const manyPages = { kind: 'SAME_DAY', cutoffHour: 15, extensionDays: 2 } as const
    expect(computeDueAt(received, manyPages, calendar, { extended: true })).toEqual(vn('2026-11-18T17:00:00'))
    expect(computeDueAt(received, sameDay, calendar, { extended: true })).toEqual(vn('2026-11-16T17:00:00'))
  })

  it('is never before the receipt and always at 17:00 local of a working day (property)', () => {
    const deadline = fc.oneof(
      fc.record({ kind: fc.constant('SAME_DAY' as const), cutoffHour: fc.integer({ min: 0, max: 23 }) }),
      fc.record({ kind: fc.constant('WORKING_DAYS' as const), days: fc.integer({ min: 1, max: 30 }) }),
    )
    fc.assert(
      fc.property(fc.date({ min: new Date('2025-06-01'), max: new Date('2027-06-01'), noInvalidDate: true }), deadline, (receivedAt, rule) => {
        const due = computeDueAt(receivedAt, rule, calendar)
        expect(localMinuteOfDay(due)).toBe(17 * 60)
        expect(isWorkingDay(localDateOf(due), calendar)).toBe(true)
        // Same-day results may be due earlier than the receipt only when received after closing on the due day: never.
        expect(localDateOf(due) >= localDateOf(receivedAt)).toBe(true)
      }),
    )
  })
})

describe('workingMinutesBetween', () => {
  it('counts office minutes (07:30–17:00) of working days only', () => {
    expect(workingMinutesBetween(vn('2026-11-23T08:00:00'), vn('2026-11-23T09:30:00'), calendar)).toBe(90)
    expect(workingMinutesBetween(vn('2026-11-23T06:00:00'), vn('2026-11-23T20:00:00'), calendar)).toBe(570)
    // Monday 16:00 → Wednesday 08:30: 60 + (Tuesday is a holiday) + 60
    expect(workingMinutesBetween(vn('2026-11-23T16:00:00'), vn('2026-11-25T08:30:00'), calendar)).toBe(120)
    expect(workingMinutesBetween(vn('2026-11-28T08:00:00'), vn('2026-11-29T17:00:00'), calendar)).toBe(0)
    expect(workingMinutesBetween(vn('2026-11-25T08:00:00'), vn('2026-11-23T08:00:00'), calendar)).toBe(0)
  })
})
