import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import type { RequestMeta } from '@/server/http/request-meta'

type AuditClient = { auditLog: { create: (args: { data: Prisma.AuditLogUncheckedCreateInput }) => Promise<unknown> } }

export type AuditEntry = {
  actor: Pick<Actor, 'userId' | 'role'> | null
  /** Verb-noun, e.g. "staff.create", "staff.disable", "auth.signIn". */
  action: string
  entityType: string
  entityId?: string | null
  communeId?: string | null
  /** What changed; never secrets (no passwords, codes or tokens). */
  data?: Prisma.InputJsonValue
  meta?: RequestMeta | null
}

/** Appends one audit row — inside the caller's transaction, so the change and its record land together. */
export async function writeAudit(client: AuditClient, entry: AuditEntry): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: entry.actor?.userId ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      communeId: entry.communeId ?? null,
      data: entry.data ?? {},
      ip: entry.meta?.ip ?? null,
      userAgent: entry.meta?.userAgent ?? null,
    },
  })
}
