import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import {
  assertDashboardPeriod,
  buildTrends,
  compareNames,
  dailyTrend,
  dashboardSearchParams,
  emptyCounts,
  figuresFromCounts,
  isoWeekOf,
  isoWeekStart,
  loadAlerts,
  overdueJumpAlerts,
  overdueJumped,
  overdueJumpWindows,
  parseDashboardPeriod,
  parseDashboardSort,
  periodOf,
  rankRows,
  sumCounts,
  validateLoadThreshold,
  weeklyTrend,
  type RankableRow,
} from './dashboard-metrics'
import { DASHBOARD_SORT_KEYS, type DashboardCounts, type DashboardSort } from './dashboard-metrics-types'

/** 2026-11-25 09:00 in Vietnam (02:00 UTC). */
const NOW = new Date('2026-11-25T02:00:00Z')

function fieldErrors(run: () => unknown): Record<string, string[]> | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_INPUT') return error.fieldErrors
    throw error
  }
  throw new Error('expected INVALID_INPUT')
}

describe('parseDashboardPeriod', () => {
  it.each([
    [{}, '2026-10-27', '2026-11-25', 30, 30],
    [{ ky: '7' }, '2026-11-19', '2026-11-25', 7, 7],
    [{ ky: ['90', '7'] }, '2026-08-28', '2026-11-25', 90, 90],
    [{ ky: '365' }, '2025-11-26', '2026-11-25', 365, 365],
    [{ tu: '2026-01-01', den: '2026-01-31' }, '2026-01-01', '2026-01-31', 31, null],
    // As people type them in the forms (dd/MM/yyyy), the same period.
    [{ tu: '01/01/2026', den: '31/1/2026' }, '2026-01-01', '2026-01-31', 31, null],
    [{ tu: '2026-11-25', den: '2026-11-25' }, '2026-11-25', '2026-11-25', 1, null],
    [{ tu: '2025-11-25', den: '2026-11-25' }, '2025-11-25', '2026-11-25', 366, null],
    [{ tu: '2024-01-01', den: '2024-12-31', ky: '7' }, '2024-01-01', '2024-12-31', 366, null],
    [{ tu: ' ', den: '', ky: '' }, '2026-10-27', '2026-11-25', 30, 30],
  ])('%j → %s … %s', (params, from, to, days, preset) => {
    const period = parseDashboardPeriod(params, NOW)
    expect(period).toMatchObject({ from, to, days, preset })
  })

  it('gives local-midnight bounds (Asia/Ho_Chi_Minh), whatever the server time zone', () => {
    const period = parseDashboardPeriod({ tu: '2026-10-01', den: '2026-10-31' }, NOW)
    expect(period.startsAt.toISOString()).toBe('2026-09-30T17:00:00.000Z')
    expect(period.endsBefore.toISOString()).toBe('2026-10-31T17:00:00.000Z')
  })

  it('counts "today" in Vietnam: at 23:30 UTC it is already the next day', () => {
    const period = parseDashboardPeriod({ ky: '7' }, new Date('2026-11-24T17:30:00Z'))
    expect(period.to).toBe('2026-11-25')
  })

  it.each([
    [{ tu: '2026-02-30', den: '2026-03-01' }, { tu: ['INVALID_DATE'] }],
    [{ tu: '2026-1-1', den: '2026-01-02' }, { tu: ['INVALID_DATE'] }],
    [{ tu: '2026-01-01' }, { den: ['REQUIRED'] }],
    [{ den: '2026-01-01' }, { tu: ['REQUIRED'] }],
    [{ tu: '2026-02-01', den: '2026-01-31' }, { den: ['END_BEFORE_START'] }],
    [{ tu: '2025-11-24', den: '2026-11-25' }, { tu: ['PERIOD_TOO_LONG'] }],
    [{ tu: '2026-11-20', den: '2026-11-26' }, { den: ['AFTER_TODAY'] }],
    [{ ky: '14' }, { ky: ['INVALID_PRESET'] }],
    [{ ky: '30.0' }, { ky: ['INVALID_PRESET'] }],
  ])('%j is refused with %j', (params, expected) => {
    expect(fieldErrors(() => parseDashboardPeriod(params, NOW))).toEqual(expected)
  })

  it('property: any valid explicit range round-trips through the search parameters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 366 }), (back, days) => {
        const to = periodOf('2026-11-25', '2026-11-25').from
        const end = new Date(Date.parse(`${to}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10)
        const start = new Date(Date.parse(`${end}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10)
        const period = parseDashboardPeriod({ tu: start, den: end }, NOW)
        expect(period.days).toBe(days)
        expect(period.endsBefore.getTime() - period.startsAt.getTime()).toBe(days * 86_400_000)
        const again = parseDashboardPeriod(Object.fromEntries(dashboardSearchParams(period)), NOW)
        expect(again).toEqual(period)
      }),
    )
  })
})

describe('assertDashboardPeriod', () => {
  it('accepts what periodOf builds and refuses a doctored one', () => {
    const period = periodOf('2026-01-01', '2026-01-31')
    expect(assertDashboardPeriod(period)).toBe(period)
    expect(fieldErrors(() => assertDashboardPeriod({ ...period, days: 40 }))).toEqual({ period: ['INVALID_PERIOD'] })
    expect(fieldErrors(() => assertDashboardPeriod(periodOf('2024-01-01', '2026-01-01')))).toEqual({ period: ['INVALID_PERIOD'] })
    expect(fieldErrors(() => assertDashboardPeriod({ ...period, startsAt: new Date('2026-01-01T00:00:00Z') }))).toEqual({ period: ['INVALID_PERIOD'] })
  })
})

describe('parseDashboardSort and dashboardSearchParams', () => {
  it.each([
    [{}, { key: 'received', direction: 'desc' }],
    [{ xep: 'name' }, { key: 'name', direction: 'asc' }],
    [{ xep: 'onTimeRate', chieu: 'asc' }, { key: 'onTimeRate', direction: 'asc' }],
    [{ xep: ['overdueNow'], chieu: ['desc'] }, { key: 'overdueNow', direction: 'desc' }],
  ])('%j → %j', (params, expected) => {
    expect(parseDashboardSort(params)).toEqual(expected)
  })

  it('refuses columns outside the whitelist and unknown directions', () => {
    expect(fieldErrors(() => parseDashboardSort({ xep: 'constructor', chieu: 'up' }))).toEqual({ xep: ['INVALID_SORT_KEY'], chieu: ['INVALID_DIRECTION'] })
    expect(fieldErrors(() => parseDashboardSort({ xep: '__proto__' }))).toEqual({ xep: ['INVALID_SORT_KEY'] })
  })

  it('writes only what differs from the defaults', () => {
    const now = NOW
    expect(dashboardSearchParams(parseDashboardPeriod({}, now)).toString()).toBe('')
    expect(dashboardSearchParams(parseDashboardPeriod({ ky: '7' }, now), { key: 'name', direction: 'asc' }).toString()).toBe('ky=7&xep=name&chieu=asc')
    expect(dashboardSearchParams(parseDashboardPeriod({ tu: '2026-01-01', den: '2026-01-02' }, now)).toString()).toBe('tu=2026-01-01&den=2026-01-02')
  })
})

function counts(partial: Partial<DashboardCounts>): DashboardCounts {
  return { ...emptyCounts(), ...partial }
}

describe('figuresFromCounts', () => {
  it('derives every figure from the sums', () => {
    const figures = figuresFromCounts(
      counts({
        received: 200,
        receivedOnline: 150,
        receivedDigitised: 180,
        feeDue: 40,
        feePaidOnline: 10,
        resolved: 100,
        resolvedEarly: 30,
        resolvedOnTime: 60,
        resolvedLate: 10,
        resolvedElectronic: 25,
        refused: 3,
        withdrawn: 2,
        processingMinutes: 100 * 570 * 3,
        ratingsCount: 8,
        ratingsSum: 34,
        ratingsSatisfied: 6,
        waitingReception: 7,
        processing: 20,
        readyToReturn: 5,
        awaitingSupplement: 4,
        overdueNow: 9,
      }),
    )
    expect(figures).toMatchObject({
      received: 200,
      resolved: 100,
      inProgress: 25,
      waitingReception: 7,
      awaitingSupplement: 4,
      overdueNow: 9,
      onTimeRate: 0.9,
      onlineShare: 0.75,
      digitisedShare: 0.9,
      onlinePaymentShare: 0.25,
      electronicResultShare: 0.25,
      avgProcessingWorkingDays: 3,
      satisfaction: 0.75,
      avgRating: 4.25,
    })
  })

  it('gives null, never 0 or 100 %, for a ratio without a denominator', () => {
    const figures = figuresFromCounts(counts({ waitingReception: 3 }))
    for (const key of ['onTimeRate', 'onlineShare', 'onlinePaymentShare', 'digitisedShare', 'electronicResultShare', 'avgProcessingWorkingDays', 'satisfaction', 'avgRating'] as const) {
      expect(figures[key], key).toBeNull()
    }
    expect(figures.inProgress).toBe(0)
  })

  it('property: ratios of a sum stay within [0, 1] and the sum of parts adds up', () => {
    const part = fc.record({ received: fc.nat(1000), resolvedEarly: fc.nat(100), resolvedOnTime: fc.nat(100), resolvedLate: fc.nat(100) }).map((p) =>
      counts({ ...p, receivedOnline: Math.floor(p.received / 2), resolved: p.resolvedEarly + p.resolvedOnTime + p.resolvedLate }),
    )
    fc.assert(
      fc.property(fc.array(part, { maxLength: 20 }), (parts) => {
        const total = sumCounts(parts)
        expect(total.received).toBe(parts.reduce((acc, p) => acc + p.received, 0))
        const figures = figuresFromCounts(total)
        for (const ratio of [figures.onTimeRate, figures.onlineShare]) {
          if (ratio !== null) {
            expect(ratio).toBeGreaterThanOrEqual(0)
            expect(ratio).toBeLessThanOrEqual(1)
          }
        }
        expect(figures.onTimeRate === null).toBe(total.resolved === 0)
      }),
    )
  })
})

function row(id: string, name: string, partial: Partial<DashboardCounts> = {}): RankableRow {
  return { id, name, ...figuresFromCounts(counts(partial)) }
}

describe('rankRows', () => {
  const rows = [
    row('a', 'Xã Đông Sơn', { received: 10, resolved: 4, resolvedLate: 1, resolvedOnTime: 3 }),
    row('b', 'Xã Diễn Châu', { received: 10, resolved: 0 }),
    row('c', 'Phường Vinh', { received: 30, resolved: 2, resolvedEarly: 2 }),
    row('d', 'Xã Ân Phú', { received: 5, resolved: 5, resolvedLate: 5 }),
    row('e', 'Xã An Phú', { received: 5 }),
  ]

  it.each<[DashboardSort, string[]]>([
    [{ key: 'received', direction: 'desc' }, ['c', 'b', 'a', 'e', 'd']],
    [{ key: 'received', direction: 'asc' }, ['e', 'd', 'b', 'a', 'c']],
    // null on-time rates (b, e: nothing resolved) are last in both directions, by name among themselves.
    [{ key: 'onTimeRate', direction: 'desc' }, ['c', 'a', 'd', 'e', 'b']],
    [{ key: 'onTimeRate', direction: 'asc' }, ['d', 'a', 'c', 'e', 'b']],
    // Vietnamese collation: "An" < "Ân" < "Diễn" < "Đông" (Đ after D), "Phường" < "Xã".
    [{ key: 'name', direction: 'asc' }, ['c', 'e', 'd', 'b', 'a']],
    [{ key: 'name', direction: 'desc' }, ['a', 'b', 'd', 'e', 'c']],
  ])('%j', (sort, expected) => {
    const ranked = rankRows(rows, sort)
    expect(ranked.map((r) => r.id)).toEqual(expected)
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5])
  })

  it('collates Vietnamese names as Intl.Collator("vi") does', () => {
    expect(compareNames('Đông', 'Dũng')).toBeGreaterThan(0)
    expect(compareNames('Ân', 'An')).toBeGreaterThan(0)
    expect(compareNames('Ân', 'Bắc')).toBeLessThan(0)
  })

  it('refuses a key outside the whitelist', () => {
    expect(() => rankRows(rows, { key: 'id' as never, direction: 'asc' })).toThrow(AppError)
  })

  it('property: ranks depend only on the rows, not their input order; nulls always last', () => {
    const arbitraryRow = fc
      .record({
        id: fc.uuid(),
        name: fc.constantFrom('Xã A', 'Xã Ă', 'Xã B', 'Phường Đ', 'Xã D'),
        received: fc.nat(5),
        resolved: fc.nat(3),
        late: fc.nat(3),
      })
      .map((r) => row(r.id, r.name, { received: r.received, resolved: r.resolved, resolvedLate: Math.min(r.late, r.resolved), resolvedOnTime: r.resolved - Math.min(r.late, r.resolved) }))
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryRow, { selector: (r) => r.id, maxLength: 15 }),
        fc.constantFrom(...DASHBOARD_SORT_KEYS),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.infiniteStream(fc.nat()),
        (input, key, direction, shuffle) => {
          const shuffled = [...input].sort(() => (shuffle.next().value % 3) - 1)
          const a = rankRows(input, { key, direction }).map((r) => `${r.rank}:${r.id}`)
          const b = rankRows(shuffled, { key, direction }).map((r) => `${r.rank}:${r.id}`)
          expect(b).toEqual(a)
          if (key !== 'name') {
            const values = rankRows(input, { key, direction }).map((r) => r[key])
            const firstNull = values.indexOf(null)
            if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true)
          }
        },
      ),
    )
  })
})

describe('trends', () => {
  it('fills every day of the period with zeros and sums rows of the same day', () => {
    const daily = dailyTrend({ from: '2026-11-28', to: '2026-12-02' }, [
      { day: '2026-11-29', received: 3, resolved: 1 },
      { day: '2026-11-29', received: 2 },
      { day: '2026-12-02', received: 7 },
      { day: '2026-12-03', received: 100 },
    ])
    expect(daily.map((p) => [p.day, p.received, p.resolved])).toEqual([
      ['2026-11-28', 0, 0],
      ['2026-11-29', 5, 1],
      ['2026-11-30', 0, 0],
      ['2026-12-01', 0, 0],
      ['2026-12-02', 7, 0],
    ])
  })

  it('groups by ISO week starting Monday, cutting the first and last weeks at the period', () => {
    // 2026-11-28 is a Saturday; 2026-11-30 a Monday.
    const { weekly } = buildTrends({ from: '2026-11-28', to: '2026-12-08' }, [
      { day: '2026-11-28', received: 1 },
      { day: '2026-11-29', received: 2 },
      { day: '2026-11-30', received: 4 },
      { day: '2026-12-06', received: 8 },
      { day: '2026-12-07', received: 16 },
    ])
    expect(weekly.map((w) => [w.weekStart, w.from, w.to, w.days, w.isoWeek, w.received])).toEqual([
      ['2026-11-23', '2026-11-28', '2026-11-29', 2, 48, 3],
      ['2026-11-30', '2026-11-30', '2026-12-06', 7, 49, 12],
      ['2026-12-07', '2026-12-07', '2026-12-08', 2, 50, 16],
    ])
  })

  it.each([
    ['2026-01-01', 2026, 1, '2025-12-29'],
    ['2027-01-01', 2026, 53, '2026-12-28'],
    ['2021-01-03', 2020, 53, '2020-12-28'],
    ['2024-12-30', 2025, 1, '2024-12-30'],
    ['2026-11-25', 2026, 48, '2026-11-23'],
  ])('ISO week of %s is %i-W%i (Monday %s)', (day, isoYear, isoWeek, monday) => {
    expect(isoWeekOf(day)).toEqual({ isoYear, isoWeek })
    expect(isoWeekStart(day)).toBe(monday)
  })

  it('property: weekly buckets partition the days and keep the totals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 1, max: 366 }), fc.array(fc.nat(50), { maxLength: 366 }), (offset, days, values) => {
        const from = new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10)
        const to = new Date(Date.UTC(2025, 0, 1) + (offset + days - 1) * 86_400_000).toISOString().slice(0, 10)
        const daily = dailyTrend({ from, to }, [])
        daily.forEach((point, index) => (point.received = values[index] ?? 0))
        const weekly = weeklyTrend(daily)
        expect(daily).toHaveLength(days)
        expect(weekly.reduce((acc, w) => acc + w.days, 0)).toBe(days)
        expect(weekly.reduce((acc, w) => acc + w.received, 0)).toBe(daily.reduce((acc, d) => acc + d.received, 0))
        for (const week of weekly) {
          expect(week.days).toBeGreaterThanOrEqual(1)
          expect(week.days).toBeLessThanOrEqual(7)
          expect(isoWeekStart(week.from)).toBe(week.weekStart)
          expect(isoWeekStart(week.to)).toBe(week.weekStart)
        }
      }),
    )
  })
})

describe('alerts', () => {
  const communes = new Map([
    ['c1', { id: 'c1', code: '16681', name: 'Xã Một' }],
    ['c2', { id: 'c2', code: '16682', name: 'Xã Hai' }],
    ['c3', { id: 'c3', code: '16683', name: 'Xã Ba' }],
  ])

  it('lists communes with days of MORE than the threshold, with the peak (earliest of equal peaks)', () => {
    const alerts = loadAlerts(
      [
        { communeId: 'c1', day: '2026-11-01', received: 100 },
        { communeId: 'c1', day: '2026-11-02', received: 101 },
        { communeId: 'c2', day: '2026-11-03', received: 120 },
        { communeId: 'c2', day: '2026-11-01', received: 90 },
        { communeId: 'c2', day: '2026-11-01', received: 30 },
        { communeId: 'c2', day: '2026-11-05', received: 99 },
        { communeId: 'c3', day: '2026-11-05', received: 50 },
        { communeId: 'unknown', day: '2026-11-05', received: 500 },
      ],
      communes,
    )
    expect(alerts).toEqual([
      { communeId: 'c2', communeCode: '16682', communeName: 'Xã Hai', threshold: 100, daysOver: 2, peakDay: '2026-11-01', peakReceived: 120 },
      { communeId: 'c1', communeCode: '16681', communeName: 'Xã Một', threshold: 100, daysOver: 1, peakDay: '2026-11-02', peakReceived: 101 },
    ])
    expect(loadAlerts([{ communeId: 'c3', day: '2026-11-05', received: 50 }], communes, 40)).toHaveLength(1)
  })

  it('validates the threshold', () => {
    expect(validateLoadThreshold(undefined)).toBe(100)
    expect(validateLoadThreshold(25)).toBe(25)
    for (const bad of [0, -1, 1.5, Number.NaN, 2_000_000]) expect(() => validateLoadThreshold(bad)).toThrow(AppError)
  })

  it('uses the 7-day windows before today', () => {
    expect(overdueJumpWindows('2026-11-25')).toEqual({
      lastWeek: { from: '2026-11-18', before: '2026-11-25' },
      previousWeek: { from: '2026-11-11', before: '2026-11-18' },
    })
  })

  it.each([
    [5, 0, true],
    [4, 0, false],
    [5, 3, false],
    [6, 3, true],
    [20, 10, true],
    [19, 10, false],
    [0, 0, false],
  ])('last week %i vs previous %i → jumped %s', (lastWeek, previousWeek, expected) => {
    expect(overdueJumped(lastWeek, previousWeek)).toBe(expected)
  })

  it('lists the communes whose overdue count jumped, biggest rise first', () => {
    const alerts = overdueJumpAlerts(
      [
        { communeId: 'c1', lastWeek: 6, previousWeek: 3 },
        { communeId: 'c2', lastWeek: 30, previousWeek: 10 },
        { communeId: 'c3', lastWeek: 4, previousWeek: 0 },
      ],
      communes,
    )
    expect(alerts.map((a) => [a.communeId, a.trigger])).toEqual([
      ['c2', 20],
      ['c1', 6],
    ])
  })

  it('property: the rule is monotone in last week and anti-monotone in the previous week', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.nat(10), (last, previous, more) => {
        if (overdueJumped(last, previous)) {
          expect(overdueJumped(last + more, previous)).toBe(true)
          expect(overdueJumped(last, Math.max(0, previous - more))).toBe(true)
        }
        expect(overdueJumped(last, previous)).toBe(last >= 5 && last >= 2 * previous)
      }),
    )
  })
})
