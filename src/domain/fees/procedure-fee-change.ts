import { z } from 'zod'
import { FeeExemptionsSchema, FeeRuleSchema, type FeeExemption, type FeeRule } from './fee-schedule'
import type { FeeMoment } from './payment-due'

/**
 * An administrator's change of a procedure's fee, as the form sends it, and the rules it must pass before a
 * new procedure version is published with it. Pure.
 *
 * - `feeVnd`: whole đồng, 0 to 100 000 000; empty means "not known" (null: nothing charged online).
 * - `feeNote`: what the citizen reads about the fee, at most 500 characters; empty means none.
 * - `feeMoment`: before processing or when the result is ready (domain/fees/payment-due.ts).
 * - the rule (`ruleKind` and the fields it counts from) and the exemptions (JSON, edited as text), in the shapes
 *   of domain/fees/fee-schedule.ts; `checkFeeAgainstForm` then checks that every field they name is a field of
 *   the version's form, of a kind the rule can count.
 * Errors are codes by form field (messages/admin-procedures); a code may carry one parameter after a colon
 * (`exemptionInvalid:2` — the second exemption).
 */

export const FEE_MAX_VND = 100_000_000
export const FEE_NOTE_MAX = 500
export const FEE_MOMENTS = ['BEFORE_PROCESSING', 'AT_RESULT'] as const satisfies readonly FeeMoment[]
export const FEE_RULE_KINDS = ['FIXED', 'PER_COPY', 'CERTIFIED_COPY_PAGES'] as const satisfies readonly FeeRule['kind'][]

/** The fee's columns of a procedure version, as stored. */
export type ProcedureFee = {
  feeVnd: number | null
  feeNote: string | null
  feeMoment: FeeMoment
  feeRule: FeeRule
  feeExemptions: FeeExemption[]
}

/** The form's fields, by name. */
export const FEE_FORM_FIELDS = ['feeVnd', 'feeNote', 'feeMoment', 'ruleKind', 'copiesField', 'groupField', 'pagesField', 'feeExemptions'] as const
export type FeeFormField = (typeof FEE_FORM_FIELDS)[number]

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

const ZFeeVnd = z.unknown().transform((value, context): number | null => {
  if (blank(value)) return null
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : ''
  if (!/^\d+$/.test(text)) {
    context.addIssue({ code: 'custom', message: 'feeFormat' })
    return z.NEVER
  }
  const amount = Number(text)
  if (amount > FEE_MAX_VND) {
    context.addIssue({ code: 'custom', message: 'feeTooHigh' })
    return z.NEVER
  }
  return amount
})

const ZFeeNote = z.unknown().transform((value, context): string | null => {
  if (blank(value)) return null
  if (typeof value !== 'string') {
    context.addIssue({ code: 'custom', message: 'invalid' })
    return z.NEVER
  }
  const note = value.trim()
  if (note.length > FEE_NOTE_MAX) {
    context.addIssue({ code: 'custom', message: 'feeNoteTooLong' })
    return z.NEVER
  }
  return note
})

const ZFieldKey = z.preprocess((value) => (blank(value) ? undefined : value), z.string({ error: 'fieldRequired' }).trim())

const ZExemptionsText = z.unknown().transform((value, context): string | unknown[] => {
  if (blank(value)) return []
  if (typeof value === 'string' || Array.isArray(value)) return value
  context.addIssue({ code: 'custom', message: 'exemptionsNotJson' })
  return z.NEVER
})

export const ZProcedureFeeForm = z.object({
  feeVnd: ZFeeVnd,
  feeNote: ZFeeNote,
  feeMoment: z.enum(FEE_MOMENTS, { error: 'feeMomentInvalid' }),
  ruleKind: z.enum(FEE_RULE_KINDS, { error: 'ruleKindInvalid' }),
  copiesField: z.unknown(),
  groupField: z.unknown(),
  pagesField: z.unknown(),
  /** JSON text from the textarea, or the list itself (from code). */
  feeExemptions: ZExemptionsText,
})

type FieldErrors = Partial<Record<FeeFormField | '_form', string[]>>

export type FeeFormResult = { ok: true; fee: ProcedureFee } | { ok: false; fieldErrors: FieldErrors }

function add(errors: FieldErrors, field: FeeFormField | '_form', code: string) {
  ;(errors[field] ??= []).push(code)
}

/** The rule from its kind and the fields that kind counts from (the others are ignored). */
function ruleOf(kind: FeeRule['kind'], raw: Record<'copiesField' | 'groupField' | 'pagesField', unknown>, errors: FieldErrors): FeeRule | null {
  const needed: ('copiesField' | 'groupField' | 'pagesField')[] = kind === 'PER_COPY' ? ['copiesField'] : kind === 'CERTIFIED_COPY_PAGES' ? ['groupField', 'pagesField', 'copiesField'] : []
  const candidate: Record<string, unknown> = { kind }
  let missing = false
  for (const field of needed) {
    const parsed = ZFieldKey.safeParse(raw[field])
    if (!parsed.success) {
      add(errors, field, 'fieldRequired')
      missing = true
    } else candidate[field] = parsed.data
  }
  if (missing) return null
  const rule = FeeRuleSchema.safeParse(candidate)
  if (rule.success) return rule.data
  for (const issue of rule.error.issues) {
    const field = issue.path[0]
    add(errors, typeof field === 'string' && (needed as string[]).includes(field) ? (field as FeeFormField) : 'ruleKind', 'fieldFormat')
  }
  return null
}

/** The exemptions from the textarea's JSON: not JSON, not a list, or an entry of the wrong shape are errors. */
export function parseExemptions(value: string | unknown[]): { ok: true; exemptions: FeeExemption[] } | { ok: false; code: string } {
  let data: unknown = value
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value)
    } catch {
      return { ok: false, code: 'exemptionsNotJson' }
    }
  }
  if (!Array.isArray(data)) return { ok: false, code: 'exemptionsNotList' }
  const parsed = FeeExemptionsSchema.safeParse(data)
  if (parsed.success) return { ok: true, exemptions: parsed.data }
  const index = parsed.error.issues[0]?.path[0]
  return { ok: false, code: typeof index === 'number' ? `exemptionInvalid:${index + 1}` : 'exemptionsNotList' }
}

/** Parses the form (shapes and limits only; `checkFeeAgainstForm` then checks the fields it names). */
export function parseFeeForm(input: unknown): FeeFormResult {
  const errors: FieldErrors = {}
  const record = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {}
  const parsed = ZProcedureFeeForm.safeParse(record)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0]
      if (typeof field === 'string' && (FEE_FORM_FIELDS as readonly string[]).includes(field)) {
        // One code per field: the first is the one to fix.
        if (!errors[field as FeeFormField]) add(errors, field as FeeFormField, issue.message)
      } else add(errors, '_form', 'invalidRequest')
    }
  }
  const data = parsed.success ? parsed.data : null
  const kind = data?.ruleKind ?? ruleKindOf(record.ruleKind)
  const rule = kind ? ruleOf(kind, { copiesField: record.copiesField, groupField: record.groupField, pagesField: record.pagesField }, errors) : null
  // Checked even when other fields failed, so every mistake is shown at once.
  let exemptions: FeeExemption[] | null = null
  const exemptionsText = ZExemptionsText.safeParse(record.feeExemptions)
  if (exemptionsText.success) {
    const result = parseExemptions(exemptionsText.data)
    if (result.ok) exemptions = result.exemptions
    else add(errors, 'feeExemptions', result.code)
  }
  if (!data || !rule || !exemptions || Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors }
  return { ok: true, fee: { feeVnd: data.feeVnd, feeNote: data.feeNote, feeMoment: data.feeMoment, feeRule: rule, feeExemptions: exemptions } }
}

function ruleKindOf(value: unknown): FeeRule['kind'] | null {
  return (FEE_RULE_KINDS as readonly unknown[]).includes(value) ? (value as FeeRule['kind']) : null
}

type LeafLike = { key: string; type: string; options?: readonly { value: string }[] }
type FieldLike = LeafLike & { fields?: readonly LeafLike[] }
/** What these checks read of a form definition (domain/forms/form-definition.ts). */
export type FeeFormLike = { sections: readonly { fields: readonly FieldLike[] }[] }
type FormLike = FeeFormLike

/** The top-level fields of a form (the answers are one flat object of them), groups with their own fields. */
function topLevelFields(form: FormLike): FieldLike[] {
  return form.sections.flatMap((section) => section.fields)
}

/** The fields a rule may count from: numbers at the top (`PER_COPY`), a group and its numbers (`CERTIFIED_COPY_PAGES`). */
export function countableFields(form: FormLike): { numbers: string[]; groups: { key: string; numbers: string[] }[] } {
  const fields = topLevelFields(form)
  return {
    numbers: fields.filter((field) => field.type === 'number').map((field) => field.key),
    groups: fields
      .filter((field) => field.type === 'group')
      .map((field) => ({ key: field.key, numbers: (field.fields ?? []).filter((inner) => inner.type === 'number').map((inner) => inner.key) })),
  }
}

/** Fields an exemption's condition may test: the top-level answers other than groups and files. */
export function conditionFields(form: FormLike): string[] {
  return topLevelFields(form)
    .filter((field) => field.type !== 'group' && field.type !== 'file')
    .map((field) => field.key)
}

/**
 * Every field the rule and the exemptions name must be a field of the version's form: the number of copies a
 * number field at the top (PER_COPY); for CERTIFIED_COPY_PAGES a repeatable group, and pages and copies number
 * fields inside it; each exemption's condition a top-level answer. Errors by form field, none when all hold.
 */
export function checkFeeAgainstForm(fee: Pick<ProcedureFee, 'feeRule' | 'feeExemptions'>, form: FormLike): FieldErrors {
  const errors: FieldErrors = {}
  const { numbers, groups } = countableFields(form)
  const rule = fee.feeRule
  if (rule.kind === 'PER_COPY' && !numbers.includes(rule.copiesField)) add(errors, 'copiesField', 'fieldNotInForm')
  if (rule.kind === 'CERTIFIED_COPY_PAGES') {
    const group = groups.find((candidate) => candidate.key === rule.groupField)
    if (!group) add(errors, 'groupField', 'groupNotInForm')
    else {
      if (!group.numbers.includes(rule.pagesField)) add(errors, 'pagesField', 'fieldNotInGroup')
      if (!group.numbers.includes(rule.copiesField)) add(errors, 'copiesField', 'fieldNotInGroup')
    }
  }
  const answers = new Map(topLevelFields(form).filter((field) => field.type !== 'group' && field.type !== 'file').map((field) => [field.key, field]))
  for (const [index, exemption] of fee.feeExemptions.entries()) {
    const field = answers.get(exemption.when.field)
    const values = 'equals' in exemption.when ? [exemption.when.equals] : exemption.when.oneOf
    if (!field) add(errors, 'feeExemptions', `exemptionFieldNotInForm:${index + 1}`)
    // A value the answer can never take ("false" for a tick box) would make the exemption silently never apply.
    else if (!values.every((value) => answerCanBe(field, value))) add(errors, 'feeExemptions', `exemptionValueInvalid:${index + 1}`)
    else continue
    break
  }
  return errors
}

/** Whether a field's answer (as the form's schema gives it) can equal this value. */
export function answerCanBe(field: LeafLike, value: string | number | boolean): boolean {
  switch (field.type) {
    case 'checkbox':
      return typeof value === 'boolean'
    case 'number':
      return typeof value === 'number'
    case 'select':
    case 'radio':
      return typeof value === 'string' && (field.options ?? []).some((option) => option.value === value)
    case 'address':
      return false
    default:
      return typeof value === 'string'
  }
}

/** Names in `ProcedureVersion.unverifiedFields` that are about the fee. */
export const FEE_UNVERIFIED_FIELDS = ['feeVnd', 'feeNote', 'feeMoment', 'feeRule', 'feeExemptions'] as const

export const isFeeUnverifiedField = (name: string) => (FEE_UNVERIFIED_FIELDS as readonly string[]).includes(name) || name.startsWith('fee.')

/** The fee's flags among a version's unverified fields (shown in the list). */
export function unverifiedFeeFields(unverified: readonly string[]): string[] {
  return unverified.filter(isFeeUnverifiedField)
}

/**
 * The unverified fields of the version an administrator publishes with a stated fee: the fee's flags go, the
 * others stay. Except an amount left empty that the rule needs (FIXED, PER_COPY): the amount is still not
 * known, so "feeVnd" stays (or is added) flagged.
 */
export function unverifiedAfterFeeChange(unverified: readonly string[], fee: Pick<ProcedureFee, 'feeVnd' | 'feeRule'>): string[] {
  const amountUnknown = fee.feeVnd === null && fee.feeRule.kind !== 'CERTIFIED_COPY_PAGES'
  // An amount still unknown keeps its flag where it was, so an unchanged form compares equal.
  const kept = unverified.filter((name) => !isFeeUnverifiedField(name) || (amountUnknown && name === 'feeVnd'))
  return amountUnknown && !kept.includes('feeVnd') ? [...kept, 'feeVnd'] : kept
}

/** Two fees alike, field by field (JSON compared by value). */
export function changedFeeFields(before: ProcedureFee, after: ProcedureFee): (keyof ProcedureFee)[] {
  const keys: (keyof ProcedureFee)[] = ['feeVnd', 'feeNote', 'feeMoment', 'feeRule', 'feeExemptions']
  return keys.filter((key) => canonical(before[key]) !== canonical(after[key]))
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  )
}
