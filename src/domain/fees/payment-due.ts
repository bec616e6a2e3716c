/**
 * When and how much the applicant can pay online. Pure.
 *
 * - The amount is what the dossier owes and has not paid yet (`feeVnd − paidVnd`; refunds lower `paidVnd`).
 * - A fee charged before processing (FeeMoment BEFORE_PROCESSING, the default) can be paid from submission
 *   until the result is returned; a fee charged at result (AT_RESULT) once the result is ready.
 * - Nothing is asked after a refusal or a withdrawal.
 */
export type FeeMoment = 'BEFORE_PROCESSING' | 'AT_RESULT'

// The same lists as domain/dossier/citizen-next-step.ts PAYABLE_STATES and RESULT_READY_STATES (its test checks).
const OPEN_OR_RETURNED = ['SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN', 'RETURNED'] as const
const RESULT_READY = ['READY_TO_RETURN', 'RETURNED'] as const

export type PaymentDueFacts = { state: string; feeMoment: FeeMoment; feeVnd: number; paidVnd: number }

export function outstandingVnd(facts: Pick<PaymentDueFacts, 'feeVnd' | 'paidVnd'>): number {
  return Math.max(0, facts.feeVnd - facts.paidVnd)
}

/** The amount payable online now; 0 when nothing is owed or not yet/no longer payable. */
export const PAYMENT_DUE_STATES = { OPEN_OR_RETURNED, RESULT_READY } as const

export function onlinePaymentDue(facts: PaymentDueFacts): number {
  const states: readonly string[] = facts.feeMoment === 'AT_RESULT' ? RESULT_READY : OPEN_OR_RETURNED
  return states.includes(facts.state) ? outstandingVnd(facts) : 0
}

/** Why nothing can be paid now, for the dossier page. */
export function paymentDueReason(facts: PaymentDueFacts): 'NOTHING_OWED' | 'AT_RESULT' | 'CLOSED' | 'PAYABLE' {
  if (outstandingVnd(facts) === 0) return 'NOTHING_OWED'
  if (onlinePaymentDue(facts) > 0) return 'PAYABLE'
  return (OPEN_OR_RETURNED as readonly string[]).includes(facts.state) ? 'AT_RESULT' : 'CLOSED'
}

/**
 * Whether an action should remind staff of fees still owed: it hands over the result (its target state is
 * RETURNED) while something is outstanding. A reminder, not a block: the desk may collect at the same counter.
 */
export function remindsOutstandingFee(toState: string, outstanding: number): boolean {
  return toState === 'RETURNED' && outstanding > 0
}
