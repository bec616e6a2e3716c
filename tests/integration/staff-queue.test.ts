/**
 * The staff queues on PostgreSQL against the seeded demo history: each queue holds exactly what its rule
 * says (checked against plain Prisma queries), keyset paging visits every row once in order, counts agree,
 * search finds by code, citizen ID and name without diacritics, and only commune staff may read them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { dueSoonUntil } from '@/domain/calendar/due-soon'
import { STAFF_QUEUES, type StaffQueue } from '@/domain/dossier/staff-queues'
import { AppError } from '@/domain/errors'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import { loadActor } from '@/server/auth/load-actor'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import { listStaffQueue } from '@/server/dossier/list-staff-queue'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'

let client: PrismaClient
const actors = {} as Record<'clerk' | 'specialist' | 'leader' | 'citizen' | 'officer', Actor>
const NOW = new Date('2026-11-24T03:00:00Z')
const OPEN = ['SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN'] as const

async function actorFor(where: Prisma.UserWhereInput): Promise<Actor> {
  const user = await client.user.findFirstOrThrow({ where, select: { id: true, sessionVersion: true } })
  return (await loadActor(client, user.id, user.sessionVersion))!
}

/** Every row of a queue, page by page through the keyset cursor. */
async function allPages(actor: Actor, query: Record<string, string>) {
  const codes: string[] = []
  let after: string | undefined
  for (let pages = 0; pages < 500; pages++) {
    const page = await listStaffQueue(client, { actor, query: { ...query, ...(after ? { after } : {}) }, now: NOW })
    codes.push(...page.rows.map((row) => row.code))
    if (!page.nextCursor) return { codes, page }
    after = page.nextCursor
  }
  throw new Error('too many pages')
}

async function expectedCodes(where: Prisma.DossierWhereInput, orderBy: Prisma.DossierOrderByWithRelationInput[]) {
  const rows = await client.dossier.findMany({ where, orderBy, select: { code: true } })
  return rows.map((row) => row.code)
}

let communeIds: string[]
let dueSoon: Date

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 1500, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  Object.assign(actors, {
    clerk: await actorFor({ username: 'canbo.thanhvinh' }),
    specialist: await actorFor({ username: 'chuyenvien.thanhvinh' }),
    leader: await actorFor({ username: 'lanhdao.thanhvinh' }),
    citizen: await actorFor({ role: 'CITIZEN' }),
    officer: await actorFor({ username: 'tinh.nghean' }),
  })
  communeIds = [...actors.clerk.communeIds]
  // Online submissions still waiting at reception (the seeded history receives almost all of them).
  const version = await client.procedureVersion.findFirstOrThrow({
    where: { status: 'PUBLISHED', procedure: { slug: '1.001193' } },
    select: { id: true, procedureId: true, workflowVersionId: true },
  })
  const communes = await client.commune.findMany({ where: { code: { in: ['16681', '16702'] } }, select: { id: true, code: true } })
  for (const [index, commune] of [communes[0]!, communes[0]!, communes[0]!, communes[1]!].entries()) {
    await client.dossier.create({
      data: {
        code: `${commune.code}-261124-${9100 + index}`,
        communeId: commune.id,
        procedureId: version.procedureId,
        procedureVersionId: version.id,
        workflowVersionId: version.workflowVersionId,
        applicantName: 'Trần Thị Mai',
        channel: 'ONLINE',
        state: 'SUBMITTED',
        currentStep: 'reception',
        formData: {},
        submittedAt: new Date(NOW.getTime() - (index + 1) * 60_000),
      },
    })
  }
  // And one waiting for the applicant's supplement, clock paused.
  await client.dossier.create({
    data: {
      code: `16681-261120-9200`,
      communeId: communes.find((commune) => commune.code === '16681')!.id,
      procedureId: version.procedureId,
      procedureVersionId: version.id,
      workflowVersionId: version.workflowVersionId,
      applicantName: 'Hồ Văn Đức',
      channel: 'ONLINE',
      state: 'AWAITING_SUPPLEMENT',
      currentStep: 'awaiting_supplement',
      formData: {},
      submittedAt: new Date('2026-11-20T02:00:00Z'),
      receivedAt: new Date('2026-11-20T03:00:00Z'),
      dueAt: new Date('2026-11-27T10:00:00Z'),
      clockPausedAt: new Date('2026-11-23T03:00:00Z'),
      supplementCount: 1,
    },
  })
  dueSoon = dueSoonUntil(NOW, await loadWorkingCalendar(client, NOW))
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
})

describe('each queue holds what its rule says, in order, every row once', () => {
  const running: Prisma.DossierWhereInput = { state: { in: ['PROCESSING', 'READY_TO_RETURN'] }, clockPausedAt: null, dueAt: { not: null } }
  const cases: [StaffQueue, keyof typeof actors, () => Prisma.DossierWhereInput, Prisma.DossierOrderByWithRelationInput[]][] = [
    ['new', 'clerk', () => ({ state: 'SUBMITTED' }), [{ submittedAt: 'asc' }, { id: 'asc' }]],
    ['mine', 'specialist', () => ({ assigneeId: actors.specialist.userId, state: { in: [...OPEN] } }), [{ dueAt: 'asc' }, { id: 'asc' }]],
    ['approval', 'leader', () => ({ state: { in: [...OPEN] }, currentStep: { in: ['approval', 'signing'] } }), [{ dueAt: 'asc' }, { id: 'asc' }]],
    ['to_return', 'clerk', () => ({ state: 'READY_TO_RETURN' }), [{ dueAt: 'asc' }, { id: 'asc' }]],
    ['due_soon', 'clerk', () => ({ ...running, dueAt: { gte: NOW, lte: dueSoon } }), [{ dueAt: 'asc' }, { id: 'asc' }]],
    ['overdue', 'clerk', () => ({ ...running, dueAt: { lt: NOW } }), [{ dueAt: 'asc' }, { id: 'asc' }]],
    ['supplement', 'clerk', () => ({ state: 'AWAITING_SUPPLEMENT' }), [{ dueAt: 'asc' }, { id: 'asc' }]],
    ['all', 'clerk', () => ({}), [{ submittedAt: 'desc' }, { id: 'desc' }]],
  ]
  it.each(cases)('%s (as %s)', async (queue, who, where, orderBy) => {
    const expected = await expectedCodes({ communeId: { in: communeIds }, ...where() }, orderBy)
    const { codes, page } = await allPages(actors[who], { queue, size: '20' })
    expect(codes).toEqual(expected)
    if (queue !== 'all') expect(page.counts[queue]).toBe(expected.length)
  })

  it('the demo history fills the queues the tests rely on', async () => {
    const { counts } = await listStaffQueue(client, { actor: actors.clerk, query: {}, now: NOW })
    for (const queue of ['new', 'approval', 'overdue', 'supplement'] as const) expect(counts[queue], queue).toBeGreaterThan(0)
    expect(STAFF_QUEUES).toContain('all')
  })
})

describe('sorting, filtering and search', () => {
  it('sorts the oldest submissions first and keeps keyset order across pages', async () => {
    const expected = await expectedCodes({ communeId: { in: communeIds } }, [{ submittedAt: 'asc' }, { id: 'asc' }])
    const { codes } = await allPages(actors.clerk, { queue: 'all', sort: 'submitted_asc', size: '100' })
    expect(codes).toEqual(expected)
  })

  it('filters by procedure, counts included', async () => {
    const top = await client.dossier.groupBy({ by: ['procedureId'], where: { communeId: { in: communeIds } }, _count: { _all: true }, orderBy: { _count: { procedureId: 'desc' } }, take: 1 })
    const procedureId = top[0]!.procedureId
    const expected = await expectedCodes({ communeId: { in: communeIds }, procedureId }, [{ submittedAt: 'desc' }, { id: 'desc' }])
    const { codes } = await allPages(actors.clerk, { queue: 'all', procedure: procedureId, size: '50' })
    expect(codes).toEqual(expected)
    const open = await client.dossier.count({ where: { communeId: { in: communeIds }, procedureId, state: 'SUBMITTED' } })
    const { counts } = await listStaffQueue(client, { actor: actors.clerk, query: { procedure: procedureId }, now: NOW })
    expect(counts.new).toBe(open)
  })

  it('finds a dossier by its code, by the applicant\'s ID number and by name typed without diacritics', async () => {
    const sample = await client.dossier.findFirstOrThrow({
      where: { communeId: { in: communeIds }, applicantCitizenId: { not: null } },
      select: { code: true, applicantCitizenId: true, applicantName: true },
      orderBy: { submittedAt: 'desc' },
    })
    const byCode = await listStaffQueue(client, { actor: actors.clerk, query: { queue: 'all', q: sample.code }, now: NOW })
    expect(byCode.rows.map((row) => row.code)).toEqual([sample.code])

    const byId = await allPages(actors.clerk, { queue: 'all', q: sample.applicantCitizenId!, size: '100' })
    expect(byId.codes).toContain(sample.code)
    const sameId = await client.dossier.count({ where: { communeId: { in: communeIds }, applicantCitizenId: sample.applicantCitizenId } })
    expect(byId.codes).toHaveLength(sameId)

    // The first digits of an ID number find it too, and only dossiers whose ID or phone starts with them.
    const start = sample.applicantCitizenId!.slice(0, 8)
    const byStart = await allPages(actors.clerk, { queue: 'all', q: start, size: '100' })
    expect(byStart.codes).toContain(sample.code)
    const starts = await client.dossier.findMany({ where: { code: { in: byStart.codes } }, select: { applicantCitizenId: true, applicantPhone: true } })
    for (const row of starts) expect(row.applicantCitizenId?.startsWith(start) || row.applicantPhone?.startsWith(start)).toBe(true)

    const plain = sample.applicantName.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toUpperCase()
    const byName = await allPages(actors.clerk, { queue: 'all', q: plain, size: '100' })
    expect(byName.codes).toContain(sample.code)
    const names = await client.dossier.findMany({ where: { code: { in: byName.codes } }, select: { applicantName: true } })
    // Every typed word appears in each name found (words match anywhere, in any order).
    const fold = (value: string) => value.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase()
    for (const { applicantName } of names) for (const word of fold(plain).split(' ')) expect(fold(applicantName)).toContain(word)
  })

  it('a day\'s code prefix lists that day\'s dossiers; a search for nothing matching is empty, not an error', async () => {
    const sample = await client.dossier.findFirstOrThrow({ where: { communeId: { in: communeIds } }, select: { code: true }, orderBy: { submittedAt: 'desc' } })
    const prefix = sample.code.slice(0, 12)
    const { codes } = await allPages(actors.clerk, { queue: 'all', q: prefix, size: '100' })
    expect(codes.length).toBeGreaterThan(0)
    expect(codes.every((code) => code.startsWith(prefix))).toBe(true)
    const none = await listStaffQueue(client, { actor: actors.clerk, query: { queue: 'all', q: 'zzqx%_' }, now: NOW })
    expect(none.rows).toEqual([])
  })

  it('ignores malformed parameters instead of failing: unknown queue, bad cursor, huge page size', async () => {
    const page = await listStaffQueue(client, { actor: actors.specialist, query: { queue: 'nope', after: '!!', size: '100000', sort: 'sideways' }, now: NOW })
    expect(page.request).toMatchObject({ queue: 'mine', sort: 'due_asc', pageSize: 20, after: null })
  })
})

describe('authorization', () => {
  it('another commune\'s dossiers never appear', async () => {
    const { codes } = await allPages(actors.clerk, { queue: 'all', size: '100' })
    const foreign = await client.dossier.count({ where: { code: { in: codes }, communeId: { notIn: communeIds } } })
    expect(foreign).toBe(0)
  })

  it.each(['citizen', 'officer'] as const)('a %s may not read the staff queues', async (who) => {
    await expect(listStaffQueue(client, { actor: actors[who], query: {}, now: NOW })).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'FORBIDDEN')
  })
})
