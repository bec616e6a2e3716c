import 'server-only'
import { z } from 'zod'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import type { PrismaClient } from '@/generated/prisma/client'
import { findAttachmentFile } from './attachment.repo'
import { attachmentScope } from './attachment-scope'
import type { AttachmentStorage } from './storage/attachment-storage'
import { attachmentStorage } from './storage/storage-from-env'

export type AttachmentDownload = {
  id: string
  fileName: string
  mimeType: string
  sizeBytes: number
  sha256: string
  /** The bytes, read from storage as they are consumed; cancel it if it is not sent. */
  stream: ReadableStream<Uint8Array>
}

// Any id PostgreSQL's uuid type takes (not only RFC variants), so that no stored id is refused.
const ZAttachmentId = z.guid()

/**
 * One attachment's bytes, if the actor may read the dossier (or, for a citizen, the draft) it belongs to.
 * Outside that scope the answer is exactly the one for an id that does not exist (NOT_FOUND). A row whose
 * bytes are missing from storage is a fault (StoredObjectMissingError), not a 404.
 */
export async function readAttachmentForActor(
  client: PrismaClient,
  { actor, id, storage }: { actor: Actor; id: unknown; storage?: AttachmentStorage },
): Promise<AttachmentDownload> {
  const parsed = ZAttachmentId.safeParse(id)
  if (!parsed.success) throw new AppError('NOT_FOUND')
  const row = await findAttachmentFile(client, { AND: [{ id: parsed.data }, attachmentScope(actor)] })
  if (!row) throw new AppError('NOT_FOUND')
  const stream = await (storage ?? attachmentStorage()).stream(row.storageKey)
  return { id: row.id, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256: row.sha256, stream }
}
