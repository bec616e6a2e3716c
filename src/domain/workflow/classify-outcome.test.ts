import { describe, expect, it } from 'vitest'
import { classifyOutcome } from './classify-outcome'

/** An instant given as Vietnam local time. */
const vn = (text: string) => new Date(`${text}+07:00`)

describe('classifyOutcome', () => {
  const due = vn('2026-11-25T17:00:00')

  it('is EARLY on a local day before the due day, even late in the evening', () => {
    expect(classifyOutcome(vn('2026-11-24T23:59:00'), due)).toBe('EARLY')
    expect(classifyOutcome(vn('2026-11-20T08:00:00'), due)).toBe('EARLY')
  })

  it('is ON_TIME on the due day up to and including the due instant', () => {
    expect(classifyOutcome(vn('2026-11-25T00:00:00'), due)).toBe('ON_TIME')
    expect(classifyOutcome(vn('2026-11-25T17:00:00'), due)).toBe('ON_TIME')
  })

  it('is LATE after the due instant, on the due day or later', () => {
    expect(classifyOutcome(vn('2026-11-25T17:00:01'), due)).toBe('LATE')
    expect(classifyOutcome(vn('2026-11-26T08:00:00'), due)).toBe('LATE')
  })

  it('compares local (Vietnam) days, not UTC days', () => {
    // 2026-11-25 06:00 local is still 2026-11-24 in UTC: on the due day, so on time, not early.
    expect(classifyOutcome(vn('2026-11-25T06:00:00'), due)).toBe('ON_TIME')
    // A due instant mid-day (after a resumed pause): later the same day is late.
    expect(classifyOutcome(vn('2026-11-25T11:00:00'), vn('2026-11-25T10:15:00'))).toBe('LATE')
  })
})
