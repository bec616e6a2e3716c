import 'server-only'
import { Prisma, type PrismaClient } from '@/generated/prisma/client'
import { DAILY_STAT_COLUMNS, type DashboardCounts, type LocalDate } from '@/domain/stats/dashboard-metrics-types'
import type { DashboardCommune, DashboardProcedure } from './dashboard-types'

/**
 * The dashboard's reads of the maintained aggregates (DossierDailyStat, DossierOpenStat) — never a scan of
 * dossiers for period figures. The only read of "Dossier" here is the small "overdue since earlier today" count
 * (open dossiers whose due time fell between local midnight and now: DossierOpenStat keeps due DAYS, so today's
 * overdue ones cannot be told from today's not-yet-due ones there), through the index
 * Dossier(communeId, state, dueAt, id).
 *
 * Every sum is cast to bigint in SQL (int sums overflow past 2^31, bigint sums are numeric) and converted to a
 * number here, refusing anything past Number.MAX_SAFE_INTEGER rather than rounding it silently.
 */

export type Client = PrismaClient | Prisma.TransactionClient

/** Which rows of the aggregates: a whole province (null = every commune), or one commune (and procedure). */
export type StatScope =
  | { kind: 'province'; provinceId: string | null }
  | { kind: 'commune'; communeId: string; procedureId?: string | null }

/** What the rows are grouped by: commune, procedure, or nothing (one total row). */
export type StatGroup = 'commune' | 'procedure' | 'none'

/** The key of a grouped row: commune id, procedure id, or '' for `none`. */
export type Keyed<T> = T & { key: string }

/** A bigint (or number) count from SQL as a number; a value past 2^53 is an error, not a rounding. */
export function toCount(value: bigint | number | null | undefined): number {
  if (value === null || value === undefined) return 0
  const number = typeof value === 'bigint' ? Number(value) : value
  if (!Number.isSafeInteger(number) || (typeof value === 'bigint' && BigInt(number) !== value)) throw new RangeError(`Count out of range: ${String(value)}`)
  return number
}

function scopeCondition(alias: Prisma.Sql, scope: StatScope): Prisma.Sql {
  if (scope.kind === 'province') {
    return scope.provinceId === null
      ? Prisma.sql`TRUE`
      : Prisma.sql`${alias}."communeId" IN (SELECT c."id" FROM "Commune" c WHERE c."provinceId" = ${scope.provinceId}::uuid)`
  }
  const procedure = scope.procedureId ? Prisma.sql` AND ${alias}."procedureId" = ${scope.procedureId}::uuid` : Prisma.empty
  return Prisma.sql`${alias}."communeId" = ${scope.communeId}::uuid${procedure}`
}

function groupKey(alias: Prisma.Sql, group: StatGroup): Prisma.Sql {
  if (group === 'commune') return Prisma.sql`${alias}."communeId"::text`
  if (group === 'procedure') return Prisma.sql`${alias}."procedureId"::text`
  return Prisma.sql`''::text`
}

function groupBy(alias: Prisma.Sql, group: StatGroup): Prisma.Sql {
  if (group === 'commune') return Prisma.sql`GROUP BY ${alias}."communeId"`
  if (group === 'procedure') return Prisma.sql`GROUP BY ${alias}."procedureId"`
  return Prisma.empty
}

type SqlCounts<K extends string> = { key: string } & Record<K, bigint | null>

function convert<K extends string>(rows: SqlCounts<K>[], keys: readonly K[]): Keyed<Record<K, number>>[] {
  return rows.map((row) => {
    const out = { key: row.key } as Keyed<Record<K, number>>
    for (const key of keys) (out as Record<K, number>)[key] = toCount(row[key])
    return out
  })
}

export const PERIOD_COUNT_KEYS = DAILY_STAT_COLUMNS
export type PeriodCounts = Pick<DashboardCounts, (typeof PERIOD_COUNT_KEYS)[number]>

const sum = (column: string) => Prisma.sql`coalesce(sum(s.${Prisma.raw(`"${column}"`)}), 0)::bigint AS ${Prisma.raw(`"${column}"`)}`

export type PeriodSums = {
  /** Period counts by group key (commune id, procedure id, or '' for `none`); only groups with aggregate rows. */
  groups: Keyed<PeriodCounts>[]
  /** Period counts per local day of the whole scope (days without rows are absent: the domain fills zeros). */
  days: (PeriodCounts & { day: LocalDate })[]
  /** With `loadThreshold` (group 'commune' only): the (commune, day) pairs with received > loadThreshold. */
  peaks: { communeId: string; day: LocalDate; received: number }[]
}

/**
 * Everything the dashboard needs from DossierDailyStat for the local days [from, to], in ONE pass over the
 * period's aggregate rows (GROUPING SETS): the sums by group, the sums by day (trends) and, for the province view,
 * the days a commune received more than `loadThreshold` dossiers (load alerts). Reading the period's rows once
 * rather than three times is most of the province view's cost.
 */
/**
 * Without a procedure (no procedure grouping or filter), the sums come from DossierCommuneDayStat, the daily rows
 * already summed over procedures (a month of the province is ~4 000 rows instead of ~70 000 at ten million dossiers).
 */
function usesRollup(scope: StatScope, group: StatGroup): boolean {
  return group !== 'procedure' && !(scope.kind === 'commune' && scope.procedureId)
}

export async function sumPeriod(
  client: Client,
  { scope, group, from, to, loadThreshold }: { scope: StatScope; group: StatGroup; from: LocalDate; to: LocalDate; loadThreshold?: number },
): Promise<PeriodSums> {
  const s = Prisma.sql`s`
  const withPeaks = loadThreshold !== undefined && group === 'commune'
  const column = group === 'commune' ? Prisma.sql`s."communeId"` : group === 'procedure' ? Prisma.sql`s."procedureId"` : null
  const sets = column
    ? Prisma.sql`GROUPING SETS ((${column}), (s."day")${withPeaks ? Prisma.sql`, (s."communeId", s."day")` : Prisma.empty})`
    : Prisma.sql`GROUPING SETS ((), (s."day"))`
  // 'group': by group (day aggregated); 'day': by day (group aggregated); 'peak': by commune and day.
  const kind = column
    ? Prisma.sql`CASE WHEN GROUPING(s."day") = 1 THEN 'group' WHEN GROUPING(${column}) = 0 THEN 'peak' ELSE 'day' END`
    : Prisma.sql`CASE WHEN GROUPING(s."day") = 1 THEN 'group' ELSE 'day' END`
  const having = withPeaks
    ? Prisma.sql`HAVING GROUPING(s."communeId") = 1 OR GROUPING(s."day") = 1 OR sum(s."received") > ${loadThreshold}`
    : Prisma.empty
  const rows = await client.$queryRaw<(SqlCounts<(typeof PERIOD_COUNT_KEYS)[number]> & { kind: 'group' | 'day' | 'peak'; day: string | null })[]>`
    SELECT ${kind} AS "kind", ${column ? Prisma.sql`coalesce(${column}::text, '')` : Prisma.sql`''::text`} AS "key",
      to_char(s."day", 'YYYY-MM-DD') AS "day", ${Prisma.join(PERIOD_COUNT_KEYS.map(sum), ', ')}
    FROM ${Prisma.raw(usesRollup(scope, group) ? '"DossierCommuneDayStat"' : '"DossierDailyStat"')} s
    WHERE s."day" >= ${from}::date AND s."day" <= ${to}::date AND ${scopeCondition(s, scope)}
    GROUP BY ${sets}
    ${having}`
  const result: PeriodSums = { groups: [], days: [], peaks: [] }
  for (const row of rows) {
    const [counts] = convert([row], PERIOD_COUNT_KEYS)
    if (!counts) continue
    const { key, ...values } = counts
    if (row.kind === 'group') result.groups.push(counts)
    else if (row.kind === 'day' && row.day) result.days.push({ day: row.day, ...values })
    else if (row.kind === 'peak' && row.day) result.peaks.push({ communeId: key, day: row.day, received: values.received })
  }
  // With no aggregate row at all, GROUPING SETS (()) still gives its one (zero) row; by group, none.
  result.days.sort((a, b) => (a.day < b.day ? -1 : 1))
  return result
}

const OPEN_COUNT_KEYS = [
  'waitingReception',
  'processing',
  'readyToReturn',
  'awaitingSupplement',
  'overdueBeforeToday',
  'overdueLastWeek',
  'overduePreviousWeek',
] as const

/**
 * Open dossiers now (DossierOpenStat), grouped: by state, and the overdue ones (state PROCESSING or
 * READY_TO_RETURN, clock running) whose local due day is before today, in [today − 7, today) and in
 * [today − 14, today − 7) (the overdue-jump windows of dashboard-metrics.ts). "Overdue now" is
 * overdueBeforeToday + `countOverdueToday`.
 */
export type OpenCounts = Record<(typeof OPEN_COUNT_KEYS)[number], number>

export async function sumOpenCounts(
  client: Client,
  { scope, group, today }: { scope: StatScope; group: StatGroup; today: LocalDate },
): Promise<Keyed<OpenCounts>[]> {
  const o = Prisma.sql`o`
  const overdue = Prisma.sql`o."state" IN ('PROCESSING', 'READY_TO_RETURN') AND NOT o."clockPaused"`
  const rows = await client.$queryRaw<SqlCounts<(typeof OPEN_COUNT_KEYS)[number]>[]>`
    SELECT ${groupKey(o, group)} AS "key",
      coalesce(sum(o."count") FILTER (WHERE o."state" = 'SUBMITTED'), 0)::bigint AS "waitingReception",
      coalesce(sum(o."count") FILTER (WHERE o."state" = 'PROCESSING'), 0)::bigint AS "processing",
      coalesce(sum(o."count") FILTER (WHERE o."state" = 'READY_TO_RETURN'), 0)::bigint AS "readyToReturn",
      coalesce(sum(o."count") FILTER (WHERE o."state" = 'AWAITING_SUPPLEMENT'), 0)::bigint AS "awaitingSupplement",
      coalesce(sum(o."count") FILTER (WHERE ${overdue} AND o."dueDay" < ${today}::date), 0)::bigint AS "overdueBeforeToday",
      coalesce(sum(o."count") FILTER (
        WHERE ${overdue} AND o."dueDay" >= ${today}::date - 7 AND o."dueDay" < ${today}::date), 0)::bigint AS "overdueLastWeek",
      coalesce(sum(o."count") FILTER (
        WHERE ${overdue} AND o."dueDay" >= ${today}::date - 14 AND o."dueDay" < ${today}::date - 7), 0)::bigint AS "overduePreviousWeek"
    FROM "DossierOpenStat" o
    WHERE ${scopeCondition(o, scope)}
    ${groupBy(o, group)}`
  return convert(rows, OPEN_COUNT_KEYS)
}

/**
 * Dossiers that fell overdue earlier today: state PROCESSING or READY_TO_RETURN, clock running, due in
 * [local midnight today, now). Reads the index (communeId, state, dueAt, id): a few rows per commune.
 */
export async function countOverdueToday(
  client: Client,
  { scope, group, startOfToday, now }: { scope: StatScope; group: StatGroup; startOfToday: Date; now: Date },
): Promise<Keyed<{ overdueToday: number }>[]> {
  const d = Prisma.sql`d`
  if (now <= startOfToday) return group === 'none' ? [{ key: '', overdueToday: 0 }] : []
  const overdueToday = Prisma.sql`d."state" IN ('PROCESSING', 'READY_TO_RETURN') AND d."clockPausedAt" IS NULL
      AND d."dueAt" >= ${startOfToday} AND d."dueAt" < ${now}`
  if (scope.kind === 'province') {
    // Commune by commune (a LATERAL index probe each): without a commune the index cannot be used, and a
    // province- or country-wide "dueAt in today" would read the whole Dossier table.
    const communes = scope.provinceId === null ? Prisma.sql`TRUE` : Prisma.sql`c."provinceId" = ${scope.provinceId}::uuid`
    const key = group === 'none' ? Prisma.sql`''::text` : Prisma.sql`c."id"::text`
    const rows = await client.$queryRaw<SqlCounts<'overdueToday'>[]>`
      SELECT ${key} AS "key", coalesce(sum(x."n"), 0)::bigint AS "overdueToday"
      FROM "Commune" c
      CROSS JOIN LATERAL (SELECT count(*) AS "n" FROM "Dossier" d WHERE d."communeId" = c."id" AND ${overdueToday}) x
      WHERE ${communes} AND x."n" > 0
      ${group === 'none' ? Prisma.empty : Prisma.sql`GROUP BY c."id"`}`
    return convert(rows, ['overdueToday'] as const)
  }
  const rows = await client.$queryRaw<SqlCounts<'overdueToday'>[]>`
    SELECT ${groupKey(d, group)} AS "key", count(*)::bigint AS "overdueToday"
    FROM "Dossier" d
    WHERE ${scopeCondition(d, scope)} AND ${overdueToday}
    ${groupBy(d, group)}`
  return convert(rows, ['overdueToday'] as const)
}

export type CommuneListing = DashboardCommune & { isActive: boolean }

/** The communes of a province (null = all), with their province. */
export async function findCommunes(client: Client, provinceId: string | null): Promise<CommuneListing[]> {
  return client.commune.findMany({
    where: provinceId === null ? {} : { provinceId },
    select: { id: true, code: true, name: true, provinceId: true, isActive: true },
  })
}

export async function findCommuneByCode(client: Client, code: string): Promise<DashboardCommune | null> {
  return client.commune.findUnique({ where: { code }, select: { id: true, code: true, name: true, provinceId: true } })
}

export async function findProvince(client: Client, id: string): Promise<{ id: string; code: string; name: string } | null> {
  return client.province.findUnique({ where: { id }, select: { id: true, code: true, name: true } })
}

const procedureSelect = { id: true, slug: true, nationalCode: true, currentVersion: { select: { nameVi: true } } } as const

function toProcedure(row: { id: string; slug: string; nationalCode: string | null; currentVersion: { nameVi: string } | null }): DashboardProcedure {
  return { id: row.id, code: row.slug, nationalCode: row.nationalCode, name: row.currentVersion?.nameVi ?? row.slug }
}

export async function findProceduresByIds(client: Client, ids: readonly string[]): Promise<DashboardProcedure[]> {
  if (ids.length === 0) return []
  const rows = await client.procedure.findMany({ where: { id: { in: [...ids] } }, select: procedureSelect })
  return rows.map(toProcedure)
}

export async function findProcedureByCode(client: Client, code: string): Promise<DashboardProcedure | null> {
  const row = await client.procedure.findUnique({ where: { slug: code }, select: procedureSelect })
  return row ? toProcedure(row) : null
}
