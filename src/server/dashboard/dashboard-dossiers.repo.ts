import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import type { QueueCursor } from '@/domain/dossier/staff-queues'
import { DASHBOARD_MEASURE_BASIS, type DashboardMeasure } from '@/domain/stats/dashboard-metrics-types'
import type { Client } from './dashboard.repo'
import type { DashboardChannel, DashboardDossierRow, DashboardDossierState, DashboardOutcome } from './dashboard-types'

/**
 * The dossiers behind a dashboard number, for one commune (and procedure). Each measure's condition below is the
 * definition the aggregates are maintained with (prisma/schema.prisma, DossierDailyStat / DossierOpenStat; the
 * triggers and src/server/stats/recount.ts), so `countDashboardDossiers` equals the dashboard figure exactly:
 *
 * | measure | dossiers of the commune (and procedure) … |
 * |---|---|
 * | received | submitted in [period start, period end) — local midnights, Asia/Ho_Chi_Minh |
 * | receivedOnline | … and channel ONLINE |
 * | receivedDigitised | … and with an electronic document (an APPLICATION or SUPPLEMENT attachment) |
 * | feeDue | … and feeVnd > 0 |
 * | feePaidOnline | … feeVnd > 0 and a VIETQR or GATEWAY payment PAID (or REFUNDED since) |
 * | resolved | ended (completedAt) in the period with state RETURNED |
 * | resolvedEarly / OnTime / Late | … and outcome EARLY / ON_TIME / LATE |
 * | resolvedElectronic | … RETURNED with a RESULT attachment |
 * | refused / withdrawn | ended in the period with state REFUSED / WITHDRAWN |
 * | ratings | rated (DossierRating.createdAt) in the period (the dossier's commune and procedure) |
 * | ratingsSatisfied | … with 4 or 5 stars |
 * | inProgress | state PROCESSING or READY_TO_RETURN now |
 * | waitingReception | state SUBMITTED now |
 * | awaitingSupplement | state AWAITING_SUPPLEMENT now |
 * | overdueNow | state PROCESSING or READY_TO_RETURN, clock not paused, dueAt < now |
 *
 * Attachments and ratings carry their dossier's commune (set from the dossier when they are written): the
 * conditions on them name it too, so the indexes Attachment(communeId, dossierId) and DossierRating(communeId,
 * createdAt) serve them.
 *
 * Order and keyset (stable; ties by id): SUBMITTED measures by submittedAt desc (index (communeId, submittedAt)
 * or (communeId, procedureId, submittedAt)), COMPLETED by completedAt desc (index (communeId, completedAt)),
 * RATED by the rating's time desc (index DossierRating(communeId, createdAt)), OPEN by dueAt asc, no due date
 * last (index (communeId, state, dueAt, id)).
 */

export type DossierListQuery = {
  communeId: string
  procedureId: string | null
  measure: DashboardMeasure
  /** [startsAt, endsBefore): local midnights of the period. */
  startsAt: Date
  endsBefore: Date
  now: Date
}

const CLOCK_RUNS = Prisma.sql`d."state" IN ('PROCESSING', 'READY_TO_RETURN') AND d."clockPausedAt" IS NULL`

function extraCondition(measure: DashboardMeasure, now: Date): Prisma.Sql {
  switch (measure) {
    case 'received':
      return Prisma.sql`TRUE`
    case 'receivedOnline':
      return Prisma.sql`d."channel" = 'ONLINE'`
    case 'receivedDigitised':
      return Prisma.sql`EXISTS (SELECT 1 FROM "Attachment" a WHERE a."communeId" = d."communeId" AND a."dossierId" = d."id" AND a."kind" IN ('APPLICATION', 'SUPPLEMENT'))`
    case 'feeDue':
      return Prisma.sql`d."feeVnd" > 0`
    case 'feePaidOnline':
      return Prisma.sql`d."feeVnd" > 0 AND EXISTS (SELECT 1 FROM "Payment" p WHERE p."dossierId" = d."id" AND p."method" IN ('VIETQR', 'GATEWAY') AND p."status" IN ('PAID', 'REFUNDED'))`
    case 'resolved':
      return Prisma.sql`d."state" = 'RETURNED'`
    case 'resolvedEarly':
      return Prisma.sql`d."state" = 'RETURNED' AND d."outcome" = 'EARLY'`
    case 'resolvedOnTime':
      return Prisma.sql`d."state" = 'RETURNED' AND d."outcome" = 'ON_TIME'`
    case 'resolvedLate':
      return Prisma.sql`d."state" = 'RETURNED' AND d."outcome" = 'LATE'`
    case 'resolvedElectronic':
      return Prisma.sql`d."state" = 'RETURNED' AND EXISTS (SELECT 1 FROM "Attachment" a WHERE a."communeId" = d."communeId" AND a."dossierId" = d."id" AND a."kind" = 'RESULT')`
    case 'refused':
      return Prisma.sql`d."state" = 'REFUSED'`
    case 'withdrawn':
      return Prisma.sql`d."state" = 'WITHDRAWN'`
    case 'ratings':
      return Prisma.sql`TRUE`
    case 'ratingsSatisfied':
      return Prisma.sql`r."score" >= 4`
    case 'inProgress':
      return Prisma.sql`d."state" IN ('PROCESSING', 'READY_TO_RETURN')`
    case 'waitingReception':
      return Prisma.sql`d."state" = 'SUBMITTED'`
    case 'awaitingSupplement':
      return Prisma.sql`d."state" = 'AWAITING_SUPPLEMENT'`
    case 'overdueNow':
      return Prisma.sql`${CLOCK_RUNS} AND d."dueAt" < ${now}`
  }
}

/** FROM … WHERE … of a measure (aliases: d = Dossier, r = DossierRating for the rating measures). */
function source(query: DossierListQuery): { from: Prisma.Sql; where: Prisma.Sql } {
  const { communeId, procedureId, startsAt, endsBefore, measure, now } = query
  const procedure = procedureId ? Prisma.sql`AND d."procedureId" = ${procedureId}::uuid` : Prisma.empty
  const extra = extraCondition(measure, now)
  switch (DASHBOARD_MEASURE_BASIS[measure]) {
    case 'SUBMITTED':
      return {
        from: Prisma.sql`"Dossier" d`,
        where: Prisma.sql`d."communeId" = ${communeId}::uuid ${procedure} AND d."submittedAt" >= ${startsAt} AND d."submittedAt" < ${endsBefore} AND ${extra}`,
      }
    case 'COMPLETED':
      return {
        from: Prisma.sql`"Dossier" d`,
        where: Prisma.sql`d."communeId" = ${communeId}::uuid ${procedure} AND d."completedAt" >= ${startsAt} AND d."completedAt" < ${endsBefore} AND ${extra}`,
      }
    case 'RATED':
      return {
        from: Prisma.sql`"DossierRating" r JOIN "Dossier" d ON d."id" = r."dossierId"`,
        // The aggregates count a rating under its dossier's commune; the rating carries the same one
        // (rate-dossier.ts copies it), which lets the index DossierRating(communeId, createdAt) find them.
        where: Prisma.sql`r."communeId" = ${communeId}::uuid AND d."communeId" = ${communeId}::uuid ${procedure} AND r."createdAt" >= ${startsAt} AND r."createdAt" < ${endsBefore} AND ${extra}`,
      }
    case 'OPEN':
      return { from: Prisma.sql`"Dossier" d`, where: Prisma.sql`d."communeId" = ${communeId}::uuid ${procedure} AND ${extra}` }
  }
}

function sortColumn(measure: DashboardMeasure): Prisma.Sql {
  switch (DASHBOARD_MEASURE_BASIS[measure]) {
    case 'SUBMITTED':
      return Prisma.sql`d."submittedAt"`
    case 'COMPLETED':
      return Prisma.sql`d."completedAt"`
    case 'RATED':
      return Prisma.sql`r."createdAt"`
    case 'OPEN':
      return Prisma.sql`d."dueAt"`
  }
}

/** Whether the list runs newest first (period measures) or by due date, soonest first (open measures). */
function descending(measure: DashboardMeasure): boolean {
  return DASHBOARD_MEASURE_BASIS[measure] !== 'OPEN'
}

function keysetCondition(measure: DashboardMeasure, after: QueueCursor | null): Prisma.Sql {
  if (!after) return Prisma.sql`TRUE`
  const column = sortColumn(measure)
  if (descending(measure)) {
    // Period measures: the sort column is never null (it is in the period).
    if (after.value === null) return Prisma.sql`FALSE`
    return Prisma.sql`(${column}, d."id") < (${after.value}, ${after.id}::uuid)`
  }
  if (after.value === null) return Prisma.sql`(${column} IS NULL AND d."id" > ${after.id}::uuid)`
  return Prisma.sql`((${column}, d."id") > (${after.value}, ${after.id}::uuid) OR ${column} IS NULL)`
}

function orderBy(measure: DashboardMeasure): Prisma.Sql {
  const column = sortColumn(measure)
  return descending(measure) ? Prisma.sql`${column} DESC, d."id" DESC` : Prisma.sql`${column} ASC NULLS LAST, d."id" ASC`
}

/** How many dossiers are behind the measure (the dashboard figure). */
export async function countDashboardDossiers(client: Client, query: DossierListQuery): Promise<number> {
  const { from, where } = source(query)
  const [row] = await client.$queryRaw<{ total: bigint }[]>`SELECT count(*)::bigint AS "total" FROM ${from} WHERE ${where}`
  const total = Number(row?.total ?? 0)
  if (!Number.isSafeInteger(total)) throw new RangeError('count out of range')
  return total
}

type SqlRow = Omit<DashboardDossierRow, 'ratingScore'> & { ratingScore: number | null }

/** The rows after `after` in the measure's order, at most `take`. */
export async function findDashboardDossiers(
  client: Client,
  query: DossierListQuery & { after: QueueCursor | null; take: number },
): Promise<DashboardDossierRow[]> {
  const { from, where } = source(query)
  const rating =
    DASHBOARD_MEASURE_BASIS[query.measure] === 'RATED'
      ? Prisma.sql`r."score" AS "ratingScore", r."createdAt" AS "ratedAt"`
      : Prisma.sql`NULL::int AS "ratingScore", NULL::timestamp AS "ratedAt"`
  const rows = await client.$queryRaw<SqlRow[]>`
    SELECT d."id"::text AS "id", d."code", d."applicantName", p."slug" AS "procedureCode", pv."nameVi" AS "procedureName",
      d."channel"::text AS "channel", d."state"::text AS "state", d."submittedAt", d."dueAt", d."completedAt",
      d."outcome"::text AS "outcome", ${rating}
    FROM ${from}
    JOIN "Procedure" p ON p."id" = d."procedureId"
    JOIN "ProcedureVersion" pv ON pv."id" = d."procedureVersionId"
    WHERE ${where} AND ${keysetCondition(query.measure, query.after)}
    ORDER BY ${orderBy(query.measure)}
    LIMIT ${query.take}`
  return rows.map((row) => ({
    ...row,
    channel: row.channel as DashboardChannel,
    state: row.state as DashboardDossierState,
    outcome: row.outcome as DashboardOutcome | null,
  }))
}

/** The cursor after a row: its sort value and id. */
export function cursorAfter(measure: DashboardMeasure, row: DashboardDossierRow): QueueCursor {
  switch (DASHBOARD_MEASURE_BASIS[measure]) {
    case 'SUBMITTED':
      return { value: row.submittedAt, id: row.id }
    case 'COMPLETED':
      return { value: row.completedAt, id: row.id }
    case 'RATED':
      return { value: row.ratedAt, id: row.id }
    case 'OPEN':
      return { value: row.dueAt, id: row.id }
  }
}
