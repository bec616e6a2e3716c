import 'server-only'
import type { Actor } from '@/domain/access/actor'
import type { Prisma } from '@/generated/prisma/client'
import { dossierScope } from '@/server/access/dossier-scope'

/**
 * The attachments an actor may read, as a where-clause: those of the dossiers they may read
 * (server/access/dossier-scope.ts), and a citizen's files on their own unsubmitted drafts. Anything else
 * is simply not found.
 */
export function attachmentScope(actor: Actor): Prisma.AttachmentWhereInput {
  const onReadableDossier: Prisma.AttachmentWhereInput = { dossierId: { not: null }, dossier: { is: dossierScope(actor) } }
  if (actor.role !== 'CITIZEN') return onReadableDossier
  return { OR: [onReadableDossier, { dossierId: null, draft: { is: { userId: actor.userId } } }] }
}
