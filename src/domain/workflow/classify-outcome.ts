import { localDateOf } from '../calendar/working-days'

/** `Dossier.outcome` (the database enum DossierOutcome). */
export const DOSSIER_OUTCOMES = ['EARLY', 'ON_TIME', 'LATE'] as const
export type DossierOutcome = (typeof DOSSIER_OUTCOMES)[number]

/**
 * How a dossier finished against its due instant (Decision 766 counts "trước hạn", "đúng hạn", "quá hạn"):
 * - EARLY: completed on a local (Vietnam) day before the due day;
 * - ON_TIME: completed on the due day, at or before the due instant;
 * - LATE: completed after the due instant.
 */
export function classifyOutcome(completedAt: Date, dueAt: Date): DossierOutcome {
  if (completedAt.getTime() > dueAt.getTime()) return 'LATE'
  return localDateOf(completedAt) < localDateOf(dueAt) ? 'EARLY' : 'ON_TIME'
}
