/**
 * The service-quality index (Decision 766) on PostgreSQL: from dossiers (the seeded demo history plus dossiers
 * placed on the period's local-midnight boundaries) through the maintained aggregates (filled by the set-based
 * recount) to each commune's index counts, which must equal direct counts from "Dossier" (independent Prisma
 * queries); the province is the combination of its communes' counts (never an average of scores); the ranking and
 * the simulator agree with the pure domain on those counts; and only the right people may read each view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { localInstant } from '@/domain/calendar/working-days'
import { AppError } from '@/domain/errors'
import { parseDashboardPeriod } from '@/domain/stats/dashboard-metrics'
import type { DashboardPeriod } from '@/domain/stats/dashboard-metrics-types'
import { combineIndexInputs, computeServiceIndex, scoreServiceIndex, simulateImprovements, type ServiceIndexInput } from '@/domain/stats/service-index'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import { loadActor } from '@/server/auth/load-actor'
import { createPrismaClient } from '@/server/prisma-client'
import { recountDashboardAggregates } from '@/server/stats/recount'
import { getCommuneServiceIndex } from '@/server/stats/service-index-commune'
import { loadServiceIndexInputs } from '@/server/stats/service-index-inputs'
import { getServiceIndexRanking } from '@/server/stats/service-index-ranking'
import { seedDatabase } from '../../prisma/seed'

/** 2026-11-24 10:00 in Vietnam. */
const NOW = new Date('2026-11-24T03:00:00Z')
const HOUR = 3_600_000
const DAY = 24 * HOUR

let client: PrismaClient
const actors = {} as Record<'officer' | 'admin' | 'clerk' | 'leader' | 'citizen' | 'otherOfficer' | 'officerWithoutProvince', Actor>
let communeA: { id: string; code: string; provinceId: string }
let otherCommune: { id: string; code: string }
let version: { id: string; procedureId: string; workflowVersionId: string }

let sequence = 0
async function makeDossier(commune: { id: string; code: string }, data: Partial<Prisma.DossierUncheckedCreateInput>): Promise<string> {
  sequence += 1
  const dossier = await client.dossier.create({
    data: {
      code: `${commune.code}-991230-${String(sequence).padStart(5, '0')}`,
      communeId: commune.id,
      procedureId: version.procedureId,
      procedureVersionId: version.id,
      workflowVersionId: version.workflowVersionId,
      applicantName: `Người nộp ${sequence}`,
      channel: 'DESK',
      state: 'PROCESSING',
      currentStep: 'processing',
      formData: {},
      submittedAt: new Date(NOW.getTime() - 10 * DAY),
      receivedAt: new Date(NOW.getTime() - 10 * DAY),
      ...data,
    },
    select: { id: true },
  })
  return dossier.id
}

async function attach(dossierId: string, communeId: string, kind: 'APPLICATION' | 'SUPPLEMENT' | 'RESULT' | 'SLIP') {
  sequence += 1
  await client.attachment.create({
    data: { communeId, dossierId, kind, fileName: 'x.pdf', mimeType: 'application/pdf', sizeBytes: 1, sha256: 'x', storageKey: `service-index-test/${sequence}` },
  })
}

async function pay(dossierId: string, communeId: string, method: 'VIETQR' | 'GATEWAY' | 'CASH', status: 'PAID' | 'REFUNDED' | 'PENDING', paidAt: Date | null) {
  sequence += 1
  const earlier = await client.payment.count({ where: { dossierId } })
  await client.payment.create({
    data: { dossierId, communeId, amountVnd: 8_000, method, status, reference: `IDX${sequence}`, idempotencyKey: `service-index-${sequence}`, sequence: earlier + 1, paidAt },
  })
}

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 1500, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  const actorFor = async (where: Prisma.UserWhereInput) => {
    const user = await client.user.findFirstOrThrow({ where, select: { id: true, sessionVersion: true } })
    return (await loadActor(client, user.id, user.sessionVersion))!
  }
  Object.assign(actors, {
    officer: await actorFor({ username: 'tinh.nghean' }),
    admin: await actorFor({ username: 'quantri' }),
    clerk: await actorFor({ username: 'canbo.thanhvinh' }),
    leader: await actorFor({ username: 'lanhdao.thanhvinh' }),
    citizen: await actorFor({ role: 'CITIZEN' }),
  })
  communeA = await client.commune.findUniqueOrThrow({ where: { code: '16681' }, select: { id: true, code: true, provinceId: true } })
  expect(actors.clerk.communeIds).toEqual([communeA.id])
  version = await client.procedureVersion.findFirstOrThrow({
    where: { status: 'PUBLISHED', procedure: { slug: '1.001193' } },
    select: { id: true, procedureId: true, workflowVersionId: true },
  })

  // A second province with one commune and some activity: never part of the first province's figures.
  const province = await client.province.create({ data: { code: '98', name: 'Tỉnh Chỉ Số' }, select: { id: true } })
  otherCommune = await client.commune.create({ data: { code: '98001', name: 'Xã Chỉ Số', kind: 'XA', provinceId: province.id }, select: { id: true, code: true } })
  actors.otherOfficer = { userId: '00000000-0000-7000-8000-000000000098', role: 'PROVINCE_OFFICER', fullName: 'Cán bộ tỉnh khác', communeIds: [], provinceId: province.id }
  actors.officerWithoutProvince = { ...actors.otherOfficer, provinceId: null }
  const foreign = await makeDossier(otherCommune, { state: 'RETURNED', outcome: 'LATE', completedAt: new Date(NOW.getTime() - 2 * DAY), channel: 'ONLINE', submittedAt: new Date(NOW.getTime() - 3 * DAY) })
  await client.dossierRating.create({ data: { dossierId: foreign, communeId: otherCommune.id, score: 1, createdAt: new Date(NOW.getTime() - DAY) } })

  // On the boundaries of the default period (last 30 days: 2026-10-26 … 2026-11-24, local).
  const start = localInstant('2026-10-26', 0)
  const inside = await makeDossier(communeA, { submittedAt: start, channel: 'ONLINE', feeVnd: 8_000, state: 'SUBMITTED', receivedAt: null, currentStep: 'reception' })
  await attach(inside, communeA.id, 'APPLICATION')
  await pay(inside, communeA.id, 'VIETQR', 'PAID', start)
  const refunded = await makeDossier(communeA, { submittedAt: new Date(start.getTime() + HOUR), feeVnd: 8_000 })
  await attach(refunded, communeA.id, 'SUPPLEMENT')
  await pay(refunded, communeA.id, 'GATEWAY', 'REFUNDED', new Date(start.getTime() + HOUR))
  const cash = await makeDossier(communeA, { submittedAt: new Date(start.getTime() + 2 * HOUR), feeVnd: 8_000 })
  await attach(cash, communeA.id, 'SLIP') // a generated slip is not a digitised dossier
  await pay(cash, communeA.id, 'CASH', 'PAID', new Date(start.getTime() + 2 * HOUR))
  await pay(cash, communeA.id, 'VIETQR', 'PENDING', null)
  const before = await makeDossier(communeA, { submittedAt: new Date(start.getTime() - 1), channel: 'ONLINE', feeVnd: 8_000 })
  await attach(before, communeA.id, 'APPLICATION')
  const returnedAtStart = await makeDossier(communeA, { state: 'RETURNED', outcome: 'ON_TIME', submittedAt: new Date(start.getTime() - 5 * DAY), completedAt: start })
  await attach(returnedAtStart, communeA.id, 'RESULT')
  await client.dossierRating.create({ data: { dossierId: returnedAtStart, communeId: communeA.id, score: 4, createdAt: start } })
  const returnedBefore = await makeDossier(communeA, { state: 'RETURNED', outcome: 'LATE', submittedAt: new Date(start.getTime() - 5 * DAY), completedAt: new Date(start.getTime() - 1) })
  await attach(returnedBefore, communeA.id, 'RESULT')
  await client.dossierRating.create({ data: { dossierId: returnedBefore, communeId: communeA.id, score: 5, createdAt: new Date(start.getTime() - 1) } })
  // Refused with an outcome recorded: never "settled" for the index (only RETURNED dossiers are).
  await makeDossier(communeA, { state: 'REFUSED', outcome: 'LATE', completedAt: new Date(NOW.getTime() - DAY) })
  // The end of an explicit period (2026-11-01 … 2026-11-10): the last millisecond of the 10th counts, the 11th not.
  const end = localInstant('2026-11-11', 0)
  const lastMoment = await makeDossier(communeA, { state: 'RETURNED', outcome: 'EARLY', completedAt: new Date(end.getTime() - 1), submittedAt: new Date(end.getTime() - 1) })
  await client.dossierRating.create({ data: { dossierId: lastMoment, communeId: communeA.id, score: 3, createdAt: new Date(end.getTime() - 1) } })
  await makeDossier(communeA, { state: 'RETURNED', outcome: 'EARLY', completedAt: end, submittedAt: end })

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

const period = (params: Record<string, string> = {}): DashboardPeriod => parseDashboardPeriod(params, NOW)

/** Per commune: how many dossiers match `where`, counted by Prisma straight from "Dossier". */
async function countBy(where: Prisma.DossierWhereInput): Promise<Map<string, number>> {
  const groups = await client.dossier.groupBy({ by: ['communeId'], where, _count: { _all: true } })
  return new Map(groups.map((group) => [group.communeId, group._count._all]))
}

/**
 * Every commune's index counts straight from the dossiers, ratings and catalogue — written from the definitions
 * of the index (service-index-inputs.ts), independently of the aggregates and of the SQL under test.
 */
async function directInputs(of: DashboardPeriod, communeIds: readonly string[]): Promise<Map<string, ServiceIndexInput>> {
  const inPeriod = { gte: of.startsAt, lt: of.endsBefore }
  const submitted: Prisma.DossierWhereInput = { submittedAt: inPeriod }
  const returned: Prisma.DossierWhereInput = { completedAt: inPeriod, state: 'RETURNED' }
  const [received, online, digitised, feeDue, paidOnline, early, onTime, late, issued, electronic] = await Promise.all([
    countBy(submitted),
    countBy({ ...submitted, channel: 'ONLINE' }),
    countBy({ ...submitted, attachments: { some: { kind: { in: ['APPLICATION', 'SUPPLEMENT'] } } } }),
    countBy({ ...submitted, feeVnd: { gt: 0 } }),
    countBy({ ...submitted, feeVnd: { gt: 0 }, payments: { some: { method: { in: ['VIETQR', 'GATEWAY'] }, status: { in: ['PAID', 'REFUNDED'] } } } }),
    countBy({ ...returned, outcome: 'EARLY' }),
    countBy({ ...returned, outcome: 'ON_TIME' }),
    countBy({ ...returned, outcome: 'LATE' }),
    countBy(returned),
    countBy({ ...returned, attachments: { some: { kind: 'RESULT' } } }),
  ])
  const ratings = await client.dossierRating.findMany({ where: { createdAt: inPeriod }, select: { score: true, dossier: { select: { communeId: true } } } })
  const procedures = await client.procedure.findMany({
    where: { isActive: true, versions: { some: { status: { in: ['PUBLISHED', 'RETIRED'] }, publishedAt: { lt: of.endsBefore } } } },
    select: { currentVersion: { select: { onlineLevel: true } } },
  })
  const offeredOnline = procedures.filter((procedure) => procedure.currentVersion && procedure.currentVersion.onlineLevel !== 'NONE').length
  const of0 = (map: Map<string, number>, id: string) => map.get(id) ?? 0
  const inputs = new Map<string, ServiceIndexInput>()
  for (const id of communeIds) {
    const rated = ratings.filter((rating) => rating.dossier.communeId === id)
    inputs.set(id, {
      publication: null,
      settlement: { early: of0(early, id), onTime: of0(onTime, id), late: of0(late, id) },
      dossierDigitisation: { received: of0(received, id), withElectronicFiles: of0(digitised, id) },
      resultDigitisation: { issued: of0(issued, id), electronic: of0(electronic, id) },
      onlineProcedures: { procedures: procedures.length, offeredOnline },
      onlineDossiers: { received: of0(received, id), online: of0(online, id) },
      onlinePayment: { feeDossiers: of0(feeDue, id), paidOnline: of0(paidOnline, id) },
      ratings: { count: rated.length, satisfied: rated.filter((rating) => rating.score >= 4).length },
      feedback: null,
    })
  }
  return inputs
}

describe('index counts from the maintained aggregates', () => {
  it('equal direct counts from the dossiers for every commune, over preset and explicit periods', async () => {
    const communes = await client.commune.findMany({ select: { id: true } })
    const ids = communes.map((commune) => commune.id)
    for (const chosen of [period(), period({ ky: '365' }), period({ tu: '2026-11-01', den: '2026-11-10' }), period({ tu: '2026-10-26', den: '2026-10-26' })]) {
      const [{ inputs }, expected] = await Promise.all([loadServiceIndexInputs(client, { communeIds: ids, period: chosen }), directInputs(chosen, ids)])
      expect(inputs.size).toBe(ids.length)
      for (const id of ids) expect({ id, input: inputs.get(id) }).toEqual({ id, input: expected.get(id) })
    }
  })

  it('the data exercise every criterion the system can compute (the comparison above is not vacuous)', async () => {
    const { inputs } = await loadServiceIndexInputs(client, { communeIds: [communeA.id], period: period({ ky: '365' }) })
    const input = inputs.get(communeA.id)!
    expect(input.settlement!.early).toBeGreaterThan(0)
    expect(input.settlement!.onTime).toBeGreaterThan(0)
    expect(input.settlement!.late).toBeGreaterThan(0)
    for (const [part, whole] of [
      [input.dossierDigitisation!.withElectronicFiles, input.dossierDigitisation!.received],
      [input.resultDigitisation!.electronic, input.resultDigitisation!.issued],
      [input.onlineDossiers!.online, input.onlineDossiers!.received],
      [input.onlinePayment!.paidOnline, input.onlinePayment!.feeDossiers],
      [input.ratings!.satisfied, input.ratings!.count],
    ] as const) {
      expect(part).toBeGreaterThan(0)
      expect(part).toBeLessThan(whole)
    }
    expect(input.onlineProcedures!.procedures).toBeGreaterThan(0)
  })

  it('counts the boundaries of a period by local day: the first and last moments in, the next day out', async () => {
    const day = period({ tu: '2026-10-26', den: '2026-10-26' })
    const [{ inputs }, expected] = await Promise.all([loadServiceIndexInputs(client, { communeIds: [communeA.id], period: day }), directInputs(day, [communeA.id])])
    const input = inputs.get(communeA.id)!
    expect(input).toEqual(expected.get(communeA.id))
    // Placed at 00:00 on the 26th: the online, digitised dossiers paid online (QR, and gateway refunded later) are in.
    expect(input.onlinePayment!.paidOnline).toBeGreaterThanOrEqual(2)
    expect(input.ratings!.satisfied).toBeGreaterThanOrEqual(1)
  })

  it('leaves out what cannot be computed: publication on time and feedback are null (NOT_AVAILABLE)', async () => {
    const result = await getCommuneServiceIndex(client, { actor: actors.officer, communeCode: '16681', period: period() })
    expect(result.input.publication).toBeNull()
    expect(result.input.feedback).toBeNull()
    expect(result.unavailable.map((item) => item.reason)).toEqual(['PUBLICATION_DEADLINE_NOT_RECORDED', 'NO_FEEDBACK_MODULE'])
    const statuses = Object.fromEntries(result.index.groups.flatMap((group) => group.criteria).map((criterion) => [criterion.key, criterion.status]))
    expect(statuses).toMatchObject({ proceduresPublishedOnTime: 'NOT_AVAILABLE', feedbackOnTime: 'NOT_AVAILABLE', feedbackSatisfied: 'NOT_AVAILABLE', dossiersSettledOnTime: 'COMPUTED' })
    // The catalogue: every seeded procedure, published at the seed, each with an online level the seed defaulted.
    const procedures = await client.procedure.count({ where: { isActive: true } })
    expect(result.catalogue).toMatchObject({ procedures })
    expect(result.catalogue.onlineLevelUnverified).toBeGreaterThan(0)
  })

  it('before any procedure was published, the catalogue criterion has no data (not 0 %, not 100 %)', async () => {
    const early = await client.procedureVersion.aggregate({ _min: { publishedAt: true } })
    const before = new Date(early._min.publishedAt!.getTime() - 400 * DAY)
    const day = before.toISOString().slice(0, 10)
    const { inputs, catalogue } = await loadServiceIndexInputs(client, { communeIds: [communeA.id], period: period({ tu: day, den: day }) })
    expect(catalogue.procedures).toBe(0)
    expect(inputs.get(communeA.id)!.onlineProcedures).toEqual({ procedures: 0, offeredOnline: 0 })
  })
})

describe('getServiceIndexRanking', () => {
  it('scores every commune of the officer’s province from its counts; the province combines them', async () => {
    const chosen = period({ ky: '90' })
    const ranking = await getServiceIndexRanking(client, { actor: actors.officer, period: chosen })
    const communes = await client.commune.findMany({ where: { provinceId: communeA.provinceId }, select: { id: true } })
    expect(ranking.province).toMatchObject({ id: communeA.provinceId })
    expect(ranking.rows.map((row) => row.communeId).sort()).toEqual(communes.map((commune) => commune.id).sort())
    expect(ranking.rows.some((row) => row.communeCode === otherCommune.code)).toBe(false)

    const expected = await directInputs(chosen, communes.map((commune) => commune.id))
    for (const row of ranking.rows) {
      const figures = scoreServiceIndex(expected.get(row.communeId)!)
      expect({ code: row.communeCode, score: row.score, earned: row.earned, maxComputable: row.maxComputable }).toEqual({
        code: row.communeCode,
        score: figures.score,
        earned: figures.earned,
        maxComputable: figures.maxComputable,
      })
    }
    // The province is one unit made of its communes' counts: sums of numerators and denominators.
    const combined = combineIndexInputs([...expected.values()])
    expect(ranking.total.input).toEqual(combined)
    expect(ranking.total.index).toEqual(computeServiceIndex(combined))
    expect(ranking.total.input.settlement!.early + ranking.total.input.settlement!.onTime + ranking.total.input.settlement!.late).toBe(
      [...expected.values()].reduce((sum, input) => sum + input.settlement!.early + input.settlement!.onTime + input.settlement!.late, 0),
    )
    expect(ranking.total.input.onlineProcedures!.procedures).toBe(communes.length * expected.get(communeA.id)!.onlineProcedures!.procedures)
    expect(ranking.unconfirmed.length).toBeGreaterThan(0)
  })

  it('sorts by score (highest first, unranked last) and by any whitelisted column', async () => {
    const chosen = period()
    const ranking = await getServiceIndexRanking(client, { actor: actors.officer, period: chosen })
    expect(ranking.sort).toEqual({ key: 'score', direction: 'desc' })
    const ranked = ranking.rows.filter((row) => row.ranked)
    expect(ranked.length).toBeGreaterThan(0)
    expect(ranking.rows.slice(0, ranked.length)).toEqual(ranked)
    const scored = ranked.map((row) => row.score!)
    expect(scored).toEqual([...scored].sort((a, b) => b - a))
    expect(ranking.rows.slice(ranked.length).every((row) => row.scoreRank === null)).toBe(true)
    // A commune is ranked exactly when it had a dossier submitted or settled, or a rating, in the period.
    const direct = await directInputs(chosen, ranking.rows.map((row) => row.communeId))
    for (const row of ranking.rows) {
      const input = direct.get(row.communeId)!
      const settled = input.settlement!.early + input.settlement!.onTime + input.settlement!.late
      expect({ code: row.communeCode, ranked: row.ranked }).toEqual({ code: row.communeCode, ranked: input.dossierDigitisation!.received + settled + input.resultDigitisation!.issued + input.ratings!.count > 0 })
    }
    expect(ranking.rows.map((row) => row.position)).toEqual(ranking.rows.map((_, index) => index + 1))
    const top = ranking.rows[0]!
    expect(top.scoreRank).toBe(1)

    const byGroup = await getServiceIndexRanking(client, { actor: actors.officer, period: chosen, sort: { xep: 'group:progress', chieu: 'asc' } })
    expect(byGroup.sort).toEqual({ key: 'group:progress', direction: 'asc' })
    const progress = byGroup.rows.map((row) => row.groups.find((group) => group.key === 'progress')!).filter((group) => group.maxComputable > 0).map((group) => group.earned)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    const byName = await getServiceIndexRanking(client, { actor: actors.officer, period: chosen, sort: { xep: 'name' } })
    expect(byName.rows.map((row) => row.communeName)).toEqual([...byName.rows.map((row) => row.communeName)].sort(new Intl.Collator('vi', { sensitivity: 'base', numeric: true }).compare))
    // An unknown column falls back to the default order rather than failing.
    expect((await getServiceIndexRanking(client, { actor: actors.officer, period: chosen, sort: { xep: 'DROP TABLE' } })).sort).toEqual({ key: 'score', direction: 'desc' })
  })

  it('an ADMIN ranks every commune of the system; the total is theirs', async () => {
    const ranking = await getServiceIndexRanking(client, { actor: actors.admin, period: period() })
    expect(ranking.province).toBeNull()
    expect(ranking.rows).toHaveLength(await client.commune.count())
    expect(ranking.rows.some((row) => row.communeCode === otherCommune.code)).toBe(true)
  })

  it('another province’s officer sees only their province', async () => {
    const ranking = await getServiceIndexRanking(client, { actor: actors.otherOfficer, period: period() })
    expect(ranking.rows.map((row) => row.communeCode)).toEqual([otherCommune.code])
    expect(ranking.total.input.settlement).toEqual({ early: 0, onTime: 0, late: 1 })
  })

  it('is refused to commune staff, citizens and an officer without a province', async () => {
    for (const actor of [actors.clerk, actors.leader, actors.citizen, actors.officerWithoutProvince]) {
      expect(await codeOf(getServiceIndexRanking(client, { actor, period: period() }))).toBe('FORBIDDEN')
    }
  })
})

describe('getCommuneServiceIndex', () => {
  it('explains the commune’s index from its direct counts, with the simulator of the domain', async () => {
    const chosen = period({ ky: '365' })
    const result = await getCommuneServiceIndex(client, { actor: actors.officer, communeCode: '16681', period: chosen, simulation: { mode: 'STEP', stepPercent: 20 } })
    const expected = (await directInputs(chosen, [communeA.id])).get(communeA.id)!
    expect(result.commune).toMatchObject({ id: communeA.id, code: '16681' })
    expect(result.input).toEqual(expected)
    expect(result.index).toEqual(computeServiceIndex(expected))
    expect(result.simulation).toEqual({ mode: 'STEP', stepPercent: 20, improvements: simulateImprovements(expected, undefined, { mode: 'STEP', stepPercent: 20 }) })
    const settled = result.index.groups.flatMap((group) => group.criteria).find((criterion) => criterion.key === 'dossiersSettledOnTime')!
    expect(settled.numerator).toBe(expected.settlement!.early + expected.settlement!.onTime)
    expect(settled.explanation.calculation.vi).toContain('Hồ sơ giải quyết trước hạn và đúng hạn / tổng hồ sơ đã giải quyết = ')
  })

  it('gives the same figures as the ranking row of the commune', async () => {
    const chosen = period()
    const [ranking, commune] = await Promise.all([
      getServiceIndexRanking(client, { actor: actors.admin, period: chosen }),
      getCommuneServiceIndex(client, { actor: actors.clerk, communeCode: '16681', period: chosen }),
    ])
    const row = ranking.rows.find((entry) => entry.communeCode === '16681')!
    expect([row.score, row.earned, row.maxComputable]).toEqual([commune.index.score, commune.index.earned, commune.index.maxComputable])
  })

  it('is scoped: officers their province, ADMIN any, staff their own commune; others not found', async () => {
    const other = await client.commune.findFirstOrThrow({ where: { provinceId: communeA.provinceId, code: { not: '16681' } }, select: { code: true } })
    const read = (actor: Actor, communeCode: string) => codeOf(getCommuneServiceIndex(client, { actor, communeCode, period: period() }))
    expect(await read(actors.officer, '16681')).toBe('ALLOWED')
    expect(await read(actors.officer, other.code)).toBe('ALLOWED')
    expect(await read(actors.officer, otherCommune.code)).toBe('NOT_FOUND')
    expect(await read(actors.otherOfficer, otherCommune.code)).toBe('ALLOWED')
    expect(await read(actors.otherOfficer, '16681')).toBe('NOT_FOUND')
    expect(await read(actors.officerWithoutProvince, otherCommune.code)).toBe('NOT_FOUND')
    expect(await read(actors.admin, otherCommune.code)).toBe('ALLOWED')
    expect(await read(actors.clerk, '16681')).toBe('ALLOWED')
    expect(await read(actors.leader, '16681')).toBe('ALLOWED')
    expect(await read(actors.clerk, other.code)).toBe('NOT_FOUND')
    expect(await read(actors.clerk, '00000')).toBe('NOT_FOUND')
    expect(await read(actors.clerk, '16681; DROP')).toBe('NOT_FOUND')
    expect(await read(actors.citizen, '16681')).toBe('FORBIDDEN')
  })
})
