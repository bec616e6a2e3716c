import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { canActOnDossier } from '@/domain/access/dossier-access'
import { isCommuneStaff } from '@/domain/access/roles'
import { dossierRefWhere, ZDossierRef } from '@/domain/dossier/dossier-ref'
import { AppError } from '@/domain/errors'
import { dossierScope } from '@/server/access/dossier-scope'
import { findDossierDetail } from './dossier.repo'

export type DossierView = {
  id: string
  code: string
  state: string
  channel: string
  procedureNameVi: string
  procedureNameEn: string
  communeName: string
  applicantName: string
  submittedAt: Date
  receivedAt: Date | null
  dueAt: Date | null
  completedAt: Date | null
  outcome: string | null
  feeVnd: number
  paidVnd: number
  timeline: { id: string; action: string; toState: string; occurredAt: Date; actorName: string | null; reason: string | null }[]
  /** Private staff notes: only for staff of the commune (never for citizens). */
  notes: { id: string; body: string; createdAt: Date; authorName: string }[] | null
  /** Whether the viewer may act on it now (commune staff). */
  canAct: boolean
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
  const canAct = canActOnDossier(actor, { applicantId: row.applicantId, communeId: row.communeId, provinceId: row.commune.provinceId })
  return {
    id: row.id,
    code: row.code,
    state: row.state,
    channel: row.channel,
    procedureNameVi: row.procedureVersion.nameVi,
    procedureNameEn: row.procedureVersion.nameEn,
    communeName: row.commune.name,
    applicantName: row.applicantName,
    submittedAt: row.submittedAt,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    completedAt: row.completedAt,
    outcome: row.outcome,
    feeVnd: row.feeVnd,
    paidVnd: row.paidVnd,
    timeline: row.events
      .filter((event) => !isCitizen || event.isPublic)
      .map((event) => ({
        id: String(event.id),
        action: event.action,
        toState: event.toState,
        occurredAt: event.occurredAt,
        // Citizens see the office, not the names of the officials who handled each step.
        actorName: isCitizen ? null : (event.actor?.fullName ?? null),
        reason: event.reason,
      })),
    notes: canAct ? row.notes.map((note) => ({ id: note.id, body: note.body, createdAt: note.createdAt, authorName: note.author.fullName })) : null,
    canAct,
  }
}
