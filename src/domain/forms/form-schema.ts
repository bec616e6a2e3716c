import { z } from 'zod'
import { isCalendarDate } from '../account/registration'
import type { LocalDate } from '../calendar/working-days'
import { normalizeCitizenId, validateCitizenId } from '../identity/citizen-id'
import { normalizeVietnamesePhone } from '../identity/phone'
import type { FormDefinition } from './form-definition'

/**
 * The zod schema of a submission, derived from the procedure version's form definition; the same schema runs
 * in the browser (to show errors next to the fields) and again on the server (the only check that counts).
 *
 * Input: one flat object keyed by top-level field key, as the form posts it (strings, or already typed
 * values when read back from storage). Output: the cleaned `formData` that is stored — only the fields that
 * are visible and answered, typed (numbers, booleans, `yyyy-MM-dd` dates, normalised phone and ID numbers,
 * `{ line, communeCode }` addresses, arrays of attachment ids, arrays of objects for repeatable groups).
 *
 * Visibility (`visibleWhen`) is decided on the cleaned values of the same level (the section's flat object,
 * or the group entry): a hidden field is never required and its value is dropped; a field whose controlling
 * field is hidden is hidden too.
 *
 * Every problem is a zod issue with `code: 'custom'`, the error code as `message` and in `params.formError`
 * (with the numbers a message needs, e.g. `max`), at the field's path: `['soBan']`, `['giayTo', 0, 'soTrang']`,
 * `['noiCuTru', 'communeCode']`.
 */

export const FORM_ERROR_CODES = [
  'REQUIRED',
  'INVALID',
  'TOO_LONG',
  'NOT_A_NUMBER',
  'NOT_AN_INTEGER',
  'OUT_OF_RANGE',
  'INVALID_DATE',
  'IN_FUTURE',
  'NOT_AN_OPTION',
  'CITIZEN_ID',
  'PHONE',
  'EMAIL',
  'COMMUNE',
  'FILE',
  'TOO_FEW',
  'TOO_MANY',
] as const

export type FormErrorCode = (typeof FORM_ERROR_CODES)[number]

/** What a message needs besides the code (ICU arguments of messages/forms/*.json `FormErrors`). */
export type FormErrorParams = { min?: number; max?: number; bound?: 'min' | 'max' | 'between'; of?: 'files' | 'entries' }

export type AddressValue = { line: string; communeCode: string }
export type FormLeafValue = string | number | boolean | AddressValue | string[]
export type FormGroupEntry = { [key: string]: FormLeafValue }
export type FormValues = { [key: string]: FormLeafValue | FormGroupEntry[] }

export type FormSchemaOptions = {
  /** Today in Vietnam, `yyyy-MM-dd`, for `notInFuture` dates. */
  today: LocalDate
  /** Codes of the communes an address may name; any non-empty code when omitted. */
  communeCodes?: ReadonlySet<string>
}

/** Longest free text of an address line (the field has no `maxLength` of its own). */
export const ADDRESS_LINE_MAX_LENGTH = 200

type Field = FormDefinition['sections'][number]['fields'][number]
type GroupField = Extract<Field, { type: 'group' }>
type LeafField = Exclude<Field, GroupField>
type VisibleWhen = NonNullable<Field['visibleWhen']>
type Path = (string | number)[]
type Report = (path: Path, code: FormErrorCode, params?: FormErrorParams) => void

const ATTACHMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const NUMBER_TEXT = /^[+-]?\d+(?:[.,]\d+)?$/
const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const CHECKED = new Set(['on', 'true', '1', 'yes'])
const UNCHECKED = new Set(['', 'off', 'false', '0', 'no'])
const emailSchema = z.email()

const NO_VALUE = Symbol('no value')
type Cleaned = FormLeafValue | FormGroupEntry[] | typeof NO_VALUE

function fail(report: Report, path: Path, code: FormErrorCode, params?: FormErrorParams): typeof NO_VALUE {
  report(path, code, params)
  return NO_VALUE
}

/** Nothing answered: absent, blank text, no files, no entries, or an address with neither part filled. */
function isBlank(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true
  if (typeof raw === 'string') return raw.trim() === ''
  if (Array.isArray(raw)) return raw.length === 0
  if (typeof raw === 'object') {
    const { line, communeCode } = raw as { line?: unknown; communeCode?: unknown }
    return isBlank(line) && isBlank(communeCode) && Object.keys(raw).every((key) => key === 'line' || key === 'communeCode')
  }
  return false
}

function asText(raw: unknown): string | null {
  if (typeof raw === 'string') return raw.normalize('NFC').trim()
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw)
  return null
}

function isVisible(condition: VisibleWhen | undefined, level: Readonly<Record<string, unknown>>): boolean {
  if (!condition) return true
  const value = level[condition.field]
  if (value === undefined) return false
  const same = (expected: string | number | boolean) =>
    value === expected || (typeof value !== 'boolean' && typeof expected !== 'boolean' && typeof value !== 'object' && String(value) === String(expected))
  return 'equals' in condition ? same(condition.equals) : condition.oneOf.some(same)
}

function cleanLeaf(field: LeafField, raw: unknown, path: Path, report: Report, options: FormSchemaOptions): Cleaned {
  switch (field.type) {
    case 'checkbox': {
      const checked = raw === true || (typeof raw === 'string' && CHECKED.has(raw.trim().toLowerCase()))
      const unchecked = raw === undefined || raw === null || raw === false || (typeof raw === 'string' && UNCHECKED.has(raw.trim().toLowerCase()))
      if (!checked && !unchecked) return fail(report, path, 'INVALID')
      if (!checked && field.required) return fail(report, path, 'REQUIRED')
      return checked
    }
    default:
      break
  }
  if (isBlank(raw)) {
    if (field.required) report(path, 'REQUIRED')
    return NO_VALUE
  }
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const text = asText(raw)
      if (text === null) return fail(report, path, 'INVALID')
      if (field.maxLength !== undefined && text.length > field.maxLength) return fail(report, path, 'TOO_LONG', { max: field.maxLength })
      return text
    }
    case 'number': {
      let value: number
      if (typeof raw === 'number') value = raw
      else if (typeof raw === 'string' && NUMBER_TEXT.test(raw.replace(/\s/g, ''))) value = Number(raw.replace(/\s/g, '').replace(',', '.'))
      else return fail(report, path, 'NOT_A_NUMBER')
      if (!Number.isFinite(value)) return fail(report, path, 'NOT_A_NUMBER')
      if (field.integer && !Number.isInteger(value)) return fail(report, path, 'NOT_AN_INTEGER')
      if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) {
        const bound = field.min !== undefined && field.max !== undefined ? 'between' : field.min !== undefined ? 'min' : 'max'
        report(path, 'OUT_OF_RANGE', { bound, ...(field.min !== undefined ? { min: field.min } : {}), ...(field.max !== undefined ? { max: field.max } : {}) })
        return NO_VALUE
      }
      return value
    }
    case 'date': {
      const text = typeof raw === 'string' ? raw.trim() : null
      const dmy = text === null ? null : DAY_MONTH_YEAR.exec(text)
      const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : text
      if (iso === null || !isCalendarDate(iso)) return fail(report, path, 'INVALID_DATE')
      if (field.notInFuture && iso > options.today) return fail(report, path, 'IN_FUTURE')
      return iso
    }
    case 'select':
    case 'radio': {
      const text = asText(raw)
      if (text === null || !field.options.some((option) => option.value === text)) return fail(report, path, 'NOT_AN_OPTION')
      return text
    }
    case 'citizenId': {
      const id = typeof raw === 'string' ? normalizeCitizenId(raw) : null
      if (id === null || !validateCitizenId(id).ok) return fail(report, path, 'CITIZEN_ID')
      return id
    }
    case 'phone': {
      const phone = typeof raw === 'string' ? normalizeVietnamesePhone(raw) : null
      if (phone === null) return fail(report, path, 'PHONE')
      return phone
    }
    case 'email': {
      const email = typeof raw === 'string' ? raw.trim() : ''
      if (!emailSchema.safeParse(email).success) return fail(report, path, 'EMAIL')
      return email
    }
    case 'address': {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail(report, path, 'INVALID')
      const { line: rawLine, communeCode: rawCode } = raw as { line?: unknown; communeCode?: unknown }
      const line = isBlank(rawLine) ? '' : asText(rawLine)
      const communeCode = isBlank(rawCode) ? '' : asText(rawCode)
      const lineProblem: [FormErrorCode, FormErrorParams?] | null =
        line === null ? ['INVALID'] : line === '' ? ['REQUIRED'] : line.length > ADDRESS_LINE_MAX_LENGTH ? ['TOO_LONG', { max: ADDRESS_LINE_MAX_LENGTH }] : null
      const communeProblem: FormErrorCode | null =
        communeCode === '' ? 'REQUIRED' : communeCode === null || (options.communeCodes && !options.communeCodes.has(communeCode)) ? 'COMMUNE' : null
      if (lineProblem) report([...path, 'line'], ...lineProblem)
      if (communeProblem) report([...path, 'communeCode'], communeProblem)
      return lineProblem || communeProblem || !line || !communeCode ? NO_VALUE : { line, communeCode }
    }
    case 'file': {
      const list: unknown[] = Array.isArray(raw) ? raw : [raw]
      if (!list.every((id): id is string => typeof id === 'string' && ATTACHMENT_ID.test(id.trim()))) return fail(report, path, 'FILE')
      const ids = [...new Set(list.map((id) => id.trim().toLowerCase()))]
      if (ids.length > field.maxFiles) return fail(report, path, 'TOO_MANY', { max: field.maxFiles, of: 'files' })
      return ids
    }
  }
}

function cleanGroup(field: GroupField, raw: unknown, path: Path, report: Report, options: FormSchemaOptions): Cleaned {
  if (isBlank(raw)) {
    if (field.required) report(path, 'REQUIRED')
    return NO_VALUE
  }
  if (!Array.isArray(raw)) return fail(report, path, 'INVALID')
  let ok = true
  if (raw.length < field.minItems) {
    report(path, 'TOO_FEW', { min: field.minItems, of: 'entries' })
    ok = false
  }
  if (raw.length > field.maxItems) return fail(report, path, 'TOO_MANY', { max: field.maxItems, of: 'entries' })
  const entries = raw.map((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      report([...path, index], 'INVALID')
      ok = false
      return {}
    }
    return cleanLevel(field.fields, entry as Record<string, unknown>, [...path, index], report, options) as FormGroupEntry
  })
  return ok ? entries : NO_VALUE
}

/** One level (the whole form, or one group entry): fields in order, each seeing the cleaned earlier ones. */
function cleanLevel(fields: readonly Field[], input: Record<string, unknown>, path: Path, report: Report, options: FormSchemaOptions): FormValues {
  const output: FormValues = {}
  for (const field of fields) {
    if (!isVisible(field.visibleWhen, output)) continue
    const fieldPath = [...path, field.key]
    const raw = input[field.key]
    const value = field.type === 'group' ? cleanGroup(field, raw, fieldPath, report, options) : cleanLeaf(field, raw, fieldPath, report, options)
    if (value !== NO_VALUE) output[field.key] = value
  }
  return output
}

/** The submission schema of a form definition (see the top of this file). */
export function formSchema(definition: FormDefinition, options: FormSchemaOptions): z.ZodType<FormValues, unknown> {
  const fields = definition.sections.flatMap((section) => section.fields)
  return z.unknown().transform((input, context): FormValues => {
    const report: Report = (path, code, params) => {
      context.addIssue({ code: 'custom', path, message: code, params: { formError: code, ...params } })
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      report([], 'INVALID')
      return z.NEVER
    }
    const before = context.issues.length
    const output = cleanLevel(fields, input as Record<string, unknown>, [], report, options)
    return context.issues.length > before ? z.NEVER : output
  })
}

export type FormFieldIssue = { code: FormErrorCode; params: FormErrorParams }

const isFormErrorCode = (value: unknown): value is FormErrorCode => typeof value === 'string' && (FORM_ERROR_CODES as readonly string[]).includes(value)

/** Issues by dotted path (`"giayTo.0.soTrang"`, `""` for the whole form), with their message arguments. */
export function fieldIssuesOf(error: z.ZodError): Record<string, FormFieldIssue[]> {
  const result: Record<string, FormFieldIssue[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.')
    const params = (issue.code === 'custom' ? issue.params : undefined) as (FormErrorParams & { formError?: unknown }) | undefined
    const code = isFormErrorCode(params?.formError) ? params.formError : 'INVALID'
    const rest: FormErrorParams = {}
    if (typeof params?.min === 'number') rest.min = params.min
    if (typeof params?.max === 'number') rest.max = params.max
    if (params?.bound) rest.bound = params.bound
    if (params?.of) rest.of = params.of
    ;(result[key] ??= []).push({ code, params: rest })
  }
  return result
}

/** Error codes by dotted path (`"giayTo.0.soTrang"`), for showing next to each field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, FormErrorCode[]> {
  return Object.fromEntries(Object.entries(fieldIssuesOf(error)).map(([path, issues]) => [path, issues.map((issue) => issue.code)]))
}
