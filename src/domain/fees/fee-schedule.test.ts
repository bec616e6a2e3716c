import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { assessFee, certifiedCopyFee, feeAmount, feeScheduleOf, type FeeSchedule } from './fee-schedule'

describe('certifiedCopyFee (Circular 226/2016 art. 4)', () => {
  it('charges 2 000 ₫ for each of the first two pages and 1 000 ₫ from the third, per copy', () => {
    expect(certifiedCopyFee(1, 1)).toBe(2_000)
    expect(certifiedCopyFee(2, 1)).toBe(4_000)
    expect(certifiedCopyFee(3, 1)).toBe(5_000)
    expect(certifiedCopyFee(10, 3)).toBe(36_000)
  })
  it('caps a copy at 200 000 ₫', () => {
    expect(certifiedCopyFee(500, 1)).toBe(200_000)
    expect(certifiedCopyFee(500, 2)).toBe(400_000)
  })
  it('never decreases when pages or copies grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 50 }), (pages, copies) => {
        expect(certifiedCopyFee(pages + 1, copies)).toBeGreaterThanOrEqual(certifiedCopyFee(pages, copies))
        expect(certifiedCopyFee(pages, copies + 1)).toBeGreaterThan(certifiedCopyFee(pages, copies))
      }),
    )
  })
})

describe('assessFee', () => {
  const fixed: FeeSchedule = { feeVnd: 10_000, rule: { kind: 'FIXED' }, exemptions: [] }

  it('charges a fixed fee per dossier', () => {
    expect(assessFee(fixed, {})).toEqual({ kind: 'CHARGED', amountVnd: 10_000 })
  })

  it('multiplies by the copies asked for', () => {
    const schedule: FeeSchedule = { feeVnd: 8_000, rule: { kind: 'PER_COPY', copiesField: 'soBan' }, exemptions: [] }
    expect(assessFee(schedule, { soBan: 3 })).toEqual({ kind: 'CHARGED', amountVnd: 24_000 })
    expect(assessFee(schedule, { soBan: '2' })).toEqual({ kind: 'CHARGED', amountVnd: 16_000 })
    expect(assessFee(schedule, {})).toEqual({ kind: 'CHARGED', amountVnd: 0 })
  })

  it('adds up every document of a certified copy request', () => {
    const schedule: FeeSchedule = {
      feeVnd: 2_000,
      rule: { kind: 'CERTIFIED_COPY_PAGES', groupField: 'giayTo', pagesField: 'soTrang', copiesField: 'soBan' },
      exemptions: [],
    }
    const answers = { giayTo: [{ soTrang: 1, soBan: 2 }, { soTrang: 4, soBan: 1 }, 'not an entry'] }
    expect(assessFee(schedule, answers)).toEqual({ kind: 'CHARGED', amountVnd: 2 * 2_000 + 6_000 })
  })

  it('exempts when a condition on the answers holds, with the reason', () => {
    const schedule: FeeSchedule = {
      feeVnd: 50_000,
      rule: { kind: 'FIXED' },
      exemptions: [{ when: { field: 'mienPhiNongNghiep', equals: true }, reasonVi: 'Thế chấp vay vốn nông nghiệp', reasonEn: 'Agricultural loan mortgage' }],
    }
    expect(assessFee(schedule, { mienPhiNongNghiep: true })).toEqual({ kind: 'EXEMPT', amountVnd: 0, reasonVi: 'Thế chấp vay vốn nông nghiệp', reasonEn: 'Agricultural loan mortgage' })
    expect(assessFee(schedule, { mienPhiNongNghiep: false })).toEqual({ kind: 'CHARGED', amountVnd: 50_000 })
  })

  it('matches one of several values', () => {
    const schedule: FeeSchedule = {
      feeVnd: 5_000,
      rule: { kind: 'FIXED' },
      exemptions: [{ when: { field: 'doiTuong', oneOf: ['ho-ngheo', 'khuyet-tat'] }, reasonVi: 'Miễn', reasonEn: 'Exempt' }],
    }
    expect(assessFee(schedule, { doiTuong: 'khuyet-tat' }).kind).toBe('EXEMPT')
    expect(assessFee(schedule, { doiTuong: 'khac' }).kind).toBe('CHARGED')
  })

  it('says the fee is unknown when the sources gave no amount, and stores 0 for it', () => {
    const assessment = assessFee({ feeVnd: null, rule: { kind: 'FIXED' }, exemptions: [] }, {})
    expect(assessment).toEqual({ kind: 'UNKNOWN' })
    expect(feeAmount(assessment)).toBe(0)
  })
})

describe('feeScheduleOf', () => {
  it('reads stored JSON and falls back to a fixed fee on malformed rules', () => {
    expect(feeScheduleOf({ feeVnd: 1, feeRule: { kind: 'PER_COPY', copiesField: 'soBan' }, feeExemptions: [] }).rule).toEqual({ kind: 'PER_COPY', copiesField: 'soBan' })
    expect(feeScheduleOf({ feeVnd: 1, feeRule: { kind: 'NOPE' }, feeExemptions: 'x' })).toEqual({ feeVnd: 1, rule: { kind: 'FIXED' }, exemptions: [] })
  })
})
