import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Deadline } from '../procedure/deadline'
import { explainDueAt } from './explain-due-date'
import { buildWorkingCalendar } from './statutory-holidays'
import {
  addCalendarDays,
  computeDueAt,
  isWorkingDay,
  localDateOf,
  localMinuteOfDay,
  planDueDate,
  weekdayOf,
  workingCalendar,
  type CalendarException,
} from './working-days'

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

describe('explainDueAt: new appointments, open and late pauses, recorded appointments', () => {
  const deadline = { kind: 'WORKING_DAYS', days: 3 } as const
  const receivedAt = vn('2026-11-16T09:00:00') // Monday; due Thursday 19/11 17:00

  it('takes a new appointment at any instant, and labels the days it adds', () => {
    const explained = explainDueAt({
      receivedAt,
      deadline,
      calendar,
      reschedules: [{ at: vn('2026-11-19T10:00:00'), dueAt: vn('2026-11-25T10:30:00'), reason: 'Cần xác minh thêm' }],
    })
    expect(explained.dueAt).toEqual(vn('2026-11-25T10:30:00'))
    expect(explained.reschedules).toEqual([
      { kind: 'RESCHEDULE', at: vn('2026-11-19T10:00:00'), dueAt: vn('2026-11-25T10:30:00'), reason: 'Cần xác minh thêm', dueBefore: vn('2026-11-19T17:00:00'), dueAfter: vn('2026-11-25T10:30:00') },
    ])
    expect(explained.days.map((day) => `${day.date.slice(8)} ${day.counts ?? '-'}${day.ordinal ? ` #${day.ordinal}` : ''}`)).toEqual([
      '16 RECEIPT',
      '17 DEADLINE #1',
      '18 DEADLINE #2',
      '19 DEADLINE #3',
      '20 RESCHEDULED #4',
      '21 -',
      '22 -',
      '23 RESCHEDULED #5',
      '24 -', // Ngày Văn hóa Việt Nam
      '25 RESCHEDULED #6',
    ])
    expect(explained.workingDaysCounted).toBe(3)
  })

  it('drops the days after an earlier new appointment', () => {
    const explained = explainDueAt({ receivedAt, deadline, calendar, reschedules: [{ at: vn('2026-11-16T10:00:00'), dueAt: vn('2026-11-17T17:00:00') }] })
    expect(explained.days.map((day) => day.counts)).toEqual(['RECEIPT', 'DEADLINE'])
    expect(explained.workingDaysCounted).toBe(1)
  })

  it('applies pauses and new appointments in the order they happened', () => {
    const pause = { from: vn('2026-11-25T09:00:00'), to: vn('2026-11-26T09:00:00') }
    const reschedule = { at: vn('2026-11-18T09:00:00'), dueAt: vn('2026-11-25T17:00:00') }
    const explained = explainDueAt({ receivedAt, deadline, calendar, pauses: [pause], reschedules: [reschedule] })
    expect(explained.changes.map((change) => change.kind)).toEqual(['RESCHEDULE', 'PAUSE'])
    // 8 office hours remained at 25/11 09:00; resumed 26/11 09:00 → 26/11 17:00.
    expect(explained.dueAt).toEqual(vn('2026-11-26T17:00:00'))
    expect(explained.days.at(-1)).toMatchObject({ date: '2026-11-26', counts: 'AFTER_PAUSE', paused: true })
  })

  it('keeps the due instant while a pause is open, and counts it up to now', () => {
    const explained = explainDueAt({
      receivedAt,
      deadline,
      calendar,
      pauses: [{ from: vn('2026-11-17T15:00:00'), to: null, reason: 'Thiếu giấy tờ' }],
      now: vn('2026-11-18T10:00:00'),
    })
    expect(explained.dueAt).toEqual(vn('2026-11-19T17:00:00'))
    expect(explained.pausedSince).toEqual(vn('2026-11-17T15:00:00'))
    // 2 h on 17/11 and all of 18/11–19/11 remained: 120 + 2 × 570 minutes.
    expect(explained.pauses[0]).toMatchObject({ ongoing: true, workingMinutes: 120 + 150, workingMinutesLeft: 120 + 2 * 570, dueAfter: vn('2026-11-19T17:00:00'), reason: 'Thiếu giấy tờ' })
    // Paused so far: the days up to now (what comes next is not known yet).
    expect(explained.days.filter((day) => day.paused).map((day) => day.date)).toEqual(['2026-11-17', '2026-11-18'])
    // Paused long after the due day: the days so far show, paused all day and not counted.
    const long = explainDueAt({ receivedAt, deadline, calendar, pauses: [{ from: vn('2026-11-17T15:00:00'), to: null }], now: vn('2026-11-23T10:00:00') })
    expect(long.dueAt).toEqual(vn('2026-11-19T17:00:00'))
    expect(long.days.slice(-3).map((day) => `${day.date.slice(8)} ${day.counts ?? '-'}${day.pausedAllDay ? ' all-day' : day.paused ? ' part' : ''}`)).toEqual([
      '21 -',
      '22 -',
      '23 - part',
    ])
    expect(() => explainDueAt({ receivedAt, deadline, calendar, pauses: [{ from: receivedAt, to: null }, { from: vn('2026-11-18T10:00:00'), to: vn('2026-11-18T11:00:00') }] })).toThrow(
      /open/,
    )
  })

  it('does not count the working days the clock stood still all day, and makes them up after the pause', () => {
    // Paused Tuesday 17/11 12:00 → Monday 23/11 09:00: 18, 19 and 20/11 paused all day.
    const explained = explainDueAt({ receivedAt, deadline, calendar, pauses: [{ from: vn('2026-11-17T12:00:00'), to: vn('2026-11-23T09:00:00') }] })
    expect(explained.days.map((day) => `${day.date.slice(8)} ${day.counts ?? '-'}${day.pausedAllDay ? ' all-day' : day.paused ? ' part' : ''}`)).toEqual([
      '16 RECEIPT',
      '17 DEADLINE part',
      '18 - all-day',
      '19 - all-day',
      '20 - all-day',
      '21 -',
      '22 -',
      '23 AFTER_PAUSE part',
      '24 -',
      '25 AFTER_PAUSE',
      '26 AFTER_PAUSE',
    ])
    expect(explained.workingDaysCounted).toBe(1)
    // 5 h on 17/11 + all of 18/11 and 19/11 remained (1,440 min), counted again from 23/11 09:00: 480 min on
    // 23/11, (24/11 holiday), 570 on 25/11, 390 on 26/11 → 26/11 14:00.
    expect(explained.dueAt).toEqual(vn('2026-11-26T14:00:00'))
  })

  it('keeps a missed appointment when the clock paused after it', () => {
    const explained = explainDueAt({ receivedAt, deadline, calendar, pauses: [{ from: vn('2026-11-20T09:00:00'), to: vn('2026-11-27T09:00:00') }] })
    expect(explained.pauses[0]).toMatchObject({ lateWhenPaused: true, workingMinutesLeft: 0, dueBefore: vn('2026-11-19T17:00:00'), dueAfter: vn('2026-11-19T17:00:00'), differsFromRule: false })
    expect(explained.dueAt).toEqual(vn('2026-11-19T17:00:00'))
  })

  it('keeps recorded appointments that the rule no longer gives, and says so', () => {
    const explained = explainDueAt({
      receivedAt,
      deadline,
      calendar,
      recordedDueAtReceipt: vn('2026-11-20T17:00:00'), // e.g. a holiday removed from the calendar since
      pauses: [{ from: vn('2026-11-17T09:00:00'), to: vn('2026-11-18T09:00:00'), recordedDueAfter: vn('2026-11-27T17:00:00') }],
    })
    expect(explained.receiptDiffersFromRule).toBe(true)
    expect(explained.computedDueAtReceipt).toEqual(vn('2026-11-19T17:00:00'))
    expect(explained.pauses[0]).toMatchObject({ differsFromRule: true, computedDueAfter: vn('2026-11-23T17:00:00'), dueAfter: vn('2026-11-27T17:00:00') })
    expect(explained.dueAt).toEqual(vn('2026-11-27T17:00:00'))
    expect(explained.days.filter((day) => day.counts).map((day) => `${day.date.slice(8)} ${day.counts}`)).toEqual([
      '16 RECEIPT',
      '17 DEADLINE',
      '18 DEADLINE',
      '19 DEADLINE',
      '20 RECORDED',
      '23 AFTER_PAUSE',
      '25 RECORDED',
      '26 RECORDED',
      '27 RECORDED',
    ])
  })
})

describe('one calendar rule', () => {
  it('weekdayOf is the day of the week of the date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 80_000 }), (offset) => {
        const date = addCalendarDays('1970-01-01', offset)
        expect(weekdayOf(date)).toBe(new Date(`${date}T00:00:00Z`).getUTCDay())
      }),
    )
  })

  it('the explanation starts where planDueDate (the rule of computeDueAt) starts', () => {
    const plain = workingCalendar([])
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * 365 * 24 * 60 }), fc.integer({ min: 0, max: 23 }), (minutes, cutoffHour) => {
        const received = new Date(Date.UTC(2026, 0, 1) + minutes * 60_000)
        const rule: Deadline = { kind: 'SAME_DAY', cutoffHour }
        const plan = planDueDate(received, rule, plain)
        const explained = explainDueAt({ receivedAt: received, deadline: rule, calendar: plain })
        expect(explained.start).toEqual({ date: plan.startDate, movedBecause: plan.movedBecause })
        expect(explained.dueAt).toEqual(computeDueAt(received, rule, plain))
      }),
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
