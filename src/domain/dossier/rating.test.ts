import { describe, expect, it } from 'vitest'
import { RATING_COMMENT_MAX, RatingInputSchema, ratingFieldErrors } from './rating'

function errorsOf(input: unknown) {
  const parsed = RatingInputSchema.safeParse(input)
  return parsed.success ? null : ratingFieldErrors(parsed.error)
}

describe('RatingInputSchema', () => {
  it('reads the form: a score of 1 to 5 and an optional trimmed comment', () => {
    expect(RatingInputSchema.parse({ score: '5', comment: '  Cán bộ hướng dẫn nhiệt tình.  ' })).toEqual({ score: 5, comment: 'Cán bộ hướng dẫn nhiệt tình.' })
    expect(RatingInputSchema.parse({ score: 1, comment: '   ' })).toEqual({ score: 1 })
    expect(RatingInputSchema.parse({ score: '3' })).toEqual({ score: 3 })
  })

  it('refuses a missing or out-of-range score with a code per field', () => {
    expect(errorsOf({})).toEqual({ score: ['REQUIRED'] })
    expect(errorsOf({ score: '' })).toEqual({ score: ['REQUIRED'] })
    for (const score of ['0', '6', '2.5', 'năm', -1, 4.5, true]) expect(errorsOf({ score }), String(score)).toEqual({ score: ['SCORE_RANGE'] })
  })

  it('limits the comment to 1000 characters as people count them', () => {
    expect(RatingInputSchema.parse({ score: 4, comment: 'ệ'.repeat(RATING_COMMENT_MAX) }).comment).toHaveLength(RATING_COMMENT_MAX)
    // "ệ" decomposed is three code points; normalized it is one character.
    expect(RatingInputSchema.safeParse({ score: 4, comment: 'e\u0323\u0302'.repeat(RATING_COMMENT_MAX) }).success).toBe(true)
    expect(errorsOf({ score: 4, comment: 'a'.repeat(RATING_COMMENT_MAX + 1) })).toEqual({ comment: ['COMMENT_TOO_LONG'] })
    expect(errorsOf({ score: 9, comment: 42 })).toEqual({ score: ['SCORE_RANGE'], comment: ['COMMENT_INVALID'] })
  })
})
