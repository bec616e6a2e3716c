import { describe, expect, it } from 'vitest'
import { communeNames, placeAndDate, timeAndDate } from './issuing-unit'

describe('communeNames', () => {
  it('names a ward in the header, in a sentence and in the date line', () => {
    expect(communeNames('Phường Thành Vinh')).toEqual({ upper: 'PHƯỜNG THÀNH VINH', inSentence: 'phường Thành Vinh', place: 'Thành Vinh' })
  })

  it('names a commune the same way, with its diacritics upper-cased', () => {
    expect(communeNames('Xã Nghi Lộc')).toEqual({ upper: 'XÃ NGHI LỘC', inSentence: 'xã Nghi Lộc', place: 'Nghi Lộc' })
  })

  it('reads decomposed input and extra spaces', () => {
    expect(communeNames('  Xã   Hưng Nguyên '.normalize('NFD'))).toEqual({ upper: 'XÃ HƯNG NGUYÊN', inSentence: 'xã Hưng Nguyên', place: 'Hưng Nguyên' })
  })

  it('keeps a name without a kind as it is', () => {
    expect(communeNames('Cửa Lò')).toEqual({ upper: 'CỬA LÒ', inSentence: 'Cửa Lò', place: 'Cửa Lò' })
  })
})

describe('dates on the forms', () => {
  it('writes the date line with the day in Vietnam', () => {
    // 17:30 UTC on 24 Nov is 00:30 on 25 Nov in Vietnam.
    expect(placeAndDate('Thành Vinh', new Date('2026-11-24T17:30:00Z'))).toBe('Thành Vinh, ngày 25 tháng 11 năm 2026')
    expect(placeAndDate('Thành Vinh', new Date('2026-01-05T03:00:00Z'))).toBe('Thành Vinh, ngày 05 tháng 01 năm 2026')
  })

  it('writes a time and date in Vietnam', () => {
    expect(timeAndDate(new Date('2026-11-24T08:05:00Z'))).toBe('15 giờ 05 phút, ngày 24/11/2026')
    expect(timeAndDate(new Date('2026-11-27T10:00:00Z'))).toBe('17 giờ 00 phút, ngày 27/11/2026')
  })
})
