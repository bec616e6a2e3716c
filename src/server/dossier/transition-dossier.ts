import 'server-only'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { canTakeWorkflowAction } from '@/domain/access/dossier-access'
import { isCommuneStaff, type CommuneStaffRole } from '@/domain/access/roles'
import { localInstant, OFFICE_CLOSES_AT } from '@/domain/calendar/working-days'
import { dossierRefWhere, ZDossierRef } from '@/domain/dossier/dossier-ref'
import { AppError } from '@/domain/errors'
import { DeadlineSchema } from '@/domain/procedure/deadline'
import { applyTransition, stepOf, type ClockEffect, type NextDossier, type TransitionError, type TransitionEvent } from '@/domain/workflow/apply-transition'
import { WorkflowGraphSchema } from '@/domain/workflow/workflow-graph'
import { dossierScope } from '@/server/access/dossier-scope'
import { writeAudit } from '@/server/audit/write-audit'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import type { RequestMeta } from '@/server/http/request-meta'

/** A new appointment further than this is a typo, not a plan (and beyond the loaded holiday calendar). */
const MAX_NEW_APPOINTMENT_DAYS = 365

export const ZTransitionDossierInput = z.object({
  dossierRef: z.string(),
  action: z.string().trim().min(1).max(50),
  /** The dossier version the person was looking at: a stale one is refused (optimistic lock). */
  expectedVersion: z.number().int().min(0),
  reason: z.string().trim().max(2000).optional(),
  assigneeId: z.uuid().optional(),
  attachmentIds: z.array(z.uuid()).max(50).optional(),
  /** The new appointment of an apology letter: a local date, due at the office's closing time that day. */
  newDueDate: z.iso
    .date()
    .refine((date) => Date.parse(`${date}T00:00:00Z`) - Date.now() < MAX_NEW_APPOINTMENT_DAYS * 86_400_000, { message: 'TOO_FAR' })
    .optional(),
  /** The missing items of a supplement request, one by one. */
  supplementItems: z
    .array(z.object({ label: z.string().trim().max(300), note: z.string().trim().max(1000).optional() }))
    .max(30)
    .optional(),
})

/** A file already written to storage (server/attachments) whose row this transition inserts. */
export type UploadedFile = { storageKey: string; fileName: string; mimeType: string; sizeBytes: number; sha256: string; documentKey?: string | null }

export type TransitionOutcome = { dossierId: string; version: number; state: string; currentStep: string; dueAt: Date | null }

/** The form field that carries each required input. */
const INPUT_FIELD = { reason: 'reason', assignee: 'assigneeId', attachment: 'attachmentIds', due_date: 'newDueDate', items: 'supplementItems' } as const

function refusal(error: TransitionError): AppError {
  switch (error.code) {
    case 'ROLE_NOT_ALLOWED':
      return new AppError('FORBIDDEN', `role ${error.role} may not ${error.action}`)
    case 'MISSING_INPUT':
      return new AppError('INVALID_INPUT', `missing ${error.missing.join(', ')}`, Object.fromEntries(error.missing.map((field) => [INPUT_FIELD[field], ['REQUIRED']])))
    case 'INVALID_DUE_DATE':
      return new AppError('INVALID_INPUT', `invalid new appointment: ${error.reason}`, { newDueDate: [error.reason] })
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
  {
    actor,
    input,
    uploads = [],
    refuseClockEffects = [],
    meta,
    now = new Date(),
  }: {
    actor: Actor
    input: unknown
    /** Files the actor attached, already stored; their rows are written in the transition's transaction. */
    uploads?: readonly UploadedFile[]
    /** Clock effects this caller may not cause (a batch never ends, pauses or extends a dossier). */
    refuseClockEffects?: readonly ClockEffect[]
    meta: RequestMeta | null
    now?: Date
  },
): Promise<TransitionOutcome> {
  const parsed = ZTransitionDossierInput.safeParse(input)
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'invalid transition', z.flattenError(parsed.error).fieldErrors)
  const ref = ZDossierRef.safeParse(parsed.data.dossierRef)
  if (!ref.success) throw new AppError('NOT_FOUND')
  const { action, expectedVersion, reason, assigneeId, newDueDate, supplementItems } = parsed.data
  const newDueAt = newDueDate ? localInstant(newDueDate, OFFICE_CLOSES_AT.hour, OFFICE_CLOSES_AT.minute) : null
  // Attachment ids are decided here (uuid v4 is fine: rows are few per dossier), so the engine sees them.
  const uploadIds = uploads.map(() => randomUUID())
  const attachmentIds = [...(parsed.data.attachmentIds ?? []), ...uploadIds]

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
      extensionCount: true,
      version: true,
      assigneeId: true,
      commune: { select: { provinceId: true } },
      workflowVersion: { select: { graph: true } },
      procedureVersion: { select: { deadline: true, nameVi: true } },
      // The first apology letter: the appointment before it is the one lateness is judged against.
      events: {
        where: { OR: [{ action: 'reschedule' }, { data: { path: ['clock'], equals: 'EXTEND' } }] },
        orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
        take: 1,
        select: { data: true },
      },
    },
  })
  if (!dossier) throw new AppError('NOT_FOUND')
  if (!canTakeWorkflowAction(actor, { applicantId: dossier.applicantId, communeId: dossier.communeId, provinceId: dossier.commune.provinceId, assigneeId: dossier.assigneeId })) {
    throw new AppError('FORBIDDEN')
  }
  if (parsed.data.attachmentIds?.length) {
    // Attachments named by id must already belong to this dossier.
    const owned = await client.attachment.count({ where: { id: { in: parsed.data.attachmentIds }, dossierId: dossier.id, communeId: dossier.communeId } })
    if (owned !== new Set(parsed.data.attachmentIds).size) throw new AppError('INVALID_INPUT', 'unknown attachment', { attachmentIds: ['UNKNOWN'] })
  }
  if (dossier.version !== expectedVersion) throw new AppError('CONFLICT', 'the dossier changed since it was loaded')
  const assignee = assigneeId
    ? await client.userCommune.findFirst({
        where: { userId: assigneeId, communeId: dossier.communeId, user: { disabledAt: null } },
        select: { user: { select: { role: true } } },
      })
    : null
  if (assigneeId && (!assignee || !isCommuneStaff(assignee.user.role))) {
    throw new AppError('INVALID_INPUT', 'assignee is not staff of this commune', { assigneeId: ['NOT_COMMUNE_STAFF'] })
  }
  const firstExtension = dossier.events[0]?.data as { previousDueAt?: unknown } | undefined
  const legalDueAt = typeof firstExtension?.previousDueAt === 'string' ? new Date(firstExtension.previousDueAt) : null
  const graph = WorkflowGraphSchema.parse(dossier.workflowVersion.graph)

  const result = applyTransition({
    dossier: { ...dossier, state: dossier.state, legalDueAt: legalDueAt && !Number.isNaN(legalDueAt.getTime()) ? legalDueAt : null },
    graph,
    deadline: DeadlineSchema.parse(dossier.procedureVersion.deadline),
    action,
    actor: { userId: actor.userId, role: actor.role },
    input: { reason, assigneeId, attachmentIds, newDueAt, supplementItems: supplementItems?.map((item) => ({ label: item.label, note: item.note })) },
    now,
    calendar: await loadWorkingCalendar(client, now),
  })
  if (!result.ok) throw refusal(result.error)
  const { next, events } = result
  const data = events[0]?.data ?? {}
  if (events.some((event) => event.data.clock && refuseClockEffects.includes(event.data.clock))) {
    throw new AppError('INVALID_TRANSITION', `${action} is not allowed here`)
  }
  const nextStep = stepOf(graph, next.currentStep)
  // The assignee must be of the role that acts at the next step (a specialist for processing…).
  if (data.assigneeId && assignee && nextStep && assignee.user.role !== nextStep.role) {
    throw new AppError('INVALID_INPUT', 'assignee does not act at the next step', { assigneeId: ['WRONG_ROLE'] })
  }
  // Back at a step someone already worked (after a supplement, or sent back for rework): back to them.
  if (!next.assigneeId && nextStep && !nextStep.terminal && isCommuneStaff(nextStep.role)) {
    next.assigneeId = await lastWorkerAt(client, { dossierId: dossier.id, communeId: dossier.communeId, step: nextStep.key, role: nextStep.role })
  }

  await client.$transaction(async (tx) => {
    await writeNextState(tx, { dossierId: dossier.id, communeId: dossier.communeId, expectedVersion, next, events, extra: data.clock === 'START' ? { receivedById: actor.userId } : {} })
    if (uploads.length > 0) {
      const kind = actor.role === 'CITIZEN' || events.some((event) => event.data.clock === 'RESUME') ? 'SUPPLEMENT' : 'RESULT'
      await tx.attachment.createMany({
        data: uploads.map((file, index) => ({
          id: uploadIds[index],
          communeId: dossier.communeId,
          dossierId: dossier.id,
          kind,
          documentKey: file.documentKey ?? null,
          fileName: file.fileName,
          mimeType: file.mimeType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          storageKey: file.storageKey,
          uploadedById: actor.userId,
        })),
      })
    }
    for (const event of events) {
      if (event.data.clock === 'PAUSE') {
        await tx.supplementRequest.create({
          data: {
            dossierId: dossier.id,
            communeId: dossier.communeId,
            items: (event.data.items ?? []).map((item, index) => ({ key: `item-${index + 1}`, ...item })),
            reason: event.reason ?? '',
            requestedById: actor.userId,
            requestedAt: now,
          },
        })
      }
      if (event.data.clock === 'RESUME') await answerSupplementRequest(tx, { dossierId: dossier.id, uploads, uploadIds, note: event.reason, now })
    }
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

/** Who last moved the dossier out of `step`, if they still work in the commune with that role. */
async function lastWorkerAt(client: PrismaClient, { dossierId, communeId, step, role }: { dossierId: string; communeId: string; step: string; role: CommuneStaffRole }): Promise<string | null> {
  const last = await client.dossierEvent.findFirst({
    where: { dossierId, communeId, fromStep: step, actorRole: role, actorId: { not: null } },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    select: { actorId: true },
  })
  if (!last?.actorId) return null
  const stillThere = await client.userCommune.count({ where: { userId: last.actorId, communeId, user: { role, disabledAt: null } } })
  return stillThere > 0 ? last.actorId : null
}

/**
 * Writes the engine's next state guarded by the version the actor saw (optimistic lock): someone else's
 * transition committed in between → CONFLICT and the caller's transaction rolls back, nothing applied. Then
 * appends the events. Shared by every use-case that moves a dossier (transitions, desk reception).
 */
export async function writeNextState(
  tx: Prisma.TransactionClient,
  { dossierId, communeId, expectedVersion, next, events, extra = {} }: { dossierId: string; communeId: string; expectedVersion: number; next: NextDossier; events: TransitionEvent[]; extra?: Prisma.DossierUncheckedUpdateManyInput },
) {
  const updated = await tx.dossier.updateMany({
    where: { id: dossierId, version: expectedVersion },
    data: {
      state: next.state,
      currentStep: next.currentStep,
      dueAt: next.dueAt,
      clockPausedAt: next.clockPausedAt,
      receivedAt: next.receivedAt,
      completedAt: next.completedAt,
      outcome: next.outcome,
      supplementCount: next.supplementCount,
      extensionCount: next.extensionCount,
      assigneeId: next.assigneeId,
      version: next.version,
      ...extra,
    },
  })
  if (updated.count !== 1) throw new AppError('CONFLICT', 'the dossier changed while this action was applied')
  if (events.length > 0) await tx.dossierEvent.createMany({ data: events.map((event) => ({ ...event, dossierId, communeId })) })
}

/**
 * The applicant's answer closes the open supplement request: when, the note, and which files answer which
 * item (uploads carry the item key, e.g. "item-2", as their documentKey).
 */
async function answerSupplementRequest(
  tx: Prisma.TransactionClient,
  { dossierId, uploads, uploadIds, note, now }: { dossierId: string; uploads: readonly UploadedFile[]; uploadIds: string[]; note: string | null; now: Date },
) {
  const open = await tx.supplementRequest.findFirst({ where: { dossierId, respondedAt: null }, orderBy: { requestedAt: 'desc' }, select: { id: true, items: true } })
  if (!open) return
  const items = Array.isArray(open.items) ? (open.items as Prisma.JsonObject[]) : []
  const answered = items.map((item) => {
    const ids = uploads.flatMap((file, index) => (file.documentKey && file.documentKey === item.key ? [uploadIds[index]!] : []))
    return ids.length > 0 ? { ...item, answeredAttachmentIds: ids } : item
  })
  await tx.supplementRequest.update({ where: { id: open.id }, data: { respondedAt: now, responseNote: note, items: answered } })
}
