/**
 * The shape of the synthetic history, decided in JS before any row is written (pure: no I/O).
 *
 * Days. Every bulk dossier is a copy of a dossier of the seed's demo history (the "template", 120 days ending at
 * `now`), moved by a whole number of weeks so it keeps its weekday, its office hours and every duration of its
 * timeline (receipt, due date, supplement pause, completion, payment, rating):
 * - the last RECENT_DAYS days (5 weeks) copy the templates of the same day, unmoved: the mix of open dossiers
 *   near today (waiting, processing, awaiting supplement, ready to return, overdue) is the seed's own;
 * - every older day copies the finished templates of the day with the same weekday in the 12 weeks before that
 *   (TEMPLATE_WINDOW_DAYS), moved back by whole weeks, so the past holds only finished dossiers.
 * A day receives dossiers in proportion to how many templates it draws from (weekends and holidays stay quiet,
 * as in the seed), scaled to the requested total.
 *
 * Communes. Ranked like the seed ranks them (wards ×6, plus one per merged former unit), the busiest first.
 * Issue 8's one fact about load is that 37 communes of Nghệ An pass 100 dossiers a working day: the first 37
 * share a Zipf-like head whose smallest commune gets ~1.2 × the threshold a working day, the others a flatter
 * tail whose largest gets ~0.7 × the threshold. Only meaningful when the volume allows it (≈10 M over 3 years);
 * at smaller volumes the same shape is kept and the generator says so.
 */

export type LocalDate = string

/** The last days copied unmoved from the seed (open dossiers near today). A multiple of 7. */
export const RECENT_DAYS = 35
/** The older part of the seed's history whose finished dossiers are copied into the past. A multiple of 7. */
export const TEMPLATE_WINDOW_DAYS = 84

export const BUSY_COMMUNES = 37
export const LOAD_THRESHOLD = 100

const DAY_MS = 86_400_000

export function addDays(day: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/** One target day of the plan. */
export type PlannedDay = {
  day: LocalDate
  /** The template day it copies (same weekday). */
  templateDay: LocalDate
  /** true: copies any template of that day unmoved; false: only finished ones, moved back by whole weeks. */
  recent: boolean
  /** Templates to draw from. */
  pool: number
  /** Dossiers to generate on that day. */
  count: number
}

export type TemplatePools = {
  /** Templates by local submission day (any state). */
  all: ReadonlyMap<LocalDate, number>
  /** Finished templates (RETURNED, REFUSED, WITHDRAWN) by local submission day. */
  finished: ReadonlyMap<LocalDate, number>
}

/** The template day of `day` (same weekday), and whether it is copied unmoved. */
export function templateDayOf(day: LocalDate, today: LocalDate): { templateDay: LocalDate; recent: boolean } {
  const recentStart = addDays(today, -(RECENT_DAYS - 1))
  if (day >= recentStart) return { templateDay: day, recent: true }
  const windowStart = addDays(recentStart, -TEMPLATE_WINDOW_DAYS)
  const offset = ((daysBetween(windowStart, day) % TEMPLATE_WINDOW_DAYS) + TEMPLATE_WINDOW_DAYS) % TEMPLATE_WINDOW_DAYS
  return { templateDay: addDays(windowStart, offset), recent: false }
}

/**
 * Days from `today − (days − 1)` to `today`, each with its template day and number of dossiers; the counts sum
 * to `total` exactly (largest remainders).
 */
export function planDays(input: { today: LocalDate; days: number; total: number; pools: TemplatePools }): PlannedDay[] {
  const { today, days, total, pools } = input
  if (!Number.isInteger(days) || days < RECENT_DAYS) throw new RangeError(`days must be a whole number ≥ ${RECENT_DAYS}`)
  const planned: PlannedDay[] = []
  for (let index = days - 1; index >= 0; index--) {
    const day = addDays(today, -index)
    const { templateDay, recent } = templateDayOf(day, today)
    const pool = (recent ? pools.all : pools.finished).get(templateDay) ?? 0
    planned.push({ day, templateDay, recent, pool, count: 0 })
  }
  const weight = planned.reduce((sum, entry) => sum + entry.pool, 0)
  if (weight === 0) {
    if (total > 0) throw new Error('The seed left no template dossiers to copy')
    return planned
  }
  const exact = planned.map((entry) => (entry.pool * total) / weight)
  let assigned = 0
  planned.forEach((entry, index) => {
    entry.count = Math.floor(exact[index]!)
    assigned += entry.count
  })
  const byRemainder = planned
    .map((entry, index) => ({ index, remainder: exact[index]! - entry.count }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index)
  for (let k = 0; k < total - assigned; k++) planned[byRemainder[k % byRemainder.length]!.index]!.count += 1
  return planned
}

/** Consecutive runs of days of about `size` dossiers (a day is never split: codes are numbered per day). */
export function chunkDays(planned: readonly PlannedDay[], size: number): { first: number; last: number; count: number }[] {
  const chunks: { first: number; last: number; count: number }[] = []
  let first = 0
  let count = 0
  planned.forEach((entry, index) => {
    count += entry.count
    if (count >= size || index === planned.length - 1) {
      if (count > 0) chunks.push({ first, last: index, count })
      first = index + 1
      count = 0
    }
  })
  return chunks
}

export type LoadCommune = { id: string; code: string; name: string; kind: 'XA' | 'PHUONG'; formerUnitCount: number }

export type CommuneShares<C extends LoadCommune> = {
  /** Busiest first, with the share of all dossiers each receives. */
  ranked: { commune: C; share: number }[]
  headSkew: number
  tailSkew: number
  /** Expected dossiers a working day of the 37th and 38th communes, and of the busiest. */
  expected: { busiest: number; lastBusy: number; firstQuiet: number }
  /** Whether the volume allows 37 communes above the threshold with the others below it. */
  calibrated: boolean
}

const zipf = (count: number, skew: number) => {
  const weights = Array.from({ length: count }, (_, index) => 1 / Math.pow(index + 1, skew))
  const sum = weights.reduce((total, weight) => total + weight, 0)
  return weights.map((weight) => weight / sum)
}

/**
 * Shares of the communes for a province-wide load of `workingDayLoad` dossiers a working day. `busiestCode`, when
 * given and present, is ranked first (a commune with demo staff, so its drill-down has accounts to look with).
 */
export function communeShares<C extends LoadCommune>(
  communes: readonly C[],
  options: { workingDayLoad: number; busiestCode?: string; busy?: number; threshold?: number },
): CommuneShares<C> {
  const busy = Math.min(options.busy ?? BUSY_COMMUNES, communes.length)
  const threshold = options.threshold ?? LOAD_THRESHOLD
  const load = options.workingDayLoad
  const proxy = (commune: C) => (commune.kind === 'PHUONG' ? 6 : 1) * (1 + commune.formerUnitCount)
  const ordered = [...communes].sort((a, b) => {
    if (a.code === options.busiestCode) return -1
    if (b.code === options.busiestCode) return 1
    return proxy(b) - proxy(a) || a.code.localeCompare(b.code)
  })
  const tailCount = ordered.length - busy
  const tailSkew = 0.1
  const tail = zipf(tailCount, tailSkew)
  // The tail's largest commune at 70 % of the threshold, unless that would leave the head less than half the load.
  const tailTotal = tailCount === 0 ? 0 : Math.min((0.7 * threshold) / tail[0]!, 0.5 * load)
  const headTotal = load - tailTotal
  // The most skewed head (up to 0.5) whose smallest commune still gets 1.2 × the threshold.
  let headSkew = 0
  for (let skew = 0.5; skew >= 0; skew = Math.round((skew - 0.01) * 100) / 100) {
    if (headTotal * zipf(busy, skew)[busy - 1]! >= 1.2 * threshold) {
      headSkew = skew
      break
    }
  }
  const head = zipf(busy, headSkew)
  const perDay = [...head.map((share) => share * headTotal), ...tail.map((share) => share * tailTotal)]
  const ranked = ordered.map((commune, index) => ({ commune, share: load > 0 ? perDay[index]! / load : 1 / ordered.length }))
  const lastBusy = perDay[busy - 1] ?? 0
  const firstQuiet = perDay[busy] ?? 0
  return {
    ranked,
    headSkew,
    tailSkew,
    expected: { busiest: perDay[0] ?? 0, lastBusy, firstQuiet },
    calibrated: lastBusy > threshold && firstQuiet < threshold,
  }
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
