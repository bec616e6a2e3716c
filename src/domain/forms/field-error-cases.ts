import type { FormDefinition } from './form-definition'
import { ADDRESS_LINE_MAX_LENGTH, type FormErrorCode, type FormErrorParams } from './form-schema'

/**
 * Every error `formSchema` can report for each field, with the arguments its message needs. Messages depend
 * only on the definition, so the server can word them all once and the browser — which runs the same schema
 * before posting — shows the same sentence without shipping the message catalogue.
 *
 * Keys are field paths without entry indexes: `soBan`, `giayTo.soTrang`, `noiCuTru.line`.
 */

type Field = FormDefinition['sections'][number]['fields'][number]
export type ErrorCase = { code: FormErrorCode; params: FormErrorParams }

/** A field path with the entry indexes removed (`giayTo.0.soTrang` → `giayTo.soTrang`). */
export function errorKeyOf(path: string): string {
  return path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.')
}

const plain = (...codes: FormErrorCode[]): ErrorCase[] => codes.map((code) => ({ code, params: {} }))

function leafCases(field: Exclude<Field, { type: 'group' }>): Record<string, ErrorCase[]> {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return { '': [...plain('REQUIRED', 'INVALID'), ...(field.maxLength ? [{ code: 'TOO_LONG' as const, params: { max: field.maxLength } }] : [])] }
    case 'number': {
      const bound = field.min !== undefined && field.max !== undefined ? 'between' : field.min !== undefined ? 'min' : 'max'
      const range: FormErrorParams = { bound, ...(field.min !== undefined ? { min: field.min } : {}), ...(field.max !== undefined ? { max: field.max } : {}) }
      return { '': [...plain('REQUIRED', 'NOT_A_NUMBER', 'NOT_AN_INTEGER'), { code: 'OUT_OF_RANGE', params: range }] }
    }
    case 'date':
      return { '': plain('REQUIRED', 'INVALID_DATE', 'IN_FUTURE') }
    case 'select':
    case 'radio':
      return { '': plain('REQUIRED', 'NOT_AN_OPTION') }
    case 'checkbox':
      return { '': plain('REQUIRED', 'INVALID') }
    case 'citizenId':
      return { '': plain('REQUIRED', 'CITIZEN_ID') }
    case 'phone':
      return { '': plain('REQUIRED', 'PHONE') }
    case 'email':
      return { '': plain('REQUIRED', 'EMAIL') }
    case 'address':
      return {
        '': plain('REQUIRED', 'INVALID'),
        line: [...plain('REQUIRED', 'INVALID'), { code: 'TOO_LONG', params: { max: ADDRESS_LINE_MAX_LENGTH } }],
        communeCode: plain('REQUIRED', 'COMMUNE'),
      }
    case 'file':
      return { '': [...plain('REQUIRED', 'FILE'), { code: 'TOO_MANY', params: { max: field.maxFiles, of: 'files' } }] }
  }
}

/** Error cases by index-free path (see the top of this file). */
export function errorCasesOf(definition: FormDefinition): Record<string, ErrorCase[]> {
  const cases: Record<string, ErrorCase[]> = { '': plain('INVALID') }
  const add = (prefix: string, byPart: Record<string, ErrorCase[]>) => {
    for (const [part, list] of Object.entries(byPart)) cases[part ? `${prefix}.${part}` : prefix] = list
  }
  for (const field of definition.sections.flatMap((section) => section.fields)) {
    if (field.type !== 'group') {
      add(field.key, leafCases(field))
      continue
    }
    cases[field.key] = [
      ...plain('REQUIRED', 'INVALID'),
      { code: 'TOO_FEW', params: { min: field.minItems, of: 'entries' } },
      { code: 'TOO_MANY', params: { max: field.maxItems, of: 'entries' } },
    ]
    for (const inner of field.fields) add(`${field.key}.${inner.key}`, leafCases(inner))
  }
  return cases
}
