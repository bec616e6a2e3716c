import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { DashboardPeriod } from '@/domain/stats/dashboard-metrics-types'
import type { InputSection, ServiceIndexInput } from '@/domain/stats/service-index'
import { EMPTY_STAT_SUMS, readCatalogueAt, sumIndexStats, type CatalogueEntryAt, type IndexStatSums } from './service-index-data.repo'

/**
 * # The counts of the service-quality index (Decision 766), from what MotCua maintains
 *
 * A `ServiceIndexInput` per commune for a period, read from the maintained daily aggregate (DossierDailyStat,
 * whose definitions are in src/server/stats/recount.ts) and from the procedure catalogue. Never scans dossiers.
 *
 * | Section | Whole | Part | Counted by |
 * |---|---|---|---|
 * | settlement | early + onTime + late | — | resolvedEarly / resolvedOnTime / resolvedLate: RETURNED dossiers by outcome, by the local day they ended |
 * | dossierDigitisation | received | receivedDigitised | dossiers submitted in the period; digitised = an application or supplement file |
 * | resultDigitisation | resolved | resolvedElectronic | returned in the period; electronic = a RESULT file |
 * | onlineDossiers | received | receivedOnline | submitted in the period; online = channel ONLINE |
 * | onlinePayment | feeDue | feePaidOnline | submitted in the period owing a fee (feeVnd > 0); paid by VietQR or gateway |
 * | ratings | ratingsCount | ratingsSatisfied | ratings given in the period; satisfied = 4–5 stars |
 * | onlineProcedures | procedures | offeredOnline | the catalogue in force at the end of the period (below) |
 * | publication | — | — | NOT_AVAILABLE (null): see `UNAVAILABLE_SECTIONS` |
 * | feedback | — | — | NOT_AVAILABLE (null): there is no feedback module |
 *
 * The catalogue: MotCua's procedures are commune-level and there is no per-commune list, so every procedure
 * applies to every commune. A procedure counts when it is active (today's flag: activation has no history) and
 * had a version published before the end of the period; it is "offered online" when that version's online level
 * is FULL (toàn trình) or PARTIAL (một phần). Online levels the seed could not source are marked in the version's
 * `unverifiedFields`; their number is reported (`onlineLevelUnverified`) so the page can say so.
 *
 * "Published on time" (criterion 1.1) cannot honestly be computed: a ProcedureVersion records when MotCua
 * published it (`publishedAt`), not the date of the competent authority's announcement decision nor the deadline
 * for making it public, so "on time" has nothing to be compared with. The section is null (NOT_AVAILABLE) rather
 * than a guess such as "every published procedure is on time".
 */

/** Why a section is not computed (codes the pages translate). */
export type UnavailableReason = 'PUBLICATION_DEADLINE_NOT_RECORDED' | 'NO_FEEDBACK_MODULE'
export const UNAVAILABLE_SECTIONS: readonly { section: InputSection; reason: UnavailableReason }[] = [
  { section: 'publication', reason: 'PUBLICATION_DEADLINE_NOT_RECORDED' },
  { section: 'feedback', reason: 'NO_FEEDBACK_MODULE' },
]

/**
 * Sections every commune shares (one catalogue for all): a score resting on these alone says nothing about the
 * commune, so the ranking does not rank it (domain/stats/service-index-ranking.ts).
 */
export const SHARED_SECTIONS: readonly InputSection[] = ['onlineProcedures']

/** The catalogue the `onlineProcedures` section was counted from. */
export type IndexCatalogue = {
  /** The catalogue as it stood before this instant (the end of the period). */
  asOf: Date
  /** Active procedures with a version published before `asOf` (each applies to every commune). */
  procedures: number
  /** Of those, offered online: FULL or PARTIAL. */
  offeredOnline: number
  /** Of those offered online, fully online (toàn trình). */
  fullyOnline: number
  /** Procedures whose online level is a default the seed could not source ("onlineLevel" in unverifiedFields). */
  onlineLevelUnverified: number
}

export function summariseCatalogue(entries: readonly CatalogueEntryAt[], asOf: Date): IndexCatalogue {
  return {
    asOf,
    procedures: entries.length,
    offeredOnline: entries.filter((entry) => entry.onlineLevel !== 'NONE').length,
    fullyOnline: entries.filter((entry) => entry.onlineLevel === 'FULL').length,
    onlineLevelUnverified: entries.filter((entry) => entry.onlineLevelUnverified).length,
  }
}

/** One commune's index counts from its aggregate sums and the catalogue (the table above). */
export function indexInputFrom(sums: IndexStatSums, catalogue: Pick<IndexCatalogue, 'procedures' | 'offeredOnline'>): ServiceIndexInput {
  return {
    publication: null,
    settlement: { early: sums.resolvedEarly, onTime: sums.resolvedOnTime, late: sums.resolvedLate },
    dossierDigitisation: { received: sums.received, withElectronicFiles: sums.receivedDigitised },
    resultDigitisation: { issued: sums.resolved, electronic: sums.resolvedElectronic },
    onlineProcedures: { procedures: catalogue.procedures, offeredOnline: catalogue.offeredOnline },
    onlineDossiers: { received: sums.received, online: sums.receivedOnline },
    onlinePayment: { feeDossiers: sums.feeDue, paidOnline: sums.feePaidOnline },
    ratings: { count: sums.ratingsCount, satisfied: sums.ratingsSatisfied },
    feedback: null,
  }
}

export type ServiceIndexInputs = {
  /** Every requested commune (zeros when it had no activity in the period). */
  inputs: Map<string, ServiceIndexInput>
  catalogue: IndexCatalogue
}

/**
 * The index counts of the given communes over the period (local days `period.from`…`period.to`). No
 * authorization here: the use-cases decide which communes an actor may see and pass only those.
 */
export async function loadServiceIndexInputs(client: PrismaClient, { communeIds, period }: { communeIds: readonly string[]; period: Pick<DashboardPeriod, 'from' | 'to' | 'endsBefore'> }): Promise<ServiceIndexInputs> {
  const [sums, entries] = await Promise.all([sumIndexStats(client, communeIds, period.from, period.to), readCatalogueAt(client, period.endsBefore)])
  const catalogue = summariseCatalogue(entries, period.endsBefore)
  const inputs = new Map<string, ServiceIndexInput>()
  for (const communeId of communeIds) inputs.set(communeId, indexInputFrom(sums.get(communeId) ?? EMPTY_STAT_SUMS, catalogue))
  return { inputs, catalogue }
}
