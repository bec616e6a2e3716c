import 'server-only'
import { AppError } from '@/domain/errors'
import { assertDashboardPeriod, buildTrends, figuresFromCounts, localToday, sumCounts } from '@/domain/stats/dashboard-metrics'
import { resolveDashboardCommune } from './dashboard-access'
import { findProcedureByCode, type Client, type StatScope } from './dashboard.repo'
import { loadScopeCounts } from './dashboard-figures'
import type { ProcedureInCommune, ProcedureInCommuneInput } from './dashboard-types'

/**
 * The figures and trends of one procedure (by its code, Procedure.slug) in one commune; same access as the
 * commune's dashboard. An unknown procedure is NOT_FOUND; a known one without data gives zeros.
 */
export async function getProcedureInCommune(client: Client, input: ProcedureInCommuneInput): Promise<ProcedureInCommune> {
  const { actor, now } = input
  const commune = await resolveDashboardCommune(client, actor, input.communeCode)
  const period = assertDashboardPeriod(input.period)
  const procedure = typeof input.procedureCode === 'string' ? await findProcedureByCode(client, input.procedureCode) : null
  if (!procedure) throw new AppError('NOT_FOUND')
  const today = localToday(now)
  const scope: StatScope = { kind: 'commune', communeId: commune.id, procedureId: procedure.id }
  const { counts, days } = await loadScopeCounts(client, { scope, group: 'none', period, now, today })
  return {
    period,
    now,
    today,
    commune,
    procedure,
    figures: figuresFromCounts(sumCounts(counts.values())),
    trends: buildTrends(period, days),
  }
}
