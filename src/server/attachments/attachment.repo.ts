import 'server-only'
import type { AttachmentKind as DomainAttachmentKind } from '@/domain/attachments/attachment-kind'
import type { AttachmentListItem } from '@/domain/attachments/attachment-list-item'
import type { AttachmentKind, Prisma, PrismaClient } from '@/generated/prisma/client'

type Client = PrismaClient | Prisma.TransactionClient

// The domain mirrors the database enum; this fails to compile if they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const kindsMatch: Same<AttachmentKind, DomainAttachmentKind> = true
void kindsMatch

const attachmentFileSelect = {
  id: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  sha256: true,
  storageKey: true,
} satisfies Prisma.AttachmentSelect

export type AttachmentFileRow = Prisma.AttachmentGetPayload<{ select: typeof attachmentFileSelect }>

export async function findAttachmentFile(client: Client, where: Prisma.AttachmentWhereInput): Promise<AttachmentFileRow | null> {
  return client.attachment.findFirst({ where, select: attachmentFileSelect })
}

const attachmentListSelect = {
  id: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  kind: true,
  documentKey: true,
  createdAt: true,
} satisfies Prisma.AttachmentSelect

export async function findAttachmentList(client: Client, where: Prisma.AttachmentWhereInput): Promise<AttachmentListItem[]> {
  return client.attachment.findMany({ where, select: attachmentListSelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
}

/**
 * Bytes already stored for a dossier or a draft, for the per-dossier limit (storeUploads' existingBytes).
 * A draft's are the files still on it: those moved to a dossier on submission count for the dossier.
 */
export async function attachmentBytesOn(client: Client, owner: { dossierId: string } | { draftId: string }): Promise<number> {
  const where = 'dossierId' in owner ? { dossierId: owner.dossierId } : { draftId: owner.draftId, dossierId: null }
  const result = await client.attachment.aggregate({ where, _sum: { sizeBytes: true } })
  return result._sum.sizeBytes ?? 0
}
