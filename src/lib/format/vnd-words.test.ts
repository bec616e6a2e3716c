import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_VND_IN_WORDS, vndInWords } from './vnd-words'

describe('vndInWords', () => {
  it.each([
    [0, 'Không đồng'],
    [1, 'Một đồng'],
    [4, 'Bốn đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [15, 'Mười lăm đồng'],
    [20, 'Hai mươi đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [55, 'Năm mươi lăm đồng'],
    [99, 'Chín mươi chín đồng'],
    [100, 'Một trăm đồng'],
    [101, 'Một trăm linh một đồng'],
    [104, 'Một trăm linh bốn đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [115, 'Một trăm mười lăm đồng'],
    [121, 'Một trăm hai mươi mốt đồng'],
    [1_000, 'Một nghìn đồng'],
    [1_001, 'Một nghìn không trăm linh một đồng'],
    [1_010, 'Một nghìn không trăm mười đồng'],
    [1_021, 'Một nghìn không trăm hai mươi mốt đồng'],
    [2_500, 'Hai nghìn năm trăm đồng'],
    [15_000, 'Mười lăm nghìn đồng'],
    [21_000, 'Hai mươi mốt nghìn đồng'],
    [50_000, 'Năm mươi nghìn đồng'],
    [105_000, 'Một trăm linh năm nghìn đồng'],
    [125_000, 'Một trăm hai mươi lăm nghìn đồng'],
    [1_000_000, 'Một triệu đồng'],
    [1_000_005, 'Một triệu không trăm linh năm đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [1_500_000, 'Một triệu năm trăm nghìn đồng'],
    [12_345_678, 'Mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [1_000_000_005, 'Một tỷ không trăm linh năm đồng'],
    [2_000_500_000, 'Hai tỷ năm trăm nghìn đồng'],
    [2_005_000_000, 'Hai tỷ không trăm linh năm triệu đồng'],
    [3_040_000_000, 'Ba tỷ không trăm bốn mươi triệu đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    [5_001_000_000_000, 'Năm nghìn không trăm linh một tỷ đồng'],
    [
      MAX_VND_IN_WORDS,
      'Chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng',
    ],
  ])('%d → %s', (amount, words) => {
    expect(vndInWords(amount)).toBe(words)
  })

  it('refuses amounts it cannot read: negative, fractional, too large', () => {
    for (const amount of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_VND_IN_WORDS + 1]) {
      expect(() => vndInWords(amount)).toThrow(RangeError)
    }
  })

  it('reads every amount as capitalised words ending in đồng, with single spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_VND_IN_WORDS }), (amount) => {
        expect(vndInWords(amount)).toMatch(/^\p{Lu}\p{Ll}*( \p{Ll}+)* đồng$/u)
      }),
    )
  })

  it('gives different amounts different words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_VND_IN_WORDS }), fc.integer({ min: 0, max: MAX_VND_IN_WORDS }), (a, b) => {
        fc.pre(a !== b)
        expect(vndInWords(a)).not.toBe(vndInWords(b))
      }),
    )
  })
})
