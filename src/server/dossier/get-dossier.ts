import 'server-only'
import type { FeeMoment } from '@/domain/fees/payment-due'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { canActOnDossier } from '@/domain/access/dossier-access'
import { isCommuneStaff } from '@/domain/access/roles'
import { dossierRefWhere, ZDossierRef } from '@/domain/dossier/dossier-ref'
import { AppError } from '@/domain/errors'
import { DeadlineSchema, type Deadline } from '@/domain/procedure/deadline'
import { dossierScope } from '@/server/access/dossier-scope'
import { findDossierDetail } from './dossier.repo'

export type TimelineEntry = {
  id: string
  action: string
  fromState: string | null
  toState: string
  occurredAt: Date
  /** Staff see who acted; citizens see the office, not the names of the officials. */
  actorName: string | null
  actorRole: string | null
  reason: string | null
  /** The appointment after the event. */
  dueAt: Date | null
  data: Record<string, unknown>
  isPublic: boolean
}

export type SupplementRequestView = {
  id: string
  reason: string
  requestedAt: Date
  respondedAt: Date | null
  responseNote: string | null
  items: { key: string; label: string; note: string | null; answeredAttachmentIds: string[] }[]
}

export type AttachmentView = { id: string; fileName: string; mimeType: string; sizeBytes: number; kind: string; documentKey: string | null; createdAt: Date }

export type DossierView = {
  id: string
  code: string
  state: string
  channel: string
  currentStep: string
  version: number
  communeId: string
  procedureNameVi: string
  procedureNameEn: string
  deadline: Deadline
  requiredDocuments: { key: string; nameVi: string; nameEn: string }[]
  communeName: string
  applicantName: string
  applicantCitizenId: string | null
  applicantPhone: string | null
  applicantEmail: string | null
  formData: Record<string, unknown>
  /** The procedure version's form definition (labels for formData). */
  formDefinition: unknown
  /** Names of the communes the form's addresses point at, by code. */
  addressCommunes: Record<string, string>
  submittedAt: Date
  receivedAt: Date | null
  dueAt: Date | null
  clockPausedAt: Date | null
  completedAt: Date | null
  outcome: string | null
  supplementCount: number
  extensionCount: number
  workflowVersionId: string
  assigneeId: string | null
  assigneeName: string | null
  feeVnd: number
  feeMoment: FeeMoment
  paidVnd: number
  payments: { id: string; amountVnd: number; method: string; status: string; paidAt: Date | null; createdAt: Date }[]
  timeline: TimelineEntry[]
  supplementRequests: SupplementRequestView[]
  attachments: AttachmentView[]
  /** Private staff notes: only for staff of the commune (never for citizens). */
  notes: { id: string; body: string; createdAt: Date; authorName: string }[] | null
  /** Whether the viewer is staff of the dossier's commune (may act, subject to the workflow). */
  canAct: boolean
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function supplementItems(items: unknown): SupplementRequestView['items'] {
  if (!Array.isArray(items)) return []
  return items.flatMap((raw, index) => {
    const item = asRecord(raw)
    const label = text(item.label)
    if (!label) return []
    const answered = Array.isArray(item.answeredAttachmentIds) ? item.answeredAttachmentIds.filter((id): id is string => typeof id === 'string') : []
    return [{ key: text(item.key) ?? `item-${index + 1}`, label, note: text(item.note), answeredAttachmentIds: answered }]
  })
}

function requiredDocuments(value: unknown): DossierView['requiredDocuments'] {
  if (!Array.isArray(value)) return []
  return value.flatMap((raw) => {
    const item = asRecord(raw)
    const key = text(item.key)
    const nameVi = text(item.nameVi)
    return key && nameVi ? [{ key, nameVi, nameEn: text(item.nameEn) ?? nameVi }] : []
  })
}

/**
 * One dossier, by id or code, as the actor may see it. Outside the actor's scope the answer is exactly
 * the one for a dossier that does not exist (NOT_FOUND), so ids and codes cannot be probed.
 */
export async function getDossier(client: PrismaClient, { actor, ref }: { actor: Actor; ref: unknown }): Promise<DossierView> {
  const parsed = ZDossierRef.safeParse(ref)
  if (!parsed.success) throw new AppError('NOT_FOUND')
  // Within the scope, commune staff are exactly those who may act on the dossier and read its notes.
  const row = await findDossierDetail(client, { AND: [dossierRefWhere(parsed.data), dossierScope(actor)] }, { withNotes: isCommuneStaff(actor.role) })
  if (!row) throw new AppError('NOT_FOUND')

  const isCitizen = actor.role === 'CITIZEN'
  const formData = asRecord(row.formData)
  const codes = Object.values(formData).flatMap((value) => {
    const code = asRecord(value).communeCode
    return typeof code === 'string' ? [code] : []
  })
  const communes = codes.length > 0 ? await client.commune.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } }) : []
  const canAct = canActOnDossier(actor, { applicantId: row.applicantId, communeId: row.communeId, provinceId: row.commune.provinceId })
  return {
    id: row.id,
    code: row.code,
    state: row.state,
    channel: row.channel,
    currentStep: row.currentStep,
    version: row.version,
    communeId: row.communeId,
    procedureNameVi: row.procedureVersion.nameVi,
    procedureNameEn: row.procedureVersion.nameEn,
    deadline: DeadlineSchema.parse(row.procedureVersion.deadline),
    requiredDocuments: requiredDocuments(row.procedureVersion.requiredDocuments),
    communeName: row.commune.name,
    applicantName: row.applicantName,
    applicantCitizenId: row.applicantCitizenId,
    applicantPhone: row.applicantPhone,
    applicantEmail: row.applicantEmail,
    formData,
    formDefinition: row.procedureVersion.formDefinition,
    addressCommunes: Object.fromEntries(communes.map((commune) => [commune.code, commune.name])),
    submittedAt: row.submittedAt,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    clockPausedAt: row.clockPausedAt,
    completedAt: row.completedAt,
    outcome: row.outcome,
    supplementCount: row.supplementCount,
    extensionCount: row.extensionCount,
    workflowVersionId: row.workflowVersionId,
    assigneeId: isCitizen ? null : row.assigneeId,
    assigneeName: isCitizen ? null : (row.assignee?.fullName ?? null),
    feeVnd: row.feeVnd,
    feeMoment: row.procedureVersion.feeMoment,
    paidVnd: row.paidVnd,
    payments: row.payments,
    timeline: row.events
      .filter((event) => !isCitizen || event.isPublic)
      .map((event) => ({
        id: String(event.id),
        action: event.action,
        fromState: event.fromState,
        toState: event.toState,
        occurredAt: event.occurredAt,
        actorName: isCitizen ? null : (event.actor?.fullName ?? null),
        actorRole: event.actorRole,
        reason: event.reason,
        dueAt: event.dueAt,
        data: asRecord(event.data),
        isPublic: event.isPublic,
      })),
    supplementRequests: row.supplementRequests.map((request) => ({
      id: request.id,
      reason: request.reason,
      requestedAt: request.requestedAt,
      respondedAt: request.respondedAt,
      responseNote: request.responseNote,
      items: supplementItems(request.items),
    })),
    attachments: row.attachments,
    notes: canAct ? row.notes.map((note) => ({ id: note.id, body: note.body, createdAt: note.createdAt, authorName: note.author.fullName })) : null,
    canAct,
  }
}
