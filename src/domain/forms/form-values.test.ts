import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultFormDefinition } from './default-forms'
import { FormDefinitionSchema } from './form-definition'
import { formSchema } from './form-schema'
import { attachmentIdsOf, fieldId, fieldName, formValuesFromEntries, groupEntriesToShow, withEntryAdded, withEntryRemoved } from './form-values'

const definition = FormDefinitionSchema.parse({
  schemaVersion: 1,
  sections: [
    {
      key: 'chung',
      titleVi: 'Chung',
      titleEn: 'General',
      fields: [
        { key: 'hoTen', type: 'text', labelVi: 'Họ tên', labelEn: 'Name', required: true },
        { key: 'dongY', type: 'checkbox', labelVi: 'Đồng ý', labelEn: 'Agree' },
        { key: 'noiO', type: 'address', labelVi: 'Nơi ở', labelEn: 'Address' },
        { key: 'tep', type: 'file', labelVi: 'Tệp', labelEn: 'File', documentKey: 'to-khai', maxFiles: 3 },
        {
          key: 'giayTo',
          type: 'group',
          labelVi: 'Giấy tờ',
          labelEn: 'Document',
          minItems: 1,
          fields: [
            { key: 'ten', type: 'text', labelVi: 'Tên', labelEn: 'Name', required: true },
            { key: 'banSao', type: 'file', labelVi: 'Bản sao', labelEn: 'Copy', documentKey: 'ban-sao' },
          ],
        },
      ],
    },
  ],
})

const ID_1 = '0195f0a0-0000-7000-8000-000000000001'
const ID_2 = '0195f0a0-0000-7000-8000-000000000002'

describe('formValuesFromEntries', () => {
  it('reads top-level fields, addresses, files and group entries by their names', () => {
    const values = formValuesFromEntries(definition, [
      ['hoTen', 'Lê Thị Hoa'],
      ['dongY', 'on'],
      ['noiO.line', 'Xóm 1'],
      ['noiO.communeCode', '16681'],
      ['tep', ID_1],
      ['tep', ''],
      ['tep', ID_2],
      ['tep', ID_1],
      ['giayTo.1._entry', '1'],
      ['giayTo.1.ten', 'Học bạ'],
      ['giayTo.0._entry', '1'],
      ['giayTo.0.ten', 'Bằng tốt nghiệp'],
      ['giayTo.0.banSao', ID_2],
      ['khongCo', 'bỏ qua'],
      ['_intent', 'submit'],
    ])
    expect(values).toEqual({
      hoTen: 'Lê Thị Hoa',
      dongY: 'on',
      noiO: { line: 'Xóm 1', communeCode: '16681' },
      tep: [ID_1, ID_2],
      giayTo: [{ ten: 'Bằng tốt nghiệp', banSao: [ID_2] }, { ten: 'Học bạ' }],
    })
  })

  it('keeps an entry whose inputs are all blank, and skips files posted as bytes', () => {
    const values = formValuesFromEntries(definition, [
      ['giayTo.0._entry', '1'],
      ['tep', new Blob(['x'])],
    ])
    expect(values).toEqual({ giayTo: [{}] })
  })

  it('cuts absurdly long text so a draft cannot be bloated through one input', () => {
    const values = formValuesFromEntries(definition, [['hoTen', 'a'.repeat(100_000)]])
    expect((values.hoTen as string).length).toBe(5000)
  })

  it('round-trips: the names the page renders read back into the values the schema accepts', () => {
    const birth = defaultFormDefinition('birth', [])
    const entries: [string, string][] = [
      ['hoTenNguoiYeuCau', 'Nguyễn Văn An'],
      ['treNgaySinh', '15/11/2026'],
      ['treNoiSinh.line', 'Bệnh viện'],
      ['treNoiSinh.communeCode', '16681'],
    ]
    const values = formValuesFromEntries(birth, entries)
    expect(values).toMatchObject({ hoTenNguoiYeuCau: 'Nguyễn Văn An', treNoiSinh: { line: 'Bệnh viện', communeCode: '16681' } })
    const parsed = formSchema(birth, { today: '2026-11-24' }).safeParse(values)
    expect(parsed.success).toBe(false) // incomplete on purpose: the point is that it parses field by field
  })

  it('never throws on arbitrary posts and only ever yields known keys', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })), { maxLength: 30 }), (entries) => {
        const values = formValuesFromEntries(definition, entries)
        expect(Object.keys(values).every((key) => ['hoTen', 'dongY', 'noiO', 'tep', 'giayTo'].includes(key))).toBe(true)
      }),
    )
  })
})

describe('group entries', () => {
  const group = definition.sections[0]!.fields[4]!
  it('shows at least the minimum (one) entry and adds or removes within the bounds', () => {
    if (group.type !== 'group') throw new Error('group expected')
    expect(groupEntriesToShow(group, undefined)).toEqual([{}])
    const added = withEntryAdded(definition, { giayTo: [{ ten: 'A' }] }, 'giayTo')
    expect(added.giayTo).toEqual([{ ten: 'A' }, {}])
    expect(withEntryRemoved(definition, added, 'giayTo', 0).giayTo).toEqual([{}])
    // Never below one entry, and unknown groups or indexes change nothing.
    expect(withEntryRemoved(definition, { giayTo: [{ ten: 'A' }] }, 'giayTo', 0)).toEqual({ giayTo: [{ ten: 'A' }] })
    expect(withEntryRemoved(definition, added, 'giayTo', 7)).toBe(added)
    expect(withEntryAdded(definition, added, 'hoTen')).toBe(added)
  })
})

describe('names and ids', () => {
  it('names fields by path and derives ids without dots', () => {
    expect(fieldName(['giayTo', 0, 'ten'])).toBe('giayTo.0.ten')
    expect(fieldId('giayTo.0.ten')).toBe('truong-giayTo-0-ten')
  })

  it('lists the attachment ids of every file field with its slot', () => {
    expect(attachmentIdsOf(definition, { tep: [ID_1], giayTo: [{ banSao: [ID_2] }, {}] })).toEqual([
      { name: 'tep', documentKey: 'to-khai', ids: [ID_1] },
      { name: 'giayTo.0.banSao', documentKey: 'ban-sao', ids: [ID_2] },
      { name: 'giayTo.1.banSao', documentKey: 'ban-sao', ids: [] },
    ])
  })
})
