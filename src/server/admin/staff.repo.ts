import 'server-only'
import { accountThrottleKey } from '@/server/auth/sign-in-with-password'
import { Prisma, type PrismaClient } from '@/generated/prisma/client'
import { STAFF_ROLES, type StaffRole } from '@/domain/access/roles'

/**
 * Staff accounts (every role but CITIZEN) for the administration screens. Reads select exactly what the
 * DTOs need; writes take the transaction client of the use-case, so a change and its audit row land
 * together. Never selects `passwordHash` for display.
 */

/** PrismaClient or the client of an interactive transaction. */
export type Client = Prisma.TransactionClient | PrismaClient

export const staffOnly = { role: { in: [...STAFF_ROLES] } } satisfies Prisma.UserWhereInput

const communeSelect = { id: true, code: true, name: true } satisfies Prisma.CommuneSelect
export type CommuneRef = Prisma.CommuneGetPayload<{ select: typeof communeSelect }>

const staffListSelect = {
  id: true,
  username: true,
  fullName: true,
  role: true,
  email: true,
  phone: true,
  disabledAt: true,
  createdAt: true,
  communes: { select: { commune: { select: communeSelect } }, orderBy: { commune: { name: 'asc' } } },
} satisfies Prisma.UserSelect

export type StaffListItem = {
  id: string
  username: string | null
  fullName: string
  role: StaffRole
  email: string | null
  phone: string | null
  disabledAt: Date | null
  createdAt: Date
  communes: CommuneRef[]
}

type StaffListRow = Prisma.UserGetPayload<{ select: typeof staffListSelect }>

function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role)
}

function toListItem(row: StaffListRow): StaffListItem {
  if (!isStaffRole(row.role)) throw new Error(`User ${row.id} is not a staff account`)
  return { ...row, role: row.role, communes: row.communes.map((link) => link.commune) }
}

/** LIKE treats % and _ as wildcards and \ as the escape character: a typed "%" must match only itself. */
function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (character) => `\\${character}`)
}

/**
 * Ids of the staff accounts matching every typed word, accent- and case-insensitively (through
 * `motcua_search_text`, lower(unaccent(…)) in the database), in the name, username, e-mail or phone:
 * "nguyen thi ha" finds "Nguyễn Thị Thu Hà".
 */
export async function findStaffIdsMatching(client: Client, query: string): Promise<string[]> {
  const words = query.split(/\s+/).filter(Boolean).slice(0, 10).map(escapeLike)
  if (words.length === 0) return []
  const conditions = words.map((word) => {
    const pattern = Prisma.sql`'%' || motcua_search_text(${word}) || '%'`
    return Prisma.sql`(motcua_search_text(u."fullName") LIKE ${pattern}
      OR coalesce(u."username", '') LIKE ${pattern}
      OR motcua_search_text(coalesce(u."email", '')) LIKE ${pattern}
      OR coalesce(u."phone", '') LIKE ${pattern})`
  })
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT u."id"::text AS "id" FROM "User" u
    WHERE u."role" <> 'CITIZEN' AND ${Prisma.join(conditions, ' AND ')}`
  return rows.map((row) => row.id)
}

export async function findStaffPage(
  client: Client,
  where: Prisma.UserWhereInput,
  { skip, take }: { skip: number; take: number },
): Promise<StaffListItem[]> {
  const rows = await client.user.findMany({
    where: { AND: [staffOnly, where] },
    select: staffListSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip,
    take,
  })
  return rows.map(toListItem)
}

export async function countStaff(client: Client, where: Prisma.UserWhereInput): Promise<number> {
  return client.user.count({ where: { AND: [staffOnly, where] } })
}

export type StaffCounts = { total: number; disabled: number; byRole: Record<StaffRole, number> }

/** Counts over every staff account (not the filtered list): the summary at the top of the admin home. */
export async function countStaffByRole(client: Client): Promise<StaffCounts> {
  const [groups, disabled] = await Promise.all([
    client.user.groupBy({ by: ['role'], where: staffOnly, _count: { _all: true } }),
    client.user.count({ where: { ...staffOnly, disabledAt: { not: null } } }),
  ])
  const byRole = Object.fromEntries(STAFF_ROLES.map((role) => [role, 0])) as Record<StaffRole, number>
  for (const group of groups) if (isStaffRole(group.role)) byRole[group.role] = group._count._all
  return { total: Object.values(byRole).reduce((sum, count) => sum + count, 0), disabled, byRole }
}

const staffDetailSelect = {
  ...staffListSelect,
  updatedAt: true,
  isDemo: true,
  lockedUntil: true,
  province: { select: { name: true } },
} satisfies Prisma.UserSelect

export type StaffDetail = StaffListItem & {
  updatedAt: Date
  isDemo: boolean
  lockedUntil: Date | null
  provinceName: string | null
}

export async function findStaffDetail(client: Client, id: string): Promise<StaffDetail | null> {
  const row = await client.user.findFirst({ where: { id, ...staffOnly }, select: staffDetailSelect })
  if (!row) return null
  const { province, updatedAt, isDemo, lockedUntil, ...listRow } = row
  return { ...toListItem(listRow), updatedAt, isDemo, lockedUntil, provinceName: province?.name ?? null }
}

const staffStateSelect = {
  id: true,
  username: true,
  fullName: true,
  role: true,
  phone: true,
  email: true,
  disabledAt: true,
  sessionVersion: true,
  communes: { select: { commune: { select: communeSelect } }, orderBy: { commune: { code: 'asc' } } },
} satisfies Prisma.UserSelect

export type StaffState = Omit<Prisma.UserGetPayload<{ select: typeof staffStateSelect }>, 'communes' | 'role'> & {
  role: StaffRole
  communes: CommuneRef[]
}

/** What a change starts from (and the audit row's "before"), read inside the change's transaction. */
export async function findStaffState(client: Client, id: string): Promise<StaffState | null> {
  const row = await client.user.findFirst({ where: { id, ...staffOnly }, select: staffStateSelect })
  if (!row || !isStaffRole(row.role)) return null
  return { ...row, role: row.role, communes: row.communes.map((link) => link.commune) }
}

/** The active communes among `ids` (unknown or inactive ones are simply missing from the answer). */
export async function findActiveCommunes(client: Client, ids: readonly string[]): Promise<CommuneRef[]> {
  if (ids.length === 0) return []
  return client.commune.findMany({ where: { id: { in: [...ids] }, isActive: true }, select: communeSelect, orderBy: { code: 'asc' } })
}

export type CommuneOption = CommuneRef & { kind: 'XA' | 'PHUONG' }

export async function findCommuneOptions(client: Client): Promise<CommuneOption[]> {
  return client.commune.findMany({
    where: { isActive: true },
    select: { ...communeSelect, kind: true },
    orderBy: [{ name: 'asc' }, { code: 'asc' }],
  })
}

export async function findProvinceIdByCode(client: Client, code: string): Promise<string | null> {
  const province = await client.province.findUnique({ where: { code }, select: { id: true } })
  return province?.id ?? null
}

/** Whether a unique sign-in value is held by another user (of any role: the columns are unique). */
export async function isUsernameTaken(client: Client, username: string): Promise<boolean> {
  return (await client.user.count({ where: { username } })) > 0
}

export async function isPhoneTaken(client: Client, phone: string, exceptUserId?: string): Promise<boolean> {
  return (await client.user.count({ where: { phone, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) } })) > 0
}

export type NewStaffRow = {
  username: string
  passwordHash: string
  fullName: string
  role: StaffRole
  phone: string | null
  email: string | null
  provinceId: string | null
  communeIds: readonly string[]
}

export async function insertStaff(client: Client, row: NewStaffRow): Promise<{ id: string; createdAt: Date }> {
  const { communeIds, ...data } = row
  return client.user.create({
    data: { ...data, communes: { create: communeIds.map((communeId) => ({ communeId })) } },
    select: { id: true, createdAt: true },
  })
}

export type StaffProfileChange = {
  fullName: string
  role: StaffRole
  phone: string | null
  email: string | null
  provinceId: string | null
  communeIds: readonly string[]
}

/** Replaces the profile and the commune links (the links are rewritten as a set). */
export async function updateStaffProfile(client: Client, id: string, change: StaffProfileChange): Promise<void> {
  const { communeIds, ...data } = change
  await client.userCommune.deleteMany({ where: { userId: id, communeId: { notIn: [...communeIds] } } })
  await client.userCommune.createMany({ data: communeIds.map((communeId) => ({ userId: id, communeId })), skipDuplicates: true })
  await client.user.update({ where: { id }, data, select: { id: true } })
}

/** Disables (with the time) or enables an account; disabling also ends every session at once. */
export async function updateStaffDisabled(client: Client, id: string, disabledAt: Date | null): Promise<{ sessionVersion: number }> {
  return client.user.update({
    where: { id },
    data: { disabledAt, ...(disabledAt ? { sessionVersion: { increment: 1 } } : {}) },
    select: { sessionVersion: true },
  })
}

/** A new password ends every session and lifts a lockout. */
export async function updateStaffPassword(client: Client, id: string, passwordHash: string): Promise<{ sessionVersion: number }> {
  // Sign-in counts failures since the account's last success: a recorded success lifts the lock.
  await client.loginAttempt.create({ data: { identifier: accountThrottleKey(id), ip: 'password-reset', succeeded: true } })
  return client.user.update({
    where: { id },
    data: { passwordHash, lockedUntil: null, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  })
}
