import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { isCommuneStaff } from '@/domain/access/roles'

/** The actor behind a session, or null when the account is gone, disabled, or the session was revoked. */
export async function loadActor(client: PrismaClient, userId: string, sessionVersion: number): Promise<Actor | null> {
  const user = await client.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      role: true,
      fullName: true,
      disabledAt: true,
      sessionVersion: true,
      provinceId: true,
      communes: { select: { communeId: true } },
    },
  })
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null
  return {
    userId: user.id,
    role: user.role,
    fullName: user.fullName,
    communeIds: isCommuneStaff(user.role) ? user.communes.map((link) => link.communeId) : [],
    provinceId: user.role === 'PROVINCE_OFFICER' ? user.provinceId : null,
  }
}
