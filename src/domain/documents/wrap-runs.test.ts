import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TextRun } from './document-content'
import { wrapRuns, type Measure } from './wrap-runs'

/** One unit per character, bold characters two units. */
const measure: Measure = (text, style) => Array.from(text).length * (style === 'bold' ? 2 : 1)
const plainText = (lines: TextRun[][]) => lines.map((line) => line.map((run) => run.text).join(''))
const width = (line: TextRun[]) => line.reduce((sum, run) => sum + measure(run.text, run.style), 0)

describe('wrapRuns', () => {
  it('breaks at spaces without exceeding the width', () => {
    expect(plainText(wrapRuns([{ text: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', style: 'regular' }], 15, measure))).toEqual([
      'Giấy tiếp nhận',
      'hồ sơ và hẹn',
      'trả kết quả',
    ])
  })

  it('measures each style and keeps styles apart', () => {
    const lines = wrapRuns(
      [
        { text: 'Ông/bà: ', style: 'regular' },
        { text: 'Nguyễn Văn An', style: 'bold' },
      ],
      20,
      measure,
    )
    expect(lines).toEqual([
      [
        { text: 'Ông/bà: ', style: 'regular' },
        { text: 'Nguyễn', style: 'bold' },
      ],
      [{ text: 'Văn An', style: 'bold' }],
    ])
  })

  it('keeps a word whose style changes mid-way together', () => {
    const lines = wrapRuns(
      [
        { text: 'số ', style: 'regular' },
        { text: '(mã', style: 'regular' },
        { text: '16681)', style: 'bold' },
      ],
      16,
      measure,
    )
    expect(plainText(lines)).toEqual(['số', '(mã16681)'])
  })

  it('cuts a word longer than a line between characters', () => {
    expect(plainText(wrapRuns([{ text: 'a 16681-261124-0007 b', style: 'regular' }], 8, measure))).toEqual(['a', '16681-26', '1124-000', '7 b'])
  })

  it('keeps explicit line breaks and turns decomposed letters into precomposed ones', () => {
    const lines = wrapRuns([{ text: 'Dòng một\nDòng hai'.normalize('NFD'), style: 'regular' }], 100, measure)
    expect(plainText(lines)).toEqual(['Dòng một', 'Dòng hai'])
    expect(plainText(lines)[0]).toBe('Dòng một'.normalize('NFC'))
  })

  it('makes the first line of each paragraph narrower by the indent', () => {
    expect(plainText(wrapRuns([{ text: 'một hai ba bốn\nnăm sáu bảy', style: 'regular' }], 10, measure, { firstLineIndent: 3 }))).toEqual([
      'một hai',
      'ba bốn',
      'năm sáu',
      'bảy',
    ])
  })

  it('gives one empty line for empty text', () => {
    expect(wrapRuns([], 10, measure)).toEqual([[]])
  })

  it('never loses a word and never exceeds the width (any text)', () => {
    const word = fc.string({ unit: fc.constantFrom(...Array.from('abcdghiklmnoqrstuvxyđăâêôơưàáạảãếệọộờựữ')), minLength: 1, maxLength: 12 })
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 12, max: 60 }), (words, max) => {
        const lines = wrapRuns([{ text: words.join(' '), style: 'regular' }], max, measure)
        expect(lines.every((line) => width(line) <= max)).toBe(true)
        expect(plainText(lines).join(' ').split(' ')).toEqual(words)
      }),
    )
  })
})
