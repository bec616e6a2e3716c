import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import type { Client } from './staff.repo'

/** The audit log for administrators: read only (the table itself rejects UPDATE and DELETE). */

const auditEntrySelect = {
  id: true,
  createdAt: true,
  actorRole: true,
  action: true,
  entityType: true,
  entityId: true,
  data: true,
  ip: true,
  userAgent: true,
  actor: { select: { id: true, fullName: true, username: true } },
} satisfies Prisma.AuditLogSelect

export type PersonRef = { id: string; fullName: string; username: string | null }

export type AuditEntry = {
  /** The row's bigint id, as text. */
  id: string
  createdAt: Date
  actor: PersonRef | null
  actorRole: string | null
  action: string
  entityType: string
  entityId: string | null
  data: unknown
  ip: string | null
  userAgent: string | null
}

export async function findAuditPage(
  client: Client,
  where: Prisma.AuditLogWhereInput,
  { skip, take }: { skip: number; take: number },
): Promise<AuditEntry[]> {
  const rows = await client.auditLog.findMany({ where, select: auditEntrySelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip, take })
  return rows.map((row) => ({ ...row, id: row.id.toString() }))
}

export async function countAudit(client: Client, where: Prisma.AuditLogWhereInput): Promise<number> {
  return client.auditLog.count({ where })
}

/** Names of the users an audit page mentions as entities (one query for the page). */
export async function findPeople(client: Client, ids: readonly string[]): Promise<PersonRef[]> {
  if (ids.length === 0) return []
  return client.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, fullName: true, username: true } })
}
