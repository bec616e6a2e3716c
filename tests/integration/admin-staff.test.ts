import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { createStaffAccount } from '@/server/admin/create-staff-account'
import { getStaffAccount } from '@/server/admin/get-staff-account'
import { listAuditLog } from '@/server/admin/list-audit-log'
import { listCommuneOptions } from '@/server/admin/list-commune-options'
import { listStaff } from '@/server/admin/list-staff'
import { resetStaffPassword } from '@/server/admin/reset-staff-password'
import { setStaffAccountEnabled } from '@/server/admin/set-staff-account-enabled'
import { updateStaffAccount } from '@/server/admin/update-staff-account'
import { loadActor } from '@/server/auth/load-actor'
import { hashPassword, verifyPassword } from '@/server/auth/password'
import { signInWithPassword } from '@/server/auth/sign-in-with-password'
import { createPrismaClient } from '@/server/prisma-client'

let client: PrismaClient
const meta = { ip: '203.0.113.7', userAgent: 'vitest' }
const PASSWORD = 'TamThoi2026x'

let provinceId: string
const communes: Record<'thanhVinh' | 'cuaLo' | 'doLuong', { id: string; code: string; name: string }> = {
  thanhVinh: { id: '', code: '16681', name: 'Phường Thành Vinh' },
  cuaLo: { id: '', code: '16732', name: 'Phường Cửa Lò' },
  doLuong: { id: '', code: '17662', name: 'Xã Đô Lương' },
}
let admin: Actor
let clerkActor: Actor
let officerActor: Actor
let citizenActor: Actor

/** The error a promise rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

/** Everything an administrator's change could touch, to prove a refused call changed nothing. */
async function snapshotTables() {
  const [users, links, audit] = await Promise.all([
    client.user.findMany({
      select: { id: true, username: true, role: true, fullName: true, phone: true, email: true, disabledAt: true, sessionVersion: true, passwordHash: true },
      orderBy: { id: 'asc' },
    }),
    client.userCommune.findMany({ select: { userId: true, communeId: true }, orderBy: [{ userId: 'asc' }, { communeId: 'asc' }] }),
    client.auditLog.count(),
  ])
  return { users, links, audit }
}

const clerkInput = (overrides: Record<string, unknown> = {}) => ({
  username: 'canbo.moi',
  password: PASSWORD,
  passwordConfirm: PASSWORD,
  fullName: 'Nguyễn Thị Mới',
  role: 'CLERK',
  communeIds: [communes.thanhVinh.id],
  phone: '',
  email: '',
  ...overrides,
})

async function lastAudit() {
  return client.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } })
}

beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, 1)
  const province = await client.province.create({ data: { code: '40', name: 'Tỉnh Nghệ An' }, select: { id: true } })
  provinceId = province.id
  for (const commune of Object.values(communes)) {
    const row = await client.commune.create({
      data: { code: commune.code, name: commune.name, kind: commune.name.startsWith('Xã') ? 'XA' : 'PHUONG', provinceId },
      select: { id: true },
    })
    commune.id = row.id
  }
  await client.commune.create({ data: { code: '99999', name: 'Xã Đã Sáp Nhập', kind: 'XA', provinceId, isActive: false } })
  const passwordHash = await hashPassword('MotCua@2026')
  const user = (data: { role: 'ADMIN' | 'CLERK' | 'PROVINCE_OFFICER' | 'CITIZEN'; fullName: string; username?: string; citizenId?: string }) =>
    client.user.create({ data: { ...data, passwordHash }, select: { id: true } })
  const adminRow = await user({ role: 'ADMIN', fullName: 'Quản trị hệ thống', username: 'quantri' })
  const clerkRow = await user({ role: 'CLERK', fullName: 'Nguyễn Thị Thu Hà', username: 'canbo.thanhvinh' })
  await client.userCommune.create({ data: { userId: clerkRow.id, communeId: communes.thanhVinh.id } })
  const officerRow = await user({ role: 'PROVINCE_OFFICER', fullName: 'Trần Thị Phương Thảo', username: 'tinh.nghean' })
  const citizenRow = await user({ role: 'CITIZEN', fullName: 'Nguyễn Văn An', citizenId: '040085003917' })

  admin = { userId: adminRow.id, role: 'ADMIN', fullName: 'Quản trị hệ thống', communeIds: [], provinceId: null }
  clerkActor = { userId: clerkRow.id, role: 'CLERK', fullName: 'Nguyễn Thị Thu Hà', communeIds: [communes.thanhVinh.id], provinceId: null }
  officerActor = { userId: officerRow.id, role: 'PROVINCE_OFFICER', fullName: 'Trần Thị Phương Thảo', communeIds: [], provinceId }
  citizenActor = { userId: citizenRow.id, role: 'CITIZEN', fullName: 'Nguyễn Văn An', communeIds: [], provinceId: null }
})

afterAll(async () => {
  await client?.$disconnect()
})

describe('creating a staff account', () => {
  it('creates a clerk bound to a commune, who can then sign in, and records who did it', async () => {
    const created = await createStaffAccount(client, {
      actor: admin,
      input: clerkInput({ username: '  CanBo.Moi ', phone: '0912 000 111', email: 'CanBo.Moi@Example.vn' }),
      meta,
    })
    expect(created.username).toBe('canbo.moi')

    const user = await client.user.findUniqueOrThrow({
      where: { id: created.id },
      select: { role: true, username: true, fullName: true, phone: true, email: true, passwordHash: true, provinceId: true, disabledAt: true, communes: { select: { communeId: true } } },
    })
    expect(user).toMatchObject({ role: 'CLERK', username: 'canbo.moi', fullName: 'Nguyễn Thị Mới', phone: '0912000111', email: 'canbo.moi@example.vn', provinceId: null, disabledAt: null })
    expect(user.communes).toEqual([{ communeId: communes.thanhVinh.id }])
    expect(await verifyPassword(PASSWORD, user.passwordHash!)).toBe(true)

    const audit = await lastAudit()
    expect(audit).toMatchObject({
      actorId: admin.userId,
      actorRole: 'ADMIN',
      action: 'staff.create',
      entityType: 'User',
      entityId: created.id,
      communeId: communes.thanhVinh.id,
      ip: meta.ip,
      userAgent: meta.userAgent,
    })
    expect(audit.data).toEqual({
      username: 'canbo.moi',
      after: { fullName: 'Nguyễn Thị Mới', role: 'CLERK', communes: ['Phường Thành Vinh (16681)'], phone: '0912000111', email: 'canbo.moi@example.vn' },
    })
    expect(JSON.stringify(audit.data)).not.toContain(PASSWORD)
    expect(JSON.stringify(audit.data)).not.toContain('scrypt')

    const signedIn = await signInWithPassword(client, { input: { identifier: 'canbo.moi', password: PASSWORD }, meta })
    expect(signedIn.id).toBe(created.id)
  })

  it('binds a provincial officer to the province, with no commune', async () => {
    const created = await createStaffAccount(client, {
      actor: admin,
      input: clerkInput({ username: 'tinh.theodoi', role: 'PROVINCE_OFFICER', communeIds: [] }),
      meta,
    })
    const user = await client.user.findUniqueOrThrow({ where: { id: created.id }, select: { provinceId: true, communes: true } })
    expect(user).toEqual({ provinceId, communes: [] })
  })

  it('lets an administrator assign several communes', async () => {
    const created = await createStaffAccount(client, {
      actor: admin,
      input: clerkInput({ username: 'lanhdao.lienxa', role: 'LEADER', communeIds: [communes.cuaLo.id, communes.doLuong.id, communes.cuaLo.id] }),
      meta,
    })
    const links = await client.userCommune.findMany({ where: { userId: created.id }, select: { communeId: true } })
    expect(links.map((link) => link.communeId).sort()).toEqual([communes.cuaLo.id, communes.doLuong.id].sort())
    expect((await lastAudit()).communeId).toBeNull()
  })

  it.each([
    ['a username too short', { username: 'ab' }, { username: 'usernameLength' }],
    ['a username with a space', { username: 'can bo' }, { username: 'usernameFormat' }],
    ['a username starting with a digit (it would read as a phone number)', { username: '0912345678' }, { username: 'usernameFormat' }],
    ['a username with accents', { username: 'cánbộ' }, { username: 'usernameFormat' }],
    ['a username with a trailing dot', { username: 'canbo.' }, { username: 'usernameFormat' }],
    ['a password too short', { password: 'abc123', passwordConfirm: 'abc123' }, { password: 'passwordTooShort' }],
    ['a password of letters only', { password: 'chicochuthoi', passwordConfirm: 'chicochuthoi' }, { password: 'passwordNeedsLetterAndDigit' }],
    ['a password of digits only', { password: '1234567890', passwordConfirm: '1234567890' }, { password: 'passwordNeedsLetterAndDigit' }],
    ['passwords that differ', { passwordConfirm: `${PASSWORD}!` }, { passwordConfirm: 'passwordMismatch' }],
    ['a missing name', { fullName: '   ' }, { fullName: 'fullNameRequired' }],
    ['a citizen role', { role: 'CITIZEN' }, { role: 'roleInvalid' }],
    ['a clerk without a commune', { communeIds: [] }, { communeIds: 'communesRequired' }],
    ['an administrator with a commune', { role: 'ADMIN' }, { communeIds: 'communesNotAllowed' }],
    ['a provincial officer with a commune', { role: 'PROVINCE_OFFICER' }, { communeIds: 'communesNotAllowed' }],
    ['a commune id that is not an id', { communeIds: ['16681'] }, { communeIds: 'communeUnknown' }],
    ['a commune that does not exist', { communeIds: ['0196d2a4-0000-7000-8000-000000000000'] }, { communeIds: 'communeUnknown' }],
    ['an invalid phone', { phone: '12345' }, { phone: 'phoneInvalid' }],
    ['an invalid e-mail', { email: 'khong-phai-email' }, { email: 'emailInvalid' }],
  ])('refuses %s and stores nothing', async (_name, overrides, expected) => {
    const before = await snapshotTables()
    const error = await failure(createStaffAccount(client, { actor: admin, input: clerkInput({ username: 'canbo.khac', ...overrides }), meta }))
    expect(error.code).toBe('INVALID_INPUT')
    for (const [field, code] of Object.entries(expected)) expect(error.fieldErrors?.[field]).toContain(code)
    expect(await snapshotTables()).toEqual(before)
  })

  it('reports every problem at once, cross-field rules included', async () => {
    const error = await failure(
      createStaffAccount(client, { actor: admin, input: clerkInput({ username: 'ab', phone: '123', communeIds: [], password: 'ngan', passwordConfirm: 'ngan' }), meta }),
    )
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['communeIds', 'password', 'phone', 'username'])
    expect(error.fieldErrors?.communeIds).toEqual(['communesRequired'])
  })

  it('refuses an inactive commune', async () => {
    const inactive = await client.commune.findUniqueOrThrow({ where: { code: '99999' }, select: { id: true } })
    const error = await failure(createStaffAccount(client, { actor: admin, input: clerkInput({ username: 'canbo.cu', communeIds: [inactive.id] }), meta }))
    expect(error.fieldErrors).toEqual({ communeIds: ['communeUnknown'] })
  })

  it('refuses a username already taken (whatever its case), with the field at fault, and stores nothing', async () => {
    const before = await snapshotTables()
    const error = await failure(createStaffAccount(client, { actor: admin, input: clerkInput({ username: 'CANBO.THANHVINH' }), meta }))
    expect(error.code).toBe('ALREADY_EXISTS')
    expect(error.fieldErrors).toEqual({ username: ['usernameTaken'] })
    expect(await snapshotTables()).toEqual(before)
  })

  it('refuses a phone number another account uses', async () => {
    const error = await failure(createStaffAccount(client, { actor: admin, input: clerkInput({ username: 'canbo.trungso', phone: '+84912000111' }), meta }))
    expect(error.code).toBe('ALREADY_EXISTS')
    expect(error.fieldErrors).toEqual({ phone: ['phoneTaken'] })
  })
})

describe('updating a staff account', () => {
  it('changes role, communes, name and contact, recording only what changed', async () => {
    const { id } = await createStaffAccount(client, { actor: admin, input: clerkInput({ username: 'canbo.doivaitro' }), meta })
    const result = await updateStaffAccount(client, {
      actor: admin,
      input: { userId: id, fullName: 'Nguyễn Thị Mới', role: 'SPECIALIST', communeIds: [communes.thanhVinh.id, communes.cuaLo.id], phone: '', email: 'moi@example.vn' },
      meta,
    })
    expect(result).toEqual({ id, changed: true })
    const user = await client.user.findUniqueOrThrow({ where: { id }, select: { role: true, email: true, communes: { select: { communeId: true } } } })
    expect(user.role).toBe('SPECIALIST')
    expect(user.email).toBe('moi@example.vn')
    expect(user.communes.map((link) => link.communeId).sort()).toEqual([communes.thanhVinh.id, communes.cuaLo.id].sort())

    const audit = await lastAudit()
    expect(audit).toMatchObject({ actorId: admin.userId, action: 'staff.update', entityType: 'User', entityId: id })
    expect(audit.data).toEqual({
      username: 'canbo.doivaitro',
      before: { role: 'CLERK', communes: ['Phường Thành Vinh (16681)'], email: null },
      after: { role: 'SPECIALIST', communes: ['Phường Thành Vinh (16681)', 'Phường Cửa Lò (16732)'], email: 'moi@example.vn' },
    })
  })

  it('writes nothing when nothing changed', async () => {
    const { id } = await createStaffAccount(client, { actor: admin, input: clerkInput({ username: 'canbo.giunguyen' }), meta })
    const auditBefore = await client.auditLog.count()
    const result = await updateStaffAccount(client, {
      actor: admin,
      input: { userId: id, fullName: ' Nguyễn  Thị Mới ', role: 'CLERK', communeIds: [communes.thanhVinh.id], phone: '', email: '' },
      meta,
    })
    expect(result.changed).toBe(false)
    expect(await client.auditLog.count()).toBe(auditBefore)
  })

  it('turning a clerk into a provincial officer removes the communes and sets the province', async () => {
    const { id } = await createStaffAccount(client, { actor: admin, input: clerkInput({ username: 'canbo.lentinh' }), meta })
    await updateStaffAccount(client, { actor: admin, input: { userId: id, fullName: 'Nguyễn Thị Mới', role: 'PROVINCE_OFFICER', communeIds: [] }, meta })
    const user = await client.user.findUniqueOrThrow({ where: { id }, select: { role: true, provinceId: true, communes: true } })
    expect(user).toEqual({ role: 'PROVINCE_OFFICER', provinceId, communes: [] })
    const actor = await loadActor(client, id, 0)
    expect(actor).toMatchObject({ role: 'PROVINCE_OFFICER', provinceId, communeIds: [] })
  })

  it('refuses invalid input and stores nothing', async () => {
    const { id } = await createStaffAccount(client, { actor: admin, input: clerkInput({ username: 'canbo.saidulieu' }), meta })
    const before = await snapshotTables()
    const error = await failure(updateStaffAccount(client, { actor: admin, input: { userId: id, fullName: '', role: 'LEADER', communeIds: [] }, meta }))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.fieldErrors?.fullName).toContain('fullNameRequired')
    expect(error.fieldErrors?.communeIds).toContain('communesRequired')
    expect(await snapshotTables()).toEqual(before)
  })

  it('an administrator cannot demote themselves', async () => {
    const before = await snapshotTables()
    const error = await failure(
      updateStaffAccount(client, { actor: admin, input: { userId: admin.userId, fullName: 'Quản trị', role: 'CLERK', communeIds: [communes.thanhVinh.id] }, meta }),
    )
    expect(error.code).toBe('FORBIDDEN')
    expect(error.fieldErrors).toEqual({ role: ['selfDemote'] })
    expect(await snapshotTables()).toEqual(before)
    // …but may correct their own name.
    const renamed = await updateStaffAccount(client, { actor: admin, input: { userId: admin.userId, fullName: 'Quản trị viên', role: 'ADMIN', communeIds: [] }, meta })
    expect(renamed.changed).toBe(true)
  })

  it('does not find a citizen or an unknown account', async () => {
    for (const userId of [citizenActor.userId, '0196d2a4-0000-7000-8000-000000000000', 'not-an-id']) {
      const error = await failure(updateStaffAccount(client, { actor: admin, input: { userId, fullName: 'X Y', role: 'ADMIN', communeIds: [] }, meta }))
      expect(error.code).toBe('NOT_FOUND')
      expect((await failure(getStaffAccount(client, { actor: admin, userId }))).code).toBe('NOT_FOUND')
    }
  })
})

describe('disabling and enabling a staff account', () => {
  it('disabling ends every session at once and refuses sign-in; enabling lets the person back in', async () => {
    const { id } = await createStaffAccount(client, { actor: admin, input: clerkInput({ username: 'canbo.tamkhoa' }), meta })
    expect(await loadActor(client, id, 0)).not.toBeNull()
    const now = new Date('2026-11-24T03:00:00Z')

    expect(await setStaffAccountEnabled(client, { actor: admin, input: { userId: id, enabled: false }, meta, now })).toEqual({ id, enabled: false, changed: true })
    const disabled = await client.user.findUniqueOrThrow({ where: { id }, select: { disabledAt: true, sessionVersion: true } })
    expect(disabled).toEqual({ disabledAt: now, sessionVersion: 1 })
    expect(await loadActor(client, id, 0)).toBeNull()
    expect((await failure(signInWithPassword(client, { input: { identifier: 'canbo.tamkhoa', password: PASSWORD }, meta }))).code).toBe('INVALID_CREDENTIALS')
    expect(await lastAudit()).toMatchObject({
      actorId: admin.userId,
      actorRole: 'ADMIN',
      action: 'staff.disable',
      entityType: 'User',
      entityId: id,
      data: { username: 'canbo.tamkhoa', before: { status: 'ACTIVE' }, after: { status: 'DISABLED' }, sessionsEnded: true, sessionVersion: 1 },
    })

    // Asking again changes nothing and records nothing.
    const auditCount = await client.auditLog.count()
    expect((await setStaffAccountEnabled(client, { actor: admin, input: { userId: id, enabled: false }, meta })).changed).toBe(false)
    expect(await client.auditLog.count()).toBe(auditCount)

    await setStaffAccountEnabled(client, { actor: admin, input: { userId: id, enabled: true }, meta })
    const enabled = await client.user.findUniqueOrThrow({ where: { id }, select: { disabledAt: true, sessionVersion: true } })
    // The old sessions stay ended: the version is not lowered again.
    expect(enabled).toEqual({ disabledAt: null, sessionVersion: 1 })
    expect(await loadActor(client, id, 0)).toBeNull()
    expect(await loadActor(client, id, 1)).not.toBeNull()
    expect(await lastAudit()).toMatchObject({ action: 'staff.enable', entityId: id, data: { before: { status: 'DISABLED' }, after: { status: 'ACTIVE' } } })
    expect((await signInWithPassword(client, { input: { identifier: 'canbo.tamkhoa', password: PASSWORD }, meta })).sessionVersion).toBe(1)
  })

  it('an administrator cannot disable themselves', async () => {
    const before = await snapshotTables()
    const error = await failure(setStaffAccountEnabled(client, { actor: admin, input: { userId: admin.userId, enabled: false }, meta }))
    expect(error.code).toBe('FORBIDDEN')
    expect(error.fieldErrors).toEqual({ _form: ['selfDisable'] })
    expect(await snapshotTables()).toEqual(before)
  })

  it('refuses a request that is not a yes or no', async () => {
    const { id } = await createStaffAccount(client, { actor: admin, input: clerkInput({ username: 'canbo.khongro' }), meta })
    expect((await failure(setStaffAccountEnabled(client, { actor: admin, input: { userId: id, enabled: 'false' }, meta }))).code).toBe('INVALID_INPUT')
  })
})

describe('resetting a staff password', () => {
  it('sets the temporary password, ends the sessions, and never records the password', async () => {
    const { id } = await createStaffAccount(client, { actor: admin, input: clerkInput({ username: 'canbo.quenmk' }), meta })
    await client.user.update({ where: { id }, data: { lockedUntil: new Date('2030-01-01T00:00:00Z') } })
    const temporary = 'MoiCap2026abc'
    await resetStaffPassword(client, { actor: admin, input: { userId: id, password: temporary, passwordConfirm: temporary }, meta })

    const user = await client.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, sessionVersion: true, lockedUntil: true } })
    expect(await verifyPassword(temporary, user.passwordHash!)).toBe(true)
    expect(await verifyPassword(PASSWORD, user.passwordHash!)).toBe(false)
    expect(user.sessionVersion).toBe(1)
    expect(user.lockedUntil).toBeNull()
    expect(await loadActor(client, id, 0)).toBeNull()

    const audit = await lastAudit()
    expect(audit).toMatchObject({ actorId: admin.userId, action: 'staff.resetPassword', entityType: 'User', entityId: id, data: { username: 'canbo.quenmk', sessionsEnded: true } })
    expect(JSON.stringify(audit.data)).not.toContain(temporary)
    expect(JSON.stringify(audit.data)).not.toContain('scrypt')
  })

  it('refuses a weak or mistyped password and stores nothing', async () => {
    const { id } = await createStaffAccount(client, { actor: admin, input: clerkInput({ username: 'canbo.matkhauyeu' }), meta })
    const before = await snapshotTables()
    const weak = await failure(resetStaffPassword(client, { actor: admin, input: { userId: id, password: 'ngan1', passwordConfirm: 'ngan1' }, meta }))
    expect(weak.fieldErrors?.password).toContain('passwordTooShort')
    const mistyped = await failure(resetStaffPassword(client, { actor: admin, input: { userId: id, password: 'MoiCap2026abc', passwordConfirm: 'MoiCap2026abd' }, meta }))
    expect(mistyped.fieldErrors).toEqual({ passwordConfirm: ['passwordMismatch'] })
    expect(await snapshotTables()).toEqual(before)
  })

  it('an administrator changes their own password elsewhere', async () => {
    const error = await failure(resetStaffPassword(client, { actor: admin, input: { userId: admin.userId, password: 'MoiCap2026abc', passwordConfirm: 'MoiCap2026abc' }, meta }))
    expect(error.code).toBe('FORBIDDEN')
  })
})

describe('only administrators manage staff', () => {
  it.each([
    ['a clerk', () => clerkActor],
    // The same person's commune, with the other commune roles: none of them administers accounts.
    ['a specialist', (): Actor => ({ ...clerkActor, role: 'SPECIALIST' })],
    ['a leader', (): Actor => ({ ...clerkActor, role: 'LEADER' })],
    ['a provincial officer', () => officerActor],
    ['a citizen', () => citizenActor],
  ])('%s is refused everything, and nothing changes', async (_name, actorOf) => {
    const actor = actorOf()
    const target = (await client.user.findUniqueOrThrow({ where: { username: 'canbo.thanhvinh' }, select: { id: true } })).id
    const before = await snapshotTables()
    const calls: Promise<unknown>[] = [
      createStaffAccount(client, { actor, input: clerkInput({ username: 'canbo.trai.phep' }), meta }),
      updateStaffAccount(client, { actor, input: { userId: target, fullName: 'Đổi tên', role: 'ADMIN', communeIds: [] }, meta }),
      setStaffAccountEnabled(client, { actor, input: { userId: target, enabled: false }, meta }),
      resetStaffPassword(client, { actor, input: { userId: target, password: 'MoiCap2026abc', passwordConfirm: 'MoiCap2026abc' }, meta }),
      listStaff(client, { actor, input: {} }),
      listAuditLog(client, { actor, input: {} }),
      getStaffAccount(client, { actor, userId: target }),
      listCommuneOptions(client, { actor }),
    ]
    for (const call of calls) expect((await failure(call)).code).toBe('FORBIDDEN')
    expect(await snapshotTables()).toEqual(before)
  })
})

describe('listing staff accounts', () => {
  it('lists staff only (never citizens), with counts by role', async () => {
    const list = await listStaff(client, { actor: admin, input: {} })
    expect(list.items.every((item) => item.role !== ('CITIZEN' as string))).toBe(true)
    expect(list.items.some((item) => item.username === 'quantri')).toBe(true)
    expect(list.counts.total).toBe(list.total)
    expect(list.counts.byRole.ADMIN).toBe(1)
    expect(list.counts.byRole.PROVINCE_OFFICER).toBeGreaterThanOrEqual(2)
  })

  it('filters by role, commune, status and accent-insensitive search', async () => {
    const byRole = await listStaff(client, { actor: admin, input: { role: 'LEADER' } })
    expect(byRole.items.map((item) => item.username)).toEqual(['lanhdao.lienxa'])

    const byCommune = await listStaff(client, { actor: admin, input: { communeId: communes.doLuong.id } })
    expect(byCommune.items.map((item) => item.username)).toEqual(['lanhdao.lienxa'])
    expect(byCommune.items[0]!.communes.map((commune) => commune.code).sort()).toEqual(['16732', '17662'])

    const search = await listStaff(client, { actor: admin, input: { query: 'nguyen THI thu ha' } })
    expect(search.items.map((item) => item.username)).toEqual(['canbo.thanhvinh'])
    expect((await listStaff(client, { actor: admin, input: { query: 'thanhvinh' } })).items.map((item) => item.username)).toEqual(['canbo.thanhvinh'])
    expect((await listStaff(client, { actor: admin, input: { query: '100%_' } })).total).toBe(0)
    expect((await listStaff(client, { actor: admin, input: { query: 'Nguyễn Văn An' } })).total).toBe(0)

    const { id } = await createStaffAccount(client, { actor: admin, input: clerkInput({ username: 'canbo.dakhoa' }), meta })
    await setStaffAccountEnabled(client, { actor: admin, input: { userId: id, enabled: false }, meta })
    const disabled = await listStaff(client, { actor: admin, input: { status: 'disabled' } })
    expect(disabled.items.map((item) => item.username)).toContain('canbo.dakhoa')
    expect(disabled.items.every((item) => item.disabledAt !== null)).toBe(true)
    expect(disabled.counts.disabled).toBe(disabled.total)
  })

  it('pages through the list, newest first, and ignores filters that do not parse', async () => {
    for (let index = 0; index < 21; index += 1) {
      await client.user.create({ data: { role: 'CLERK', fullName: `Cán bộ ${index}`, username: `canbo.trang${index}`, communes: { create: { communeId: communes.cuaLo.id } } } })
    }
    const first = await listStaff(client, { actor: admin, input: { role: 'CLERK', communeId: communes.cuaLo.id } })
    expect(first.total).toBe(21)
    expect(first.pageCount).toBe(2)
    expect(first.items).toHaveLength(20)
    expect(first.items[0]!.username).toBe('canbo.trang20')
    const second = await listStaff(client, { actor: admin, input: { role: 'CLERK', communeId: communes.cuaLo.id, page: '2' } })
    expect(second.items.map((item) => item.username)).toEqual(['canbo.trang0'])
    const beyond = await listStaff(client, { actor: admin, input: { role: 'CLERK', communeId: communes.cuaLo.id, page: '99' } })
    expect(beyond.page).toBe(2)

    const junk = await listStaff(client, { actor: admin, input: { role: 'CITIZEN', communeId: 'x', status: 'gone', page: '-3' } })
    expect(junk.filters).toEqual({ query: undefined, role: undefined, communeId: undefined, status: undefined })
    expect(junk.page).toBe(1)
  })
})

describe('the audit log', () => {
  it('shows who did what to whom, newest first, and narrows to one account', async () => {
    const page = await listAuditLog(client, { actor: admin, input: {} })
    expect(page.total).toBeGreaterThan(10)
    const times = page.entries.map((entry) => entry.createdAt.getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
    const first = page.entries[0]!
    expect(first.actor).toMatchObject({ id: admin.userId, username: 'quantri' })

    const target = await client.user.findUniqueOrThrow({ where: { username: 'canbo.tamkhoa' }, select: { id: true } })
    const forOne = await listAuditLog(client, { actor: admin, input: { entityId: target.id } })
    expect(forOne.entries.map((entry) => entry.action)).toEqual(['staff.enable', 'staff.disable', 'staff.create'])
    expect(forOne.entries[0]!.subject).toMatchObject({ id: target.id, username: 'canbo.tamkhoa' })

    const creations = await listAuditLog(client, { actor: admin, input: { action: 'staff.create', page: '2' } })
    expect(creations.entries.every((entry) => entry.action === 'staff.create')).toBe(true)
  })
})
