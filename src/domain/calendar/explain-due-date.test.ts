import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Deadline } from '../procedure/deadline'
import { explainDueAt } from './explain-due-date'
import { buildWorkingCalendar } from './statutory-holidays'
import { addCalendarDays, computeDueAt, isWorkingDay, localDateOf, localMinuteOfDay, type CalendarException } from './working-days'

const vn = (text: string) => new Date(`${text}+07:00`)
const notices2026: CalendarException[] = [
  { date: '2026-01-02', kind: 'DAY_OFF', name: 'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)' },
  { date: '2026-01-10', kind: 'WORKING_DAY', name: 'Làm bù cho ngày 02/01/2026' },
  { date: '2026-08-22', kind: 'WORKING_DAY', name: 'Làm bù cho ngày 31/08/2026' },
  { date: '2026-08-31', kind: 'DAY_OFF', name: 'Nghỉ hoán đổi lễ Quốc khánh (làm bù thứ Bảy 22/08/2026)' },
]
const calendar = buildWorkingCalendar({ years: [2025, 2026, 2027, 2028], adminExceptions: notices2026 })

describe('explainDueAt', () => {
  it('walks over Tết day by day, with the holidays named', () => {
    const explained = explainDueAt({ receivedAt: vn('2026-02-13T16:00:00'), deadline: { kind: 'WORKING_DAYS', days: 3 }, calendar })
    expect(explained.start).toEqual({ date: '2026-02-13', movedBecause: null })
    expect(explained.dueAt).toEqual(vn('2026-02-25T17:00:00'))
    expect(explained.workingDaysCounted).toBe(3)
    expect(explained.days.map((day) => `${day.date} ${day.status} ${day.counts ?? '-'}`)).toEqual([
      '2026-02-13 WORKING_DAY RECEIPT',
      '2026-02-14 WEEKEND -',
      '2026-02-15 WEEKEND -',
      '2026-02-16 HOLIDAY -',
      '2026-02-17 HOLIDAY -',
      '2026-02-18 HOLIDAY -',
      '2026-02-19 HOLIDAY -',
      '2026-02-20 HOLIDAY -',
      '2026-02-21 WEEKEND -',
      '2026-02-22 WEEKEND -',
      '2026-02-23 WORKING_DAY DEADLINE',
      '2026-02-24 WORKING_DAY DEADLINE',
      '2026-02-25 WORKING_DAY DEADLINE',
    ])
    expect(explained.days[4]?.name).toBe('Tết Nguyên đán (mùng 1 Tết)')
  })

  it('shows the make-up Saturday and the swapped Monday', () => {
    const explained = explainDueAt({ receivedAt: vn('2026-08-20T09:00:00'), deadline: { kind: 'WORKING_DAYS', days: 3 }, calendar })
    expect(explained.days.find((day) => day.date === '2026-08-22')).toMatchObject({
      status: 'MAKE_UP_WORKING_DAY',
      counts: 'DEADLINE',
      name: 'Làm bù cho ngày 31/08/2026',
    })
    expect(explained.dueAt).toEqual(vn('2026-08-24T17:00:00')) // Fri 21, Sat 22 (make-up), Mon 24
    const national = explainDueAt({ receivedAt: vn('2026-08-27T09:00:00'), deadline: { kind: 'WORKING_DAYS', days: 2 }, calendar })
    expect(national.days.find((day) => day.date === '2026-08-31')).toMatchObject({ status: 'DAY_OFF', counts: null })
    expect(national.days.find((day) => day.date === '2026-09-01')).toMatchObject({ status: 'HOLIDAY', name: 'Quốc khánh (ngày liền kề)' })
    expect(national.dueAt).toEqual(vn('2026-09-03T17:00:00')) // Fri 28, then 29/8–2/9 off, Thu 3/9
  })

  it('explains the cut-off of a same-day procedure', () => {
    const explained = explainDueAt({ receivedAt: vn('2026-11-23T15:30:00'), deadline: { kind: 'SAME_DAY', cutoffHour: 15 }, calendar })
    expect(explained.start).toEqual({ date: '2026-11-25', movedBecause: 'AFTER_CUTOFF' })
    expect(explained.days.map((day) => `${day.date} ${day.status} ${day.counts ?? '-'} ${day.name ?? ''}`.trim())).toEqual([
      '2026-11-23 WORKING_DAY RECEIPT',
      '2026-11-24 HOLIDAY - Ngày Văn hóa Việt Nam',
      '2026-11-25 WORKING_DAY SAME_DAY',
    ])
    expect(explained.dueAt).toEqual(vn('2026-11-25T17:00:00'))
    const weekend = explainDueAt({ receivedAt: vn('2026-11-28T09:00:00'), deadline: { kind: 'SAME_DAY', cutoffHour: 15 }, calendar })
    expect(weekend.start).toEqual({ date: '2026-11-30', movedBecause: 'NON_WORKING_DAY' })
  })

  it('adds extensions, then pauses', () => {
    const explained = explainDueAt({
      receivedAt: vn('2026-11-16T09:00:00'), // Monday
      deadline: { kind: 'WORKING_DAYS', days: 3 },
      calendar,
      extensions: [{ days: 2, reason: 'Cần xác minh' }],
      pauses: [{ from: vn('2026-11-18T12:00:00'), to: vn('2026-11-19T12:00:00') }], // one office day (570 min) stopped
    })
    expect(explained.dueWithoutExtensions).toEqual(vn('2026-11-19T17:00:00'))
    expect(explained.extensions[0]?.dueAfter).toEqual(vn('2026-11-23T17:00:00'))
    expect(explained.pauses[0]?.workingMinutes).toBe(570)
    expect(explained.dueAt).toEqual(vn('2026-11-25T17:00:00')) // one more working day, over the 24/11 holiday
    const counts = explained.days.map((day) => `${day.date} ${day.counts ?? '-'}${day.paused ? ' paused' : ''}`)
    expect(counts).toEqual([
      '2026-11-16 RECEIPT',
      '2026-11-17 DEADLINE',
      '2026-11-18 DEADLINE paused',
      '2026-11-19 DEADLINE paused',
      '2026-11-20 EXTENSION',
      '2026-11-21 -',
      '2026-11-22 -',
      '2026-11-23 EXTENSION',
      '2026-11-24 -',
      '2026-11-25 AFTER_PAUSE',
    ])
  })

  it('rejects overlapping pauses', () => {
    const pauses = [
      { from: vn('2026-11-18T12:00:00'), to: vn('2026-11-19T12:00:00') },
      { from: vn('2026-11-19T09:00:00'), to: vn('2026-11-20T12:00:00') },
    ]
    expect(() => explainDueAt({ receivedAt: vn('2026-11-16T09:00:00'), deadline: { kind: 'WORKING_DAYS', days: 3 }, calendar, pauses })).toThrow(
      /overlap/,
    )
  })
})

describe('due-date properties over 2025–2027 with random admin exceptions', () => {
  const receivedAt = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T16:59:59Z'), noInvalidDate: true })
  const deadline: fc.Arbitrary<Deadline> = fc.oneof(
    fc.record({ kind: fc.constant('SAME_DAY' as const), cutoffHour: fc.integer({ min: 0, max: 23 }) }),
    fc.record({ kind: fc.constant('WORKING_DAYS' as const), days: fc.integer({ min: 1, max: 45 }) }),
  )
  const extensionDays = fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined })
  const adminExceptions = fc.array(
    fc.record({
      date: fc.integer({ min: 0, max: 3 * 365 + 60 }).map((offset) => addCalendarDays('2025-01-01', offset)),
      kind: fc.constantFrom('HOLIDAY' as const, 'DAY_OFF' as const, 'WORKING_DAY' as const),
      name: fc.constantFrom('Nghỉ theo thông báo', 'Làm bù'),
    }),
    { maxLength: 40 },
  )
  const randomCalendar = adminExceptions.map((rows) => buildWorkingCalendar({ years: [2025, 2026, 2027, 2028], adminExceptions: [...notices2026, ...rows] }))

  it('the due date never lands on a non-working day and is at 17:00 local', () => {
    fc.assert(
      fc.property(receivedAt, deadline, extensionDays, randomCalendar, fc.boolean(), (received, rule, extra, cal, extended) => {
        const due = computeDueAt(received, { ...rule, extensionDays: extra }, cal, { extended })
        expect(isWorkingDay(localDateOf(due), cal)).toBe(true)
        expect(localMinuteOfDay(due)).toBe(17 * 60)
        expect(localDateOf(due) >= localDateOf(received)).toBe(true)
      }),
    )
  })

  it("explainDueAt counts exactly the deadline's working days and agrees with computeDueAt", () => {
    fc.assert(
      fc.property(receivedAt, deadline, extensionDays, randomCalendar, (received, rule, extra, cal) => {
        const withExtension = { ...rule, extensionDays: extra }
        const explained = explainDueAt({
          receivedAt: received,
          deadline: withExtension,
          calendar: cal,
          extensions: extra ? [{ days: extra, reason: 'Cần xác minh' }] : [],
        })
        expect(explained.dueAt).toEqual(computeDueAt(received, withExtension, cal, { extended: true }))
        expect(explained.dueWithoutExtensions).toEqual(computeDueAt(received, rule, cal))
        const counted = (kind: string) => explained.days.filter((day) => day.counts === kind)
        expect(explained.workingDaysCounted).toBe(rule.kind === 'WORKING_DAYS' ? rule.days : 0)
        expect(counted('DEADLINE')).toHaveLength(rule.kind === 'WORKING_DAYS' ? rule.days : 0)
        expect(counted('SAME_DAY')).toHaveLength(rule.kind === 'SAME_DAY' ? 1 : 0)
        expect(counted('EXTENSION')).toHaveLength(extra ?? 0)
        for (const day of explained.days) {
          if (day.counts && day.counts !== 'RECEIPT') expect(isWorkingDay(day.date, cal)).toBe(true)
        }
        // Every day from receipt to due, without gaps.
        expect(explained.days[0]?.date).toBe(localDateOf(received))
        expect(explained.days.at(-1)?.date).toBe(localDateOf(explained.dueAt))
        explained.days.slice(1).forEach((day, index) => expect(day.date).toBe(addCalendarDays(explained.days[index]!.date, 1)))
      }),
      { numRuns: 200 },
    )
  })

  it('a pause never makes the explained due date earlier', () => {
    fc.assert(
      fc.property(receivedAt, deadline, fc.integer({ min: 0, max: 60 * 24 * 20 }), fc.integer({ min: 0, max: 60 * 24 * 20 }), (received, rule, start, length) => {
        const plain = explainDueAt({ receivedAt: received, deadline: rule, calendar })
        const from = new Date(received.getTime() + start * 60_000)
        const paused = explainDueAt({ receivedAt: received, deadline: rule, calendar, pauses: [{ from, to: new Date(from.getTime() + length * 60_000) }] })
        expect(paused.dueAt.getTime()).toBeGreaterThanOrEqual(plain.dueAt.getTime())
      }),
    )
  })
})
