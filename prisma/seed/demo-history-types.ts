/** Inputs and output rows of the demo history generator (demo-history.ts). */
import type { WorkingCalendar } from '../../src/domain/calendar/working-days'
import type { FormKind } from '../../src/domain/forms/default-forms'
import type { RequiredDocument } from '../../src/domain/forms/required-document'
import type { Deadline } from '../../src/domain/procedure/deadline'

// ─── Inputs ───

export type HistoryCommune = { id: string; code: string; name: string; kind: 'XA' | 'PHUONG'; formerUnitCount: number }
export type HistoryProcedure = {
  id: string
  versionId: string
  workflowVersionId: string
  workflowKey: string
  slug: string
  nameVi: string
  feeVnd: number | null
  deadline: Deadline
  formKind: FormKind
  requiredDocuments: RequiredDocument[]
}
export type CommuneStaff = { clerkId: string; specialistId: string; leaderId: string }
export type HistoryCitizen = { id: string; fullName: string; citizenId: string; phone: string; email: string | null; communeCode: string | null }

export type HistoryInput = {
  now: Date
  count: number
  days: number
  communes: readonly HistoryCommune[]
  procedures: readonly HistoryProcedure[]
  staff: ReadonlyMap<string, CommuneStaff>
  citizens: readonly HistoryCitizen[]
  calendar: WorkingCalendar
  seed?: string
}

// ─── Output rows ───

export type State = 'SUBMITTED' | 'PROCESSING' | 'AWAITING_SUPPLEMENT' | 'READY_TO_RETURN' | 'RETURNED' | 'REFUSED' | 'WITHDRAWN'
export type Outcome = 'EARLY' | 'ON_TIME' | 'LATE'
export type ActorRole = 'CITIZEN' | 'CLERK' | 'SPECIALIST' | 'LEADER'

export type DossierRow = {
  id: string
  code: string
  communeId: string
  procedureId: string
  procedureVersionId: string
  workflowVersionId: string
  applicantId: string | null
  applicantName: string
  applicantCitizenId: string
  applicantPhone: string
  applicantEmail: string | null
  channel: 'ONLINE' | 'DESK' | 'POST'
  state: State
  currentStep: string
  assigneeId: string | null
  receivedById: string | null
  formData: Record<string, unknown>
  feeVnd: number
  paidVnd: number
  submittedAt: Date
  receivedAt: Date | null
  dueAt: Date | null
  clockPausedAt: Date | null
  supplementCount: number
  extensionCount: number
  completedAt: Date | null
  outcome: Outcome | null
  submissionKey: string | null
  version: number
  updatedAt: Date
}

export type EventRow = {
  dossierId: string
  communeId: string
  action: string
  fromState: State | null
  toState: State
  fromStep: string | null
  toStep: string
  actorId: string | null
  actorRole: ActorRole
  reason: string | null
  dueAt: Date | null
  data: Record<string, unknown>
  isPublic: boolean
  occurredAt: Date
}

export type SupplementRow = {
  id: string
  dossierId: string
  communeId: string
  items: { key: string; label: string; note: string; answeredAttachmentIds: string[] }[]
  reason: string
  requestedById: string
  requestedAt: Date
  respondedAt: Date | null
  responseNote: string | null
}

export type PaymentRow = {
  id: string
  dossierId: string
  communeId: string
  amountVnd: number
  method: 'VIETQR' | 'GATEWAY' | 'CASH'
  status: 'PENDING' | 'PAID' | 'EXPIRED' | 'REFUNDED'
  reference: string
  providerRef: string | null
  idempotencyKey: string
  refundedVnd: number
  receiptNo: string | null
  paidAt: Date | null
  expiresAt: Date | null
  createdAt: Date
  updatedAt: Date
}

/** Money sent back by the commune's clerk (a demo payment refunded after a refusal). */
export type RefundRow = { id: string; paymentId: string; communeId: string; amountVnd: number; reason: string; refundedById: string; createdAt: Date }

export type RatingRow = { id: string; dossierId: string; communeId: string; raterId: string | null; score: number; comment: string | null; createdAt: Date }
export type CodeSequenceRow = { communeId: string; day: string; lastValue: number }

export type DemoHistory = {
  dossiers: DossierRow[]
  events: EventRow[]
  supplementRequests: SupplementRow[]
  payments: PaymentRow[]
  refunds: RefundRow[]
  ratings: RatingRow[]
  codeSequences: CodeSequenceRow[]
}
