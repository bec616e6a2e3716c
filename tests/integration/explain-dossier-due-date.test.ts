/**
 * The due-date explanation of a dossier from its stored history, on PostgreSQL: a dossier moved through the
 * real service (receipt, supplement pause, apology letter with a new appointment) is explained up to exactly
 * the due instant the service stored; the read is scoped like every dossier read.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { addWorkingDays, localDateOf } from '@/domain/calendar/working-days'
import type { PrismaClient } from '@/generated/prisma/client'
import { loadActor } from '@/server/auth/load-actor'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import { explainDossierDueDate } from '@/server/dossier/explain-dossier-due-date'
import { transitionDossier } from '@/server/dossier/transition-dossier'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'

let client: PrismaClient
const actors = {} as Record<'clerkA' | 'specialistA' | 'leaderA' | 'clerkB', Actor>
const NOW = new Date('2026-11-16T02:00:00Z') // Monday 09:00 in Vietnam
const meta = { ip: '10.1.2.3', userAgent: 'vitest' }

async function actorFor(username: string): Promise<Actor> {
  const user = await client.user.findUniqueOrThrow({ where: { username }, select: { id: true, sessionVersion: true } })
  return (await loadActor(client, user.id, user.sessionVersion))!
}

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 400, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  Object.assign(actors, {
    clerkA: await actorFor('canbo.thanhvinh'),
    specialistA: await actorFor('chuyenvien.thanhvinh'),
    leaderA: await actorFor('lanhdao.thanhvinh'),
    clerkB: await actorFor('canbo.truongvinh'),
  })
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
})

let sequence = 9000
/** A new online dossier of commune A waiting for reception, under a working-days procedure of the default workflow. */
async function submittedDossier() {
  sequence += 1
  const commune = await client.commune.findUniqueOrThrow({ where: { code: '16681' }, select: { id: true } })
  const version = await client.procedureVersion.findFirstOrThrow({
    where: { status: 'PUBLISHED', deadline: { path: ['kind'], equals: 'WORKING_DAYS' }, workflowVersion: { definition: { key: 'one-stop-default' } } },
    select: { id: true, procedureId: true, workflowVersionId: true, deadline: true },
  })
  return client.dossier.create({
    data: {
      code: `16681-261116-${sequence}`,
      communeId: commune.id,
      procedureId: version.procedureId,
      procedureVersionId: version.id,
      workflowVersionId: version.workflowVersionId,
      applicantName: 'Lê Thị Hoa',
      channel: 'ONLINE',
      state: 'SUBMITTED',
      currentStep: 'reception',
      formData: {},
      submittedAt: NOW,
    },
    select: { id: true, code: true, version: true },
  })
}

describe('explainDossierDueDate', () => {
  it('explains receipt, a supplement pause and a new appointment up to the stored due instant', async () => {
    const dossier = await submittedDossier()
    let version = dossier.version
    const step = async (who: keyof typeof actors, action: string, at: Date, extra: Record<string, unknown> = {}, withScan = false) => {
      const uploads = withScan
        ? [{ storageKey: `test/${randomUUID()}`, fileName: 'Bổ sung.pdf', mimeType: 'application/pdf', sizeBytes: 1234, sha256: 'b'.repeat(64), documentKey: 'item-1' }]
        : []
      const result = await transitionDossier(client, { actor: actors[who], input: { dossierRef: dossier.code, action, expectedVersion: version, ...extra }, uploads, meta, now: at })
      version = result.version
      return result
    }
    await step('clerkA', 'receive', NOW, { assigneeId: actors.specialistA.userId })
    await step('specialistA', 'request_supplement', new Date('2026-11-17T03:00:00Z'), { reason: 'Thiếu giấy tờ.', supplementItems: [{ label: 'Bản sao CCCD' }] })

    const paused = await explainDossierDueDate(client, { actor: actors.clerkA, dossierId: dossier.id, now: new Date('2026-11-18T03:00:00Z') })
    expect(paused.remaining.status).toBe('PAUSED')
    expect(paused.explanation?.pausedSince).toEqual(new Date('2026-11-17T03:00:00Z'))
    expect(paused.explanation?.pauses[0]).toMatchObject({ ongoing: true, reason: 'Thiếu giấy tờ.', workingMinutes: 570 })
    expect(paused.agreesWithDossier).toBe(true)

    const resumed = await step('clerkA', 'supply', new Date('2026-11-19T03:00:00Z'), { reason: 'Đã nộp bổ sung' }, true)
    const calendar = await loadWorkingCalendar(client, NOW)
    const newDueDate = addWorkingDays(localDateOf(resumed.dueAt!), 3, calendar)
    await step('leaderA', 'reschedule', new Date('2026-11-20T03:00:00Z'), { reason: 'Cần xác minh với cơ quan khác', newDueDate })

    const stored = await client.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { dueAt: true } })
    const due = await explainDossierDueDate(client, { actor: actors.clerkA, dossierId: dossier.id, now: new Date('2026-11-20T04:00:00Z') })
    expect(due.agreesWithDossier).toBe(true)
    expect(due.explanation?.dueAt).toEqual(stored.dueAt)
    expect(due.dueAt).toEqual(stored.dueAt)
    expect(localDateOf(stored.dueAt!)).toBe(newDueDate)
    expect(due.explanation?.changes.map((change) => [change.kind, change.reason])).toEqual([
      ['PAUSE', 'Thiếu giấy tờ.'],
      ['RESCHEDULE', 'Cần xác minh với cơ quan khác'],
    ])
    expect(due.explanation?.pauses[0]).toMatchObject({ ongoing: false, differsFromRule: false, dueAfter: resumed.dueAt })
    expect(due.explanation?.receiptDiffersFromRule).toBe(false)
    expect(due.remaining.status).toBe('ON_TIME')
    // The holiday of 24/11 is named and skipped.
    expect(due.explanation?.days.find((day) => day.date === '2026-11-24')).toMatchObject({ status: 'HOLIDAY', name: 'Ngày Văn hóa Việt Nam', counts: null })
  })

  it('is NOT_FOUND outside the actor’s communes', async () => {
    const dossier = await submittedDossier()
    await expect(explainDossierDueDate(client, { actor: actors.clerkB, dossierId: dossier.id, now: NOW })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const notStarted = await explainDossierDueDate(client, { actor: actors.clerkA, dossierId: dossier.id, now: NOW })
    expect(notStarted).toMatchObject({ explanation: null, dueAt: null, agreesWithDossier: true, remaining: { status: 'NOT_STARTED' } })
  })

  it('ends every seeded history at the dossier’s stored due instant', async () => {
    const seeded = await client.dossier.findMany({
      where: { commune: { code: '16681' }, dueAt: { not: null }, events: { some: { action: { in: ['reschedule', 'request_supplement'] } } } },
      select: { id: true },
      take: 40,
    })
    expect(seeded.length).toBeGreaterThan(0)
    for (const { id } of seeded) {
      const due = await explainDossierDueDate(client, { actor: actors.clerkA, dossierId: id, now: NOW })
      expect(due.agreesWithDossier).toBe(true)
    }
  })
})
