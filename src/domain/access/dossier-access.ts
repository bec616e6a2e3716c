import type { Actor } from './actor'
import { isCommuneStaff } from './roles'

/** What access rules need to know of a dossier. */
export type DossierOwnership = { applicantId: string | null; communeId: string; provinceId: string }

/**
 * Who may read a dossier: its applicant; the staff of its commune; officers of its province; administrators.
 * The queries in src/server apply the same rule as a where-clause (server/access/dossier-scope.ts), so a
 * dossier outside the caller's scope is simply not found.
 */
export function canReadDossier(actor: Actor, dossier: DossierOwnership): boolean {
  switch (actor.role) {
    case 'CITIZEN':
      return dossier.applicantId !== null && dossier.applicantId === actor.userId
    case 'CLERK':
    case 'SPECIALIST':
    case 'LEADER':
      return actor.communeIds.includes(dossier.communeId)
    case 'PROVINCE_OFFICER':
      return actor.provinceId !== null && actor.provinceId === dossier.provinceId
    case 'ADMIN':
      return true
  }
}

/** Only the staff of the dossier's commune act on it; officers and administrators only read. */
export function canActOnDossier(actor: Actor, dossier: DossierOwnership): boolean {
  return isCommuneStaff(actor.role) && actor.communeIds.includes(dossier.communeId)
}

/**
 * Who may move a dossier through its workflow (the workflow then decides which actions each role has):
 * - its applicant (supply the missing papers, withdraw) — only their own dossier;
 * - a clerk or leader of its commune;
 * - a specialist of its commune, when the dossier is assigned to them or to nobody: a specialist works their
 *   own queue, and a leader reassigns work between specialists.
 */
export function canTakeWorkflowAction(actor: Actor, dossier: DossierOwnership & { assigneeId: string | null }): boolean {
  if (actor.role === 'CITIZEN') return dossier.applicantId !== null && dossier.applicantId === actor.userId
  if (!canActOnDossier(actor, dossier)) return false
  if (actor.role === 'SPECIALIST') return dossier.assigneeId === null || dossier.assigneeId === actor.userId
  return true
}
