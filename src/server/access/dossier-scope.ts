import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'

/**
 * The dossiers an actor may read, as a where-clause: the same rule as domain/access/dossier-access.ts
 * (canReadDossier), applied in the query so that anything outside the scope is simply not found.
 */
export function dossierScope(actor: Actor): Prisma.DossierWhereInput {
  switch (actor.role) {
    case 'CITIZEN':
      return { applicantId: actor.userId }
    case 'CLERK':
    case 'SPECIALIST':
    case 'LEADER':
      return { communeId: { in: [...actor.communeIds] } }
    case 'PROVINCE_OFFICER':
      return actor.provinceId ? { commune: { provinceId: actor.provinceId } } : { id: { in: [] } }
    case 'ADMIN':
      return {}
  }
}
