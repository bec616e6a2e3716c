import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '@/domain/errors'
import type { PrismaClient } from '@/generated/prisma/client'
import { hashPassword } from '@/server/auth/password'
import { signInWithPassword } from '@/server/auth/sign-in-with-password'
import { updateStaffPassword } from '@/server/admin/staff.repo'
import { requestMetaFrom, UNKNOWN_CLIENT_ADDRESS } from '@/server/http/request-meta'
import { createPrismaClient } from '@/server/prisma-client'

let client: PrismaClient
let citizenId: string
const PASSWORD = 'Dung-Mat-Khau-2026'
const t0 = new Date('2026-11-24T02:00:00Z')
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000)
const meta = (ip = '203.0.113.7') => ({ ip, userAgent: 'vitest' })

async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string } | 'SIGNED_IN'> {
  try {
    await work
    return 'SIGNED_IN'
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.code }
    throw error
  }
}

beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  const passwordHash = await hashPassword(PASSWORD)
  const citizen = await client.user.create({
    data: { role: 'CITIZEN', fullName: 'Nguyễn Văn Thử', citizenId: '040090001234', phone: '0912000111', passwordHash },
  })
  citizenId = citizen.id
  await client.user.create({ data: { role: 'CLERK', fullName: 'Trần Thị Cán Bộ', username: 'canbo.thu', passwordHash } })
  await client.user.create({
    data: { role: 'CLERK', fullName: 'Lê Văn Nghỉ', username: 'canbo.danghi', passwordHash, disabledAt: new Date() },
  })
})

afterAll(async () => {
  await client?.$disconnect()
})

describe('password sign-in', () => {
  it.each([
    ['the ID number', '040090001234'],
    ['the phone, as typed with spaces', '0912 000 111'],
    ['the phone with +84', '+84912000111'],
  ])('signs a citizen in with %s', async (_label, identifier) => {
    const user = await signInWithPassword(client, { input: { identifier, password: PASSWORD }, meta: meta(`198.51.100.${identifier.length}`), now: t0 })
    expect(user.id).toBe(citizenId)
  })

  it('signs staff in with their username, case-insensitively', async () => {
    const user = await signInWithPassword(client, { input: { identifier: 'CanBo.Thu', password: PASSWORD }, meta: meta('198.51.100.50'), now: t0 })
    expect(user.id).toBeTruthy()
  })

  it('gives the same answer for a wrong password, an unknown account and a disabled one', async () => {
    const wrong = await refusal(signInWithPassword(client, { input: { identifier: 'canbo.thu', password: 'sai' }, meta: meta('198.51.100.60'), now: t0 }))
    const unknown = await refusal(signInWithPassword(client, { input: { identifier: 'khong.ton.tai', password: 'sai' }, meta: meta('198.51.100.61'), now: t0 }))
    const disabled = await refusal(signInWithPassword(client, { input: { identifier: 'canbo.danghi', password: PASSWORD }, meta: meta('198.51.100.62'), now: t0 }))
    expect(wrong).toEqual({ code: 'INVALID_CREDENTIALS', message: 'INVALID_CREDENTIALS' })
    expect(unknown).toEqual(wrong)
    expect(disabled).toEqual(wrong)
  })

  it('refuses the 6th attempt within 15 minutes even with the right password, then lets it in later', async () => {
    const identifier = '040090001234'
    for (let attempt = 1; attempt <= 5; attempt++) {
      const result = await refusal(
        signInWithPassword(client, { input: { identifier, password: `sai-${attempt}` }, meta: meta(`192.0.2.${attempt}`), now: minutes(attempt) }),
      )
      expect(result).toMatchObject({ code: 'INVALID_CREDENTIALS' })
    }
    // Sixth attempt, right password, from yet another address: still refused, with the same answer.
    const sixth = await refusal(signInWithPassword(client, { input: { identifier, password: PASSWORD }, meta: meta('192.0.2.99'), now: minutes(6) }))
    expect(sixth).toEqual({ code: 'INVALID_CREDENTIALS', message: 'INVALID_CREDENTIALS' })
    // The lock is per account whatever the writing of the identifier.
    const byPhone = await refusal(signInWithPassword(client, { input: { identifier: '0912000111', password: PASSWORD }, meta: meta('192.0.2.98'), now: minutes(6) }))
    expect(byPhone).toMatchObject({ code: 'INVALID_CREDENTIALS' })
    // 15 minutes after the failures, the right password works again.
    const later = await signInWithPassword(client, { input: { identifier, password: PASSWORD }, meta: meta('192.0.2.99'), now: minutes(30) })
    expect(later.id).toBe(citizenId)
  })

  it('stops one address spraying many accounts', async () => {
    const sprayer = '233.252.0.1'
    for (let index = 0; index < 20; index++) {
      await refusal(signInWithPassword(client, { input: { identifier: `nguoi.dung.${index}`, password: 'sai' }, meta: meta(sprayer), now: minutes(100) }))
    }
    const fromSprayer = await refusal(signInWithPassword(client, { input: { identifier: 'canbo.thu', password: PASSWORD }, meta: meta(sprayer), now: minutes(101) }))
    expect(fromSprayer).toMatchObject({ code: 'INVALID_CREDENTIALS' })
    const elsewhere = await signInWithPassword(client, { input: { identifier: 'canbo.thu', password: PASSWORD }, meta: meta('198.51.100.200'), now: minutes(101) })
    expect(elsewhere.id).toBeTruthy()
  })

  it('never records a forged X-Forwarded-For without a trusted proxy (TRUSTED_PROXY_HOPS=0), and the account lock holds whatever it says', async () => {
    // The header as `next start` passes it on: the client's own when it sent one (the socket address is lost).
    const forged = (index: number) => requestMetaFrom(new Headers({ 'x-forwarded-for': `10.20.${index}.1, 172.16.${index}.9`, 'user-agent': 'vitest' }), 0)
    for (let index = 0; index < 5; index++) {
      const result = await refusal(signInWithPassword(client, { input: { identifier: 'canbo.thu', password: 'sai' }, meta: forged(index), now: minutes(400) }))
      expect(result).toMatchObject({ code: 'INVALID_CREDENTIALS' })
    }
    // A new header each time does not escape the account's lock, even with the right password.
    const locked = await refusal(signInWithPassword(client, { input: { identifier: 'canbo.thu', password: PASSWORD }, meta: forged(99), now: minutes(401) }))
    expect(locked).toEqual({ code: 'INVALID_CREDENTIALS', message: 'INVALID_CREDENTIALS' })
    // No forged address reached the records: the attempts are under the unknown address.
    expect(await client.loginAttempt.count({ where: { ip: { startsWith: '10.20.' } } })).toBe(0)
    expect(await client.loginAttempt.count({ where: { ip: UNKNOWN_CLIENT_ADDRESS, createdAt: minutes(400) } })).toBe(5)
    // 15 minutes later the account signs in again.
    const later = await signInWithPassword(client, { input: { identifier: 'canbo.thu', password: PASSWORD }, meta: forged(100), now: minutes(420) })
    expect(later.id).toBeTruthy()
  })

  it('gives requests of unknown address no shared budget: failures on other accounts never lock everyone out', async () => {
    const unknown = requestMetaFrom(new Headers({ 'user-agent': 'vitest' }), 0)
    expect(unknown.ip).toBe(UNKNOWN_CLIENT_ADDRESS)
    for (let index = 0; index < 25; index++) {
      await refusal(signInWithPassword(client, { input: { identifier: `nham.${index}`, password: 'sai' }, meta: unknown, now: minutes(450) }))
    }
    expect(await client.loginAttempt.count({ where: { ip: UNKNOWN_CLIENT_ADDRESS, createdAt: minutes(450) } })).toBe(25)
    const someoneElse = await signInWithPassword(client, { input: { identifier: 'canbo.thu', password: PASSWORD }, meta: unknown, now: minutes(451) })
    expect(someoneElse.id).toBeTruthy()
  })

  it('counts the address the trusted proxy appended, whatever the client put before it (TRUSTED_PROXY_HOPS=1)', async () => {
    // nginx: proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for — the client's header, then its peer.
    const throughNginx = (clientSent: string, peer: string) => requestMetaFrom(new Headers({ 'x-forwarded-for': `${clientSent}, ${peer}` }), 1)
    const sprayer = '203.0.113.77'
    for (let index = 0; index < 20; index++) {
      const meta = throughNginx(`10.30.${index}.1`, sprayer)
      expect(meta.ip).toBe(sprayer)
      await refusal(signInWithPassword(client, { input: { identifier: `phun.nginx.${index}`, password: 'sai' }, meta, now: minutes(500) }))
    }
    const fromSprayer = await refusal(signInWithPassword(client, { input: { identifier: 'canbo.thu', password: PASSWORD }, meta: throughNginx('10.30.99.1', sprayer), now: minutes(501) }))
    expect(fromSprayer).toMatchObject({ code: 'INVALID_CREDENTIALS' })
    // Another client behind the same proxy, even one claiming to be the sprayer, has its own budget.
    const neighbour = await signInWithPassword(client, { input: { identifier: 'canbo.thu', password: PASSWORD }, meta: throughNginx(sprayer, '203.0.113.78'), now: minutes(501) })
    expect(neighbour.id).toBeTruthy()
    expect(await client.loginAttempt.count({ where: { ip: sprayer, createdAt: minutes(500) } })).toBe(20)
  })

  it('records every attempt, never the password', async () => {
    const attempts = await client.loginAttempt.findMany({ select: { identifier: true, succeeded: true } })
    expect(attempts.length).toBeGreaterThan(20)
    expect(JSON.stringify(attempts)).not.toContain(PASSWORD)
    expect(attempts).toContainEqual({ identifier: `user:${citizenId}`, succeeded: false })
    // What was typed for an unknown account is kept only as a hash (it may be a mistyped password).
    expect(JSON.stringify(attempts)).not.toContain('nguoi.dung')
    expect(attempts.filter((attempt) => attempt.identifier.startsWith('unknown:')).every((attempt) => /^unknown:[0-9a-f]{64}$/.test(attempt.identifier))).toBe(true)
  })

  it('evaluates at most five of twenty simultaneous guesses on one account', async () => {
    const target = await client.user.create({
      data: { role: 'CITIZEN', fullName: 'Đồng Thời', citizenId: '040090005555', passwordHash: await hashPassword(PASSWORD) },
    })
    const guesses = Array.from({ length: 20 }, (_, index) =>
      refusal(signInWithPassword(client, { input: { identifier: '040090005555', password: `doan-${index}` }, meta: meta(`100.64.0.${index}`), now: minutes(200) })),
    )
    expect(new Set((await Promise.all(guesses)).map((result) => JSON.stringify(result)))).toEqual(new Set([JSON.stringify({ code: 'INVALID_CREDENTIALS', message: 'INVALID_CREDENTIALS' })]))
    expect(await client.loginAttempt.count({ where: { identifier: `user:${target.id}` } })).toBe(5)
  })

  it('counts failures since the last success, and a password reset lifts the lock', async () => {
    const person = await client.user.create({
      data: { role: 'CLERK', fullName: 'Quên Mật Khẩu', username: 'canbo.quen', passwordHash: await hashPassword(PASSWORD) },
    })
    // Times relative to the real clock: the reset below is recorded at the database's now().
    const base = Date.now()
    const attempt = (password: string, atMinutes: number) =>
      refusal(signInWithPassword(client, { input: { identifier: 'canbo.quen', password }, meta: meta('100.64.1.1'), now: new Date(base + atMinutes * 60_000) }))
    for (let index = 0; index < 4; index++) expect(await attempt('sai', -14 + index * 0.5)).toMatchObject({ code: 'INVALID_CREDENTIALS' })
    expect(await attempt(PASSWORD, -12)).toBe('SIGNED_IN')
    for (let index = 0; index < 4; index++) expect(await attempt('sai', -11.5 + index * 0.5)).toMatchObject({ code: 'INVALID_CREDENTIALS' })
    // Eight failures in the window, but only four since the last success: still allowed.
    expect(await attempt(PASSWORD, -9)).toBe('SIGNED_IN')
    for (let index = 0; index < 5; index++) await attempt('sai', -8 + index * 0.5)
    expect(await attempt(PASSWORD, -5)).toMatchObject({ code: 'INVALID_CREDENTIALS' })
    expect(await attempt(PASSWORD, -4)).toMatchObject({ code: 'INVALID_CREDENTIALS' })
    // An administrator sets a new password: the lock is lifted at once, well within the 15 minutes.
    await updateStaffPassword(client, person.id, await hashPassword('Mat-Khau-Moi-2026'))
    const result = await refusal(
      signInWithPassword(client, { input: { identifier: 'canbo.quen', password: 'Mat-Khau-Moi-2026' }, meta: meta('100.64.1.1'), now: new Date(Date.now() + 1_000) }),
    )
    expect(result).toBe('SIGNED_IN')
  })

  it('refuses malformed input with the same answer', async () => {
    expect(await refusal(signInWithPassword(client, { input: { identifier: '', password: '' }, meta: meta(), now: t0 }))).toMatchObject({ code: 'INVALID_CREDENTIALS' })
    expect(await refusal(signInWithPassword(client, { input: null, meta: meta(), now: t0 }))).toMatchObject({ code: 'INVALID_CREDENTIALS' })
  })
})
