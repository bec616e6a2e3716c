import { z } from 'zod'
import { VisibleWhenSchema } from '../forms/form-definition'

/**
 * What a dossier owes, from its procedure version (`feeVnd`, `feeRule`, `feeExemptions`) and the applicant's
 * answers. Pure: the submission stores the result on the dossier (`Dossier.feeVnd`), so a later change of the
 * procedure's fee never changes what an earlier dossier owes.
 *
 * Rules (`ProcedureVersion.feeRule`):
 * - FIXED: `feeVnd` per dossier (e.g. signature certification, 10 000 ₫ per case — Circular 226/2016 art. 4).
 * - PER_COPY: `feeVnd` × the number in `copiesField` (e.g. civil status extract copies, 8 000 ₫ each —
 *   Circular 281/2016 art. 4).
 * - CERTIFIED_COPY_PAGES: for each entry of the repeatable group `groupField`, per copy 2 000 ₫ for each of the
 *   first two pages and 1 000 ₫ for each page from the third, at most 200 000 ₫ a copy, × copies (certification
 *   of copies from originals — Circular 226/2016 art. 4). `feeVnd` is not used: the rates are the circular's.
 * Exemptions (`ProcedureVersion.feeExemptions`): the first whose condition holds on the answers makes the fee 0
 * and names the reason (e.g. on-time birth registration, a mortgage for an agricultural loan). Conditions use
 * the form's own `visibleWhen` shape, so an administrator writes them the same way.
 * `feeVnd` null (the sources did not give the amount) → the fee is unknown: nothing is charged online and the
 * desk says what is owed.
 */

const FieldKey = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'camelCase key')

export const FeeRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('FIXED') }),
  z.strictObject({ kind: z.literal('PER_COPY'), copiesField: FieldKey }),
  z.strictObject({ kind: z.literal('CERTIFIED_COPY_PAGES'), groupField: FieldKey, pagesField: FieldKey, copiesField: FieldKey }),
])
export type FeeRule = z.infer<typeof FeeRuleSchema>

export const FeeExemptionSchema = z.strictObject({
  when: VisibleWhenSchema,
  reasonVi: z.string().min(1),
  reasonEn: z.string().min(1),
})
export type FeeExemption = z.infer<typeof FeeExemptionSchema>

export const FeeExemptionsSchema = z.array(FeeExemptionSchema)

export const CERTIFIED_COPY_RATES = { firstPagesVnd: 2_000, firstPages: 2, laterPageVnd: 1_000, maxPerCopyVnd: 200_000 } as const

/** Fee of certifying `copies` copies of an original of `pages` pages (Circular 226/2016 art. 4). */
export function certifiedCopyFee(pages: number, copies: number): number {
  const { firstPagesVnd, firstPages, laterPageVnd, maxPerCopyVnd } = CERTIFIED_COPY_RATES
  const perCopy = Math.min(maxPerCopyVnd, firstPagesVnd * Math.min(pages, firstPages) + laterPageVnd * Math.max(0, pages - firstPages))
  return perCopy * copies
}

export type FeeSchedule = {
  feeVnd: number | null
  rule: FeeRule
  exemptions: readonly FeeExemption[]
}

export type FeeAssessment =
  | { kind: 'UNKNOWN' }
  | { kind: 'EXEMPT'; amountVnd: 0; reasonVi: string; reasonEn: string }
  | { kind: 'CHARGED'; amountVnd: number }

/** Reads a version's stored fee columns; malformed JSON falls back to a fixed fee with no exemption. */
export function feeScheduleOf(version: { feeVnd: number | null; feeRule: unknown; feeExemptions: unknown }): FeeSchedule {
  const rule = FeeRuleSchema.safeParse(version.feeRule)
  const exemptions = FeeExemptionsSchema.safeParse(version.feeExemptions)
  return { feeVnd: version.feeVnd, rule: rule.success ? rule.data : { kind: 'FIXED' }, exemptions: exemptions.success ? exemptions.data : [] }
}

/** The fee owed for these answers (answers already validated by the form's schema). */
export function assessFee(schedule: FeeSchedule, answers: Record<string, unknown>): FeeAssessment {
  const exemption = schedule.exemptions.find((candidate) => conditionHolds(candidate.when, answers))
  if (exemption) return { kind: 'EXEMPT', amountVnd: 0, reasonVi: exemption.reasonVi, reasonEn: exemption.reasonEn }
  const rule = schedule.rule
  switch (rule.kind) {
    case 'CERTIFIED_COPY_PAGES': {
      const entries = Array.isArray(answers[rule.groupField]) ? (answers[rule.groupField] as unknown[]) : []
      const amountVnd = entries.reduce<number>((sum, entry) => {
        if (!entry || typeof entry !== 'object') return sum
        const record = entry as Record<string, unknown>
        return sum + certifiedCopyFee(count(record[rule.pagesField]), count(record[rule.copiesField]))
      }, 0)
      return { kind: 'CHARGED', amountVnd }
    }
    case 'PER_COPY':
      if (schedule.feeVnd === null) return { kind: 'UNKNOWN' }
      return { kind: 'CHARGED', amountVnd: schedule.feeVnd * count(answers[rule.copiesField]) }
    case 'FIXED':
      if (schedule.feeVnd === null) return { kind: 'UNKNOWN' }
      return { kind: 'CHARGED', amountVnd: schedule.feeVnd }
  }
}

/** The amount to store on the dossier: unknown fees are 0 (collected at the desk, not online). */
export function feeAmount(assessment: FeeAssessment): number {
  return assessment.kind === 'UNKNOWN' ? 0 : assessment.amountVnd
}

function count(value: unknown): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN
  return Number.isInteger(number) && number > 0 ? number : 0
}

function conditionHolds(condition: FeeExemption['when'], answers: Record<string, unknown>): boolean {
  const value = answers[condition.field]
  if ('equals' in condition) return value === condition.equals
  return condition.oneOf.some((option) => option === value)
}
