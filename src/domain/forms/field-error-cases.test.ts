import { describe, expect, it } from 'vitest'
import { defaultFormDefinition, FORM_KINDS } from './default-forms'
import { errorCasesOf, errorKeyOf } from './field-error-cases'
import { fieldIssuesOf, formSchema } from './form-schema'

describe('errorCasesOf', () => {
  it('drops entry indexes from paths', () => {
    expect(errorKeyOf('giayTo.12.soTrang')).toBe('giayTo.soTrang')
    expect(errorKeyOf('noiCuTru.communeCode')).toBe('noiCuTru.communeCode')
  })

  it('covers every error the schema reports for bad input, with the same arguments', () => {
    for (const kind of FORM_KINDS) {
      const definition = defaultFormDefinition(kind, [{ key: 'to-khai', nameVi: 'Tờ khai', nameEn: 'Form', required: true }])
      const cases = errorCasesOf(definition)
      const junk: Record<string, unknown> = {}
      for (const field of definition.sections.flatMap((section) => section.fields)) {
        junk[field.key] = field.type === 'group' ? [{ soTrang: '0', soBan: 'x', tenGiayTo: 'a'.repeat(300), soDinhDanh: '1', noiCuTru: { line: '', communeCode: '9' } }] : field.type === 'address' ? { line: 'a'.repeat(300), communeCode: '' } : 'a'.repeat(3000)
      }
      const parsed = formSchema(definition, { today: '2026-11-24', communeCodes: new Set(['16681']) }).safeParse(junk)
      expect(parsed.success).toBe(false)
      if (parsed.success) continue
      for (const [path, issues] of Object.entries(fieldIssuesOf(parsed.error))) {
        for (const issue of issues) {
          const known = cases[errorKeyOf(path)]?.find((candidate) => candidate.code === issue.code)
          expect(known, `${kind} ${path} ${issue.code}`).toBeDefined()
          expect(known!.params).toEqual(issue.params)
        }
      }
    }
  })
})
