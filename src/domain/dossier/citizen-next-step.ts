import { z } from 'zod'
import { onlinePaymentDue, type FeeMoment } from '../fees/payment-due'
import { TerminalOutcomeSchema } from '../workflow/workflow-graph'

/**
 * What the applicant must (or may) do next about one of their dossiers, for "Hồ sơ của tôi" and the dossier
 * page. Pure: the facts come from the dossier row, its payments, its result files and its rating.
 *
 * The public lookup (/tra-cuu, ../lookup/public-next-step.ts) answers from the state alone, for anyone who
 * knows the code and the phone number; this rule knows more (fees, files, rating) because only the signed-in
 * applicant sees it. Both agree on the states: a supplement to answer, a result to collect, otherwise wait.
 *
 * Steps, most pressing first (a dossier may have several, e.g. download the result and rate the service):
 * - ANSWER_SUPPLEMENT: the commune asked for more documents (AWAITING_SUPPLEMENT; the legal clock is paused
 *   until the applicant answers).
 * - PAY: a fee is payable online now (domain/fees/payment-due.ts: owed, on a dossier still being handled or
 *   returned, and after the result is ready when the fee is charged at result), on an online dossier or one
 *   whose applicant started a payment that did not go through (pending, failed, expired). A desk dossier
 *   without such a row pays cash at the desk: nothing is suggested.
 * - COLLECT_RESULT: the result is signed and waits to be handed over (READY_TO_RETURN), by the appointment.
 * - DOWNLOAD_RESULT: returned with result files the applicant can download.
 * - RATE: returned and not rated yet (the service may be rated once; see RATABLE_STATES).
 * - WAIT_RECEPTION: submitted online, waiting for the one-stop desk to receive it.
 * - WAIT: being processed; `expectedAt` is the appointment (due date) when there is one.
 * - REFUSED / WITHDRAWN: closed without a result; the reason is on the dossier's timeline.
 * - DONE: returned, nothing left to do.
 */
export type CitizenNextStep =
  | { kind: 'ANSWER_SUPPLEMENT' }
  | { kind: 'PAY'; amountVnd: number }
  | { kind: 'COLLECT_RESULT'; expectedAt: Date | null }
  | { kind: 'DOWNLOAD_RESULT' }
  | { kind: 'RATE' }
  | { kind: 'WAIT_RECEPTION' }
  | { kind: 'WAIT'; expectedAt: Date | null }
  | { kind: 'REFUSED' }
  | { kind: 'WITHDRAWN' }
  | { kind: 'DONE' }

export type CitizenNextStepKind = CitizenNextStep['kind']

/** Steps that something waits on (the dossier, a deadline or a payment): the "needs action" filter. */
export const REQUIRED_STEP_KINDS = ['ANSWER_SUPPLEMENT', 'PAY', 'COLLECT_RESULT'] as const satisfies readonly CitizenNextStepKind[]

/** States in which the applicant may rate the service: the result was returned. */
export const RATABLE_STATES = ['RETURNED'] as const

/** States still being handled (the legal clock may run, pause or not have started). */
export const OPEN_STATES = ['SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN'] as const
/** Finished states (the workflow's terminal outcomes). */
export const CLOSED_STATES = TerminalOutcomeSchema.options

/** Payment rows that mean "a payment was started and is still owed" when the fee is not covered. */
export const UNFINISHED_PAYMENT_STATUSES = ['PENDING', 'FAILED', 'EXPIRED'] as const
/** States in which an unpaid fee is still asked for (not after a refusal or a withdrawal). */
export const PAYABLE_STATES = [...OPEN_STATES, 'RETURNED'] as const
/** States in which a fee charged at result is asked for. */
export const RESULT_READY_STATES = ['READY_TO_RETURN', 'RETURNED'] as const

export type CitizenDossierFacts = {
  state: string
  channel: string
  feeMoment: FeeMoment
  dueAt: Date | null
  feeVnd: number
  paidVnd: number
  /** The dossier's payment rows (any order). */
  paymentStatuses: readonly string[]
  /** Result files (Attachment kind RESULT) the applicant can download. */
  resultFileCount: number
  rated: boolean
}

const includes = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value)

export function isRatableState(state: string): boolean {
  return includes(RATABLE_STATES, state)
}

/** The fee payable online now when paying is the applicant's step (see PAY above); 0 otherwise. */
export function amountToPay(facts: Pick<CitizenDossierFacts, 'state' | 'channel' | 'feeMoment' | 'feeVnd' | 'paidVnd' | 'paymentStatuses'>): number {
  const due = onlinePaymentDue(facts)
  if (due <= 0) return 0
  return facts.channel === 'ONLINE' || facts.paymentStatuses.some((status) => includes(UNFINISHED_PAYMENT_STATUSES, status)) ? due : 0
}

export function citizenNextSteps(facts: CitizenDossierFacts): CitizenNextStep[] {
  const steps: CitizenNextStep[] = []
  if (facts.state === 'AWAITING_SUPPLEMENT') steps.push({ kind: 'ANSWER_SUPPLEMENT' })
  const owed = amountToPay(facts)
  if (owed > 0) steps.push({ kind: 'PAY', amountVnd: owed })
  switch (facts.state) {
    case 'SUBMITTED':
      steps.push({ kind: 'WAIT_RECEPTION' })
      break
    case 'PROCESSING':
      steps.push({ kind: 'WAIT', expectedAt: facts.dueAt })
      break
    case 'AWAITING_SUPPLEMENT':
      break
    case 'READY_TO_RETURN':
      steps.push({ kind: 'COLLECT_RESULT', expectedAt: facts.dueAt })
      break
    case 'RETURNED':
      if (facts.resultFileCount > 0) steps.push({ kind: 'DOWNLOAD_RESULT' })
      if (!facts.rated) steps.push({ kind: 'RATE' })
      if (steps.length === 0) steps.push({ kind: 'DONE' })
      break
    case 'REFUSED':
      steps.push({ kind: 'REFUSED' })
      break
    case 'WITHDRAWN':
      steps.push({ kind: 'WITHDRAWN' })
      break
    default:
      // A state this rule does not know (a newer workflow): the dossier is being handled.
      steps.push({ kind: 'WAIT', expectedAt: facts.dueAt })
  }
  return steps
}

export function mustAct(steps: readonly CitizenNextStep[]): boolean {
  return steps.some((step) => includes(REQUIRED_STEP_KINDS, step.kind))
}

/**
 * The filters of "Hồ sơ của tôi": all, being handled, needs the applicant (a required step, the same rule
 * as `mustAct`, which the query repeats in SQL), finished.
 */
export const CITIZEN_DOSSIER_FILTERS = ['all', 'open', 'action', 'closed'] as const
export type CitizenDossierFilter = (typeof CITIZEN_DOSSIER_FILTERS)[number]

export const CITIZEN_DOSSIER_PAGE_SIZE = 20

const FilterSchema = z.enum(CITIZEN_DOSSIER_FILTERS).catch('all')

/** The filter from the URL; anything unknown shows all dossiers rather than an error page. */
export function parseCitizenDossierFilter(raw: unknown): CitizenDossierFilter {
  return FilterSchema.parse(Array.isArray(raw) ? raw[0] : raw)
}
