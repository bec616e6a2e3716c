/** Writes a generated demo history in bulk (see demo-history.ts for what it contains). */
import type { DemoHistory, DossierRow, EventRow, PaymentRow, RatingRow, RefundRow, SupplementRow, CodeSequenceRow } from './demo-history'
import { bulkInsert, isoOrNull, type Column, type Queryable } from './sql'

const dossierColumns: Column<DossierRow>[] = [
  { name: 'id', type: 'uuid', value: (d) => d.id },
  { name: 'code', type: 'text', value: (d) => d.code },
  { name: 'communeId', type: 'uuid', value: (d) => d.communeId },
  { name: 'procedureId', type: 'uuid', value: (d) => d.procedureId },
  { name: 'procedureVersionId', type: 'uuid', value: (d) => d.procedureVersionId },
  { name: 'workflowVersionId', type: 'uuid', value: (d) => d.workflowVersionId },
  { name: 'applicantId', type: 'uuid', value: (d) => d.applicantId },
  { name: 'applicantName', type: 'text', value: (d) => d.applicantName },
  { name: 'applicantCitizenId', type: 'text', value: (d) => d.applicantCitizenId },
  { name: 'applicantPhone', type: 'text', value: (d) => d.applicantPhone },
  { name: 'applicantEmail', type: 'text', value: (d) => d.applicantEmail },
  { name: 'channel', type: '"Channel"', value: (d) => d.channel },
  { name: 'state', type: '"DossierState"', value: (d) => d.state },
  { name: 'currentStep', type: 'text', value: (d) => d.currentStep },
  { name: 'assigneeId', type: 'uuid', value: (d) => d.assigneeId },
  { name: 'receivedById', type: 'uuid', value: (d) => d.receivedById },
  { name: 'formData', type: 'jsonb', value: (d) => JSON.stringify(d.formData) },
  { name: 'feeVnd', type: 'int', value: (d) => d.feeVnd },
  { name: 'paidVnd', type: 'int', value: (d) => d.paidVnd },
  { name: 'submittedAt', type: 'timestamp(3)', value: (d) => d.submittedAt.toISOString() },
  { name: 'receivedAt', type: 'timestamp(3)', value: (d) => isoOrNull(d.receivedAt) },
  { name: 'dueAt', type: 'timestamp(3)', value: (d) => isoOrNull(d.dueAt) },
  { name: 'clockPausedAt', type: 'timestamp(3)', value: (d) => isoOrNull(d.clockPausedAt) },
  { name: 'supplementCount', type: 'int', value: (d) => d.supplementCount },
  { name: 'extensionCount', type: 'int', value: (d) => d.extensionCount },
  { name: 'completedAt', type: 'timestamp(3)', value: (d) => isoOrNull(d.completedAt) },
  { name: 'outcome', type: '"DossierOutcome"', value: (d) => d.outcome },
  { name: 'submissionKey', type: 'text', value: (d) => d.submissionKey },
  { name: 'version', type: 'int', value: (d) => d.version },
  { name: 'createdAt', type: 'timestamp(3)', value: (d) => d.submittedAt.toISOString() },
  { name: 'updatedAt', type: 'timestamp(3)', value: (d) => d.updatedAt.toISOString() },
]

const eventColumns: Column<EventRow>[] = [
  { name: 'dossierId', type: 'uuid', value: (e) => e.dossierId },
  { name: 'communeId', type: 'uuid', value: (e) => e.communeId },
  { name: 'action', type: 'text', value: (e) => e.action },
  { name: 'fromState', type: '"DossierState"', value: (e) => e.fromState },
  { name: 'toState', type: '"DossierState"', value: (e) => e.toState },
  { name: 'fromStep', type: 'text', value: (e) => e.fromStep },
  { name: 'toStep', type: 'text', value: (e) => e.toStep },
  { name: 'actorId', type: 'uuid', value: (e) => e.actorId },
  { name: 'actorRole', type: '"Role"', value: (e) => e.actorRole },
  { name: 'reason', type: 'text', value: (e) => e.reason },
  { name: 'dueAt', type: 'timestamp(3)', value: (e) => isoOrNull(e.dueAt) },
  { name: 'data', type: 'jsonb', value: (e) => JSON.stringify(e.data) },
  { name: 'isPublic', type: 'boolean', value: (e) => e.isPublic },
  { name: 'occurredAt', type: 'timestamp(3)', value: (e) => e.occurredAt.toISOString() },
]

const supplementColumns: Column<SupplementRow>[] = [
  { name: 'id', type: 'uuid', value: (s) => s.id },
  { name: 'dossierId', type: 'uuid', value: (s) => s.dossierId },
  { name: 'communeId', type: 'uuid', value: (s) => s.communeId },
  { name: 'items', type: 'jsonb', value: (s) => JSON.stringify(s.items) },
  { name: 'reason', type: 'text', value: (s) => s.reason },
  { name: 'requestedById', type: 'uuid', value: (s) => s.requestedById },
  { name: 'requestedAt', type: 'timestamp(3)', value: (s) => s.requestedAt.toISOString() },
  { name: 'respondedAt', type: 'timestamp(3)', value: (s) => isoOrNull(s.respondedAt) },
  { name: 'responseNote', type: 'text', value: (s) => s.responseNote },
]

const paymentColumns: Column<PaymentRow>[] = [
  { name: 'id', type: 'uuid', value: (p) => p.id },
  { name: 'dossierId', type: 'uuid', value: (p) => p.dossierId },
  { name: 'communeId', type: 'uuid', value: (p) => p.communeId },
  { name: 'amountVnd', type: 'int', value: (p) => p.amountVnd },
  { name: 'method', type: '"PaymentMethod"', value: (p) => p.method },
  { name: 'status', type: '"PaymentStatus"', value: (p) => p.status },
  { name: 'reference', type: 'text', value: (p) => p.reference },
  { name: 'providerRef', type: 'text', value: (p) => p.providerRef },
  { name: 'idempotencyKey', type: 'text', value: (p) => p.idempotencyKey },
  { name: 'refundedVnd', type: 'int', value: (p) => p.refundedVnd },
  { name: 'receiptNo', type: 'text', value: (p) => p.receiptNo },
  { name: 'paidAt', type: 'timestamp(3)', value: (p) => isoOrNull(p.paidAt) },
  { name: 'expiresAt', type: 'timestamp(3)', value: (p) => isoOrNull(p.expiresAt) },
  { name: 'createdAt', type: 'timestamp(3)', value: (p) => p.createdAt.toISOString() },
  { name: 'updatedAt', type: 'timestamp(3)', value: (p) => p.updatedAt.toISOString() },
]

const refundColumns: Column<RefundRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'paymentId', type: 'uuid', value: (r) => r.paymentId },
  { name: 'communeId', type: 'uuid', value: (r) => r.communeId },
  { name: 'amountVnd', type: 'int', value: (r) => r.amountVnd },
  { name: 'reason', type: 'text', value: (r) => r.reason },
  { name: 'refundedById', type: 'uuid', value: (r) => r.refundedById },
  { name: 'createdAt', type: 'timestamp(3)', value: (r) => r.createdAt.toISOString() },
]

const ratingColumns: Column<RatingRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'dossierId', type: 'uuid', value: (r) => r.dossierId },
  { name: 'communeId', type: 'uuid', value: (r) => r.communeId },
  { name: 'raterId', type: 'uuid', value: (r) => r.raterId },
  { name: 'score', type: 'int', value: (r) => r.score },
  { name: 'comment', type: 'text', value: (r) => r.comment },
  { name: 'createdAt', type: 'timestamp(3)', value: (r) => r.createdAt.toISOString() },
]

const sequenceColumns: Column<CodeSequenceRow>[] = [
  { name: 'communeId', type: 'uuid', value: (s) => s.communeId },
  { name: 'day', type: 'date', value: (s) => s.day },
  { name: 'lastValue', type: 'int', value: (s) => s.lastValue },
]

export type HistoryCounts = { dossiers: number; events: number; supplementRequests: number; payments: number; refunds: number; ratings: number; codeSequences: number }

export async function insertHistory(client: Queryable, history: DemoHistory): Promise<HistoryCounts> {
  return {
    dossiers: await bulkInsert(client, 'Dossier', dossierColumns, history.dossiers, 2500),
    events: await bulkInsert(client, 'DossierEvent', eventColumns, history.events, 10_000),
    supplementRequests: await bulkInsert(client, 'SupplementRequest', supplementColumns, history.supplementRequests),
    payments: await bulkInsert(client, 'Payment', paymentColumns, history.payments),
    refunds: await bulkInsert(client, 'PaymentRefund', refundColumns, history.refunds),
    ratings: await bulkInsert(client, 'DossierRating', ratingColumns, history.ratings),
    codeSequences: await bulkInsert(client, 'DossierCodeSequence', sequenceColumns, history.codeSequences),
  }
}
