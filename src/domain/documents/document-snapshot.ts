import type { Role } from '@/domain/access/roles'
import type { Deadline } from '@/domain/procedure/deadline'
import type { DossierState } from '@/domain/workflow/apply-transition'

/**
 * What the printouts of one dossier are made from: plain data, loaded by src/server/documents and read here
 * without I/O. Times are instants (UTC); the forms show them in Vietnam's time zone.
 */
export type DocumentSnapshot = {
  code: string
  state: DossierState
  channel: 'ONLINE' | 'DESK' | 'POST'
  /** As stored in `Commune.name`, with its kind: "Phường Thành Vinh", "Xã Nghi Lộc". */
  communeName: string
  procedureName: string
  applicant: { name: string; citizenId: string | null; phone: string | null; email: string | null }
  submittedAt: Date
  receivedAt: Date | null
  receivedByName: string | null
  /** The current appointment (moves with pauses and apology letters). */
  dueAt: Date | null
  /**
   * For an online submission, the appointment estimated when it was submitted (expectedAppointment): the
   * official one is set at receipt. Null for other channels, or when the procedure's time limit is unreadable.
   */
  expectedDueAt: Date | null
  /** The procedure version's legal time limit; null when the stored value cannot be read. */
  deadline: Deadline | null
  /** The fee of this dossier in whole VND; `known` is false when the procedure's amount is not set ("Theo quy định"). */
  fee: { amountVnd: number; known: boolean }
  requiredDocuments: readonly SnapshotRequiredDocument[]
  /** Files the applicant handed in (with the application or in answer to a supplement request), in upload order. */
  attachments: readonly SnapshotAttachment[]
  /** In the order they happened. */
  events: readonly SnapshotEvent[]
  /** In the order they were made. */
  supplementRequests: readonly SnapshotSupplementRequest[]
}

export type SnapshotRequiredDocument = {
  key: string
  nameVi: string
  required: boolean
  copies: number | null
  presentOnly: boolean
}

export type SnapshotAttachment = {
  /** The required document (its `key`) the file answers, if any. */
  documentKey: string | null
  fileName: string
  kind: 'APPLICATION' | 'SUPPLEMENT'
}

export type SnapshotEvent = {
  action: string
  occurredAt: Date
  reason: string | null
  /** The appointment after the event. */
  dueAt: Date | null
  actorName: string | null
  actorRole: Role | null
  /** `DossierEvent.data` as stored (JSON): read defensively. */
  data: unknown
}

export type SnapshotSupplementRequest = {
  id: string
  /** `SupplementRequest.items` as stored (JSON): read with readSupplementItems. */
  items: unknown
  reason: string
  requestedAt: Date
  requestedByName: string | null
}
