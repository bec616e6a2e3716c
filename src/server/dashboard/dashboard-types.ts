/**
 * The data layer of the provincial / commune dashboard (issue 8): every type its use-cases take and return.
 * Type-only (no `server-only`), so pages, client components and exports can `import type` from here.
 *
 * Use-cases (one per file in this folder, each checks authorization itself):
 * - `getProvinceDashboard(client, ProvinceDashboardInput)` → `ProvinceDashboard`   (get-province-dashboard.ts)
 * - `getCommuneDashboard(client, CommuneDashboardInput)` → `CommuneDashboard`       (get-commune-dashboard.ts)
 * - `getProcedureInCommune(client, ProcedureInCommuneInput)` → `ProcedureInCommune` (get-procedure-in-commune.ts)
 * - `listDashboardDossiers(client, DashboardDossiersInput)` → `DashboardDossierPage` (list-dashboard-dossiers.ts)
 * - `openDashboardDossierStream(client, DashboardDossiersStreamInput)` → `{ commune, procedure, total, rows:
 *   AsyncGenerator<DashboardDossierRow> }` (list-dashboard-dossiers.ts; for CSV/XLSX exports: authorizes before
 *   the first row, then reads keyset batches of 2 000 as rows are pulled)
 * - `streamDashboardDossiers(client, DashboardDossiersStreamInput)` → `AsyncGenerator<DashboardDossierRow>` (the
 *   same rows; authorization runs on the first pull)
 * Pure helpers (period and sort parsing from search parameters, ratios, ranking, trends, alerts) are in
 * `src/domain/stats/dashboard-metrics.ts`: `parseDashboardPeriod`, `parseDashboardSort`, `figuresFromCounts`,
 * `rankRows`, `dashboardSearchParams`…
 */
import type { Actor } from '@/domain/access/actor'
import type {
  DashboardAlerts,
  DashboardFigures,
  DashboardMeasure,
  DashboardPeriod,
  DashboardSort,
  DashboardTrends,
  LocalDate,
  Ranked,
} from '@/domain/stats/dashboard-metrics-types'

export type * from '@/domain/stats/dashboard-metrics-types'
export {
  DASHBOARD_MEASURES,
  DASHBOARD_MEASURE_BASIS,
  DASHBOARD_MEASURE_FIGURE,
  DASHBOARD_PRESETS,
  DASHBOARD_SORT_KEYS,
  DEFAULT_DASHBOARD_SORT,
  DEFAULT_LOAD_THRESHOLD,
  DEFAULT_PERIOD_DAYS,
  MAX_PERIOD_DAYS,
  TREND_COUNT_KEYS,
} from '@/domain/stats/dashboard-metrics-types'

/** Commune as the dashboard names it. */
export type DashboardCommune = { id: string; code: string; name: string; provinceId: string }
/**
 * Procedure as the dashboard names it: `code` is its stable internal key (Procedure.slug, what URLs carry),
 * `nationalCode` the national TTHC code when known, `name` the Vietnamese name of its current version.
 */
export type DashboardProcedure = { id: string; code: string; nationalCode: string | null; name: string }

/** A commune's row of the provincial ranking. `name` = communeName (what the `name` sort key sorts by). */
export type DashboardCommuneRow = DashboardFigures & {
  id: string
  name: string
  communeId: string
  communeCode: string
  communeName: string
}

/** A procedure's row inside one commune. `name` = procedureName. */
export type DashboardProcedureRow = DashboardFigures & {
  id: string
  name: string
  procedureId: string
  /** Procedure.slug (URL key). */
  procedureCode: string
  procedureNationalCode: string | null
  procedureName: string
}

export type ProvinceDashboardInput = {
  actor: Actor
  period: DashboardPeriod
  sort: DashboardSort
  /** The instant "now" (open-dossier snapshot, today's local date for alerts). */
  now: Date
  /** Daily-load alert threshold (received per day per commune); default DEFAULT_LOAD_THRESHOLD (100). */
  threshold?: number
}

export type ProvinceDashboard = {
  period: DashboardPeriod
  sort: DashboardSort
  now: Date
  /** Local date of `now`. */
  today: LocalDate
  /** The province shown (PROVINCE_OFFICER: theirs); null for an ADMIN (every commune of the system). */
  province: { id: string; code: string; name: string } | null
  /** The province row: counts summed over every commune, ratios recomputed from the sums (not averaged). */
  totals: DashboardFigures
  /** Every commune in scope (active or not), zeros included, sorted by `sort`. */
  rows: Ranked<DashboardCommuneRow>[]
  trends: DashboardTrends
  alerts: DashboardAlerts
}

export type CommuneDashboardInput = {
  actor: Actor
  /** The commune's 5-digit code (what URLs carry). */
  communeCode: string
  period: DashboardPeriod
  /** Order of the per-procedure rows. */
  sort: DashboardSort
  now: Date
}

export type CommuneDashboard = {
  period: DashboardPeriod
  sort: DashboardSort
  now: Date
  today: LocalDate
  commune: DashboardCommune
  /** The commune's row (sum of its procedures). */
  figures: DashboardFigures
  /** Every procedure with any data for the commune in the period or open now, sorted by `sort`. */
  rows: Ranked<DashboardProcedureRow>[]
  trends: DashboardTrends
}

export type ProcedureInCommuneInput = {
  actor: Actor
  communeCode: string
  /** Procedure.slug. */
  procedureCode: string
  period: DashboardPeriod
  now: Date
}

export type ProcedureInCommune = {
  period: DashboardPeriod
  now: Date
  today: LocalDate
  commune: DashboardCommune
  procedure: DashboardProcedure
  figures: DashboardFigures
  trends: DashboardTrends
}

/** Dossier channel, state and outcome (mirrors of the database enums). */
export type DashboardChannel = 'ONLINE' | 'DESK' | 'POST'
export type DashboardDossierState =
  | 'SUBMITTED'
  | 'PROCESSING'
  | 'AWAITING_SUPPLEMENT'
  | 'READY_TO_RETURN'
  | 'RETURNED'
  | 'REFUSED'
  | 'WITHDRAWN'
export type DashboardOutcome = 'EARLY' | 'ON_TIME' | 'LATE'

/** One dossier behind a number. Links: read-only dossier page by `code`. */
export type DashboardDossierRow = {
  id: string
  code: string
  applicantName: string
  /** Procedure.slug. */
  procedureCode: string
  /** The Vietnamese name of the procedure version the dossier was submitted under. */
  procedureName: string
  channel: DashboardChannel
  state: DashboardDossierState
  submittedAt: Date
  dueAt: Date | null
  completedAt: Date | null
  outcome: DashboardOutcome | null
  /** Only for the rating measures ('ratings', 'ratingsSatisfied'): the score 1–5 and when it was given. */
  ratingScore: number | null
  ratedAt: Date | null
}

export type DashboardDossiersStreamInput = {
  actor: Actor
  communeCode: string
  /** Only this procedure of the commune (its code). */
  procedureCode?: string | null
  measure: DashboardMeasure
  /** Ignored by the OPEN measures (snapshot at `now`). */
  period: DashboardPeriod
  now: Date
}

export type DashboardDossiersInput = DashboardDossiersStreamInput & {
  /** Opaque cursor from a previous page's `nextCursor`. An invalid cursor is INVALID_INPUT. */
  cursor?: string | null
  /** Page size, 1…200 (default 50). */
  limit?: number
}

/**
 * A page of a drill-down list. Order (stable, keyset): SUBMITTED measures by submittedAt desc then id desc,
 * COMPLETED by completedAt desc then id desc, RATED by rating time desc then dossier id desc, OPEN by dueAt asc
 * (no due date last) then id asc.
 */
export type DashboardDossierPage = {
  measure: DashboardMeasure
  commune: DashboardCommune
  procedure: DashboardProcedure | null
  /** Number of dossiers behind the measure: equals the dashboard figure exactly. */
  total: number
  rows: DashboardDossierRow[]
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null
}
