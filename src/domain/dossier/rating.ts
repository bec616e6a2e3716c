import { z } from 'zod'

/**
 * A citizen's rating of the service on one of their returned dossiers (DossierRating): 1–5 stars and an
 * optional comment. The same schema reads the form (strings) and any other caller's input. Error messages are
 * stable codes, translated by the page (Dossier.rating.error.<code>).
 */
export const RATING_COMMENT_MAX = 1000
export const RATING_SCORES = [1, 2, 3, 4, 5] as const

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value)

export const RatingInputSchema = z.object({
  score: z.preprocess(
    (value) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value === '' ? undefined : value),
    z.number({ error: (issue) => (issue.input === undefined ? 'REQUIRED' : 'SCORE_RANGE') }).int('SCORE_RANGE').min(1, 'SCORE_RANGE').max(5, 'SCORE_RANGE'),
  ),
  comment: z.preprocess(
    (value) => {
      const text = trimmed(value)
      return text === '' || text === null ? undefined : text
    },
    z
      .string({ error: 'COMMENT_INVALID' })
      // Counted in characters as people see them, not UTF-16 units (emoji, combining marks stay under 1000).
      .refine((text) => Array.from(text.normalize('NFC')).length <= RATING_COMMENT_MAX, 'COMMENT_TOO_LONG')
      .transform((text) => text.normalize('NFC'))
      .optional(),
  ),
})

export type RatingInput = z.infer<typeof RatingInputSchema>

/** zod issues → `{ field: [code] }`, the shape of AppError's fieldErrors. */
export function ratingFieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    ;(errors[field] ??= []).push(issue.message)
  }
  return errors
}
