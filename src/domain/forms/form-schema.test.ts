import fc from 'fast-check'
import { createTranslator } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { demoFormData } from '../../../prisma/seed/demo-form-data'
import { createRandom } from '../../../prisma/seed/prng'
import { buildCatalogue } from '../../../prisma/seed/procedure-catalogue'
import { BIRTH_REGISTRATION_PROVINCES } from '../identity/birth-registration-provinces'
import { defaultFormDefinition, FORM_KINDS, type FormKind } from './default-forms'
import { FormDefinitionSchema, type FormDefinition } from './form-definition'
import en from '../../../messages/forms/en.json'
import vi from '../../../messages/forms/vi.json'
import { ADDRESS_LINE_MAX_LENGTH, FORM_ERROR_CODES, fieldErrorsOf, fieldIssuesOf, formSchema, type FormValues } from './form-schema'
import type { RequiredDocument } from './required-document'

const TODAY = '2026-11-24'
const COMMUNES = new Set(['17380', '16681'])
const options = { today: TODAY, communeCodes: COMMUNES }

type Field = FormDefinition['sections'][number]['fields'][number]
type Leaf = Exclude<Field, { type: 'group' }>

const DOCUMENTS: RequiredDocument[] = [
  { key: 'to-khai', nameVi: 'Tờ khai', nameEn: 'Declaration', required: true },
  { key: 'giay-uy-quyen', nameVi: 'Giấy ủy quyền', nameEn: 'Power of attorney', required: false },
  { key: 'cccd', nameVi: 'CCCD', nameEn: 'ID card', required: true, presentOnly: true },
]
const definitions = Object.fromEntries(FORM_KINDS.map((kind) => [kind, defaultFormDefinition(kind, DOCUMENTS)])) as Record<FormKind, FormDefinition>
const catalogue = buildCatalogue()

const FILE_A = '0195f3a8-7c1e-7d2a-9b3c-4d5e6f708192'
const FILE_B = '0195f3a8-7c1e-7d2a-9b3c-4d5e6f708193'
const ADDRESS = { line: 'Khối 5', communeCode: '17380' }

/** A valid answer for a leaf field, as a browser would post it (strings). */
function sampleLeaf(field: Leaf): unknown {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return 'Nguyễn Văn An'
    case 'number':
      return String(field.min ?? 1)
    case 'date':
      return '1990-05-17'
    case 'select':
    case 'radio':
      return field.options[0]!.value
    case 'checkbox':
      return 'on'
    case 'citizenId':
      return '040 085 003 917'
    case 'phone':
      return '+84 912 345 678'
    case 'email':
      return ' an@example.vn '
    case 'address':
      return ADDRESS
    case 'file':
      return [FILE_A]
  }
}

function sample(fields: readonly Field[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((field) => [field.key, field.type === 'group' ? Array.from({ length: Math.max(1, field.minItems) }, () => sample(field.fields)) : sampleLeaf(field)]),
  )
}

const allFields = (definition: FormDefinition) => definition.sections.flatMap((section) => section.fields)

function errorsOf(definition: FormDefinition, input: unknown) {
  const result = formSchema(definition, options).safeParse(input)
  if (result.success) return {}
  return fieldErrorsOf(result.error)
}

function parse(definition: FormDefinition, input: unknown): FormValues {
  const result = formSchema(definition, options).safeParse(input)
  if (!result.success) throw new Error(JSON.stringify(fieldErrorsOf(result.error)))
  return result.data
}

describe('formSchema on every seeded definition', () => {
  it.each(catalogue.map((entry) => [entry.nameVi.slice(0, 60), entry] as const))('%s: a complete sample passes', (_name, entry) => {
    const definition = FormDefinitionSchema.parse(JSON.parse(JSON.stringify(entry.formDefinition)))
    const data = parse(definition, sample(allFields(definition)))
    expect(data.hoTenNguoiYeuCau).toBe('Nguyễn Văn An')
    expect(data.soDinhDanh).toBe('040085003917')
    expect(data.soDienThoai).toBe('0912345678')
    expect(data.email).toBe('an@example.vn')
    expect(data.noiCuTru).toEqual(ADDRESS)
  })

  it.each(FORM_KINDS)('%s: leaving every field empty names each visible required field, and only those', (kind) => {
    const definition = definitions[kind]
    const errors = errorsOf(definition, {})
    const expected = allFields(definition)
      .filter((field) => field.required && !field.visibleWhen)
      .map((field) => field.key)
    expect(Object.keys(errors).sort()).toEqual(expected.sort())
    expect(Object.values(errors).every((codes) => codes.length === 1 && codes[0] === 'REQUIRED')).toBe(true)
  })
})

describe('stored demo data', () => {
  it.each(FORM_KINDS)('%s: the seeded dossiers’ form data passes unchanged (without file slots, which the demo leaves empty)', (kind) => {
    const definition = defaultFormDefinition(kind, [])
    const schema = formSchema(definition, options)
    for (let index = 0; index < 40; index++) {
      const { formData } = demoFormData({
        random: createRandom(`form-schema-${kind}-${index}`),
        kind,
        procedureName: 'Thủ tục thử',
        baseFeeVnd: 8000,
        applicant: { fullName: 'Nguyễn Văn An', citizenId: '040085003917', phone: '0912345678', email: index % 2 ? 'an@example.vn' : null },
        communeCode: '17380',
        communeIsWard: index % 2 === 0,
        submittedAt: new Date('2026-10-01T03:00:00Z'),
      })
      const result = schema.safeParse(formData)
      if (!result.success) throw new Error(`${kind} #${index}: ${JSON.stringify(fieldErrorsOf(result.error))}`)
      expect(result.data).toMatchObject(formData)
    }
  })
})

describe('coercion', () => {
  it('types the birth form: dates, checkboxes, options, normalised IDs and phones', () => {
    const definition = definitions.birth
    const input = { ...sample(allFields(definition)), treNgaySinh: '03/11/2026', khaiSinhQuaHan: 'off', lyDoQuaHan: 'ignored', coThongTinCha: 'true', unknown: 'x' }
    const data = parse(definition, input)
    expect(data).toMatchObject({ treNgaySinh: '2026-11-03', coThongTinCha: true, khaiSinhQuaHan: false, treGioiTinh: 'MALE', chaSoDinhDanh: '040085003917' })
    expect(data).not.toHaveProperty('lyDoQuaHan')
    expect(data).not.toHaveProperty('unknown')
    expect(data.tep1).toEqual([FILE_A])
  })

  it('reads numbers typed with spaces or a decimal comma, and keeps typed values read back from storage', () => {
    const definition = definitions.registerCopy
    const base = sample(allFields(definition))
    expect(parse(definition, { ...base, soBan: ' 1 2 ' }).soBan).toBe(12)
    expect(parse(definition, { ...base, soBan: 3 }).soBan).toBe(3)
    expect(errorsOf(definition, { ...base, soBan: '1,5' })).toEqual({ soBan: ['NOT_AN_INTEGER'] })
    const stored = parse(definition, base)
    expect(parse(definition, stored)).toEqual(stored)
  })

  it('drops optional fields left blank, and de-duplicates attachment ids', () => {
    const definition = definitions.death
    const data = parse(definition, { ...sample(allFields(definition)), email: '  ', nguoiChetSoDinhDanh: '', nguyenNhanChet: undefined, tep2: [], tep1: [FILE_A, FILE_A.toUpperCase(), FILE_B] })
    expect(data).not.toHaveProperty('email')
    expect(data).not.toHaveProperty('nguoiChetSoDinhDanh')
    expect(data).not.toHaveProperty('nguyenNhanChet')
    expect(data).not.toHaveProperty('tep2')
    expect(data.tep1).toEqual([FILE_A, FILE_B])
  })
})

describe('errors at the field', () => {
  const cases: [FormKind, Record<string, unknown>, Record<string, string[]>][] = [
    ['birth', { treHoTen: 'A'.repeat(101) }, { treHoTen: ['TOO_LONG'] }],
    ['birth', { treNgaySinh: '2026-02-30' }, { treNgaySinh: ['INVALID_DATE'] }],
    ['birth', { treNgaySinh: 'hôm qua' }, { treNgaySinh: ['INVALID_DATE'] }],
    ['birth', { treNgaySinh: '2026-11-25' }, { treNgaySinh: ['IN_FUTURE'] }],
    ['birth', { treGioiTinh: 'OTHER' }, { treGioiTinh: ['NOT_AN_OPTION'] }],
    ['birth', { meSoDinhDanh: '003085003917' }, { meSoDinhDanh: ['CITIZEN_ID'] }],
    ['birth', { soDinhDanh: '04008500391' }, { soDinhDanh: ['CITIZEN_ID'] }],
    ['birth', { soDienThoai: '0212345678' }, { soDienThoai: ['PHONE'] }],
    ['birth', { email: 'an@' }, { email: ['EMAIL'] }],
    ['birth', { noiCuTru: { line: 'Khối 5', communeCode: '99999' } }, { 'noiCuTru.communeCode': ['COMMUNE'] }],
    ['birth', { noiCuTru: { line: '', communeCode: '17380' } }, { 'noiCuTru.line': ['REQUIRED'] }],
    ['birth', { noiCuTru: { line: 'Khối 5' } }, { 'noiCuTru.communeCode': ['REQUIRED'] }],
    ['birth', { noiCuTru: 'Khối 5' }, { noiCuTru: ['INVALID'] }],
    ['birth', { noiCuTru: { line: 'x'.repeat(201), communeCode: '' } }, { 'noiCuTru.line': ['TOO_LONG'], 'noiCuTru.communeCode': ['REQUIRED'] }],
    ['birth', { coThongTinCha: 'maybe' }, { coThongTinCha: ['INVALID'] }],
    ['birth', { tep1: ['not-a-uuid'] }, { tep1: ['FILE'] }],
    ['birth', { tep1: [] }, { tep1: ['REQUIRED'] }],
    ['signature', { soBan: 'hai' }, { soBan: ['NOT_A_NUMBER'] }],
    ['signature', { soBan: '0' }, { soBan: ['OUT_OF_RANGE'] }],
    ['signature', { soBan: '21' }, { soBan: ['OUT_OF_RANGE'] }],
    ['generic', { noiDungYeuCau: 'x'.repeat(2001) }, { noiDungYeuCau: ['TOO_LONG'] }],
  ]
  it.each(cases)('%s %j → %j', (kind, change, expected) => {
    const definition = definitions[kind]
    expect(errorsOf(definition, { ...sample(allFields(definition)), ...change })).toEqual(expected)
  })

  it('says how many files a slot takes', () => {
    const definition = definitions.birth
    const ids = Array.from({ length: 6 }, (_, index) => `0195f3a8-7c1e-7d2a-9b3c-4d5e6f70819${index}`)
    const result = formSchema(definition, options).safeParse({ ...sample(allFields(definition)), tep2: ids })
    expect(result.success ? null : fieldIssuesOf(result.error)).toEqual({ tep2: [{ code: 'TOO_MANY', params: { max: 5, of: 'files' } }] })
  })

  it('gives the bounds of a number out of range, for the message', () => {
    const definition = definitions.signature
    const result = formSchema(definition, options).safeParse({ ...sample(allFields(definition)), soBan: 25 })
    expect(result.success ? null : fieldIssuesOf(result.error)).toEqual({ soBan: [{ code: 'OUT_OF_RANGE', params: { bound: 'between', min: 1, max: 20 } }] })
  })

  it('accepts any commune code when no list is given', () => {
    const definition = definitions.generic
    const result = formSchema(definition, { today: TODAY }).safeParse({ ...sample(allFields(definition)), noiCuTru: { line: 'Xóm 3', communeCode: '99999' } })
    expect(result.success).toBe(true)
  })

  it('refuses something that is not an object', () => {
    expect(errorsOf(definitions.generic, 'x')).toEqual({ '': ['INVALID'] })
    expect(errorsOf(definitions.generic, null)).toEqual({ '': ['INVALID'] })
  })
})

describe('repeatable groups', () => {
  const copy = definitions.certifiedCopy
  const entry = { tenGiayTo: 'Giấy khai sinh', soTrang: '2', soBan: '3', coQuanCap: 'VN' }

  it('cleans each entry', () => {
    expect(parse(copy, { ...sample(allFields(copy)), giayTo: [entry, { ...entry, soTrang: 1, extra: 'x' }] }).giayTo).toEqual([
      { tenGiayTo: 'Giấy khai sinh', soTrang: 2, soBan: 3, coQuanCap: 'VN' },
      { tenGiayTo: 'Giấy khai sinh', soTrang: 1, soBan: 3, coQuanCap: 'VN' },
    ])
  })

  it('reports each entry’s errors at the entry’s path', () => {
    const errors = errorsOf(copy, { ...sample(allFields(copy)), giayTo: [entry, { ...entry, tenGiayTo: '', soTrang: '0', coQuanCap: 'XX' }] })
    expect(errors).toEqual({ 'giayTo.1.tenGiayTo': ['REQUIRED'], 'giayTo.1.soTrang': ['OUT_OF_RANGE'], 'giayTo.1.coQuanCap': ['NOT_AN_OPTION'] })
  })

  it('counts entries: none is REQUIRED, too few and too many are named', () => {
    expect(errorsOf(copy, { ...sample(allFields(copy)), giayTo: [] })).toEqual({ giayTo: ['REQUIRED'] })
    expect(errorsOf(copy, { ...sample(allFields(copy)), giayTo: Array.from({ length: 21 }, () => entry) })).toEqual({ giayTo: ['TOO_MANY'] })
    const contract = definitions.contract
    const party = { hoTen: 'Trần Thị Bình', soDinhDanh: '040190004826', noiCuTru: ADDRESS }
    expect(errorsOf(contract, { ...sample(allFields(contract)), benGiaoKet: [party] })).toEqual({ benGiaoKet: ['TOO_FEW'] })
    expect(errorsOf(contract, { ...sample(allFields(contract)), benGiaoKet: [party, { ...party, soDinhDanh: '1' }] })).toEqual({ 'benGiaoKet.1.soDinhDanh': ['CITIZEN_ID'] })
    expect(errorsOf(contract, { ...sample(allFields(contract)), benGiaoKet: [party, 'x'] })).toEqual({ 'benGiaoKet.1': ['INVALID'] })
    expect(errorsOf(contract, { ...sample(allFields(contract)), benGiaoKet: 'x' })).toEqual({ benGiaoKet: ['INVALID'] })
  })
})

describe('conditional visibility', () => {
  it('does not ask for the father when his details are not declared, and drops what was typed for him', () => {
    const birth = definitions.birth
    const input = { ...sample(allFields(birth)), coThongTinCha: undefined, chaHoTen: '', chaNgaySinh: '2030-01-01', chaSoDinhDanh: 'nonsense' }
    const data = parse(birth, input)
    expect(data.coThongTinCha).toBe(false)
    expect(Object.keys(data).filter((key) => key.startsWith('cha'))).toEqual([])
  })

  it('asks for the father once the box is ticked', () => {
    const birth = definitions.birth
    const input = { ...sample(allFields(birth)), coThongTinCha: 'on', chaHoTen: '', chaNgaySinh: '2030-01-01' }
    expect(errorsOf(birth, input)).toEqual({ chaHoTen: ['REQUIRED'], chaNgaySinh: ['IN_FUTURE'] })
  })

  it('requires the reason only when the applicant cannot sign', () => {
    const signature = definitions.signature
    const base = { ...sample(allFields(signature)), lyDoKhongKy: '' }
    expect(parse(signature, { ...base, hinhThuc: 'ky' })).not.toHaveProperty('lyDoKhongKy')
    expect(errorsOf(signature, { ...base, hinhThuc: 'khong-ky-duoc' })).toEqual({ lyDoKhongKy: ['REQUIRED'] })
    // An invalid controlling answer hides its dependants rather than piling errors on them.
    expect(errorsOf(signature, { ...base, hinhThuc: 'x' })).toEqual({ hinhThuc: ['NOT_AN_OPTION'] })
  })

  it('evaluates oneOf conditions and conditions inside group entries on the entry’s own values', () => {
    const definition = FormDefinitionSchema.parse({
      schemaVersion: 1,
      sections: [
        {
          key: 's',
          titleVi: 'S',
          titleEn: 'S',
          fields: [
            {
              key: 'nguoi',
              type: 'group',
              labelVi: 'Người',
              labelEn: 'People',
              minItems: 0,
              fields: [
                { key: 'loai', type: 'select', labelVi: 'Loại', labelEn: 'Kind', required: true, options: [{ value: 'a', labelVi: 'A', labelEn: 'A' }, { value: 'b', labelVi: 'B', labelEn: 'B' }, { value: 'c', labelVi: 'C', labelEn: 'C' }] },
                { key: 'soLuong', type: 'number', labelVi: 'Số lượng', labelEn: 'Count', required: true, visibleWhen: { field: 'loai', oneOf: ['a', 'b'] } },
              ],
            },
          ],
        },
      ],
    })
    expect(parse(definition, {})).toEqual({})
    expect(parse(definition, { nguoi: [{ loai: 'c', soLuong: 'x' }] })).toEqual({ nguoi: [{ loai: 'c' }] })
    expect(errorsOf(definition, { nguoi: [{ loai: 'c' }, { loai: 'b' }] })).toEqual({ 'nguoi.1.soLuong': ['REQUIRED'] })
  })
})

describe('messages', () => {
  it.each([
    ['vi', vi],
    ['en', en],
  ] as const)('%s has a message for every code, formatting with its arguments', (locale, messages) => {
    expect(Object.keys(messages.FormErrors).sort()).toEqual([...FORM_ERROR_CODES].sort())
    const t = createTranslator({ locale, messages, namespace: 'FormErrors' })
    expect(t('TOO_LONG', { max: 100 })).toContain('100')
    expect(t('OUT_OF_RANGE', { bound: 'between', min: 1, max: 20 })).toMatch(/1\D+20/)
    expect(t('OUT_OF_RANGE', { bound: 'min', min: 3 })).toContain('3')
    expect(t('TOO_MANY', { max: 5, of: 'files' })).toMatch(locale === 'vi' ? /5 tệp/ : /5 files/)
    expect(t('TOO_FEW', { min: 2, of: 'entries' })).toContain('2')
    for (const code of FORM_ERROR_CODES) expect(t(code, { min: 1, max: 2, bound: 'between', of: 'entries' })).not.toContain('FormErrors')
  })
})

// ---------------------------------------------------------------------------------------------------------
// Properties: answers generated to satisfy a definition pass; taking away a visible required answer fails.

const provinces = Object.keys(BIRTH_REGISTRATION_PROVINCES)
const arbCitizenId = fc
  .tuple(fc.constantFrom(...provinces), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 99_999_999 }))
  .map(([province, digit, rest]) => `${province}${digit}${String(rest).padStart(8, '0')}`)
const arbPhone = fc.tuple(fc.constantFrom('3', '5', '7', '8', '9'), fc.integer({ min: 0, max: 99_999_999 })).map(([prefix, rest]) => `0${prefix}${String(rest).padStart(8, '0')}`)
const arbWord = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzăâđêôơư0123456789'), minLength: 1, maxLength: 12 })
const arbEmail = fc.tuple(arbWord, fc.constantFrom('example.vn', 'gmail.com', 'nghean.gov.vn')).map(([local, domain]) => `${local.normalize('NFD').replace(/[^a-z0-9]/g, '') || 'x'}@${domain}`)
const arbDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10))
const arbText = (max: number) => fc.string({ minLength: 1, maxLength: Math.min(max, 40) }).filter((text) => text.trim() === text && text.trim() !== '')

function arbLeaf(field: Leaf): fc.Arbitrary<unknown> {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return arbText(field.maxLength ?? 1000).map((text) => text.normalize('NFC')).filter((text) => text.length <= (field.maxLength ?? 1000))
    case 'number':
      return fc.integer({ min: field.min ?? -1000, max: field.max ?? 1000 })
    case 'date':
      return arbDate
    case 'select':
    case 'radio':
      return fc.constantFrom(...field.options.map((option) => option.value))
    case 'checkbox':
      return field.required ? fc.constant(true) : fc.boolean()
    case 'citizenId':
      return arbCitizenId
    case 'phone':
      return arbPhone
    case 'email':
      return arbEmail
    case 'address':
      return fc.record({ line: arbText(ADDRESS_LINE_MAX_LENGTH), communeCode: fc.constantFrom(...COMMUNES) })
    case 'file':
      return fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: field.maxFiles })
  }
}

/** Every field answered (the optional ones sometimes not); hidden ones too, since they must be ignored. */
function arbLevel(fields: readonly Field[]): fc.Arbitrary<Record<string, unknown>> {
  const entries = fields.map((field) => {
    const value: fc.Arbitrary<unknown> =
      field.type === 'group' ? fc.array(arbLevel(field.fields), { minLength: Math.max(field.minItems, 1), maxLength: Math.min(field.maxItems, 3) }) : arbLeaf(field)
    return [field.key, field.required ? value : fc.option(value, { nil: undefined })] as const
  })
  return fc.record(Object.fromEntries(entries)) as fc.Arbitrary<Record<string, unknown>>
}

/** Paths of the visible required answers in the cleaned output (a group's entries included). */
function requiredPaths(fields: readonly Field[], data: FormValues, path: (string | number)[] = []): (string | number)[][] {
  return fields.flatMap((field) => {
    if (!(field.key in data)) return []
    const here = [...path, field.key]
    const own = field.required ? [here] : []
    if (field.type !== 'group') return own
    const entries = data[field.key] as FormValues[]
    return [...own, ...entries.flatMap((entry, index) => requiredPaths(field.fields, entry, [...path, field.key, index]))]
  })
}

function without(input: Record<string, unknown>, path: (string | number)[]): Record<string, unknown> {
  const copy = structuredClone(input)
  let node: Record<string | number, unknown> = copy
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>
  delete node[path[path.length - 1]!]
  return copy
}

describe('properties', () => {
  it.each(FORM_KINDS)('%s: generated answers pass, and removing any visible required answer is REQUIRED at its path', (kind) => {
    const definition = definitions[kind]
    const fields = allFields(definition)
    const schema = formSchema(definition, options)
    fc.assert(
      fc.property(arbLevel(fields), fc.nat(), (input, pick) => {
        const result = schema.safeParse(input)
        if (!result.success) throw new Error(JSON.stringify(fieldErrorsOf(result.error)))
        // Only known fields whose condition holds on the cleaned values are kept.
        for (const [key, value] of Object.entries(result.data)) {
          const field = fields.find((candidate) => candidate.key === key)
          expect(field).toBeDefined()
          if (field?.visibleWhen) {
            const control = result.data[field.visibleWhen.field]
            expect('equals' in field.visibleWhen ? [field.visibleWhen.equals] : field.visibleWhen.oneOf).toContain(control)
          }
          expect(value).not.toBe('')
        }
        // Cleaning is idempotent: what is stored reads back the same.
        expect(schema.parse(result.data)).toEqual(result.data)
        const paths = requiredPaths(fields, result.data)
        if (paths.length === 0) return
        const path = paths[pick % paths.length]!
        const broken = schema.safeParse(without(input, path))
        expect(broken.success).toBe(false)
        if (!broken.success) expect(fieldErrorsOf(broken.error)[path.join('.')]).toContain('REQUIRED')
      }),
      { numRuns: 60 },
    )
  })
})
