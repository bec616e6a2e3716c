import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { dossierScope } from '@/server/access/dossier-scope'
import { findRatingOf, type DossierRatingRow } from './rating.repo'

export type { DossierRatingRow }

/**
 * The rating of a dossier the actor may read (the applicant, the commune's staff, the province), or null
 * when there is none — or when the dossier is outside the actor's scope, which reads the same.
 */
export async function getDossierRating(client: PrismaClient, { actor, dossierId }: { actor: Actor; dossierId: string }): Promise<DossierRatingRow | null> {
  return findRatingOf(client, { AND: [{ id: dossierId }, dossierScope(actor)] })
}
