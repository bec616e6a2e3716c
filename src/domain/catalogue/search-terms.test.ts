import { describe, expect, it } from 'vitest'
import { escapeLike, MAX_SEARCH_TERMS, toSearchTerms } from './search-terms'

describe('escapeLike', () => {
  it('escapes the LIKE wildcards and the escape character, and nothing else', () => {
    expect(escapeLike('100%')).toBe('100\\%')
    expect(escapeLike('n_thu')).toBe('n\\_thu')
    expect(escapeLike('a\\b')).toBe('a\\\\b')
    expect(escapeLike("Đăng ký' --")).toBe("Đăng ký' --")
  })
})

describe('toSearchTerms', () => {
  it('splits on any white space and ignores leading, trailing and repeated spaces', () => {
    expect(toSearchTerms('  Khai \t  SINH\n').map((term) => term.word)).toEqual(['Khai', 'SINH'])
  })

  it('returns no term for blank text', () => {
    expect(toSearchTerms('')).toEqual([])
    expect(toSearchTerms('   ')).toEqual([])
  })

  it('keeps each word once, whatever its case', () => {
    expect(toSearchTerms('giám hộ GIÁM Hộ cử').map((term) => term.word)).toEqual(['giám', 'hộ', 'cử'])
  })

  it('gives each word its escaped LIKE pattern', () => {
    expect(toSearchTerms('100% n_thu')).toEqual([
      { word: '100%', likePattern: '100\\%' },
      { word: 'n_thu', likePattern: 'n\\_thu' },
    ])
  })

  it(`keeps only the first ${MAX_SEARCH_TERMS} words`, () => {
    const words = Array.from({ length: MAX_SEARCH_TERMS + 5 }, (_, index) => `w${index}`)
    expect(toSearchTerms(words.join(' ')).map((term) => term.word)).toEqual(words.slice(0, MAX_SEARCH_TERMS))
  })
})
