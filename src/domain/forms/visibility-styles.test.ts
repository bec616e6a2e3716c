import { describe, expect, it } from 'vitest'
import { defaultFormDefinition } from './default-forms'
import { FormDefinitionSchema } from './form-definition'
import { visibilityStyles } from './visibility-styles'

describe('visibilityStyles', () => {
  it('hides the father block of a birth registration until its box is ticked', () => {
    const css = visibilityStyles(defaultFormDefinition('birth', []))
    expect(css).toContain('form[data-dynamic-form]:not(:has(input[name="coThongTinCha"]:checked)) [data-field="chaHoTen"]{display:none}')
    expect(css).toContain('form[data-dynamic-form]:not(:has(input[name="khaiSinhQuaHan"]:checked)) [data-field="lyDoQuaHan"]{display:none}')
  })

  it('follows radios and selects by value, and conditions inside group entries by the entry', () => {
    const definition = FormDefinitionSchema.parse({
      schemaVersion: 1,
      sections: [
        {
          key: 's',
          titleVi: 'S',
          titleEn: 'S',
          fields: [
            { key: 'loai', type: 'select', labelVi: 'Loại', labelEn: 'Kind', options: [{ value: 'a"b', labelVi: 'A', labelEn: 'A' }, { value: 'c', labelVi: 'C', labelEn: 'C' }] },
            { key: 'chiTiet', type: 'text', labelVi: 'Chi tiết', labelEn: 'Detail', visibleWhen: { field: 'loai', oneOf: ['a"b', 'c'] } },
            { key: 'ghiChu', type: 'text', labelVi: 'Ghi chú', labelEn: 'Note', visibleWhen: { field: 'chiTiet', equals: 'x' } },
            {
              key: 'nhom',
              type: 'group',
              labelVi: 'Nhóm',
              labelEn: 'Group',
              fields: [
                { key: 'hinhThuc', type: 'radio', labelVi: 'Hình thức', labelEn: 'Form', options: [{ value: 'khac', labelVi: 'Khác', labelEn: 'Other' }] },
                { key: 'lyDo', type: 'text', labelVi: 'Lý do', labelEn: 'Reason', visibleWhen: { field: 'hinhThuc', equals: 'khac' } },
              ],
            },
          ],
        },
      ],
    })
    const css = visibilityStyles(definition).split('\n')
    expect(css).toEqual([
      'form[data-dynamic-form]:not(:has(select[name="loai"] option[value="a\\"b"]:checked,select[name="loai"] option[value="c"]:checked)) [data-field="chiTiet"]{display:none}',
      '[data-entry-of="nhom"]:not(:has(input[name$=".hinhThuc"][value="khac"]:checked)) [data-entry-field="lyDo"]{display:none}',
    ])
  })

  it('hides a field waiting for an unticked box while the box is ticked', () => {
    const definition = FormDefinitionSchema.parse({
      schemaVersion: 1,
      sections: [
        {
          key: 's',
          titleVi: 'S',
          titleEn: 'S',
          fields: [
            { key: 'coTheKy', type: 'checkbox', labelVi: 'Ký được', labelEn: 'Can sign' },
            { key: 'lyDo', type: 'text', labelVi: 'Lý do', labelEn: 'Reason', visibleWhen: { field: 'coTheKy', equals: false } },
          ],
        },
      ],
    })
    expect(visibilityStyles(definition)).toBe('form[data-dynamic-form]:has(input[name="coTheKy"]:checked) [data-field="lyDo"]{display:none}')
  })
})
