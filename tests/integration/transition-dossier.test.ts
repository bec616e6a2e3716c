/**
 * Workflow transitions through the service layer on PostgreSQL: each one a single transaction writing the
 * dossier (optimistic lock), its history, the audit row and the applicant's notification.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { isWorkingDay, localDateOf } from '@/domain/calendar/working-days'
import { AppError } from '@/domain/errors'
import type { PrismaClient } from '@/generated/prisma/client'
import { loadActor } from '@/server/auth/load-actor'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import { transitionDossier, type UploadedFile } from '@/server/dossier/transition-dossier'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'
import { actorOf, submittedDossier as newSubmittedDossier } from '../support/dossiers'

let client: PrismaClient
const actors = {} as Record<'clerkA' | 'specialistA' | 'leaderA' | 'clerkB' | 'officer', Actor>
const NOW = new Date('2026-11-24T03:00:00Z')
const meta = { ip: '10.1.2.3', userAgent: 'vitest' }

/** A new online dossier of commune A waiting for reception, under a procedure of the default workflow. */
const submittedDossier = () => newSubmittedDossier(client, { submittedAt: NOW })

async function refusal(work: Promise<unknown>): Promise<{ code: string; fieldErrors?: Record<string, string[]> } | 'APPLIED'> {
  try {
    await work
    return 'APPLIED'
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) }
    throw error
  }
}

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 1500, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  Object.assign(actors, {
    clerkA: await actorOf(client, 'canbo.thanhvinh'),
    specialistA: await actorOf(client, 'chuyenvien.thanhvinh'),
    leaderA: await actorOf(client, 'lanhdao.thanhvinh'),
    clerkB: await actorOf(client, 'canbo.truongvinh'),
    officer: await actorOf(client, 'tinh.nghean'),
  })
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
})

describe('a dossier through the default workflow', () => {
  it('receive → supplement round trip → forward → approve → return, each step one transaction', async () => {
    const dossier = await submittedDossier()
    const eventsBefore = await client.dossierEvent.count({ where: { dossierId: dossier.id } })
    const calendar = await loadWorkingCalendar(client, NOW)
    let version = dossier.version
    const step = async (who: keyof typeof actors, action: string, extra: Record<string, unknown> = {}, at = NOW, uploads: UploadedFile[] = []) => {
      const result = await transitionDossier(client, { actor: actors[who], input: { dossierRef: dossier.code, action, expectedVersion: version, ...extra }, uploads, meta, now: at })
      expect(result.version).toBe(version + 1)
      version = result.version
      return result
    }

    const received = await step('clerkA', 'receive', { assigneeId: actors.specialistA.userId })
    expect(received).toMatchObject({ state: 'PROCESSING', currentStep: 'processing' })
    expect(received.dueAt && isWorkingDay(localDateOf(received.dueAt), calendar)).toBe(true)

    const paused = await step(
      'specialistA',
      'request_supplement',
      { reason: 'Thiếu giấy tờ', supplementItems: [{ label: 'Bản sao giấy chứng sinh', note: 'có chứng thực' }, { label: 'Tờ khai ký đủ' }] },
      new Date('2026-11-25T02:00:00Z'),
    )
    expect(paused.state).toBe('AWAITING_SUPPLEMENT')
    const request = await client.supplementRequest.findFirstOrThrow({ where: { dossierId: dossier.id }, select: { items: true, reason: true, requestedById: true, respondedAt: true } })
    expect(request).toEqual({
      items: [{ key: 'item-1', label: 'Bản sao giấy chứng sinh', note: 'có chứng thực' }, { key: 'item-2', label: 'Tờ khai ký đủ' }],
      reason: 'Thiếu giấy tờ',
      requestedById: actors.specialistA.userId,
      respondedAt: null,
    })
    // The desk takes the missing papers in person: the scans answer item 1.
    const scan = { storageKey: `test/${randomUUID()}`, fileName: 'Giấy chứng sinh.pdf', mimeType: 'application/pdf', sizeBytes: 1234, sha256: 'a'.repeat(64), documentKey: 'item-1' }
    const resumed = await step('clerkA', 'supply', { reason: 'Đã nộp bổ sung tại quầy' }, new Date('2026-11-27T02:00:00Z'), [scan])
    expect(resumed.state).toBe('PROCESSING')
    // Back with the specialist who asked for the supplement.
    expect((await client.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { assigneeId: true } })).assigneeId).toBe(actors.specialistA.userId)
    const answered = await client.supplementRequest.findFirstOrThrow({ where: { dossierId: dossier.id }, select: { items: true, respondedAt: true, responseNote: true } })
    const stored = await client.attachment.findFirstOrThrow({ where: { dossierId: dossier.id }, select: { id: true, kind: true, fileName: true, uploadedById: true } })
    expect(stored).toMatchObject({ kind: 'SUPPLEMENT', fileName: 'Giấy chứng sinh.pdf', uploadedById: actors.clerkA.userId })
    expect(answered).toEqual({
      items: [{ key: 'item-1', label: 'Bản sao giấy chứng sinh', note: 'có chứng thực', answeredAttachmentIds: [stored.id] }, { key: 'item-2', label: 'Tờ khai ký đủ' }],
      respondedAt: new Date('2026-11-27T02:00:00Z'),
      responseNote: 'Đã nộp bổ sung tại quầy',
    })
    // The clock paused for the supplement: the appointment moves later, never earlier.
    expect(resumed.dueAt!.getTime()).toBeGreaterThanOrEqual(received.dueAt!.getTime())

    await step('specialistA', 'forward', {}, new Date('2026-11-27T03:00:00Z'))
    await step('leaderA', 'approve', {}, new Date('2026-11-27T04:00:00Z'))
    const returned = await step('clerkA', 'return_result', {}, new Date('2026-11-27T05:00:00Z'))
    expect(returned.state).toBe('RETURNED')

    const final = await client.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { state: true, version: true, completedAt: true, outcome: true, receivedById: true, clockPausedAt: true } })
    expect(final).toMatchObject({ state: 'RETURNED', version, receivedById: actors.clerkA.userId, clockPausedAt: null })
    expect(final.completedAt).not.toBeNull()
    expect(final.outcome).not.toBeNull()

    const events = await client.dossierEvent.findMany({ where: { dossierId: dossier.id }, orderBy: { id: 'asc' }, select: { action: true, actorId: true, isPublic: true } })
    expect(events.length - eventsBefore).toBe(6)
    expect(events.slice(eventsBefore).map((event) => event.action)).toEqual(['receive', 'request_supplement', 'supply', 'forward', 'approve', 'return_result'])
    expect(events.find((event) => event.action === 'forward')?.isPublic).toBe(false)
    const audits = await client.auditLog.count({ where: { entityId: dossier.id, action: { startsWith: 'dossier.' } } })
    expect(audits).toBe(6)
    const messages = await client.outboxMessage.findMany({ where: { dossierId: dossier.id }, select: { template: true, payload: true } })
    // One message per public event (forward is internal).
    expect(messages).toHaveLength(5)
    expect(messages.every((message) => message.template === 'dossier-status')).toBe(true)
  })
})

describe('refusals change nothing', () => {
  it.each([
    ['a role the step does not allow', 'specialistA', { action: 'receive', assigneeId: 'SPECIALIST' }, 'FORBIDDEN'],
    ['a missing reason', 'clerkA', { action: 'refuse' }, 'INVALID_INPUT'],
    ['an action not allowed at this step', 'clerkA', { action: 'return_result' }, 'INVALID_TRANSITION'],
    ['a clerk of another commune', 'clerkB', { action: 'refuse', reason: 'x' }, 'NOT_FOUND'],
    ['a provincial officer (read-only)', 'officer', { action: 'refuse', reason: 'x' }, 'FORBIDDEN'],
    ['an assignee from another commune', 'clerkA', { action: 'receive', assigneeId: 'CLERK_B' }, 'INVALID_INPUT'],
  ] as const)('%s → %s', async (_label, who, extra, expected) => {
    const dossier = await submittedDossier()
    const before = await client.dossier.findUniqueOrThrow({ where: { id: dossier.id } })
    const eventsBefore = await client.dossierEvent.count({ where: { dossierId: dossier.id } })
    const input: Record<string, unknown> = { dossierRef: dossier.code, expectedVersion: dossier.version, ...extra }
    if (input.assigneeId === 'SPECIALIST') input.assigneeId = actors.specialistA.userId
    if (input.assigneeId === 'CLERK_B') input.assigneeId = actors.clerkB.userId
    const result = await refusal(transitionDossier(client, { actor: actors[who], input, meta, now: NOW }))
    expect(result).toMatchObject({ code: expected })
    if (expected === 'INVALID_INPUT' && extra.action === 'refuse') expect(result).toMatchObject({ fieldErrors: { reason: ['REQUIRED'] } })
    expect(await client.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).toEqual(before)
    expect(await client.dossierEvent.count({ where: { dossierId: dossier.id } })).toBe(eventsBefore)
  })

  it('a stale version is refused with CONFLICT', async () => {
    const dossier = await submittedDossier()
    const result = await refusal(
      transitionDossier(client, { actor: actors.clerkA, input: { dossierRef: dossier.code, action: 'refuse', reason: 'Hồ sơ không thuộc thẩm quyền', expectedVersion: dossier.version + 7 }, meta, now: NOW }),
    )
    expect(result).toEqual({ code: 'CONFLICT' })
  })
})

describe('refusals after receipt change nothing', () => {
  it.each([
    ['a supplement request without its items', 'specialistA', { action: 'request_supplement', reason: 'Thiếu giấy tờ' }, { code: 'INVALID_INPUT', fieldErrors: { supplementItems: ['REQUIRED'] } }],
    ['a reassignment without the assignee', 'leaderA', { action: 'reassign' }, { code: 'INVALID_INPUT', fieldErrors: { assigneeId: ['REQUIRED'] } }],
    ['sending back for rework before any approval (not from this step)', 'specialistA', { action: 'send_back', reason: 'x' }, { code: 'INVALID_TRANSITION' }],
    ['a clerk forwarding for approval (a specialist\'s action)', 'clerkA', { action: 'forward' }, { code: 'FORBIDDEN' }],
    ['a reassignment to a clerk (not a specialist)', 'leaderA', { action: 'reassign', assigneeId: 'CLERK_A' }, { code: 'INVALID_INPUT', fieldErrors: { assigneeId: ['WRONG_ROLE'] } }],
    ['a stale version', 'specialistA', { action: 'forward', expectedVersion: 0 }, { code: 'CONFLICT' }],
    ['a new appointment years away', 'specialistA', { action: 'reschedule', reason: 'x', newDueDate: '2031-01-06' }, { code: 'INVALID_INPUT' }],
  ] as const)('%s → %s', async (_label, who, extra, expected) => {
    const dossier = await submittedDossier()
    const received = await transitionDossier(client, { actor: actors.clerkA, input: { dossierRef: dossier.code, action: 'receive', assigneeId: actors.specialistA.userId, expectedVersion: 0 }, meta, now: NOW })
    const before = await client.dossier.findUniqueOrThrow({ where: { id: dossier.id } })
    const eventsBefore = await client.dossierEvent.count({ where: { dossierId: dossier.id } })
    const input: Record<string, unknown> = { dossierRef: dossier.code, expectedVersion: received.version, ...extra }
    if (input.assigneeId === 'CLERK_A') input.assigneeId = actors.clerkA.userId
    expect(await refusal(transitionDossier(client, { actor: actors[who], input, meta, now: NOW }))).toMatchObject(expected)
    expect(await client.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).toEqual(before)
    expect(await client.dossierEvent.count({ where: { dossierId: dossier.id } })).toBe(eventsBefore)
    expect(await client.supplementRequest.count({ where: { dossierId: dossier.id } })).toBe(0)
  })
})

describe('two staff acting on the same dossier at once', () => {
  it('exactly one wins; the other gets CONFLICT and nothing of it is applied', async () => {
    const dossier = await submittedDossier()
    const eventsBefore = await client.dossierEvent.count({ where: { dossierId: dossier.id } })
    const attempts = await Promise.all([
      refusal(transitionDossier(client, { actor: actors.clerkA, input: { dossierRef: dossier.code, action: 'receive', assigneeId: actors.specialistA.userId, expectedVersion: dossier.version }, meta, now: NOW })),
      refusal(transitionDossier(client, { actor: actors.clerkA, input: { dossierRef: dossier.code, action: 'refuse', reason: 'Không đủ điều kiện', expectedVersion: dossier.version }, meta, now: NOW })),
      refusal(transitionDossier(client, { actor: actors.clerkA, input: { dossierRef: dossier.code, action: 'refuse', reason: 'Trùng hồ sơ', expectedVersion: dossier.version }, meta, now: NOW })),
    ])
    expect(attempts.filter((attempt) => attempt === 'APPLIED')).toHaveLength(1)
    expect(attempts.filter((attempt) => attempt !== 'APPLIED')).toEqual([{ code: 'CONFLICT' }, { code: 'CONFLICT' }])
    expect(await client.dossierEvent.count({ where: { dossierId: dossier.id } })).toBe(eventsBefore + 1)
    const stored = await client.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { version: true } })
    expect(stored.version).toBe(dossier.version + 1)
  })
})

describe('the applicant, specialists and new appointments', () => {
  async function receivedDossier(applicantId: string | null = null) {
    const dossier = await submittedDossier()
    if (applicantId) await client.dossier.update({ where: { id: dossier.id }, data: { applicantId } })
    const received = await transitionDossier(client, { actor: actors.clerkA, input: { dossierRef: dossier.code, action: 'receive', assigneeId: actors.specialistA.userId, expectedVersion: 0 }, meta, now: NOW })
    return { ...dossier, version: received.version, dueAt: received.dueAt! }
  }

  it('the applicant answers a supplement request and may withdraw; another citizen cannot even see the dossier', async () => {
    const citizen = await client.user.findFirstOrThrow({ where: { role: 'CITIZEN', username: null }, select: { id: true, sessionVersion: true } })
    const owner = (await loadActor(client, citizen.id, citizen.sessionVersion))!
    const stranger = await client.user.findFirstOrThrow({ where: { role: 'CITIZEN', id: { not: citizen.id } }, select: { id: true, sessionVersion: true } })
    const other = (await loadActor(client, stranger.id, stranger.sessionVersion))!
    const dossier = await receivedDossier(owner.userId)
    const paused = await transitionDossier(client, {
      actor: actors.specialistA,
      input: { dossierRef: dossier.code, action: 'request_supplement', reason: 'Thiếu giấy tờ', supplementItems: [{ label: 'Bản sao sổ hộ khẩu' }], expectedVersion: dossier.version },
      meta,
      now: new Date('2026-11-25T02:00:00Z'),
    })
    const supply = { dossierRef: dossier.code, action: 'supply', expectedVersion: paused.version }
    const file = { storageKey: `test/${randomUUID()}`, fileName: 'so-ho-khau.png', mimeType: 'image/png', sizeBytes: 99, sha256: 'b'.repeat(64), documentKey: 'item-1' }
    expect(await refusal(transitionDossier(client, { actor: other, input: supply, uploads: [file], meta, now: new Date('2026-11-26T02:00:00Z') }))).toEqual({ code: 'NOT_FOUND' })
    expect(await refusal(transitionDossier(client, { actor: owner, input: supply, meta, now: new Date('2026-11-26T02:00:00Z') }))).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { attachmentIds: ['REQUIRED'] } })
    const resumed = await transitionDossier(client, { actor: owner, input: supply, uploads: [file], meta, now: new Date('2026-11-26T02:00:00Z') })
    expect(resumed).toMatchObject({ state: 'PROCESSING', currentStep: 'processing' })
    expect(resumed.dueAt!.getTime()).toBeGreaterThanOrEqual(dossier.dueAt.getTime())
    const event = await client.dossierEvent.findFirstOrThrow({ where: { dossierId: dossier.id, action: 'supply' }, select: { actorId: true, actorRole: true, isPublic: true } })
    expect(event).toEqual({ actorId: owner.userId, actorRole: 'CITIZEN', isPublic: true })
    // The applicant may not act for the office.
    expect(await refusal(transitionDossier(client, { actor: owner, input: { dossierRef: dossier.code, action: 'forward', expectedVersion: resumed.version }, meta, now: NOW }))).toMatchObject({ code: 'FORBIDDEN' })
    const withdrawn = await transitionDossier(client, { actor: owner, input: { dossierRef: dossier.code, action: 'withdraw', reason: 'Không còn nhu cầu', expectedVersion: resumed.version }, meta, now: new Date('2026-11-26T03:00:00Z') })
    expect(withdrawn.state).toBe('WITHDRAWN')
  })

  it('a specialist acts only on dossiers assigned to them or to nobody', async () => {
    const other = await client.user.findFirstOrThrow({ where: { role: 'SPECIALIST', communes: { some: { communeId: actors.specialistA.communeIds[0] } }, id: { not: actors.specialistA.userId } }, select: { id: true, sessionVersion: true } }).catch(() => null)
    const dossier = await receivedDossier()
    // Whoever is not the assignee (another specialist of the commune, when the demo has one) is refused.
    if (other) {
      const stranger = (await loadActor(client, other.id, other.sessionVersion))!
      expect(await refusal(transitionDossier(client, { actor: stranger, input: { dossierRef: dossier.code, action: 'forward', expectedVersion: dossier.version }, meta, now: NOW }))).toEqual({ code: 'FORBIDDEN' })
    }
    await client.dossier.update({ where: { id: dossier.id }, data: { assigneeId: actors.leaderA.userId } })
    expect(await refusal(transitionDossier(client, { actor: actors.specialistA, input: { dossierRef: dossier.code, action: 'forward', expectedVersion: dossier.version }, meta, now: NOW }))).toEqual({ code: 'FORBIDDEN' })
  })

  it('an apology letter moves the appointment to a later working day and records the missed one', async () => {
    const dossier = await receivedDossier()
    const calendar = await loadWorkingCalendar(client, NOW)
    let day = localDateOf(dossier.dueAt)
    do day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    while (!isWorkingDay(day, calendar))
    const bad = await refusal(transitionDossier(client, { actor: actors.specialistA, input: { dossierRef: dossier.code, action: 'reschedule', reason: 'Cần xác minh', newDueDate: localDateOf(dossier.dueAt), expectedVersion: dossier.version }, meta, now: NOW }))
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { newDueDate: ['NOT_LATER'] } })
    const moved = await transitionDossier(client, { actor: actors.specialistA, input: { dossierRef: dossier.code, action: 'reschedule', reason: 'Cần xác minh với cơ quan khác', newDueDate: day, expectedVersion: dossier.version }, meta, now: NOW })
    expect(localDateOf(moved.dueAt!)).toBe(day)
    const stored = await client.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { dueAt: true, extensionCount: true } })
    expect(stored).toEqual({ dueAt: moved.dueAt, extensionCount: 1 })
    const event = await client.dossierEvent.findFirstOrThrow({ where: { dossierId: dossier.id, action: 'reschedule' }, select: { data: true, reason: true, isPublic: true } })
    expect(event).toMatchObject({ reason: 'Cần xác minh với cơ quan khác', isPublic: true, data: { clock: 'EXTEND', previousDueAt: dossier.dueAt.toISOString(), newDueAt: moved.dueAt!.toISOString() } })
  })
})
