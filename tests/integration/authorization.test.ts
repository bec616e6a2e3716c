/**
 * Server-side authorization of every use-case that reads or writes dossiers, for every role, on real
 * seeded data: out-of-scope answers are exactly "not found"; a reader who may not act gets "forbidden".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import type { PrismaClient } from '@/generated/prisma/client'
import { loadActor } from '@/server/auth/load-actor'
import { getProvinceDashboard } from '@/server/dashboard/get-province-dashboard'
import { parseDashboardSort, presetPeriod } from '@/domain/stats/dashboard-metrics'
import { addStaffNote } from '@/server/dossier/add-staff-note'
import { getDossier } from '@/server/dossier/get-dossier'
import { listDossiers } from '@/server/dossier/list-dossiers'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'

let client: PrismaClient
const actors = {} as Record<
  'citizenA' | 'citizenB' | 'clerkA' | 'specialistA' | 'leaderA' | 'clerkB' | 'officer' | 'admin',
  Actor
>
let citizenADossier: { id: string; code: string }
let communeADossier: { id: string; code: string }
let communeBDossier: { id: string; code: string }

async function actorFor(where: { username?: string; citizenId?: string }): Promise<Actor> {
  const user = await client.user.findFirstOrThrow({ where, select: { id: true, sessionVersion: true } })
  const actor = await loadActor(client, user.id, user.sessionVersion)
  if (!actor) throw new Error('no actor')
  return actor
}

async function codeOf(error: Promise<unknown>): Promise<string> {
  try {
    await error
    return 'ALLOWED'
  } catch (caught) {
    if (caught instanceof AppError) return caught.code
    throw caught
  }
}

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 1500, now: new Date('2026-11-24T03:00:00Z') })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  Object.assign(actors, {
    citizenA: await actorFor({ citizenId: '040085003917' }),
    citizenB: await actorFor({ citizenId: '040190004826' }),
    clerkA: await actorFor({ username: 'canbo.thanhvinh' }),
    specialistA: await actorFor({ username: 'chuyenvien.thanhvinh' }),
    leaderA: await actorFor({ username: 'lanhdao.thanhvinh' }),
    clerkB: await actorFor({ username: 'canbo.truongvinh' }),
    officer: await actorFor({ username: 'tinh.nghean' }),
    admin: await actorFor({ username: 'quantri' }),
  })
  const communeA = await client.commune.findUniqueOrThrow({ where: { code: '16681' }, select: { id: true } })
  const communeB = await client.commune.findUniqueOrThrow({ where: { code: '16690' }, select: { id: true } })
  citizenADossier = await client.dossier.findFirstOrThrow({
    where: { applicantId: actors.citizenA.userId, communeId: communeA.id },
    select: { id: true, code: true },
  })
  communeADossier = await client.dossier.findFirstOrThrow({
    where: { communeId: communeA.id, NOT: { applicantId: { in: [actors.citizenA.userId, actors.citizenB.userId] } } },
    select: { id: true, code: true },
  })
  communeBDossier = await client.dossier.findFirstOrThrow({
    where: { communeId: communeB.id, NOT: { applicantId: { in: [actors.citizenA.userId, actors.citizenB.userId] } } },
    select: { id: true, code: true },
  })
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
})

describe('reading a dossier by id and by code', () => {
  type Who = keyof typeof actors
  type Target = 'citizenA' | 'communeA' | 'communeB'
  const TARGETS: Target[] = ['citizenA', 'communeA', 'communeB']
  // Every actor × every dossier: [citizen A's own dossier (in commune A), another commune A dossier, a commune B dossier].
  const READ: Record<Who, [string, string, string]> = {
    citizenA: ['ALLOWED', 'NOT_FOUND', 'NOT_FOUND'],
    citizenB: ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    clerkA: ['ALLOWED', 'ALLOWED', 'NOT_FOUND'],
    specialistA: ['ALLOWED', 'ALLOWED', 'NOT_FOUND'],
    leaderA: ['ALLOWED', 'ALLOWED', 'NOT_FOUND'],
    clerkB: ['NOT_FOUND', 'NOT_FOUND', 'ALLOWED'],
    officer: ['ALLOWED', 'ALLOWED', 'ALLOWED'],
    admin: ['ALLOWED', 'ALLOWED', 'ALLOWED'],
  }
  const matrix = (Object.keys(READ) as Who[]).flatMap((who) => TARGETS.map((target, index) => [who, target, READ[who][index]!] as const))
  const dossierOf = (which: Target) => (which === 'citizenA' ? citizenADossier : which === 'communeA' ? communeADossier : communeBDossier)

  it.each(matrix)('%s reading the %s dossier by id → %s', async (who, which, expected) => {
    expect(await codeOf(getDossier(client, { actor: actors[who], ref: dossierOf(which).id }))).toBe(expected)
  })
  it.each(matrix)('%s reading the %s dossier by code → %s', async (who, which, expected) => {
    expect(await codeOf(getDossier(client, { actor: actors[who], ref: dossierOf(which).code }))).toBe(expected)
  })
  it('answers a dossier that does not exist exactly like one outside the scope', async () => {
    const missing = await codeOf(getDossier(client, { actor: actors.citizenB, ref: '16681-991231-9999' }))
    const hidden = await codeOf(getDossier(client, { actor: actors.citizenB, ref: citizenADossier.code }))
    expect(missing).toBe('NOT_FOUND')
    expect(hidden).toBe(missing)
    expect(await codeOf(getDossier(client, { actor: actors.citizenB, ref: "x' OR '1'='1" }))).toBe('NOT_FOUND')
  })
  it('shows citizens neither private events, staff names nor internal notes', async () => {
    const view = await getDossier(client, { actor: actors.citizenA, ref: citizenADossier.code })
    expect(view.notes).toBeNull()
    expect(view.canAct).toBe(false)
    expect(view.timeline.every((event) => event.actorName === null)).toBe(true)
  })
})

describe('acting on a dossier (a private staff note)', () => {
  type Who = keyof typeof actors
  type Target = 'citizenA' | 'communeA' | 'communeB'
  const TARGETS: Target[] = ['citizenA', 'communeA', 'communeB']
  // Who may read but not act gets FORBIDDEN; who may not even read gets NOT_FOUND.
  const WRITE: Record<Who, [string, string, string]> = {
    citizenA: ['FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND'],
    citizenB: ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    clerkA: ['ALLOWED', 'ALLOWED', 'NOT_FOUND'],
    specialistA: ['ALLOWED', 'ALLOWED', 'NOT_FOUND'],
    leaderA: ['ALLOWED', 'ALLOWED', 'NOT_FOUND'],
    clerkB: ['NOT_FOUND', 'NOT_FOUND', 'ALLOWED'],
    officer: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    admin: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  }
  const cases = (Object.keys(WRITE) as Who[]).flatMap((who) => TARGETS.map((target, index) => [who, target, WRITE[who][index]!] as const))
  it.each(cases)('%s writing on the %s dossier → %s', async (who, which, expected) => {
    const target = which === 'communeA' ? communeADossier : which === 'citizenA' ? citizenADossier : communeBDossier
    const before = await client.dossierNote.count({ where: { dossierId: target.id } })
    const result = await codeOf(addStaffNote(client, { actor: actors[who], input: { dossierRef: target.code, body: `ghi chú của ${who}` }, meta: null }))
    expect(result).toBe(expected)
    const after = await client.dossierNote.count({ where: { dossierId: target.id } })
    expect(after - before).toBe(expected === 'ALLOWED' ? 1 : 0)
  })
  it('writes the note and its audit row together', async () => {
    const { id } = await addStaffNote(client, { actor: actors.clerkA, input: { dossierRef: communeADossier.id, body: 'Đã gọi điện cho công dân' }, meta: { ip: '10.0.0.1', userAgent: 'test' } })
    const audit = await client.auditLog.findFirstOrThrow({ where: { action: 'dossier.note.add', data: { path: ['noteId'], equals: id } } })
    expect(audit).toMatchObject({ actorId: actors.clerkA.userId, actorRole: 'CLERK', entityId: communeADossier.id, ip: '10.0.0.1' })
  })
  it('refuses an empty note with a field error and stores nothing', async () => {
    const before = await client.dossierNote.count()
    await expect(addStaffNote(client, { actor: actors.clerkA, input: { dossierRef: communeADossier.code, body: '   ' }, meta: null })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { body: [expect.any(String)] },
    })
    expect(await client.dossierNote.count()).toBe(before)
  })
})

describe('lists and dashboards', () => {
  it('lists only the citizen’s own dossiers', async () => {
    const { dossiers } = await listDossiers(client, { actor: actors.citizenA, take: 200 })
    const owners = await client.dossier.findMany({ where: { id: { in: dossiers.map((d) => d.id) } }, select: { applicantId: true } })
    expect(dossiers.length).toBeGreaterThan(0)
    expect(new Set(owners.map((owner) => owner.applicantId))).toEqual(new Set([actors.citizenA.userId]))
  })
  it('lists only the commune’s dossiers for its staff', async () => {
    const { dossiers } = await listDossiers(client, { actor: actors.clerkB, take: 200 })
    const communes = await client.dossier.findMany({ where: { id: { in: dossiers.map((d) => d.id) } }, select: { communeId: true } })
    expect(new Set(communes.map((row) => row.communeId))).toEqual(new Set(actors.clerkB.communeIds))
  })
  it.each([
    ['citizenA', 'ALLOWED'],
    ['clerkA', 'ALLOWED'],
    ['officer', 'FORBIDDEN'],
    ['admin', 'FORBIDDEN'],
  ] as const)('dossier lists: %s → %s', async (who, expected) => {
    expect(await codeOf(listDossiers(client, { actor: actors[who] }))).toBe(expected)
  })
  it.each([
    ['officer', 'ALLOWED'],
    ['admin', 'ALLOWED'],
    ['clerkA', 'FORBIDDEN'],
    ['citizenA', 'FORBIDDEN'],
  ] as const)('province dashboard: %s → %s', async (who, expected) => {
    const now = new Date()
    const dashboard = getProvinceDashboard(client, { actor: actors[who], period: presetPeriod(30, now), sort: parseDashboardSort({}), now })
    expect(await codeOf(dashboard)).toBe(expected)
  })
})
