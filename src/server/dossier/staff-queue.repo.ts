import 'server-only'
import { Prisma, type PrismaClient } from '@/generated/prisma/client'
import { digitPrefixUpperBound, submissionRangeOfCodePrefix, type QueueCursor, type QueueSearch, type QueueSort, type StaffQueue } from '@/domain/dossier/staff-queues'

type Client = PrismaClient | Prisma.TransactionClient

/** Steps (per workflow version) a role acts at: the "awaiting my approval" queue for leaders. */
export type RoleSteps = { workflowVersionId: string; stepKeys: string[] }[]

export type QueueScope = {
  communeIds: readonly string[]
  userId: string
  procedureId: string | null
  search: QueueSearch | null
  now: Date
  /** Upper bound of "due within one working day" (computed with the working calendar). */
  dueSoonUntil: Date
  leaderSteps: RoleSteps
}

export type QueueRow = {
  id: string
  code: string
  state: string
  currentStep: string
  channel: string
  version: number
  applicantName: string
  applicantCitizenId: string | null
  submittedAt: Date
  receivedAt: Date | null
  dueAt: Date | null
  clockPausedAt: Date | null
  completedAt: Date | null
  outcome: string | null
  procedureNameVi: string
  procedureNameEn: string
  assigneeName: string | null
  workflowVersionId: string
}

const OPEN_STATES = Prisma.sql`('SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN')`
/** The legal clock runs: received, not paused, not finished. */
const CLOCK_RUNS = Prisma.sql`d."state" IN ('PROCESSING', 'READY_TO_RETURN') AND d."clockPausedAt" IS NULL AND d."dueAt" IS NOT NULL`

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`)
}

function stepsCondition(steps: RoleSteps): Prisma.Sql {
  const parts = steps
    .filter((entry) => entry.stepKeys.length > 0)
    .map((entry) => Prisma.sql`(d."workflowVersionId" = ${entry.workflowVersionId}::uuid AND d."currentStep" = ANY(${entry.stepKeys}::text[]))`)
  return parts.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`(${Prisma.join(parts, ' OR ')})`
}

/** What belongs to each queue, as SQL over the dossier alias `d` (mirrors domain/dossier/staff-queues.ts). */
function queueCondition(queue: StaffQueue, scope: QueueScope): Prisma.Sql {
  switch (queue) {
    case 'new':
      return Prisma.sql`d."state" = 'SUBMITTED'`
    case 'mine':
      return Prisma.sql`d."assigneeId" = ${scope.userId}::uuid AND d."state" IN ${OPEN_STATES}`
    case 'approval':
      return Prisma.sql`d."state" IN ${OPEN_STATES} AND ${stepsCondition(scope.leaderSteps)}`
    case 'to_return':
      return Prisma.sql`d."state" = 'READY_TO_RETURN'`
    case 'due_soon':
      return Prisma.sql`${CLOCK_RUNS} AND d."dueAt" >= ${scope.now} AND d."dueAt" <= ${scope.dueSoonUntil}`
    case 'overdue':
      return Prisma.sql`${CLOCK_RUNS} AND d."dueAt" < ${scope.now}`
    case 'supplement':
      return Prisma.sql`d."state" = 'AWAITING_SUPPLEMENT'`
    case 'all':
      return Prisma.sql`TRUE`
  }
}

function searchCondition(search: QueueSearch | null): Prisma.Sql {
  if (!search) return Prisma.sql`TRUE`
  switch (search.kind) {
    case 'code': {
      const range = submissionRangeOfCodePrefix(search.prefix)
      const like = Prisma.sql`d."code" LIKE ${`${escapeLike(search.prefix)}%`}`
      // The code carries its submission day: the (commune, submittedAt) index narrows to it.
      return range ? Prisma.sql`(${like} AND d."submittedAt" >= ${range.from} AND d."submittedAt" < ${range.to})` : like
    }
    case 'citizenId':
      return Prisma.sql`d."applicantCitizenId" = ${search.value}`
    case 'phone':
      return Prisma.sql`d."applicantPhone" = ${search.value}`
    case 'digits': {
      // The start of an ID number or a phone: a range on their b-tree indexes (digit strings sort as text).
      const upper = digitPrefixUpperBound(search.value)
      const range = (column: Prisma.Sql) => (upper ? Prisma.sql`(${column} >= ${search.value} AND ${column} < ${upper})` : Prisma.sql`${column} >= ${search.value}`)
      return Prisma.sql`(${range(Prisma.sql`d."applicantCitizenId"`)} OR ${range(Prisma.sql`d."applicantPhone"`)})`
    }
    case 'name': {
      // Accent- and case-insensitive: "nguyen van an" finds "Nguyễn Văn An"; every word must appear.
      const words = search.value.split(' ').filter(Boolean).slice(0, 6)
      // The stored lower(unaccent(name)) is trigram-indexed (migration dossier_name_search).
      const parts = words.map((word) => Prisma.sql`d."applicantNameSearch" LIKE '%' || motcua_search_text(${escapeLike(word)}) || '%'`)
      return Prisma.join(parts, ' AND ')
    }
  }
}

function sortColumn(sort: QueueSort): Prisma.Sql {
  return sort === 'due_asc' ? Prisma.sql`d."dueAt"` : Prisma.sql`d."submittedAt"`
}

/**
 * Rows after the cursor in the page order. `submittedAt` is never null; `dueAt` may be (a dossier not yet
 * received, in a custom workflow's queue): those rows come last (ASC NULLS LAST), ordered by id.
 */
function keysetCondition(sort: QueueSort, after: QueueCursor | null): Prisma.Sql {
  if (!after) return Prisma.sql`TRUE`
  const column = sortColumn(sort)
  if (sort === 'submitted_desc') return Prisma.sql`(${column}, d."id") < (${after.value}, ${after.id}::uuid)`
  if (sort === 'submitted_asc') return Prisma.sql`(${column}, d."id") > (${after.value}, ${after.id}::uuid)`
  if (after.value === null) return Prisma.sql`(${column} IS NULL AND d."id" > ${after.id}::uuid)`
  return Prisma.sql`((${column}, d."id") > (${after.value}, ${after.id}::uuid) OR ${column} IS NULL)`
}

function orderBy(sort: QueueSort): Prisma.Sql {
  const column = sortColumn(sort)
  return sort === 'submitted_desc' ? Prisma.sql`${column} DESC, d."id" DESC` : Prisma.sql`${column} ASC NULLS LAST, d."id" ASC`
}

function scopeCondition(scope: QueueScope): Prisma.Sql {
  const procedure = scope.procedureId ? Prisma.sql`AND d."procedureId" = ${scope.procedureId}::uuid` : Prisma.empty
  // One commune (the usual case) as an equality: with `= ANY(array)` PostgreSQL cannot read the
  // (communeId, submittedAt) indexes in order, so a page sorted by submission read and sorted every dossier of
  // the commune (bench/staff-queue.mts: 0.7 s instead of 4 ms at 1M dossiers).
  const [only] = scope.communeIds
  const commune =
    scope.communeIds.length === 1 && only ? Prisma.sql`d."communeId" = ${only}::uuid` : Prisma.sql`d."communeId" = ANY(${[...scope.communeIds]}::uuid[])`
  return Prisma.sql`${commune} ${procedure}`
}

/**
 * One page of a queue, keyset-paged on (sort column, id): the cost of a page does not grow with its depth.
 * Reads the index (communeId, state, dueAt, id) or (communeId, submittedAt); `take` is the page size + 1
 * so the caller knows whether another page follows.
 */
export async function findQueuePage(
  client: Client,
  { queue, sort, scope, after, take }: { queue: StaffQueue; sort: QueueSort; scope: QueueScope; after: QueueCursor | null; take: number },
): Promise<QueueRow[]> {
  return client.$queryRaw<QueueRow[]>`
    SELECT d."id"::text AS "id", d."code", d."state"::text AS "state", d."currentStep", d."channel"::text AS "channel", d."version",
      d."applicantName", d."applicantCitizenId", d."submittedAt", d."receivedAt", d."dueAt", d."clockPausedAt", d."completedAt",
      d."outcome"::text AS "outcome", pv."nameVi" AS "procedureNameVi", pv."nameEn" AS "procedureNameEn",
      a."fullName" AS "assigneeName", d."workflowVersionId"::text AS "workflowVersionId"
    FROM "Dossier" d
    JOIN "ProcedureVersion" pv ON pv."id" = d."procedureVersionId"
    LEFT JOIN "User" a ON a."id" = d."assigneeId"
    WHERE ${scopeCondition(scope)}
      AND ${queueCondition(queue, scope)}
      AND ${searchCondition(scope.search)}
      AND ${keysetCondition(sort, after)}
    ORDER BY ${orderBy(sort)}
    LIMIT ${take}`
}

export type QueueCounts = Record<Exclude<StaffQueue, 'all'>, number>

/**
 * How many dossiers each queue holds (procedure filter and search applied), in one pass over the commune's
 * OPEN dossiers only: finished dossiers, the bulk of the table, are never read.
 */
export async function countQueues(client: Client, scope: QueueScope): Promise<QueueCounts> {
  // The commune's open dossiers are few (thousands): read them once through the (commune, state) index and
  // filter in memory, rather than let a common name ("nguyen") drive a province-wide trigram scan.
  const [row] = await client.$queryRaw<Record<keyof QueueCounts, number>[]>`
    WITH d AS MATERIALIZED (
      SELECT d."state", d."assigneeId", d."dueAt", d."clockPausedAt", d."workflowVersionId", d."currentStep",
        d."code", d."submittedAt", d."applicantCitizenId", d."applicantPhone", d."applicantNameSearch"
      FROM "Dossier" d
      WHERE ${scopeCondition(scope)} AND d."state" IN ${OPEN_STATES}
    )
    SELECT
      count(*) FILTER (WHERE ${queueCondition('new', scope)})::int AS "new",
      count(*) FILTER (WHERE ${queueCondition('mine', scope)})::int AS "mine",
      count(*) FILTER (WHERE ${queueCondition('approval', scope)})::int AS "approval",
      count(*) FILTER (WHERE ${queueCondition('to_return', scope)})::int AS "to_return",
      count(*) FILTER (WHERE ${queueCondition('due_soon', scope)})::int AS "due_soon",
      count(*) FILTER (WHERE ${queueCondition('overdue', scope)})::int AS "overdue",
      count(*) FILTER (WHERE ${queueCondition('supplement', scope)})::int AS "supplement"
    FROM d
    WHERE ${searchCondition(scope.search)}`
  if (!row) throw new Error('count query returned no row')
  return row
}

/** Published workflow graphs by version id (immutable once published, so the caller may keep them). */
export async function findWorkflowGraphs(client: Client, ids: readonly string[] | null): Promise<{ id: string; graph: unknown }[]> {
  return client.workflowVersion.findMany({
    where: { status: { not: 'DRAFT' }, ...(ids ? { id: { in: [...ids] } } : {}) },
    select: { id: true, graph: true },
  })
}

/** Active procedures for the queue's filter (current version's names). */
export async function findProcedureOptions(client: Client): Promise<{ id: string; nameVi: string; nameEn: string }[]> {
  const rows = await client.procedure.findMany({
    where: { isActive: true, currentVersionId: { not: null } },
    select: { id: true, currentVersion: { select: { nameVi: true, nameEn: true } } },
  })
  return rows
    .flatMap((row) => (row.currentVersion ? [{ id: row.id, nameVi: row.currentVersion.nameVi, nameEn: row.currentVersion.nameEn }] : []))
    .sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi'))
}
