/**
 * One worked example per formula of the index (Decision 766 as summarised in shared/data/forms.md §3, copied into
 * the header of service-index.ts), computed by hand and checked against `computeServiceIndex` with the default
 * configuration: the counts, the ratio, the points and the sentence that explains them.
 */
import { describe, expect, it } from 'vitest'
import { computeServiceIndex, DEFAULT_SERVICE_INDEX_CONFIG, MEASURE_KEYS, type MeasureKey, type ServiceIndexInput } from './service-index'

const NBSP = '\u00a0'

type Example = {
  criterion: string
  input: ServiceIndexInput
  numerator: number
  denominator: number
  /** The ratio as a fraction, written as the hand computation does. */
  ratio: number
  /** Points earned, by hand: weight × ratio (or × ratio / target, capped at the weight). */
  earned: number
  weight: number
  /** The explanation's calculation, in Vietnamese. */
  calculationVi: string
}

const EXAMPLES: Record<MeasureKey, Example> = {
  // Group 1 (18 points), 4 of them: procedures updated and published on time / all procedures.
  PROCEDURES_PUBLISHED_ON_TIME: {
    criterion: 'proceduresPublishedOnTime',
    input: { publication: { procedures: 34, publishedOnTime: 30 } },
    numerator: 30,
    denominator: 34,
    ratio: 30 / 34,
    earned: (4 * 30) / 34, // 3.529…
    weight: 4,
    calculationVi: `Thủ tục được cập nhật, công bố, công khai đúng hạn / tổng số thủ tục = 30 / 34 = 88,24${NBSP}% → 3,53 / 4 điểm`,
  },
  // Group 2 (20 points): dossiers settled early or on time / all settled.
  DOSSIERS_SETTLED_ON_TIME: {
    criterion: 'dossiersSettledOnTime',
    input: { settlement: { early: 120, onTime: 60, late: 20 } },
    numerator: 180,
    denominator: 200,
    ratio: 0.9,
    earned: 18,
    weight: 20,
    calculationVi: `Hồ sơ giải quyết trước hạn và đúng hạn / tổng hồ sơ đã giải quyết = 180 / 200 = 90${NBSP}% → 18 / 20 điểm (180 = 120 trước hạn + 60 đúng hạn)`,
  },
  // Group 3 (22, unconfirmed): dossiers with electronic documents / all received (11 points, default).
  DOSSIERS_DIGITISED: {
    criterion: 'dossiersDigitised',
    input: { dossierDigitisation: { received: 250, withElectronicFiles: 200 } },
    numerator: 200,
    denominator: 250,
    ratio: 0.8,
    earned: 8.8,
    weight: 11,
    calculationVi: `Hồ sơ có thành phần hồ sơ điện tử (đã số hóa) / tổng hồ sơ tiếp nhận = 200 / 250 = 80${NBSP}% → 8,8 / 11 điểm`,
  },
  // Group 3: results issued electronically / all results issued (11 points, default).
  RESULTS_ELECTRONIC: {
    criterion: 'resultsElectronic',
    input: { resultDigitisation: { issued: 80, electronic: 20 } },
    numerator: 20,
    denominator: 80,
    ratio: 0.25,
    earned: 2.75,
    weight: 11,
    calculationVi: `Kết quả giải quyết cấp bản điện tử / tổng kết quả đã cấp = 20 / 80 = 25${NBSP}% → 2,75 / 11 điểm`,
  },
  // Group 4 (22, unconfirmed): procedures offered online / all procedures (6 points, default).
  PROCEDURES_ONLINE: {
    criterion: 'proceduresOnline',
    input: { onlineProcedures: { procedures: 34, offeredOnline: 34 } },
    numerator: 34,
    denominator: 34,
    ratio: 1,
    earned: 6,
    weight: 6,
    calculationVi: `Thủ tục cung cấp dịch vụ công trực tuyến / tổng số thủ tục = 34 / 34 = 100${NBSP}% → 6 / 6 điểm`,
  },
  // Group 4: dossiers submitted online / all received (8 points, default).
  DOSSIERS_ONLINE: {
    criterion: 'dossiersOnline',
    input: { onlineDossiers: { received: 250, online: 100 } },
    numerator: 100,
    denominator: 250,
    ratio: 0.4,
    earned: 3.2,
    weight: 8,
    calculationVi: `Hồ sơ nộp trực tuyến / tổng hồ sơ tiếp nhận = 100 / 250 = 40${NBSP}% → 3,2 / 8 điểm`,
  },
  // Group 4: dossiers whose fee was paid online / all dossiers with a fee (8 points, default).
  FEES_PAID_ONLINE: {
    criterion: 'feesPaidOnline',
    input: { onlinePayment: { feeDossiers: 50, paidOnline: 45 } },
    numerator: 45,
    denominator: 50,
    ratio: 0.9,
    earned: 7.2,
    weight: 8,
    calculationVi: `Hồ sơ thanh toán phí, lệ phí trực tuyến / tổng hồ sơ có phí, lệ phí = 45 / 50 = 90${NBSP}% → 7,2 / 8 điểm`,
  },
  // Group 5 (18): satisfied ratings / all ratings, full 6 points from the 90 % default target.
  RATINGS_SATISFIED: {
    criterion: 'ratingsSatisfied',
    input: { ratings: { count: 40, satisfied: 27 } },
    numerator: 27,
    denominator: 40,
    ratio: 0.675,
    earned: (6 * 67.5) / 90, // 4.5
    weight: 6,
    calculationVi: `Lượt đánh giá hài lòng (4–5 sao) / tổng lượt đánh giá = 27 / 40 = 67,5${NBSP}% → 4,5 / 6 điểm`,
  },
  // Group 5: feedback handled on or before its deadline / all feedback within the unit's competence.
  FEEDBACK_ON_TIME: {
    criterion: 'feedbackOnTime',
    input: { feedback: { total: 20, onTime: 15, unsatisfied: 4 } },
    numerator: 15,
    denominator: 20,
    ratio: 0.75,
    earned: 4.5,
    weight: 6,
    calculationVi: `Phản ánh, kiến nghị xử lý đúng hạn / tổng phản ánh, kiến nghị thuộc thẩm quyền = 15 / 20 = 75${NBSP}% → 4,5 / 6 điểm`,
  },
  // Group 5: (all feedback − unsatisfied or complaining of lateness) / all feedback.
  FEEDBACK_SATISFIED: {
    criterion: 'feedbackSatisfied',
    input: { feedback: { total: 20, onTime: 15, unsatisfied: 4 } },
    numerator: 16,
    denominator: 20,
    ratio: 0.8,
    earned: 4.8,
    weight: 6,
    calculationVi: `(Tổng phản ánh, kiến nghị − số bị đánh giá không hài lòng hoặc phàn nàn xử lý chậm) / tổng phản ánh, kiến nghị = 16 / 20 = 80${NBSP}% → 4,8 / 6 điểm (16 = 20 − 4 không hài lòng)`,
  },
}

function criterionOf(input: ServiceIndexInput, key: string) {
  const found = computeServiceIndex(input).groups.flatMap((group) => group.criteria).find((criterion) => criterion.key === key)
  if (!found) throw new Error(`no criterion ${key}`)
  return found
}

describe('each formula of the index, against a worked example', () => {
  it('has an example for every formula of the catalogue, each used by the default configuration', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...MEASURE_KEYS].sort())
    const configured = DEFAULT_SERVICE_INDEX_CONFIG.groups.flatMap((group) => group.criteria).flatMap((criterion) => (criterion.measure ? [[criterion.measure, criterion.key]] : []))
    expect(Object.fromEntries(configured)).toEqual(Object.fromEntries(MEASURE_KEYS.map((measure) => [measure, EXAMPLES[measure].criterion])))
  })

  for (const measure of MEASURE_KEYS) {
    const example = EXAMPLES[measure]
    it(`${measure}: ${example.numerator} / ${example.denominator}`, () => {
      const criterion = criterionOf(example.input, example.criterion)
      expect(criterion).toMatchObject({ measure, status: 'COMPUTED', numerator: example.numerator, denominator: example.denominator, points: example.weight })
      expect(criterion.ratio).toBeCloseTo(example.ratio, 12)
      expect(criterion.earned).toBeCloseTo(example.earned, 12)
      expect(criterion.explanation.calculation.vi).toBe(example.calculationVi)
    })
  }

  it('adds the ten examples up to the index: earned / computable points × 100', () => {
    const all: ServiceIndexInput = Object.assign({}, ...Object.values(EXAMPLES).map((example) => example.input))
    const result = computeServiceIndex(all)
    const earned = Object.values(EXAMPLES).reduce((sum, example) => sum + example.earned, 0) // 63.279…
    expect(result.earned).toBeCloseTo(earned, 10)
    // 100 − the 14 points of group 1 whose criteria are unknown.
    expect(result.maxComputable).toBe(86)
    expect(result.score).toBeCloseTo((earned / 86) * 100, 10) // 73.58…
    expect(result.groups.map((group) => [group.key, group.maxComputable])).toEqual([
      ['publicity', 4],
      ['progress', 20],
      ['digitisation', 22],
      ['onlineServices', 22],
      ['satisfaction', 18],
    ])
    expect(result.groups.find((group) => group.key === 'satisfaction')?.earned).toBeCloseTo(4.5 + 4.5 + 4.8, 12)
  })

  it('MotCua today: no publication deadline and no feedback module, so 30 points are left out (4 + 14 + 6 + 6)', () => {
    const all: ServiceIndexInput = Object.assign({}, ...Object.values(EXAMPLES).map((example) => example.input))
    const result = computeServiceIndex({ ...all, publication: null, feedback: null })
    const earned = 18 + 8.8 + 2.75 + 6 + 3.2 + 7.2 + 4.5
    expect(result.maxComputable).toBe(70)
    expect(result.earned).toBeCloseTo(earned, 12)
    expect(result.score).toBeCloseTo((earned / 70) * 100, 12) // 72.07…
    expect(result.excluded.map((item) => [item.criterionKey, item.status])).toEqual([
      ['proceduresPublishedOnTime', 'NOT_AVAILABLE'],
      ['publicityOther', 'NOT_AVAILABLE'],
      ['feedbackOnTime', 'NOT_AVAILABLE'],
      ['feedbackSatisfied', 'NOT_AVAILABLE'],
    ])
  })
})
