import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { assertDashboardPeriod } from '@/domain/stats/dashboard-metrics'
import type { DashboardPeriod } from '@/domain/stats/dashboard-metrics-types'
import {
  combineIndexInputs,
  computeServiceIndex,
  DEFAULT_SERVICE_INDEX_CONFIG,
  listUnconfirmed,
  scoreServiceIndex,
  type ServiceIndexConfig,
  type ServiceIndexInput,
  type ServiceIndexResult,
  type UnconfirmedItem,
} from '@/domain/stats/service-index'
import {
  parseServiceIndexSort,
  rankingRow,
  rankServiceIndex,
  type RankedServiceIndexRow,
  type ServiceIndexSort,
  type ServiceIndexSortParams,
} from '@/domain/stats/service-index-ranking'
import { loadServiceIndexInputs, SHARED_SECTIONS, UNAVAILABLE_SECTIONS, type IndexCatalogue, type UnavailableReason } from './service-index-inputs'
import { rankingScope } from './service-index-scope'
import type { InputSection } from '@/domain/stats/service-index'

export type ServiceIndexRanking = {
  period: DashboardPeriod
  sort: ServiceIndexSort
  config: ServiceIndexConfig
  /** The officer's province; null for an ADMIN (every commune of the system). */
  province: { id: string; name: string } | null
  /** The province (or the whole system) as one unit: the communes' counts summed, then scored (not averaged). */
  total: { input: ServiceIndexInput; index: ServiceIndexResult }
  /**
   * Every commune in scope (active or not), sorted by `sort`, numbered (`position`) and ranked by score; a commune
   * with no dossier nor rating of its own in the period is listed but not ranked (`ranked` false).
   */
  rows: RankedServiceIndexRow[]
  catalogue: IndexCatalogue
  unavailable: readonly { section: InputSection; reason: UnavailableReason }[]
  /** Weights, formulas and curves the decision's summaries do not state (shown, never hidden). */
  unconfirmed: UnconfirmedItem[]
}

/**
 * Every commune's service-quality index (Decision 766) for a period, and the province's, from the maintained
 * aggregates. PROVINCE_OFFICER: their province; ADMIN: every commune; anyone else FORBIDDEN.
 */
export async function getServiceIndexRanking(
  client: PrismaClient,
  { actor, period, sort = {}, config = DEFAULT_SERVICE_INDEX_CONFIG }: { actor: Actor; period: DashboardPeriod; sort?: ServiceIndexSortParams; config?: ServiceIndexConfig },
): Promise<ServiceIndexRanking> {
  const scope = await rankingScope(client, actor)
  const { inputs, catalogue } = await loadServiceIndexInputs(client, { communeIds: scope.communes.map((commune) => commune.id), period: assertDashboardPeriod(period) })
  const rows = scope.communes.map((commune) =>
    rankingRow({ communeId: commune.id, communeCode: commune.code, communeName: commune.name }, scoreServiceIndex(inputs.get(commune.id) ?? {}, config), SHARED_SECTIONS),
  )
  const chosen = parseServiceIndexSort(sort, config)
  const totalInput = combineIndexInputs([...inputs.values()])
  return {
    period,
    sort: chosen,
    config,
    province: scope.province,
    total: { input: totalInput, index: computeServiceIndex(totalInput, config) },
    rows: rankServiceIndex(rows, chosen),
    catalogue,
    unavailable: UNAVAILABLE_SECTIONS,
    unconfirmed: listUnconfirmed(config),
  }
}
