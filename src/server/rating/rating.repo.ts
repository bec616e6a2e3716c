import 'server-only'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'

type Client = PrismaClient | Prisma.TransactionClient

export type DossierRatingRow = { score: number; comment: string | null; createdAt: Date }

const ratingSelect = { score: true, comment: true, createdAt: true } satisfies Prisma.DossierRatingSelect

/** The dossier a rating is about. Two ratings at once are settled by the unique DossierRating.dossierId. */
export async function findDossierToRate(client: Client, where: Prisma.DossierWhereInput) {
  return client.dossier.findFirst({ where, select: { id: true, code: true, state: true, communeId: true } })
}

export async function findRatingOf(client: Client, dossierWhere: Prisma.DossierWhereInput): Promise<DossierRatingRow | null> {
  return client.dossierRating.findFirst({ where: { dossier: { is: dossierWhere } }, select: ratingSelect })
}

export async function insertRating(
  tx: Prisma.TransactionClient,
  data: { dossierId: string; communeId: string; raterId: string; score: number; comment: string | null; createdAt: Date },
): Promise<DossierRatingRow> {
  return tx.dossierRating.create({ data, select: ratingSelect })
}
