import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeQueueCursor, defaultQueueFor, digitPrefixUpperBound, encodeQueueCursor, parseQueueSearch, resolveStaffQueueRequest, sortsFor, submissionRangeOfCodePrefix } from './staff-queues'

describe('parseQueueSearch', () => {
  it.each([
    ['16681-261124-0007', { kind: 'code', prefix: '16681-261124-0007' }],
    ['16681-2611', { kind: 'code', prefix: '16681-2611' }],
    ['040085003917', { kind: 'citizenId', value: '040085003917' }],
    ['040 085 003 917', { kind: 'citizenId', value: '040085003917' }],
    ['0912.048.731', { kind: 'phone', value: '0912048731' }],
    ['+84912048731', { kind: 'phone', value: '0912048731' }],
    ['16681', { kind: 'code', prefix: '16681' }],
    ['0400850', { kind: 'digits', value: '0400850' }],
    ['  Nguyễn   Văn An ', { kind: 'name', value: 'Nguyễn Văn An' }],
  ])('%s', (input, expected) => {
    expect(parseQueueSearch(input)).toEqual(expected)
  })

  it('nothing typed is no search', () => {
    expect(parseQueueSearch('   ')).toBeNull()
    expect(parseQueueSearch(undefined)).toBeNull()
  })
})

describe('queue cursors', () => {
  it('round-trip any instant and id', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.uuid(), (value, id) => {
        expect(decodeQueueCursor(encodeQueueCursor({ value, id }))).toEqual({ value, id })
      }),
    )
  })

  it('treat anything malformed as the first page', () => {
    for (const raw of ['', '!!', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url'), 'x'.repeat(500)]) {
      expect(decodeQueueCursor(raw)).toBeNull()
    }
  })
})

describe('resolveStaffQueueRequest', () => {
  it('lands each role on its own work', () => {
    expect(defaultQueueFor('CLERK')).toBe('new')
    expect(defaultQueueFor('SPECIALIST')).toBe('mine')
    expect(defaultQueueFor('LEADER')).toBe('approval')
    expect(resolveStaffQueueRequest('LEADER', {})).toMatchObject({ queue: 'approval', sort: 'due_asc', pageSize: 20 })
  })

  it('refuses to sort by due date a queue holding dossiers without one', () => {
    expect(sortsFor('new')).not.toContain('due_asc')
    expect(resolveStaffQueueRequest('CLERK', { queue: 'all', sort: 'due_asc' }).sort).toBe('submitted_desc')
    expect(resolveStaffQueueRequest('CLERK', { queue: 'overdue', sort: 'submitted_desc' }).sort).toBe('submitted_desc')
  })

  it('keeps valid filters and drops invalid ones', () => {
    const id = '0195d1c2-7a4b-7c3d-8e9f-0a1b2c3d4e5f'
    expect(resolveStaffQueueRequest('CLERK', { procedure: id, size: '50', q: ' an ' })).toMatchObject({ procedureId: id, pageSize: 50, searchText: 'an' })
    expect(resolveStaffQueueRequest('CLERK', { procedure: 'x', size: '7' })).toMatchObject({ procedureId: null, pageSize: 20 })
  })
})

describe('queue cursors past rows without a due date', () => {
  it('carry a null sort value', () => {
    const id = '0195d1c2-7a4b-7c3d-8e9f-0a1b2c3d4e5f'
    expect(decodeQueueCursor(encodeQueueCursor({ value: null, id }))).toEqual({ value: null, id })
  })
})

describe('submissionRangeOfCodePrefix', () => {
  const vn = (text: string) => new Date(`${text}+07:00`)
  it('reads the local day, month or year a code prefix names', () => {
    expect(submissionRangeOfCodePrefix('16681-261125')).toEqual({ from: vn('2026-11-25T00:00:00'), to: vn('2026-11-26T00:00:00') })
    expect(submissionRangeOfCodePrefix('16681-261125-00')).toEqual({ from: vn('2026-11-25T00:00:00'), to: vn('2026-11-26T00:00:00') })
    expect(submissionRangeOfCodePrefix('16681-2612')).toEqual({ from: vn('2026-12-01T00:00:00'), to: vn('2027-01-01T00:00:00') })
    expect(submissionRangeOfCodePrefix('16681-261')).toEqual({ from: vn('2026-01-01T00:00:00'), to: vn('2027-01-01T00:00:00') })
  })
  it('pins nothing without a date or with an impossible one', () => {
    expect(submissionRangeOfCodePrefix('16681-')).toBeNull()
    expect(submissionRangeOfCodePrefix('16681-2')).toBeNull()
    expect(submissionRangeOfCodePrefix('16681-2613')).toBeNull()
    expect(submissionRangeOfCodePrefix('16681-261132')).toBeNull()
  })
})

describe('digitPrefixUpperBound', () => {
  it('is the next digit string after every string with the prefix', () => {
    expect(digitPrefixUpperBound('0400657')).toBe('0400658')
    expect(digitPrefixUpperBound('0499')).toBe('05')
    expect(digitPrefixUpperBound('999')).toBeNull()
  })
  it('bounds exactly the strings with the prefix (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,8}$/), fc.stringMatching(/^\d{0,6}$/), fc.stringMatching(/^\d{1,12}$/), (prefix, tail, other) => {
        const upper = digitPrefixUpperBound(prefix)
        const inside = prefix + tail
        expect(inside >= prefix && (upper === null || inside < upper)).toBe(true)
        if (!other.startsWith(prefix)) expect(other >= prefix && (upper === null || other < upper)).toBe(false)
      }),
    )
  })
})
