import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'

/**
 * The communes a commune staff member works for, by name, with the code URLs carry (the commune dashboard at
 * /can-bo/thong-ke opens the first, and offers the others). Empty for other roles.
 */
export async function listActorCommuneRefs(client: PrismaClient, actor: Actor): Promise<{ code: string; name: string }[]> {
  if (actor.communeIds.length === 0) return []
  return client.commune.findMany({
    where: { id: { in: [...actor.communeIds] } },
    select: { code: true, name: true },
    orderBy: { name: 'asc' },
  })
}
