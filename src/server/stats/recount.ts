/**
 * Full, set-based recount of the dashboard aggregates (`DossierDailyStat`, `DossierOpenStat`) from the dossiers.
 *
 * The database keeps both tables exact on every change (triggers of migration
 * 20261125055929_dashboard_aggregates, one dossier's facts at a time). This is the other, independent way of
 * computing the same rows — one pass over the tables, written separately on purpose — used:
 * - by the integration test that replays random workloads and requires `aggregateDrift` to be empty;
 * - after a bulk load with the triggers off (the synthetic history of `npm run bench:data`, the demo seed);
 *
 * Definitions (the dashboards rely on them; days are Vietnam's local days, Asia/Ho_Chi_Minh):
 * - received, receivedOnline (channel ONLINE), receivedDigitised (an APPLICATION or SUPPLEMENT file), feeDue
 *   (feeVnd > 0), feePaidOnline (feeVnd > 0 and a VietQR or gateway payment PAID, or REFUNDED later): by the day the
 *   dossier was submitted;
 * - resolved (RETURNED) and its outcome EARLY / ON_TIME / LATE, resolvedElectronic (a RESULT file), refused,
 *   withdrawn, processingMinutes (office minutes 07:30–17:00 on the calendar's working days, receipt → return):
 *   by the day it ended;
 * - ratingsCount, ratingsSum, ratingsSatisfied (4–5 stars): by the day the rating was given;
 * - DossierOpenStat: unfinished dossiers by commune, procedure, state, paused clock and local due day
 *   ('infinity' without a due date).
 */
import 'server-only'
import { DAILY_STAT_COLUMNS } from '@/domain/stats/dashboard-metrics-types'

/** A `pg` client, or a Prisma client (transaction or not): whatever runs raw SQL. */
export type SqlClient =
  | { query(text: string): Promise<{ rowCount: number | null; rows: unknown[] }> }
  | { $executeRawUnsafe(query: string): Promise<number>; $queryRawUnsafe<T = unknown>(query: string): Promise<T> }

const local = (column: string) => `((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Ho_Chi_Minh')`

const DAILY_COLUMNS = DAILY_STAT_COLUMNS

/** Every DossierDailyStat row a recount gives: ("communeId", day, "procedureId", …DAILY_COLUMNS). */
export const DAILY_STATS_RECOUNT_SELECT = `
WITH d AS (
  SELECT id, "communeId", "procedureId", channel, state, outcome, "feeVnd",
         ${local('"submittedAt"')} AS submitted_local,
         ${local('"receivedAt"')} AS received_local,
         ${local('"completedAt"')} AS completed_local
  FROM "Dossier"
),
files AS (
  -- A file counts for its dossier in its dossier's commune (as the triggers and the dossier lists look it up).
  SELECT "dossierId", "communeId",
         bool_or(kind IN ('APPLICATION', 'SUPPLEMENT')) AS digitised,
         bool_or(kind = 'RESULT') AS electronic_result
  FROM "Attachment" WHERE "dossierId" IS NOT NULL
  GROUP BY "dossierId", "communeId"
),
paid_online AS (
  SELECT DISTINCT "dossierId" FROM "Payment"
  WHERE status IN ('PAID', 'REFUNDED') AND method IN ('VIETQR', 'GATEWAY')
),
minutes AS (
  SELECT d.id,
         floor(sum(greatest(0, extract(epoch FROM
           least(g.day + time '17:00', d.completed_local) - greatest(g.day + time '07:30', d.received_local)))) / 60)::bigint AS minutes
  FROM d
  CROSS JOIN LATERAL generate_series(d.received_local::date::timestamp, d.completed_local::date::timestamp, interval '1 day') AS g(day)
  LEFT JOIN "CalendarDay" c ON c.date = g.day::date
  WHERE d.state = 'RETURNED' AND d.received_local IS NOT NULL AND d.completed_local > d.received_local
    AND (c.kind = 'WORKING_DAY' OR (c.kind IS NULL AND extract(isodow FROM g.day) < 6))
  GROUP BY d.id
),
facts AS (
  SELECT d."communeId", d.submitted_local::date AS day, d."procedureId",
         1 AS received, (d.channel = 'ONLINE')::int AS received_online,
         coalesce(f.digitised, false)::int AS digitised,
         (d."feeVnd" > 0)::int AS fee_due,
         (d."feeVnd" > 0 AND p."dossierId" IS NOT NULL)::int AS fee_paid_online,
         0 AS resolved, 0 AS early, 0 AS on_time, 0 AS late, 0 AS electronic, 0 AS refused, 0 AS withdrawn,
         0::bigint AS minutes, 0 AS ratings, 0 AS rating_sum, 0 AS satisfied
  FROM d LEFT JOIN files f ON f."dossierId" = d.id AND f."communeId" = d."communeId" LEFT JOIN paid_online p ON p."dossierId" = d.id
  UNION ALL
  SELECT d."communeId", d.completed_local::date, d."procedureId", 0, 0, 0, 0, 0,
         (d.state = 'RETURNED')::int,
         (d.state = 'RETURNED' AND d.outcome IS NOT DISTINCT FROM 'EARLY')::int,
         (d.state = 'RETURNED' AND d.outcome IS NOT DISTINCT FROM 'ON_TIME')::int,
         (d.state = 'RETURNED' AND d.outcome IS NOT DISTINCT FROM 'LATE')::int,
         (d.state = 'RETURNED' AND coalesce(f.electronic_result, false))::int,
         (d.state = 'REFUSED')::int, (d.state = 'WITHDRAWN')::int,
         coalesce(m.minutes, 0), 0, 0, 0
  FROM d LEFT JOIN minutes m ON m.id = d.id LEFT JOIN files f ON f."dossierId" = d.id AND f."communeId" = d."communeId"
  WHERE d.completed_local IS NOT NULL AND d.state IN ('RETURNED', 'REFUSED', 'WITHDRAWN')
  UNION ALL
  SELECT dd."communeId", ${local('r."createdAt"')}::date, dd."procedureId", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
         1, r.score, (r.score >= 4)::int
  FROM "DossierRating" r JOIN "Dossier" dd ON dd.id = r."dossierId"
)
SELECT "communeId", day, "procedureId", sum(received)::int AS received, sum(received_online)::int AS "receivedOnline",
       sum(digitised)::int AS "receivedDigitised", sum(fee_due)::int AS "feeDue", sum(fee_paid_online)::int AS "feePaidOnline",
       sum(resolved)::int AS resolved, sum(early)::int AS "resolvedEarly", sum(on_time)::int AS "resolvedOnTime",
       sum(late)::int AS "resolvedLate", sum(electronic)::int AS "resolvedElectronic", sum(refused)::int AS refused,
       sum(withdrawn)::int AS withdrawn, sum(minutes)::bigint AS "processingMinutes", sum(ratings)::int AS "ratingsCount",
       sum(rating_sum)::int AS "ratingsSum", sum(satisfied)::int AS "ratingsSatisfied"
FROM facts
GROUP BY "communeId", day, "procedureId"
ORDER BY day, "communeId", "procedureId"
`

/** Every DossierOpenStat row a recount gives. */
export const OPEN_STATS_RECOUNT_SELECT = `
SELECT "communeId", "procedureId", state, ("clockPausedAt" IS NOT NULL) AS "clockPaused",
       coalesce(${local('"dueAt"')}::date, 'infinity'::date) AS "dueDay", count(*)::int AS count
FROM "Dossier"
WHERE state IN ('SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN')
GROUP BY 1, 2, 3, 4, 5
`

const DAILY_KEY_AND_COLUMNS = ['communeId', 'day', 'procedureId', ...DAILY_COLUMNS].map((name) => `"${name}"`).join(', ')
const OPEN_COLUMNS = ['communeId', 'procedureId', 'state', 'clockPaused', 'dueDay', 'count'].map((name) => `"${name}"`).join(', ')

async function execute(client: SqlClient, sql: string): Promise<number> {
  if ('$executeRawUnsafe' in client) return client.$executeRawUnsafe(sql)
  return (await client.query(sql)).rowCount ?? 0
}

async function select<Row>(client: SqlClient, sql: string): Promise<Row[]> {
  if ('$queryRawUnsafe' in client) return client.$queryRawUnsafe<Row[]>(sql)
  return (await client.query(sql)).rows as Row[]
}

/**
 * Replaces both tables by a recount (DossierCommuneDayStat follows DossierDailyStat through its statement
 * trigger); returns how many rows each holds. Run it in a transaction (or with nothing
 * else writing): between the DELETE and the INSERT the tables are empty.
 */
export async function recountDashboardAggregates(client: SqlClient): Promise<{ dailyRows: number; openRows: number }> {
  await execute(client, 'DELETE FROM "DossierDailyStat"')
  // Written in day order (ORDER BY above): a period's rows then sit on few pages, as the triggers' later rows do.
  const dailyRows = await execute(client, `INSERT INTO "DossierDailyStat" (${DAILY_KEY_AND_COLUMNS}) ${DAILY_STATS_RECOUNT_SELECT}`)
  await execute(client, 'DELETE FROM "DossierOpenStat"')
  const openRows = await execute(client, `INSERT INTO "DossierOpenStat" (${OPEN_COLUMNS}) ${OPEN_STATS_RECOUNT_SELECT}`)
  return { dailyRows, openRows }
}

type Difference = { stored: Record<string, unknown>[]; recounted: Record<string, unknown>[] }
export type AggregateDrift = {
  /** Rows the tables hold that a recount would not write (or writes differently), and vice versa. */
  daily: Difference
  /** DossierCommuneDayStat against the recount summed over procedures. */
  communeDay: Difference
  open: Difference
}

const ROLLUP_KEY_AND_COLUMNS = ['communeId', 'day', ...DAILY_COLUMNS].map((name) => `"${name}"`).join(', ')
const ROLLUP_OF_RECOUNT = `SELECT "communeId", day, ${DAILY_COLUMNS.map((name) => `sum("${name}")::${name === 'processingMinutes' ? 'bigint' : 'int'} AS "${name}"`).join(', ')}
  FROM (${DAILY_STATS_RECOUNT_SELECT}) recount GROUP BY "communeId", day`

/** What differs between the maintained tables and a recount, without changing anything (empty when exact). */
export async function aggregateDrift(client: SqlClient, limit = 20): Promise<AggregateDrift> {
  const daily = `SELECT ${DAILY_KEY_AND_COLUMNS} FROM "DossierDailyStat"`
  const open = `SELECT ${OPEN_COLUMNS} FROM "DossierOpenStat"`
  const recountedDaily = `SELECT ${DAILY_KEY_AND_COLUMNS} FROM (${DAILY_STATS_RECOUNT_SELECT}) recount`
  const recountedOpen = `SELECT ${OPEN_COLUMNS} FROM (${OPEN_STATS_RECOUNT_SELECT}) recount`
  // ::text on days and bigints keeps the comparison exact whatever the driver makes of them.
  const rows = (sql: string) => select<Record<string, unknown>>(client, `SELECT to_jsonb(x)::text AS row FROM (${sql} LIMIT ${limit}) x`)
  const parse = (found: Record<string, unknown>[]) => found.map((row) => JSON.parse(String(row.row)) as Record<string, unknown>)
  const rollup = `SELECT ${ROLLUP_KEY_AND_COLUMNS} FROM "DossierCommuneDayStat"`
  const recountedRollup = `SELECT ${ROLLUP_KEY_AND_COLUMNS} FROM (${ROLLUP_OF_RECOUNT}) rolled`
  const [storedDaily, recountDaily, storedRollup, recountRollup, storedOpen, recountOpen] = await Promise.all([
    rows(`${daily} EXCEPT ${recountedDaily}`),
    rows(`${recountedDaily} EXCEPT ${daily}`),
    rows(`${rollup} EXCEPT ${recountedRollup}`),
    rows(`${recountedRollup} EXCEPT ${rollup}`),
    rows(`${open} EXCEPT ${recountedOpen}`),
    rows(`${recountedOpen} EXCEPT ${open}`),
  ])
  return {
    daily: { stored: parse(storedDaily), recounted: parse(recountDaily) },
    communeDay: { stored: parse(storedRollup), recounted: parse(recountRollup) },
    open: { stored: parse(storedOpen), recounted: parse(recountOpen) },
  }
}

export function isExact(drift: AggregateDrift): boolean {
  return [drift.daily, drift.communeDay, drift.open].every((difference) => difference.stored.length + difference.recounted.length === 0)
}

/** The triggers that keep the aggregates, by table (migrations 20261125055929_dashboard_aggregates, 20261125072800_commune_day_rollup). */
const AGGREGATE_TRIGGERS: Record<string, readonly string[]> = {
  Dossier: ['Dossier_stats_before_update', 'Dossier_stats_after_update', 'Dossier_stats_insert', 'Dossier_stats_delete'],
  Attachment: ['before', 'after'].flatMap((when) => ['insert', 'update', 'delete'].map((event) => `Attachment_stats_${when}_${event}`)),
  Payment: ['before', 'after'].flatMap((when) => ['insert', 'update', 'delete'].map((event) => `Payment_stats_${when}_${event}`)),
  DossierRating: ['DossierRating_stats_before', 'DossierRating_stats_after'],
  CalendarDay: ['CalendarDay_stats_insert', 'CalendarDay_stats_update', 'CalendarDay_stats_delete'],
}

/**
 * A bulk load (the demo seed, the benchmark's synthetic history) without the per-row upkeep of the aggregates,
 * then one set-based recount. Inside the caller's transaction on one connection: ALTER TABLE … DISABLE TRIGGER
 * holds each table's lock until commit, so no other writer can slip a change past the disabled triggers, and a
 * rollback restores the triggers with everything else.
 */
export async function bulkLoadThenRecount<T>(client: SqlClient, load: () => Promise<T>): Promise<{ result: T; dailyRows: number; openRows: number }> {
  const toggle = async (action: 'DISABLE' | 'ENABLE') => {
    for (const [table, triggers] of Object.entries(AGGREGATE_TRIGGERS)) {
      for (const trigger of triggers) await execute(client, `ALTER TABLE "${table}" ${action} TRIGGER "${trigger}"`)
    }
  }
  await toggle('DISABLE')
  const result = await load()
  await toggle('ENABLE')
  return { result, ...(await recountDashboardAggregates(client)) }
}
