import { describe, expect, it } from 'vitest'
import { computeServiceIndex } from '@/domain/stats/service-index'
import { EMPTY_STAT_SUMS } from './service-index-data.repo'
import { indexInputFrom, summariseCatalogue } from './service-index-inputs'

const ASOF = new Date('2026-11-24T17:00:00Z')

describe('summariseCatalogue', () => {
  it('counts procedures, those offered online (full or partial) and unverified online levels', () => {
    const catalogue = summariseCatalogue(
      [
        { procedureId: 'a', onlineLevel: 'FULL', onlineLevelUnverified: false },
        { procedureId: 'b', onlineLevel: 'PARTIAL', onlineLevelUnverified: true },
        { procedureId: 'c', onlineLevel: 'NONE', onlineLevelUnverified: false },
        { procedureId: 'd', onlineLevel: 'PARTIAL', onlineLevelUnverified: true },
      ],
      ASOF,
    )
    expect(catalogue).toEqual({ asOf: ASOF, procedures: 4, offeredOnline: 3, fullyOnline: 1, onlineLevelUnverified: 2 })
  })
})

describe('indexInputFrom', () => {
  it('maps the aggregate sums onto the sections of the index; publication and feedback are not available', () => {
    const sums = {
      ...EMPTY_STAT_SUMS,
      received: 100,
      receivedOnline: 40,
      receivedDigitised: 70,
      feeDue: 30,
      feePaidOnline: 12,
      resolved: 80,
      resolvedEarly: 50,
      resolvedOnTime: 20,
      resolvedLate: 10,
      resolvedElectronic: 8,
      ratingsCount: 25,
      ratingsSatisfied: 20,
    }
    const input = indexInputFrom(sums, { procedures: 34, offeredOnline: 30 })
    expect(input).toEqual({
      publication: null,
      settlement: { early: 50, onTime: 20, late: 10 },
      dossierDigitisation: { received: 100, withElectronicFiles: 70 },
      resultDigitisation: { issued: 80, electronic: 8 },
      onlineProcedures: { procedures: 34, offeredOnline: 30 },
      onlineDossiers: { received: 100, online: 40 },
      onlinePayment: { feeDossiers: 30, paidOnline: 12 },
      ratings: { count: 25, satisfied: 20 },
      feedback: null,
    })
    const result = computeServiceIndex(input)
    expect(result.maxComputable).toBe(70)
    expect(result.excluded.map((item) => item.criterionKey)).toEqual(['proceduresPublishedOnTime', 'publicityOther', 'feedbackOnTime', 'feedbackSatisfied'])
  })

  it('a commune with no activity has NO_DATA on every dossier criterion, the catalogue still counts', () => {
    const result = computeServiceIndex(indexInputFrom(EMPTY_STAT_SUMS, { procedures: 34, offeredOnline: 34 }))
    const statuses = Object.fromEntries(result.groups.flatMap((group) => group.criteria).map((criterion) => [criterion.key, criterion.status]))
    expect(statuses).toMatchObject({ dossiersSettledOnTime: 'NO_DATA', dossiersDigitised: 'NO_DATA', proceduresOnline: 'COMPUTED', ratingsSatisfied: 'NO_DATA' })
    expect(result.score).toBe(100)
    expect(result.maxComputable).toBe(6)
  })
})
