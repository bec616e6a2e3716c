import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { buildDocumentContent } from '@/domain/documents/build-document-content'
import { documentFileName, ZDocumentForm, type DocumentForm } from '@/domain/documents/document-form'
import { AppError } from '@/domain/errors'
import { loadDocumentSnapshot } from './load-document-snapshot'
import { renderDocumentPdf } from './render-document-pdf'

export type DossierDocumentPdf = { form: DocumentForm; fileName: string; bytes: Uint8Array }

/**
 * One printout of a dossier as a PDF (form slug 'xac-nhan-nop', 'mau-01' … 'mau-05'). NOT_FOUND when the
 * dossier is outside the actor's scope, when the form is not a known slug, and when the dossier does not
 * have that form now (e.g. a receipt before the dossier was received, an online acknowledgement for a desk
 * dossier) — one answer, so nothing can be probed.
 */
export async function getDossierDocument(
  client: PrismaClient,
  { actor, ref, form }: { actor: Actor; ref: unknown; form: unknown },
): Promise<DossierDocumentPdf> {
  const parsedForm = ZDocumentForm.safeParse(form)
  if (!parsedForm.success) throw new AppError('NOT_FOUND')
  const snapshot = await loadDocumentSnapshot(client, { actor, ref })
  const content = buildDocumentContent(parsedForm.data, snapshot)
  if (!content) throw new AppError('NOT_FOUND', `${parsedForm.data} does not apply to this dossier now`)
  return { form: parsedForm.data, fileName: documentFileName(parsedForm.data, snapshot.code), bytes: await renderDocumentPdf(content) }
}
