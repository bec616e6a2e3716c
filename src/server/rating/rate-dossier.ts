import 'server-only'
import { Prisma, type PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { isRatableState } from '@/domain/dossier/citizen-next-step'
import { dossierRefWhere, ZDossierRef } from '@/domain/dossier/dossier-ref'
import { RatingInputSchema, ratingFieldErrors } from '@/domain/dossier/rating'
import { AppError } from '@/domain/errors'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import { findRatingOf, insertRating, findDossierToRate, type DossierRatingRow } from './rating.repo'

/**
 * The applicant rates the service on one of their own dossiers once its result was returned: 1–5 stars and
 * an optional comment (domain/dossier/rating.ts). One transaction writes the rating and its audit row.
 *
 * Refusals: a dossier that is not the actor's own (or does not exist) is NOT_FOUND, the same answer for
 * both; only the applicant (a citizen) rates (FORBIDDEN otherwise); a dossier not returned yet is
 * INVALID_TRANSITION; a second rating is ALREADY_EXISTS (one per dossier, also enforced by the unique
 * DossierRating.dossierId); bad input is INVALID_INPUT with field errors, and nothing is stored.
 */
export async function rateDossier(
  client: PrismaClient,
  { actor, dossierRef, input, meta = null, now = new Date() }: { actor: Actor; dossierRef: unknown; input: unknown; meta?: RequestMeta | null; now?: Date },
): Promise<DossierRatingRow> {
  if (actor.role !== 'CITIZEN') throw new AppError('FORBIDDEN', 'only the applicant rates the service')
  const ref = ZDossierRef.safeParse(dossierRef)
  if (!ref.success) throw new AppError('NOT_FOUND')
  const parsed = RatingInputSchema.safeParse(input)
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'rating refused', ratingFieldErrors(parsed.error))
  const { score, comment } = parsed.data

  try {
    return await client.$transaction(async (tx) => {
      const dossier = await findDossierToRate(tx, { AND: [dossierRefWhere(ref.data), { applicantId: actor.userId }] })
      if (!dossier) throw new AppError('NOT_FOUND')
      if (!isRatableState(dossier.state)) throw new AppError('INVALID_TRANSITION', 'the dossier is not completed yet')
      if (await findRatingOf(tx, { id: dossier.id })) throw new AppError('ALREADY_EXISTS', 'the dossier was already rated')
      const rating = await insertRating(tx, { dossierId: dossier.id, communeId: dossier.communeId, raterId: actor.userId, score, comment: comment ?? null, createdAt: now })
      await writeAudit(tx, {
        actor,
        action: 'dossier.rate',
        entityType: 'Dossier',
        entityId: dossier.id,
        communeId: dossier.communeId,
        // The score, not the comment: the audit trail records the act, the rating row holds the words.
        data: { code: dossier.code, score, withComment: comment !== undefined },
        meta,
      })
      return rating
    })
  } catch (error) {
    // Rated meanwhile from another tab or device: the unique dossierId refuses the second row.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new AppError('ALREADY_EXISTS', 'the dossier was already rated')
    throw error
  }
}
