import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import {
  combineIndexInputs,
  computeServiceIndex,
  DEFAULT_SERVICE_INDEX_CONFIG,
  explainServiceIndex,
  formatPercent,
  formatPoints,
  improveInput,
  INPUT_SECTIONS,
  listUnconfirmed,
  parseServiceIndexConfig,
  roundForDisplay,
  scoreServiceIndex,
  simulateImprovements,
  type CriterionResult,
  type ServiceIndexConfigInput,
  type ServiceIndexInput,
  type ServiceIndexResult,
} from './service-index'

const NBSP = '\u00a0'

function criterion(result: ServiceIndexResult, key: string): CriterionResult {
  const found = result.groups.flatMap((group) => group.criteria).find((entry) => entry.key === key)
  if (!found) throw new Error(`no criterion ${key}`)
  return found
}

function group(result: ServiceIndexResult, key: string) {
  const found = result.groups.find((entry) => entry.key === key)
  if (!found) throw new Error(`no group ${key}`)
  return found
}

/** A commune with every section our system records (no feedback module), used by the worked examples. */
const COMMUNE: ServiceIndexInput = {
  publication: { procedures: 10, publishedOnTime: 9 },
  settlement: { early: 1_000, onTime: 234, late: 66 },
  dossierDigitisation: { received: 500, withElectronicFiles: 450 },
  resultDigitisation: { issued: 400, electronic: 380 },
  onlineProcedures: { procedures: 40, offeredOnline: 30 },
  onlineDossiers: { received: 500, online: 300 },
  onlinePayment: { feeDossiers: 120, paidOnline: 90 },
  ratings: { count: 200, satisfied: 171 },
}
const FEEDBACK = { total: 40, onTime: 36, unsatisfied: 3 }

const provenance = { points: 'DEFAULT_UNVERIFIED', formula: 'DEFAULT_UNVERIFIED', scoring: 'DEFAULT_UNVERIFIED' } as const
const names = (text: string) => ({ vi: text, en: text })

/** A two-criterion configuration (on time 60 + online 40) whose on-time scoring the test chooses. */
function smallConfig(onTimeScoring: unknown, extra: Partial<Record<'onTimePoints' | 'onlinePoints', number>> = {}): ServiceIndexConfigInput {
  const onTimePoints = extra.onTimePoints ?? 60
  const onlinePoints = extra.onlinePoints ?? 40
  return {
    id: 'test',
    name: names('Test'),
    basis: names('Test'),
    groups: [
      {
        key: 'progress',
        name: names('Progress'),
        points: onTimePoints,
        pointsSource: 'DEFAULT_UNVERIFIED',
        criteria: [{ key: 'onTime', name: names('On time'), points: onTimePoints, measure: 'DOSSIERS_SETTLED_ON_TIME', scoring: onTimeScoring, provenance }],
      },
      {
        key: 'online',
        name: names('Online'),
        points: onlinePoints,
        pointsSource: 'DEFAULT_UNVERIFIED',
        criteria: [{ key: 'online', name: names('Online'), points: onlinePoints, measure: 'DOSSIERS_ONLINE', scoring: { kind: 'LINEAR', fullAtPercent: 100 }, provenance }],
      },
    ],
  } as ServiceIndexConfigInput
}

function configErrors(raw: unknown): Record<string, string[]> {
  try {
    parseServiceIndexConfig(raw)
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('INVALID_INPUT')
    return (error as AppError).fieldErrors ?? {}
  }
  throw new Error('configuration was accepted')
}

/** The default configuration as plain, editable data. */
function defaultRaw(): ServiceIndexConfigInput {
  return JSON.parse(JSON.stringify(DEFAULT_SERVICE_INDEX_CONFIG)) as ServiceIndexConfigInput
}

describe('DEFAULT_SERVICE_INDEX_CONFIG (Decision 766 as summarised in forms.md §3)', () => {
  it('has the five groups and weights of the summaries, 100 points in all', () => {
    const config = DEFAULT_SERVICE_INDEX_CONFIG
    expect(config.groups.map((entry) => [entry.key, entry.points, entry.pointsSource])).toEqual([
      ['publicity', 18, 'DECISION_SUMMARY'],
      ['progress', 20, 'DECISION_SUMMARY'],
      ['digitisation', 22, 'UNCONFIRMED'],
      ['onlineServices', 22, 'UNCONFIRMED'],
      ['satisfaction', 18, 'DECISION_SUMMARY'],
    ])
    const publication = config.groups[0]?.criteria[0]
    expect(publication).toMatchObject({ key: 'proceduresPublishedOnTime', points: 4, provenance: { points: 'DECISION_SUMMARY', formula: 'DECISION_SUMMARY' } })
    expect(config.groups[1]?.criteria.map((entry) => [entry.key, entry.points, entry.provenance.formula])).toEqual([['dossiersSettledOnTime', 20, 'DECISION_SUMMARY']])
    expect(config.groups[4]?.criteria.map((entry) => entry.measure)).toEqual(['FEEDBACK_ON_TIME', 'FEEDBACK_SATISFIED', 'RATINGS_SATISFIED'])
  })

  it('lists for the admin screen everything the summaries do not state', () => {
    const items = listUnconfirmed(DEFAULT_SERVICE_INDEX_CONFIG)
    expect(items.every((item) => item.status !== ('DECISION_SUMMARY' as string))).toBe(true)
    // The 22 + 22 split of groups 3 and 4 is the one weight marked UNCONFIRMED.
    expect(items.filter((item) => item.aspect === 'points' && !item.criterionKey)).toEqual([
      { groupKey: 'digitisation', aspect: 'points', status: 'UNCONFIRMED', note: expect.any(Object) },
      { groupKey: 'onlineServices', aspect: 'points', status: 'UNCONFIRMED', note: expect.any(Object) },
    ])
    expect(items).toContainEqual({ groupKey: 'publicity', criterionKey: 'publicityOther', aspect: 'formula', status: 'UNCONFIRMED', note: expect.any(Object) })
    expect(items).toContainEqual({ groupKey: 'satisfaction', criterionKey: 'ratingsSatisfied', aspect: 'scoring', status: 'DEFAULT_UNVERIFIED', note: expect.any(Object) })
    // What the summaries state is not flagged: the on-time formula and its 20 points.
    expect(items.filter((item) => item.criterionKey === 'dossiersSettledOnTime').map((item) => item.aspect)).toEqual(['scoring'])
  })
})

describe('formulas, worked examples', () => {
  it('group 2: dossiers settled early or on time / all settled, in proportion to 20 points', () => {
    const result = computeServiceIndex({ settlement: { early: 1_000, onTime: 234, late: 66 } })
    const onTime = criterion(result, 'dossiersSettledOnTime')
    expect(onTime).toMatchObject({ status: 'COMPUTED', numerator: 1_234, denominator: 1_300, points: 20 })
    expect(onTime.ratio).toBe(1_234 / 1_300)
    expect(onTime.earned).toBeCloseTo(18.984615, 6)
    expect(onTime.explanation.calculation.vi).toBe(
      `Hồ sơ giải quyết trước hạn và đúng hạn / tổng hồ sơ đã giải quyết = 1.234 / 1.300 = 94,92${NBSP}% → 18,98 / 20 điểm (1.234 = 1.000 trước hạn + 234 đúng hạn)`,
    )
    expect(onTime.explanation.calculation.en).toBe(
      'Dossiers settled early or on time / all dossiers settled = 1,234 / 1,300 = 94.92% → 18.98 / 20 points (1,234 = 1,000 early + 234 on time)',
    )
    expect(onTime.explanation.formula?.vi).toBe(`Hồ sơ giải quyết trước hạn và đúng hạn / tổng hồ sơ đã giải quyết × 100${NBSP}%`)
    expect(onTime.explanation.scoring?.en).toBe('points in proportion to the ratio, full 20 points from 100%')
    // Only this criterion has data: the index is its share of its own 20 points.
    expect(result.maxComputable).toBe(20)
    expect(result.score).toBeCloseTo(94.923077, 6)
  })

  it('group 5: the three satisfaction ratios of the decision', () => {
    const result = computeServiceIndex({ feedback: FEEDBACK, ratings: { count: 200, satisfied: 171 } })
    // Feedback handled on time = handled on or before the deadline / all feedback within competence.
    const onTime = criterion(result, 'feedbackOnTime')
    expect([onTime.numerator, onTime.denominator, onTime.ratio]).toEqual([36, 40, 0.9])
    expect(onTime.earned).toBeCloseTo(5.4, 10)
    // Satisfaction with feedback = (all − unsatisfied or complaining of lateness) / all.
    const satisfied = criterion(result, 'feedbackSatisfied')
    expect([satisfied.numerator, satisfied.denominator, satisfied.ratio]).toEqual([37, 40, 0.925])
    expect(satisfied.earned).toBeCloseTo(5.55, 10)
    expect(satisfied.explanation.calculation.vi).toContain(`= 37 / 40 = 92,5${NBSP}% → 5,55 / 6 điểm (37 = 40 − 3 không hài lòng)`)
    // Ratings: satisfied (4–5 stars) / all ratings, full points from the 90 % default target.
    const ratings = criterion(result, 'ratingsSatisfied')
    expect([ratings.numerator, ratings.denominator, ratings.ratio]).toEqual([171, 200, 0.855])
    expect(ratings.earned).toBeCloseTo((6 * 85.5) / 90, 10)
    expect(ratings.explanation.scoring?.vi).toBe(`điểm tỷ lệ thuận với tỷ lệ, đủ 6 điểm khi đạt 90${NBSP}%`)
    expect(group(result, 'satisfaction')).toMatchObject({ points: 18, maxComputable: 18 })
    expect(group(result, 'satisfaction').earned).toBeCloseTo(16.65, 10)
  })

  it('caps a ratio above its target at the full points', () => {
    const result = computeServiceIndex({ ratings: { count: 200, satisfied: 190 } })
    expect(criterion(result, 'ratingsSatisfied').earned).toBe(6)
  })

  it('group 1: procedures published on time, the other 14 points not computable', () => {
    const result = computeServiceIndex({ publication: { procedures: 10, publishedOnTime: 9 } })
    expect(criterion(result, 'proceduresPublishedOnTime')).toMatchObject({ status: 'COMPUTED', ratio: 0.9, points: 4 })
    expect(criterion(result, 'proceduresPublishedOnTime').earned).toBeCloseTo(3.6, 10)
    const other = criterion(result, 'publicityOther')
    expect(other).toMatchObject({ status: 'NOT_AVAILABLE', earned: null, ratio: null, points: 14 })
    expect(other.explanation.calculation.vi).toBe('Chưa có công thức cho tiêu chí này: 14 điểm không tính vào tổng.')
    expect(group(result, 'publicity')).toMatchObject({ points: 18, maxComputable: 4, score: 90 })
  })

  it('groups 3 and 4: digitisation, online service and online payment', () => {
    const result = computeServiceIndex(COMMUNE)
    const earned = (key: string) => criterion(result, key).earned
    expect(earned('dossiersDigitised')).toBeCloseTo(9.9, 10) // 450 / 500 = 90 % of 11
    expect(earned('resultsElectronic')).toBeCloseTo(10.45, 10) // 380 / 400 = 95 % of 11
    expect(earned('proceduresOnline')).toBeCloseTo(4.5, 10) // 30 / 40 = 75 % of 6
    expect(earned('dossiersOnline')).toBeCloseTo(4.8, 10) // 300 / 500 = 60 % of 8
    expect(earned('feesPaidOnline')).toBeCloseTo(6, 10) // 90 / 120 = 75 % of 8
    expect(criterion(result, 'feesPaidOnline').explanation.calculation.en).toBe(
      'Dossiers whose fee was paid online / all dossiers with a fee = 90 / 120 = 75% → 6 / 8 points',
    )
  })

  it('adds up the whole index, out of the computable points', () => {
    const result = computeServiceIndex({ ...COMMUNE, feedback: FEEDBACK })
    const earned = 3.6 + (20 * 1_234) / 1_300 + 9.9 + 10.45 + 4.5 + 4.8 + 6 + 5.4 + 5.55 + (6 * 85.5) / 90
    expect(result.earned).toBeCloseTo(earned, 9)
    expect(result.maxComputable).toBe(86) // 100 − the 14 points of group 1 without a formula
    expect(result.maxPoints).toBe(100)
    expect(result.score).toBeCloseTo((earned / 86) * 100, 9)
    expect(result.excluded).toEqual([{ groupKey: 'publicity', criterionKey: 'publicityOther', name: expect.any(Object), points: 14, status: 'NOT_AVAILABLE' }])
    expect(result.explanation.vi).toBe(
      `${formatPoints(earned)} / 86 điểm tính được = ${formatPoints((earned / 86) * 100)} / 100. Không tính 14 điểm: Các tiêu chí công khai, minh bạch khác (14).`,
    )
    expect(result.configId).toBe('qd766-summary-2026')
  })

  it('scores a linear curve that starts above 0 %', () => {
    const config = parseServiceIndexConfig(smallConfig({ kind: 'LINEAR', zeroAtPercent: 50, fullAtPercent: 100 }))
    const onTime = (onTimeCount: number, late: number) => criterion(computeServiceIndex({ settlement: { early: 0, onTime: onTimeCount, late } }, config), 'onTime').earned
    expect(onTime(75, 25)).toBe(30) // halfway between 50 % and 100 % of 60 points
    expect(onTime(50, 50)).toBe(0)
    expect(onTime(40, 60)).toBe(0)
    expect(onTime(100, 0)).toBe(60)
    expect(criterion(computeServiceIndex({ settlement: { early: 0, onTime: 1, late: 1 } }, config), 'onTime').explanation.scoring?.en).toBe(
      '0 points up to 50%, rising evenly to full 60 points at 100%',
    )
  })

  it('scores thresholds exactly at their boundaries', () => {
    const config = parseServiceIndexConfig(
      smallConfig({
        kind: 'THRESHOLDS',
        steps: [
          { atLeastPercent: 90, points: 60 },
          { atLeastPercent: 70, points: 30 },
          { atLeastPercent: 29, points: 10 },
        ],
      }),
    )
    const onTime = (onTimeCount: number, late: number) => criterion(computeServiceIndex({ settlement: { early: 0, onTime: onTimeCount, late } }, config), 'onTime').earned
    expect(onTime(9, 1)).toBe(60) // exactly 90 %
    expect(onTime(8_999, 1_001)).toBe(30) // 89,99 %
    expect(onTime(7, 3)).toBe(30) // exactly 70 %
    // 29 / 100 × 100 is 28.999999999999996 in floating point: the comparison is done in integers.
    expect(onTime(29, 71)).toBe(10)
    expect(onTime(28, 72)).toBe(0)
    expect(criterion(computeServiceIndex({ settlement: { early: 0, onTime: 9, late: 1 } }, config), 'onTime').explanation.scoring?.vi).toBe(
      `≥ 90${NBSP}%: 60 điểm; ≥ 70${NBSP}%: 30 điểm; ≥ 29${NBSP}%: 10 điểm; thấp hơn: 0 điểm`,
    )
  })
})

describe('scoreServiceIndex and explainServiceIndex', () => {
  it('gives the same figures as computeServiceIndex, without the texts', () => {
    const figures = scoreServiceIndex({ ...COMMUNE, feedback: FEEDBACK })
    const explained = computeServiceIndex({ ...COMMUNE, feedback: FEEDBACK })
    expect(figures).not.toHaveProperty('explanation')
    expect(explained).toMatchObject(figures)
    expect(explainServiceIndex(figures, DEFAULT_SERVICE_INDEX_CONFIG)).toEqual(explained)
  })

  it('refuses to explain figures with another configuration', () => {
    const other = parseServiceIndexConfig(smallConfig({ kind: 'LINEAR', fullAtPercent: 100 }))
    expect(() => explainServiceIndex(scoreServiceIndex(COMMUNE), other)).toThrow(AppError)
  })
})

describe('figures the period or the system does not have', () => {
  it('gives NO_DATA, not 100 % nor 0 %, when the denominator is 0, and leaves its points out', () => {
    const result = computeServiceIndex({ ...COMMUNE, settlement: { early: 0, onTime: 0, late: 0 } })
    const onTime = criterion(result, 'dossiersSettledOnTime')
    expect(onTime).toMatchObject({ status: 'NO_DATA', numerator: 0, denominator: 0, ratio: null, earned: null })
    expect(onTime.explanation.calculation.vi).toBe('Không có hồ sơ nào được giải quyết trong kỳ (mẫu số = 0): chưa có dữ liệu để tính, 20 điểm không tính vào tổng.')
    expect(onTime.explanation.calculation.en).toBe('No dossier was settled in the period (denominator = 0): nothing to compute, its 20 points are left out.')
    expect(result.maxComputable).toBe(100 - 14 - 12 - 20)
    expect(result.excluded.map((item) => [item.criterionKey, item.status])).toEqual([
      ['publicityOther', 'NOT_AVAILABLE'],
      ['dossiersSettledOnTime', 'NO_DATA'],
      ['feedbackOnTime', 'NOT_AVAILABLE'],
      ['feedbackSatisfied', 'NOT_AVAILABLE'],
    ])
    expect(group(result, 'progress')).toMatchObject({ earned: 0, maxComputable: 0, score: null })
  })

  it('gives NOT_AVAILABLE for a section the system does not record (no feedback module), absent or null', () => {
    for (const input of [COMMUNE, { ...COMMUNE, feedback: null }]) {
      const result = computeServiceIndex(input)
      expect(criterion(result, 'feedbackOnTime')).toMatchObject({ status: 'NOT_AVAILABLE', numerator: null, denominator: null, earned: null })
      expect(criterion(result, 'feedbackSatisfied').explanation.calculation.vi).toBe(
        'Hệ thống chưa ghi nhận phản ánh, kiến nghị (chưa có phân hệ này). 6 điểm không tính vào tổng.',
      )
      expect(result.maxComputable).toBe(74)
      expect(result.score).toBeCloseTo((result.earned / 74) * 100, 12)
      expect(result.explanation.en).toContain('26 points left out: Other publicity and transparency criteria (14); Share of feedback handled on time (6); Satisfaction with the handling of feedback (6).')
    }
  })

  it('has no score when nothing can be computed', () => {
    const result = computeServiceIndex({})
    expect(result).toMatchObject({ score: null, earned: 0, maxComputable: 0 })
    expect(result.excluded).toHaveLength(11)
    expect(result.explanation.vi).toMatch(/^Chưa tính được chỉ số: không tiêu chí nào có dữ liệu/)
  })
})

describe('input validation', () => {
  const invalid = (input: unknown) => {
    try {
      computeServiceIndex(input as ServiceIndexInput)
    } catch (error) {
      expect(error).toBeInstanceOf(AppError)
      return (error as AppError).fieldErrors
    }
    throw new Error('input was accepted')
  }

  it('refuses a part larger than its whole, negative, fractional or unknown counts', () => {
    expect(invalid({ ratings: { count: 10, satisfied: 11 } })).toEqual({ 'ratings.satisfied': ['PART_EXCEEDS_WHOLE'] })
    expect(invalid({ feedback: { total: 5, onTime: 6, unsatisfied: 6 } })).toEqual({ 'feedback.onTime': ['PART_EXCEEDS_WHOLE'], 'feedback.unsatisfied': ['PART_EXCEEDS_WHOLE'] })
    expect(invalid({ settlement: { early: -1, onTime: 0, late: 0 } })).toEqual({ 'settlement.early': ['COUNT_NEGATIVE'] })
    expect(invalid({ settlement: { early: 1.5, onTime: 0, late: 0 } })).toEqual({ 'settlement.early': ['COUNT_INTEGER'] })
    expect(invalid({ settlement: { early: 1, onTime: 0, late: 0, total: 1 } })).toHaveProperty('settlement')
    expect(invalid({ complaints: { total: 1 } })).toHaveProperty('form')
  })
})

describe('configuration validation', () => {
  it('accepts the default, and weights in hundredths that add up to exactly 100', () => {
    expect(() => parseServiceIndexConfig(defaultRaw())).not.toThrow()
    const config = smallConfig({ kind: 'LINEAR', fullAtPercent: 100 }, { onTimePoints: 66.67, onlinePoints: 33.33 })
    expect(parseServiceIndexConfig(config).groups.map((entry) => entry.points)).toEqual([66.67, 33.33])
  })

  it('refuses weights that do not add up to 100', () => {
    expect(configErrors(smallConfig({ kind: 'LINEAR', fullAtPercent: 100 }, { onTimePoints: 60, onlinePoints: 39 }))).toEqual({ groups: ['POINTS_SUM_NOT_100'] })
    const raw = defaultRaw()
    raw.groups[2]!.points = 23
    raw.groups[2]!.criteria[0]!.points = 12
    expect(configErrors(raw)).toEqual({ groups: ['POINTS_SUM_NOT_100'] })
  })

  it("refuses a group whose criteria do not add up to the group's points", () => {
    const raw = defaultRaw()
    raw.groups[0]!.criteria[1]!.points = 13
    expect(configErrors(raw)).toEqual({ 'groups.0.points': ['GROUP_POINTS_MISMATCH'] })
  })

  it('refuses duplicate keys and a formula scored twice', () => {
    const raw = defaultRaw()
    raw.groups[2]!.criteria[1]!.key = 'dossiersDigitised'
    raw.groups[3]!.criteria[1]!.measure = 'DOSSIERS_DIGITISED'
    expect(configErrors(raw)).toEqual({ 'groups.2.criteria.1.key': ['DUPLICATE_KEY'], 'groups.3.criteria.1.measure': ['DUPLICATE_MEASURE'] })
  })

  it('refuses bad scoring rules', () => {
    expect(configErrors(smallConfig({ kind: 'LINEAR', zeroAtPercent: 80, fullAtPercent: 80 }))).toEqual({ 'groups.0.criteria.0.scoring.fullAtPercent': ['LINEAR_RANGE'] })
    expect(configErrors(smallConfig({ kind: 'LINEAR', fullAtPercent: 101 }))).toEqual({ 'groups.0.criteria.0.scoring.fullAtPercent': ['PERCENT_RANGE'] })
    expect(configErrors(smallConfig({ kind: 'LINEAR', fullAtPercent: 90.125 }))).toEqual({ 'groups.0.criteria.0.scoring.fullAtPercent': ['PERCENT_PRECISION'] })
    expect(
      configErrors(
        smallConfig({
          kind: 'THRESHOLDS',
          steps: [
            { atLeastPercent: 90, points: 50 },
            { atLeastPercent: 95, points: 55 },
          ],
        }),
      ),
    ).toEqual({
      'groups.0.criteria.0.scoring.steps.0.points': ['THRESHOLDS_TOP'],
      'groups.0.criteria.0.scoring.steps.1.atLeastPercent': ['THRESHOLDS_ORDER'],
      'groups.0.criteria.0.scoring.steps.1.points': ['THRESHOLDS_NOT_MONOTONE'],
    })
    expect(configErrors(smallConfig({ kind: 'THRESHOLDS', steps: [] }))).toEqual({ 'groups.0.criteria.0.scoring.steps': ['THRESHOLDS_EMPTY'] })
    expect(configErrors(smallConfig(null))).toEqual({ 'groups.0.criteria.0.scoring': ['SCORING_REQUIRED'] })
  })

  it('refuses zero or negative weights, unknown formulas and unknown sources', () => {
    const raw = defaultRaw()
    raw.groups[1]!.criteria[0]!.points = 0
    expect(configErrors(raw)).toMatchObject({ 'groups.1.criteria.0.points': ['POINTS_POSITIVE'] })
    const unknown = defaultRaw() as unknown as { groups: { criteria: { measure: string; provenance: { points: string } }[] }[] }
    unknown.groups[1]!.criteria[0]!.measure = 'AVERAGE_WAIT'
    unknown.groups[1]!.criteria[0]!.provenance.points = 'RUMOUR'
    expect(Object.keys(configErrors(unknown)).sort()).toEqual(['groups.1.criteria.0.measure', 'groups.1.criteria.0.provenance.points'])
  })
})

describe('simulateImprovements', () => {
  it('ranks the criteria by the points reaching their target would add, with the dossiers needed', () => {
    const improvements = simulateImprovements(COMMUNE)
    expect(improvements.map((item) => [item.criterionKey, item.extraUnits, roundForDisplay(item.gain)])).toEqual([
      ['dossiersOnline', 200, 3.2], // 300 → 500 of 500 online: 4,8 → 8
      ['feesPaidOnline', 30, 2], // 90 → 120 of 120: 6 → 8
      ['proceduresOnline', 10, 1.5], // 30 → 40 of 40: 4,5 → 6
      ['dossiersDigitised', 50, 1.1], // 450 → 500 of 500: 9,9 → 11
      ['dossiersSettledOnTime', 66, 1.02], // the 66 late ones on time: 18,98 → 20
      ['resultsElectronic', 20, 0.55],
      ['proceduresPublishedOnTime', 1, 0.4],
      ['ratingsSatisfied', 9, 0.3], // 171 → 180 of 200 = the 90 % target
    ])
    const first = improvements[0]!
    expect(first.before).toEqual({ numerator: 300, denominator: 500, ratio: 0.6, earned: 4.8 })
    expect(first.after).toEqual({ numerator: 500, denominator: 500, ratio: 1, earned: 8 })
    const base = computeServiceIndex(COMMUNE)
    expect(first.scoreBefore).toBe(base.score)
    expect(first.scoreAfter).toBeCloseTo(((base.earned + 3.2) / 74) * 100, 9)
    expect(first.text.vi).toBe(
      `200 hồ sơ nữa được nộp trực tuyến (thay vì trực tiếp) sẽ thêm 3,2 điểm (60${NBSP}% → 100${NBSP}%; 4,8 → 8 / 8 điểm; chỉ số ${formatPoints(base.score!)} → ${formatPoints(first.scoreAfter)})`,
    )
    const settled = improvements.find((item) => item.criterionKey === 'dossiersSettledOnTime')!
    expect(settled.text.en).toMatch(/^66 more dossiers settled on time \(instead of late\) would add 1\.02 points \(94\.92% → 100%; 18\.98 → 20 \/ 20 points;/)
  })

  it('in STEP mode raises each ratio by 10 points, capped at the target, and breaks ties by effort', () => {
    const improvements = simulateImprovements(COMMUNE, DEFAULT_SERVICE_INDEX_CONFIG, { mode: 'STEP' })
    expect(improvements.map((item) => [item.criterionKey, item.extraUnits, roundForDisplay(item.gain)])).toEqual([
      ['dossiersDigitised', 50, 1.1], // +10 points reaches 100 %
      ['dossiersSettledOnTime', 66, 1.02], // +10 points would be 130 dossiers: capped at the 66 late ones
      ['feesPaidOnline', 12, 0.8], // 75 % → 85 %; same gain as below, fewer dossiers first
      ['dossiersOnline', 50, 0.8], // 60 % → 70 %
      ['proceduresOnline', 4, 0.6],
      ['resultsElectronic', 20, 0.55],
      ['proceduresPublishedOnTime', 1, 0.4],
      ['ratingsSatisfied', 9, 0.3],
    ])
    expect(improvements.find((item) => item.criterionKey === 'feesPaidOnline')?.text.en).toMatch(/^12 more dossiers paid online would add 0\.8 points \(75% → 85%;/)
  })

  it('leaves out criteria that are not computed and says when one is already full', () => {
    const improvements = simulateImprovements({ settlement: { early: 5, onTime: 5, late: 0 }, onlineDossiers: { received: 0, online: 0 } })
    expect(improvements).toHaveLength(1)
    expect(improvements[0]).toMatchObject({ criterionKey: 'dossiersSettledOnTime', extraUnits: 0, gain: 0, text: { vi: 'Đã đạt đủ điểm tiêu chí này.', en: 'Already at full points.' } })
  })

  it('with thresholds, a step that does not reach the next level gains nothing', () => {
    const config = parseServiceIndexConfig(
      smallConfig({
        kind: 'THRESHOLDS',
        steps: [
          { atLeastPercent: 95, points: 60 },
          { atLeastPercent: 80, points: 30 },
        ],
      }),
    )
    const input = { settlement: { early: 0, onTime: 60, late: 40 }, onlineDossiers: { received: 10, online: 5 } }
    const step = simulateImprovements(input, config, { mode: 'STEP' })
    expect(step.map((item) => [item.criterionKey, item.extraUnits, item.gain])).toEqual([
      ['online', 1, 4], // 50 % → 60 % of 40 points
      ['onTime', 10, 0], // 60 % → 70 %: still below 80 %
    ])
    const target = simulateImprovements(input, config)
    expect(target.map((item) => [item.criterionKey, item.extraUnits, item.gain])).toEqual([
      ['onTime', 35, 60], // to 95 %
      ['online', 5, 20],
    ])
  })

  it('refuses a step outside (0, 100]', () => {
    expect(() => simulateImprovements(COMMUNE, DEFAULT_SERVICE_INDEX_CONFIG, { mode: 'STEP', stepPercent: 0 })).toThrow(AppError)
  })
})

describe('improveInput', () => {
  it('moves units to the side that meets the criterion, within the same denominator', () => {
    expect(improveInput(COMMUNE, 'DOSSIERS_SETTLED_ON_TIME', 6).settlement).toEqual({ early: 1_000, onTime: 240, late: 60 })
    expect(improveInput({ feedback: FEEDBACK }, 'FEEDBACK_SATISFIED', 2).feedback).toEqual({ total: 40, onTime: 36, unsatisfied: 1 })
    expect(improveInput(COMMUNE, 'FEES_PAID_ONLINE', 30).onlinePayment).toEqual({ feeDossiers: 120, paidOnline: 120 })
    expect(() => improveInput(COMMUNE, 'FEES_PAID_ONLINE', 31)).toThrow(AppError)
    expect(() => improveInput(COMMUNE, 'FEEDBACK_ON_TIME', 1)).toThrow(AppError)
  })
})

describe('combineIndexInputs (province)', () => {
  it('computes the province from summed counts, not from the mean of commune scores', () => {
    const small = { settlement: { early: 0, onTime: 9, late: 1 } }
    const large = { settlement: { early: 200, onTime: 300, late: 500 } }
    const province = combineIndexInputs([small, large])
    expect(province).toEqual({ settlement: { early: 200, onTime: 309, late: 501 } })
    const scores = [small, large].map((input) => computeServiceIndex(input).score!)
    expect(scores).toEqual([90, 50])
    // 509 of 1 010 settled on time: 50,4 %, not the 70 % a mean of the two scores would claim.
    expect(computeServiceIndex(province).score).toBeCloseTo((509 / 1_010) * 100, 10)
  })

  it('keeps a section only when every commune has it; no commune gives no section', () => {
    const combined = combineIndexInputs([{ ...COMMUNE, feedback: FEEDBACK }, COMMUNE])
    expect(combined.feedback).toBeUndefined()
    expect(combined.ratings).toEqual({ count: 400, satisfied: 342 })
    expect(combineIndexInputs([])).toEqual({})
  })
})

// ─────────────────────────────── Properties ───────────────────────────────

const partOf = (max: number) => fc.nat({ max }).chain((whole) => fc.tuple(fc.constant(whole), fc.nat({ max: whole })))
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 4 })

const settlementArbitrary = fc.record({ early: fc.nat({ max: 3_000 }), onTime: fc.nat({ max: 3_000 }), late: fc.nat({ max: 3_000 }) })
const inputArbitrary: fc.Arbitrary<ServiceIndexInput> = fc.record({
  publication: optional(partOf(80).map(([procedures, publishedOnTime]) => ({ procedures, publishedOnTime }))),
  settlement: optional(settlementArbitrary),
  dossierDigitisation: optional(partOf(5_000).map(([received, withElectronicFiles]) => ({ received, withElectronicFiles }))),
  resultDigitisation: optional(partOf(5_000).map(([issued, electronic]) => ({ issued, electronic }))),
  onlineProcedures: optional(partOf(80).map(([procedures, offeredOnline]) => ({ procedures, offeredOnline }))),
  onlineDossiers: optional(partOf(5_000).map(([received, online]) => ({ received, online }))),
  onlinePayment: optional(partOf(5_000).map(([feeDossiers, paidOnline]) => ({ feeDossiers, paidOnline }))),
  ratings: optional(partOf(1_000).map(([count, satisfied]) => ({ count, satisfied }))),
  feedback: optional(fc.nat({ max: 300 }).chain((total) => fc.record({ total: fc.constant(total), onTime: fc.nat({ max: total }), unsatisfied: fc.nat({ max: total }) }))),
})

const THRESHOLD_CONFIG = parseServiceIndexConfig(
  smallConfig({
    kind: 'THRESHOLDS',
    steps: [
      { atLeastPercent: 95, points: 60 },
      { atLeastPercent: 80, points: 45 },
      { atLeastPercent: 50, points: 10 },
    ],
  }),
)
const configArbitrary = fc.constantFrom(DEFAULT_SERVICE_INDEX_CONFIG, THRESHOLD_CONFIG)
const EPSILON = 1e-9

describe('properties', () => {
  it('the score is between 0 and 100, each criterion within its points, and every point is computed or listed as left out', () => {
    fc.assert(
      fc.property(inputArbitrary, configArbitrary, (input, config) => {
        const result = scoreServiceIndex(input, config)
        if (result.score !== null) {
          expect(result.score).toBeGreaterThanOrEqual(0)
          expect(result.score).toBeLessThanOrEqual(100 + EPSILON)
        } else {
          expect(result.maxComputable).toBe(0)
        }
        expect(result.earned).toBeLessThanOrEqual(result.maxComputable + EPSILON)
        expect(result.maxComputable + result.excluded.reduce((sum, item) => sum + item.points, 0)).toBeCloseTo(100, 9)
        for (const entry of result.groups.flatMap((g) => g.criteria)) {
          if (entry.status === 'COMPUTED') {
            expect(entry.earned).toBeGreaterThanOrEqual(0)
            expect(entry.earned).toBeLessThanOrEqual(entry.points)
          } else {
            expect(entry.earned).toBeNull()
          }
        }
      }),
    )
  })

  it('more dossiers settled on time never lower the score', () => {
    fc.assert(
      fc.property(inputArbitrary, settlementArbitrary, configArbitrary, fc.nat({ max: 50 }), (input, settlement, config, more) => {
        const before = scoreServiceIndex({ ...input, settlement }, config)
        // A late dossier settled on time instead…
        const moved = Math.min(more, settlement.late)
        const converted = scoreServiceIndex({ ...input, settlement: { ...settlement, onTime: settlement.onTime + moved, late: settlement.late - moved } }, config)
        expect(converted.score!).toBeGreaterThanOrEqual(before.score! - EPSILON)
        // …or more dossiers settled on time (including the first ones of a period that had none).
        const added = scoreServiceIndex({ ...input, settlement: { ...settlement, onTime: settlement.onTime + more } }, config)
        expect(added.score!).toBeGreaterThanOrEqual(before.score! - EPSILON)
      }),
    )
  })

  it('combining communes equals computing on the summed counts', () => {
    fc.assert(
      fc.property(fc.array(inputArbitrary, { minLength: 1, maxLength: 6 }), configArbitrary, (communes, config) => {
        const summed: ServiceIndexInput = {}
        for (const section of INPUT_SECTIONS) {
          if (communes.some((commune) => commune[section] == null)) continue
          const total: Record<string, number> = {}
          for (const commune of communes) for (const [field, value] of Object.entries(commune[section] ?? {})) total[field] = (total[field] ?? 0) + value
          ;(summed as Record<string, unknown>)[section] = total
        }
        const province = scoreServiceIndex(combineIndexInputs(communes), config)
        expect(province).toEqual(scoreServiceIndex(summed, config))
        // Each province ratio is made of the communes' numerators and denominators, whatever their order.
        const results = communes.map((commune) => scoreServiceIndex(commune, config))
        for (const [index, entry] of province.groups.flatMap((g) => g.criteria).entries()) {
          if (entry.denominator === null) continue
          const parts = results.map((result) => result.groups.flatMap((g) => g.criteria)[index]!)
          expect(entry.numerator).toBe(parts.reduce((sum, part) => sum + (part.numerator ?? 0), 0))
          expect(entry.denominator).toBe(parts.reduce((sum, part) => sum + (part.denominator ?? 0), 0))
        }
        expect(scoreServiceIndex(combineIndexInputs([...communes].reverse()), config)).toEqual(province)
      }),
    )
  })

  it('the simulator agrees with recomputing the improved counts, and is sorted by gain', () => {
    fc.assert(
      fc.property(inputArbitrary, configArbitrary, fc.constantFrom('TARGET' as const, 'STEP' as const), (input, config, mode) => {
        const improvements = simulateImprovements(input, config, { mode })
        const computed = scoreServiceIndex(input, config).groups.flatMap((g) => g.criteria).filter((entry) => entry.status === 'COMPUTED')
        expect(improvements).toHaveLength(computed.length)
        for (const [index, item] of improvements.entries()) {
          expect(item.gain).toBeGreaterThanOrEqual(0)
          if (index > 0) expect(item.gain).toBeLessThanOrEqual(improvements[index - 1]!.gain + EPSILON)
          const again = scoreServiceIndex(improveInput(input, item.measure, item.extraUnits), config)
          expect(again.score).toBeCloseTo(item.scoreAfter, 9)
          expect(item.scoreAfter).toBeGreaterThanOrEqual(item.scoreBefore - EPSILON)
          if (mode === 'TARGET') expect(item.after.earned).toBe(item.points)
        }
        expect(simulateImprovements(input, config, { mode })).toEqual(improvements)
      }),
    )
  })
})

describe('display helpers', () => {
  it('round to 2 decimals, the Vietnamese or English way', () => {
    expect(formatPercent(1_234 / 1_300)).toBe(`94,92${NBSP}%`)
    expect(formatPercent(1_234 / 1_300, 'en')).toBe('94.92%')
    expect(formatPoints(18.984615)).toBe('18,98')
    expect(formatPoints(1234.5, 'en')).toBe('1,234.5')
    expect(roundForDisplay(18.984615)).toBe(18.98)
  })
})
