import 'server-only'
import type { OnlineLevel, PrismaClient } from '@/generated/prisma/client'

/**
 * Data access of the service-quality index (Decision 766): the communes in scope, the counts of the maintained
 * daily aggregate over a period, and the procedure catalogue in force at a date. Never scans dossiers.
 */

export type IndexCommune = { id: string; code: string; name: string; provinceId: string; provinceName: string }

const communeSelect = { id: true, code: true, name: true, provinceId: true, province: { select: { name: true } } } as const

function toCommune(row: { id: string; code: string; name: string; provinceId: string; province: { name: string } }): IndexCommune {
  return { id: row.id, code: row.code, name: row.name, provinceId: row.provinceId, provinceName: row.province.name }
}

/** Every commune of a province (active or not), or of the whole system when `provinceId` is null. */
export async function findCommunesOfProvince(client: PrismaClient, provinceId: string | null): Promise<IndexCommune[]> {
  const rows = await client.commune.findMany({ where: provinceId ? { provinceId } : {}, select: communeSelect, orderBy: { code: 'asc' } })
  return rows.map(toCommune)
}

/** Communes by id, by name (Vietnamese order is applied by the caller when it matters). */
export async function findCommunesByIds(client: PrismaClient, ids: readonly string[]): Promise<IndexCommune[]> {
  if (ids.length === 0) return []
  const rows = await client.commune.findMany({ where: { id: { in: [...ids] } }, select: communeSelect, orderBy: { name: 'asc' } })
  return rows.map(toCommune)
}

export async function findCommuneByCode(client: PrismaClient, code: string): Promise<IndexCommune | null> {
  const row = await client.commune.findUnique({ where: { code }, select: communeSelect })
  return row ? toCommune(row) : null
}

export async function findProvinceName(client: PrismaClient, provinceId: string): Promise<string | null> {
  const row = await client.province.findUnique({ where: { id: provinceId }, select: { name: true } })
  return row?.name ?? null
}

/** The DossierDailyStat columns the index reads, summed over a period (see prisma/schema.prisma for each). */
export type IndexStatSums = {
  received: number
  receivedOnline: number
  receivedDigitised: number
  feeDue: number
  feePaidOnline: number
  resolved: number
  resolvedEarly: number
  resolvedOnTime: number
  resolvedLate: number
  resolvedElectronic: number
  ratingsCount: number
  ratingsSatisfied: number
}

export const EMPTY_STAT_SUMS: IndexStatSums = {
  received: 0,
  receivedOnline: 0,
  receivedDigitised: 0,
  feeDue: 0,
  feePaidOnline: 0,
  resolved: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  resolvedElectronic: 0,
  ratingsCount: 0,
  ratingsSatisfied: 0,
}

const SUMMED = {
  received: true,
  receivedOnline: true,
  receivedDigitised: true,
  feeDue: true,
  feePaidOnline: true,
  resolved: true,
  resolvedEarly: true,
  resolvedOnTime: true,
  resolvedLate: true,
  resolvedElectronic: true,
  ratingsCount: true,
  ratingsSatisfied: true,
} as const satisfies Record<keyof IndexStatSums, true>

/** A local date 'yyyy-MM-dd' as the value of a DATE column (Prisma sends its UTC date part). */
function dateColumn(localDate: string): Date {
  return new Date(`${localDate}T00:00:00.000Z`)
}

/**
 * Sums of the daily aggregate per commune over the local days `from`…`to` (both included), for the given
 * communes (the primary key leads with communeId, the (day, communeId) index serves province-wide reads).
 * Communes without any row are absent from the map.
 */
export async function sumIndexStats(client: PrismaClient, communeIds: readonly string[], from: string, to: string): Promise<Map<string, IndexStatSums>> {
  if (communeIds.length === 0) return new Map()
  const groups = await client.dossierDailyStat.groupBy({
    by: ['communeId'],
    where: { communeId: communeIds.length === 1 ? communeIds[0] : { in: [...communeIds] }, day: { gte: dateColumn(from), lte: dateColumn(to) } },
    _sum: SUMMED,
  })
  const sums = new Map<string, IndexStatSums>()
  for (const group of groups) {
    const row = { ...EMPTY_STAT_SUMS }
    for (const key of Object.keys(SUMMED) as (keyof IndexStatSums)[]) row[key] = group._sum[key] ?? 0
    sums.set(group.communeId, row)
  }
  return sums
}

/** One active procedure as the catalogue stood at a date: the online level of the version then in force. */
export type CatalogueEntryAt = { procedureId: string; onlineLevel: OnlineLevel; onlineLevelUnverified: boolean }

/**
 * The active procedures that had a published version before `before`, each with the latest such version's
 * online level (a version stays in force until the next one is published; RETIRED versions were published once).
 * Whether a procedure is active has no history: today's flag is used.
 */
export async function readCatalogueAt(client: PrismaClient, before: Date): Promise<CatalogueEntryAt[]> {
  const rows = await client.procedure.findMany({
    where: { isActive: true },
    select: {
      id: true,
      versions: {
        where: { status: { in: ['PUBLISHED', 'RETIRED'] }, publishedAt: { lt: before } },
        orderBy: [{ publishedAt: 'desc' }, { version: 'desc' }],
        take: 1,
        select: { onlineLevel: true, unverifiedFields: true },
      },
    },
  })
  return rows.flatMap((row) => {
    const version = row.versions[0]
    return version ? [{ procedureId: row.id, onlineLevel: version.onlineLevel, onlineLevelUnverified: version.unverifiedFields.includes('onlineLevel') }] : []
  })
}
