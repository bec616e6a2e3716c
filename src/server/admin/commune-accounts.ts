import 'server-only'
import { z } from 'zod'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { AppError } from '@/domain/errors'
import {
  collectionAccountState,
  COLLECTION_ACCOUNT_STATES,
  isKnownBankBin,
  testTransferPayload,
  ZCollectionAccount,
  ZCollectionAccountChange,
  type CollectionAccount,
  type CollectionAccountState,
} from '@/domain/payments/collection-account'
import { bankOf } from '@/domain/payments/napas-banks'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import {
  ACCOUNT_STATE_WHERE,
  countCommuneAccounts,
  countCommunesByAccountState,
  findCommuneAccountByCode,
  findCommuneAccountPage,
  findCommuneIdsMatching,
  updateCollectionAccountIfUnchanged,
  type AccountStateCounts,
  type CommuneAccountRow,
} from './commune-accounts.repo'
import { invalidInput, rawField } from './manage-staff-guard'

/**
 * Communes' collection accounts (the bank account VietQR payment codes send citizens' fees to): the list an
 * administrator searches, one commune's account, a test QR of a typed account, and the change itself.
 * Administrators only (`admin.configure`), checked here again whatever the route did.
 */

export const COMMUNE_ACCOUNT_PAGE_SIZE = 50
export const COMMUNE_QUERY_MAX = 100

function assertCanConfigure(actor: Actor): void {
  if (!can(actor, 'admin.configure')) throw new AppError('FORBIDDEN', 'missing permission admin.configure')
}

/** A commune named by a URL or a form: anything that is not a 5-digit statistics code is simply not found. */
function parseCommuneCode(value: unknown): string {
  const parsed = z.string().trim().regex(/^\d{5}$/).safeParse(value)
  if (!parsed.success) throw new AppError('NOT_FOUND')
  return parsed.data
}

export type BankView = { bin: string; shortName: string; name: string; known: boolean }

export function bankView(bin: string): BankView {
  return { bin, ...bankOf(bin), known: isKnownBankBin(bin) }
}

export type CommuneAccountItem = {
  id: string
  code: string
  name: string
  kind: 'XA' | 'PHUONG'
  /** Null while the commune has no complete account (citizens cannot pay it by transfer). */
  account: CollectionAccount | null
  bank: BankView | null
  /** A seed placeholder ("DEMO…"), not a real bank account. */
  isDemo: boolean
  state: CollectionAccountState
  /** Sent with the edit form and checked on save. */
  updatedAt: Date
}

function toItem(row: CommuneAccountRow): CommuneAccountItem {
  const { collectionBankBin: bankBin, collectionAccountNo: accountNo, collectionAccountName: accountName } = row
  const account = bankBin && accountNo ? { bankBin, accountNo, accountName: accountName ?? '' } : null
  const state = collectionAccountState({ bankBin, accountNo })
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    account,
    bank: account ? bankView(account.bankBin) : null,
    isDemo: state === 'demo',
    state,
    updatedAt: row.updatedAt,
  }
}

/** Filters from a URL: a value that does not parse is ignored (the list is shown unfiltered by it). */
export const ZListCommuneAccountsInput = z.object({
  query: z.string().trim().max(COMMUNE_QUERY_MAX).optional().catch(undefined).transform((value) => value || undefined),
  account: z.enum(COLLECTION_ACCOUNT_STATES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
})

export type CommuneAccountFilters = { query?: string; account?: CollectionAccountState }

export type CommuneAccountList = {
  items: CommuneAccountItem[]
  total: number
  page: number
  pageCount: number
  pageSize: number
  filters: CommuneAccountFilters
  /** Every active commune by account state, whatever the filters. */
  counts: AccountStateCounts
}

/** Active communes by statistics code, searched without accents by name, code or former units, paged. */
export async function listCommuneAccounts(client: PrismaClient, { actor, input }: { actor: Actor; input: unknown }): Promise<CommuneAccountList> {
  assertCanConfigure(actor)
  const { page: requestedPage = 1, ...filters } = ZListCommuneAccountsInput.parse(input ?? {})
  const where: Prisma.CommuneWhereInput[] = []
  if (filters.query) where.push({ id: { in: await findCommuneIdsMatching(client, filters.query) } })
  if (filters.account) where.push(ACCOUNT_STATE_WHERE[filters.account])

  const [total, counts] = await Promise.all([countCommuneAccounts(client, { AND: where }), countCommunesByAccountState(client)])
  const pageCount = Math.max(1, Math.ceil(total / COMMUNE_ACCOUNT_PAGE_SIZE))
  const page = Math.min(requestedPage, pageCount)
  const rows =
    total === 0 ? [] : await findCommuneAccountPage(client, { AND: where }, { skip: (page - 1) * COMMUNE_ACCOUNT_PAGE_SIZE, take: COMMUNE_ACCOUNT_PAGE_SIZE })
  return { items: rows.map(toItem), total, page, pageCount, pageSize: COMMUNE_ACCOUNT_PAGE_SIZE, filters, counts }
}

export type CommuneAccountDetail = CommuneAccountItem & {
  formerUnits: string[]
  /** The test transfer to the saved account (10 000 ₫, "MOTCUA KIEM TRA"); null without an account. */
  testPayload: string | null
}

/** One active commune's account by statistics code; an unknown or inactive commune is NOT_FOUND. */
export async function getCommuneAccount(client: PrismaClient, { actor, code }: { actor: Actor; code: unknown }): Promise<CommuneAccountDetail> {
  assertCanConfigure(actor)
  const row = await findCommuneAccountByCode(client, parseCommuneCode(code))
  if (!row) throw new AppError('NOT_FOUND')
  const item = toItem(row)
  return { ...item, formerUnits: row.formerUnits, testPayload: item.account ? testTransferPayload(item.account) : null }
}

export type CollectionAccountPreview = { account: CollectionAccount; bank: BankView; payload: string }

/**
 * The test QR of a typed account, before it is saved: the administrator scans it in a banking app, which
 * shows the bank's own holder name for the number. Validates like the save; writes nothing.
 */
export function previewCollectionAccount({ actor, input }: { actor: Actor; input: unknown }): CollectionAccountPreview {
  assertCanConfigure(actor)
  const parsed = ZCollectionAccount.safeParse(input)
  if (!parsed.success) throw invalidInput(parsed.error, 'invalid collection account')
  const account = parsed.data
  return { account, bank: bankView(account.bankBin), payload: testTransferPayload(account) }
}

type AccountSnapshot = { bankBin: string | null; accountNo: string | null; accountName: string | null }

const snapshotOf = (account: CollectionAccount | null): AccountSnapshot =>
  account ? { ...account } : { bankBin: null, accountNo: null, accountName: null }

const sameSnapshot = (a: AccountSnapshot, b: AccountSnapshot) => a.bankBin === b.bankBin && a.accountNo === b.accountNo && a.accountName === b.accountName

/**
 * Sets a commune's collection account (all three fields), or clears it (all three blank). Optimistic: the
 * form carries the `updatedAt` it was loaded with, and a commune changed since is refused with CONFLICT,
 * never silently overwritten. The change and its audit row — the whole account before and after — are
 * written in one transaction; saving an unchanged account writes nothing.
 */
export async function updateCommuneCollectionAccount(
  client: PrismaClient,
  { actor, input, meta }: { actor: Actor; input: unknown; meta: RequestMeta | null },
): Promise<{ code: string; changed: boolean; account: CollectionAccount | null; updatedAt: Date }> {
  assertCanConfigure(actor)
  const code = parseCommuneCode(rawField(input, 'communeCode'))
  // The form's hidden field, as Date#toISOString wrote it; without it no change can be checked for.
  const loadedAt = z.iso.datetime().safeParse(rawField(input, 'expectedUpdatedAt'))
  if (!loadedAt.success) throw new AppError('INVALID_INPUT', 'expectedUpdatedAt missing', { _form: ['invalidRequest'] })
  const expected = new Date(loadedAt.data)
  const parsed = ZCollectionAccountChange.safeParse({
    bankBin: rawField(input, 'bankBin'),
    accountNo: rawField(input, 'accountNo'),
    accountName: rawField(input, 'accountName'),
  })
  if (!parsed.success) throw invalidInput(parsed.error, 'invalid collection account')
  const account = parsed.data

  return client.$transaction(async (tx) => {
    const current = await findCommuneAccountByCode(tx, code)
    if (!current) throw new AppError('NOT_FOUND')
    if (current.updatedAt.getTime() !== expected.getTime()) throw new AppError('CONFLICT', 'commune changed since the form was loaded')
    const before = { bankBin: current.collectionBankBin, accountNo: current.collectionAccountNo, accountName: current.collectionAccountName }
    const after = snapshotOf(account)
    if (sameSnapshot(before, after)) return { code, changed: false, account, updatedAt: current.updatedAt }

    const now = new Date()
    const written = await updateCollectionAccountIfUnchanged(tx, {
      id: current.id,
      expectedUpdatedAt: current.updatedAt,
      now,
      account: { collectionBankBin: after.bankBin, collectionAccountNo: after.accountNo, collectionAccountName: after.accountName },
    })
    if (!written) throw new AppError('CONFLICT', 'commune changed since the form was loaded')
    await writeAudit(tx, {
      actor,
      action: account ? 'commune.setCollectionAccount' : 'commune.clearCollectionAccount',
      entityType: 'Commune',
      entityId: current.id,
      communeId: current.id,
      data: { commune: `${current.name} (${current.code})`, before, after },
      meta,
    })
    return { code, changed: true, account, updatedAt: now }
  })
}
