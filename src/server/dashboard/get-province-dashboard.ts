import 'server-only'
import {
  assertDashboardPeriod,
  buildTrends,
  emptyCounts,
  figuresFromCounts,
  loadAlerts,
  localToday,
  overdueJumpAlerts,
  rankRows,
  sumCounts,
  validateLoadThreshold,
  type CommuneLabel,
} from '@/domain/stats/dashboard-metrics'
import { provinceScopeOf } from './dashboard-access'
import { findCommunes, findProvince, type Client, type StatScope } from './dashboard.repo'
import { hasData, loadScopeCounts } from './dashboard-figures'
import type { DashboardCommuneRow, ProvinceDashboard, ProvinceDashboardInput } from './dashboard-types'

/**
 * The province view (PROVINCE_OFFICER: their province; ADMIN: every commune; anyone else FORBIDDEN): the
 * figures of every commune for the period, ranked by `sort`, the province totals (sums of the communes' counts,
 * ratios from the sums), trends by day and ISO week, and the alerts (daily load over `threshold`, overdue jumps).
 * Reads the aggregates only (plus the small "overdue since earlier today" count): five queries, run together,
 * of which one pass over the period's DossierDailyStat rows.
 * Communes no longer active are listed only when they have data.
 */
export async function getProvinceDashboard(client: Client, input: ProvinceDashboardInput): Promise<ProvinceDashboard> {
  const { actor, sort, now } = input
  const { provinceId } = provinceScopeOf(actor)
  const period = assertDashboardPeriod(input.period)
  const threshold = validateLoadThreshold(input.threshold)
  const today = localToday(now)
  const scope: StatScope = { kind: 'province', provinceId }
  const [communes, province, { counts, overdueWindows, days, peaks }] = await Promise.all([
    findCommunes(client, provinceId),
    provinceId === null ? null : findProvince(client, provinceId),
    loadScopeCounts(client, { scope, group: 'commune', period, now, today, loadThreshold: threshold }),
  ])
  const rows: DashboardCommuneRow[] = []
  for (const commune of communes) {
    const communeCounts = counts.get(commune.id) ?? emptyCounts()
    if (!commune.isActive && !hasData(communeCounts)) continue
    rows.push({
      ...figuresFromCounts(communeCounts),
      id: commune.id,
      name: commune.name,
      communeId: commune.id,
      communeCode: commune.code,
      communeName: commune.name,
    })
  }
  const labels = new Map<string, CommuneLabel>(communes.map((commune) => [commune.id, commune]))
  return {
    period,
    sort,
    now,
    today,
    province,
    totals: figuresFromCounts(sumCounts(counts.values())),
    rows: rankRows(rows, sort),
    trends: buildTrends(period, days),
    alerts: {
      threshold,
      load: loadAlerts(peaks, labels, threshold),
      overdueJump: overdueJumpAlerts(
        [...overdueWindows].map(([communeId, windows]) => ({ communeId, ...windows })),
        labels,
      ),
    },
  }
}
