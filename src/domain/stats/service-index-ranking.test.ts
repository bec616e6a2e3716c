import { describe, expect, it } from 'vitest'
import { DEFAULT_SERVICE_INDEX_CONFIG, scoreServiceIndex, type ServiceIndexInput } from './service-index'
import { DEFAULT_SERVICE_INDEX_SORT, hasOwnData, parseServiceIndexSort, rankingRow, rankServiceIndex, serviceIndexSortKeys } from './service-index-ranking'

const config = DEFAULT_SERVICE_INDEX_CONFIG

const CATALOGUE = { onlineProcedures: { procedures: 10, offeredOnline: 10 } }

function row(id: string, name: string, input: ServiceIndexInput) {
  return rankingRow({ communeId: id, communeCode: id, communeName: name }, scoreServiceIndex(input, config), ['onlineProcedures'])
}

// Scores: An 90, Bình 50, Châu 90 (tie with An), Đông no data at all, Giang 100 on the shared catalogue alone.
const rows = [
  row('c5', 'Xã Giang', { ...CATALOGUE, settlement: { early: 0, onTime: 0, late: 0 } }),
  row('c2', 'Xã Bình', { settlement: { early: 0, onTime: 5, late: 5 } }),
  row('c4', 'Xã Đông', { settlement: { early: 0, onTime: 0, late: 0 } }),
  row('c1', 'Xã An', { settlement: { early: 9, onTime: 0, late: 1 }, ratings: { count: 0, satisfied: 0 } }),
  row('c3', 'Xã Châu', { settlement: { early: 0, onTime: 90, late: 10 } }),
]

describe('rankingRow', () => {
  it('keeps the figures a ranking shows, per group', () => {
    const an = rows[3]!
    expect(an).toMatchObject({ communeName: 'Xã An', score: 90, earned: 18, maxComputable: 20 })
    expect(an.groups.map((group) => [group.key, group.earned, group.maxComputable])).toEqual([
      ['publicity', 0, 0],
      ['progress', 18, 20],
      ['digitisation', 0, 0],
      ['onlineServices', 0, 0],
      ['satisfaction', 0, 0],
    ])
    expect(an.excludedCount).toBe(10)
    expect(an.ranked).toBe(true)
  })

  it('does not rank a unit whose score rests only on the sections every unit shares', () => {
    const giang = rows[0]!
    expect(giang).toMatchObject({ score: 100, maxComputable: 6, ranked: false })
    expect(hasOwnData(scoreServiceIndex(CATALOGUE, config), ['onlineProcedures'])).toBe(false)
    expect(hasOwnData(scoreServiceIndex(CATALOGUE, config), [])).toBe(true)
    expect(hasOwnData(scoreServiceIndex({ ...CATALOGUE, ratings: { count: 1, satisfied: 0 } }, config), ['onlineProcedures'])).toBe(true)
    expect(rows.find((entry) => entry.communeName === 'Xã Đông')).toMatchObject({ score: null, ranked: false })
  })
})

describe('rankServiceIndex', () => {
  it('sorts by score, highest first; ties by name; unranked and no score last; equal scores share a rank', () => {
    const ranked = rankServiceIndex(rows)
    expect(ranked.map((entry) => [entry.communeName, entry.position, entry.scoreRank])).toEqual([
      ['Xã An', 1, 1],
      ['Xã Châu', 2, 1],
      ['Xã Bình', 3, 3],
      ['Xã Đông', 4, null],
      ['Xã Giang', 5, null],
    ])
  })

  it('keeps unranked communes last in ascending order too, and ranks by score whatever the sort', () => {
    const ranked = rankServiceIndex(rows, { key: 'score', direction: 'asc' })
    expect(ranked.map((entry) => [entry.communeName, entry.scoreRank])).toEqual([
      ['Xã Bình', 3],
      ['Xã An', 1],
      ['Xã Châu', 1],
      ['Xã Đông', null],
      ['Xã Giang', null],
    ])
  })

  it('ranks scores equal to the 2 decimals shown together', () => {
    // 4 943 / 10 000 = 49,43 and 49,426…; 49,435 rounds up to 49,44.
    const close = [
      row('a', 'Xã A', { settlement: { early: 0, onTime: 4_943, late: 5_057 } }),
      row('b', 'Xã B', { settlement: { early: 0, onTime: 49_426, late: 50_574 } }),
      row('c', 'Xã C', { settlement: { early: 0, onTime: 49_436, late: 50_564 } }),
    ]
    expect(rankServiceIndex(close).map((entry) => [entry.communeName, entry.scoreRank])).toEqual([
      ['Xã C', 1],
      ['Xã A', 2],
      ['Xã B', 2],
    ])
  })

  it('sorts names the Vietnamese way (Đ after D, before E) in either direction', () => {
    const names = (direction: 'asc' | 'desc') => rankServiceIndex(rows, { key: 'name', direction }).map((entry) => entry.communeName)
    expect(names('asc')).toEqual(['Xã An', 'Xã Bình', 'Xã Châu', 'Xã Đông', 'Xã Giang'])
    expect(names('desc')).toEqual(['Xã Giang', 'Xã Đông', 'Xã Châu', 'Xã Bình', 'Xã An'])
  })

  it("sorts by a group's points, communes without any computable point in it last", () => {
    const ranked = rankServiceIndex(rows, { key: 'group:progress', direction: 'asc' })
    expect(ranked.map((entry) => entry.communeName)).toEqual(['Xã Bình', 'Xã An', 'Xã Châu', 'Xã Đông', 'Xã Giang'])
    const none = rankServiceIndex(rows, { key: 'group:satisfaction', direction: 'desc' })
    expect(none.map((entry) => entry.communeName)).toEqual(['Xã An', 'Xã Bình', 'Xã Châu', 'Xã Đông', 'Xã Giang'])
  })

  it('does not change its input', () => {
    const copy = structuredClone(rows)
    rankServiceIndex(rows, { key: 'name', direction: 'desc' })
    expect(rows).toEqual(copy)
  })
})

describe('parseServiceIndexSort', () => {
  it('accepts the whitelisted keys, the groups of the configuration included', () => {
    expect(serviceIndexSortKeys(config)).toContain('group:onlineServices')
    expect(parseServiceIndexSort({ xep: 'group:onlineServices', chieu: 'asc' }, config)).toEqual({ key: 'group:onlineServices', direction: 'asc' })
    expect(parseServiceIndexSort({ xep: ['name', 'score'] }, config)).toEqual({ key: 'name', direction: 'asc' })
    expect(parseServiceIndexSort({ xep: 'earned' }, config)).toEqual({ key: 'earned', direction: 'desc' })
  })

  it('falls back to the default for anything else', () => {
    expect(parseServiceIndexSort({}, config)).toEqual(DEFAULT_SERVICE_INDEX_SORT)
    expect(parseServiceIndexSort({ xep: 'group:unknown' }, config)).toEqual(DEFAULT_SERVICE_INDEX_SORT)
    expect(parseServiceIndexSort({ xep: 'score', chieu: 'sideways' }, config)).toEqual({ key: 'score', direction: 'desc' })
  })
})
