/**
 * Desk reception on PostgreSQL: a clerk registers a walk-in citizen's dossier and receives it at once —
 * code from the commune's daily counter, 'submit' and 'receive' events, legal clock started, audit rows and
 * the applicant's message in one transaction; refusals store nothing; a repeated form makes one dossier.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { computeDueAt, localDateOf } from '@/domain/calendar/working-days'
import { AppError } from '@/domain/errors'
import { DeadlineSchema } from '@/domain/procedure/deadline'
import type { PrismaClient } from '@/generated/prisma/client'
import { loadActor } from '@/server/auth/load-actor'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import { createPrismaClient } from '@/server/prisma-client'
import { findCitizen } from '@/server/reception/find-citizen'
import { registerDeskDossier } from '@/server/reception/register-desk-dossier'
import { seedDatabase } from '../../prisma/seed'

let client: PrismaClient
const actors = {} as Record<'clerkA' | 'specialistA' | 'leaderA' | 'clerkB' | 'specialistB', Actor>
const communes = {} as Record<'A' | 'B', { id: string; code: string }>
/** Tuesday 24 November 2026, 10:00 in Vietnam (Vietnamese Culture Day in the seeded calendar): the seeded history ends here. */
const NOW = new Date('2026-11-24T03:00:00Z')
/** Wednesday 25 November 2026, 10:00 in Vietnam: a working day. */
const WORKDAY = new Date('2026-11-25T03:00:00Z')
const meta = { ip: '10.1.2.3', userAgent: 'vitest' }
/** Birth registration: default workflow (receive requires an assignee), documents to-khai, giay-to-tuy-than, giay-chung-sinh. */
const BIRTH = '1.001193'
const BIRTH_DOCUMENTS = ['to-khai', 'giay-to-tuy-than', 'giay-chung-sinh']
/** A seeded citizen with an account (README demo accounts). */
const AN = { citizenId: '040085003917', phone: '0912048731', fullName: 'Nguyễn Văn An' }
/** Nobody: a valid Nghệ An ID number (040, male born 1992) that no account or dossier holds. */
const NEWCOMER = { citizenId: '040092731846', phone: '0977123456', fullName: 'Hồ Thị Thu Trang' }

async function actorFor(username: string): Promise<Actor> {
  const user = await client.user.findUniqueOrThrow({ where: { username }, select: { id: true, sessionVersion: true } })
  return (await loadActor(client, user.id, user.sessionVersion))!
}

function form(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    communeId: communes.A.id,
    procedure: BIRTH,
    submissionKey: randomUUID(),
    fullName: NEWCOMER.fullName,
    citizenId: NEWCOMER.citizenId,
    phone: NEWCOMER.phone,
    email: '',
    address: 'Số 12, đường Lê Lợi, khối 3',
    addressCommune: '',
    description: 'Đăng ký khai sinh cho con thứ hai, sinh ngày 15/11/2026 tại Bệnh viện Sản Nhi Nghệ An.',
    notes: '',
    documents: BIRTH_DOCUMENTS,
    assigneeId: actors.specialistA.userId,
    ...overrides,
  }
}

async function refusal(work: Promise<unknown>): Promise<{ code: string; fieldErrors?: Record<string, string[]> } | 'APPLIED'> {
  try {
    await work
    return 'APPLIED'
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) }
    throw error
  }
}

/** Everything a reception writes, to prove a refusal wrote none of it. */
async function footprint() {
  const [dossiers, events, audits, outbox, notes, users, sequences] = await Promise.all([
    client.dossier.count(),
    client.dossierEvent.count(),
    client.auditLog.count(),
    client.outboxMessage.count(),
    client.dossierNote.count(),
    client.user.count(),
    client.dossierCodeSequence.findMany({ orderBy: [{ communeId: 'asc' }, { day: 'asc' }], select: { communeId: true, day: true, lastValue: true } }),
  ])
  return { dossiers, events, audits, outbox, notes, users, sequences }
}

async function lastValue(communeId: string, at: Date): Promise<number> {
  const row = await client.dossierCodeSequence.findUnique({
    where: { communeId_day: { communeId, day: new Date(`${localDateOf(at)}T00:00:00Z`) } },
    select: { lastValue: true },
  })
  return row?.lastValue ?? 0
}

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 1500, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  Object.assign(actors, {
    clerkA: await actorFor('canbo.thanhvinh'),
    specialistA: await actorFor('chuyenvien.thanhvinh'),
    leaderA: await actorFor('lanhdao.thanhvinh'),
    clerkB: await actorFor('canbo.truongvinh'),
    specialistB: await actorFor('chuyenvien.truongvinh'),
  })
  Object.assign(communes, {
    A: await client.commune.findUniqueOrThrow({ where: { code: '16681' }, select: { id: true, code: true } }),
    B: await client.commune.findUniqueOrThrow({ where: { code: '16690' }, select: { id: true, code: true } }),
  })
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
})

describe('a walk-in citizen with an account', () => {
  it('is found by ID number or phone with only what the desk needs', async () => {
    const byId = await findCitizen(client, { actor: actors.clerkA, query: '040 085 003 917' })
    expect(byId).toEqual({
      query: { kind: 'citizenId', value: AN.citizenId },
      match: { fullName: AN.fullName, citizenId: AN.citizenId, maskedPhone: '091****731', hasAccount: true, source: 'ACCOUNT' },
    })
    const byPhone = await findCitizen(client, { actor: actors.clerkA, query: '+84 912 048 731' })
    expect(byPhone.match).toEqual(byId.match)
    expect(await refusal(findCitizen(client, { actor: actors.clerkA, query: 'Nguyễn Văn An' }))).toEqual({ code: 'INVALID_INPUT', fieldErrors: { query: ['INVALID'] } })
  })

  it('gets a received dossier linked to the account, in one go', async () => {
    const before = await lastValue(communes.A.id, NOW)
    const account = await client.user.findFirstOrThrow({ where: { citizenId: AN.citizenId }, select: { id: true } })
    const notes = 'Công dân xin nhận kết quả qua bưu điện.'
    // Phone left blank: the number of the account is used (the clerk only saw it masked).
    const result = await registerDeskDossier(client, {
      actor: actors.clerkA,
      input: form({ fullName: AN.fullName, citizenId: AN.citizenId, phone: '', notes }),
      meta,
      now: NOW,
    })
    expect(result.created).toBe(true)
    expect(result.code).toBe(`16681-261124-${String(before + 1).padStart(4, '0')}`)
    expect(await lastValue(communes.A.id, NOW)).toBe(before + 1)

    const dossier = await client.dossier.findUniqueOrThrow({
      where: { code: result.code },
      include: { procedure: { select: { currentVersionId: true } }, procedureVersion: { select: { deadline: true, feeVnd: true, workflowVersionId: true } } },
    })
    expect(dossier).toMatchObject({
      communeId: communes.A.id,
      applicantId: account.id,
      applicantName: AN.fullName,
      applicantCitizenId: AN.citizenId,
      applicantPhone: AN.phone,
      channel: 'DESK',
      state: 'PROCESSING',
      currentStep: 'processing',
      assigneeId: actors.specialistA.userId,
      receivedById: actors.clerkA.userId,
      submittedAt: NOW,
      receivedAt: NOW,
      version: 1,
      feeVnd: dossier.procedureVersion.feeVnd ?? 0,
    })
    // Bound to the procedure's current version and that version's workflow.
    expect(dossier.procedureVersionId).toBe(dossier.procedure.currentVersionId)
    expect(dossier.workflowVersionId).toBe(dossier.procedureVersion.workflowVersionId)
    expect(dossier.submissionKey).toMatch(new RegExp(`^desk:${actors.clerkA.userId}:`))
    // The legal clock started at receipt.
    const calendar = await loadWorkingCalendar(client, NOW)
    expect(dossier.dueAt).toEqual(computeDueAt(NOW, DeadlineSchema.parse(dossier.procedureVersion.deadline), calendar))
    expect(dossier.formData).toMatchObject({
      hoTenNguoiYeuCau: AN.fullName,
      soDinhDanh: AN.citizenId,
      soDienThoai: AN.phone,
      noiCuTru: { line: 'Số 12, đường Lê Lợi, khối 3', communeCode: '16681' },
      giayToDaNhan: BIRTH_DOCUMENTS,
    })

    const events = await client.dossierEvent.findMany({ where: { dossierId: dossier.id }, orderBy: { id: 'asc' } })
    expect(events.map((event) => [event.action, event.fromState, event.toState, event.fromStep, event.toStep, event.actorId, event.actorRole])).toEqual([
      ['submit', null, 'SUBMITTED', null, 'reception', actors.clerkA.userId, 'CLERK'],
      ['receive', 'SUBMITTED', 'PROCESSING', 'reception', 'processing', actors.clerkA.userId, 'CLERK'],
    ])
    expect(events[0]?.data).toEqual({ channel: 'DESK' })
    expect(events[1]?.dueAt).toEqual(dossier.dueAt)
    expect(events[1]?.data).toMatchObject({ clock: 'START', assigneeId: actors.specialistA.userId })

    const audits = await client.auditLog.findMany({ where: { entityId: dossier.id }, orderBy: { id: 'asc' }, select: { action: true, actorId: true, communeId: true, ip: true } })
    expect(audits).toEqual([
      { action: 'dossier.submit', actorId: actors.clerkA.userId, communeId: communes.A.id, ip: meta.ip },
      { action: 'dossier.receive', actorId: actors.clerkA.userId, communeId: communes.A.id, ip: meta.ip },
    ])
    const messages = await client.outboxMessage.findMany({ where: { dossierId: dossier.id } })
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ channel: 'SMS', recipient: AN.phone, userId: account.id, template: 'dossier-status', payload: { code: result.code, action: 'receive', state: 'PROCESSING' } })
    // The clerk's note is private (a staff note), not part of the dossier's public data.
    expect(await client.dossierNote.findMany({ where: { dossierId: dossier.id }, select: { body: true, authorId: true } })).toEqual([{ body: notes, authorId: actors.clerkA.userId }])
    expect(JSON.stringify(dossier.formData)).not.toContain(notes)
    // The citizen sees it among their dossiers.
    expect(await client.dossier.count({ where: { applicantId: account.id, code: result.code } })).toBe(1)
  })
})

describe('a walk-in citizen without an account', () => {
  it('is not found, gets a dossier with the applicant recorded on it, and no account is made for them', async () => {
    expect((await findCitizen(client, { actor: actors.clerkA, query: NEWCOMER.citizenId })).match).toBeNull()
    const users = await client.user.count()
    const before = await lastValue(communes.A.id, NOW)
    const result = await registerDeskDossier(client, { actor: actors.clerkA, input: form({ email: 'trang.ho@example.vn', addressCommune: '16690' }), meta, now: NOW })
    expect(result.code).toBe(`16681-261124-${String(before + 1).padStart(4, '0')}`)
    expect(await client.user.count()).toBe(users)
    const dossier = await client.dossier.findUniqueOrThrow({ where: { code: result.code } })
    expect(dossier).toMatchObject({
      applicantId: null,
      applicantName: NEWCOMER.fullName,
      applicantCitizenId: NEWCOMER.citizenId,
      applicantPhone: NEWCOMER.phone,
      applicantEmail: 'trang.ho@example.vn',
      state: 'PROCESSING',
      dueAt: result.dueAt,
    })
    expect(dossier.formData).toMatchObject({ noiCuTru: { communeCode: '16690' } })
    expect(await client.dossierEvent.count({ where: { dossierId: dossier.id } })).toBe(2)
    expect(await client.outboxMessage.count({ where: { dossierId: dossier.id, recipient: NEWCOMER.phone, userId: null } })).toBe(1)
  })

  it('is recognised on the next visit from the earlier dossier, and the known phone is reused', async () => {
    const lookup = await findCitizen(client, { actor: actors.clerkA, query: NEWCOMER.citizenId })
    expect(lookup.match).toEqual({ fullName: NEWCOMER.fullName, citizenId: NEWCOMER.citizenId, maskedPhone: '097****456', hasAccount: false, source: 'DOSSIER' })
    // Another commune's clerk does not see this commune's applicants.
    expect((await findCitizen(client, { actor: actors.clerkB, query: NEWCOMER.citizenId })).match).toBeNull()
    const result = await registerDeskDossier(client, { actor: actors.clerkA, input: form({ phone: '' }), meta, now: NOW })
    expect((await client.dossier.findUniqueOrThrow({ where: { code: result.code } })).applicantPhone).toBe(NEWCOMER.phone)
  })
})

describe('dossier codes', () => {
  it('count per commune and per local day', async () => {
    const a = await registerDeskDossier(client, { actor: actors.clerkA, input: form(), meta, now: NOW })
    const a2 = await registerDeskDossier(client, { actor: actors.clerkA, input: form(), meta, now: NOW })
    expect(Number(a2.code.slice(-4))).toBe(Number(a.code.slice(-4)) + 1)
    // Commune B has its own counter.
    const bBefore = await lastValue(communes.B.id, NOW)
    const b = await registerDeskDossier(client, { actor: actors.clerkB, input: form({ communeId: communes.B.id, assigneeId: actors.specialistB.userId }), meta, now: NOW })
    expect(b.code).toBe(`16690-261124-${String(bBefore + 1).padStart(4, '0')}`)
    // 23:30 on 24 Nov in UTC is already 25 Nov in Vietnam: a new day, a new counter from 0001.
    const nextDay = new Date('2026-11-24T23:30:00Z')
    const c = await registerDeskDossier(client, { actor: actors.clerkA, input: form(), meta, now: nextDay })
    expect(c.code).toBe('16681-261125-0001')
    const c2 = await registerDeskDossier(client, { actor: actors.clerkA, input: form(), meta, now: nextDay })
    expect(c2.code).toBe('16681-261125-0002')
  })

  it('continue after the codes already given that day', async () => {
    // A day of the seeded history: its counter row exists, the next code follows it.
    const seeded = await client.dossierCodeSequence.findFirstOrThrow({ where: { communeId: communes.A.id }, orderBy: { lastValue: 'desc' } })
    const at = new Date(`${seeded.day.toISOString().slice(0, 10)}T03:00:00Z`)
    const result = await registerDeskDossier(client, { actor: actors.clerkA, input: form(), meta, now: at })
    expect(result.code).toBe(`16681-${seeded.day.toISOString().slice(2, 10).replaceAll('-', '')}-${String(seeded.lastValue + 1).padStart(4, '0')}`)
    expect(await client.dossier.count({ where: { code: result.code } })).toBe(1)
  })

  it('never repeat when clerks register at the same instant', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => registerDeskDossier(client, { actor: actors.clerkA, input: form(), meta, now: NOW })))
    const numbers = results.map((result) => Number(result.code.slice(-4))).sort((x, y) => x - y)
    expect(new Set(numbers).size).toBe(5)
    expect(numbers[4]! - numbers[0]!).toBe(4)
  })
})

describe('the same form submitted twice', () => {
  it('makes one dossier, one after the other or at the same time', async () => {
    const key = randomUUID()
    const first = await registerDeskDossier(client, { actor: actors.clerkA, input: form({ submissionKey: key }), meta, now: NOW })
    const again = await registerDeskDossier(client, { actor: actors.clerkA, input: form({ submissionKey: key }), meta, now: new Date(NOW.getTime() + 5000) })
    expect(again).toEqual({ code: first.code, dueAt: first.dueAt, created: false })

    const raced = randomUUID()
    const before = await footprint()
    const results = await Promise.all(Array.from({ length: 3 }, () => registerDeskDossier(client, { actor: actors.clerkA, input: form({ submissionKey: raced }), meta, now: NOW })))
    expect(new Set(results.map((result) => result.code)).size).toBe(1)
    expect(results.filter((result) => result.created)).toHaveLength(1)
    const after = await footprint()
    expect(after.dossiers).toBe(before.dossiers + 1)
    expect(after.events).toBe(before.events + 2)
  })
})

describe('refusals store nothing', () => {
  it.each([
    ['a specialist', 'specialistA', {}, { code: 'FORBIDDEN' }],
    ['a leader', 'leaderA', {}, { code: 'FORBIDDEN' }],
    ['a clerk of another commune', 'clerkB', {}, { code: 'FORBIDDEN' }],
    ['an ID number that is not 12 digits', 'clerkA', { citizenId: '04008500391' }, { code: 'INVALID_INPUT', fieldErrors: { citizenId: ['FORMAT'] } }],
    ['an ID number of no province', 'clerkA', { citizenId: '999085003917' }, { code: 'INVALID_INPUT', fieldErrors: { citizenId: ['PROVINCE'] } }],
    [
      'several bad fields at once',
      'clerkA',
      { fullName: '  ', phone: '12345', address: '', description: '', email: 'not-an-email', documents: [], assigneeId: '' },
      {
        code: 'INVALID_INPUT',
        fieldErrors: { fullName: ['REQUIRED'], phone: ['INVALID'], address: ['REQUIRED'], description: ['REQUIRED'], email: ['INVALID'], documents: ['MISSING_REQUIRED'], assigneeId: ['REQUIRED'] },
      },
    ],
    ['a required document not handed in', 'clerkA', { documents: ['to-khai', 'giay-to-tuy-than'] }, { code: 'INVALID_INPUT', fieldErrors: { documents: ['MISSING_REQUIRED'] } }],
    ['a document of another procedure', 'clerkA', { documents: [...BIRTH_DOCUMENTS, 'giay-bao-tu'] }, { code: 'INVALID_INPUT', fieldErrors: { documents: ['INVALID'] } }],
    ['no specialist chosen', 'clerkA', { assigneeId: '' }, { code: 'INVALID_INPUT', fieldErrors: { assigneeId: ['REQUIRED'] } }],
    ['a specialist of another commune', 'clerkA', { assigneeId: 'SPECIALIST_B' }, { code: 'INVALID_INPUT', fieldErrors: { assigneeId: ['NOT_COMMUNE_STAFF'] } }],
    ['a leader instead of a specialist', 'clerkA', { assigneeId: 'LEADER_A' }, { code: 'INVALID_INPUT', fieldErrors: { assigneeId: ['NOT_COMMUNE_STAFF'] } }],
    ['no phone for someone unknown', 'clerkA', { citizenId: '040190731846', phone: '' }, { code: 'INVALID_INPUT', fieldErrors: { phone: ['REQUIRED'] } }],
    ['an unknown procedure', 'clerkA', { procedure: '9.999999' }, { code: 'INVALID_INPUT', fieldErrors: { procedure: ['NOT_FOUND'] } }],
    ['an unknown commune of residence', 'clerkA', { addressCommune: '99999' }, { code: 'INVALID_INPUT', fieldErrors: { addressCommune: ['INVALID'] } }],
  ] as const)('%s', async (_label, who, overrides, expected) => {
    const input = form(overrides)
    if (input.assigneeId === 'SPECIALIST_B') input.assigneeId = actors.specialistB.userId
    if (input.assigneeId === 'LEADER_A') input.assigneeId = actors.leaderA.userId
    const before = await footprint()
    expect(await refusal(registerDeskDossier(client, { actor: actors[who], input, meta, now: NOW }))).toEqual(expected)
    expect(await footprint()).toEqual(before)
  })

  it('a specialist may not look citizens up either', async () => {
    expect(await refusal(findCitizen(client, { actor: actors.specialistA, query: AN.citizenId }))).toEqual({ code: 'FORBIDDEN' })
  })
})

describe('a same-day procedure', () => {
  it('stays with the desk: no specialist needed, due the same working day', async () => {
    const procedure = await client.procedure.findFirstOrThrow({
      where: { currentVersion: { is: { workflowVersion: { definition: { key: 'same-day' } } } } },
      select: { slug: true, currentVersion: { select: { requiredDocuments: true, deadline: true } } },
    })
    const documents = (procedure.currentVersion!.requiredDocuments as { key: string; required: boolean }[]).filter((document) => document.required).map((document) => document.key)
    const result = await registerDeskDossier(client, { actor: actors.clerkA, input: form({ procedure: procedure.slug, documents, assigneeId: '' }), meta, now: WORKDAY })
    const dossier = await client.dossier.findUniqueOrThrow({ where: { code: result.code }, select: { state: true, assigneeId: true, dueAt: true } })
    expect(dossier.state).toBe('PROCESSING')
    expect(dossier.assigneeId).toBeNull()
    // Received at 10:00 on a working day, before the 15:00 cut-off: due at closing time the same day.
    expect(dossier.dueAt).toEqual(new Date('2026-11-25T10:00:00Z'))
  })
})
