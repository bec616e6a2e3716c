import 'server-only'
import { z } from 'zod'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { assertCanManageStaff } from './manage-staff-guard'
import { countAudit, findAuditPage, findPeople, type AuditEntry, type PersonRef } from './audit-log.repo'

export const AUDIT_PAGE_SIZE = 30

/** Filters from a URL: a value that does not parse is ignored. */
export const ZListAuditLogInput = z.object({
  action: z.string().trim().regex(/^[a-zA-Z][a-zA-Z.]{0,99}$/).optional().catch(undefined),
  entityType: z.string().trim().regex(/^[A-Za-z]{1,50}$/).optional().catch(undefined),
  entityId: z.string().trim().min(1).max(100).optional().catch(undefined),
  actorId: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
})

export type AuditLogFilters = Omit<z.infer<typeof ZListAuditLogInput>, 'page'>

export type AuditLogEntry = AuditEntry & {
  /** The user an entry is about, when its entity is a user. */
  subject: PersonRef | null
}

export type AuditLogPage = {
  entries: AuditLogEntry[]
  total: number
  page: number
  pageCount: number
  pageSize: number
  filters: AuditLogFilters
}

/** The audit log, newest first, paged, optionally narrowed to one action, entity or actor. */
export async function listAuditLog(
  client: PrismaClient,
  { actor, input, pageSize = AUDIT_PAGE_SIZE }: { actor: Actor; input: unknown; /** Fewer rows, e.g. a short history on another page. */ pageSize?: number },
): Promise<AuditLogPage> {
  assertCanManageStaff(actor)
  const { page: requestedPage = 1, ...filters } = ZListAuditLogInput.parse(input ?? {})
  const where: Prisma.AuditLogWhereInput = {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
  }
  const total = await countAudit(client, where)
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(requestedPage, pageCount)
  const rows = total === 0 ? [] : await findAuditPage(client, where, { skip: (page - 1) * pageSize, take: pageSize })

  const userIds = [...new Set(rows.flatMap((row) => (row.entityType === 'User' && row.entityId ? [row.entityId] : [])))]
  const uuidIds = userIds.filter((id) => z.uuid().safeParse(id).success)
  const people = new Map((await findPeople(client, uuidIds)).map((person) => [person.id, person]))
  const entries = rows.map((row) => ({ ...row, subject: row.entityType === 'User' && row.entityId ? (people.get(row.entityId) ?? null) : null }))
  return { entries, total, page, pageCount, pageSize, filters }
}
