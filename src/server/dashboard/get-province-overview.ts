import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { AppError } from '@/domain/errors'

export type CommuneOverview = {
  communeId: string
  communeName: string
  received: number
  resolved: number
  resolvedLate: number
  onTimeRate: number | null
}

/**
 * Every commune of the province over the last `days` days, from the maintained daily aggregate (never a
 * scan of dossiers). The full provincial dashboard (ranking, index, drill-down) builds on this.
 */
export async function getProvinceOverview(
  client: PrismaClient,
  { actor, days = 30, now = new Date() }: { actor: Actor; days?: number; now?: Date },
): Promise<{ since: Date; communes: CommuneOverview[] }> {
  if (!can(actor, 'dashboard.readProvince')) throw new AppError('FORBIDDEN')
  const since = new Date(now.getTime() - days * 86_400_000)
  const communeWhere = actor.role === 'PROVINCE_OFFICER' ? { provinceId: actor.provinceId ?? '' } : {}
  const [communes, sums] = await Promise.all([
    client.commune.findMany({ where: communeWhere, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    client.dossierDailyStat.groupBy({
      by: ['communeId'],
      where: { day: { gte: since }, commune: communeWhere },
      _sum: { received: true, resolved: true, resolvedEarly: true, resolvedOnTime: true, resolvedLate: true },
    }),
  ])
  const byCommune = new Map(sums.map((row) => [row.communeId, row._sum]))
  const rows = communes.map((commune) => {
    const sum = byCommune.get(commune.id)
    const resolved = sum?.resolved ?? 0
    const onTime = (sum?.resolvedEarly ?? 0) + (sum?.resolvedOnTime ?? 0)
    return {
      communeId: commune.id,
      communeName: commune.name,
      received: sum?.received ?? 0,
      resolved,
      resolvedLate: sum?.resolvedLate ?? 0,
      onTimeRate: resolved > 0 ? onTime / resolved : null,
    }
  })
  rows.sort((a, b) => b.received - a.received || a.communeName.localeCompare(b.communeName, 'vi'))
  return { since, communes: rows }
}
