import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { availableDocuments } from '@/domain/documents/available-documents'
import type { DocumentForm } from '@/domain/documents/document-form'
import { dossierRefWhere, ZDossierRef } from '@/domain/dossier/dossier-ref'
import { AppError } from '@/domain/errors'
import { dossierScope } from '@/server/access/dossier-scope'
import { findDocumentAvailabilityRow } from './documents.repo'

/**
 * The printouts a dossier has now, for the actor (same scope and NOT_FOUND rule as getDossierDocument).
 * For the dossier pages: pass the result to components/dossier/dossier-documents.tsx.
 */
export async function listDossierDocuments(client: PrismaClient, { actor, ref }: { actor: Actor; ref: unknown }): Promise<{ code: string; forms: DocumentForm[] }> {
  const parsed = ZDossierRef.safeParse(ref)
  if (!parsed.success) throw new AppError('NOT_FOUND')
  const row = await findDocumentAvailabilityRow(client, { AND: [dossierRefWhere(parsed.data), dossierScope(actor)] })
  if (!row) throw new AppError('NOT_FOUND')
  // Citizens see only public history events, here as in the printouts themselves (load-document-snapshot.ts).
  const events = actor.role === 'CITIZEN' ? row.events.filter((event) => event.isPublic) : row.events
  return { code: row.code, forms: availableDocuments({ ...row, events }) }
}
