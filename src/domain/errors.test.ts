import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { fieldErrorsOf } from './errors'

describe('fieldErrorsOf', () => {
  const Schema = z
    .strictObject({ amountVnd: z.number().int('NOT_INTEGER'), lines: z.array(z.strictObject({ note: z.string().min(1, 'REQUIRED') })) })
    .refine((value) => value.amountVnd > 0, { message: 'NOTHING_TO_PAY' })

  it('keys each code by its dotted path, several codes per field kept in order', () => {
    const parsed = Schema.safeParse({ amountVnd: 1.5, lines: [{ note: 'a' }, { note: '' }] })
    expect(parsed.success).toBe(false)
    if (parsed.success) return
    expect(fieldErrorsOf(parsed.error)).toEqual({ amountVnd: ['NOT_INTEGER'], 'lines.1.note': ['REQUIRED'] })
  })

  it('puts what concerns the whole input under "form", or the name given', () => {
    const parsed = Schema.safeParse({ amountVnd: 0, lines: [] })
    expect(parsed.success).toBe(false)
    if (parsed.success) return
    expect(fieldErrorsOf(parsed.error)).toEqual({ form: ['NOTHING_TO_PAY'] })
    expect(fieldErrorsOf(parsed.error, '_form')).toEqual({ _form: ['NOTHING_TO_PAY'] })
  })

  it('keeps a code once per field when two checks fail alike', () => {
    const Twice = z.strictObject({ tu: z.string().min(10, 'INVALID_DATE').regex(/^\d{4}-\d{2}-\d{2}$/, 'INVALID_DATE') })
    const parsed = Twice.safeParse({ tu: 'x' })
    expect(parsed.success).toBe(false)
    if (parsed.success) return
    expect(fieldErrorsOf(parsed.error)).toEqual({ tu: ['INVALID_DATE'] })
  })
})
