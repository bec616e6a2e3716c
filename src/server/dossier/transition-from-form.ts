import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { dossierRefWhere, ZDossierRef } from '@/domain/dossier/dossier-ref'
import { AppError } from '@/domain/errors'
import { dossierScope } from '@/server/access/dossier-scope'
import { attachmentBytesOn } from '@/server/attachments/attachment.repo'
import { storeUploads } from '@/server/attachments/store-uploads'
import type { RequestMeta } from '@/server/http/request-meta'
import { transitionDossier, type TransitionOutcome, type UploadedFile } from './transition-dossier'

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' && value.trim() !== '' ? value : undefined)
const isFile = (value: FormDataEntryValue): value is File => typeof value !== 'string' && value.size > 0

/**
 * A workflow action posted by a form (components/dossier/transition-form.tsx): reads the fields, stores the
 * attached files (type by content, size limits) and runs `transitionDossier`, which inserts their rows in
 * the same transaction as the state change. Files posted as `file:<item key>` answer that supplement item.
 */
export async function transitionFromForm(client: PrismaClient, { form, actor, meta }: { form: FormData; actor: Actor; meta: RequestMeta | null }): Promise<TransitionOutcome> {
  const labels = form.getAll('itemLabel').map((value) => (typeof value === 'string' ? value : ''))
  const notes = form.getAll('itemNote').map((value) => (typeof value === 'string' ? value : ''))
  const supplementItems = labels.map((label, index) => ({ label, note: notes[index] || undefined })).filter((item) => item.label.trim() !== '')

  const groups: { documentKey: string | null; files: File[] }[] = [{ documentKey: null, files: form.getAll('files').filter(isFile) }]
  for (const [name, value] of form.entries()) {
    if (name.startsWith('file:') && isFile(value)) groups.push({ documentKey: name.slice('file:'.length).slice(0, 100), files: [value] })
  }
  const files = groups.flatMap((group) => group.files.map((file) => ({ file, documentKey: group.documentKey })))
  const expectedVersion = Number(text(form.get('expectedVersion')) ?? Number.NaN)
  const input = {
    dossierRef: text(form.get('dossierRef')) ?? '',
    action: text(form.get('action')) ?? '',
    expectedVersion: Number.isInteger(expectedVersion) ? expectedVersion : -1,
    reason: text(form.get('reason')),
    assigneeId: text(form.get('assigneeId')),
    newDueDate: text(form.get('newDueDate')),
    supplementItems: supplementItems.length > 0 ? supplementItems : undefined,
  }
  let stored: Awaited<ReturnType<typeof storeUploads>> = []
  if (files.length > 0) {
    // Nothing is written for a dossier the actor cannot see; the dossier's total size limit counts what it has.
    const ref = ZDossierRef.safeParse(input.dossierRef)
    const dossier = ref.success ? await client.dossier.findFirst({ where: { AND: [dossierRefWhere(ref.data), dossierScope(actor)] }, select: { id: true } }) : null
    if (!dossier) throw new AppError('NOT_FOUND')
    stored = await storeUploads(
      files.map((entry) => entry.file),
      { existingBytes: await attachmentBytesOn(client, { dossierId: dossier.id }) },
    )
  }
  const uploads: UploadedFile[] = stored.map((file, index) => ({ ...file, documentKey: files[index]!.documentKey }))
  return transitionDossier(client, { actor, input, uploads, meta })
}
