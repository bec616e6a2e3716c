import 'server-only'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { AppError } from '@/domain/errors'
import { findCommuneByCode, type Client } from './dashboard.repo'
import type { DashboardCommune } from './dashboard-types'

/**
 * Who may read which dashboard (authorization on the server, next to the queries it protects):
 * - the province view: 'dashboard.readProvince' — a PROVINCE_OFFICER for their province (none assigned:
 *   FORBIDDEN), an ADMIN for every commune; anyone else FORBIDDEN;
 * - a commune's view (and its procedures and dossier lists): province readers for a commune of their scope,
 *   commune staff ('dashboard.readCommune') for a commune they work for. A commune outside the caller's scope is
 *   NOT_FOUND, the same answer as a commune that does not exist (codes cannot be probed); a caller with neither
 *   permission (a citizen) is FORBIDDEN.
 */
export function provinceScopeOf(actor: Actor): { provinceId: string | null } {
  if (!can(actor, 'dashboard.readProvince')) throw new AppError('FORBIDDEN')
  if (actor.role === 'ADMIN') return { provinceId: null }
  if (!actor.provinceId) throw new AppError('FORBIDDEN', 'Province officer without a province')
  return { provinceId: actor.provinceId }
}

export function mayReadCommune(actor: Actor, commune: Pick<DashboardCommune, 'id' | 'provinceId'>): boolean {
  if (can(actor, 'dashboard.readProvince')) return actor.role === 'ADMIN' || (actor.provinceId !== null && actor.provinceId === commune.provinceId)
  if (can(actor, 'dashboard.readCommune')) return actor.communeIds.includes(commune.id)
  return false
}

/** The commune of a dashboard URL, if the actor may read its dashboard (see above). */
export async function resolveDashboardCommune(client: Client, actor: Actor, communeCode: string): Promise<DashboardCommune> {
  if (!can(actor, 'dashboard.readProvince') && !can(actor, 'dashboard.readCommune')) throw new AppError('FORBIDDEN')
  if (typeof communeCode !== 'string' || !/^\d{5}$/.test(communeCode)) throw new AppError('NOT_FOUND')
  const commune = await findCommuneByCode(client, communeCode)
  if (!commune || !mayReadCommune(actor, commune)) throw new AppError('NOT_FOUND')
  return commune
}
