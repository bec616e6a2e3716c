import 'server-only'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'

type Client = PrismaClient | Prisma.TransactionClient

/**
 * Queries behind a citizen's files on an unsubmitted draft (server/drafts/draft-files.ts). Every one is
 * bound to the owner (`userId`): another person's draft reads exactly like a draft that does not exist.
 * A draft's files are its rows with `draftId` and no `dossierId` yet (submission moves them to the dossier).
 */

export type OwnedDraft = { id: string; communeId: string; formDefinition: unknown }

export async function findOwnedDraft(client: Client, { draftId, userId }: { draftId: string; userId: string }): Promise<OwnedDraft | null> {
  const draft = await client.dossierDraft.findFirst({
    where: { id: draftId, userId },
    select: { id: true, communeId: true, procedureVersion: { select: { formDefinition: true } } },
  })
  return draft ? { id: draft.id, communeId: draft.communeId, formDefinition: draft.procedureVersion.formDefinition } : null
}

/**
 * Locks the owner's draft row until the transaction ends (SELECT … FOR UPDATE), so that uploads, removals
 * and the submission of one draft (server/dossier/submit-online.ts takes the same lock) happen one at a time.
 * Returns the draft's commune as it is now, or null when the draft is gone or not the owner's.
 */
export async function lockOwnedDraft(tx: Prisma.TransactionClient, { draftId, userId }: { draftId: string; userId: string }): Promise<{ communeId: string } | null> {
  const [row] = await tx.$queryRaw<{ communeId: string }[]>`SELECT "communeId" FROM "DossierDraft" WHERE id = ${draftId}::uuid AND "userId" = ${userId}::uuid FOR UPDATE`
  return row ?? null
}

export async function countDraftFilesInSlot(client: Client, { draftId, documentKey }: { draftId: string; documentKey: string }): Promise<number> {
  return client.attachment.count({ where: { draftId, dossierId: null, documentKey } })
}

export const draftFileSelect = {
  id: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  sha256: true,
  documentKey: true,
} satisfies Prisma.AttachmentSelect

export type DraftFileRow = Prisma.AttachmentGetPayload<{ select: typeof draftFileSelect }>

export async function createDraftFiles(tx: Prisma.TransactionClient, data: Prisma.AttachmentCreateManyInput[]): Promise<(DraftFileRow & { storageKey: string })[]> {
  return tx.attachment.createManyAndReturn({ data, select: { ...draftFileSelect, storageKey: true } })
}

/** The files of the owner's draft, oldest first; empty when the draft is not theirs. */
export async function findDraftFiles(client: Client, { draftId, userId }: { draftId: string; userId: string }): Promise<DraftFileRow[]> {
  return client.attachment.findMany({
    where: { draftId, dossierId: null, draft: { is: { userId } } },
    select: draftFileSelect,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })
}

/**
 * Deletes one file row of the owner's draft if it is still on the draft (not moved to a dossier); the
 * `dossierId: null` condition is part of the DELETE itself, so a file submitted meanwhile is never deleted.
 * Returns what the caller needs to remove the bytes, or null when nothing matched.
 */
export async function deleteDraftFile(
  tx: Prisma.TransactionClient,
  { attachmentId, draftId }: { attachmentId: string; draftId: string },
): Promise<{ storageKey: string; documentKey: string | null; sizeBytes: number; sha256: string } | null> {
  const [row] = await tx.$queryRaw<{ storageKey: string; documentKey: string | null; sizeBytes: number; sha256: string }[]>`
    DELETE FROM "Attachment" WHERE id = ${attachmentId}::uuid AND "draftId" = ${draftId}::uuid AND "dossierId" IS NULL
    RETURNING "storageKey", "documentKey", "sizeBytes", sha256`
  return row ?? null
}
