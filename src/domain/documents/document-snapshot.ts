import type { Role } from '@/domain/access/roles'
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
  requiredDocuments: readonly SnapshotRequiredDocument[]
  /** Files the applicant handed in (with the application or in answer to a supplement request). */
  attachments: readonly { documentKey: string | null; fileName: string }[]
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
