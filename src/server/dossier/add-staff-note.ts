import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { canActOnDossier } from '@/domain/access/dossier-access'
import { dossierRefWhere, ZDossierRef } from '@/domain/dossier/dossier-ref'
import { AppError } from '@/domain/errors'
import { dossierScope } from '@/server/access/dossier-scope'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'

export const ZAddStaffNoteInput = z.object({
  dossierRef: z.string(),
  body: z.string().trim().min(1, 'Nhập nội dung ghi chú').max(2000, 'Ghi chú tối đa 2.000 ký tự'),
})

/**
 * A private note on a dossier by the staff of its commune (never shown to the citizen). Someone who may
 * not even read the dossier gets NOT_FOUND; someone who may read it but not act on it (a provincial
 * officer, an administrator) gets FORBIDDEN.
 */
export async function addStaffNote(
  client: PrismaClient,
  { actor, input, meta }: { actor: Actor; input: unknown; meta: RequestMeta | null },
): Promise<{ id: string }> {
  const parsed = ZAddStaffNoteInput.safeParse(input)
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'invalid note', z.flattenError(parsed.error).fieldErrors)
  const ref = ZDossierRef.safeParse(parsed.data.dossierRef)
  if (!ref.success) throw new AppError('NOT_FOUND')

  const dossier = await client.dossier.findFirst({
    where: { AND: [dossierRefWhere(ref.data), dossierScope(actor)] },
    select: { id: true, communeId: true, applicantId: true, commune: { select: { provinceId: true } } },
  })
  if (!dossier) throw new AppError('NOT_FOUND')
  if (!canActOnDossier(actor, { applicantId: dossier.applicantId, communeId: dossier.communeId, provinceId: dossier.commune.provinceId })) {
    throw new AppError('FORBIDDEN')
  }
  return client.$transaction(async (tx) => {
    const note = await tx.dossierNote.create({
      data: { dossierId: dossier.id, communeId: dossier.communeId, authorId: actor.userId, body: parsed.data.body },
      select: { id: true },
    })
    await writeAudit(tx, {
      actor,
      action: 'dossier.note.add',
      entityType: 'Dossier',
      entityId: dossier.id,
      communeId: dossier.communeId,
      data: { noteId: note.id },
      meta,
    })
    return note
  })
}
