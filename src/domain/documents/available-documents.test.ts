import { describe, expect, it } from 'vitest'
import { availableDocuments, type AvailabilityFacts } from './available-documents'

const received = new Date('2026-11-24T02:00:00Z')
const facts = (overrides: Partial<AvailabilityFacts>, actions: string[] = []): AvailabilityFacts => ({
  channel: 'DESK',
  state: 'PROCESSING',
  receivedAt: received,
  events: actions.map((action) => ({ action })),
  supplementRequests: [],
  ...overrides,
})

describe('availableDocuments', () => {
  it('has nothing to print for a dossier waiting at the desk', () => {
    expect(availableDocuments(facts({ state: 'SUBMITTED', receivedAt: null }, ['submit']))).toEqual([])
  })

  it('has the receipt once the dossier is received, and keeps it to the end', () => {
    expect(availableDocuments(facts({}, ['submit', 'receive']))).toEqual(['mau-01'])
    expect(availableDocuments(facts({ state: 'RETURNED' }, ['submit', 'receive', 'forward', 'approve', 'return_result']))).toEqual(['mau-01'])
  })

  it('has the supplement request from the engine’s event or from a stored request', () => {
    expect(availableDocuments(facts({ state: 'AWAITING_SUPPLEMENT' }, ['submit', 'receive', 'request_supplement']))).toEqual(['mau-01', 'mau-02'])
    expect(availableDocuments(facts({ supplementRequests: [{}] }, ['submit', 'receive']))).toEqual(['mau-01', 'mau-02'])
  })

  it('has the refusal only for a refused dossier, with or without a receipt', () => {
    expect(availableDocuments(facts({ state: 'REFUSED', receivedAt: null }, ['submit', 'refuse']))).toEqual(['mau-03'])
    expect(availableDocuments(facts({ state: 'REFUSED' }, ['submit', 'receive', 'forward', 'refuse']))).toEqual(['mau-01', 'mau-03'])
    expect(availableDocuments(facts({ state: 'PROCESSING' }, ['submit', 'receive', 'refuse']))).toEqual(['mau-01'])
  })

  it('has the apology letter once the appointment was moved', () => {
    expect(availableDocuments(facts({}, ['submit', 'receive', 'reschedule']))).toEqual(['mau-01', 'mau-04'])
  })

  it('has the notice of stopping only for a withdrawal after receipt', () => {
    expect(availableDocuments(facts({ state: 'WITHDRAWN' }, ['submit', 'receive', 'withdraw']))).toEqual(['mau-01', 'mau-05'])
    expect(availableDocuments(facts({ state: 'WITHDRAWN', receivedAt: null }, ['submit', 'withdraw']))).toEqual([])
  })

  it('has the online submission acknowledgement from submission on, for online dossiers only', () => {
    expect(availableDocuments(facts({ channel: 'ONLINE', state: 'SUBMITTED', receivedAt: null }, ['submit']))).toEqual(['xac-nhan-nop'])
    expect(availableDocuments(facts({ channel: 'ONLINE' }, ['submit', 'receive']))).toEqual(['xac-nhan-nop', 'mau-01'])
    expect(availableDocuments(facts({ channel: 'ONLINE', state: 'REFUSED', receivedAt: null }, ['submit', 'refuse']))).toEqual(['xac-nhan-nop', 'mau-03'])
    expect(availableDocuments(facts({ channel: 'ONLINE', state: 'WITHDRAWN', receivedAt: null }, ['submit', 'withdraw']))).toEqual(['xac-nhan-nop'])
    expect(availableDocuments(facts({ channel: 'ONLINE', state: 'RETURNED' }, ['submit', 'receive', 'forward', 'approve', 'return_result']))).toEqual([
      'xac-nhan-nop',
      'mau-01',
    ])
    for (const channel of ['DESK', 'POST'] as const) {
      expect(availableDocuments(facts({ channel, state: 'SUBMITTED', receivedAt: null }, ['submit']))).toEqual([])
      expect(availableDocuments(facts({ channel }, ['submit', 'receive']))).toEqual(['mau-01'])
    }
  })

  it('lists every form in form order when all apply', () => {
    expect(
      availableDocuments(facts({ state: 'WITHDRAWN', supplementRequests: [{}] }, ['submit', 'receive', 'request_supplement', 'supply', 'reschedule', 'withdraw'])),
    ).toEqual(['mau-01', 'mau-02', 'mau-04', 'mau-05'])
    expect(
      availableDocuments(
        facts({ channel: 'ONLINE', state: 'WITHDRAWN', supplementRequests: [{}] }, ['submit', 'receive', 'request_supplement', 'supply', 'reschedule', 'withdraw']),
      ),
    ).toEqual(['xac-nhan-nop', 'mau-01', 'mau-02', 'mau-04', 'mau-05'])
  })
})
