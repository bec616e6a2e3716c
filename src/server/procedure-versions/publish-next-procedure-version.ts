import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'

/** What a new version may change of the one it is copied from; everything else is copied as it is. */
export type ProcedureVersionChanges = Partial<
  Omit<Prisma.ProcedureVersionUncheckedCreateInput, 'id' | 'procedureId' | 'version' | 'status' | 'publishedAt' | 'createdById' | 'createdAt'>
>

export type PublishedProcedureVersion = { procedureVersionId: string; fromVersion: number; toVersion: number }

/**
 * Publishes the next version of a procedure inside the caller's transaction (the one shared step of attaching
 * a workflow and of changing a fee): a copy of the version `fromVersionId` with the next number, `changes`
 * applied, PUBLISHED now by the actor, made the procedure's current version; the old version stays, RETIRED,
 * and the dossiers submitted under it keep pointing at it (they are never touched).
 *
 * The procedure's row is locked first and its current version must still be `fromVersionId`: a procedure that
 * moved on meanwhile (another administrator published) is a CONFLICT, never a silent overwrite.
 */
export async function publishNextProcedureVersion(
  tx: Prisma.TransactionClient,
  { procedureId, fromVersionId, changes, actor, now }: { procedureId: string; fromVersionId: string; changes: ProcedureVersionChanges; actor: Pick<Actor, 'userId'>; now: Date },
): Promise<PublishedProcedureVersion> {
  const locked = await tx.$queryRaw<{ currentVersionId: string | null }[]>`SELECT "currentVersionId" FROM "Procedure" WHERE id = ${procedureId}::uuid FOR UPDATE`
  if (locked.length === 0) throw new AppError('NOT_FOUND')
  if (locked[0]!.currentVersionId !== fromVersionId) throw new AppError('CONFLICT', `procedure ${procedureId} changed meanwhile`)

  const current = await tx.procedureVersion.findUniqueOrThrow({ where: { id: fromVersionId }, select: { id: true, version: true, status: true } })
  // Everything else of the current version is copied as it is (whatever columns it has).
  const copy = await tx.procedureVersion.findUniqueOrThrow({
    where: { id: current.id },
    omit: { id: true, version: true, status: true, publishedAt: true, createdById: true, createdAt: true },
  })
  const latest = await tx.procedureVersion.aggregate({ where: { procedureId }, _max: { version: true } })
  const next = await tx.procedureVersion.create({
    data: {
      ...copy,
      feeRule: copy.feeRule as Prisma.InputJsonValue,
      feeExemptions: copy.feeExemptions as Prisma.InputJsonValue,
      deadline: copy.deadline as Prisma.InputJsonValue,
      requiredDocuments: copy.requiredDocuments as Prisma.InputJsonValue,
      formDefinition: copy.formDefinition as Prisma.InputJsonValue,
      ...changes,
      version: (latest._max.version ?? current.version) + 1,
      status: 'PUBLISHED',
      publishedAt: now,
      createdById: actor.userId,
    },
    select: { id: true, version: true },
  })
  // Guarded by the current version checked above (the row is locked, so this cannot miss; kept as a last word).
  const switched = await tx.procedure.updateMany({ where: { id: procedureId, currentVersionId: current.id }, data: { currentVersionId: next.id } })
  if (switched.count !== 1) throw new AppError('CONFLICT', `procedure ${procedureId} changed meanwhile`)
  if (current.status === 'PUBLISHED') await tx.procedureVersion.update({ where: { id: current.id }, data: { status: 'RETIRED' } })
  return { procedureVersionId: next.id, fromVersion: current.version, toVersion: next.version }
}
