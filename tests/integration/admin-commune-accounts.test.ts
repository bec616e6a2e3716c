/**
 * Communes' collection accounts through the server layer on PostgreSQL: only administrators; the list
 * searches without accents and tells demo accounts apart; a change is validated, checked against the form's
 * `updatedAt` (a change in between is a CONFLICT), and written with its audit row in one transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { TEST_TRANSFER_AMOUNT_VND, TEST_TRANSFER_REFERENCE } from '@/domain/payments/collection-account'
import { parseVietQr } from '@/domain/payments/vietqr'
import type { PrismaClient } from '@/generated/prisma/client'
import {
  getCommuneAccount,
  listCommuneAccounts,
  previewCollectionAccount,
  updateCommuneCollectionAccount,
} from '@/server/admin/commune-accounts'
import { loadActor } from '@/server/auth/load-actor'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'

let client: PrismaClient
const actors = {} as Record<'admin' | 'clerk' | 'officer' | 'citizen', Actor>
const NOW = new Date('2026-11-24T03:00:00Z')
const meta = { ip: '203.0.113.21', userAgent: 'vitest' }

const THANH_VINH = '16681'
const CUA_LO = '16732'
const DO_LUONG = '17662'
const REAL = { bankBin: '970415', accountNo: '113000168100', accountName: 'UBND PHUONG THANH VINH' }

async function actorFor(where: { username?: string; citizenId?: string }): Promise<Actor> {
  const user = await client.user.findFirstOrThrow({ where, select: { id: true, sessionVersion: true } })
  return (await loadActor(client, user.id, user.sessionVersion))!
}

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<AppError> {
  const error = await Promise.resolve()
    .then(() => (typeof promise === 'function' ? promise() : promise))
    .then(
      () => {
        throw new Error('expected the call to fail')
      },
      (reason: unknown) => reason,
    )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

/** Every commune's account columns and the audit log: what a refused call must leave as it was. */
async function snapshot() {
  const [communes, audit] = await Promise.all([
    client.commune.findMany({
      select: { code: true, collectionBankBin: true, collectionAccountNo: true, collectionAccountName: true, updatedAt: true },
      orderBy: { code: 'asc' },
    }),
    client.auditLog.count(),
  ])
  return { communes, audit }
}

async function stored(code: string) {
  return client.commune.findUniqueOrThrow({
    where: { code },
    select: { id: true, collectionBankBin: true, collectionAccountNo: true, collectionAccountName: true, updatedAt: true },
  })
}

/** The form as the edit page sends it, loaded now. */
async function form(code: string, fields: Record<string, unknown>) {
  const { updatedAt } = await stored(code)
  return { communeCode: code, expectedUpdatedAt: updatedAt.toISOString(), ...fields }
}

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 0, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  Object.assign(actors, {
    admin: await actorFor({ username: 'quantri' }),
    clerk: await actorFor({ username: 'canbo.thanhvinh' }),
    officer: await actorFor({ username: 'tinh.nghean' }),
    citizen: await actorFor({ citizenId: '040085003917' }),
  })
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
})

describe('only administrators', () => {
  it.each(['clerk', 'officer', 'citizen'] as const)('%s is refused reading and changing accounts, and nothing is written', async (who) => {
    const actor = actors[who]
    const before = await snapshot()
    expect((await failure(listCommuneAccounts(client, { actor, input: {} }))).code).toBe('FORBIDDEN')
    expect((await failure(getCommuneAccount(client, { actor, code: THANH_VINH }))).code).toBe('FORBIDDEN')
    expect((await failure(() => previewCollectionAccount({ actor, input: REAL }))).code).toBe('FORBIDDEN')
    const change = await form(THANH_VINH, REAL)
    expect((await failure(updateCommuneCollectionAccount(client, { actor, input: change, meta }))).code).toBe('FORBIDDEN')
    expect(await snapshot()).toEqual(before)
  })
})

describe('the list', () => {
  it('shows every active commune, all on the seed demo accounts, marked as such', async () => {
    const list = await listCommuneAccounts(client, { actor: actors.admin, input: {} })
    const active = await client.commune.count({ where: { isActive: true } })
    expect(list.counts).toEqual({ total: active, real: 0, demo: active, missing: 0 })
    expect(list.total).toBe(active)
    expect(list.items).toHaveLength(Math.min(active, list.pageSize))
    const thanhVinh = list.items.find((item) => item.code === THANH_VINH)!
    expect(thanhVinh).toMatchObject({
      name: 'Phường Thành Vinh',
      kind: 'PHUONG',
      isDemo: true,
      account: { bankBin: '970405', accountNo: `DEMO${THANH_VINH}`, accountName: 'UBND PHUONG THANH VINH (THU NGHIEM)' },
      bank: { bin: '970405', shortName: 'Agribank', known: true },
    })
    // By statistics code.
    expect(list.items.map((item) => item.code)).toEqual([...list.items.map((item) => item.code)].sort())
  })

  it('finds a commune typed without accents, by code, and by a unit merged into it', async () => {
    const byName = await listCommuneAccounts(client, { actor: actors.admin, input: { query: 'cua lo' } })
    expect(byName.items.map((item) => item.code)).toEqual([CUA_LO])
    const byCode = await listCommuneAccounts(client, { actor: actors.admin, input: { query: DO_LUONG } })
    expect(byCode.items.map((item) => item.code)).toEqual([DO_LUONG])
    // Phường Hưng Dũng was merged into Phường Trường Vinh (16690).
    const byFormer = await listCommuneAccounts(client, { actor: actors.admin, input: { query: 'HUNG DUNG' } })
    expect(byFormer.items.map((item) => item.code)).toEqual(['16690'])
    const none = await listCommuneAccounts(client, { actor: actors.admin, input: { query: '%' } })
    expect(none.total).toBe(0)
  })

  it('ignores filters that do not parse', async () => {
    const list = await listCommuneAccounts(client, { actor: actors.admin, input: { account: 'bogus', page: 'x', query: '   ' } })
    expect(list.filters).toEqual({ query: undefined, account: undefined })
    expect(list.page).toBe(1)
  })
})

describe('changing an account', () => {
  it('previews a typed account as the test transfer QR, without writing anything', async () => {
    const before = await snapshot()
    const preview = previewCollectionAccount({ actor: actors.admin, input: { ...REAL, accountNo: '1130 0016 8100' } })
    expect(preview.account).toEqual(REAL)
    expect(preview.bank).toMatchObject({ bin: '970415', shortName: 'VietinBank', known: true })
    expect(parseVietQr(preview.payload)).toMatchObject({
      ok: true,
      fields: { bankBin: REAL.bankBin, accountNumber: REAL.accountNo, amount: TEST_TRANSFER_AMOUNT_VND, reference: TEST_TRANSFER_REFERENCE },
    })
    const unknown = previewCollectionAccount({ actor: actors.admin, input: { ...REAL, bankBin: '970999' } })
    expect(unknown.bank).toMatchObject({ bin: '970999', known: false })
    expect(await snapshot()).toEqual(before)
  })

  it('refuses bad input with an error code per field, and changes nothing', async () => {
    const before = await snapshot()
    const error = await failure(
      updateCommuneCollectionAccount(client, {
        actor: actors.admin,
        input: await form(THANH_VINH, { bankBin: '97041', accountNo: 'DEMO1', accountName: 'UBND phường Thành Vinh' }),
        meta,
      }),
    )
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { bankBin: ['bankBinFormat'], accountNo: ['accountNoDemo'], accountName: ['accountNameFormat'] },
    })
    const partial = await failure(
      updateCommuneCollectionAccount(client, { actor: actors.admin, input: await form(THANH_VINH, { bankBin: '970415', accountNo: '', accountName: '' }), meta }),
    )
    expect(partial.fieldErrors).toEqual({ accountNo: ['accountNoRequired'], accountName: ['accountNameRequired'] })
    const noVersion = await failure(
      updateCommuneCollectionAccount(client, { actor: actors.admin, input: { communeCode: THANH_VINH, ...REAL }, meta }),
    )
    expect(noVersion).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { _form: ['invalidRequest'] } })
    const unknownCommune = await failure(updateCommuneCollectionAccount(client, { actor: actors.admin, input: { ...(await form(THANH_VINH, REAL)), communeCode: '99999' }, meta }))
    expect(unknownCommune.code).toBe('NOT_FOUND')
    expect(await snapshot()).toEqual(before)
  })

  it('sets a real account and records the whole account before and after in the audit log', async () => {
    const loaded = await stored(THANH_VINH)
    const result = await updateCommuneCollectionAccount(client, {
      actor: actors.admin,
      input: await form(THANH_VINH, { bankBin: ' 970415', accountNo: '1130 0016 8100', accountName: ' UBND  PHUONG THANH VINH ' }),
      meta,
    })
    expect(result).toMatchObject({ code: THANH_VINH, changed: true, account: REAL })
    const after = await stored(THANH_VINH)
    expect(after).toMatchObject({ collectionBankBin: REAL.bankBin, collectionAccountNo: REAL.accountNo, collectionAccountName: REAL.accountName })
    expect(after.updatedAt.getTime()).toBeGreaterThan(loaded.updatedAt.getTime())
    expect(result.updatedAt.getTime()).toBe(after.updatedAt.getTime())

    const audit = await client.auditLog.findFirstOrThrow({ where: { entityId: after.id }, orderBy: { id: 'desc' } })
    expect(audit).toMatchObject({
      action: 'commune.setCollectionAccount',
      entityType: 'Commune',
      communeId: after.id,
      actorId: actors.admin.userId,
      actorRole: 'ADMIN',
      ip: meta.ip,
      userAgent: meta.userAgent,
      data: {
        commune: `Phường Thành Vinh (${THANH_VINH})`,
        before: { bankBin: '970405', accountNo: `DEMO${THANH_VINH}`, accountName: 'UBND PHUONG THANH VINH (THU NGHIEM)' },
        after: REAL,
      },
    })

    const detail = await getCommuneAccount(client, { actor: actors.admin, code: THANH_VINH })
    expect(detail).toMatchObject({ isDemo: false, account: REAL, bank: { shortName: 'VietinBank' } })
    expect(parseVietQr(detail.testPayload!)).toMatchObject({ ok: true, fields: { accountNumber: REAL.accountNo, amount: 10_000 } })
    const counts = (await listCommuneAccounts(client, { actor: actors.admin, input: { account: 'real' } })).counts
    expect(counts).toMatchObject({ real: 1, demo: counts.total - 1, missing: 0 })
  })

  it('writes nothing when the account saved is the one already there', async () => {
    const before = await snapshot()
    const result = await updateCommuneCollectionAccount(client, { actor: actors.admin, input: await form(THANH_VINH, REAL), meta })
    expect(result.changed).toBe(false)
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a form loaded before someone else saved (CONFLICT), and keeps their account', async () => {
    const staleForm = await form(CUA_LO, { bankBin: '970436', accountNo: '0011000999888', accountName: 'UBND PHUONG CUA LO' })
    await updateCommuneCollectionAccount(client, {
      actor: actors.admin,
      input: await form(CUA_LO, { bankBin: '970418', accountNo: '51010000732', accountName: 'UBND PHUONG CUA LO' }),
      meta,
    })
    const before = await snapshot()
    const error = await failure(updateCommuneCollectionAccount(client, { actor: actors.admin, input: staleForm, meta }))
    expect(error.code).toBe('CONFLICT')
    expect(await snapshot()).toEqual(before)
    expect(await stored(CUA_LO)).toMatchObject({ collectionBankBin: '970418', collectionAccountNo: '51010000732' })
  })

  it('lets exactly one of two saves from the same form win', async () => {
    const loaded = await form(DO_LUONG, {})
    const saves = ['3600205000111', '3600205000222'].map((accountNo) =>
      updateCommuneCollectionAccount(client, { actor: actors.admin, input: { ...loaded, bankBin: '970405', accountNo, accountName: 'UBND XA DO LUONG' }, meta }),
    )
    const outcomes = await Promise.allSettled(saves)
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason).toMatchObject({ code: 'CONFLICT' })
    const { id } = await stored(DO_LUONG)
    expect(await client.auditLog.count({ where: { entityId: id, action: 'commune.setCollectionAccount' } })).toBe(1)
  })

  it('clears an account when all three fields are blank, and logs it', async () => {
    const result = await updateCommuneCollectionAccount(client, {
      actor: actors.admin,
      input: await form(CUA_LO, { bankBin: '', accountNo: ' ', accountName: '' }),
      meta,
    })
    expect(result).toMatchObject({ changed: true, account: null })
    const after = await stored(CUA_LO)
    expect(after).toMatchObject({ collectionBankBin: null, collectionAccountNo: null, collectionAccountName: null })
    const audit = await client.auditLog.findFirstOrThrow({ where: { entityId: after.id }, orderBy: { id: 'desc' } })
    expect(audit).toMatchObject({
      action: 'commune.clearCollectionAccount',
      data: {
        before: { bankBin: '970418', accountNo: '51010000732', accountName: 'UBND PHUONG CUA LO' },
        after: { bankBin: null, accountNo: null, accountName: null },
      },
    })
    const detail = await getCommuneAccount(client, { actor: actors.admin, code: CUA_LO })
    expect(detail).toMatchObject({ account: null, bank: null, isDemo: false, testPayload: null })
    const missing = await listCommuneAccounts(client, { actor: actors.admin, input: { account: 'missing' } })
    expect(missing.items.map((item) => item.code)).toEqual([CUA_LO])
  })
})
