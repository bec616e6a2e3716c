import { describe, expect, it } from 'vitest'
import { buildCatalogue } from '../../../prisma/seed/procedure-catalogue'
import { defaultFormDefinition, FORM_KINDS } from './default-forms'
import { FormDefinitionSchema, type FormDefinitionInput } from './form-definition'
import { RequiredDocumentListSchema } from './required-document'

const catalogue = buildCatalogue()

describe('seeded form definitions', () => {
  it.each(catalogue.map((entry) => [entry.nameVi.slice(0, 60), entry] as const))('%s: parses, as stored in JSON', (_name, entry) => {
    const stored = JSON.parse(JSON.stringify(entry.formDefinition)) as unknown
    expect(FormDefinitionSchema.parse(stored)).toEqual(entry.formDefinition)
    expect(RequiredDocumentListSchema.parse(entry.requiredDocuments)).toEqual(entry.requiredDocuments)
  })

  it.each(catalogue.map((entry) => [entry.nameVi.slice(0, 60), entry] as const))('%s: one file slot per document handed in', (_name, entry) => {
    const slots = entry.formDefinition.sections.flatMap((section) => section.fields.flatMap((field) => (field.type === 'file' ? [field.documentKey] : [])))
    expect(slots).toEqual(entry.requiredDocuments.filter((document) => !document.presentOnly).map((document) => document.key))
  })

  it('uses the specific forms for the busiest procedures', () => {
    const kindOf = (slug: string) => catalogue.find((entry) => entry.slug === slug)?.formKind
    expect(kindOf('1.001193')).toBe('birth')
    expect(kindOf('1.000894')).toBe('marriage')
    expect(kindOf('1.000656')).toBe('death')
    expect(kindOf('2.000815')).toBe('certifiedCopy')
    expect(kindOf('2.000884')).toBe('signature')
  })

  it('asks the birth form for the child, the parents and the declarant, with the father shown on demand', () => {
    const birth = catalogue.find((entry) => entry.slug === '1.001193')?.formDefinition
    const keys = birth?.sections.flatMap((section) => section.fields.map((field) => field.key)) ?? []
    expect(keys).toEqual(expect.arrayContaining(['treHoTen', 'treNgaySinh', 'treNoiSinh', 'treGioiTinh', 'meHoTen', 'chaHoTen', 'quanHeVoiTre', 'hoTenNguoiYeuCau']))
    const father = birth?.sections.flatMap((section) => section.fields).find((field) => field.key === 'chaHoTen')
    expect(father?.visibleWhen).toEqual({ field: 'coThongTinCha', equals: true })
  })

  it('asks certified copies for pages and copies per document', () => {
    const copy = catalogue.find((entry) => entry.slug === '2.000815')?.formDefinition
    const group = copy?.sections.flatMap((section) => section.fields).find((field) => field.type === 'group')
    expect(group?.type === 'group' ? group.fields.map((field) => field.key) : []).toEqual(expect.arrayContaining(['soTrang', 'soBan']))
  })
})

describe('FormDefinitionSchema', () => {
  const valid: FormDefinitionInput = {
    schemaVersion: 1,
    sections: [
      {
        key: 'a',
        titleVi: 'A',
        titleEn: 'A',
        fields: [
          { key: 'kind', type: 'radio', labelVi: 'Loại', labelEn: 'Kind', options: [{ value: 'x', labelVi: 'X', labelEn: 'X' }] },
          { key: 'detail', type: 'text', labelVi: 'Chi tiết', labelEn: 'Detail', visibleWhen: { field: 'kind', equals: 'x' } },
        ],
      },
    ],
  }

  it('fills in defaults', () => {
    const parsed = FormDefinitionSchema.parse(valid)
    expect(parsed.sections[0]?.fields[0]?.required).toBe(false)
  })

  it('builds every form kind without documents', () => {
    for (const kind of FORM_KINDS) expect(() => defaultFormDefinition(kind, [])).not.toThrow()
  })

  it('rejects duplicate keys, dangling conditions, duplicate options and unknown field types', () => {
    const section = valid.sections[0]!
    const withFields = (fields: unknown[]) => ({ ...valid, sections: [{ ...section, fields }] })
    const [kind, detail] = section.fields
    expect(FormDefinitionSchema.safeParse(withFields([kind, kind])).success).toBe(false)
    expect(FormDefinitionSchema.safeParse(withFields([detail, kind])).success).toBe(false)
    expect(FormDefinitionSchema.safeParse(withFields([{ key: 'x', type: 'select', labelVi: 'X', labelEn: 'X', options: [{ value: 'a', labelVi: 'a', labelEn: 'a' }, { value: 'a', labelVi: 'b', labelEn: 'b' }] }])).success).toBe(false)
    expect(FormDefinitionSchema.safeParse(withFields([{ key: 'x', type: 'signature', labelVi: 'X', labelEn: 'X' }])).success).toBe(false)
  })

  it('rejects two slots for one document and nested groups', () => {
    const file = { type: 'file', labelVi: 'Tệp', labelEn: 'File', documentKey: 'to-khai' }
    const twoSlots = { ...valid, sections: [{ key: 'f', titleVi: 'F', titleEn: 'F', fields: [{ ...file, key: 'a' }, { ...file, key: 'b' }] }] }
    expect(FormDefinitionSchema.safeParse(twoSlots).success).toBe(false)
    const inner = { key: 'inner', type: 'group', labelVi: 'G', labelEn: 'G', fields: [{ key: 't', type: 'text', labelVi: 'T', labelEn: 'T' }] }
    const nested = { ...valid, sections: [{ key: 'g', titleVi: 'G', titleEn: 'G', fields: [{ ...inner, key: 'outer', fields: [inner] }] }] }
    expect(FormDefinitionSchema.safeParse(nested).success).toBe(false)
  })
})
