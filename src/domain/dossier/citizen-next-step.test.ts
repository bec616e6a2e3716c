import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { publicNextStep } from '../lookup/public-next-step'
import { StepStateSchema } from '../workflow/workflow-graph'
import {
  amountToPay,
  citizenNextSteps,
  CLOSED_STATES,
  isRatableState,
  mustAct,
  OPEN_STATES,
  parseCitizenDossierFilter,
  type CitizenDossierFacts,
} from './citizen-next-step'

const DUE = new Date('2026-11-27T10:00:00Z')

function facts(overrides: Partial<CitizenDossierFacts>): CitizenDossierFacts {
  return { state: 'PROCESSING', channel: 'DESK', feeMoment: 'BEFORE_PROCESSING', dueAt: DUE, feeVnd: 0, paidVnd: 0, paymentStatuses: [], resultFileCount: 0, rated: false, ...overrides }
}

const kinds = (overrides: Partial<CitizenDossierFacts>) => citizenNextSteps(facts(overrides)).map((step) => step.kind)

describe('citizenNextSteps', () => {
  it('asks to answer a supplement request, and nothing else to wait for', () => {
    expect(citizenNextSteps(facts({ state: 'AWAITING_SUPPLEMENT' }))).toEqual([{ kind: 'ANSWER_SUPPLEMENT' }])
    expect(mustAct(citizenNextSteps(facts({ state: 'AWAITING_SUPPLEMENT' })))).toBe(true)
  })

  it('waits for reception, then for the appointment while processing', () => {
    expect(citizenNextSteps(facts({ state: 'SUBMITTED', dueAt: null }))).toEqual([{ kind: 'WAIT_RECEPTION' }])
    expect(citizenNextSteps(facts({ state: 'PROCESSING' }))).toEqual([{ kind: 'WAIT', expectedAt: DUE }])
    expect(mustAct(citizenNextSteps(facts({ state: 'PROCESSING' })))).toBe(false)
  })

  it('asks to collect a result that is ready, by the appointment', () => {
    expect(citizenNextSteps(facts({ state: 'READY_TO_RETURN' }))).toEqual([{ kind: 'COLLECT_RESULT', expectedAt: DUE }])
    expect(mustAct(citizenNextSteps(facts({ state: 'READY_TO_RETURN' })))).toBe(true)
  })

  it('offers the result files and the rating once returned; neither is required', () => {
    expect(kinds({ state: 'RETURNED', resultFileCount: 1 })).toEqual(['DOWNLOAD_RESULT', 'RATE'])
    expect(kinds({ state: 'RETURNED', resultFileCount: 2, rated: true })).toEqual(['DOWNLOAD_RESULT'])
    expect(kinds({ state: 'RETURNED', resultFileCount: 0 })).toEqual(['RATE'])
    expect(kinds({ state: 'RETURNED', resultFileCount: 0, rated: true })).toEqual(['DONE'])
    expect(mustAct(citizenNextSteps(facts({ state: 'RETURNED', resultFileCount: 1 })))).toBe(false)
  })

  it('says a refused or withdrawn dossier is closed, and offers no rating', () => {
    expect(kinds({ state: 'REFUSED' })).toEqual(['REFUSED'])
    expect(kinds({ state: 'WITHDRAWN' })).toEqual(['WITHDRAWN'])
    expect(isRatableState('REFUSED')).toBe(false)
    expect(isRatableState('RETURNED')).toBe(true)
  })

  it('treats a state it does not know as being handled', () => {
    expect(citizenNextSteps(facts({ state: 'SOMETHING_NEW' }))).toEqual([{ kind: 'WAIT', expectedAt: DUE }])
  })
})

describe('paying a fee', () => {
  it('is asked only when a fee is owed and a payment was started and did not go through', () => {
    expect(citizenNextSteps(facts({ state: 'SUBMITTED', feeVnd: 8000, paymentStatuses: ['PENDING'] }))).toEqual([{ kind: 'PAY', amountVnd: 8000 }, { kind: 'WAIT_RECEPTION' }])
    expect(amountToPay(facts({ feeVnd: 8000, paymentStatuses: ['FAILED'] }))).toBe(8000)
    expect(amountToPay(facts({ feeVnd: 8000, paymentStatuses: ['EXPIRED'] }))).toBe(8000)
    expect(amountToPay(facts({ feeVnd: 50_000, paidVnd: 20_000, paymentStatuses: ['PAID', 'PENDING'] }))).toBe(30_000)
    expect(mustAct(citizenNextSteps(facts({ feeVnd: 8000, paymentStatuses: ['PENDING'] })))).toBe(true)
  })

  it('is asked of an online dossier owing a fee before any payment was started', () => {
    expect(citizenNextSteps(facts({ state: 'SUBMITTED', channel: 'ONLINE', feeVnd: 10_000 }))).toEqual([{ kind: 'PAY', amountVnd: 10_000 }, { kind: 'WAIT_RECEPTION' }])
  })

  it('waits for the result when the fee is charged at result', () => {
    expect(amountToPay(facts({ channel: 'ONLINE', feeMoment: 'AT_RESULT', feeVnd: 10_000 }))).toBe(0)
    expect(amountToPay(facts({ state: 'READY_TO_RETURN', channel: 'ONLINE', feeMoment: 'AT_RESULT', feeVnd: 10_000 }))).toBe(10_000)
  })

  it('is not suggested on a desk dossier without payment rows (paid at the desk) or once paid', () => {
    expect(amountToPay(facts({ feeVnd: 8000, paymentStatuses: [] }))).toBe(0)
    expect(amountToPay(facts({ feeVnd: 8000, paidVnd: 8000, paymentStatuses: ['FAILED', 'PAID'] }))).toBe(0)
    expect(amountToPay(facts({ feeVnd: 0, paymentStatuses: ['PENDING'] }))).toBe(0)
  })

  it('is not asked after a refusal or a withdrawal', () => {
    expect(amountToPay(facts({ state: 'REFUSED', feeVnd: 8000, paymentStatuses: ['PENDING'] }))).toBe(0)
    expect(amountToPay(facts({ state: 'WITHDRAWN', feeVnd: 8000, paymentStatuses: ['EXPIRED'] }))).toBe(0)
  })
})

describe('properties', () => {
  const anyFacts = fc.record({
    state: fc.constantFrom(...StepStateSchema.options),
    channel: fc.constantFrom('ONLINE', 'DESK', 'POST'),
    feeMoment: fc.constantFrom('BEFORE_PROCESSING' as const, 'AT_RESULT' as const),
    dueAt: fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
    feeVnd: fc.nat(1_000_000),
    paidVnd: fc.nat(1_000_000),
    paymentStatuses: fc.array(fc.constantFrom('PENDING', 'PAID', 'FAILED', 'EXPIRED', 'REFUNDED'), { maxLength: 3 }),
    resultFileCount: fc.nat(3),
    rated: fc.boolean(),
  })

  it('always gives at least one step, with no kind twice', () => {
    fc.assert(
      fc.property(anyFacts, (input) => {
        const steps = citizenNextSteps(input)
        expect(steps.length).toBeGreaterThan(0)
        expect(new Set(steps.map((step) => step.kind)).size).toBe(steps.length)
      }),
    )
  })

  it('agrees with the public lookup on what the applicant has to do', () => {
    fc.assert(
      fc.property(anyFacts, (input) => {
        const found = kinds(input)
        const publicStep = publicNextStep(input.state)
        expect(found.includes('ANSWER_SUPPLEMENT')).toBe(publicStep === 'SUPPLEMENT_NEEDED')
        expect(found.includes('COLLECT_RESULT')).toBe(publicStep === 'COLLECT_RESULT')
      }),
    )
  })

  it('needs the applicant exactly as the list filter says: supplement, ready result, or a fee owed online', () => {
    fc.assert(
      fc.property(anyFacts, (input) => {
        const payable = input.feeMoment === 'AT_RESULT' ? ['READY_TO_RETURN', 'RETURNED'].includes(input.state) : (OPEN_STATES as readonly string[]).includes(input.state) || input.state === 'RETURNED'
        const expected =
          input.state === 'AWAITING_SUPPLEMENT' ||
          input.state === 'READY_TO_RETURN' ||
          (payable && input.feeVnd > input.paidVnd && (input.channel === 'ONLINE' || input.paymentStatuses.some((status) => ['PENDING', 'FAILED', 'EXPIRED'].includes(status))))
        expect(mustAct(citizenNextSteps(input))).toBe(expected)
      }),
    )
  })

  it('splits every state into open or closed', () => {
    for (const state of StepStateSchema.options) {
      expect(Number((OPEN_STATES as readonly string[]).includes(state)) + Number((CLOSED_STATES as readonly string[]).includes(state))).toBe(1)
    }
  })
})

describe('parseCitizenDossierFilter', () => {
  it('reads a known filter and falls back to all', () => {
    expect(parseCitizenDossierFilter('action')).toBe('action')
    expect(parseCitizenDossierFilter(['closed', 'open'])).toBe('closed')
    expect(parseCitizenDossierFilter('toString')).toBe('all')
    expect(parseCitizenDossierFilter(undefined)).toBe('all')
  })
})
