import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'

/**
 * Ends every session of the person, on every device, this one included: raises `sessionVersion`, which
 * every request compares with the one in its cookie (server/auth/load-actor.ts).
 */
export async function signOutEverywhere(client: PrismaClient, { actor, meta }: { actor: Actor; meta: RequestMeta }): Promise<void> {
  await client.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { sessionVersion: { increment: 1 } }, select: { id: true } })
    await writeAudit(tx, { actor, action: 'account.signOutEverywhere', entityType: 'User', entityId: actor.userId, meta })
  })
}
