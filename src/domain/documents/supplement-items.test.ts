import { describe, expect, it } from 'vitest'
import { readSupplementItems, supplementItemLine } from './supplement-items'

describe('readSupplementItems', () => {
  it('reads the stored shape, with or without a note', () => {
    expect(
      readSupplementItems([
        { key: 'to-khai', label: 'Tờ khai đăng ký khai sinh', note: 'Thiếu chữ ký của người yêu cầu', answeredAttachmentIds: [] },
        { label: 'Giấy chứng sinh' },
      ]),
    ).toEqual([
      { label: 'Tờ khai đăng ký khai sinh', note: 'Thiếu chữ ký của người yêu cầu' },
      { label: 'Giấy chứng sinh', note: null },
    ])
  })

  it('tolerates other keys, plain strings and items with only a note', () => {
    expect(readSupplementItems(['Bản sao sổ hộ khẩu', { nameVi: 'Giấy xác nhận cư trú' }, { note: 'Ảnh chụp bị mờ' }, { key: 'x' }, null, 7, { label: '  ' }])).toEqual([
      { label: 'Bản sao sổ hộ khẩu', note: null },
      { label: 'Giấy xác nhận cư trú', note: null },
      { label: 'Ảnh chụp bị mờ', note: null },
    ])
  })

  it('drops a note that only repeats the label', () => {
    expect(readSupplementItems([{ label: 'Tờ khai', note: 'Tờ khai' }])).toEqual([{ label: 'Tờ khai', note: null }])
  })

  it('answers nothing for anything but an array', () => {
    expect(readSupplementItems(null)).toEqual([])
    expect(readSupplementItems({ label: 'Tờ khai' })).toEqual([])
  })
})

describe('supplementItemLine', () => {
  it('joins label and note', () => {
    expect(supplementItemLine({ label: 'Tờ khai', note: 'thiếu chữ ký' })).toBe('Tờ khai: thiếu chữ ký')
    expect(supplementItemLine({ label: 'Tờ khai', note: null })).toBe('Tờ khai')
  })
})
