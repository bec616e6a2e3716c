import 'server-only'
import { Prisma, type PrismaClient } from '@/generated/prisma/client'
import { DEMO_ACCOUNT_PREFIX, type CollectionAccountState } from '@/domain/payments/collection-account'

/**
 * Communes' collection accounts for the administration screens (active communes only). Reads select exactly
 * what the DTOs need; the write takes the use-case's transaction client, so the change and its audit row
 * land together.
 */

type Client = Prisma.TransactionClient | PrismaClient

const isDemo = { collectionAccountNo: { startsWith: DEMO_ACCOUNT_PREFIX, mode: 'insensitive' } } satisfies Prisma.CommuneWhereInput
const missing = { OR: [{ collectionBankBin: null }, { collectionAccountNo: null }] } satisfies Prisma.CommuneWhereInput

/** Each state of collection-account.ts as a condition (same definition: a missing BIN or number is none). */
export const ACCOUNT_STATE_WHERE: Record<CollectionAccountState, Prisma.CommuneWhereInput> = {
  real: { NOT: [missing, isDemo] },
  demo: { AND: [{ NOT: missing }, isDemo] },
  missing,
}

const active = { isActive: true } satisfies Prisma.CommuneWhereInput

const communeAccountSelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  collectionBankBin: true,
  collectionAccountNo: true,
  collectionAccountName: true,
  updatedAt: true,
} satisfies Prisma.CommuneSelect

export type CommuneAccountRow = Prisma.CommuneGetPayload<{ select: typeof communeAccountSelect }>

/** LIKE treats % and _ as wildcards and \ as the escape character: a typed "%" must match only itself. */
function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (character) => `\\${character}`)
}

/**
 * Ids of the active communes whose name, or one of the units merged into it in 2025, contains every typed
 * word, accent- and case-insensitively (through `motcua_search_text`), or whose code contains the query:
 * "thanh vinh" finds "Phường Thành Vinh", "hung dung" the ward that absorbed "Phường Hưng Dũng". The words
 * must meet in one name: "cua lo" does not find a ward that absorbed both "Cửa Nam" and "Lê Lợi".
 */
export async function findCommuneIdsMatching(client: Client, query: string): Promise<string[]> {
  const words = query.split(/\s+/).filter(Boolean).slice(0, 10).map(escapeLike)
  if (words.length === 0) return []
  const containsAll = (column: Prisma.Sql) =>
    Prisma.join(
      words.map((word) => Prisma.sql`motcua_search_text(${column}) LIKE '%' || motcua_search_text(${word}) || '%'`),
      ' AND ',
    )
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT c."id"::text AS "id" FROM "Commune" c
    WHERE c."isActive" AND (
      (${containsAll(Prisma.sql`c."name"`)})
      OR c."code" LIKE ${`%${escapeLike(query.trim())}%`}
      OR EXISTS (SELECT 1 FROM unnest(c."formerUnits") AS former(name) WHERE ${containsAll(Prisma.sql`former.name`)})
    )`
  return rows.map((row) => row.id)
}

export async function findCommuneAccountPage(
  client: Client,
  where: Prisma.CommuneWhereInput,
  { skip, take }: { skip: number; take: number },
): Promise<CommuneAccountRow[]> {
  return client.commune.findMany({ where: { AND: [active, where] }, select: communeAccountSelect, orderBy: { code: 'asc' }, skip, take })
}

export async function countCommuneAccounts(client: Client, where: Prisma.CommuneWhereInput): Promise<number> {
  return client.commune.count({ where: { AND: [active, where] } })
}

export type AccountStateCounts = { total: number } & Record<CollectionAccountState, number>

/** Over every active commune, whatever the filters: how far the province is from real accounts everywhere. */
export async function countCommunesByAccountState(client: Client): Promise<AccountStateCounts> {
  const [real, demo, none] = await Promise.all([
    countCommuneAccounts(client, ACCOUNT_STATE_WHERE.real),
    countCommuneAccounts(client, ACCOUNT_STATE_WHERE.demo),
    countCommuneAccounts(client, ACCOUNT_STATE_WHERE.missing),
  ])
  return { total: real + demo + none, real, demo, missing: none }
}

const communeDetailSelect = { ...communeAccountSelect, formerUnits: true } satisfies Prisma.CommuneSelect
export type CommuneAccountDetailRow = Prisma.CommuneGetPayload<{ select: typeof communeDetailSelect }>

export async function findCommuneAccountByCode(client: Client, code: string): Promise<CommuneAccountDetailRow | null> {
  return client.commune.findFirst({ where: { code, ...active }, select: communeDetailSelect })
}

export type CollectionAccountColumns = {
  collectionBankBin: string | null
  collectionAccountNo: string | null
  collectionAccountName: string | null
}

/**
 * Writes the account only if the commune is still as it was loaded (same `updatedAt`): false when someone
 * else changed it in between. Under READ COMMITTED a concurrent writer waits for the row lock and then
 * re-checks the condition against the committed row, so of two racing saves from the same form one wins.
 */
export async function updateCollectionAccountIfUnchanged(
  client: Client,
  { id, expectedUpdatedAt, now, account }: { id: string; expectedUpdatedAt: Date; now: Date; account: CollectionAccountColumns },
): Promise<boolean> {
  const { count } = await client.commune.updateMany({ where: { id, updatedAt: expectedUpdatedAt }, data: { ...account, updatedAt: now } })
  return count === 1
}
