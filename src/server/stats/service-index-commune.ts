import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { assertDashboardPeriod } from '@/domain/stats/dashboard-metrics'
import type { DashboardPeriod } from '@/domain/stats/dashboard-metrics-types'
import {
  computeServiceIndex,
  DEFAULT_SERVICE_INDEX_CONFIG,
  listUnconfirmed,
  simulateImprovements,
  type Improvement,
  type InputSection,
  type ServiceIndexConfig,
  type ServiceIndexInput,
  type ServiceIndexResult,
  type UnconfirmedItem,
} from '@/domain/stats/service-index'
import { DEFAULT_STEP_PERCENT, type SimulationChoice } from '@/domain/stats/service-index-params'
import type { IndexCommune } from './service-index-data.repo'
import { loadServiceIndexInputs, UNAVAILABLE_SECTIONS, type IndexCatalogue, type UnavailableReason } from './service-index-inputs'
import { communeInScope } from './service-index-scope'

export type CommuneServiceIndex = {
  period: DashboardPeriod
  commune: IndexCommune
  config: ServiceIndexConfig
  /** The counts the index was computed from. */
  input: ServiceIndexInput
  /** Every group and criterion with its figures and explanation. */
  index: ServiceIndexResult
  /** What would raise the score most (sorted by points gained), with the extra dossiers needed. */
  simulation: SimulationChoice & { improvements: Improvement[] }
  catalogue: IndexCatalogue
  unavailable: readonly { section: InputSection; reason: UnavailableReason }[]
  unconfirmed: UnconfirmedItem[]
}

/**
 * One commune's service-quality index for a period, explained, with the simulator. PROVINCE_OFFICER: a commune
 * of their province; ADMIN: any; commune staff: a commune they work for. Otherwise NOT_FOUND (FORBIDDEN without
 * any dashboard permission).
 */
export async function getCommuneServiceIndex(
  client: PrismaClient,
  {
    actor,
    communeCode,
    period,
    simulation = { mode: 'TARGET', stepPercent: DEFAULT_STEP_PERCENT },
    config = DEFAULT_SERVICE_INDEX_CONFIG,
  }: { actor: Actor; communeCode: string; period: DashboardPeriod; simulation?: SimulationChoice; config?: ServiceIndexConfig },
): Promise<CommuneServiceIndex> {
  const commune = await communeInScope(client, actor, communeCode)
  const { inputs, catalogue } = await loadServiceIndexInputs(client, { communeIds: [commune.id], period: assertDashboardPeriod(period) })
  const input = inputs.get(commune.id) ?? {}
  return {
    period,
    commune,
    config,
    input,
    index: computeServiceIndex(input, config),
    simulation: { ...simulation, improvements: simulateImprovements(input, config, simulation) },
    catalogue,
    unavailable: UNAVAILABLE_SECTIONS,
    unconfirmed: listUnconfirmed(config),
  }
}
