import { describe, expect, it } from 'vitest'
import { decideLookupThrottle, LOOKUP_LIMITS, lookupCodeKey, lookupWindowStart, type LookupAttemptRecord } from './lookup-throttle'
import { applicantMustAct, publicNextStep } from './public-next-step'

const now = new Date('2026-11-24T03:00:00Z')
const minutesAgo = (n: number) => new Date(now.getTime() - n * 60_000)
const failures = (count: number, startMinutesAgo = 10): LookupAttemptRecord[] =>
  Array.from({ length: count }, (_, i) => ({ createdAt: minutesAgo(startMinutesAgo - i * 0.5), succeeded: false }))
const successes = (count: number, startMinutesAgo = 10): LookupAttemptRecord[] =>
  Array.from({ length: count }, (_, i) => ({ createdAt: minutesAgo(startMinutesAgo - i * 0.1), succeeded: true }))

describe('decideLookupThrottle', () => {
  it('lets lookups through below every limit', () => {
    expect(decideLookupThrottle({ byIp: [], byCode: [] }, now)).toEqual({ blocked: false })
    expect(
      decideLookupThrottle({ byIp: failures(LOOKUP_LIMITS.failuresPerIp - 1), byCode: failures(LOOKUP_LIMITS.failuresPerCode - 1) }, now),
    ).toEqual({ blocked: false })
  })

  it('blocks an address after 10 failures, until the oldest of them leaves the 15-minute window', () => {
    // Oldest failure 10 minutes ago: the window lets it go in 5 minutes.
    expect(decideLookupThrottle({ byIp: failures(10, 10), byCode: [] }, now)).toEqual({ blocked: true, retryAfterMinutes: 5 })
  })

  it('blocks a dossier code after 5 failures from any addresses', () => {
    // Failures 14, 13.5, 13, 12.5, 12 minutes ago: the 5th-newest (14 min ago) leaves in 1 minute.
    expect(decideLookupThrottle({ byIp: [], byCode: failures(5, 14) }, now)).toEqual({ blocked: true, retryAfterMinutes: 1 })
    // Six failures: unblocked only when two have left, i.e. when the 5th newest (13.5 min ago) leaves → 1.5 → 2 minutes.
    expect(decideLookupThrottle({ byIp: [], byCode: failures(6, 14) }, now)).toEqual({ blocked: true, retryAfterMinutes: 2 })
  })

  it('counts successful lookups only toward the higher limits', () => {
    expect(decideLookupThrottle({ byIp: successes(LOOKUP_LIMITS.attemptsPerIp - 1), byCode: [] }, now)).toEqual({ blocked: false })
    expect(decideLookupThrottle({ byIp: successes(LOOKUP_LIMITS.attemptsPerIp), byCode: [] }, now)).toMatchObject({ blocked: true })
    expect(decideLookupThrottle({ byIp: [], byCode: successes(LOOKUP_LIMITS.attemptsPerCode - 1) }, now)).toEqual({ blocked: false })
    expect(decideLookupThrottle({ byIp: [], byCode: successes(LOOKUP_LIMITS.attemptsPerCode) }, now)).toMatchObject({ blocked: true })
    // Failures and successes add up toward the higher limit.
    expect(decideLookupThrottle({ byIp: [...failures(9), ...successes(21)], byCode: [] }, now)).toMatchObject({ blocked: true })
  })

  it('ignores attempts outside the window, and waits for the limit that lifts last', () => {
    expect(decideLookupThrottle({ byIp: failures(20, 40), byCode: [] }, now)).toEqual({ blocked: false })
    const decision = decideLookupThrottle({ byIp: failures(10, 5), byCode: failures(5, 14) }, now)
    expect(decision).toEqual({ blocked: true, retryAfterMinutes: 10 })
  })

  it('never answers less than one minute', () => {
    const edge = [...Array(5)].map(() => ({ createdAt: new Date(lookupWindowStart(now).getTime() + 1000), succeeded: false }))
    expect(decideLookupThrottle({ byIp: [], byCode: edge }, now)).toEqual({ blocked: true, retryAfterMinutes: 1 })
  })
})

describe('lookupCodeKey', () => {
  it('normalises what was typed', () => {
    expect(lookupCodeKey('  16681-261124-0007 ')).toBe('16681-261124-0007')
    expect(lookupCodeKey('abc')).toBe('ABC')
    expect(lookupCodeKey('x'.repeat(100))).toHaveLength(64)
  })
})

describe('publicNextStep', () => {
  it('says what comes next for every state, and asks the applicant to act only for a supplement', () => {
    expect(publicNextStep('SUBMITTED')).toBe('AWAIT_RECEPTION')
    expect(publicNextStep('PROCESSING')).toBe('IN_PROGRESS')
    expect(publicNextStep('AWAITING_SUPPLEMENT')).toBe('SUPPLEMENT_NEEDED')
    expect(publicNextStep('READY_TO_RETURN')).toBe('COLLECT_RESULT')
    expect(publicNextStep('RETURNED')).toBe('DONE')
    expect(publicNextStep('REFUSED')).toBe('REFUSED')
    expect(publicNextStep('WITHDRAWN')).toBe('STOPPED')
    expect(publicNextStep('toString')).toBe('IN_PROGRESS')
    expect(applicantMustAct('SUPPLEMENT_NEEDED')).toBe(true)
    expect(applicantMustAct('IN_PROGRESS')).toBe(false)
  })
})
