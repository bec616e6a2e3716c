import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { MAX_TAKEN_REFUSALS_PER_IP } from '@/domain/account/registration-throttle'
import { AppError } from '@/domain/errors'
import { changePassword } from '@/server/account/change-password'
import { registerCitizen } from '@/server/account/register-citizen'
import { requestPasswordReset } from '@/server/account/request-password-reset'
import { resetPassword } from '@/server/account/reset-password'
import { signOutEverywhere } from '@/server/account/sign-out-everywhere'
import { signInWithPassword } from '@/server/auth/sign-in-with-password'
import { listDevMailbox } from '@/server/outbox/list-dev-mailbox'
import { createPrismaClient } from '@/server/prisma-client'

let client: PrismaClient
beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, 1)
})
afterAll(async () => {
  await client.$disconnect()
})

// Each test uses its own address, so the per-address limits of one test do not reach another.
let ipCounter = 0
const freshMeta = () => ({ ip: `198.51.100.${++ipCounter}`, userAgent: 'vitest' })

/** A consistent registration: a woman born 17 May 1990, registered in Nghệ An (040), 1 = female 1900s. */
let serial = 100_000
function registration(overrides: Record<string, string> = {}) {
  serial += 1
  return {
    fullName: 'Nguyễn Thị Mai',
    citizenId: `040190${serial}`,
    birthDate: '1990-05-17',
    gender: 'FEMALE',
    phone: `0912${String(serial).slice(-6)}`,
    email: '',
    password: 'MatKhau2026',
    passwordConfirm: 'MatKhau2026',
    ...overrides,
  }
}

async function register(overrides: Record<string, string> = {}) {
  const input = registration(overrides)
  const { userId } = await registerCitizen(client, { input, meta: freshMeta() })
  return { ...input, userId }
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

const signIn = (identifier: string, password: string) => signInWithPassword(client, { input: { identifier, password }, meta: freshMeta() })

async function latestResetCode(recipient: string): Promise<string> {
  const message = await client.outboxMessage.findFirstOrThrow({
    where: { recipient, template: 'password-reset' },
    orderBy: { createdAt: 'desc' },
    select: { payload: true },
  })
  return (message.payload as { code: string }).code
}

const counts = async () => ({
  users: await client.user.count(),
  audit: await client.auditLog.count(),
  codes: await client.oneTimeCode.count(),
  outbox: await client.outboxMessage.count(),
})

describe('citizen registration', () => {
  it('creates a citizen who can sign in, with an audit row and no password in clear', async () => {
    const citizen = await register({ fullName: '  Trần   Văn Nam ', gender: 'MALE', citizenId: '040085123001', phone: '+84 987 654 001', email: 'nam@example.vn', birthDate: '1985-01-02' })
    const user = await client.user.findUniqueOrThrow({
      where: { id: citizen.userId },
      select: { role: true, fullName: true, citizenId: true, phone: true, email: true, birthDate: true, gender: true, passwordHash: true, sessionVersion: true },
    })
    expect(user).toMatchObject({
      role: 'CITIZEN',
      fullName: 'Trần Văn Nam',
      citizenId: '040085123001',
      phone: '0987654001',
      email: 'nam@example.vn',
      gender: 'MALE',
      sessionVersion: 0,
    })
    expect(user.birthDate?.toISOString()).toBe('1985-01-02T00:00:00.000Z')
    expect(user.passwordHash).toMatch(/^scrypt\$/)
    expect(user.passwordHash).not.toContain('MatKhau2026')
    const audit = await client.auditLog.findMany({ where: { entityId: citizen.userId }, select: { action: true, actorId: true, actorRole: true, ip: true } })
    expect(audit).toEqual([{ action: 'account.register', actorId: citizen.userId, actorRole: 'CITIZEN', ip: expect.stringMatching(/^198\.51\.100\./) }])

    await expect(signIn('040085123001', 'MatKhau2026')).resolves.toMatchObject({ id: citizen.userId })
    await expect(signIn('0987 654 001', 'MatKhau2026')).resolves.toMatchObject({ id: citizen.userId })
  })

  it('stores nothing and names each field when the input is bad', async () => {
    const before = await counts()
    const error = await rejection(
      registerCitizen(client, {
        input: registration({ citizenId: '040090123456', gender: 'FEMALE', phone: '0212345678', password: 'short', passwordConfirm: 'other' }),
        meta: freshMeta(),
      }),
    )
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.fieldErrors).toEqual({
      citizenId: ['CENTURY_GENDER_MISMATCH'],
      phone: ['INVALID'],
      password: ['TOO_SHORT', 'NEEDS_DIGIT'],
      passwordConfirm: ['MISMATCH'],
    })
    expect(await rejection(registerCitizen(client, { input: null, meta: freshMeta() }))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await counts()).toEqual(before)
  })

  it('refuses an ID number or a phone already registered, naming only that field', async () => {
    const first = await register()
    const before = await counts()

    const sameId = await rejection(registerCitizen(client, { input: registration({ citizenId: first.citizenId }), meta: freshMeta() }))
    expect(sameId).toMatchObject({ code: 'ALREADY_EXISTS', fieldErrors: { citizenId: ['TAKEN'] } })

    const samePhone = await rejection(registerCitizen(client, { input: registration({ phone: first.phone.replace(/^0/, '+84') }), meta: freshMeta() }))
    expect(samePhone).toMatchObject({ code: 'ALREADY_EXISTS', fieldErrors: { phone: ['TAKEN'] } })

    // Two registrations racing for one ID number: exactly one wins.
    const contested = registration()
    const results = await Promise.allSettled([
      registerCitizen(client, { input: contested, meta: freshMeta() }),
      registerCitizen(client, { input: { ...contested, phone: '0933000111' }, meta: freshMeta() }),
    ])
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    const loser = results.find((result) => result.status === 'rejected')
    expect(loser?.status === 'rejected' && loser.reason).toMatchObject({ code: 'ALREADY_EXISTS' })
    expect((await counts()).users).toBe(before.users + 1)
  })
})

describe('probing registered numbers through registration', () => {
  it('records each "already registered" refusal without the number, and refuses an address after twenty within 15 minutes', async () => {
    const holder = await register()
    const prober = freshMeta()
    const t0 = new Date('2026-11-25T02:00:00Z')
    const at = (minute: number) => new Date(t0.getTime() + minute * 60_000)
    for (let index = 0; index < MAX_TAKEN_REFUSALS_PER_IP; index++) {
      const refused = await rejection(registerCitizen(client, { input: registration({ citizenId: holder.citizenId }), meta: prober, now: at(index / 2) }))
      expect(refused).toMatchObject({ code: 'ALREADY_EXISTS', fieldErrors: { citizenId: ['TAKEN'] } })
    }
    const recorded = await client.auditLog.findMany({ where: { action: 'account.register.refused', ip: prober.ip }, select: { data: true, actorId: true } })
    expect(recorded).toHaveLength(MAX_TAKEN_REFUSALS_PER_IP)
    expect(recorded.every((row) => row.actorId === null && JSON.stringify(row.data) === JSON.stringify({ fields: ['citizenId'] }))).toBe(true)
    expect(JSON.stringify(recorded)).not.toContain(holder.citizenId)

    // The next try from that address is refused before anything is looked up, even for a free number,
    // and creates nothing.
    const usersBefore = await client.user.count()
    const blocked = await rejection(registerCitizen(client, { input: registration(), meta: prober, now: at(11) }))
    expect(blocked.code).toBe('RATE_LIMITED')
    expect(await rejection(registerCitizen(client, { input: registration({ citizenId: holder.citizenId }), meta: prober, now: at(12) }))).toMatchObject({ code: 'RATE_LIMITED' })
    expect(await client.user.count()).toBe(usersBefore)

    // Another address is not held back; the prober's own window ends 15 minutes after its refusals.
    await registerCitizen(client, { input: registration(), meta: freshMeta(), now: at(12) })
    await registerCitizen(client, { input: registration(), meta: prober, now: at(25) })
    expect(await client.user.count()).toBe(usersBefore + 2)
  })

  it('counts parallel probes from one address: never more than the limit are answered', async () => {
    const holder = await register()
    const prober = freshMeta()
    const now = new Date('2026-11-25T03:00:00Z')
    const results = await Promise.allSettled(
      Array.from({ length: MAX_TAKEN_REFUSALS_PER_IP + 6 }, (_, index) => registerCitizen(client, { input: registration({ phone: holder.phone }), meta: prober, now: new Date(now.getTime() + index) })),
    )
    const codes = results.map((result) => (result.status === 'rejected' && result.reason instanceof AppError ? result.reason.code : 'OTHER'))
    expect(codes.filter((code) => code === 'ALREADY_EXISTS')).toHaveLength(MAX_TAKEN_REFUSALS_PER_IP)
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(6)
  })
})

describe('password reset through the outbox', () => {
  it('sends a code by SMS, stores only its hash, and lets the person set a new password once', async () => {
    const citizen = await register()
    const meta = freshMeta()
    await expect(requestPasswordReset(client, { input: { identifier: citizen.citizenId }, meta })).resolves.toBeUndefined()

    const message = await client.outboxMessage.findFirstOrThrow({
      where: { userId: citizen.userId },
      select: { channel: true, recipient: true, template: true, payload: true, status: true },
    })
    expect(message).toMatchObject({ channel: 'SMS', recipient: citizen.phone, template: 'password-reset', status: 'PENDING' })
    const code = (message.payload as { code: string; expiresInMinutes: number }).code
    expect(code).toMatch(/^\d{6}$/)
    expect(message.payload).toEqual({ code, expiresInMinutes: 15 })

    const stored = await client.oneTimeCode.findFirstOrThrow({ where: { userId: citizen.userId }, select: { purpose: true, codeHash: true, attempts: true, consumedAt: true, expiresAt: true, createdAt: true } })
    expect(stored).toMatchObject({ purpose: 'PASSWORD_RESET', attempts: 0, consumedAt: null })
    expect(stored.codeHash).not.toContain(code)
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(15 * 60_000)

    const mailbox = await listDevMailbox(client, { demoMode: true })
    expect(mailbox.find((entry) => entry.recipient === citizen.phone)?.text).toBe(
      `Mã khôi phục mật khẩu MotCua của bạn là ${code}, hiệu lực 15 phút. Không cung cấp mã này cho bất kỳ ai.`,
    )

    await expect(
      resetPassword(client, { input: { identifier: citizen.phone, code: `${code.slice(0, 3)} ${code.slice(3)}`, newPassword: 'MatKhauMoi2027', newPasswordConfirm: 'MatKhauMoi2027' }, meta }),
    ).resolves.toEqual({ userId: citizen.userId })

    const user = await client.user.findUniqueOrThrow({ where: { id: citizen.userId }, select: { sessionVersion: true } })
    expect(user.sessionVersion).toBe(1)
    await expect(signIn(citizen.citizenId, 'MatKhauMoi2027')).resolves.toMatchObject({ id: citizen.userId, sessionVersion: 1 })
    expect(await rejection(signIn(citizen.citizenId, citizen.password))).toMatchObject({ code: 'INVALID_CREDENTIALS' })
    expect(await client.auditLog.count({ where: { entityId: citizen.userId, action: 'account.passwordReset' } })).toBe(1)

    // Single use: the same code again is refused and changes nothing.
    const again = await rejection(
      resetPassword(client, { input: { identifier: citizen.phone, code, newPassword: 'MatKhauKhac2028', newPasswordConfirm: 'MatKhauKhac2028' }, meta }),
    )
    expect(again).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { code: ['INVALID'] } })
    await expect(signIn(citizen.citizenId, 'MatKhauMoi2027')).resolves.toMatchObject({ id: citizen.userId })
  })

  it('answers an unknown account exactly like a known one, and sends nothing', async () => {
    const before = await counts()
    await expect(requestPasswordReset(client, { input: { identifier: '040190999999' }, meta: freshMeta() })).resolves.toBeUndefined()
    await expect(requestPasswordReset(client, { input: { identifier: 'khong.ton.tai' }, meta: freshMeta() })).resolves.toBeUndefined()
    const after = await counts()
    expect(after).toEqual({ ...before, audit: before.audit + 2 })
    // …and the audit rows do not hold the identifier that was typed.
    const rows = await client.auditLog.findMany({ where: { action: 'account.passwordResetRequest' }, select: { entityId: true, data: true } })
    expect(JSON.stringify(rows)).not.toContain('040190999999')
    expect(JSON.stringify(rows)).not.toContain('khong.ton.tai')

    const refused = await rejection(
      resetPassword(client, { input: { identifier: '040190999999', code: '123456', newPassword: 'MatKhauMoi2027', newPasswordConfirm: 'MatKhauMoi2027' }, meta: freshMeta() }),
    )
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { code: ['INVALID'] } })
  })

  it('gives up a code after five wrong tries, even for the right one', async () => {
    const citizen = await register()
    const meta = freshMeta()
    await requestPasswordReset(client, { input: { identifier: citizen.phone }, meta })
    const code = await latestResetCode(citizen.phone)
    const wrong = code === '000000' ? '111111' : '000000'
    const attempt = (value: string) =>
      resetPassword(client, { input: { identifier: citizen.citizenId, code: value, newPassword: 'MatKhauMoi2027', newPasswordConfirm: 'MatKhauMoi2027' }, meta })

    for (let i = 0; i < 5; i += 1) expect(await rejection(attempt(wrong))).toMatchObject({ fieldErrors: { code: ['INVALID'] } })
    expect(await rejection(attempt(code))).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { code: ['INVALID'] } })
    const stored = await client.oneTimeCode.findFirstOrThrow({ where: { userId: citizen.userId }, select: { attempts: true, consumedAt: true } })
    expect(stored).toEqual({ attempts: 5, consumedAt: null })
    await expect(signIn(citizen.citizenId, citizen.password)).resolves.toMatchObject({ id: citizen.userId, sessionVersion: 0 })

    // A new code works again.
    await requestPasswordReset(client, { input: { identifier: citizen.phone }, meta })
    await expect(attempt(await latestResetCode(citizen.phone))).resolves.toEqual({ userId: citizen.userId })
  })

  it('counts parallel guesses: never more than five are compared', async () => {
    const citizen = await register()
    const meta = freshMeta()
    await requestPasswordReset(client, { input: { identifier: citizen.citizenId }, meta })
    const code = await latestResetCode(citizen.phone)
    const wrong = code === '000000' ? '111111' : '000000'
    await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        resetPassword(client, { input: { identifier: citizen.citizenId, code: wrong, newPassword: 'MatKhauMoi2027', newPasswordConfirm: 'MatKhauMoi2027' }, meta }),
      ),
    )
    const stored = await client.oneTimeCode.findFirstOrThrow({ where: { userId: citizen.userId }, select: { attempts: true } })
    expect(stored.attempts).toBe(5)
  })

  it('refuses an expired code', async () => {
    const citizen = await register()
    const meta = freshMeta()
    await requestPasswordReset(client, { input: { identifier: citizen.citizenId }, meta })
    const code = await latestResetCode(citizen.phone)
    const later = new Date(Date.now() + 16 * 60_000)
    const refused = await rejection(
      resetPassword(client, { input: { identifier: citizen.citizenId, code, newPassword: 'MatKhauMoi2027', newPasswordConfirm: 'MatKhauMoi2027' }, meta, now: later }),
    )
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { code: ['INVALID'] } })
    expect(await client.oneTimeCode.findFirstOrThrow({ where: { userId: citizen.userId }, select: { attempts: true } })).toEqual({ attempts: 0 })
  })

  it('checks the new password before spending a try', async () => {
    const citizen = await register()
    const meta = freshMeta()
    await requestPasswordReset(client, { input: { identifier: citizen.citizenId }, meta })
    const code = await latestResetCode(citizen.phone)
    const refused = await rejection(
      resetPassword(client, { input: { identifier: citizen.citizenId, code, newPassword: `a${citizen.citizenId}`, newPasswordConfirm: 'x' }, meta }),
    )
    expect(refused.fieldErrors).toEqual({ newPassword: ['CONTAINS_PERSONAL_INFO'], newPasswordConfirm: ['MISMATCH'] })
    expect(await client.oneTimeCode.findFirstOrThrow({ where: { userId: citizen.userId }, select: { attempts: true } })).toEqual({ attempts: 0 })
  })

  it('limits requests per account (existing or not) and per address', async () => {
    const citizen = await register()
    for (let i = 0; i < 3; i += 1) await requestPasswordReset(client, { input: { identifier: citizen.phone }, meta: freshMeta() })
    // The same account written another way is the same key.
    expect(await rejection(requestPasswordReset(client, { input: { identifier: citizen.phone.replace(/^0/, '+84 ') }, meta: freshMeta() }))).toMatchObject({
      code: 'RATE_LIMITED',
    })
    expect(await client.oneTimeCode.count({ where: { userId: citizen.userId } })).toBe(3)

    for (let i = 0; i < 3; i += 1) await requestPasswordReset(client, { input: { identifier: '040190888888' }, meta: freshMeta() })
    expect(await rejection(requestPasswordReset(client, { input: { identifier: '040190888888' }, meta: freshMeta() }))).toMatchObject({ code: 'RATE_LIMITED' })

    const meta = freshMeta()
    for (let i = 0; i < 10; i += 1) await requestPasswordReset(client, { input: { identifier: `0401907770${String(i).padStart(2, '0')}` }, meta })
    expect(await rejection(requestPasswordReset(client, { input: { identifier: '040190777099' }, meta }))).toMatchObject({ code: 'RATE_LIMITED' })
  })

  it('sends to the e-mail of an account without a phone (staff, by username)', async () => {
    const staff = await client.user.create({
      data: { role: 'CLERK', fullName: 'Cán bộ thử', username: 'canbo.thu', email: 'canbo.thu@example.vn', passwordHash: 'scrypt$x' },
      select: { id: true },
    })
    await requestPasswordReset(client, { input: { identifier: 'CanBo.Thu' }, meta: freshMeta() })
    const message = await client.outboxMessage.findFirstOrThrow({ where: { userId: staff.id }, select: { channel: true, recipient: true } })
    expect(message).toEqual({ channel: 'EMAIL', recipient: 'canbo.thu@example.vn' })
  })
})

describe('password change and signing out everywhere', () => {
  const actorOf = (userId: string): Actor => ({ userId, role: 'CITIZEN', fullName: 'Nguyễn Thị Mai', communeIds: [], provinceId: null })

  it('needs the current password, a different new one, and ends every session', async () => {
    const citizen = await register()
    const actor = actorOf(citizen.userId)
    const meta = freshMeta()

    const wrong = await rejection(
      changePassword(client, { actor, input: { currentPassword: 'SaiMatKhau1', newPassword: 'MatKhauMoi2027', newPasswordConfirm: 'MatKhauMoi2027' }, meta }),
    )
    expect(wrong).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { currentPassword: ['WRONG'] } })
    const same = await rejection(
      changePassword(client, { actor, input: { currentPassword: citizen.password, newPassword: citizen.password, newPasswordConfirm: citizen.password }, meta }),
    )
    expect(same).toMatchObject({ fieldErrors: { newPassword: ['SAME_AS_CURRENT'] } })
    expect(await client.user.findUniqueOrThrow({ where: { id: citizen.userId }, select: { sessionVersion: true } })).toEqual({ sessionVersion: 0 })

    await changePassword(client, { actor, input: { currentPassword: citizen.password, newPassword: 'MatKhauMoi2027', newPasswordConfirm: 'MatKhauMoi2027' }, meta })
    expect(await client.user.findUniqueOrThrow({ where: { id: citizen.userId }, select: { sessionVersion: true } })).toEqual({ sessionVersion: 1 })
    await expect(signIn(citizen.citizenId, 'MatKhauMoi2027')).resolves.toMatchObject({ sessionVersion: 1 })
    expect(await client.auditLog.findMany({ where: { entityId: citizen.userId, action: { startsWith: 'account.passwordChange' } }, select: { action: true }, orderBy: { id: 'asc' } })).toEqual([
      { action: 'account.passwordChangeFailed' },
      { action: 'account.passwordChange' },
    ])
  })

  it('locks the form after five wrong current passwords', async () => {
    const citizen = await register()
    const actor = actorOf(citizen.userId)
    const meta = freshMeta()
    const input = { currentPassword: 'SaiMatKhau1', newPassword: 'MatKhauMoi2027', newPasswordConfirm: 'MatKhauMoi2027' }
    for (let i = 0; i < 5; i += 1) expect(await rejection(changePassword(client, { actor, input, meta }))).toMatchObject({ code: 'INVALID_INPUT' })
    const locked = await rejection(changePassword(client, { actor, input: { ...input, currentPassword: citizen.password }, meta }))
    expect(locked.code).toBe('RATE_LIMITED')
  })

  it('signing out everywhere raises the session version', async () => {
    const citizen = await register()
    await signOutEverywhere(client, { actor: actorOf(citizen.userId), meta: freshMeta() })
    await signOutEverywhere(client, { actor: actorOf(citizen.userId), meta: freshMeta() })
    expect(await client.user.findUniqueOrThrow({ where: { id: citizen.userId }, select: { sessionVersion: true } })).toEqual({ sessionVersion: 2 })
    expect(await client.auditLog.count({ where: { entityId: citizen.userId, action: 'account.signOutEverywhere' } })).toBe(2)
  })
})

describe('dev mailbox', () => {
  it('does not exist outside demo mode', async () => {
    expect(await rejection(listDevMailbox(client, { demoMode: false }))).toMatchObject({ code: 'NOT_FOUND' })
  })
})
