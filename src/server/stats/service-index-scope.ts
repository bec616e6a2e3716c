import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { AppError } from '@/domain/errors'
import { findCommuneByCode, findCommunesByIds, findCommunesOfProvince, findProvinceName, type IndexCommune } from './service-index-data.repo'

/**
 * Who may read which commune's service-quality index (the dashboard's permissions, src/domain/access):
 * - PROVINCE_OFFICER ('dashboard.readProvince'): every commune of their province, and the ranking;
 * - ADMIN ('dashboard.readProvince'): every commune of the system, and the ranking;
 * - CLERK / SPECIALIST / LEADER ('dashboard.readCommune'): the communes they work for, one at a time; no ranking.
 */

export type IndexScope = { province: { id: string; name: string } | null; communes: IndexCommune[] }

/** The communes of a ranking: the officer's province, or every commune for an ADMIN. */
export async function rankingScope(client: PrismaClient, actor: Actor): Promise<IndexScope> {
  if (!can(actor, 'dashboard.readProvince')) throw new AppError('FORBIDDEN', 'missing permission dashboard.readProvince')
  if (actor.role === 'ADMIN') return { province: null, communes: await findCommunesOfProvince(client, null) }
  if (!actor.provinceId) throw new AppError('FORBIDDEN', 'province officer without a province')
  const [name, communes] = await Promise.all([findProvinceName(client, actor.provinceId), findCommunesOfProvince(client, actor.provinceId)])
  if (name === null) throw new AppError('FORBIDDEN', 'unknown province')
  return { province: { id: actor.provinceId, name }, communes }
}

export function mayReadCommuneIndex(actor: Actor, commune: Pick<IndexCommune, 'id' | 'provinceId'>): boolean {
  if (can(actor, 'dashboard.readProvince')) return actor.role === 'ADMIN' || (actor.provinceId !== null && actor.provinceId === commune.provinceId)
  if (can(actor, 'dashboard.readCommune')) return actor.communeIds.includes(commune.id)
  return false
}

/**
 * The commune named by its 5-digit code, if the actor may read it. Unknown and out-of-scope communes give the
 * same NOT_FOUND (see AppError); an actor without either dashboard permission gets FORBIDDEN.
 */
export async function communeInScope(client: PrismaClient, actor: Actor, communeCode: string): Promise<IndexCommune> {
  if (!can(actor, 'dashboard.readProvince') && !can(actor, 'dashboard.readCommune')) throw new AppError('FORBIDDEN', 'missing dashboard permission')
  if (!/^\d{5}$/.test(communeCode)) throw new AppError('NOT_FOUND', 'commune code')
  const commune = await findCommuneByCode(client, communeCode)
  if (!commune || !mayReadCommuneIndex(actor, commune)) throw new AppError('NOT_FOUND', `commune ${communeCode}`)
  return commune
}

/** The communes a commune staff member works for (their index page offers these); empty for other roles. */
export async function listStaffIndexCommunes(client: PrismaClient, actor: Actor): Promise<IndexCommune[]> {
  if (!can(actor, 'dashboard.readCommune')) return []
  const communes = await findCommunesByIds(client, actor.communeIds)
  return communes.sort((a, b) => a.name.localeCompare(b.name, 'vi'))
}
