import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PrismaClient } from '@/generated/prisma/client'
import { isAppError } from '@/domain/errors'
import { signInWithOidc } from '@/server/auth/sign-in-with-oidc'
import { createPrismaClient } from '@/server/prisma-client'

const PROVIDER = 'vneid'
const meta = { ip: '203.0.113.7', userAgent: 'vitest' }

let client: PrismaClient

beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, 1)
})

afterAll(async () => {
  await client.$disconnect()
})

const identity = (overrides: Record<string, unknown> = {}) => ({
  subject: 'sub-new-citizen',
  citizenId: '040196000111',
  fullName: 'Nguyễn  Thị   Vân',
  phone: '+84 987 650 111',
  ...overrides,
})

const signIn = (input: unknown) => signInWithOidc(client, { provider: PROVIDER, identity: input, meta })

/** The AppError code a refused sign-in throws (fails the test when it does not throw one). */
async function refusal(input: unknown): Promise<string> {
  try {
    await signIn(input)
  } catch (error) {
    if (isAppError(error)) return error.code
    throw error
  }
  throw new Error('sign-in was not refused')
}

const auditFor = (userId: string) =>
  client.auditLog.findMany({ where: { entityType: 'User', entityId: userId }, orderBy: { id: 'asc' }, select: { action: true, actorId: true, data: true, ip: true } })

describe('signInWithOidc', () => {
  it('creates a citizen without a password, links the provider account and audits both', async () => {
    const signedIn = await signIn(identity())

    const user = await client.user.findUniqueOrThrow({
      where: { id: signedIn.id },
      select: { role: true, fullName: true, citizenId: true, phone: true, passwordHash: true, sessionVersion: true, accounts: { select: { provider: true, providerAccountId: true } } },
    })
    expect(user).toEqual({
      role: 'CITIZEN',
      fullName: 'Nguyễn Thị Vân',
      citizenId: '040196000111',
      phone: '0987650111',
      passwordHash: null,
      sessionVersion: 0,
      accounts: [{ provider: PROVIDER, providerAccountId: 'sub-new-citizen' }],
    })
    expect(signedIn).toEqual({ id: signedIn.id, sessionVersion: 0 })
    const audit = await auditFor(signedIn.id)
    expect(audit.map((row) => row.action)).toEqual(['citizen.create', 'externalAccount.link'])
    expect(audit.every((row) => row.actorId === signedIn.id && row.ip === meta.ip)).toBe(true)
    expect(audit[1]?.data).toMatchObject({ provider: PROVIDER, matchedBy: 'new' })
  })

  it('reuses the linked account on the next sign-in, without a duplicate or a new audit row', async () => {
    const first = await signIn(identity())
    const again = await signIn(identity({ fullName: 'Nguyễn Thị Vân (đổi tên)', phone: null }))
    expect(again).toEqual(first)
    expect(await client.user.count({ where: { citizenId: '040196000111' } })).toBe(1)
    expect(await client.externalAccount.count({ where: { userId: first.id } })).toBe(1)
    expect(await client.auditLog.count({ where: { entityId: first.id } })).toBe(2)
  })

  // The ID number of a password account was only declared at registration; the e-ID proves it. Whoever
  // registered it first may not be its owner, so the unverified password and phone go and sessions end.
  it('links an existing citizen with the same citizen ID number, dropping its unverified password and phone', async () => {
    const existing = await client.user.create({
      data: { role: 'CITIZEN', fullName: 'Trần Văn Bình', citizenId: '040085000222', phone: '0912000222', passwordHash: 'scrypt$x', sessionVersion: 3 },
      select: { id: true },
    })
    const signedIn = await signIn(identity({ subject: 'sub-existing', citizenId: '040085000222', fullName: 'TRẦN VĂN BÌNH', phone: '0912999222' }))

    expect(signedIn).toEqual({ id: existing.id, sessionVersion: 4 })
    const user = await client.user.findUniqueOrThrow({ where: { id: existing.id }, select: { fullName: true, phone: true, passwordHash: true } })
    expect(user).toEqual({ fullName: 'TRẦN VĂN BÌNH', phone: '0912999222', passwordHash: null })
    expect((await auditFor(existing.id)).map((row) => [row.action, (row.data as { matchedBy?: string }).matchedBy])).toEqual([
      ['citizen.verifiedByEid', undefined],
      ['externalAccount.link', 'citizenId'],
    ])
    expect(await signIn(identity({ subject: 'sub-existing', citizenId: '040085000222', fullName: 'Trần Văn Bình' }))).toEqual(signedIn)
  })

  it('creates the citizen without the phone when another account already uses it', async () => {
    const signedIn = await signIn(identity({ subject: 'sub-phone-taken', citizenId: '040190000333', phone: '0912999222' }))
    const user = await client.user.findUniqueOrThrow({ where: { id: signedIn.id }, select: { phone: true } })
    expect(user.phone).toBeNull()
  })

  it('ignores a phone that is not a Vietnamese mobile number', async () => {
    const signedIn = await signIn(identity({ subject: 'sub-foreign-phone', citizenId: '040190000444', phone: '+1 415 555 0100' }))
    expect((await client.user.findUniqueOrThrow({ where: { id: signedIn.id }, select: { phone: true } })).phone).toBeNull()
  })

  it.each([
    ['no citizen ID', { citizenId: undefined }],
    ['a citizen ID of 9 digits (old ID card)', { citizenId: '186543210' }],
    ['a citizen ID with letters', { citizenId: '04019600011A' }],
    ['no name', { fullName: undefined }],
    ['a blank name', { fullName: '   ' }],
    ['a name that is not text', { fullName: 42 }],
    ['no subject', { subject: undefined }],
  ])('refuses claims with %s, and writes nothing', async (_case, overrides) => {
    const before = await Promise.all([client.user.count(), client.externalAccount.count(), client.auditLog.count()])
    expect(await refusal(identity({ subject: 'sub-invalid', citizenId: '040196000555', ...overrides }))).toBe('INVALID_INPUT')
    expect(await Promise.all([client.user.count(), client.externalAccount.count(), client.auditLog.count()])).toEqual(before)
  })

  it('refuses a disabled account, whether found by its link or by its citizen ID number', async () => {
    const linked = await signIn(identity({ subject: 'sub-to-disable', citizenId: '040196000666' }))
    await client.user.update({ where: { id: linked.id }, data: { disabledAt: new Date() } })
    expect(await refusal(identity({ subject: 'sub-to-disable', citizenId: '040196000666' }))).toBe('INVALID_CREDENTIALS')

    await client.user.create({ data: { role: 'CITIZEN', fullName: 'Lê Thị Khóa', citizenId: '040196000777', disabledAt: new Date() } })
    expect(await refusal(identity({ subject: 'sub-disabled-unlinked', citizenId: '040196000777' }))).toBe('INVALID_CREDENTIALS')
    expect(await client.externalAccount.count({ where: { providerAccountId: 'sub-disabled-unlinked' } })).toBe(0)
  })

  it('refuses a citizen ID number that belongs to a staff account', async () => {
    await client.user.create({ data: { role: 'CLERK', fullName: 'Cán Bộ', username: 'canbo.oidc', citizenId: '040080000888' } })
    expect(await refusal(identity({ subject: 'sub-staff', citizenId: '040080000888' }))).toBe('INVALID_CREDENTIALS')
    expect(await client.externalAccount.count({ where: { providerAccountId: 'sub-staff' } })).toBe(0)
  })

  it('refuses a linked subject whose citizen ID number changed, and a second subject for a linked citizen', async () => {
    await signIn(identity({ subject: 'sub-stable', citizenId: '040196000999' }))
    expect(await refusal(identity({ subject: 'sub-stable', citizenId: '040196001000' }))).toBe('INVALID_CREDENTIALS')
    expect(await refusal(identity({ subject: 'sub-other', citizenId: '040196000999' }))).toBe('INVALID_CREDENTIALS')
    expect(await client.user.count({ where: { citizenId: '040196001000' } })).toBe(0)
  })

  // The embedded database serves one connection at a time, so only a PostgreSQL server can race two.
  it.skipIf(!process.env.TEST_DATABASE_URL)('settles two simultaneous first sign-ins of one person on one account', async () => {
    const clients = [createPrismaClient(process.env.DATABASE_URL!, 1), createPrismaClient(process.env.DATABASE_URL!, 1)]
    try {
      const racing = identity({ subject: 'sub-race', citizenId: '040196001111', phone: null })
      const results = await Promise.all(clients.map((other) => signInWithOidc(other, { provider: PROVIDER, identity: racing, meta })))
      expect(results[1]).toEqual(results[0])
      expect(await client.user.count({ where: { citizenId: '040196001111' } })).toBe(1)
      expect(await client.externalAccount.count({ where: { providerAccountId: 'sub-race' } })).toBe(1)
    } finally {
      await Promise.all(clients.map((other) => other.$disconnect()))
    }
  })
})
