import { z } from 'zod'

/**
 * An amount of dong as a form or API sends it: a number, or a string of digits only. "5.000" is refused
 * (INVALID) rather than read as 5 (z.coerce.number would): forms normalise grouped input first
 * (lib/format/vnd-input.ts), so a separator reaching a use-case is a mistake, and money is never guessed.
 * Nothing or an empty string is REQUIRED; a fraction NOT_AN_INTEGER.
 */
export const ZVndAmount = z
  .unknown()
  .transform((value, context) => {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      context.addIssue({ code: 'custom', message: 'REQUIRED' })
      return z.NEVER
    }
    if (typeof value === 'number') return value
    if (typeof value === 'string' && /^\d{1,12}$/.test(value.trim())) return Number(value.trim())
    context.addIssue({ code: 'custom', message: 'INVALID' })
    return z.NEVER
  })
  .pipe(z.number().int('NOT_AN_INTEGER'))
