import { describe, expect, it } from 'vitest'
import { hrefWith, indexPeriodFrom, parseSimulationParams, periodParams, simulationParams } from './service-index-params'

const NOW = new Date('2026-11-24T03:00:00Z') // 10:00 in Vietnam

describe('parseSimulationParams', () => {
  it('reads the mode and the step, with defaults for anything else', () => {
    expect(parseSimulationParams({})).toEqual({ mode: 'TARGET', stepPercent: 10 })
    expect(parseSimulationParams({ mo: 'step', buoc: '20' })).toEqual({ mode: 'STEP', stepPercent: 20 })
    expect(parseSimulationParams({ mo: ['step'], buoc: ['5'] })).toEqual({ mode: 'STEP', stepPercent: 5 })
    expect(parseSimulationParams({ mo: 'step', buoc: '0' })).toEqual({ mode: 'STEP', stepPercent: 10 })
    expect(parseSimulationParams({ mo: 'step', buoc: '101' })).toEqual({ mode: 'STEP', stepPercent: 10 })
    expect(parseSimulationParams({ mo: 'step', buoc: '2.5' })).toEqual({ mode: 'STEP', stepPercent: 10 })
    expect(parseSimulationParams({ mo: 'other', buoc: '30' })).toEqual({ mode: 'TARGET', stepPercent: 30 })
  })

  it('writes back only what differs from the defaults', () => {
    expect(simulationParams({ mode: 'TARGET', stepPercent: 30 })).toEqual({})
    expect(simulationParams({ mode: 'STEP', stepPercent: 10 })).toEqual({ mo: 'step' })
    expect(simulationParams({ mode: 'STEP', stepPercent: 30 })).toEqual({ mo: 'step', buoc: '30' })
  })
})

describe('indexPeriodFrom', () => {
  it("uses the dashboard's period rules", () => {
    const { period, invalid } = indexPeriodFrom({ tu: '2026-11-01', den: '2026-11-20' }, NOW)
    expect(invalid).toBe(false)
    expect(period).toMatchObject({ from: '2026-11-01', to: '2026-11-20', days: 20, preset: null })
    expect(period.startsAt.toISOString()).toBe('2026-10-31T17:00:00.000Z')
    expect(period.endsBefore.toISOString()).toBe('2026-11-20T17:00:00.000Z')
    expect(indexPeriodFrom({ ky: '7' }, NOW).period).toMatchObject({ from: '2026-11-18', to: '2026-11-24', preset: 7 })
  })

  it('falls back to the last 30 days, and says so, for an invalid choice', () => {
    for (const params of [{ tu: '2026-11-20', den: '2026-11-01' }, { tu: '2026-02-30', den: '2026-03-01' }, { ky: '12' }, { tu: '2026-11-01' }, { tu: '2026-11-01', den: '2026-11-25' }]) {
      const { period, invalid } = indexPeriodFrom(params, NOW)
      expect(invalid).toBe(true)
      expect(period).toMatchObject({ from: '2026-10-26', to: '2026-11-24', days: 30, preset: 30 })
    }
  })

  it('reproduces a period in links: a preset stays a preset, the default is left out', () => {
    expect(periodParams(indexPeriodFrom({}, NOW).period)).toEqual({})
    expect(periodParams(indexPeriodFrom({ ky: '90' }, NOW).period)).toEqual({ ky: '90' })
    expect(periodParams(indexPeriodFrom({ tu: '2026-11-01', den: '2026-11-20' }, NOW).period)).toEqual({ tu: '2026-11-01', den: '2026-11-20' })
  })
})

describe('hrefWith', () => {
  it('leaves out empty values', () => {
    expect(hrefWith('/tinh/chi-so', {})).toBe('/tinh/chi-so')
    expect(hrefWith('/tinh/chi-so', { ky: '7', xep: undefined, chieu: '' })).toBe('/tinh/chi-so?ky=7')
    expect(hrefWith('/tinh/xa/16681/chi-so', { tu: '2026-11-01', den: '2026-11-20' })).toBe('/tinh/xa/16681/chi-so?tu=2026-11-01&den=2026-11-20')
  })
})
