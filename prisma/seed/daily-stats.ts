/**
 * Rebuilds `DossierDailyStat` from the dossiers, one row per commune × local day (Asia/Ho_Chi_Minh) ×
 * procedure. The definitions the dashboards rely on:
 * - received, receivedOnline: dossiers by the day they were submitted (online ones: channel ONLINE);
 * - resolved (RETURNED), resolvedEarly/OnTime/Late (their outcome), refused, withdrawn: by the day they ended;
 * - processingMinutes: for resolved dossiers, office minutes (07:30–17:00 on working days of the calendar)
 *   from receipt to return, as `workingMinutesBetween` in src/domain/calendar/working-days.ts counts them;
 * - paidOnline: payments by QR transfer or gateway, by the day paid (including ones refunded later);
 * - ratingsCount, ratingsSum: ratings by the day given.
 * Run it inside the caller's transaction. It moves to server/stats once that exists; the seed uses it now.
 */
import type { Queryable } from './sql'

const local = (column: string) => `((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Ho_Chi_Minh')`

export const DAILY_STATS_RECOUNT_SQL = `
WITH d AS (
  SELECT id, "communeId", "procedureId", channel, state, outcome,
         ${local('"submittedAt"')} AS submitted_local,
         ${local('"receivedAt"')} AS received_local,
         ${local('"completedAt"')} AS completed_local
  FROM "Dossier"
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
         0 AS resolved, 0 AS early, 0 AS on_time, 0 AS late, 0 AS refused, 0 AS withdrawn, 0::bigint AS minutes,
         0 AS paid_online, 0 AS ratings, 0 AS rating_sum
  FROM d
  UNION ALL
  SELECT d."communeId", d.completed_local::date, d."procedureId", 0, 0,
         (d.state = 'RETURNED')::int,
         (d.outcome IS NOT DISTINCT FROM 'EARLY')::int,
         (d.outcome IS NOT DISTINCT FROM 'ON_TIME')::int,
         (d.outcome IS NOT DISTINCT FROM 'LATE')::int,
         (d.state = 'REFUSED')::int, (d.state = 'WITHDRAWN')::int,
         coalesce(m.minutes, 0), 0, 0, 0
  FROM d LEFT JOIN minutes m ON m.id = d.id
  WHERE d.completed_local IS NOT NULL
  UNION ALL
  SELECT p."communeId", ${local('p."paidAt"')}::date, dd."procedureId", 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0
  FROM "Payment" p JOIN "Dossier" dd ON dd.id = p."dossierId"
  WHERE p."paidAt" IS NOT NULL AND p.status IN ('PAID', 'REFUNDED') AND p.method IN ('VIETQR', 'GATEWAY')
  UNION ALL
  SELECT r."communeId", ${local('r."createdAt"')}::date, dd."procedureId", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, r.score
  FROM "DossierRating" r JOIN "Dossier" dd ON dd.id = r."dossierId"
)
INSERT INTO "DossierDailyStat" ("communeId", day, "procedureId", received, "receivedOnline", resolved, "resolvedEarly",
  "resolvedOnTime", "resolvedLate", refused, withdrawn, "processingMinutes", "paidOnline", "ratingsCount", "ratingsSum")
SELECT "communeId", day, "procedureId", sum(received)::int, sum(received_online)::int, sum(resolved)::int, sum(early)::int,
       sum(on_time)::int, sum(late)::int, sum(refused)::int, sum(withdrawn)::int, sum(minutes)::bigint,
       sum(paid_online)::int, sum(ratings)::int, sum(rating_sum)::int
FROM facts
GROUP BY "communeId", day, "procedureId"
`

/** Replaces every `DossierDailyStat` row by a recount; returns how many rows it wrote. */
export async function recountDailyStats(client: Queryable): Promise<number> {
  await client.query('DELETE FROM "DossierDailyStat"')
  const result = await client.query(DAILY_STATS_RECOUNT_SQL)
  return result.rowCount ?? 0
}
