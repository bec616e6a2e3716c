import 'server-only'
import type { AttachmentKind } from '@/domain/attachments/attachment-kind'
import type { Prisma } from '@/generated/prisma/client'
import type { StoredFile } from './store-uploads'

export type AttachmentOwner = {
  communeId: string
  kind: AttachmentKind
  /** Which required document the files answer (requiredDocuments[].key), if any. */
  documentKey?: string | null
  uploadedById: string | null
} & ({ dossierId: string; draftId?: null } | { dossierId?: null; draftId: string })

/**
 * Rows for `tx.attachment.createMany({ data })` (or `createManyAndReturn({ data, select: { id: true } })`
 * when the ids are needed, e.g. for a supply transition's attachmentIds), inside the caller's transaction.
 */
export function attachmentCreateData(stored: readonly StoredFile[], owner: AttachmentOwner): Prisma.AttachmentCreateManyInput[] {
  return stored.map((file) => ({
    communeId: owner.communeId,
    dossierId: owner.dossierId ?? null,
    draftId: owner.draftId ?? null,
    kind: owner.kind,
    documentKey: owner.documentKey ?? null,
    fileName: file.fileName,
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    storageKey: file.storageKey,
    uploadedById: owner.uploadedById,
  }))
}
