import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import type { DocumentSnapshot } from '@/domain/documents/document-snapshot'
import { expectedAppointment } from '@/domain/documents/expected-appointment'
import { dossierRefWhere, ZDossierRef } from '@/domain/dossier/dossier-ref'
import { AppError } from '@/domain/errors'
import { DeadlineSchema, type Deadline } from '@/domain/procedure/deadline'
import { dossierScope } from '@/server/access/dossier-scope'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import { parseRequiredDocuments } from '@/server/catalogue/parse-required-documents'
import { findDocumentSnapshotRow, type DocumentSnapshotRow } from './documents.repo'

/**
 * The appointment an online submission could expect when it was submitted (for the acknowledgement), from
 * the working calendar around the day of submission; null for other channels or an unreadable time limit.
 */
async function expectedDueAtOf(client: PrismaClient, row: DocumentSnapshotRow, deadline: Deadline | null): Promise<Date | null> {
  if (row.channel !== 'ONLINE' || !deadline) return null
  return expectedAppointment(row.submittedAt, deadline, await loadWorkingCalendar(client, row.submittedAt))
}

/**
 * One dossier as its printouts need it, for an actor who may read it (server/access/dossier-scope.ts: the
 * applicant, staff of its commune, officers of its province, administrators). Outside the scope the answer
 * is NOT_FOUND, exactly as for a dossier that does not exist. Citizens get only the public history events,
 * as on their timeline.
 */
export async function loadDocumentSnapshot(client: PrismaClient, { actor, ref }: { actor: Actor; ref: unknown }): Promise<DocumentSnapshot> {
  const parsed = ZDossierRef.safeParse(ref)
  if (!parsed.success) throw new AppError('NOT_FOUND')
  const row = await findDocumentSnapshotRow(client, { AND: [dossierRefWhere(parsed.data), dossierScope(actor)] })
  if (!row) throw new AppError('NOT_FOUND')
  const isCitizen = actor.role === 'CITIZEN'
  const deadline = DeadlineSchema.safeParse(row.procedureVersion.deadline).data ?? null
  return {
    code: row.code,
    state: row.state,
    channel: row.channel,
    communeName: row.commune.name,
    procedureName: row.procedureVersion.nameVi,
    applicant: { name: row.applicantName, citizenId: row.applicantCitizenId, phone: row.applicantPhone, email: row.applicantEmail },
    submittedAt: row.submittedAt,
    receivedAt: row.receivedAt,
    receivedByName: row.receivedBy?.fullName ?? null,
    dueAt: row.dueAt,
    expectedDueAt: await expectedDueAtOf(client, row, deadline),
    deadline,
    // A procedure without a known amount is charged 0 on the dossier (create-dossier.ts): "Theo quy định", not free.
    fee: { amountVnd: row.feeVnd, known: row.procedureVersion.feeVnd !== null },
    requiredDocuments: parseRequiredDocuments(row.procedureVersion.requiredDocuments).map(({ key, nameVi, required, copies, presentOnly }) => ({
      key,
      nameVi,
      required,
      copies,
      presentOnly,
    })),
    // The query selects only the applicant's kinds (APPLICATION, SUPPLEMENT).
    attachments: row.attachments.map(({ documentKey, fileName, kind }) => ({ documentKey, fileName, kind: kind === 'SUPPLEMENT' ? 'SUPPLEMENT' : 'APPLICATION' })),
    events: row.events
      .filter((event) => !isCitizen || event.isPublic)
      .map((event) => ({
        action: event.action,
        occurredAt: event.occurredAt,
        reason: event.reason,
        dueAt: event.dueAt,
        // The slips name the officials who signed them, as the paper given at the desk does.
        actorName: event.actor?.fullName ?? null,
        actorRole: event.actorRole,
        data: event.data,
      })),
    supplementRequests: row.supplementRequests.map((request) => ({
      id: request.id,
      items: request.items,
      reason: request.reason,
      requestedAt: request.requestedAt,
      requestedByName: request.requestedBy.fullName,
    })),
  }
}
