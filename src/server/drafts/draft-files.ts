import 'server-only'
import { z } from 'zod'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { ATTACHMENT_LIMITS } from '@/domain/attachments/limits'
import { validateUploads } from '@/domain/attachments/validate-uploads'
import { AppError } from '@/domain/errors'
import { checkSlotUpload, fileSlotByDocumentKey, type FileSlot } from '@/domain/forms/file-slots'
import { FormDefinitionSchema } from '@/domain/forms/form-definition'
import type { PrismaClient } from '@/generated/prisma/client'
import { attachmentBytesOn } from '@/server/attachments/attachment.repo'
import { attachmentCreateData } from '@/server/attachments/attachment-create-data'
import {
  countDraftFilesInSlot,
  createDraftFiles,
  deleteDraftFile,
  findDraftFiles,
  findOwnedDraft,
  lockOwnedDraft,
  type DraftFileRow,
  type OwnedDraft,
} from '@/server/attachments/draft-attachment.repo'
import type { AttachmentStorage } from '@/server/attachments/storage/attachment-storage'
import { attachmentStorage } from '@/server/attachments/storage/storage-from-env'
import { inspectUploads, storeUploads, type StoredFile, type UploadInput } from '@/server/attachments/store-uploads'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'

/**
 * A citizen's files on their unsubmitted draft (DossierDraft), uploaded one slot at a time while the form is
 * filled in (POST /api/drafts/:id/files, or the form's own post without JavaScript), listed to show the form
 * again, and removed on request. The form then names the files by id; submission (server/dossier/
 * submit-online.ts) moves them to the dossier.
 *
 * Only the draft's owner, a citizen, gets anything: for anyone else every function answers NOT_FOUND, as for
 * a draft that does not exist. A file joins a slot of the draft's procedure version's form (`documentKey`)
 * when its content is a type that slot takes, the slot has room (FileSlot.maxFilesPerDraft) and the sizes fit
 * (ATTACHMENT_LIMITS, the draft's total counted like a dossier's). Refusals are AppError INVALID_INPUT with
 * `fieldErrors.files` (codes of validate-uploads.ts and file-slots.ts) and `files.<index>` per file.
 */

export type DraftFile = DraftFileRow

export type AddDraftFilesInput = {
  actor: Actor
  draftId: unknown
  /** The slot: the required document the files answer. */
  documentKey: unknown
  files: readonly UploadInput[]
  meta: RequestMeta | null
  /** Default: the deployment's storage. */
  storage?: AttachmentStorage
  now?: Date
}

const ZId = z.guid()
const ZDocumentKey = z.string().min(1).max(100)

/** The owner's draft, or NOT_FOUND for anyone (or anything) else. */
async function ownedDraft(client: PrismaClient, actor: Actor, draftId: unknown): Promise<OwnedDraft> {
  const id = ZId.safeParse(draftId)
  // Staff and officers have no drafts; a draft is never theirs to see, so it is simply not found.
  if (!id.success || actor.role !== 'CITIZEN' || !can(actor, 'dossier.submit')) throw new AppError('NOT_FOUND', 'no such draft')
  const draft = await findOwnedDraft(client, { draftId: id.data, userId: actor.userId })
  if (!draft) throw new AppError('NOT_FOUND', 'no such draft')
  return draft
}

function slotOf(draft: OwnedDraft, documentKey: unknown): FileSlot | null {
  const key = ZDocumentKey.safeParse(documentKey)
  if (!key.success) return null
  // A stored definition that does not parse is a fault of the procedure's version, not of the upload.
  return fileSlotByDocumentKey(FormDefinitionSchema.parse(draft.formDefinition), key.data)
}

/** validateUploads' and checkSlotUpload's answers as one fieldErrors object (null when both are null). */
function mergeFieldErrors(...sets: (Record<string, string[]> | null)[]): Record<string, string[]> | null {
  const merged: Record<string, string[]> = {}
  for (const set of sets) {
    for (const [key, codes] of Object.entries(set ?? {})) merged[key] = [...new Set([...(merged[key] ?? []), ...codes])]
  }
  return Object.keys(merged).length > 0 ? merged : null
}

function refuse(fieldErrors: Record<string, string[]>): AppError {
  return new AppError('INVALID_INPUT', `draft files refused: ${(fieldErrors.files ?? []).join(', ')}`, fieldErrors)
}

/** Adds files to one slot of the citizen's draft; answers the stored files (see the top of this file). */
export async function addDraftFiles(client: PrismaClient, input: AddDraftFilesInput): Promise<DraftFile[]> {
  const { actor, files } = input
  const draft = await ownedDraft(client, actor, input.draftId)
  const slot = slotOf(draft, input.documentKey)
  const documentKey = slot?.documentKey ?? ''

  // Everything that can be refused is refused before a byte is written: types by content, sizes, room.
  const candidates = await inspectUploads(files)
  const [filesInSlot, existingBytes] = slot ? await Promise.all([countDraftFilesInSlot(client, { draftId: draft.id, documentKey }), attachmentBytesOn(client, { draftId: draft.id })]) : [0, 0]
  const slotErrors = checkSlotUpload(slot, { filesInSlot, files: candidates })
  if (slotErrors && (slotErrors.files.includes('NO_FILES') || slotErrors.files.includes('UNKNOWN_SLOT'))) throw refuse(slotErrors)
  const problems = mergeFieldErrors(validateUploads(candidates, existingBytes), slotErrors)
  if (problems) throw refuse(problems)

  const stored = await storeUploads(files, { existingBytes, storage: input.storage, now: input.now })
  try {
    return await client.$transaction(async (tx) => {
      // One upload of a draft at a time: counted again under the draft's lock, so that racing requests can
      // neither overfill the slot nor pass the draft's total (the loser's bytes are removed below).
      const locked = await lockOwnedDraft(tx, { draftId: draft.id, userId: actor.userId })
      if (!locked) throw new AppError('NOT_FOUND', 'no such draft')
      const [inSlotNow, bytesNow] = await Promise.all([countDraftFilesInSlot(tx, { draftId: draft.id, documentKey }), attachmentBytesOn(tx, { draftId: draft.id })])
      const raced = mergeFieldErrors(
        checkSlotUpload(slot, { filesInSlot: inSlotNow, files: stored }),
        bytesNow + stored.reduce((sum, file) => sum + file.sizeBytes, 0) > ATTACHMENT_LIMITS.maxDossierBytes ? { files: ['DOSSIER_TOO_LARGE'] } : null,
      )
      if (raced) throw refuse(raced)
      const rows = await createDraftFiles(
        tx,
        attachmentCreateData(stored, { communeId: locked.communeId, draftId: draft.id, kind: 'APPLICATION', documentKey, uploadedById: actor.userId }),
      )
      await writeAudit(tx, {
        actor,
        action: 'draft.file.add',
        entityType: 'DossierDraft',
        entityId: draft.id,
        communeId: locked.communeId,
        // Which files, not what they are called: names may say more about a person than needed here.
        data: { documentKey, files: rows.map((row) => ({ id: row.id, sizeBytes: row.sizeBytes, sha256: row.sha256, mimeType: row.mimeType })) },
        meta: input.meta,
      })
      // In upload order, as the caller listed the files.
      const byKey = new Map(rows.map(({ storageKey, ...row }) => [storageKey, row]))
      return stored.map((file) => byKey.get(file.storageKey)!)
    })
  } catch (error) {
    // No row points at these bytes (the transaction rolled back): remove them.
    await removeBytes(input.storage, stored)
    throw error
  }
}

async function removeBytes(storage: AttachmentStorage | undefined, files: readonly Pick<StoredFile, 'storageKey'>[]): Promise<void> {
  const target = storage ?? attachmentStorage()
  const results = await Promise.allSettled(files.map((file) => target.remove(file.storageKey)))
  for (const result of results) if (result.status === 'rejected') console.error('draft file bytes not removed', result.reason)
}

/** The files already on the citizen's draft, oldest first, to show the form again. */
export async function listDraftFiles(client: PrismaClient, { actor, draftId }: { actor: Actor; draftId: unknown }): Promise<DraftFile[]> {
  const draft = await ownedDraft(client, actor, draftId)
  return findDraftFiles(client, { draftId: draft.id, userId: actor.userId })
}

/**
 * Removes a file from the citizen's draft: its row, then its bytes.
 *
 * History is append-only, and this is not history: a draft's files were never submitted, nobody but their
 * owner has seen them, and no event, decision or dossier refers to them. Once submission has moved a file to
 * a dossier (`dossierId` set) it is the dossier's record and cannot be removed here (NOT_FOUND).
 */
export async function removeDraftFile(
  client: PrismaClient,
  input: { actor: Actor; draftId: unknown; attachmentId: unknown; meta?: RequestMeta | null; storage?: AttachmentStorage },
): Promise<void> {
  const { actor } = input
  const draft = await ownedDraft(client, actor, input.draftId)
  const attachmentId = ZId.safeParse(input.attachmentId)
  if (!attachmentId.success) throw new AppError('NOT_FOUND', 'no such file')
  const removed = await client.$transaction(async (tx) => {
    // Under the draft's lock: a submission of the draft either moved the file first or waits for this.
    const locked = await lockOwnedDraft(tx, { draftId: draft.id, userId: actor.userId })
    if (!locked) throw new AppError('NOT_FOUND', 'no such draft')
    const row = await deleteDraftFile(tx, { attachmentId: attachmentId.data, draftId: draft.id })
    if (!row) throw new AppError('NOT_FOUND', 'no such file')
    await writeAudit(tx, {
      actor,
      action: 'draft.file.remove',
      entityType: 'DossierDraft',
      entityId: draft.id,
      communeId: locked.communeId,
      data: { documentKey: row.documentKey, file: { id: attachmentId.data, sizeBytes: row.sizeBytes, sha256: row.sha256 } },
      meta: input.meta ?? null,
    })
    return row
  })
  // After the commit: had it rolled back, the row would still point at these bytes.
  await removeBytes(input.storage, [removed])
}
