/**
 * How the benchmark spreads dossiers over communes: a Zipf-like skew (weight = 1 / rank^skew). The seed's own
 * commune weights live inside generateDemoHistory and are not exported, so the ranking reuses the same proxy
 * (wards ×6, plus one per merged former unit) with the measured commune forced to rank 1, and the exponent
 * (0.5 by default) puts the busiest ward near 5 % of the province (about its share of the population).
 *
 * The daily intake is calibrated on the one fact we have about load: the 37 busy communes of Nghệ An handle
 * more than 100 dossiers a day. The commune at rank 37 is given ~105 a day; the history then spans as many
 * days as the requested volume needs at that rate.
 */
export type LoadCommune = { id: string; code: string; kind: 'XA' | 'PHUONG'; formerUnitCount: number }

export const BUSY_COMMUNES = 37
export const BUSY_DAILY_INTAKE = 105

export type CommuneLoad<C extends LoadCommune> = {
  /** Communes by rank (busiest first) with their share of all dossiers. */
  ranked: { commune: C; share: number }[]
  /** Dossiers a day, province-wide, such that the commune ranked 37th gets ~105 a day. */
  provinceDaily: number
}

export function communeLoad<C extends LoadCommune>(communes: readonly C[], measuredCode: string, skew: number): CommuneLoad<C> {
  const proxy = (commune: C) => (commune.kind === 'PHUONG' ? 6 : 1) * (1 + commune.formerUnitCount)
  const ordered = [...communes].sort((a, b) => {
    if (a.code === measuredCode) return -1
    if (b.code === measuredCode) return 1
    return proxy(b) - proxy(a) || a.code.localeCompare(b.code)
  })
  const weights = ordered.map((_, index) => 1 / Math.pow(index + 1, skew))
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const ranked = ordered.map((commune, index) => ({ commune, share: weights[index]! / total }))
  const reference = ranked[Math.min(BUSY_COMMUNES, ranked.length) - 1]
  const provinceDaily = reference ? BUSY_DAILY_INTAKE / reference.share : 1
  return { ranked, provinceDaily }
}

/** Lower bounds of the cumulative shares, for SQL `width_bucket(random(), bounds)` (1-based bucket = rank). */
export function cumulativeLowerBounds(shares: readonly number[]): number[] {
  const bounds: number[] = []
  let sum = 0
  for (const share of shares) {
    bounds.push(sum)
    sum += share
  }
  return bounds
}
