import 'server-only'
import type { Actor } from '@/domain/access/actor'
import type { AttachmentListItem } from '@/domain/attachments/attachment-list-item'
import type { PrismaClient } from '@/generated/prisma/client'
import { findAttachmentList } from './attachment.repo'
import { attachmentScope } from './attachment-scope'

/**
 * The files of one dossier as the actor may see them (props of components/dossier/attachment-list.tsx);
 * an empty list when the dossier is outside the actor's scope.
 */
export async function listDossierAttachments(client: PrismaClient, { actor, dossierId }: { actor: Actor; dossierId: string }): Promise<AttachmentListItem[]> {
  return findAttachmentList(client, { AND: [{ dossierId }, attachmentScope(actor)] })
}
