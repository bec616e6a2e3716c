/**
 * The provincial and commune dashboards on PostgreSQL, against the seeded demo history plus dossiers placed on
 * purpose (local-midnight boundaries, overdue today / yesterday / paused, an overdue jump, a day of heavy load,
 * a second province): every ranking figure equals a direct count from "Dossier" (independent Prisma queries),
 * the totals are the sums of the communes, every drill-down list's total equals its dashboard number and its
 * keyset pages and export stream visit exactly those dossiers once, sorting follows the chosen column, and only
 * the right people may read each view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { addCalendarDays, localInstant } from '@/domain/calendar/working-days'
import { AppError } from '@/domain/errors'
import { figuresFromCounts, overdueJumped, parseDashboardPeriod, sumCounts } from '@/domain/stats/dashboard-metrics'
import {
  DASHBOARD_MEASURE_FIGURE,
  DASHBOARD_MEASURES,
  type DashboardFigures,
  type DashboardMeasure,
  type DashboardPeriod,
  type DashboardSortKey,
} from '@/domain/stats/dashboard-metrics-types'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import { loadActor } from '@/server/auth/load-actor'
import { getCommuneDashboard } from '@/server/dashboard/get-commune-dashboard'
import { getProcedureInCommune } from '@/server/dashboard/get-procedure-in-commune'
import { getProvinceDashboard } from '@/server/dashboard/get-province-dashboard'
import { listDashboardDossiers, openDashboardDossierStream, streamDashboardDossiers } from '@/server/dashboard/list-dashboard-dossiers'
import { createPrismaClient } from '@/server/prisma-client'
import { recountDashboardAggregates } from '@/server/stats/recount'
import { seedDatabase } from '../../prisma/seed'

/** 2026-11-24 10:00 in Vietnam. */
const NOW = new Date('2026-11-24T03:00:00Z')
const TODAY = '2026-11-24'
const HOUR = 3_600_000

let client: PrismaClient
const actors = {} as Record<'officer' | 'admin' | 'clerkA' | 'clerkB' | 'citizen' | 'otherOfficer' | 'officerWithoutProvince', Actor>
let communeA: { id: string; code: string; provinceId: string }
let communeJump: { id: string; code: string }
let communeLoad: { id: string; code: string }
let otherCommune: { id: string; code: string }
let version: { id: string; procedureId: string; workflowVersionId: string; slug: string }
const placed: Record<string, string> = {}

let sequence = 0
async function makeDossier(commune: { id: string; code: string }, data: Partial<Prisma.DossierUncheckedCreateInput>): Promise<string> {
  sequence += 1
  const dossier = await client.dossier.create({
    data: {
      code: `${commune.code}-991231-${String(sequence).padStart(5, '0')}`,
      communeId: commune.id,
      procedureId: version.procedureId,
      procedureVersionId: version.id,
      workflowVersionId: version.workflowVersionId,
      applicantName: `Người nộp ${sequence}`,
      channel: 'DESK',
      state: 'PROCESSING',
      currentStep: 'processing',
      formData: {},
      submittedAt: new Date(NOW.getTime() - 10 * 24 * HOUR),
      receivedAt: new Date(NOW.getTime() - 10 * 24 * HOUR),
      ...data,
    },
    select: { id: true },
  })
  return dossier.id
}

async function attach(dossierId: string, communeId: string, kind: 'APPLICATION' | 'RESULT') {
  sequence += 1
  await client.attachment.create({
    data: { communeId, dossierId, kind, fileName: 'x.pdf', mimeType: 'application/pdf', sizeBytes: 1, sha256: 'x', storageKey: `dashboard-test/${sequence}` },
  })
}

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 2500, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  const actorFor = async (username: string) => {
    const user = await client.user.findFirstOrThrow({ where: { username }, select: { id: true, sessionVersion: true } })
    return (await loadActor(client, user.id, user.sessionVersion))!
  }
  const citizen = await client.user.findFirstOrThrow({ where: { role: 'CITIZEN' }, select: { id: true, sessionVersion: true } })
  Object.assign(actors, {
    officer: await actorFor('tinh.nghean'),
    admin: await actorFor('quantri'),
    clerkA: await actorFor('canbo.thanhvinh'),
    clerkB: await actorFor('canbo.truongvinh'),
    citizen: (await loadActor(client, citizen.id, citizen.sessionVersion))!,
  })
  communeA = await client.commune.findUniqueOrThrow({ where: { code: '16681' }, select: { id: true, code: true, provinceId: true } })
  expect(actors.clerkA.communeIds).toEqual([communeA.id])
  const others = await client.commune.findMany({
    where: { isActive: true, provinceId: communeA.provinceId, code: { notIn: ['16681', '16690'] } },
    orderBy: { code: 'asc' },
    take: 2,
    select: { id: true, code: true },
  })
  communeJump = others[0]!
  communeLoad = others[1]!
  const found = await client.procedureVersion.findFirstOrThrow({
    where: { status: 'PUBLISHED', procedure: { slug: '1.001193' } },
    select: { id: true, procedureId: true, workflowVersionId: true, procedure: { select: { slug: true } } },
  })
  version = { id: found.id, procedureId: found.procedureId, workflowVersionId: found.workflowVersionId, slug: found.procedure.slug }

  // A second province, its commune, its officer.
  const province = await client.province.create({ data: { code: '99', name: 'Tỉnh Thử Nghiệm' }, select: { id: true } })
  otherCommune = await client.commune.create({
    data: { code: '99001', name: 'Xã Thử Nghiệm', kind: 'XA', provinceId: province.id },
    select: { id: true, code: true },
  })
  actors.otherOfficer = { userId: '00000000-0000-7000-8000-000000000001', role: 'PROVINCE_OFFICER', fullName: 'Cán bộ tỉnh khác', communeIds: [], provinceId: province.id }
  actors.officerWithoutProvince = { ...actors.otherOfficer, provinceId: null }
  await makeDossier(otherCommune, { submittedAt: new Date(NOW.getTime() - 2 * HOUR) })

  // Local-midnight boundaries of the default period (last 30 days: 2026-10-26 … 2026-11-24).
  const start = localInstant('2026-10-26', 0)
  placed.submittedAtStart = await makeDossier(communeA, { submittedAt: start, channel: 'ONLINE', feeVnd: 50_000 })
  placed.submittedBeforeStart = await makeDossier(communeA, { submittedAt: new Date(start.getTime() - 1) })
  placed.returnedAtStart = await makeDossier(communeA, {
    state: 'RETURNED', outcome: 'EARLY', submittedAt: new Date(start.getTime() - 5 * 24 * HOUR), receivedAt: new Date(start.getTime() - 5 * 24 * HOUR), completedAt: start,
  })
  placed.returnedBeforeStart = await makeDossier(communeA, {
    state: 'RETURNED', outcome: 'LATE', submittedAt: new Date(start.getTime() - 5 * 24 * HOUR), receivedAt: new Date(start.getTime() - 5 * 24 * HOUR), completedAt: new Date(start.getTime() - 1),
  })
  await attach(placed.submittedAtStart, communeA.id, 'APPLICATION')
  await attach(placed.returnedAtStart, communeA.id, 'RESULT')
  await client.payment.create({
    data: {
      dossierId: placed.submittedAtStart, communeId: communeA.id, amountVnd: 50_000, method: 'VIETQR', status: 'PAID',
      reference: 'DASHTEST1', idempotencyKey: 'dashboard-test-1', paidAt: start,
    },
  })
  await client.dossierRating.create({ data: { dossierId: placed.returnedAtStart, communeId: communeA.id, score: 5, createdAt: start } })
  await client.dossierRating.create({ data: { dossierId: placed.returnedBeforeStart, communeId: communeA.id, score: 2, createdAt: new Date(start.getTime() - 1) } })
  // The end of an explicit period (2026-11-01 … 2026-11-10): the last millisecond of the 10th, and the 11th.
  const end = localInstant('2026-11-11', 0)
  placed.submittedAtEnd = await makeDossier(communeA, { submittedAt: new Date(end.getTime() - 1) })
  placed.submittedAfterEnd = await makeDossier(communeA, { submittedAt: end })

  // Open dossiers around "now" (10:00 local).
  placed.overdueToday = await makeDossier(communeA, { dueAt: new Date(NOW.getTime() - HOUR) })
  placed.dueLaterToday = await makeDossier(communeA, { dueAt: new Date(NOW.getTime() + HOUR) })
  placed.overdueYesterday = await makeDossier(communeA, { state: 'READY_TO_RETURN', dueAt: localInstant('2026-11-23', 17) })
  placed.pausedPastDue = await makeDossier(communeA, { state: 'AWAITING_SUPPLEMENT', dueAt: localInstant('2026-11-20', 17), clockPausedAt: localInstant('2026-11-19', 9) })
  placed.waiting = await makeDossier(communeA, { state: 'SUBMITTED', channel: 'ONLINE', receivedAt: null, submittedAt: new Date(NOW.getTime() - HOUR), currentStep: 'reception' })

  // An overdue jump: enough dossiers due in the last 7 days to reach max(5, 2 × the week before).
  const clockRuns = { state: { in: ['PROCESSING', 'READY_TO_RETURN'] as ('PROCESSING' | 'READY_TO_RETURN')[] }, clockPausedAt: null }
  const previous = await client.dossier.count({
    where: { communeId: communeJump.id, ...clockRuns, dueAt: { gte: localInstant(addCalendarDays(TODAY, -14), 0), lt: localInstant(addCalendarDays(TODAY, -7), 0) } },
  })
  const last = await client.dossier.count({
    where: { communeId: communeJump.id, ...clockRuns, dueAt: { gte: localInstant(addCalendarDays(TODAY, -7), 0), lt: localInstant(TODAY, 0) } },
  })
  for (let i = last; i < Math.max(5, 2 * previous); i++) await makeDossier(communeJump, { dueAt: localInstant(addCalendarDays(TODAY, -1 - (i % 7)), 17) })

  // A heavy day: 120 dossiers received on 2026-11-20.
  for (let i = 0; i < 120; i++) await makeDossier(communeLoad, { submittedAt: localInstant('2026-11-20', 8, i % 60), state: 'SUBMITTED', receivedAt: null, currentStep: 'reception', channel: 'ONLINE' })

  await recountDashboardAggregates(client)
}, 240_000)

afterAll(async () => {
  await client?.$disconnect()
})

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'ALLOWED'
  } catch (caught) {
    if (caught instanceof AppError) return caught.code
    throw caught
  }
}

type Counted = Exclude<keyof DashboardFigures, 'processingMinutes' | 'onTimeRate' | 'onlineShare' | 'onlinePaymentShare' | 'digitisedShare' | 'electronicResultShare' | 'avgProcessingWorkingDays' | 'satisfaction' | 'avgRating'>

/**
 * Every count figure by commune, straight from the dossiers (Prisma, written independently of the SQL under test).
 * `procedureId` narrows to one procedure.
 */
async function directCounts(period: DashboardPeriod, procedureId?: string): Promise<Map<string, Record<Counted, number>>> {
  const inPeriod = { gte: period.startsAt, lt: period.endsBefore }
  const procedure = procedureId ? { procedureId } : {}
  const submitted: Prisma.DossierWhereInput = { submittedAt: inPeriod, ...procedure }
  const completed: Prisma.DossierWhereInput = { completedAt: inPeriod, ...procedure }
  const wheres: Record<Exclude<Counted, 'ratingsCount' | 'ratingsSatisfied'>, Prisma.DossierWhereInput> = {
    received: submitted,
    receivedOnline: { ...submitted, channel: 'ONLINE' },
    receivedDigitised: { ...submitted, attachments: { some: { kind: { in: ['APPLICATION', 'SUPPLEMENT'] } } } },
    feeDue: { ...submitted, feeVnd: { gt: 0 } },
    feePaidOnline: { ...submitted, feeVnd: { gt: 0 }, payments: { some: { method: { in: ['VIETQR', 'GATEWAY'] }, status: { in: ['PAID', 'REFUNDED'] } } } },
    resolved: { ...completed, state: 'RETURNED' },
    resolvedEarly: { ...completed, state: 'RETURNED', outcome: 'EARLY' },
    resolvedOnTime: { ...completed, state: 'RETURNED', outcome: 'ON_TIME' },
    resolvedLate: { ...completed, state: 'RETURNED', outcome: 'LATE' },
    resolvedElectronic: { ...completed, state: 'RETURNED', attachments: { some: { kind: 'RESULT' } } },
    refused: { ...completed, state: 'REFUSED' },
    withdrawn: { ...completed, state: 'WITHDRAWN' },
    inProgress: { ...procedure, state: { in: ['PROCESSING', 'READY_TO_RETURN'] } },
    waitingReception: { ...procedure, state: 'SUBMITTED' },
    awaitingSupplement: { ...procedure, state: 'AWAITING_SUPPLEMENT' },
    overdueNow: { ...procedure, state: { in: ['PROCESSING', 'READY_TO_RETURN'] }, clockPausedAt: null, dueAt: { lt: NOW } },
  }
  const result = new Map<string, Record<Counted, number>>()
  const entry = (communeId: string) => {
    let value = result.get(communeId)
    if (!value) result.set(communeId, (value = Object.fromEntries([...Object.keys(wheres), 'ratingsCount', 'ratingsSatisfied'].map((key) => [key, 0])) as Record<Counted, number>))
    return value
  }
  for (const [key, where] of Object.entries(wheres) as [keyof typeof wheres, Prisma.DossierWhereInput][]) {
    const groups = await client.dossier.groupBy({ by: ['communeId'], where, _count: { _all: true } })
    for (const group of groups) entry(group.communeId)[key] = group._count._all
  }
  const ratings = await client.dossierRating.findMany({
    where: { createdAt: inPeriod, dossier: procedure },
    select: { score: true, dossier: { select: { communeId: true } } },
  })
  for (const rating of ratings) {
    const counts = entry(rating.dossier.communeId)
    counts.ratingsCount += 1
    if (rating.score >= 4) counts.ratingsSatisfied += 1
  }
  return result
}

const COUNTED: Counted[] = [
  'received', 'receivedOnline', 'receivedDigitised', 'feeDue', 'feePaidOnline', 'resolved', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate',
  'resolvedElectronic', 'refused', 'withdrawn', 'ratingsCount', 'ratingsSatisfied', 'inProgress', 'waitingReception', 'awaitingSupplement', 'overdueNow',
]

function pick(figures: DashboardFigures): Record<Counted, number> {
  return Object.fromEntries(COUNTED.map((key) => [key, figures[key]])) as Record<Counted, number>
}

const PERIODS: [string, Record<string, string>][] = [
  ['the last 30 days', {}],
  ['the last 365 days', { ky: '365' }],
  ['1–10 November', { tu: '2026-11-01', den: '2026-11-10' }],
]

describe('province dashboard', () => {
  it.each(PERIODS)('every commune figure of %s equals a direct count, and the totals are their sums', async (_, params) => {
    const period = parseDashboardPeriod(params, NOW)
    const dashboard = await getProvinceDashboard(client, { actor: actors.officer, period, sort: { key: 'received', direction: 'desc' }, now: NOW })
    const direct = await directCounts(period)
    const communes = await client.commune.findMany({ where: { provinceId: communeA.provinceId }, select: { id: true } })
    expect(dashboard.rows).toHaveLength(communes.length)
    expect(dashboard.province?.code).toBe('40')
    const zero = pick(figuresFromCounts(sumCounts([])))
    for (const row of dashboard.rows) expect(pick(row), row.communeCode).toEqual(direct.get(row.communeId) ?? zero)
    expect(dashboard.rows.some((row) => row.communeId === otherCommune.id)).toBe(false)
    // Totals: the sums of the communes' counts, ratios from the sums.
    for (const key of [...COUNTED, 'processingMinutes'] as const) {
      expect(dashboard.totals[key], key).toBe(dashboard.rows.reduce((acc, row) => acc + row[key], 0))
    }
    const resolved = dashboard.totals.resolved
    expect(dashboard.totals.onTimeRate).toBe(resolved ? (dashboard.totals.resolvedEarly + dashboard.totals.resolvedOnTime) / resolved : null)
    expect(dashboard.totals.received).toBeGreaterThan(0)
    // Trends add up to the period's totals, every day present.
    expect(dashboard.trends.daily).toHaveLength(period.days)
    expect(dashboard.trends.daily.reduce((acc, day) => acc + day.received, 0)).toBe(dashboard.totals.received)
    expect(dashboard.trends.weekly.reduce((acc, week) => acc + week.resolved, 0)).toBe(dashboard.totals.resolved)
    expect(dashboard.trends.weekly.reduce((acc, week) => acc + week.days, 0)).toBe(period.days)
  })

  it('places dossiers at local midnight on the right side of the period', async () => {
    const period = parseDashboardPeriod({}, NOW)
    const received = await allRows(actors.officer, communeA.code, 'received', period)
    expect(received).toContain(placed.submittedAtStart)
    expect(received).not.toContain(placed.submittedBeforeStart)
    const resolved = await allRows(actors.officer, communeA.code, 'resolved', period)
    expect(resolved).toContain(placed.returnedAtStart)
    expect(resolved).not.toContain(placed.returnedBeforeStart)
    const ratings = await allRows(actors.officer, communeA.code, 'ratings', period)
    expect(ratings).toContain(placed.returnedAtStart)
    expect(ratings).not.toContain(placed.returnedBeforeStart)
    const november = parseDashboardPeriod({ tu: '2026-11-01', den: '2026-11-10' }, NOW)
    const early = await allRows(actors.officer, communeA.code, 'received', november)
    expect(early).toContain(placed.submittedAtEnd)
    expect(early).not.toContain(placed.submittedAfterEnd)
    // The aggregate's local day agrees: the explicit period's trend ends with the dossier of its last millisecond.
    const dashboard = await getCommuneDashboard(client, { actor: actors.officer, communeCode: communeA.code, period: november, sort: { key: 'name', direction: 'asc' }, now: NOW })
    expect(dashboard.figures.received).toBe(early.length)
  })

  it('counts overdue dossiers as the staff queue does: due before now, clock running', async () => {
    const period = parseDashboardPeriod({}, NOW)
    const overdue = await allRows(actors.clerkA, communeA.code, 'overdueNow', period)
    expect(overdue).toEqual(expect.arrayContaining([placed.overdueToday, placed.overdueYesterday]))
    expect(overdue).not.toContain(placed.dueLaterToday)
    expect(overdue).not.toContain(placed.pausedPastDue)
    expect(await allRows(actors.clerkA, communeA.code, 'awaitingSupplement', period)).toContain(placed.pausedPastDue)
    expect(await allRows(actors.clerkA, communeA.code, 'waitingReception', period)).toContain(placed.waiting)
  })

  it('raises the load and overdue-jump alerts exactly as the rules say', async () => {
    const period = parseDashboardPeriod({}, NOW)
    const dashboard = await getProvinceDashboard(client, { actor: actors.officer, period, sort: { key: 'name', direction: 'asc' }, now: NOW })
    const load = dashboard.alerts.load.find((alert) => alert.communeId === communeLoad.id)
    expect(load).toMatchObject({ peakDay: '2026-11-20', threshold: 100 })
    expect(load!.peakReceived).toBeGreaterThanOrEqual(120)
    // Every load alert has days over the threshold, checked from the dossiers.
    for (const alert of dashboard.alerts.load) {
      const peak = await client.dossier.count({ where: { communeId: alert.communeId, submittedAt: { gte: localInstant(alert.peakDay, 0), lt: localInstant(addCalendarDays(alert.peakDay, 1), 0) } } })
      expect(peak).toBe(alert.peakReceived)
      expect(peak).toBeGreaterThan(100)
    }
    // A higher threshold silences it.
    const calm = await getProvinceDashboard(client, { actor: actors.officer, period, sort: { key: 'name', direction: 'asc' }, now: NOW, threshold: 500 })
    expect(calm.alerts.load).toEqual([])

    // Overdue jump: recomputed for every commune from the dossiers.
    const windows = (from: number, before: number) => ({ gte: localInstant(addCalendarDays(TODAY, from), 0), lt: localInstant(addCalendarDays(TODAY, before), 0) })
    const clockRuns = { state: { in: ['PROCESSING', 'READY_TO_RETURN'] as ('PROCESSING' | 'READY_TO_RETURN')[] }, clockPausedAt: null }
    const [last, previous] = await Promise.all([
      client.dossier.groupBy({ by: ['communeId'], where: { ...clockRuns, dueAt: windows(-7, 0) }, _count: { _all: true } }),
      client.dossier.groupBy({ by: ['communeId'], where: { ...clockRuns, dueAt: windows(-14, -7) }, _count: { _all: true } }),
    ])
    const previousBy = new Map(previous.map((row) => [row.communeId, row._count._all]))
    const provinceCommunes = new Set(dashboard.rows.map((row) => row.communeId))
    const expected = last
      .filter((row) => provinceCommunes.has(row.communeId) && overdueJumped(row._count._all, previousBy.get(row.communeId) ?? 0))
      .map((row) => row.communeId)
      .sort()
    expect(dashboard.alerts.overdueJump.map((alert) => alert.communeId).sort()).toEqual(expected)
    expect(expected).toContain(communeJump.id)
  })

  it.each<DashboardSortKey>(['received', 'onTimeRate', 'overdueNow', 'satisfaction', 'avgProcessingWorkingDays', 'name'])('sorts the ranking by %s both ways, nulls last', async (key) => {
    const period = parseDashboardPeriod({ ky: '90' }, NOW)
    for (const direction of ['asc', 'desc'] as const) {
      const { rows } = await getProvinceDashboard(client, { actor: actors.admin, period, sort: { key, direction }, now: NOW })
      expect(rows.map((row) => row.rank)).toEqual(rows.map((_, index) => index + 1))
      const collator = new Intl.Collator('vi')
      for (let i = 1; i < rows.length; i++) {
        const [a, b] = [rows[i - 1]!, rows[i]!]
        if (key === 'name') {
          expect(collator.compare(a.name, b.name) * (direction === 'asc' ? 1 : -1)).toBeLessThanOrEqual(0)
          continue
        }
        const [x, y] = [a[key], b[key]]
        if (x === null) expect(y).toBeNull()
        else if (y !== null) {
          expect(direction === 'asc' ? x <= y : x >= y).toBe(true)
          if (x === y) expect(collator.compare(a.name, b.name)).toBeLessThanOrEqual(0)
        }
      }
    }
  })

  it('gives an administrator every commune of every province', async () => {
    const period = parseDashboardPeriod({}, NOW)
    const dashboard = await getProvinceDashboard(client, { actor: actors.admin, period, sort: { key: 'received', direction: 'desc' }, now: NOW })
    expect(dashboard.province).toBeNull()
    expect(dashboard.rows.find((row) => row.communeId === otherCommune.id)?.received).toBe(1)
    const other = await getProvinceDashboard(client, { actor: actors.otherOfficer, period, sort: { key: 'received', direction: 'desc' }, now: NOW })
    expect(other.rows.map((row) => row.communeCode)).toEqual(['99001'])
    expect(other.totals.received).toBe(1)
  })
})

/** Every dossier id of a measure, page by page (checking the order keys never go backwards and nothing repeats). */
async function allRows(actor: Actor, communeCode: string, measure: DashboardMeasure, period: DashboardPeriod, procedureCode?: string): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | null = null
  let total = -1
  for (let pages = 0; pages < 1000; pages++) {
    const page = await listDashboardDossiers(client, { actor, communeCode, procedureCode, measure, period, now: NOW, cursor, limit: 37 })
    if (total >= 0) expect(page.total).toBe(total)
    total = page.total
    ids.push(...page.rows.map((row) => row.id))
    if (!page.nextCursor) break
    expect(page.rows).toHaveLength(37)
    cursor = page.nextCursor
  }
  expect(new Set(ids).size).toBe(ids.length)
  expect(ids).toHaveLength(total)
  return ids
}

describe('drill-down lists', () => {
  it('for every measure, the list total equals the dashboard figure, and pages and the export stream give the same dossiers', async () => {
    const period = parseDashboardPeriod({ ky: '90' }, NOW)
    const dashboard = await getProvinceDashboard(client, { actor: actors.officer, period, sort: { key: 'received', direction: 'desc' }, now: NOW })
    const sample = [dashboard.rows[0]!, dashboard.rows.find((row) => row.communeId === communeA.id)!, dashboard.rows.find((row) => row.communeId === communeLoad.id)!]
    for (const row of sample) {
      for (const measure of DASHBOARD_MEASURES) {
        const ids = await allRows(actors.officer, row.communeCode, measure, period)
        expect(ids.length, `${row.communeCode} ${measure}`).toBe(row[DASHBOARD_MEASURE_FIGURE[measure]])
        const streamed: string[] = []
        const opened = await openDashboardDossierStream(client, { actor: actors.officer, communeCode: row.communeCode, measure, period, now: NOW })
        expect(opened.total).toBe(ids.length)
        for await (const dossier of opened.rows) streamed.push(dossier.id)
        expect(streamed).toEqual(ids)
      }
    }
  })

  it('orders lists newest first (period measures) or soonest due first (open measures), with the columns a table needs', async () => {
    const period = parseDashboardPeriod({ ky: '90' }, NOW)
    const received = await listDashboardDossiers(client, { actor: actors.officer, communeCode: communeA.code, measure: 'received', period, now: NOW, limit: 200 })
    const times = received.rows.map((row) => row.submittedAt.getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
    const first = received.rows[0]!
    expect(first).toMatchObject({ code: expect.any(String), applicantName: expect.any(String), procedureName: expect.any(String), procedureCode: expect.any(String) })
    const open = await listDashboardDossiers(client, { actor: actors.officer, communeCode: communeA.code, measure: 'overdueNow', period, now: NOW, limit: 200 })
    const dues = open.rows.map((row) => row.dueAt!.getTime())
    expect(dues).toEqual([...dues].sort((a, b) => a - b))
    const ratings = await listDashboardDossiers(client, { actor: actors.officer, communeCode: communeA.code, measure: 'ratingsSatisfied', period, now: NOW, limit: 200 })
    expect(ratings.rows.every((row) => row.ratingScore !== null && row.ratingScore >= 4 && row.ratedAt instanceof Date)).toBe(true)
  })

  it('streams exports through the generator too, and refuses a forged cursor or page size', async () => {
    const period = parseDashboardPeriod({}, NOW)
    const streamed: string[] = []
    for await (const row of streamDashboardDossiers(client, { actor: actors.clerkA, communeCode: communeA.code, measure: 'received', period, now: NOW })) streamed.push(row.id)
    expect(streamed).toEqual(await allRows(actors.clerkA, communeA.code, 'received', period))
    const invalid = (input: { cursor?: string; limit?: number; measure?: string }) =>
      codeOf(listDashboardDossiers(client, { actor: actors.clerkA, communeCode: communeA.code, period, now: NOW, measure: 'received', ...input } as Parameters<typeof listDashboardDossiers>[1]))
    expect(await invalid({ cursor: 'not-a-cursor' })).toBe('INVALID_INPUT')
    expect(await invalid({ limit: 0 })).toBe('INVALID_INPUT')
    expect(await invalid({ limit: 10_000 })).toBe('INVALID_INPUT')
    expect(await invalid({ measure: 'everything' })).toBe('INVALID_INPUT')
  })
})

describe('commune and procedure views', () => {
  it('a commune is the sum of its procedures, equal to its row in the ranking; a procedure view equals its row', async () => {
    const period = parseDashboardPeriod({ ky: '90' }, NOW)
    const province = await getProvinceDashboard(client, { actor: actors.officer, period, sort: { key: 'received', direction: 'desc' }, now: NOW })
    const commune = await getCommuneDashboard(client, { actor: actors.clerkA, communeCode: communeA.code, period, sort: { key: 'received', direction: 'desc' }, now: NOW })
    const row = province.rows.find((entry) => entry.communeId === communeA.id)!
    expect(pick(commune.figures)).toEqual(pick(row))
    expect(commune.figures.processingMinutes).toBe(row.processingMinutes)
    for (const key of COUNTED) expect(commune.rows.reduce((acc, entry) => acc + entry[key], 0), key).toBe(commune.figures[key])
    expect(commune.trends.daily.reduce((acc, day) => acc + day.received, 0)).toBe(commune.figures.received)
    // Per procedure, against the dossiers.
    for (const procedureRow of commune.rows.slice(0, 3)) {
      const direct = (await directCounts(period, procedureRow.procedureId)).get(communeA.id)
      expect(pick(procedureRow)).toEqual(direct)
      const view = await getProcedureInCommune(client, { actor: actors.officer, communeCode: communeA.code, procedureCode: procedureRow.procedureCode, period, now: NOW })
      expect(view.figures).toEqual(Object.fromEntries(Object.keys(view.figures).map((key) => [key, procedureRow[key as keyof DashboardFigures]])))
      expect(view.procedure.code).toBe(procedureRow.procedureCode)
      for (const measure of ['received', 'resolved', 'inProgress', 'ratings'] as const) {
        const page = await listDashboardDossiers(client, { actor: actors.officer, communeCode: communeA.code, procedureCode: procedureRow.procedureCode, measure, period, now: NOW, limit: 5 })
        expect(page.total, `${procedureRow.procedureCode} ${measure}`).toBe(procedureRow[DASHBOARD_MEASURE_FIGURE[measure]])
        expect(page.rows.every((dossier) => dossier.procedureCode === procedureRow.procedureCode)).toBe(true)
      }
    }
    expect(await codeOf(getProcedureInCommune(client, { actor: actors.officer, communeCode: communeA.code, procedureCode: 'no-such-procedure', period, now: NOW }))).toBe('NOT_FOUND')
  })
})

describe('authorization', () => {
  const period = () => parseDashboardPeriod({}, NOW)
  const sort = { key: 'received', direction: 'desc' } as const

  it.each([
    ['officer', 'ALLOWED'],
    ['admin', 'ALLOWED'],
    ['otherOfficer', 'ALLOWED'],
    ['officerWithoutProvince', 'FORBIDDEN'],
    ['clerkA', 'FORBIDDEN'],
    ['citizen', 'FORBIDDEN'],
  ] as const)('the province view for %s → %s', async (who, expected) => {
    expect(await codeOf(getProvinceDashboard(client, { actor: actors[who], period: period(), sort, now: NOW }))).toBe(expected)
  })

  it.each([
    ['officer', 'ALLOWED'],
    ['admin', 'ALLOWED'],
    ['clerkA', 'ALLOWED'],
    ['clerkB', 'NOT_FOUND'],
    ['otherOfficer', 'NOT_FOUND'],
    ['citizen', 'FORBIDDEN'],
  ] as const)('commune A (its view, a procedure, a list, an export) for %s → %s', async (who, expected) => {
    const actor = actors[who]
    const communeCode = communeA.code
    expect(await codeOf(getCommuneDashboard(client, { actor, communeCode, period: period(), sort, now: NOW }))).toBe(expected)
    expect(await codeOf(getProcedureInCommune(client, { actor, communeCode, procedureCode: version.slug, period: period(), now: NOW }))).toBe(expected)
    expect(await codeOf(listDashboardDossiers(client, { actor, communeCode, measure: 'received', period: period(), now: NOW }))).toBe(expected)
    expect(await codeOf(openDashboardDossierStream(client, { actor, communeCode, measure: 'received', period: period(), now: NOW }))).toBe(expected)
    const drain = async () => {
      for await (const row of streamDashboardDossiers(client, { actor, communeCode, measure: 'overdueNow', period: period(), now: NOW })) void row
    }
    expect(await codeOf(drain())).toBe(expected)
  })

  it('answers an unknown commune exactly like one outside the scope', async () => {
    for (const communeCode of ['00000', "16681' OR '1'='1", '']) {
      expect(await codeOf(getCommuneDashboard(client, { actor: actors.clerkA, communeCode, period: period(), sort, now: NOW }))).toBe('NOT_FOUND')
    }
  })

  it('refuses a doctored period or threshold', async () => {
    const bad = { ...period(), days: 1000 }
    expect(await codeOf(getProvinceDashboard(client, { actor: actors.officer, period: bad, sort, now: NOW }))).toBe('INVALID_INPUT')
    expect(await codeOf(getProvinceDashboard(client, { actor: actors.officer, period: period(), sort, now: NOW, threshold: 0 }))).toBe('INVALID_INPUT')
  })
})
