import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'

export async function listActorCommuneNames(client: PrismaClient, actor: Actor): Promise<string[]> {
  const communes = await client.commune.findMany({
    where: { id: { in: [...actor.communeIds] } },
    select: { name: true },
    orderBy: { name: 'asc' },
  })
  return communes.map((commune) => commune.name)
}
