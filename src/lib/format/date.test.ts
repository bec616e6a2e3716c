import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from './date'

describe('formatDate', () => {
  it('shows the calendar day in Vietnam (UTC+7), not the server’s', () => {
    // 17:30 UTC on 24 Nov is 00:30 on 25 Nov in Hà Nội.
    expect(formatDate(new Date('2026-11-24T17:30:00Z'))).toBe('25/11/2026')
    expect(formatDate(new Date('2026-11-24T16:59:00Z'))).toBe('24/11/2026')
  })

  it('pads day and month to two digits', () => {
    expect(formatDate(new Date('2026-01-05T03:00:00Z'))).toBe('05/01/2026')
  })

  it('rejects an invalid date', () => {
    expect(() => formatDate(new Date('nope'))).toThrow(RangeError)
  })
})

describe('formatDateTime', () => {
  it('adds the 24-hour time in Vietnam', () => {
    expect(formatDateTime(new Date('2026-11-24T08:05:00Z'))).toBe('24/11/2026 15:05')
    expect(formatDateTime(new Date('2026-11-24T17:00:00Z'))).toBe('25/11/2026 00:00')
  })
})
