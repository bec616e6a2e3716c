import type { DossierState } from '@/domain/workflow/apply-transition'
import { DOCUMENT_FORMS, type DocumentForm } from './document-form'

/** What decides which printouts a dossier has: a subset of the snapshot, cheap to load for a list. */
export type AvailabilityFacts = {
  channel: 'ONLINE' | 'DESK' | 'POST'
  state: DossierState
  receivedAt: Date | null
  events: readonly { action: string }[]
  supplementRequests: readonly unknown[]
}

const has = (facts: AvailabilityFacts, action: string) => facts.events.some((event) => event.action === action)

/**
 * The printouts a dossier has now, in form order. Each form documents something that happened, so it
 * stays available afterwards (a receipt is still printable once the result is returned):
 * - acknowledgement of an online submission: the dossier came in online — from the moment it is submitted,
 *   whatever happens to it next (it is the applicant's proof of submitting, also before any receipt);
 * - 01 receipt and appointment: the dossier was received (`receivedAt`);
 * - 02 supplement request: a supplement was requested (a `SupplementRequest` row or a `request_supplement`
 *   event — the workflow engine writes the event; the row holds the itemised list when there is one);
 * - 03 refusal: the dossier ended refused (`refuse` event, state REFUSED);
 * - 04 apology with a new appointment: the appointment was moved (`reschedule` event) after receipt;
 * - 05 notice of stopping: the applicant withdrew (`withdraw` event, state WITHDRAWN) after receipt —
 *   before receipt there is nothing to stop.
 */
export function availableDocuments(facts: AvailabilityFacts): DocumentForm[] {
  const received = facts.receivedAt !== null
  const available: Record<DocumentForm, boolean> = {
    'xac-nhan-nop': facts.channel === 'ONLINE',
    'mau-01': received,
    'mau-02': facts.supplementRequests.length > 0 || has(facts, 'request_supplement'),
    'mau-03': facts.state === 'REFUSED' && has(facts, 'refuse'),
    'mau-04': received && has(facts, 'reschedule'),
    'mau-05': received && facts.state === 'WITHDRAWN' && has(facts, 'withdraw'),
  }
  return DOCUMENT_FORMS.filter((form) => available[form])
}
