import { MEASURES, roundForDisplay, type InputSection, type ServiceIndexConfig, type ServiceIndexScore } from './service-index'

/**
 * # Ranking communes by the service-quality index
 *
 * Pure: the server computes each commune's `ServiceIndexScore` (see service-index.ts) and this module turns them
 * into rows, sorts them by a whitelisted column and numbers them. Two numbers per row:
 * - `position`: the 1-based place in the list as sorted (stable: equal values are ordered by name, then by id);
 * - `scoreRank`: the place by index score, highest first, whatever the sort ("1, 2, 2, 4": scores equal to the
 *   2 decimals shown share a rank, so two communes shown with 49,43 never get different ranks); null for a
 *   commune that is not ranked (below).
 * A commune is ranked only when its score rests on some data of its own (`ranked`): a commune with no dossier
 * and no rating in the period would otherwise score on the criteria every commune shares (the procedure
 * catalogue) alone — often 100 — and top the ranking for doing nothing. Unranked communes and communes without
 * a score are listed after the ranked ones when sorting by score, in both directions; a commune without a
 * group's points is listed last when sorting by that group. "No data" is neither the best nor the worst.
 */

/** The columns a ranking may be sorted by: the score, the name, the raw points, or one group's points. */
export type ServiceIndexSortKey = 'score' | 'name' | 'earned' | 'maxComputable' | `group:${string}`
export type ServiceIndexSortDirection = 'asc' | 'desc'
export type ServiceIndexSort = { key: ServiceIndexSortKey; direction: ServiceIndexSortDirection }
/** Search parameters: `xep` = key, `chieu` = 'asc' | 'desc'. */
export type ServiceIndexSortParams = { xep?: string | readonly string[] | null; chieu?: string | readonly string[] | null }

function first(value: string | readonly string[] | null | undefined): string | undefined {
  return (typeof value === 'string' ? value : value?.[0])?.trim() || undefined
}

export const DEFAULT_SERVICE_INDEX_SORT: ServiceIndexSort = { key: 'score', direction: 'desc' }

/** The keys a configuration allows (its groups are part of the whitelist). */
export function serviceIndexSortKeys(config: ServiceIndexConfig): ServiceIndexSortKey[] {
  return ['score', 'name', 'earned', 'maxComputable', ...config.groups.map((group) => `group:${group.key}` as const)]
}

/**
 * The sort named by the search parameters, or the default (score, highest first) for anything unknown. A key
 * given without a direction sorts names A→Z and figures highest first.
 */
export function parseServiceIndexSort(params: ServiceIndexSortParams, config: ServiceIndexConfig): ServiceIndexSort {
  const wanted = first(params.xep)
  const key = serviceIndexSortKeys(config).find((candidate) => candidate === wanted)
  if (!key) return DEFAULT_SERVICE_INDEX_SORT
  const chieu = first(params.chieu)
  const direction = chieu === 'asc' || chieu === 'desc' ? chieu : key === 'name' ? 'asc' : 'desc'
  return { key, direction }
}

export type ServiceIndexUnit = { communeId: string; communeCode: string; communeName: string }

export type ServiceIndexGroupFigures = { key: string; points: number; earned: number; maxComputable: number; score: number | null }

export type ServiceIndexRankingRow = ServiceIndexUnit & {
  /** The index out of 100 (earned / maxComputable × 100), null when nothing could be computed. */
  score: number | null
  earned: number
  maxComputable: number
  /** Per group of the configuration, in its order. `earned` is meaningful only when `maxComputable` > 0. */
  groups: ServiceIndexGroupFigures[]
  /** Criteria left out (NOT_AVAILABLE or NO_DATA). */
  excludedCount: number
  /** Whether the score rests on data of the commune's own (see the header); unranked rows have no `scoreRank`. */
  ranked: boolean
}

export type RankedServiceIndexRow = ServiceIndexRankingRow & { position: number; scoreRank: number | null }

/** Scores closer than this are equal (they come from floating division of different counts). */
const TIE = 1e-9

/**
 * Whether a unit's figures rest on data of its own: some criterion was computed from a section that is not
 * shared by every unit (`shared`: e.g. the procedure catalogue, the same for every commune).
 */
export function hasOwnData(figures: ServiceIndexScore, shared: readonly InputSection[]): boolean {
  return figures.groups.some((group) => group.criteria.some((criterion) => criterion.status === 'COMPUTED' && criterion.measure !== null && !shared.includes(MEASURES[criterion.measure].section)))
}

/** A ranking's row from a unit's figures; `ranked` is false when they rest only on `shared` sections. */
export function rankingRow(unit: ServiceIndexUnit, figures: ServiceIndexScore, shared: readonly InputSection[] = []): ServiceIndexRankingRow {
  return {
    ...unit,
    score: figures.score,
    earned: figures.earned,
    maxComputable: figures.maxComputable,
    groups: figures.groups.map((group) => ({ key: group.key, points: group.points, earned: group.earned, maxComputable: group.maxComputable, score: group.score })),
    excludedCount: figures.excluded.length,
    ranked: figures.score !== null && hasOwnData(figures, shared),
  }
}

/** The value a row is sorted by; null sorts last. A group with nothing computable has no value. */
function sortValue(row: ServiceIndexRankingRow, key: ServiceIndexSortKey): number | null {
  if (key === 'score') return row.ranked ? row.score : null
  if (key === 'earned') return row.maxComputable > 0 ? row.earned : null
  if (key === 'maxComputable') return row.maxComputable
  if (key === 'name') return null
  const group = row.groups.find((entry) => `group:${entry.key}` === key)
  return group && group.maxComputable > 0 ? group.earned : null
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true })

function byName(a: ServiceIndexRankingRow, b: ServiceIndexRankingRow): number {
  return collator.compare(a.communeName, b.communeName) || (a.communeId < b.communeId ? -1 : a.communeId > b.communeId ? 1 : 0)
}

/** Sorts the rows (see the header for ties and missing values) and numbers them. Does not change its input. */
export function rankServiceIndex(rows: readonly ServiceIndexRankingRow[], sort: ServiceIndexSort = DEFAULT_SERVICE_INDEX_SORT): RankedServiceIndexRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1
  const sorted = [...rows].sort((a, b) => {
    if (sort.key === 'name') return sign * byName(a, b)
    const left = sortValue(a, sort.key)
    const right = sortValue(b, sort.key)
    if (left === null || right === null) {
      if (left !== right) return left === null ? 1 : -1
      return byName(a, b)
    }
    if (Math.abs(left - right) > TIE) return sign * (left - right)
    return byName(a, b)
  })
  // Ranks compare the scores as shown (2 decimals), in integers of hundredths.
  const shown = (score: number) => Math.round(roundForDisplay(score) * 100)
  const scores = rows.flatMap((row) => (row.ranked && row.score !== null ? [shown(row.score)] : [])).sort((a, b) => b - a)
  return sorted.map((row, index) => ({
    ...row,
    position: index + 1,
    scoreRank: row.ranked && row.score !== null ? 1 + countHigher(scores, shown(row.score)) : null,
  }))
}

/** How many of `descending` are higher than `score` (binary search). */
function countHigher(descending: readonly number[], score: number): number {
  let low = 0
  let high = descending.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((descending[middle] ?? 0) > score) low = middle + 1
    else high = middle
  }
  return low
}
