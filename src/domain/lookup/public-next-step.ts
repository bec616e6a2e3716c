/**
 * The next step of a dossier in plain words, for the public lookup: what the applicant can expect or has to
 * do, by state. The page translates the key (messages `Lookup.nextStep.<key>`).
 */
export const PUBLIC_NEXT_STEPS = {
  SUBMITTED: 'AWAIT_RECEPTION',
  PROCESSING: 'IN_PROGRESS',
  AWAITING_SUPPLEMENT: 'SUPPLEMENT_NEEDED',
  READY_TO_RETURN: 'COLLECT_RESULT',
  RETURNED: 'DONE',
  REFUSED: 'REFUSED',
  WITHDRAWN: 'STOPPED',
} as const

export type PublicNextStep = (typeof PUBLIC_NEXT_STEPS)[keyof typeof PUBLIC_NEXT_STEPS]

export function publicNextStep(state: string): PublicNextStep {
  return Object.hasOwn(PUBLIC_NEXT_STEPS, state) ? PUBLIC_NEXT_STEPS[state as keyof typeof PUBLIC_NEXT_STEPS] : 'IN_PROGRESS'
}

/** Whether the applicant has to act (sign in to answer a request for more documents). */
export function applicantMustAct(step: PublicNextStep): boolean {
  return step === 'SUPPLEMENT_NEEDED'
}
