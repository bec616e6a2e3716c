import { z } from 'zod'
import { addCalendarDays, localDateOf, localInstant, weekdayOf } from '../calendar/working-days'
import { AppError, fieldErrorsOf } from '../errors'
import {
  DAILY_STAT_COLUMNS,
  DASHBOARD_PRESETS,
  DASHBOARD_SORT_KEYS,
  DEFAULT_DASHBOARD_SORT,
  DEFAULT_LOAD_THRESHOLD,
  DEFAULT_PERIOD_DAYS,
  MAX_PERIOD_DAYS,
  OPEN_STAT_COUNTS,
  TREND_COUNT_KEYS,
  type DailyTrendPoint,
  type DashboardCounts,
  type DashboardFigures,
  type DashboardPeriod,
  type DashboardPeriodParams,
  type DashboardPreset,
  type DashboardSort,
  type DashboardSortKey,
  type DashboardSortParams,
  type DashboardTrends,
  type LoadAlert,
  type LocalDate,
  type OverdueJumpAlert,
  type Ranked,
  type SearchParamValue,
  type TrendCounts,
  type WeeklyTrendPoint,
} from './dashboard-metrics-types'

/**
 * # Dashboard figures (issue 8) — the pure rules
 *
 * The server sums the maintained aggregates (DossierDailyStat, DossierOpenStat) for a scope and a period; this
 * module turns those sums into what the dashboard shows, and decides periods, orders, trend buckets and alerts.
 * No I/O. Types and closed lists are in `dashboard-metrics-types.ts`.
 *
 * Time: every day is a local date of Asia/Ho_Chi_Minh (UTC+07:00 all year, no daylight saving), whatever the
 * server's time zone. A period of days [from, to] is the instants [from 00:00 local, to+1 00:00 local).
 */

/** Working minutes in an office day (07:30–17:00): the unit of the average processing time. */
export const WORKING_MINUTES_PER_DAY = 570

/** Codes of the field errors a period or a sort can raise (`AppError('INVALID_INPUT').fieldErrors`). */
export const DASHBOARD_INPUT_ERRORS = [
  /** Not a 'yyyy-MM-dd' calendar date. */
  'INVALID_DATE',
  /** `tu` without `den` or the reverse. */
  'REQUIRED',
  /** `den` before `tu`. */
  'END_BEFORE_START',
  /** More than MAX_PERIOD_DAYS days. */
  'PERIOD_TOO_LONG',
  /** `den` after today (local). */
  'AFTER_TODAY',
  /** `ky` is not 7, 30, 90 or 365. */
  'INVALID_PRESET',
  /** `xep` is not a sortable column. */
  'INVALID_SORT_KEY',
  /** `chieu` is not 'asc' or 'desc'. */
  'INVALID_DIRECTION',
  /** A `DashboardPeriod` passed to a use-case is inconsistent (not from parseDashboardPeriod/periodOf). */
  'INVALID_PERIOD',
  /** The load threshold is not a whole number from 1 to 1 000 000. */
  'INVALID_THRESHOLD',
] as const
export type DashboardInputError = (typeof DASHBOARD_INPUT_ERRORS)[number]

// ─────────────────────────────── Local days ───────────────────────────────

/** Today's local date (Asia/Ho_Chi_Minh) at `now`. */
export function localToday(now: Date): LocalDate {
  return localDateOf(now)
}

/** Local midnight starting a local date. */
export function startOfLocalDay(day: LocalDate): Date {
  return localInstant(day, 0)
}

/** Number of days from `from` to `to`, both included (negative when `to` is before `from`). */
export function daysInclusive(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const ms = Date.parse(`${value}T00:00:00Z`)
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value
}

/** The period of whole local days [from, to] (validated by the caller). */
export function periodOf(from: LocalDate, to: LocalDate, preset: DashboardPreset | null = null): DashboardPeriod {
  return {
    from,
    to,
    days: daysInclusive(from, to),
    preset,
    startsAt: startOfLocalDay(from),
    endsBefore: startOfLocalDay(addCalendarDays(to, 1)),
  }
}

/**
 * Checks a period built elsewhere (use-cases accept a `DashboardPeriod`, not search parameters): real dates,
 * from ≤ to, at most MAX_PERIOD_DAYS, and its derived fields consistent. AppError INVALID_INPUT otherwise.
 */
export function assertDashboardPeriod(period: DashboardPeriod): DashboardPeriod {
  const valid =
    isCalendarDate(period.from) &&
    isCalendarDate(period.to) &&
    period.days === daysInclusive(period.from, period.to) &&
    period.days >= 1 &&
    period.days <= MAX_PERIOD_DAYS &&
    period.startsAt.getTime() === startOfLocalDay(period.from).getTime() &&
    period.endsBefore.getTime() === startOfLocalDay(addCalendarDays(period.to, 1)).getTime()
  if (!valid) throw new AppError('INVALID_INPUT', 'Invalid dashboard period', { period: ['INVALID_PERIOD'] })
  return period
}

/** The `days` days ending today (local), today included. */
export function presetPeriod(days: DashboardPreset, now: Date): DashboardPeriod {
  const today = localToday(now)
  return periodOf(addCalendarDays(today, -(days - 1)), today, days)
}

/** A date as people type it here (dd/MM/yyyy, also with '.' or '-') → 'yyyy-MM-dd'; anything else unchanged. */
function typedDate(value: string | undefined): string | undefined {
  const match = value === undefined ? null : /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value)
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : value
}

function first(value: SearchParamValue): string | undefined {
  const single = typeof value === 'string' ? value : value?.[0]
  const trimmed = single?.trim()
  return trimmed ? trimmed : undefined
}

const LocalDateParam = z.string().refine(isCalendarDate, 'INVALID_DATE')

/**
 * Explicit dates (`tu`, `den`, both needed) or a preset (`ky` ∈ 7|30|90|365 days ending today); explicit dates
 * win over `ky`. `den` may not be after today, and a period has at most 366 days. Nothing given: the last 30
 * days. Errors: AppError INVALID_INPUT with fieldErrors `{ tu | den | ky: [DashboardInputError] }`.
 */
const PeriodParamsSchema = (today: LocalDate) =>
  z
    .object({
      tu: LocalDateParam.optional(),
      den: LocalDateParam.optional(),
      ky: z
        .string()
        .refine((value) => DASHBOARD_PRESETS.map(String).includes(value), 'INVALID_PRESET')
        .transform((value) => Number(value) as DashboardPreset)
        .optional(),
    })
    .superRefine((value, context) => {
      const { tu, den } = value
      if (tu === undefined && den !== undefined) context.addIssue({ code: 'custom', path: ['tu'], message: 'REQUIRED' })
      if (den === undefined && tu !== undefined) context.addIssue({ code: 'custom', path: ['den'], message: 'REQUIRED' })
      // Field refinements do not stop this one: compare only real dates.
      if (tu === undefined || den === undefined || !isCalendarDate(tu) || !isCalendarDate(den)) return
      if (den > today) context.addIssue({ code: 'custom', path: ['den'], message: 'AFTER_TODAY' })
      const days = daysInclusive(tu, den)
      if (days < 1) context.addIssue({ code: 'custom', path: ['den'], message: 'END_BEFORE_START' })
      else if (days > MAX_PERIOD_DAYS) context.addIssue({ code: 'custom', path: ['tu'], message: 'PERIOD_TOO_LONG' })
    })

/** The period named by the search parameters (see PeriodParamsSchema), relative to `now`. */
export function parseDashboardPeriod(params: DashboardPeriodParams, now: Date): DashboardPeriod {
  const today = localToday(now)
  const raw = { tu: typedDate(first(params.tu)), den: typedDate(first(params.den)), ky: first(params.ky) }
  const parsed = PeriodParamsSchema(today).safeParse(raw)
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Invalid dashboard period', fieldErrorsOf(parsed.error))
  const { tu, den, ky } = parsed.data
  if (tu !== undefined && den !== undefined) return periodOf(tu, den)
  return presetPeriod(ky ?? DEFAULT_PERIOD_DAYS, now)
}

/**
 * The period a page shows: the one its search parameters name, or — when they do not parse — the default period,
 * with the reasons by parameter (`tu`, `den`, `ky`), so a mistyped URL still shows a page and can say why.
 */
export function periodOrDefault(params: DashboardPeriodParams, now: Date): { period: DashboardPeriod; fieldErrors: Record<string, string[]> | null } {
  try {
    return { period: parseDashboardPeriod(params, now), fieldErrors: null }
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'INVALID_INPUT') throw error
    return { period: parseDashboardPeriod({}, now), fieldErrors: error.fieldErrors ?? { ky: ['INVALID_DATE'] } }
  }
}

/** `xep` (a DASHBOARD_SORT_KEYS column; default received) and `chieu` ('asc' | 'desc'; default desc, asc for name). */
export function parseDashboardSort(params: DashboardSortParams): DashboardSort {
  const key = first(params.xep)
  const direction = first(params.chieu)
  const errors: Record<string, string[]> = {}
  if (key !== undefined && !(DASHBOARD_SORT_KEYS as readonly string[]).includes(key)) errors.xep = ['INVALID_SORT_KEY']
  if (direction !== undefined && direction !== 'asc' && direction !== 'desc') errors.chieu = ['INVALID_DIRECTION']
  if (Object.keys(errors).length > 0) throw new AppError('INVALID_INPUT', 'Invalid dashboard sort', errors)
  const sortKey = (key as DashboardSortKey | undefined) ?? DEFAULT_DASHBOARD_SORT.key
  return {
    key: sortKey,
    direction: (direction as 'asc' | 'desc' | undefined) ?? (sortKey === 'name' ? 'asc' : DEFAULT_DASHBOARD_SORT.direction),
  }
}

/**
 * The search parameters that reproduce a period and a sort (for links): explicit dates, or `ky` for a preset
 * (so the link keeps meaning "the last 30 days" tomorrow). Defaults are left out.
 */
export function dashboardSearchParams(period: DashboardPeriod, sort?: DashboardSort): URLSearchParams {
  const params = new URLSearchParams()
  if (period.preset !== null) {
    if (period.preset !== DEFAULT_PERIOD_DAYS) params.set('ky', String(period.preset))
  } else {
    params.set('tu', period.from)
    params.set('den', period.to)
  }
  if (sort && (sort.key !== DEFAULT_DASHBOARD_SORT.key || sort.direction !== DEFAULT_DASHBOARD_SORT.direction)) {
    params.set('xep', sort.key)
    params.set('chieu', sort.direction)
  }
  return params
}

// ─────────────────────────────── Figures ───────────────────────────────

const COUNT_KEYS = [...DAILY_STAT_COLUMNS, ...OPEN_STAT_COUNTS] as const satisfies readonly (keyof DashboardCounts)[]

export function emptyCounts(): DashboardCounts {
  return Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as DashboardCounts
}

/** Field-by-field sum (a province's counts from its communes', a commune's from its procedures'). */
export function sumCounts(parts: Iterable<Partial<DashboardCounts>>): DashboardCounts {
  const total = emptyCounts()
  for (const part of parts) for (const key of COUNT_KEYS) total[key] += part[key] ?? 0
  return total
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null
}

/**
 * The figures of a row from its summed counts. Ratios are computed from the sums (a province's on-time rate is
 * its communes' on-time dossiers over their resolved ones, not an average of rates) and are null when the
 * denominator is 0:
 * - onTimeRate = (resolvedEarly + resolvedOnTime) / resolved
 * - onlineShare = receivedOnline / received; digitisedShare = receivedDigitised / received
 * - onlinePaymentShare = feePaidOnline / feeDue
 * - electronicResultShare = resolvedElectronic / resolved
 * - avgProcessingWorkingDays = processingMinutes / resolved / 570
 * - satisfaction = ratingsSatisfied / ratingsCount; avgRating = ratingsSum / ratingsCount
 * - inProgress = processing + readyToReturn (SUBMITTED is waitingReception, apart)
 */
export function figuresFromCounts(counts: DashboardCounts): DashboardFigures {
  const c = counts
  const resolvedAvg = ratio(c.processingMinutes, c.resolved)
  return {
    received: c.received,
    receivedOnline: c.receivedOnline,
    receivedDigitised: c.receivedDigitised,
    feeDue: c.feeDue,
    feePaidOnline: c.feePaidOnline,
    resolved: c.resolved,
    resolvedEarly: c.resolvedEarly,
    resolvedOnTime: c.resolvedOnTime,
    resolvedLate: c.resolvedLate,
    resolvedElectronic: c.resolvedElectronic,
    refused: c.refused,
    withdrawn: c.withdrawn,
    processingMinutes: c.processingMinutes,
    ratingsCount: c.ratingsCount,
    ratingsSatisfied: c.ratingsSatisfied,
    inProgress: c.processing + c.readyToReturn,
    waitingReception: c.waitingReception,
    awaitingSupplement: c.awaitingSupplement,
    overdueNow: c.overdueNow,
    onTimeRate: ratio(c.resolvedEarly + c.resolvedOnTime, c.resolved),
    onlineShare: ratio(c.receivedOnline, c.received),
    onlinePaymentShare: ratio(c.feePaidOnline, c.feeDue),
    digitisedShare: ratio(c.receivedDigitised, c.received),
    electronicResultShare: ratio(c.resolvedElectronic, c.resolved),
    avgProcessingWorkingDays: resolvedAvg === null ? null : resolvedAvg / WORKING_MINUTES_PER_DAY,
    satisfaction: ratio(c.ratingsSatisfied, c.ratingsCount),
    avgRating: ratio(c.ratingsSum, c.ratingsCount),
  }
}

// ─────────────────────────────── Ranking ───────────────────────────────

const collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true })

/** Vietnamese collation of names (Intl.Collator('vi')): "Đông" after "Dũng", "Ân" after "An". */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b)
}

export type RankableRow = DashboardFigures & { id: string; name: string }

/**
 * Sorts rows by a whitelisted column and numbers them 1…n. Order:
 * 1. the column's value in `direction`; a null value (no data) is always last, whatever the direction;
 * 2. equal values: by name, Vietnamese collation, ascending (also when the direction is desc);
 * 3. equal names: by id — so the order, hence every rank, depends only on the rows, not on their input order.
 * Sorting by `name` uses the direction for the name and the id for equal names. Ranks are positions (1, 2, 3…),
 * never shared. The input is not modified.
 */
export function rankRows<Row extends RankableRow>(rows: readonly Row[], sort: DashboardSort): Ranked<Row>[] {
  if (!(DASHBOARD_SORT_KEYS as readonly string[]).includes(sort.key)) throw new AppError('INVALID_INPUT', 'Invalid sort key', { xep: ['INVALID_SORT_KEY'] })
  const sign = sort.direction === 'desc' ? -1 : 1
  const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const compare =
    sort.key === 'name'
      ? (a: Row, b: Row) => sign * compareNames(a.name, b.name) || byId(a, b)
      : (a: Row, b: Row) => {
          const key = sort.key as Exclude<DashboardSortKey, 'name'>
          const x = a[key]
          const y = b[key]
          if (x === null || y === null) {
            if (x !== y) return x === null ? 1 : -1
          } else if (x !== y) return sign * (x < y ? -1 : 1)
          return compareNames(a.name, b.name) || byId(a, b)
        }
  return [...rows].sort(compare).map((row, index) => ({ ...row, rank: index + 1 }))
}

// ─────────────────────────────── Trends ───────────────────────────────

export function emptyTrendCounts(): TrendCounts {
  return Object.fromEntries(TREND_COUNT_KEYS.map((key) => [key, 0])) as TrendCounts
}

/** Every local day of the period, in order. */
export function daysOfPeriod(period: Pick<DashboardPeriod, 'from' | 'to'>): LocalDate[] {
  const days: LocalDate[] = []
  for (let day = period.from; day <= period.to; day = addCalendarDays(day, 1)) days.push(day)
  return days
}

/**
 * One point per day of the period, in order: the rows of the same day are summed, days without rows are zeros,
 * rows outside the period are ignored.
 */
export function dailyTrend(period: Pick<DashboardPeriod, 'from' | 'to'>, rows: Iterable<Partial<TrendCounts> & { day: LocalDate }>): DailyTrendPoint[] {
  const byDay = new Map<LocalDate, DailyTrendPoint>(daysOfPeriod(period).map((day) => [day, { day, ...emptyTrendCounts() }]))
  for (const row of rows) {
    const point = byDay.get(row.day)
    if (!point) continue
    for (const key of TREND_COUNT_KEYS) point[key] += row[key] ?? 0
  }
  return [...byDay.values()]
}

/** The Monday starting the ISO week of a local date. */
export function isoWeekStart(day: LocalDate): LocalDate {
  return addCalendarDays(day, -((weekdayOf(day) + 6) % 7))
}

/** ISO 8601 week-numbering year and week (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(day: LocalDate): { isoYear: number; isoWeek: number } {
  const thursday = addCalendarDays(isoWeekStart(day), 3)
  const isoYear = Number(thursday.slice(0, 4))
  const dayOfYear = daysInclusive(`${isoYear}-01-01`, thursday)
  return { isoYear, isoWeek: Math.floor((dayOfYear - 1) / 7) + 1 }
}

/**
 * Daily points grouped by ISO week (Monday–Sunday, local dates), in order. A week cut by the period's start or
 * end keeps only its days inside the period (`from`, `to`, `days` say which).
 */
export function weeklyTrend(daily: readonly DailyTrendPoint[]): WeeklyTrendPoint[] {
  const weeks: WeeklyTrendPoint[] = []
  for (const point of daily) {
    const weekStart = isoWeekStart(point.day)
    let week = weeks.at(-1)
    if (!week || week.weekStart !== weekStart) {
      week = { weekStart, ...isoWeekOf(point.day), from: point.day, to: point.day, days: 0, ...emptyTrendCounts() }
      weeks.push(week)
    }
    week.to = point.day
    week.days += 1
    for (const key of TREND_COUNT_KEYS) week[key] += point[key]
  }
  return weeks
}

/** Both trends of a period from per-day rows (of any number of communes or procedures). */
export function buildTrends(period: Pick<DashboardPeriod, 'from' | 'to'>, rows: Iterable<Partial<TrendCounts> & { day: LocalDate }>): DashboardTrends {
  const daily = dailyTrend(period, rows)
  return { daily, weekly: weeklyTrend(daily) }
}

// ─────────────────────────────── Alerts ───────────────────────────────

export type CommuneLabel = { id: string; code: string; name: string }

/** A threshold is a whole number of dossiers a day, 1…1 000 000. */
export function validateLoadThreshold(threshold: number | undefined): number {
  const value = threshold ?? DEFAULT_LOAD_THRESHOLD
  if (!Number.isInteger(value) || value < 1 || value > 1_000_000) throw new AppError('INVALID_INPUT', 'Invalid load threshold', { threshold: ['INVALID_THRESHOLD'] })
  return value
}

/**
 * Daily-load alerts: a commune is listed when it received MORE than `threshold` dossiers on at least one local
 * day of the period (received = submitted that day, all channels and procedures). `rows` are a commune's
 * received count per day (several rows of the same commune and day are summed; rows at or under the threshold
 * may be left out by the caller, they change nothing). Each alert gives the number of days over the threshold
 * and the peak day (most received; the earliest of equal days). Order: most days over first, then highest peak,
 * then commune name. Communes missing from `communes` are ignored.
 */
export function loadAlerts(
  rows: Iterable<{ communeId: string; day: LocalDate; received: number }>,
  communes: ReadonlyMap<string, CommuneLabel>,
  threshold: number = DEFAULT_LOAD_THRESHOLD,
): LoadAlert[] {
  const perDay = new Map<string, Map<LocalDate, number>>()
  for (const row of rows) {
    if (!communes.has(row.communeId)) continue
    const days = perDay.get(row.communeId) ?? new Map<LocalDate, number>()
    perDay.set(row.communeId, days)
    days.set(row.day, (days.get(row.day) ?? 0) + row.received)
  }
  const alerts: LoadAlert[] = []
  for (const [communeId, days] of perDay) {
    let daysOver = 0
    let peakDay: LocalDate | null = null
    let peakReceived = -1
    for (const [day, received] of days) {
      if (received <= threshold) continue
      daysOver += 1
      if (received > peakReceived || (received === peakReceived && peakDay !== null && day < peakDay)) {
        peakDay = day
        peakReceived = received
      }
    }
    const commune = communes.get(communeId)
    if (daysOver === 0 || peakDay === null || !commune) continue
    alerts.push({ communeId, communeCode: commune.code, communeName: commune.name, threshold, daysOver, peakDay, peakReceived })
  }
  return alerts.sort(
    (a, b) => b.daysOver - a.daysOver || b.peakReceived - a.peakReceived || compareNames(a.communeName, b.communeName) || (a.communeId < b.communeId ? -1 : 1),
  )
}

/** Least number of newly overdue dossiers in the last 7 days that can be a jump, however calm the week before. */
export const OVERDUE_JUMP_MINIMUM = 5

/**
 * The two 7-day windows of the overdue-jump rule, as local due days, half-open: `lastWeek` = [today − 7, today),
 * `previousWeek` = [today − 14, today − 7). Today itself is excluded (its dossiers may still be returned in time).
 */
export function overdueJumpWindows(today: LocalDate): {
  lastWeek: { from: LocalDate; before: LocalDate }
  previousWeek: { from: LocalDate; before: LocalDate }
} {
  return {
    lastWeek: { from: addCalendarDays(today, -7), before: today },
    previousWeek: { from: addCalendarDays(today, -14), before: addCalendarDays(today, -7) },
  }
}

/**
 * "Overdue jumped" — the rule, exactly:
 * - a dossier counts for a window when it is overdue now by the staff queue's definition (state PROCESSING or
 *   READY_TO_RETURN, legal clock not paused) and its due date's local day falls in the window
 *   (`overdueJumpWindows`): lastWeek = due day in [today − 7, today), previousWeek = [today − 14, today − 7).
 *   Dossiers returned, refused or withdrawn since, or paused for a supplement, no longer count: it measures the
 *   overdue backlog that built up, read from DossierOpenStat by dueDay (exact, no scan of dossiers);
 * - the commune jumped when lastWeek ≥ max(5, 2 × previousWeek): at least 5 newly overdue dossiers AND at least
 *   twice as many as the week before (0 → 5 is a jump, 3 → 5 is not, 10 → 20 is).
 */
export function overdueJumpTrigger(previousWeek: number): number {
  return Math.max(OVERDUE_JUMP_MINIMUM, 2 * previousWeek)
}

export function overdueJumped(lastWeek: number, previousWeek: number): boolean {
  return lastWeek >= overdueJumpTrigger(previousWeek)
}

/**
 * The communes whose overdue count jumped (`overdueJumped`), from each commune's counts of the two windows.
 * Order: largest increase first, then commune name.
 */
export function overdueJumpAlerts(
  rows: Iterable<{ communeId: string; lastWeek: number; previousWeek: number }>,
  communes: ReadonlyMap<string, CommuneLabel>,
): OverdueJumpAlert[] {
  const alerts: OverdueJumpAlert[] = []
  for (const row of rows) {
    const commune = communes.get(row.communeId)
    if (!commune || !overdueJumped(row.lastWeek, row.previousWeek)) continue
    alerts.push({
      communeId: row.communeId,
      communeCode: commune.code,
      communeName: commune.name,
      lastWeek: row.lastWeek,
      previousWeek: row.previousWeek,
      trigger: overdueJumpTrigger(row.previousWeek),
    })
  }
  return alerts.sort(
    (a, b) =>
      b.lastWeek - b.previousWeek - (a.lastWeek - a.previousWeek) || compareNames(a.communeName, b.communeName) || (a.communeId < b.communeId ? -1 : 1),
  )
}
