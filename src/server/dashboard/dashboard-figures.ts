import 'server-only'
import { emptyCounts, startOfLocalDay } from '@/domain/stats/dashboard-metrics'
import type { DashboardCounts, DashboardPeriod, LocalDate } from '@/domain/stats/dashboard-metrics-types'
import { countOverdueToday, sumOpenCounts, sumPeriod, type Client, type OpenCounts, type PeriodSums, type StatGroup, type StatScope } from './dashboard.repo'

export type ScopeCounts = {
  /** Counts by group key (commune id, procedure id, or '' for `none`); only keys with data. */
  counts: Map<string, DashboardCounts>
  /** The overdue-jump windows' counts by key (see sumOpenCounts). */
  overdueWindows: Map<string, { lastWeek: number; previousWeek: number }>
  /** Period counts per local day of the whole scope (for the trends). */
  days: PeriodSums['days']
  /** (commune, day) pairs over the load threshold, when one was given. */
  peaks: PeriodSums['peaks']
}

/**
 * Every count of a scope, grouped: period sums, per-day sums and load peaks (DossierDailyStat, one pass), open
 * dossiers now (DossierOpenStat) and the dossiers that fell overdue earlier today (the one small read of
 * "Dossier"): three queries run together.
 */
export async function loadScopeCounts(
  client: Client,
  {
    scope,
    group,
    period,
    now,
    today,
    loadThreshold,
  }: { scope: StatScope; group: StatGroup; period: DashboardPeriod; now: Date; today: LocalDate; loadThreshold?: number },
): Promise<ScopeCounts> {
  const [{ groups: periodRows, days, peaks }, openRows, overdueRows] = await Promise.all([
    sumPeriod(client, { scope, group, from: period.from, to: period.to, loadThreshold }),
    sumOpenCounts(client, { scope, group, today }),
    countOverdueToday(client, { scope, group, startOfToday: startOfLocalDay(today), now }),
  ])
  const counts = new Map<string, DashboardCounts>()
  const entry = (key: string) => {
    let value = counts.get(key)
    if (!value) counts.set(key, (value = emptyCounts()))
    return value
  }
  for (const { key, ...row } of periodRows) Object.assign(entry(key), row)
  const overdueWindows = new Map<string, { lastWeek: number; previousWeek: number }>()
  for (const { key, ...row } of openRows) {
    const open: OpenCounts = row
    const target = entry(key)
    target.waitingReception = open.waitingReception
    target.processing = open.processing
    target.readyToReturn = open.readyToReturn
    target.awaitingSupplement = open.awaitingSupplement
    target.overdueNow += open.overdueBeforeToday
    overdueWindows.set(key, { lastWeek: open.overdueLastWeek, previousWeek: open.overduePreviousWeek })
  }
  for (const { key, overdueToday } of overdueRows) entry(key).overdueNow += overdueToday
  if (group === 'none') entry('')
  return { counts, overdueWindows, days, peaks }
}

/** Whether any count is non-zero. */
export function hasData(counts: DashboardCounts): boolean {
  return Object.values(counts).some((value) => value !== 0)
}
