import 'server-only'
import type { DossierState, Prisma, PrismaClient, VersionStatus } from '@/generated/prisma/client'
import { TerminalOutcomeSchema } from '@/domain/workflow/workflow-graph'

/**
 * Reads and writes of workflow administration: definitions, their versions, the procedures that use them and
 * how many dossiers are still in flight on each version. Reads select what the DTOs need; writes take the
 * transaction client of the use-case, so a change and its audit row land together.
 */

export type Client = Prisma.TransactionClient | PrismaClient

/** Dossiers that are not finished (returned, refused or withdrawn) still move through their workflow. */
const TERMINAL_STATES = TerminalOutcomeSchema.options as readonly DossierState[]
export const inFlight = { state: { notIn: [...TERMINAL_STATES] } } satisfies Prisma.DossierWhereInput

const versionSummarySelect = { id: true, version: true, status: true, publishedAt: true, createdAt: true, createdById: true } satisfies Prisma.WorkflowVersionSelect
export type VersionSummaryRow = Prisma.WorkflowVersionGetPayload<{ select: typeof versionSummarySelect }>

export async function findDefinitions(client: Client) {
  return client.workflowDefinition.findMany({
    select: { id: true, key: true, name: true, description: true, versions: { select: versionSummarySelect, orderBy: { version: 'desc' } } },
    orderBy: { createdAt: 'asc' },
  })
}

/** Dossiers in flight per workflow version (all versions, or those given). */
export async function countInFlightByVersion(client: Client, versionIds?: readonly string[]): Promise<Map<string, number>> {
  const rows = await client.dossier.groupBy({
    by: ['workflowVersionId'],
    where: { ...inFlight, ...(versionIds ? { workflowVersionId: { in: [...versionIds] } } : {}) },
    _count: { _all: true },
  })
  return new Map(rows.map((row) => [row.workflowVersionId, row._count._all]))
}

/** Dossiers in flight per procedure. */
export async function countInFlightByProcedure(client: Client): Promise<Map<string, number>> {
  const rows = await client.dossier.groupBy({ by: ['procedureId'], where: inFlight, _count: { _all: true } })
  return new Map(rows.map((row) => [row.procedureId, row._count._all]))
}

const procedureWorkflowSelect = {
  id: true,
  slug: true,
  nationalCode: true,
  isActive: true,
  currentVersion: {
    select: {
      id: true,
      version: true,
      nameVi: true,
      nameEn: true,
      field: true,
      workflowVersion: { select: { id: true, version: true, status: true, definition: { select: { id: true, key: true, name: true } } } },
    },
  },
} satisfies Prisma.ProcedureSelect
export type ProcedureWorkflowRow = Prisma.ProcedureGetPayload<{ select: typeof procedureWorkflowSelect }>

/** Every procedure with the workflow version its current version uses (procedures without one are left out). */
export async function findProcedureWorkflows(client: Client): Promise<(ProcedureWorkflowRow & { currentVersion: NonNullable<ProcedureWorkflowRow['currentVersion']> })[]> {
  const rows = await client.procedure.findMany({ where: { currentVersionId: { not: null } }, select: procedureWorkflowSelect, orderBy: { slug: 'asc' } })
  return rows.flatMap((row) => (row.currentVersion ? [{ ...row, currentVersion: row.currentVersion }] : []))
}

const versionSelect = {
  ...versionSummarySelect,
  graph: true,
  definition: { select: { id: true, key: true, name: true, description: true } },
} satisfies Prisma.WorkflowVersionSelect
export type VersionRow = Prisma.WorkflowVersionGetPayload<{ select: typeof versionSelect }>

export async function findVersion(client: Client, id: string): Promise<VersionRow | null> {
  return client.workflowVersion.findUnique({ where: { id }, select: versionSelect })
}

/** The newest version of a definition that is not a draft (published, or retired when none is published). */
export async function findLatestReleased(client: Client, definitionId: string): Promise<VersionRow | null> {
  return client.workflowVersion.findFirst({ where: { definitionId, status: { not: 'DRAFT' } }, select: versionSelect, orderBy: { version: 'desc' } })
}

export async function findDraftOf(client: Client, definitionId: string): Promise<{ id: string; version: number } | null> {
  return client.workflowVersion.findFirst({ where: { definitionId, status: 'DRAFT' }, select: { id: true, version: true }, orderBy: { version: 'desc' } })
}

export async function nextVersionNumber(client: Client, definitionId: string): Promise<number> {
  const latest = await client.workflowVersion.aggregate({ where: { definitionId }, _max: { version: true } })
  return (latest._max.version ?? 0) + 1
}

export async function findUserNames(client: Client, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const users = await client.user.findMany({ where: { id: { in: wanted } }, select: { id: true, fullName: true } })
  return new Map(users.map((user) => [user.id, user.fullName]))
}

/** Locks a version's row for the rest of the transaction and reads its status and graph. */
export async function lockVersion(tx: Prisma.TransactionClient, id: string): Promise<{ status: VersionStatus; graph: unknown; definitionId: string; version: number } | null> {
  const rows = await tx.$queryRaw<{ status: VersionStatus; graph: unknown; definitionId: string; version: number }[]>`
    SELECT status, graph, "definitionId"::text AS "definitionId", version FROM "WorkflowVersion" WHERE id = ${id}::uuid FOR UPDATE`
  return rows[0] ?? null
}
