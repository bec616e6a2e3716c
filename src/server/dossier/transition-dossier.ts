import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { canActOnDossier } from '@/domain/access/dossier-access'
import { isCommuneStaff } from '@/domain/access/roles'
import { dossierRefWhere, ZDossierRef } from '@/domain/dossier/dossier-ref'
import { AppError } from '@/domain/errors'
import { DeadlineSchema } from '@/domain/procedure/deadline'
import { applyTransition, type TransitionError } from '@/domain/workflow/apply-transition'
import { WorkflowGraphSchema } from '@/domain/workflow/workflow-graph'
import { dossierScope } from '@/server/access/dossier-scope'
import { writeAudit } from '@/server/audit/write-audit'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import type { RequestMeta } from '@/server/http/request-meta'

export const ZTransitionDossierInput = z.object({
  dossierRef: z.string(),
  action: z.string().trim().min(1).max(50),
  /** The dossier version the person was looking at: a stale one is refused (optimistic lock). */
  expectedVersion: z.number().int().min(0),
  reason: z.string().trim().max(2000).optional(),
  assigneeId: z.uuid().optional(),
  attachmentIds: z.array(z.uuid()).max(50).optional(),
})

export type TransitionOutcome = { dossierId: string; version: number; state: string; currentStep: string; dueAt: Date | null }

function refusal(error: TransitionError): AppError {
  switch (error.code) {
    case 'ROLE_NOT_ALLOWED':
      return new AppError('FORBIDDEN', `role ${error.role} may not ${error.action}`)
    case 'MISSING_INPUT':
      return new AppError(
        'INVALID_INPUT',
        `missing ${error.missing.join(', ')}`,
        Object.fromEntries(error.missing.map((field) => [field === 'assignee' ? 'assigneeId' : field === 'attachment' ? 'attachmentIds' : field, ['REQUIRED']])),
      )
    default:
      return new AppError('INVALID_TRANSITION', error.code)
  }
}

/**
 * Staff move a dossier through its workflow. The decision is the pure engine's (domain/workflow); this
 * use-case loads what it needs, checks who may act, and persists the result in ONE transaction — the new
 * dossier state guarded by its version (two people acting at once: exactly one wins, the other gets
 * CONFLICT), the history event, the audit row and, for public events, the message to the applicant.
 */
export async function transitionDossier(
  client: PrismaClient,
  { actor, input, meta, now = new Date() }: { actor: Actor; input: unknown; meta: RequestMeta | null; now?: Date },
): Promise<TransitionOutcome> {
  const parsed = ZTransitionDossierInput.safeParse(input)
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'invalid transition', z.flattenError(parsed.error).fieldErrors)
  const ref = ZDossierRef.safeParse(parsed.data.dossierRef)
  if (!ref.success) throw new AppError('NOT_FOUND')
  const { action, expectedVersion, reason, assigneeId, attachmentIds } = parsed.data

  const dossier = await client.dossier.findFirst({
    where: { AND: [dossierRefWhere(ref.data), dossierScope(actor)] },
    select: {
      id: true,
      code: true,
      communeId: true,
      applicantId: true,
      applicantPhone: true,
      applicantEmail: true,
      state: true,
      currentStep: true,
      dueAt: true,
      clockPausedAt: true,
      receivedAt: true,
      supplementCount: true,
      version: true,
      assigneeId: true,
      commune: { select: { provinceId: true } },
      workflowVersion: { select: { graph: true } },
      procedureVersion: { select: { deadline: true, nameVi: true } },
    },
  })
  if (!dossier) throw new AppError('NOT_FOUND')
  if (!canActOnDossier(actor, { applicantId: dossier.applicantId, communeId: dossier.communeId, provinceId: dossier.commune.provinceId })) {
    throw new AppError('FORBIDDEN')
  }
  if (dossier.version !== expectedVersion) throw new AppError('CONFLICT', 'the dossier changed since it was loaded')
  if (assigneeId) {
    const assignee = await client.userCommune.findFirst({
      where: { userId: assigneeId, communeId: dossier.communeId, user: { disabledAt: null } },
      select: { user: { select: { role: true } } },
    })
    if (!assignee || !isCommuneStaff(assignee.user.role)) {
      throw new AppError('INVALID_INPUT', 'assignee is not staff of this commune', { assigneeId: ['NOT_COMMUNE_STAFF'] })
    }
  }

  const result = applyTransition({
    dossier: { ...dossier, state: dossier.state },
    graph: WorkflowGraphSchema.parse(dossier.workflowVersion.graph),
    deadline: DeadlineSchema.parse(dossier.procedureVersion.deadline),
    action,
    actor: { userId: actor.userId, role: actor.role },
    input: { reason, assigneeId, attachmentIds },
    now,
    calendar: await loadWorkingCalendar(client, now),
  })
  if (!result.ok) throw refusal(result.error)
  const { next, events } = result

  await client.$transaction(async (tx) => {
    const updated = await tx.dossier.updateMany({
      where: { id: dossier.id, version: expectedVersion },
      data: {
        state: next.state,
        currentStep: next.currentStep,
        dueAt: next.dueAt,
        clockPausedAt: next.clockPausedAt,
        receivedAt: next.receivedAt,
        completedAt: next.completedAt,
        outcome: next.outcome,
        supplementCount: next.supplementCount,
        assigneeId: next.assigneeId,
        version: next.version,
        ...(action === 'receive' ? { receivedById: actor.userId } : {}),
      },
    })
    // Someone else's transition committed between our read and this write: nothing of ours is applied.
    if (updated.count !== 1) throw new AppError('CONFLICT', 'the dossier changed while this action was applied')
    await tx.dossierEvent.createMany({
      data: events.map((event) => ({ ...event, dossierId: dossier.id, communeId: dossier.communeId })),
    })
    await writeAudit(tx, {
      actor,
      action: `dossier.${action}`,
      entityType: 'Dossier',
      entityId: dossier.id,
      communeId: dossier.communeId,
      data: { code: dossier.code, from: dossier.currentStep, to: next.currentStep, version: next.version },
      meta,
    })
    const recipient = dossier.applicantPhone ?? dossier.applicantEmail
    for (const event of events.filter((candidate) => candidate.isPublic)) {
      if (!recipient) break
      await tx.outboxMessage.create({
        data: {
          channel: dossier.applicantPhone ? 'SMS' : 'EMAIL',
          recipient,
          userId: dossier.applicantId,
          communeId: dossier.communeId,
          dossierId: dossier.id,
          template: 'dossier-status',
          payload: { code: dossier.code, procedure: dossier.procedureVersion.nameVi, action: event.action, state: event.toState, dueAt: event.dueAt?.toISOString() ?? null },
        },
      })
    }
  })
  return { dossierId: dossier.id, version: next.version, state: next.state, currentStep: next.currentStep, dueAt: next.dueAt }
}
