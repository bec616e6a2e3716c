import 'server-only'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'

/**
 * Reads of the procedure-fee administration: each procedure with its current version's fee, one procedure with
 * its form (the fields a fee rule may name) and every version's fee, and who published them. Writes go through
 * server/procedure-versions/publish-next-procedure-version.ts in the use-case's transaction.
 */

export type Client = Prisma.TransactionClient | PrismaClient

const feeColumns = { feeVnd: true, feeNote: true, feeMoment: true, feeRule: true, feeExemptions: true } satisfies Prisma.ProcedureVersionSelect

const procedureFeeSelect = {
  id: true,
  slug: true,
  nationalCode: true,
  field: true,
  isActive: true,
  currentVersion: { select: { id: true, version: true, nameVi: true, nameEn: true, unverifiedFields: true, publishedAt: true, ...feeColumns } },
} satisfies Prisma.ProcedureSelect
export type ProcedureFeeRow = Prisma.ProcedureGetPayload<{ select: typeof procedureFeeSelect }>

/** Every procedure that has a current version, by field then national code or slug. */
export async function findProcedureFees(client: Client): Promise<ProcedureFeeRow[]> {
  return client.procedure.findMany({
    where: { currentVersionId: { not: null } },
    select: procedureFeeSelect,
    orderBy: [{ field: 'asc' }, { slug: 'asc' }],
  })
}

const procedureFeeDetailSelect = {
  ...procedureFeeSelect,
  currentVersion: { select: { ...procedureFeeSelect.currentVersion.select, formDefinition: true } },
  versions: {
    select: { id: true, version: true, status: true, publishedAt: true, createdAt: true, createdById: true, ...feeColumns },
    orderBy: { version: 'desc' },
  },
} satisfies Prisma.ProcedureSelect
export type ProcedureFeeDetailRow = Prisma.ProcedureGetPayload<{ select: typeof procedureFeeDetailSelect }>

export async function findProcedureFeeBySlug(client: Client, slug: string): Promise<ProcedureFeeDetailRow | null> {
  return client.procedure.findUnique({ where: { slug }, select: procedureFeeDetailSelect })
}

/** Names of the people who published versions (versions carry only the id). */
export async function findUserNames(client: Client, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const users = await client.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, fullName: true } })
  return new Map(users.map((user) => [user.id, user.fullName]))
}
