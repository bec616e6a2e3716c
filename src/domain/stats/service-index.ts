import { z } from 'zod'
import { AppError, fieldErrorsOf } from '../errors'

/**
 * # Service-quality index ("Bộ chỉ số 766")
 *
 * Decision 766/QĐ-TTg of 23/6/2022 approves the index the national portal uses to rank how well units serve
 * people and businesses with administrative procedures ("Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng
 * phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi
 * trường điện tử"). This module computes the parts of it that our data can compute, per commune or for the
 * province, explains every figure, and simulates which criterion would raise a commune's score most. Pure: the
 * server passes counts for a period and a validated configuration.
 *
 * ## What the sources say (copied from the project's research notes, shared/data/forms.md §3, 2026)
 *
 * The text of the decision and its annex were NOT read. Secondary summaries (R2: vietjack.me page
 * "quyet-dinh-766-qd-ttg"; R3: baocaotaichinh.vn "quyet-dinh-766-qd-ttg-2022-…"; Đắk Lắk Directive
 * 012/CT-UBND of 26/11/2025) give:
 * - five groups, 100 points in total;
 * - group 1, publicity and transparency (Công khai, minh bạch): 18 points, of which 4 for the share of procedures
 *   updated and published on time;
 * - group 2, progress and results (Tiến độ, kết quả giải quyết): 20 points for dossiers settled on time
 *   (early or on time / all settled);
 * - groups 3, digitisation (Số hóa hồ sơ), and 4, online services incl. online payment (Cung cấp dịch vụ trực
 *   tuyến): 44 points together, often cited as 22 + 22 (unconfirmed);
 * - group 5, satisfaction (Mức độ hài lòng): 18 points from three ratios — feedback handled on time = feedback and
 *   petitions handled on or before their deadline / all feedback within the unit's competence × 100 %;
 *   satisfaction in handling feedback = (all feedback − those marked unsatisfied or complaining of late handling)
 *   / all feedback × 100 %; satisfaction in receiving and settling procedures, from citizens' ratings of their
 *   dossiers. Up to 6 of the 18 points depend on meeting the targets of Resolution 76/NQ-CP (15/7/2021).
 *
 * ## Unconfirmed — flag these on the admin screen (`listUnconfirmed` lists them from any configuration)
 *
 * | Item | Default here | Status |
 * |---|---|---|
 * | Group 3 / group 4 weights | 22 / 22 | UNCONFIRMED (only the sum 44 is stated) |
 * | Criteria inside group 3 | dossiers digitised 11, results issued electronically 11 | DEFAULT_UNVERIFIED |
 * | Criteria inside group 4 | procedures online 6, dossiers submitted online 8, fees paid online 8 | DEFAULT_UNVERIFIED |
 * | The other 14 points of group 1 | a placeholder criterion with no formula: never computed | formula UNCONFIRMED |
 * | Split of group 5's 18 points | 6 + 6 + 6 | DEFAULT_UNVERIFIED |
 * | "Satisfied" rating | 4 or 5 stars (the server counts them) | DEFAULT_UNVERIFIED |
 * | Ratings target (Resolution 76/NQ-CP) | full points from 90 % satisfied (resolution not read) | DEFAULT_UNVERIFIED |
 * | Every scoring curve | linear from 0 % to the target (100 % unless stated) | DEFAULT_UNVERIFIED |
 * | Which dossiers count as "settled", "online", "digitised" | decided by the server's counting query | — |
 *
 * ## Rules chosen here (and why)
 *
 * - Configuration, not code: weights, targets and thresholds live in a zod-validated `ServiceIndexConfig` (sum of
 *   points exactly 100, each group's points the sum of its criteria's). The formulas themselves are a closed
 *   catalogue of measures (`MEASURES`): a configuration picks a measure, it cannot invent arithmetic.
 * - Missing figures are left out, never guessed: a criterion whose input the system does not record (e.g. there
 *   is no feedback module) is NOT_AVAILABLE; one whose denominator is 0 in the period is NO_DATA (neither 100 %
 *   nor 0 %). Both are excluded from the computable points. The index is then
 *   `score = earned / maxComputable × 100` (out of 100), always shown next to the raw `earned / maxComputable`
 *   points and the list of what was left out (`excluded`). So a commune is not punished for what nobody can
 *   measure, and nobody mistakes "74 computable points" for the full 100.
 * - Two entry points, the same figures: `scoreServiceIndex` gives the numbers only (a few microseconds a commune,
 *   for rankings of thousands of communes); `computeServiceIndex` adds the explanation of every figure (a
 *   commune's page). `explainServiceIndex` turns the first into the second.
 * - Exact inside, rounded only for display: ratios and points are kept unrounded (thresholds are compared in
 *   integers: counts × 10 000 against basis points, so 90 % is exactly 90 %); `roundForDisplay` and the
 *   `format*` helpers round to 2 decimals for people.
 * - The province is computed from summed counts (`combineIndexInputs`), not by averaging commune scores: a commune
 *   with 5 dossiers must not weigh as much as one with 5 000, the capped and threshold curves are not linear (the
 *   mean of scores is not the score of the totals), and a commune's NO_DATA criterion would otherwise drop out
 *   of some averages and not others. The province figure is the one the province would get as a single unit.
 */

// ─────────────────────────────── Vocabulary ───────────────────────────────

export type Bilingual = { vi: string; en: string }
export type IndexLocale = 'vi' | 'en'

/**
 * Where a weight, formula or scoring rule comes from:
 * - DECISION_SUMMARY: stated by the summaries of Decision 766 we read (see the header);
 * - UNCONFIRMED: cited by others or unknown, not confirmed by any source we read;
 * - DEFAULT_UNVERIFIED: our own default, to be checked against the annex.
 */
export const SOURCE_STATUSES = ['DECISION_SUMMARY', 'UNCONFIRMED', 'DEFAULT_UNVERIFIED'] as const
export type SourceStatus = (typeof SOURCE_STATUSES)[number]

/** The formulas the index can use: each is a ratio of two counts of the input (see `MEASURES`). */
export const MEASURE_KEYS = [
  'PROCEDURES_PUBLISHED_ON_TIME',
  'DOSSIERS_SETTLED_ON_TIME',
  'DOSSIERS_DIGITISED',
  'RESULTS_ELECTRONIC',
  'PROCEDURES_ONLINE',
  'DOSSIERS_ONLINE',
  'FEES_PAID_ONLINE',
  'RATINGS_SATISFIED',
  'FEEDBACK_ON_TIME',
  'FEEDBACK_SATISFIED',
] as const
export type MeasureKey = (typeof MEASURE_KEYS)[number]

/** Largest count accepted: counts × 10 000 must stay an exact integer in a double (below 2^53). */
export const MAX_INDEX_COUNT = 100_000_000_000

// ─────────────────────────────── Input ───────────────────────────────

/**
 * Counts of one commune (or of the province, `combineIndexInputs`) for one period. A section is omitted (or
 * null) when the system does not record it: its criteria are NOT_AVAILABLE. A section whose whole is 0 gives
 * NO_DATA. Parts never exceed their whole (validated).
 */
export type ServiceIndexInput = {
  /** Procedures applicable to the unit, and those updated and published on time. */
  publication?: { procedures: number; publishedOnTime: number } | null
  /** Dossiers settled in the period by outcome (all settled = early + onTime + late). */
  settlement?: { early: number; onTime: number; late: number } | null
  /** Dossiers received, and those whose documents are electronic (uploaded online or scanned at the desk). */
  dossierDigitisation?: { received: number; withElectronicFiles: number } | null
  /** Results issued, and those issued as electronic documents. */
  resultDigitisation?: { issued: number; electronic: number } | null
  /** Procedures applicable to the unit, and those offered as online public services. */
  onlineProcedures?: { procedures: number; offeredOnline: number } | null
  /** Dossiers received, and those submitted online. */
  onlineDossiers?: { received: number; online: number } | null
  /** Dossiers that owed a fee or charge, and those whose fee was paid online. */
  onlinePayment?: { feeDossiers: number; paidOnline: number } | null
  /** Citizens' ratings of their dossiers, and the satisfied ones (4–5 stars: the server counts them). */
  ratings?: { count: number; satisfied: number } | null
  /**
   * Feedback and petitions (phản ánh, kiến nghị) within the unit's competence: all, those handled on or before
   * their deadline, and those marked unsatisfied or complaining of late handling. Not recorded by MotCua today.
   */
  feedback?: { total: number; onTime: number; unsatisfied: number } | null
}

export const INPUT_SECTIONS = [
  'publication',
  'settlement',
  'dossierDigitisation',
  'resultDigitisation',
  'onlineProcedures',
  'onlineDossiers',
  'onlinePayment',
  'ratings',
  'feedback',
] as const satisfies readonly (keyof ServiceIndexInput)[]
export type InputSection = (typeof INPUT_SECTIONS)[number]

const Count = z
  .number({ error: 'COUNT_INVALID' })
  .int('COUNT_INTEGER')
  .min(0, 'COUNT_NEGATIVE')
  .max(MAX_INDEX_COUNT, 'COUNT_TOO_LARGE')

function partOf<Part extends string, Whole extends string>(part: Part, whole: Whole) {
  return (value: Record<Part | Whole, number>) => value[part] <= value[whole]
}
const PART_EXCEEDS_WHOLE = 'PART_EXCEEDS_WHOLE'

export const ServiceIndexInputSchema = z.strictObject({
  publication: z
    .strictObject({ procedures: Count, publishedOnTime: Count })
    .refine(partOf('publishedOnTime', 'procedures'), { message: PART_EXCEEDS_WHOLE, path: ['publishedOnTime'] })
    .nullish(),
  settlement: z.strictObject({ early: Count, onTime: Count, late: Count }).nullish(),
  dossierDigitisation: z
    .strictObject({ received: Count, withElectronicFiles: Count })
    .refine(partOf('withElectronicFiles', 'received'), { message: PART_EXCEEDS_WHOLE, path: ['withElectronicFiles'] })
    .nullish(),
  resultDigitisation: z
    .strictObject({ issued: Count, electronic: Count })
    .refine(partOf('electronic', 'issued'), { message: PART_EXCEEDS_WHOLE, path: ['electronic'] })
    .nullish(),
  onlineProcedures: z
    .strictObject({ procedures: Count, offeredOnline: Count })
    .refine(partOf('offeredOnline', 'procedures'), { message: PART_EXCEEDS_WHOLE, path: ['offeredOnline'] })
    .nullish(),
  onlineDossiers: z
    .strictObject({ received: Count, online: Count })
    .refine(partOf('online', 'received'), { message: PART_EXCEEDS_WHOLE, path: ['online'] })
    .nullish(),
  onlinePayment: z
    .strictObject({ feeDossiers: Count, paidOnline: Count })
    .refine(partOf('paidOnline', 'feeDossiers'), { message: PART_EXCEEDS_WHOLE, path: ['paidOnline'] })
    .nullish(),
  ratings: z
    .strictObject({ count: Count, satisfied: Count })
    .refine(partOf('satisfied', 'count'), { message: PART_EXCEEDS_WHOLE, path: ['satisfied'] })
    .nullish(),
  feedback: z
    .strictObject({ total: Count, onTime: Count, unsatisfied: Count })
    .refine(partOf('onTime', 'total'), { message: PART_EXCEEDS_WHOLE, path: ['onTime'] })
    .refine(partOf('unsatisfied', 'total'), { message: PART_EXCEEDS_WHOLE, path: ['unsatisfied'] })
    .nullish(),
}) satisfies z.ZodType<ServiceIndexInput>


/** Validates counts (integers ≥ 0, parts within their whole); throws AppError INVALID_INPUT otherwise. */
export function parseServiceIndexInput(raw: unknown): ServiceIndexInput {
  const parsed = ServiceIndexInputSchema.safeParse(raw)
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Invalid service index counts', fieldErrorsOf(parsed.error))
  return parsed.data
}

// ─────────────────────────────── Measures (the formulas) ───────────────────────────────

/** How the numerator was made, when it is not a single count (shown in the explanation). */
export type NumeratorDetail = { kind: 'SUM'; terms: { count: number; label: Bilingual }[] } | { kind: 'DIFFERENCE'; from: number; minus: number; minusLabel: Bilingual }

export type MeasureCounts = { numerator: number; denominator: number; detail?: NumeratorDetail }

type MeasureDefinition = {
  section: InputSection
  numerator: Bilingual
  denominator: Bilingual
  /** What the simulator changes, "12 more dossiers settled on time (instead of late)". */
  more: (count: number, locale: IndexLocale) => string
  /** Why the criterion cannot be computed when its section is missing. */
  missing: Bilingual
  /** What a 0 denominator means, "No dossier was settled in the period". */
  empty: Bilingual
  read: (input: ServiceIndexInput) => MeasureCounts | null
  /** The same input with `count` more units counted in the numerator, the denominator unchanged. */
  improve: (input: ServiceIndexInput, count: number) => ServiceIndexInput
}

function plural(count: number, one: string, other: string): string {
  return count === 1 ? one : other
}

const notRecorded = (vi: string, en: string): Bilingual => ({
  vi: `Hệ thống chưa ghi nhận ${vi}.`,
  en: `The system does not record ${en}.`,
})

/**
 * The catalogue of formulas. Each is numerator / denominator × 100 %; `improve` moves units from "not meeting"
 * to "meeting" the criterion within the same denominator (a late dossier settled on time instead, a desk dossier
 * submitted online instead…), which is what "what if" means for a period already counted.
 */
export const MEASURES: Record<MeasureKey, MeasureDefinition> = {
  PROCEDURES_PUBLISHED_ON_TIME: {
    section: 'publication',
    numerator: { vi: 'Thủ tục được cập nhật, công bố, công khai đúng hạn', en: 'Procedures updated and published on time' },
    denominator: { vi: 'tổng số thủ tục', en: 'all procedures' },
    more: (n, locale) =>
      locale === 'vi'
        ? `${formatCount(n, locale)} thủ tục nữa được công bố, công khai đúng hạn`
        : `${formatCount(n, locale)} more ${plural(n, 'procedure', 'procedures')} published on time`,
    empty: { vi: 'Không có thủ tục nào thuộc thẩm quyền', en: 'No procedure applies to the unit' },
    missing: notRecorded('việc công bố, công khai thủ tục đúng hạn', 'whether procedures were published on time'),
    read: (input) => (input.publication ? { numerator: input.publication.publishedOnTime, denominator: input.publication.procedures } : null),
    improve: (input, n) => (input.publication ? { ...input, publication: { ...input.publication, publishedOnTime: input.publication.publishedOnTime + n } } : input),
  },
  DOSSIERS_SETTLED_ON_TIME: {
    section: 'settlement',
    numerator: { vi: 'Hồ sơ giải quyết trước hạn và đúng hạn', en: 'Dossiers settled early or on time' },
    denominator: { vi: 'tổng hồ sơ đã giải quyết', en: 'all dossiers settled' },
    more: (n, locale) =>
      locale === 'vi'
        ? `${formatCount(n, locale)} hồ sơ nữa được giải quyết đúng hạn (thay vì quá hạn)`
        : `${formatCount(n, locale)} more ${plural(n, 'dossier', 'dossiers')} settled on time (instead of late)`,
    empty: { vi: 'Không có hồ sơ nào được giải quyết trong kỳ', en: 'No dossier was settled in the period' },
    missing: notRecorded('kết quả giải quyết hồ sơ', 'how dossiers were settled'),
    read: (input) => {
      const s = input.settlement
      if (!s) return null
      return {
        numerator: s.early + s.onTime,
        denominator: s.early + s.onTime + s.late,
        detail: {
          kind: 'SUM',
          terms: [
            { count: s.early, label: { vi: 'trước hạn', en: 'early' } },
            { count: s.onTime, label: { vi: 'đúng hạn', en: 'on time' } },
          ],
        },
      }
    },
    improve: (input, n) => (input.settlement ? { ...input, settlement: { ...input.settlement, onTime: input.settlement.onTime + n, late: input.settlement.late - n } } : input),
  },
  DOSSIERS_DIGITISED: {
    section: 'dossierDigitisation',
    numerator: { vi: 'Hồ sơ có thành phần hồ sơ điện tử (đã số hóa)', en: 'Dossiers with electronic (digitised) documents' },
    denominator: { vi: 'tổng hồ sơ tiếp nhận', en: 'all dossiers received' },
    more: (n, locale) =>
      locale === 'vi'
        ? `${formatCount(n, locale)} hồ sơ nữa được số hóa thành phần hồ sơ`
        : `${formatCount(n, locale)} more ${plural(n, 'dossier', 'dossiers')} with digitised documents`,
    empty: { vi: 'Không có hồ sơ nào được tiếp nhận trong kỳ', en: 'No dossier was received in the period' },
    missing: notRecorded('việc số hóa hồ sơ', 'whether dossiers were digitised'),
    read: (input) => (input.dossierDigitisation ? { numerator: input.dossierDigitisation.withElectronicFiles, denominator: input.dossierDigitisation.received } : null),
    improve: (input, n) =>
      input.dossierDigitisation ? { ...input, dossierDigitisation: { ...input.dossierDigitisation, withElectronicFiles: input.dossierDigitisation.withElectronicFiles + n } } : input,
  },
  RESULTS_ELECTRONIC: {
    section: 'resultDigitisation',
    numerator: { vi: 'Kết quả giải quyết cấp bản điện tử', en: 'Results issued as electronic documents' },
    denominator: { vi: 'tổng kết quả đã cấp', en: 'all results issued' },
    more: (n, locale) =>
      locale === 'vi'
        ? `${formatCount(n, locale)} kết quả nữa được cấp bản điện tử`
        : `${formatCount(n, locale)} more ${plural(n, 'result', 'results')} issued electronically`,
    empty: { vi: 'Không có kết quả nào được cấp trong kỳ', en: 'No result was issued in the period' },
    missing: notRecorded('kết quả điện tử', 'electronic results'),
    read: (input) => (input.resultDigitisation ? { numerator: input.resultDigitisation.electronic, denominator: input.resultDigitisation.issued } : null),
    improve: (input, n) => (input.resultDigitisation ? { ...input, resultDigitisation: { ...input.resultDigitisation, electronic: input.resultDigitisation.electronic + n } } : input),
  },
  PROCEDURES_ONLINE: {
    section: 'onlineProcedures',
    numerator: { vi: 'Thủ tục cung cấp dịch vụ công trực tuyến', en: 'Procedures offered as online public services' },
    denominator: { vi: 'tổng số thủ tục', en: 'all procedures' },
    more: (n, locale) =>
      locale === 'vi'
        ? `${formatCount(n, locale)} thủ tục nữa được cung cấp trực tuyến`
        : `${formatCount(n, locale)} more ${plural(n, 'procedure', 'procedures')} offered online`,
    empty: { vi: 'Không có thủ tục nào thuộc thẩm quyền', en: 'No procedure applies to the unit' },
    missing: notRecorded('mức độ cung cấp trực tuyến của thủ tục', 'which procedures are offered online'),
    read: (input) => (input.onlineProcedures ? { numerator: input.onlineProcedures.offeredOnline, denominator: input.onlineProcedures.procedures } : null),
    improve: (input, n) => (input.onlineProcedures ? { ...input, onlineProcedures: { ...input.onlineProcedures, offeredOnline: input.onlineProcedures.offeredOnline + n } } : input),
  },
  DOSSIERS_ONLINE: {
    section: 'onlineDossiers',
    numerator: { vi: 'Hồ sơ nộp trực tuyến', en: 'Dossiers submitted online' },
    denominator: { vi: 'tổng hồ sơ tiếp nhận', en: 'all dossiers received' },
    more: (n, locale) =>
      locale === 'vi'
        ? `${formatCount(n, locale)} hồ sơ nữa được nộp trực tuyến (thay vì trực tiếp)`
        : `${formatCount(n, locale)} more ${plural(n, 'dossier', 'dossiers')} submitted online (instead of at the desk)`,
    empty: { vi: 'Không có hồ sơ nào được tiếp nhận trong kỳ', en: 'No dossier was received in the period' },
    missing: notRecorded('kênh nộp hồ sơ', 'how dossiers were submitted'),
    read: (input) => (input.onlineDossiers ? { numerator: input.onlineDossiers.online, denominator: input.onlineDossiers.received } : null),
    improve: (input, n) => (input.onlineDossiers ? { ...input, onlineDossiers: { ...input.onlineDossiers, online: input.onlineDossiers.online + n } } : input),
  },
  FEES_PAID_ONLINE: {
    section: 'onlinePayment',
    numerator: { vi: 'Hồ sơ thanh toán phí, lệ phí trực tuyến', en: 'Dossiers whose fee was paid online' },
    denominator: { vi: 'tổng hồ sơ có phí, lệ phí', en: 'all dossiers with a fee' },
    more: (n, locale) =>
      locale === 'vi'
        ? `${formatCount(n, locale)} hồ sơ nữa được thanh toán phí, lệ phí trực tuyến`
        : `${formatCount(n, locale)} more ${plural(n, 'dossier', 'dossiers')} paid online`,
    empty: { vi: 'Không có hồ sơ nào phải nộp phí, lệ phí trong kỳ', en: 'No dossier owed a fee in the period' },
    missing: notRecorded('việc thanh toán trực tuyến', 'online payments'),
    read: (input) => (input.onlinePayment ? { numerator: input.onlinePayment.paidOnline, denominator: input.onlinePayment.feeDossiers } : null),
    improve: (input, n) => (input.onlinePayment ? { ...input, onlinePayment: { ...input.onlinePayment, paidOnline: input.onlinePayment.paidOnline + n } } : input),
  },
  RATINGS_SATISFIED: {
    section: 'ratings',
    numerator: { vi: 'Lượt đánh giá hài lòng (4–5 sao)', en: 'Satisfied ratings (4–5 stars)' },
    denominator: { vi: 'tổng lượt đánh giá', en: 'all ratings' },
    more: (n, locale) =>
      locale === 'vi'
        ? `${formatCount(n, locale)} lượt đánh giá nữa ở mức hài lòng (4–5 sao) thay vì chưa hài lòng`
        : `${formatCount(n, locale)} more satisfied ${plural(n, 'rating', 'ratings')} (4–5 stars) instead of unsatisfied`,
    empty: { vi: 'Không có lượt đánh giá nào trong kỳ', en: 'No rating was given in the period' },
    missing: notRecorded('đánh giá của người dân', "citizens' ratings"),
    read: (input) => (input.ratings ? { numerator: input.ratings.satisfied, denominator: input.ratings.count } : null),
    improve: (input, n) => (input.ratings ? { ...input, ratings: { ...input.ratings, satisfied: input.ratings.satisfied + n } } : input),
  },
  FEEDBACK_ON_TIME: {
    section: 'feedback',
    numerator: { vi: 'Phản ánh, kiến nghị xử lý đúng hạn', en: 'Feedback and petitions handled on time' },
    denominator: { vi: 'tổng phản ánh, kiến nghị thuộc thẩm quyền', en: "all feedback within the unit's competence" },
    more: (n, locale) =>
      locale === 'vi'
        ? `${formatCount(n, locale)} phản ánh, kiến nghị nữa được xử lý đúng hạn`
        : `${formatCount(n, locale)} more feedback ${plural(n, 'item', 'items')} handled on time`,
    empty: { vi: 'Không có phản ánh, kiến nghị nào trong kỳ', en: 'No feedback was received in the period' },
    missing: notRecorded('phản ánh, kiến nghị (chưa có phân hệ này)', 'feedback and petitions (there is no such module)'),
    read: (input) => (input.feedback ? { numerator: input.feedback.onTime, denominator: input.feedback.total } : null),
    improve: (input, n) => (input.feedback ? { ...input, feedback: { ...input.feedback, onTime: input.feedback.onTime + n } } : input),
  },
  FEEDBACK_SATISFIED: {
    section: 'feedback',
    numerator: {
      vi: '(Tổng phản ánh, kiến nghị − số bị đánh giá không hài lòng hoặc phàn nàn xử lý chậm)',
      en: '(All feedback − feedback marked unsatisfied or complaining of late handling)',
    },
    denominator: { vi: 'tổng phản ánh, kiến nghị', en: 'all feedback' },
    more: (n, locale) =>
      locale === 'vi'
        ? `${formatCount(n, locale)} phản ánh, kiến nghị ít hơn bị đánh giá không hài lòng`
        : `${formatCount(n, locale)} fewer feedback ${plural(n, 'item', 'items')} marked unsatisfied`,
    empty: { vi: 'Không có phản ánh, kiến nghị nào trong kỳ', en: 'No feedback was received in the period' },
    missing: notRecorded('phản ánh, kiến nghị (chưa có phân hệ này)', 'feedback and petitions (there is no such module)'),
    read: (input) => {
      const f = input.feedback
      if (!f) return null
      return {
        numerator: f.total - f.unsatisfied,
        denominator: f.total,
        detail: { kind: 'DIFFERENCE', from: f.total, minus: f.unsatisfied, minusLabel: { vi: 'không hài lòng', en: 'unsatisfied' } },
      }
    },
    improve: (input, n) => (input.feedback ? { ...input, feedback: { ...input.feedback, unsatisfied: input.feedback.unsatisfied - n } } : input),
  },
}

// ─────────────────────────────── Configuration ───────────────────────────────

/** Percent and point values are kept to hundredths, so they compare exactly as integers (basis points). */
function isHundredths(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6
}
function hundredths(value: number): number {
  return Math.round(value * 100)
}

const Key = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'KEY_FORMAT')
const Text = z.string().trim().min(1, 'REQUIRED')
const BilingualSchema = z.strictObject({ vi: Text, en: Text })
const PercentSchema = z.number({ error: 'PERCENT_INVALID' }).min(0, 'PERCENT_RANGE').max(100, 'PERCENT_RANGE').refine(isHundredths, 'PERCENT_PRECISION')
const PointsSchema = z.number({ error: 'POINTS_INVALID' }).gt(0, 'POINTS_POSITIVE').max(100, 'POINTS_RANGE').refine(isHundredths, 'POINTS_PRECISION')
const SourceStatusSchema = z.enum(SOURCE_STATUSES)

/**
 * How points follow from the ratio (numerator / denominator, in %):
 * - LINEAR: 0 points at or below `zeroAtPercent` (default 0), full points from `fullAtPercent` on, in proportion
 *   between. `{ zeroAtPercent: 0, fullAtPercent: 100 }` is "points × ratio".
 * - THRESHOLDS: the points of the first step whose `atLeastPercent` the ratio reaches, steps from the highest
 *   down (percent strictly decreasing, points not increasing, the first step worth the criterion's points); 0
 *   below the last step.
 */
export const ScoringSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('LINEAR'), zeroAtPercent: PercentSchema.default(0), fullAtPercent: PercentSchema }),
  z.strictObject({
    kind: z.literal('THRESHOLDS'),
    steps: z
      .array(z.strictObject({ atLeastPercent: PercentSchema, points: z.number({ error: 'POINTS_INVALID' }).min(0, 'POINTS_RANGE').refine(isHundredths, 'POINTS_PRECISION') }))
      .min(1, 'THRESHOLDS_EMPTY'),
  }),
])
export type Scoring = z.output<typeof ScoringSchema>

export const CriterionConfigSchema = z.strictObject({
  key: Key,
  name: BilingualSchema,
  points: PointsSchema,
  /** The formula (`MEASURES`); null for points whose criteria are not known: always NOT_AVAILABLE. */
  measure: z.enum(MEASURE_KEYS).nullable(),
  scoring: ScoringSchema.nullable(),
  provenance: z.strictObject({ points: SourceStatusSchema, formula: SourceStatusSchema, scoring: SourceStatusSchema }),
  note: BilingualSchema.optional(),
})

export const GroupConfigSchema = z.strictObject({
  key: Key,
  name: BilingualSchema,
  points: PointsSchema,
  pointsSource: SourceStatusSchema,
  note: BilingualSchema.optional(),
  criteria: z.array(CriterionConfigSchema).min(1, 'GROUP_EMPTY'),
})

export const ServiceIndexConfigSchema = z
  .strictObject({
    /** Identifies the configuration a figure was computed with (shown with the figure, kept with exports). */
    id: z.string().trim().min(1, 'REQUIRED').max(100),
    name: BilingualSchema,
    /** The legal basis and how sure we are of it, for people. */
    basis: BilingualSchema,
    groups: z.array(GroupConfigSchema).min(1, 'GROUPS_EMPTY'),
  })
  .superRefine((config, context) => {
    const total = config.groups.reduce((sum, group) => sum + hundredths(group.points), 0)
    if (total !== 100_00) context.addIssue({ code: 'custom', path: ['groups'], message: 'POINTS_SUM_NOT_100' })
    const groupKeys = new Set<string>()
    const criterionKeys = new Set<string>()
    const measures = new Set<MeasureKey>()
    for (const [g, group] of config.groups.entries()) {
      if (groupKeys.has(group.key)) context.addIssue({ code: 'custom', path: ['groups', g, 'key'], message: 'DUPLICATE_KEY' })
      groupKeys.add(group.key)
      const criteriaSum = group.criteria.reduce((sum, criterion) => sum + hundredths(criterion.points), 0)
      if (criteriaSum !== hundredths(group.points)) context.addIssue({ code: 'custom', path: ['groups', g, 'points'], message: 'GROUP_POINTS_MISMATCH' })
      for (const [c, criterion] of group.criteria.entries()) {
        const path = ['groups', g, 'criteria', c]
        if (criterionKeys.has(criterion.key)) context.addIssue({ code: 'custom', path: [...path, 'key'], message: 'DUPLICATE_KEY' })
        criterionKeys.add(criterion.key)
        if (criterion.measure) {
          // One criterion per formula: otherwise the same counts would be scored twice.
          if (measures.has(criterion.measure)) context.addIssue({ code: 'custom', path: [...path, 'measure'], message: 'DUPLICATE_MEASURE' })
          measures.add(criterion.measure)
          if (!criterion.scoring) context.addIssue({ code: 'custom', path: [...path, 'scoring'], message: 'SCORING_REQUIRED' })
        }
        const scoring = criterion.scoring
        if (scoring?.kind === 'LINEAR' && hundredths(scoring.fullAtPercent) <= hundredths(scoring.zeroAtPercent)) {
          context.addIssue({ code: 'custom', path: [...path, 'scoring', 'fullAtPercent'], message: 'LINEAR_RANGE' })
        }
        if (scoring?.kind === 'THRESHOLDS') {
          const top = scoring.steps[0]
          if (top && hundredths(top.points) !== hundredths(criterion.points)) {
            context.addIssue({ code: 'custom', path: [...path, 'scoring', 'steps', 0, 'points'], message: 'THRESHOLDS_TOP' })
          }
          for (const [s, lower] of scoring.steps.entries()) {
            const higher = scoring.steps[s - 1]
            if (!higher) continue
            if (hundredths(lower.atLeastPercent) >= hundredths(higher.atLeastPercent)) {
              context.addIssue({ code: 'custom', path: [...path, 'scoring', 'steps', s, 'atLeastPercent'], message: 'THRESHOLDS_ORDER' })
            }
            if (hundredths(lower.points) > hundredths(higher.points)) {
              context.addIssue({ code: 'custom', path: [...path, 'scoring', 'steps', s, 'points'], message: 'THRESHOLDS_NOT_MONOTONE' })
            }
          }
        }
      }
    }
  })
  .brand<'ServiceIndexConfig'>()

/** A configuration as an administrator writes it (defaults may be omitted). */
export type ServiceIndexConfigInput = z.input<typeof ServiceIndexConfigSchema>
/** A validated configuration: only `parseServiceIndexConfig` (or the schema) makes one. */
export type ServiceIndexConfig = z.output<typeof ServiceIndexConfigSchema>
export type GroupConfig = ServiceIndexConfig['groups'][number]
export type CriterionConfig = GroupConfig['criteria'][number]

/** Validates a configuration; throws AppError INVALID_INPUT with the codes above by path otherwise. */
export function parseServiceIndexConfig(raw: unknown): ServiceIndexConfig {
  const parsed = ServiceIndexConfigSchema.safeParse(raw)
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Invalid service index configuration', fieldErrorsOf(parsed.error))
  return parsed.data
}

const linear = (fullAtPercent: number) => ({ kind: 'LINEAR' as const, zeroAtPercent: 0, fullAtPercent })
const ours = { points: 'DEFAULT_UNVERIFIED', formula: 'DEFAULT_UNVERIFIED', scoring: 'DEFAULT_UNVERIFIED' } as const

/**
 * The default configuration, from the summaries of Decision 766/QĐ-TTg (shared/data/forms.md §3, sources R2 and
 * R3, copied into the header of this file). What the summaries state is DECISION_SUMMARY; the 22 + 22 split of
 * groups 3 and 4 is UNCONFIRMED; everything else (criteria inside groups 3 and 4, the 6 + 6 + 6 split of group
 * 5, every scoring curve) is our DEFAULT_UNVERIFIED choice, to be replaced by the annex when it is read.
 */
export const DEFAULT_SERVICE_INDEX_CONFIG: ServiceIndexConfig = parseServiceIndexConfig({
  id: 'qd766-summary-2026',
  name: { vi: 'Bộ chỉ số 766 (theo bản tóm tắt Quyết định)', en: 'Index 766 (from summaries of the decision)' },
  basis: {
    vi: 'Quyết định 766/QĐ-TTg ngày 23/6/2022. Chưa đối chiếu phụ lục: trọng số, ngưỡng và một số tiêu chí là mặc định, cần kiểm tra.',
    en: 'Decision 766/QĐ-TTg of 23/6/2022. Annex not checked: some weights, thresholds and criteria are defaults to verify.',
  },
  groups: [
    {
      key: 'publicity',
      name: { vi: 'Công khai, minh bạch', en: 'Publicity and transparency' },
      points: 18,
      pointsSource: 'DECISION_SUMMARY',
      criteria: [
        {
          key: 'proceduresPublishedOnTime',
          name: { vi: 'Tỷ lệ thủ tục được cập nhật, công bố, công khai đúng hạn', en: 'Share of procedures updated and published on time' },
          points: 4,
          measure: 'PROCEDURES_PUBLISHED_ON_TIME',
          scoring: linear(100),
          provenance: { points: 'DECISION_SUMMARY', formula: 'DECISION_SUMMARY', scoring: 'DEFAULT_UNVERIFIED' },
        },
        {
          key: 'publicityOther',
          name: { vi: 'Các tiêu chí công khai, minh bạch khác', en: 'Other publicity and transparency criteria' },
          points: 14,
          measure: null,
          scoring: null,
          provenance: { points: 'DECISION_SUMMARY', formula: 'UNCONFIRMED', scoring: 'UNCONFIRMED' },
          note: {
            vi: '18 − 4 điểm của nhóm 1 mà chưa đọc được tiêu chí trong phụ lục Quyết định 766: không tính.',
            en: 'The 18 − 4 points of group 1 whose criteria in the annex of Decision 766 were not read: not computed.',
          },
        },
      ],
    },
    {
      key: 'progress',
      name: { vi: 'Tiến độ, kết quả giải quyết', en: 'Progress and results' },
      points: 20,
      pointsSource: 'DECISION_SUMMARY',
      criteria: [
        {
          key: 'dossiersSettledOnTime',
          name: { vi: 'Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn', en: 'Share of dossiers settled early or on time' },
          points: 20,
          measure: 'DOSSIERS_SETTLED_ON_TIME',
          scoring: linear(100),
          provenance: { points: 'DECISION_SUMMARY', formula: 'DECISION_SUMMARY', scoring: 'DEFAULT_UNVERIFIED' },
        },
      ],
    },
    {
      key: 'digitisation',
      name: { vi: 'Số hóa hồ sơ', en: 'Digitisation of dossiers and results' },
      points: 22,
      pointsSource: 'UNCONFIRMED',
      note: { vi: 'Nhóm 3 và 4 cộng lại 44 điểm; chia 22 + 22 chưa được xác nhận.', en: 'Groups 3 and 4 carry 44 points together; the 22 + 22 split is unconfirmed.' },
      criteria: [
        {
          key: 'dossiersDigitised',
          name: { vi: 'Tỷ lệ hồ sơ được số hóa', en: 'Share of dossiers digitised' },
          points: 11,
          measure: 'DOSSIERS_DIGITISED',
          scoring: linear(100),
          provenance: ours,
        },
        {
          key: 'resultsElectronic',
          name: { vi: 'Tỷ lệ kết quả giải quyết cấp bản điện tử', en: 'Share of results issued electronically' },
          points: 11,
          measure: 'RESULTS_ELECTRONIC',
          scoring: linear(100),
          provenance: ours,
        },
      ],
    },
    {
      key: 'onlineServices',
      name: { vi: 'Cung cấp dịch vụ trực tuyến', en: 'Online services' },
      points: 22,
      pointsSource: 'UNCONFIRMED',
      note: { vi: 'Nhóm 3 và 4 cộng lại 44 điểm; chia 22 + 22 chưa được xác nhận.', en: 'Groups 3 and 4 carry 44 points together; the 22 + 22 split is unconfirmed.' },
      criteria: [
        {
          key: 'proceduresOnline',
          name: { vi: 'Tỷ lệ thủ tục cung cấp dịch vụ công trực tuyến', en: 'Share of procedures offered online' },
          points: 6,
          measure: 'PROCEDURES_ONLINE',
          scoring: linear(100),
          provenance: ours,
        },
        {
          key: 'dossiersOnline',
          name: { vi: 'Tỷ lệ hồ sơ nộp trực tuyến', en: 'Share of dossiers submitted online' },
          points: 8,
          measure: 'DOSSIERS_ONLINE',
          scoring: linear(100),
          provenance: ours,
        },
        {
          key: 'feesPaidOnline',
          name: { vi: 'Tỷ lệ hồ sơ thanh toán trực tuyến', en: 'Share of fees paid online' },
          points: 8,
          measure: 'FEES_PAID_ONLINE',
          scoring: linear(100),
          provenance: ours,
        },
      ],
    },
    {
      key: 'satisfaction',
      name: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
      points: 18,
      pointsSource: 'DECISION_SUMMARY',
      criteria: [
        {
          key: 'feedbackOnTime',
          name: { vi: 'Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn', en: 'Share of feedback handled on time' },
          points: 6,
          measure: 'FEEDBACK_ON_TIME',
          scoring: linear(100),
          provenance: { points: 'DEFAULT_UNVERIFIED', formula: 'DECISION_SUMMARY', scoring: 'DEFAULT_UNVERIFIED' },
        },
        {
          key: 'feedbackSatisfied',
          name: { vi: 'Mức độ hài lòng trong xử lý phản ánh, kiến nghị', en: 'Satisfaction with the handling of feedback' },
          points: 6,
          measure: 'FEEDBACK_SATISFIED',
          scoring: linear(100),
          provenance: { points: 'DEFAULT_UNVERIFIED', formula: 'DECISION_SUMMARY', scoring: 'DEFAULT_UNVERIFIED' },
        },
        {
          key: 'ratingsSatisfied',
          name: { vi: 'Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính', en: 'Satisfaction with receiving and settling procedures' },
          points: 6,
          measure: 'RATINGS_SATISFIED',
          scoring: linear(90),
          provenance: ours,
          note: {
            vi: 'Tối đa 6/18 điểm gắn với chỉ tiêu của Nghị quyết 76/NQ-CP; mốc 90 % và "hài lòng = 4–5 sao" là mặc định, chưa đối chiếu.',
            en: 'Up to 6 of the 18 points depend on the targets of Resolution 76/NQ-CP; the 90 % mark and "satisfied = 4–5 stars" are defaults, not checked.',
          },
        },
      ],
    },
  ],
})

export type UnconfirmedItem = {
  groupKey: string
  /** Absent for a group's own weight. */
  criterionKey?: string
  aspect: 'points' | 'formula' | 'scoring'
  status: Exclude<SourceStatus, 'DECISION_SUMMARY'>
  note?: Bilingual
}

/** Everything in a configuration not stated by the decision's summaries, for the admin screen to flag. */
export function listUnconfirmed(config: ServiceIndexConfig): UnconfirmedItem[] {
  const items: UnconfirmedItem[] = []
  for (const group of config.groups) {
    if (group.pointsSource !== 'DECISION_SUMMARY') items.push({ groupKey: group.key, aspect: 'points', status: group.pointsSource, ...(group.note ? { note: group.note } : {}) })
    for (const criterion of group.criteria) {
      for (const aspect of ['points', 'formula', 'scoring'] as const) {
        const status = criterion.provenance[aspect]
        if (status !== 'DECISION_SUMMARY') items.push({ groupKey: group.key, criterionKey: criterion.key, aspect, status, ...(criterion.note ? { note: criterion.note } : {}) })
      }
    }
  }
  return items
}

// ─────────────────────────────── Scoring ───────────────────────────────

/** Points earned for numerator / denominator (denominator > 0), compared exactly in integers. */
export function scoreRatio(scoring: Scoring, points: number, numerator: number, denominator: number): number {
  const scaled = numerator * 100_00 // the ratio in basis points, times the denominator
  if (scoring.kind === 'LINEAR') {
    const zero = hundredths(scoring.zeroAtPercent) * denominator
    const full = hundredths(scoring.fullAtPercent) * denominator
    if (scaled <= zero) return 0
    if (scaled >= full) return points
    return (points * (scaled - zero)) / (full - zero)
  }
  for (const step of scoring.steps) if (scaled >= hundredths(step.atLeastPercent) * denominator) return step.points
  return 0
}

/** The ratio (in basis points, 0–10 000) from which a criterion earns its full points. */
function fullPointsBasisPoints(scoring: Scoring): number {
  return scoring.kind === 'LINEAR' ? hundredths(scoring.fullAtPercent) : hundredths(scoring.steps[0]?.atLeastPercent ?? 0) // never empty once validated
}

// ─────────────────────────────── Display helpers ───────────────────────────────

const NO_BREAK_SPACE = '\u00a0'
const numberFormats = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: IndexLocale, maximumFractionDigits: number): Intl.NumberFormat {
  const cacheKey = `${locale}:${maximumFractionDigits}`
  let format = numberFormats.get(cacheKey)
  if (!format) {
    format = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits })
    numberFormats.set(cacheKey, format)
  }
  return format
}

/** For display and exports only: 2 decimals (computations keep the exact values). */
export function roundForDisplay(value: number): number {
  return Number(value.toFixed(2))
}

/** "1.234" in Vietnamese, "1,234" in English. */
export function formatCount(value: number, locale: IndexLocale = 'vi'): string {
  return numberFormat(locale, 0).format(value)
}

/** Points to 2 decimals: "18,98" / "18.98". */
export function formatPoints(value: number, locale: IndexLocale = 'vi'): string {
  return numberFormat(locale, 2).format(roundForDisplay(value))
}

/** A ratio (0–1) as a percentage to 2 decimals: "94,92 %" / "94.92%". */
export function formatPercent(ratio: number, locale: IndexLocale = 'vi'): string {
  const text = numberFormat(locale, 2).format(roundForDisplay(ratio * 100))
  return locale === 'vi' ? `${text}${NO_BREAK_SPACE}%` : `${text}%`
}

function formatPercentValue(percent: number, locale: IndexLocale): string {
  return formatPercent(percent / 100, locale)
}

function pointsWord(locale: IndexLocale): string {
  return locale === 'vi' ? 'điểm' : 'points'
}

function describeScoring(scoring: Scoring, points: number, locale: IndexLocale): string {
  const p = (value: number) => formatPoints(value, locale)
  const pct = (value: number) => formatPercentValue(value, locale)
  if (scoring.kind === 'LINEAR') {
    if (scoring.zeroAtPercent === 0) {
      return locale === 'vi'
        ? `điểm tỷ lệ thuận với tỷ lệ, đủ ${p(points)} điểm khi đạt ${pct(scoring.fullAtPercent)}`
        : `points in proportion to the ratio, full ${p(points)} points from ${pct(scoring.fullAtPercent)}`
    }
    return locale === 'vi'
      ? `0 điểm khi không quá ${pct(scoring.zeroAtPercent)}, tăng đều đến đủ ${p(points)} điểm khi đạt ${pct(scoring.fullAtPercent)}`
      : `0 points up to ${pct(scoring.zeroAtPercent)}, rising evenly to full ${p(points)} points at ${pct(scoring.fullAtPercent)}`
  }
  const steps = scoring.steps.map((step) => `≥ ${pct(step.atLeastPercent)}: ${p(step.points)} ${pointsWord(locale)}`)
  return `${steps.join('; ')}; ${locale === 'vi' ? 'thấp hơn: 0 điểm' : 'below: 0 points'}`
}

function describeDetail(detail: NumeratorDetail, locale: IndexLocale): string {
  const c = (value: number) => formatCount(value, locale)
  if (detail.kind === 'SUM') return detail.terms.map((term) => `${c(term.count)} ${term.label[locale]}`).join(' + ')
  return `${c(detail.from)} − ${c(detail.minus)} ${detail.minusLabel[locale]}`
}

// ─────────────────────────────── Computing the index ───────────────────────────────

export type CriterionStatus = 'COMPUTED' | 'NO_DATA' | 'NOT_AVAILABLE'

/** One criterion's figures, without the texts (`scoreServiceIndex`). */
export type CriterionScore = {
  key: string
  groupKey: string
  name: Bilingual
  measure: MeasureKey | null
  /** The criterion's weight. */
  points: number
  status: CriterionStatus
  /** Counts, when the section was recorded (also for NO_DATA, where the denominator is 0). */
  numerator: number | null
  denominator: number | null
  /** How the numerator was made, when it is not a single count. */
  numeratorDetail: NumeratorDetail | null
  /** numerator / denominator (0–1), exact; null unless COMPUTED. */
  ratio: number | null
  /** Points earned, exact; null unless COMPUTED. */
  earned: number | null
  provenance: CriterionConfig['provenance']
}

export type CriterionExplanation = {
  /** The formula in words: "Hồ sơ giải quyết trước hạn và đúng hạn / tổng hồ sơ đã giải quyết × 100 %". */
  formula: Bilingual | null
  /** How points follow from the ratio. */
  scoring: Bilingual | null
  /** The formula with the numbers filled in and the points, or why the criterion was not computed. */
  calculation: Bilingual
  /** Caveats of the configuration (unconfirmed sources…). */
  note?: Bilingual
}

export type CriterionResult = CriterionScore & { explanation: CriterionExplanation }

type GroupFigures = {
  key: string
  name: Bilingual
  points: number
  pointsSource: SourceStatus
  /** Sum of the earned points of the computed criteria. */
  earned: number
  /** Sum of the points of the computed criteria. */
  maxComputable: number
  /** earned / maxComputable × 100, null when nothing in the group could be computed. */
  score: number | null
}
export type GroupScore = GroupFigures & { criteria: CriterionScore[] }
export type GroupResult = GroupFigures & { criteria: CriterionResult[] }

export type ExcludedCriterion = { groupKey: string; criterionKey: string; name: Bilingual; points: number; status: Exclude<CriterionStatus, 'COMPUTED'> }

type IndexFigures = {
  configId: string
  /** The index out of 100: earned / maxComputable × 100; null when no criterion could be computed. */
  score: number | null
  /** Raw points earned, out of `maxComputable`. */
  earned: number
  /** Points of the criteria that could be computed (100 minus the excluded ones). */
  maxComputable: number
  /** The configuration's full scale, always 100. */
  maxPoints: number
  /** Criteria left out (NOT_AVAILABLE or NO_DATA), with their points. */
  excluded: ExcludedCriterion[]
}
/** The figures only: what a ranking of thousands of communes needs. */
export type ServiceIndexScore = IndexFigures & { groups: GroupScore[] }
/** The figures and how each was computed: what a commune's page shows. */
export type ServiceIndexResult = IndexFigures & {
  groups: GroupResult[]
  /** One sentence: the score, how it is scaled, and what was left out. */
  explanation: Bilingual
}

function bilingual(make: (locale: IndexLocale) => string): Bilingual {
  return { vi: make('vi'), en: make('en') }
}

function scoreCriterion(criterion: CriterionConfig, groupKey: string, input: ServiceIndexInput): CriterionScore {
  const counts = criterion.measure && criterion.scoring ? MEASURES[criterion.measure].read(input) : null
  const status: CriterionStatus = !counts ? 'NOT_AVAILABLE' : counts.denominator === 0 ? 'NO_DATA' : 'COMPUTED'
  const computed = status === 'COMPUTED' && counts && criterion.scoring ? { counts, scoring: criterion.scoring } : null
  // One literal of one shape (no spreads): this runs for every criterion of every commune of a ranking.
  return {
    key: criterion.key,
    groupKey,
    name: criterion.name,
    measure: criterion.measure,
    points: criterion.points,
    status,
    numerator: counts ? counts.numerator : null,
    denominator: counts ? counts.denominator : null,
    numeratorDetail: counts?.detail ?? null,
    ratio: computed ? computed.counts.numerator / computed.counts.denominator : null,
    earned: computed ? scoreRatio(computed.scoring, criterion.points, computed.counts.numerator, computed.counts.denominator) : null,
    provenance: criterion.provenance,
  }
}

function ratioScore(earned: number, maxComputable: number): number | null {
  return maxComputable > 0 ? (earned / maxComputable) * 100 : null
}

/**
 * The index's figures for one commune or the province, without the explanation texts (some 20 times faster,
 * for rankings). `input` is validated (AppError INVALID_INPUT when counts are negative, fractional or a part
 * exceeds its whole); `config` is validated by its type. Criteria whose section is missing are NOT_AVAILABLE,
 * those with a 0 denominator NO_DATA; both are excluded from `maxComputable`, and
 * `score = earned / maxComputable × 100`.
 */
export function scoreServiceIndex(input: ServiceIndexInput, config: ServiceIndexConfig = DEFAULT_SERVICE_INDEX_CONFIG): ServiceIndexScore {
  const counts = parseServiceIndexInput(input)
  let earned = 0
  let maxComputable = 0
  let maxPoints = 0
  const excluded: ExcludedCriterion[] = []
  const groups = config.groups.map((group): GroupScore => {
    let groupEarned = 0
    let groupComputable = 0
    const criteria = group.criteria.map((criterionConfig) => {
      const criterion = scoreCriterion(criterionConfig, group.key, counts)
      if (criterion.status === 'COMPUTED') {
        groupEarned += criterion.earned ?? 0
        groupComputable += criterion.points
      } else {
        excluded.push({ groupKey: group.key, criterionKey: criterion.key, name: criterion.name, points: criterion.points, status: criterion.status })
      }
      return criterion
    })
    earned += groupEarned
    maxComputable += groupComputable
    maxPoints += group.points
    return {
      key: group.key,
      name: group.name,
      points: group.points,
      pointsSource: group.pointsSource,
      earned: groupEarned,
      maxComputable: groupComputable,
      score: ratioScore(groupEarned, groupComputable),
      criteria,
    }
  })
  return { configId: config.id, score: ratioScore(earned, maxComputable), earned, maxComputable, maxPoints, excluded, groups }
}

/** The index with every figure explained (`scoreServiceIndex` plus the texts): for a commune's page. */
export function computeServiceIndex(input: ServiceIndexInput, config: ServiceIndexConfig = DEFAULT_SERVICE_INDEX_CONFIG): ServiceIndexResult {
  return explainServiceIndex(scoreServiceIndex(input, config), config)
}

/** Adds the explanations to figures computed with the same configuration. */
export function explainServiceIndex(figures: ServiceIndexScore, config: ServiceIndexConfig): ServiceIndexResult {
  if (figures.configId !== config.id) throw new AppError('INVALID_INPUT', `Figures of ${figures.configId} explained with ${config.id}`)
  const groups = figures.groups.map((group, g) => ({
    ...group,
    criteria: group.criteria.map((criterion, c) => {
      const criterionConfig = config.groups[g]?.criteria[c]
      if (!criterionConfig || criterionConfig.key !== criterion.key) throw new AppError('INVALID_INPUT', `Figures do not match configuration ${config.id}`)
      return { ...criterion, explanation: explainCriterion(criterionConfig, criterion) }
    }),
  }))
  const { score, earned, maxComputable, maxPoints, excluded } = figures
  return { ...figures, groups, explanation: explainTotal(score, earned, maxComputable, maxPoints, excluded) }
}

function explainCriterion(criterion: CriterionConfig, figures: CriterionScore): CriterionExplanation {
  const note = criterion.note ? { note: criterion.note } : {}
  const points = (l: IndexLocale) => formatPoints(criterion.points, l)
  const measure = criterion.measure ? MEASURES[criterion.measure] : null
  const scoring = criterion.scoring
  if (!measure || !scoring) {
    return {
      formula: null,
      scoring: null,
      calculation: bilingual((l) =>
        l === 'vi' ? `Chưa có công thức cho tiêu chí này: ${points(l)} điểm không tính vào tổng.` : `No formula is configured for this criterion: its ${points(l)} points are left out.`,
      ),
      ...note,
    }
  }
  const formula = bilingual((l) => `${measure.numerator[l]} / ${measure.denominator[l]} × 100${l === 'vi' ? NO_BREAK_SPACE : ''}%`)
  const scoringText = bilingual((l) => describeScoring(scoring, criterion.points, l))
  const { status, numerator, denominator, ratio, earned, numeratorDetail } = figures
  const calculation = bilingual((l) => {
    if (status === 'NOT_AVAILABLE') return l === 'vi' ? `${measure.missing.vi} ${points(l)} điểm không tính vào tổng.` : `${measure.missing.en} Its ${points(l)} points are left out.`
    if (status === 'NO_DATA' || numerator === null || denominator === null || ratio === null || earned === null) {
      return l === 'vi'
        ? `${measure.empty.vi} (mẫu số = 0): chưa có dữ liệu để tính, ${points(l)} điểm không tính vào tổng.`
        : `${measure.empty.en} (denominator = 0): nothing to compute, its ${points(l)} points are left out.`
    }
    const line = `${measure.numerator[l]} / ${measure.denominator[l]} = ${formatCount(numerator, l)} / ${formatCount(denominator, l)} = ${formatPercent(ratio, l)} → ${formatPoints(earned, l)} / ${points(l)} ${pointsWord(l)}`
    return numeratorDetail ? `${line} (${formatCount(numerator, l)} = ${describeDetail(numeratorDetail, l)})` : line
  })
  return { formula, scoring: scoringText, calculation, ...note }
}

function explainTotal(score: number | null, earned: number, maxComputable: number, maxPoints: number, excluded: ExcludedCriterion[]): Bilingual {
  return bilingual((l) => {
    const p = (value: number) => formatPoints(value, l)
    const left = excluded.map((item) => `${item.name[l]} (${p(item.points)})`).join('; ')
    if (score === null) {
      return l === 'vi'
        ? `Chưa tính được chỉ số: không tiêu chí nào có dữ liệu (không tính: ${left}).`
        : `The index cannot be computed: no criterion has data (left out: ${left}).`
    }
    const head =
      l === 'vi'
        ? `${p(earned)} / ${p(maxComputable)} điểm tính được = ${p(score)} / 100`
        : `${p(earned)} / ${p(maxComputable)} computable points = ${p(score)} / 100`
    if (excluded.length === 0) return `${head}.`
    return l === 'vi'
      ? `${head}. Không tính ${p(maxPoints - maxComputable)} điểm: ${left}.`
      : `${head}. ${p(maxPoints - maxComputable)} points left out: ${left}.`
  })
}

// ─────────────────────────────── Province aggregate ───────────────────────────────

function sumSection<T extends Record<string, number>>(rows: readonly T[]): T {
  const total: Record<string, number> = {}
  for (const row of rows) for (const [field, value] of Object.entries(row)) total[field] = (total[field] ?? 0) + value
  return total as T
}

/**
 * The counts of several communes as one unit (the province): each section is the field-by-field sum. A section
 * is kept only when every input has it — a province figure made of some communes' counts would pass for the
 * whole province; when a section is missing anywhere, the province's criterion is NOT_AVAILABLE. No input at
 * all gives no section. Procedure counts add up commune × procedure pairs (each commune publishes and offers
 * its own procedures); pass the province's own counts instead if a distinct-procedure figure is wanted.
 * Computing the index on the sum, not averaging scores: see the header.
 */
export function combineIndexInputs(inputs: readonly ServiceIndexInput[]): ServiceIndexInput {
  const combined: Record<string, Record<string, number>> = {}
  if (inputs.length === 0) return {}
  for (const section of INPUT_SECTIONS) {
    const rows = inputs.map((input) => input[section])
    if (rows.some((row) => row == null)) continue
    combined[section] = sumSection(rows as Record<string, number>[])
  }
  return combined as ServiceIndexInput
}

// ─────────────────────────────── Simulator ───────────────────────────────

export type SimulationMode = 'TARGET' | 'STEP'
export type SimulationOptions = {
  /**
   * TARGET (default): reach the ratio that earns the criterion's full points. STEP: raise the ratio by
   * `stepPercent` percentage points, capped at that ratio (and so at 100 %); with thresholds a step may not
   * reach the next level and then gains nothing.
   */
  mode?: SimulationMode
  /** For STEP: percentage points, default 10. */
  stepPercent?: number
}

export type Improvement = {
  groupKey: string
  criterionKey: string
  name: Bilingual
  measure: MeasureKey
  points: number
  /** How many more units (dossiers, procedures, ratings…) would have to meet the criterion, same denominator. */
  extraUnits: number
  before: { numerator: number; denominator: number; ratio: number; earned: number }
  after: { numerator: number; denominator: number; ratio: number; earned: number }
  /** Raw points gained (after.earned − before.earned). */
  gain: number
  /** The index out of 100, before and after (the computable points do not change). */
  scoreBefore: number
  scoreAfter: number
  /** "12 hồ sơ nữa được giải quyết đúng hạn (thay vì quá hạn) sẽ thêm 1,02 điểm (…)". */
  text: Bilingual
}

/** Gains closer than this are ties (they come from floating subtraction), broken by the effort needed. */
const GAIN_TIE = 1e-9

function ceilDivide(numerator: number, denominator: number): number {
  return numerator <= 0 ? 0 : Math.floor((numerator + denominator - 1) / denominator)
}

/**
 * The same input with `extraUnits` more units meeting `measure` (a late dossier settled on time, a desk dossier
 * submitted online, one fewer unsatisfied feedback…), the denominator unchanged. Throws AppError INVALID_INPUT
 * when there are not that many units left to improve.
 */
export function improveInput(input: ServiceIndexInput, measure: MeasureKey, extraUnits: number): ServiceIndexInput {
  const definition = MEASURES[measure]
  const counts = definition.read(input)
  if (!Number.isInteger(extraUnits) || extraUnits < 0 || !counts || counts.numerator + extraUnits > counts.denominator) {
    throw new AppError('INVALID_INPUT', `Cannot improve ${measure} by ${extraUnits}`)
  }
  return definition.improve(input, extraUnits)
}

/**
 * For each computed criterion, what it would take to raise it (see `SimulationOptions`) and what the commune
 * would gain, computed by re-running the index on the improved counts. Sorted by points gained (highest
 * first), then by fewest extra units, then in configuration order. Pure and deterministic.
 */
export function simulateImprovements(input: ServiceIndexInput, config: ServiceIndexConfig = DEFAULT_SERVICE_INDEX_CONFIG, options: SimulationOptions = {}): Improvement[] {
  const mode = options.mode ?? 'TARGET'
  const stepPercent = options.stepPercent ?? 10
  if (!(stepPercent > 0 && stepPercent <= 100 && isHundredths(stepPercent))) throw new AppError('INVALID_INPUT', 'stepPercent must be in (0, 100], to hundredths')
  const current = scoreServiceIndex(input, config)
  const scoreBefore = current.score ?? 0
  const improvements: Improvement[] = []
  for (const group of current.groups) {
    for (const criterion of group.criteria) {
      if (criterion.status !== 'COMPUTED' || !criterion.measure) continue
      const scoring = config.groups.find((g) => g.key === group.key)?.criteria.find((c) => c.key === criterion.key)?.scoring
      if (!scoring) continue
      const numerator = criterion.numerator ?? 0
      const denominator = criterion.denominator ?? 0
      const toFull = ceilDivide(fullPointsBasisPoints(scoring) * denominator - numerator * 100_00, 100_00)
      const extraUnits = mode === 'TARGET' ? toFull : Math.min(toFull, ceilDivide(hundredths(stepPercent) * denominator, 100_00))
      const after = scoreServiceIndex(improveInput(input, criterion.measure, extraUnits), config)
      const improved = after.groups.find((g) => g.key === group.key)?.criteria.find((c) => c.key === criterion.key)
      const earnedBefore = criterion.earned ?? 0
      const earnedAfter = improved?.earned ?? earnedBefore
      const gain = earnedAfter - earnedBefore
      const ratioBefore = criterion.ratio ?? 0
      const ratioAfter = (numerator + extraUnits) / denominator
      const scoreAfter = after.score ?? scoreBefore
      const measure = MEASURES[criterion.measure]
      improvements.push({
        groupKey: group.key,
        criterionKey: criterion.key,
        name: criterion.name,
        measure: criterion.measure,
        points: criterion.points,
        extraUnits,
        before: { numerator, denominator, ratio: ratioBefore, earned: earnedBefore },
        after: { numerator: numerator + extraUnits, denominator, ratio: ratioAfter, earned: earnedAfter },
        gain,
        scoreBefore,
        scoreAfter,
        text: bilingual((l) => {
          if (extraUnits === 0) return l === 'vi' ? 'Đã đạt đủ điểm tiêu chí này.' : 'Already at full points.'
          const p = (value: number) => formatPoints(value, l)
          return l === 'vi'
            ? `${measure.more(extraUnits, l)} sẽ thêm ${p(gain)} điểm (${formatPercent(ratioBefore, l)} → ${formatPercent(ratioAfter, l)}; ${p(earnedBefore)} → ${p(earnedAfter)} / ${p(criterion.points)} điểm; chỉ số ${p(scoreBefore)} → ${p(scoreAfter)})`
            : `${measure.more(extraUnits, l)} would add ${p(gain)} points (${formatPercent(ratioBefore, l)} → ${formatPercent(ratioAfter, l)}; ${p(earnedBefore)} → ${p(earnedAfter)} / ${p(criterion.points)} points; index ${p(scoreBefore)} → ${p(scoreAfter)})`
        }),
      })
    }
  }
  // Pushed in configuration order: the index breaks the last ties.
  return improvements
    .map((improvement, order) => ({ improvement, order }))
    .sort((a, b) => {
      if (Math.abs(a.improvement.gain - b.improvement.gain) > GAIN_TIE) return b.improvement.gain - a.improvement.gain
      if (a.improvement.extraUnits !== b.improvement.extraUnits) return a.improvement.extraUnits - b.improvement.extraUnits
      return a.order - b.order
    })
    .map(({ improvement }) => improvement)
}
