import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { canTakeWorkflowAction } from '@/domain/access/dossier-access'
import { dossierRefWhere, ZDossierRef } from '@/domain/dossier/dossier-ref'
import { AppError } from '@/domain/errors'
import { availableActions } from '@/domain/workflow/available-actions'
import { dossierScope } from '@/server/access/dossier-scope'
import { attachmentBytesOn } from '@/server/attachments/attachment.repo'
import { attachmentStorage } from '@/server/attachments/storage/storage-from-env'
import { storeUploads } from '@/server/attachments/store-uploads'
import type { RequestMeta } from '@/server/http/request-meta'
import { loadWorkflowGraphs } from './list-staff-queue'
import { transitionDossier, type TransitionOutcome, type UploadedFile } from './transition-dossier'

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' && value.trim() !== '' ? value : undefined)
const isFile = (value: FormDataEntryValue): value is File => typeof value !== 'string' && value.size > 0

/**
 * Files are written only for an action this actor may take on this dossier now, at the version they saw,
 * and that takes files (domain `acceptsFiles`: required by a supplement answer, optional on the return of
 * the result): anything else is refused before a byte reaches the storage.
 */
async function assertMayAttach(client: PrismaClient, actor: Actor, input: { dossierRef: string; action: string; expectedVersion: number }): Promise<string> {
  const ref = ZDossierRef.safeParse(input.dossierRef)
  const dossier = ref.success
    ? await client.dossier.findFirst({
        where: { AND: [dossierRefWhere(ref.data), dossierScope(actor)] },
        select: { id: true, applicantId: true, communeId: true, assigneeId: true, version: true, currentStep: true, supplementCount: true, workflowVersionId: true, commune: { select: { provinceId: true } } },
      })
    : null
  if (!dossier) throw new AppError('NOT_FOUND')
  if (!canTakeWorkflowAction(actor, { ...dossier, provinceId: dossier.commune.provinceId })) throw new AppError('FORBIDDEN')
  if (dossier.version !== input.expectedVersion) throw new AppError('CONFLICT', 'the dossier changed since it was loaded')
  const graph = (await loadWorkflowGraphs(client, [dossier.workflowVersionId])).get(dossier.workflowVersionId)
  const offer = graph ? availableActions({ dossier, graph, actor: { role: actor.role } }).find((candidate) => candidate.action === input.action) : undefined
  if (!offer) throw new AppError('INVALID_TRANSITION', 'not an action the actor may take now')
  if (!offer.acceptsFiles) throw new AppError('INVALID_INPUT', 'this action takes no files', { files: ['NOT_EXPECTED'] })
  return dossier.id
}

/**
 * A workflow action posted by a form (components/dossier/transition-form.tsx): reads the fields, stores the
 * attached files (type by content, size limits) once the action is known to be allowed, and runs
 * `transitionDossier`, which inserts their rows in the same transaction as the state change; files of a
 * refused transition are removed again. Files posted as `file:<item key>` answer that supplement item; staff
 * files on the return are the result's electronic copy (stored as kind RESULT by `transitionDossier`).
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
  if (files.length === 0) return transitionDossier(client, { actor, input, meta })

  const dossierId = await assertMayAttach(client, actor, input)
  const stored = await storeUploads(
    files.map((entry) => entry.file),
    { existingBytes: await attachmentBytesOn(client, { dossierId }) },
  )
  const uploads: UploadedFile[] = stored.map((file, index) => ({ ...file, documentKey: files[index]!.documentKey }))
  try {
    return await transitionDossier(client, { actor, input, uploads, meta })
  } catch (error) {
    // The transaction rolled back: no row points at these bytes.
    const storage = attachmentStorage()
    await Promise.allSettled(stored.map((file) => storage.remove(file.storageKey)))
    throw error
  }
}
