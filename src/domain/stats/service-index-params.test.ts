import { describe, expect, it } from 'vitest'
import { periodOrDefault } from './dashboard-metrics'
import { hrefWith, parseSimulationParams, periodParams, simulationParams } from './service-index-params'

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

describe('periodOrDefault (the period of an index page)', () => {
  it("uses the dashboard's period rules", () => {
    const { period, fieldErrors } = periodOrDefault({ tu: '2026-11-01', den: '2026-11-20' }, NOW)
    expect(fieldErrors).toBeNull()
    expect(period).toMatchObject({ from: '2026-11-01', to: '2026-11-20', days: 20, preset: null })
    expect(period.startsAt.toISOString()).toBe('2026-10-31T17:00:00.000Z')
    expect(period.endsBefore.toISOString()).toBe('2026-11-20T17:00:00.000Z')
    expect(periodOrDefault({ ky: '7' }, NOW).period).toMatchObject({ from: '2026-11-18', to: '2026-11-24', preset: 7 })
  })

  it('falls back to the last 30 days, and says why by parameter, for an invalid choice', () => {
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ tu: '2026-11-20', den: '2026-11-01' }, { den: ['END_BEFORE_START'] }],
      [{ tu: '2026-02-30', den: '2026-03-01' }, { tu: ['INVALID_DATE'] }],
      [{ ky: '12' }, { ky: ['INVALID_PRESET'] }],
      [{ tu: '2026-11-01' }, { den: ['REQUIRED'] }],
      [{ tu: '01/11/2026', den: '25/11/2026' }, { den: ['AFTER_TODAY'] }],
    ]
    for (const [params, errors] of cases) {
      const { period, fieldErrors } = periodOrDefault(params, NOW)
      expect(fieldErrors).toEqual(errors)
      expect(period).toMatchObject({ from: '2026-10-26', to: '2026-11-24', days: 30, preset: 30 })
    }
  })

  it('reproduces a period in links: a preset stays a preset, the default is left out', () => {
    expect(periodParams(periodOrDefault({}, NOW).period)).toEqual({})
    expect(periodParams(periodOrDefault({ ky: '90' }, NOW).period)).toEqual({ ky: '90' })
    expect(periodParams(periodOrDefault({ tu: '2026-11-01', den: '2026-11-20' }, NOW).period)).toEqual({ tu: '2026-11-01', den: '2026-11-20' })
  })
})

describe('hrefWith', () => {
  it('leaves out empty values', () => {
    expect(hrefWith('/tinh/chi-so', {})).toBe('/tinh/chi-so')
    expect(hrefWith('/tinh/chi-so', { ky: '7', xep: undefined, chieu: '' })).toBe('/tinh/chi-so?ky=7')
    expect(hrefWith('/tinh/xa/16681/chi-so', { tu: '2026-11-01', den: '2026-11-20' })).toBe('/tinh/xa/16681/chi-so?tu=2026-11-01&den=2026-11-20')
  })
})
