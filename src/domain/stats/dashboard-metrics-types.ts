/**
 * Types and closed lists of the provincial / commune dashboard (issue 8), shared by the pure rules in
 * `dashboard-metrics.ts`, the data layer in `src/server/dashboard/` and the UI. Pure data: no I/O, safe to
 * `import type` from client components. `src/server/dashboard/dashboard-types.ts` re-exports all of it.
 */

/** A local calendar date in Asia/Ho_Chi_Minh, 'yyyy-MM-dd'. */
export type LocalDate = string

/** The preset lengths of a period (`ky` search parameter), in days ending today (local). */
export const DASHBOARD_PRESETS = [7, 30, 90, 365] as const
export type DashboardPreset = (typeof DASHBOARD_PRESETS)[number]

/** Longest period accepted, in days (a leap year). */
export const MAX_PERIOD_DAYS = 366
/** Period used when the search parameters name none. */
export const DEFAULT_PERIOD_DAYS: DashboardPreset = 30

/**
 * A validated period of whole local days, both ends inclusive. Period figures (received, resolved, ratings…)
 * count what happened between local midnight starting `from` and local midnight ending `to`
 * (`[startsAt, endsBefore)` as instants). Open-dossier figures (in progress, overdue…) are a snapshot at `now`,
 * whatever the period.
 */
export type DashboardPeriod = {
  from: LocalDate
  to: LocalDate
  /** Number of days, 1…366. */
  days: number
  /** The preset it came from (`ky`), or null for explicit dates (`tu`/`den`) — to keep the UI's selection. */
  preset: DashboardPreset | null
  /** Local midnight (Asia/Ho_Chi_Minh) at the start of `from`. */
  startsAt: Date
  /** Local midnight at the end of `to` (exclusive bound). */
  endsBefore: Date
}

/** A search parameter as Next.js gives it (the first value of an array is used). */
export type SearchParamValue = string | readonly string[] | null | undefined

/** The search parameters a period is read from (first value of each; others are ignored). */
export type DashboardPeriodParams = {
  /** Start date 'yyyy-MM-dd' (needs `den`). */
  tu?: SearchParamValue
  /** End date 'yyyy-MM-dd' (needs `tu`). */
  den?: SearchParamValue
  /** Preset: '7' | '30' | '90' | '365' days ending today. Ignored when `tu`/`den` are given. */
  ky?: SearchParamValue
}

/**
 * Counts summed over a scope (province, commune, procedure in a commune) — what the repository reads from the
 * aggregates. Period counts come from DossierDailyStat over the period; open counts from DossierOpenStat (+ the
 * "overdue since earlier today" count from Dossier) at `now`. All are non-negative integers.
 */
export type DashboardCounts = {
  // By the local day the dossier was submitted:
  received: number
  receivedOnline: number
  /** Received with electronic documents (uploaded online or scanned at the desk). */
  receivedDigitised: number
  /** Received dossiers owing a fee or charge (feeVnd > 0). */
  feeDue: number
  /** Of those, the ones paid by VietQR transfer or the gateway. */
  feePaidOnline: number
  // By the local day the dossier ended (completedAt):
  /** Returned (RETURNED) = resolvedEarly + resolvedOnTime + resolvedLate. */
  resolved: number
  resolvedEarly: number
  resolvedOnTime: number
  resolvedLate: number
  /** Returned with an electronic result document. */
  resolvedElectronic: number
  refused: number
  withdrawn: number
  /** Sum of receipt→return durations of the resolved dossiers, in working minutes (570 a working day). */
  processingMinutes: number
  // By the local day of the rating:
  ratingsCount: number
  ratingsSum: number
  /** Ratings of 4 or 5 stars. */
  ratingsSatisfied: number
  // Snapshot at `now` (unfinished dossiers):
  /** State SUBMITTED (online, waiting for the desk to receive it). */
  waitingReception: number
  /** State PROCESSING. */
  processing: number
  /** State READY_TO_RETURN. */
  readyToReturn: number
  /** State AWAITING_SUPPLEMENT. */
  awaitingSupplement: number
  /** PROCESSING or READY_TO_RETURN, clock not paused, dueAt < now (the staff queue's definition). */
  overdueNow: number
}

/**
 * The period counts, one per column of the daily aggregates (DossierDailyStat and its commune × day rollup):
 * the one list the repository, the recount and the figures read them by.
 */
export const DAILY_STAT_COLUMNS = [
  'received',
  'receivedOnline',
  'receivedDigitised',
  'feeDue',
  'feePaidOnline',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'resolvedElectronic',
  'refused',
  'withdrawn',
  'processingMinutes',
  'ratingsCount',
  'ratingsSum',
  'ratingsSatisfied',
] as const satisfies readonly (keyof DashboardCounts)[]

/** The snapshot counts of unfinished dossiers at `now` (DossierOpenStat). */
export const OPEN_STAT_COUNTS = ['waitingReception', 'processing', 'readyToReturn', 'awaitingSupplement', 'overdueNow'] as const satisfies readonly (keyof DashboardCounts)[]

/**
 * The figures of one row (a commune, a procedure, the province): the counts needed to explain and export them,
 * plus the derived ratios. A ratio is null when its denominator is 0 ("no data", never 0 % or 100 %). Ratios are
 * unrounded fractions in [0, 1] (0.953 = 95.3 %); round only for display.
 */
export type DashboardFigures = {
  received: number
  receivedOnline: number
  receivedDigitised: number
  feeDue: number
  feePaidOnline: number
  resolved: number
  resolvedEarly: number
  resolvedOnTime: number
  resolvedLate: number
  resolvedElectronic: number
  refused: number
  withdrawn: number
  processingMinutes: number
  ratingsCount: number
  ratingsSatisfied: number
  /** PROCESSING + READY_TO_RETURN, now. */
  inProgress: number
  /** SUBMITTED, now (shown apart from inProgress: the legal clock has not started). */
  waitingReception: number
  awaitingSupplement: number
  overdueNow: number
  /** (resolvedEarly + resolvedOnTime) / resolved. */
  onTimeRate: number | null
  /** receivedOnline / received. */
  onlineShare: number | null
  /** feePaidOnline / feeDue. */
  onlinePaymentShare: number | null
  /** receivedDigitised / received. */
  digitisedShare: number | null
  /** resolvedElectronic / resolved. */
  electronicResultShare: number | null
  /** processingMinutes / resolved / 570 (working days of 07:30–17:00). */
  avgProcessingWorkingDays: number | null
  /** ratingsSatisfied / ratingsCount. */
  satisfaction: number | null
  /** ratingsSum / ratingsCount, 1…5. */
  avgRating: number | null
}

/** The columns a ranking may be sorted by (whitelist): `name` (Vietnamese collation) or any figure. */
export const DASHBOARD_SORT_KEYS = [
  'name',
  'received',
  'receivedOnline',
  'receivedDigitised',
  'feeDue',
  'feePaidOnline',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'resolvedElectronic',
  'refused',
  'withdrawn',
  'ratingsCount',
  'ratingsSatisfied',
  'inProgress',
  'waitingReception',
  'awaitingSupplement',
  'overdueNow',
  'onTimeRate',
  'onlineShare',
  'onlinePaymentShare',
  'digitisedShare',
  'electronicResultShare',
  'avgProcessingWorkingDays',
  'satisfaction',
  'avgRating',
] as const satisfies readonly ('name' | keyof DashboardFigures)[]
export type DashboardSortKey = (typeof DASHBOARD_SORT_KEYS)[number]
export type SortDirection = 'asc' | 'desc'

/** A ranking's order. Search parameters: `xep` = key, `chieu` = 'asc' | 'desc'. Default: received, desc. */
export type DashboardSort = { key: DashboardSortKey; direction: SortDirection }
export type DashboardSortParams = { xep?: SearchParamValue; chieu?: SearchParamValue }
export const DEFAULT_DASHBOARD_SORT: DashboardSort = { key: 'received', direction: 'desc' }

/**
 * A row of a ranking after sorting: `rank` is its 1-based position in the sorted list (stable: equal values are
 * ordered by name, then by id, so every row has a distinct, reproducible rank).
 */
export type Ranked<Row> = Row & { rank: number }

/** Period counts that have a history, per day or week (open-dossier counts have none). */
export type TrendCounts = {
  received: number
  receivedOnline: number
  resolved: number
  resolvedEarly: number
  resolvedOnTime: number
  resolvedLate: number
  refused: number
  withdrawn: number
  ratingsCount: number
  ratingsSatisfied: number
}
export const TREND_COUNT_KEYS = [
  'received',
  'receivedOnline',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'refused',
  'withdrawn',
  'ratingsCount',
  'ratingsSatisfied',
] as const satisfies readonly (keyof TrendCounts)[]

/** One local day of a trend (every day of the period is present; days without data are zeros). */
export type DailyTrendPoint = TrendCounts & { day: LocalDate }

/**
 * One ISO week (Monday–Sunday, local dates) of a trend. The first and last weeks may be cut by the period:
 * `from`/`to` are the days of the week inside the period, `days` their number (7 for a full week).
 */
export type WeeklyTrendPoint = TrendCounts & {
  /** The Monday of the ISO week (may be before the period's start). */
  weekStart: LocalDate
  /** ISO week-numbering year and week number (1…53), e.g. 2026 and 48 for '2026-W48'. */
  isoYear: number
  isoWeek: number
  from: LocalDate
  to: LocalDate
  days: number
}

export type DashboardTrends = { daily: DailyTrendPoint[]; weekly: WeeklyTrendPoint[] }

/** Default daily-load threshold: received dossiers per day, per commune. */
export const DEFAULT_LOAD_THRESHOLD = 100

/** A commune that received MORE than `threshold` dossiers on at least one day of the period. */
export type LoadAlert = {
  communeId: string
  communeCode: string
  communeName: string
  threshold: number
  /** Days of the period with received > threshold. */
  daysOver: number
  /** The day with the most dossiers received (earliest of equal days) and that number. */
  peakDay: LocalDate
  peakReceived: number
}

/**
 * A commune whose overdue count jumped (rule in `dashboard-metrics.ts`, `overdueJumped`): dossiers still open and
 * overdue whose due day fell in the last 7 days, against those of the 7 days before.
 */
export type OverdueJumpAlert = {
  communeId: string
  communeCode: string
  communeName: string
  /** Due day in [today − 7, today). */
  lastWeek: number
  /** Due day in [today − 14, today − 7). */
  previousWeek: number
  /** max(5, 2 × previousWeek): lastWeek reached it. */
  trigger: number
}

export type DashboardAlerts = {
  threshold: number
  load: LoadAlert[]
  overdueJump: OverdueJumpAlert[]
}

/**
 * What a drill-down list can show: the dossiers behind a number. Each measure's count equals the dashboard
 * figure named in `DASHBOARD_MEASURE_FIGURE` exactly (same definitions, same local-day boundaries).
 */
export const DASHBOARD_MEASURES = [
  // Submitted in the period:
  'received',
  'receivedOnline',
  'receivedDigitised',
  'feeDue',
  'feePaidOnline',
  // Ended in the period:
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'resolvedElectronic',
  'refused',
  'withdrawn',
  // Rated in the period:
  'ratings',
  'ratingsSatisfied',
  // Open now (the period does not apply):
  'inProgress',
  'waitingReception',
  'awaitingSupplement',
  'overdueNow',
] as const
export type DashboardMeasure = (typeof DASHBOARD_MEASURES)[number]

/** Which figure of a row each measure lists the dossiers of. */
export const DASHBOARD_MEASURE_FIGURE = {
  received: 'received',
  receivedOnline: 'receivedOnline',
  receivedDigitised: 'receivedDigitised',
  feeDue: 'feeDue',
  feePaidOnline: 'feePaidOnline',
  resolved: 'resolved',
  resolvedEarly: 'resolvedEarly',
  resolvedOnTime: 'resolvedOnTime',
  resolvedLate: 'resolvedLate',
  resolvedElectronic: 'resolvedElectronic',
  refused: 'refused',
  withdrawn: 'withdrawn',
  ratings: 'ratingsCount',
  ratingsSatisfied: 'ratingsSatisfied',
  inProgress: 'inProgress',
  waitingReception: 'waitingReception',
  awaitingSupplement: 'awaitingSupplement',
  overdueNow: 'overdueNow',
} as const satisfies Record<DashboardMeasure, keyof DashboardFigures>

/** Whether a measure counts within the period (by submission, end or rating day) or is a snapshot at `now`. */
export const DASHBOARD_MEASURE_BASIS = {
  received: 'SUBMITTED',
  receivedOnline: 'SUBMITTED',
  receivedDigitised: 'SUBMITTED',
  feeDue: 'SUBMITTED',
  feePaidOnline: 'SUBMITTED',
  resolved: 'COMPLETED',
  resolvedEarly: 'COMPLETED',
  resolvedOnTime: 'COMPLETED',
  resolvedLate: 'COMPLETED',
  resolvedElectronic: 'COMPLETED',
  refused: 'COMPLETED',
  withdrawn: 'COMPLETED',
  ratings: 'RATED',
  ratingsSatisfied: 'RATED',
  inProgress: 'OPEN',
  waitingReception: 'OPEN',
  awaitingSupplement: 'OPEN',
  overdueNow: 'OPEN',
} as const satisfies Record<DashboardMeasure, 'SUBMITTED' | 'COMPLETED' | 'RATED' | 'OPEN'>
export type DashboardMeasureBasis = (typeof DASHBOARD_MEASURE_BASIS)[DashboardMeasure]
