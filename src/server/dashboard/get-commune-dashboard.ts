import 'server-only'
import { assertDashboardPeriod, buildTrends, figuresFromCounts, localToday, rankRows, sumCounts } from '@/domain/stats/dashboard-metrics'
import { resolveDashboardCommune } from './dashboard-access'
import { findProceduresByIds, type Client, type StatScope } from './dashboard.repo'
import { loadScopeCounts } from './dashboard-figures'
import type { CommuneDashboard, CommuneDashboardInput, DashboardProcedureRow } from './dashboard-types'

/**
 * One commune's view — for province readers (a commune of their province; ADMIN any) and for the commune's own
 * staff (others: NOT_FOUND; citizens: FORBIDDEN): the commune's figures, one row per procedure with any data in
 * the period or open now (sorted by `sort`), and its trends. The commune's figures are the sum of its procedures'.
 */
export async function getCommuneDashboard(client: Client, input: CommuneDashboardInput): Promise<CommuneDashboard> {
  const { actor, sort, now } = input
  const commune = await resolveDashboardCommune(client, actor, input.communeCode)
  const period = assertDashboardPeriod(input.period)
  const today = localToday(now)
  const scope: StatScope = { kind: 'commune', communeId: commune.id }
  const { counts, days } = await loadScopeCounts(client, { scope, group: 'procedure', period, now, today })
  const procedures = await findProceduresByIds(client, [...counts.keys()])
  const rows: DashboardProcedureRow[] = procedures.map((procedure) => ({
    // Every key of `counts` is a procedure id of the commune's aggregate rows, hence found.
    ...figuresFromCounts(counts.get(procedure.id) ?? sumCounts([])),
    id: procedure.id,
    name: procedure.name,
    procedureId: procedure.id,
    procedureCode: procedure.code,
    procedureNationalCode: procedure.nationalCode,
    procedureName: procedure.name,
  }))
  return {
    period,
    sort,
    now,
    today,
    commune,
    figures: figuresFromCounts(sumCounts(counts.values())),
    rows: rankRows(rows, sort),
    trends: buildTrends(period, days),
  }
}
