/**
 * The dashboard aggregates (DossierDailyStat, DossierOpenStat) are kept by database triggers in the same
 * transaction as every change. Here random workloads are replayed — workflow transitions through the real
 * use-case by several staff at once, payments, refunds, ratings, attachments, fee changes, calendar changes,
 * rolled-back transactions — and after each round every aggregate row must equal the set-based recount from the
 * dossiers (src/server/stats/recount.ts), which is written independently of the triggers.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import type { PrismaClient } from '@/generated/prisma/client'
import { createPrismaClient } from '@/server/prisma-client'
import { transitionDossier, type UploadedFile } from '@/server/dossier/transition-dossier'
import { aggregateDrift, isExact, recountDashboardAggregates } from '@/server/stats/recount'
import { seedDatabase } from '../../prisma/seed'
import { actorOf, submittedDossier } from '../support/dossiers'

const START = new Date('2026-10-01T01:00:00Z')
const meta = { ip: '10.9.8.7', userAgent: 'vitest' }
/** The seed of the random workload: printed on failure so a failing replay can be rerun exactly. */
const SEED = Number(process.env.AGGREGATE_REPLAY_SEED ?? Date.now() % 1_000_000)

let client: PrismaClient
type Staff = { clerk: Actor; specialist: Actor; leader: Actor }
const staffOf = new Map<string, Staff>()
const COMMUNES = ['16681', '16690'] as const
const DEMO_SLUG: Record<(typeof COMMUNES)[number], string> = { '16681': 'thanhvinh', '16690': 'truongvinh' }
const PROCEDURES = ['1.001193', '1.004884'] as const

/** Small, fast, seedable PRNG (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  }
}
type Random = ReturnType<typeof random>

async function expectExact(context: string) {
  const drift = await aggregateDrift(client)
  if (!isExact(drift)) {
    throw new Error(`aggregates differ from the recount after ${context} (seed ${SEED}):\n${JSON.stringify(drift, null, 2)}`)
  }
}

const scan = (documentKey: string | null = null): UploadedFile => ({
  storageKey: `test/${randomUUID()}`,
  fileName: 'Bản scan.pdf',
  mimeType: 'application/pdf',
  sizeBytes: 2048,
  sha256: 'b'.repeat(64),
  documentKey,
})

/** Tries one workflow action as the role that may take it; an action the workflow refuses just does nothing. */
async function tryAction(rng: Random, dossier: { code: string; communeCode: string }, at: Date): Promise<string | null> {
  const staff = staffOf.get(dossier.communeCode)!
  const current = await client.dossier.findUniqueOrThrow({ where: { code: dossier.code }, select: { version: true, state: true, dueAt: true } })
  const options: { action: string; actor: Actor; extra?: Record<string, unknown>; uploads?: UploadedFile[] }[] = [
    { action: 'receive', actor: staff.clerk, extra: { assigneeId: staff.specialist.userId } },
    { action: 'request_supplement', actor: staff.specialist, extra: { reason: 'Thiếu bản sao', supplementItems: [{ label: 'Bản sao CCCD' }] } },
    { action: 'supply', actor: staff.clerk, extra: { reason: 'Nộp tại quầy' }, uploads: [scan('item-1')] },
    { action: 'forward', actor: staff.specialist },
    { action: 'forward', actor: staff.clerk },
    { action: 'approve', actor: staff.leader },
    { action: 'send_back', actor: staff.leader, extra: { reason: 'Xem lại' } },
    { action: 'return_result', actor: staff.clerk },
    { action: 'return_result', actor: staff.clerk },
    { action: 'refuse', actor: rng.chance(0.5) ? staff.clerk : staff.leader, extra: { reason: 'Không đủ điều kiện' } },
    { action: 'withdraw', actor: staff.clerk, extra: { reason: 'Công dân xin rút' } },
  ]
  if (current.dueAt) {
    const later = new Date(current.dueAt.getTime() + (1 + rng.int(5)) * 86_400_000)
    options.push({ action: 'reschedule', actor: staff.leader, extra: { reason: 'Cần xác minh thêm', newDueDate: later.toISOString().slice(0, 10) } })
  }
  const choice = rng.pick(options)
  try {
    await transitionDossier(client, {
      actor: choice.actor,
      input: { dossierRef: dossier.code, action: choice.action, expectedVersion: current.version, ...choice.extra },
      uploads: choice.uploads ?? [],
      meta,
      now: at,
    })
    return choice.action
  } catch (error) {
    if (error instanceof AppError) return null
    throw error
  }
}

/** A write beside the workflow that changes a dossier's facts: money, rating, files, fee. */
async function sideWrite(rng: Random, dossierCode: string, at: Date): Promise<void> {
  const dossier = await client.dossier.findUniqueOrThrow({ where: { code: dossierCode }, select: { id: true, communeId: true, state: true, feeVnd: true } })
  switch (rng.int(6)) {
    case 0: {
      const last = await client.payment.aggregate({ where: { dossierId: dossier.id }, _max: { sequence: true } })
      const sequence = (last._max.sequence ?? 0) + 1
      const status = rng.pick(['PAID', 'PENDING', 'FAILED', 'EXPIRED'] as const)
      await client.payment.create({
        data: {
          dossierId: dossier.id,
          communeId: dossier.communeId,
          amountVnd: 8000,
          method: rng.pick(['VIETQR', 'GATEWAY', 'CASH'] as const),
          status,
          reference: `T${randomUUID()}`,
          idempotencyKey: randomUUID(),
          sequence,
          paidAt: status === 'PAID' ? at : null,
        },
      })
      return
    }
    case 1: {
      // A payment settles, is refunded, or fails — whatever the one picked allows.
      const payment = await client.payment.findFirst({ where: { dossierId: dossier.id }, orderBy: { sequence: 'desc' }, select: { id: true, status: true } })
      if (!payment) return
      const next = payment.status === 'PAID' ? 'REFUNDED' : payment.status === 'PENDING' ? rng.pick(['PAID', 'EXPIRED'] as const) : 'PAID'
      await client.payment.update({ where: { id: payment.id }, data: { status: next, ...(next === 'PAID' ? { paidAt: at } : {}) } })
      return
    }
    case 2: {
      if (dossier.state !== 'RETURNED') return
      const rated = await client.dossierRating.findUnique({ where: { dossierId: dossier.id }, select: { id: true } })
      if (rated) await client.dossierRating.update({ where: { id: rated.id }, data: { score: 1 + rng.int(5) } })
      else await client.dossierRating.create({ data: { dossierId: dossier.id, communeId: dossier.communeId, score: 1 + rng.int(5), createdAt: at } })
      return
    }
    case 3: {
      // The electronic result, or a file scanned later.
      const kind = rng.pick(['RESULT', 'APPLICATION', 'SLIP'] as const)
      await client.attachment.create({
        data: { communeId: dossier.communeId, dossierId: dossier.id, kind, fileName: 'kq.pdf', mimeType: 'application/pdf', sizeBytes: 10, sha256: 'c'.repeat(64), storageKey: `test/${randomUUID()}` },
      })
      return
    }
    case 4: {
      await client.dossier.update({ where: { id: dossier.id }, data: { feeVnd: rng.pick([0, 8000, 50000]) } })
      return
    }
    default: {
      // A transaction that writes and then fails leaves nothing behind, aggregates included.
      await client
        .$transaction(async (tx) => {
          await tx.dossier.update({ where: { id: dossier.id }, data: { feeVnd: dossier.feeVnd + 1000 } })
          await tx.attachment.create({
            data: { communeId: dossier.communeId, dossierId: dossier.id, kind: 'RESULT', fileName: 'x.pdf', mimeType: 'application/pdf', sizeBytes: 1, sha256: 'd'.repeat(64), storageKey: `test/${randomUUID()}` },
          })
          throw new Error('rolled back on purpose')
        })
        .catch((error: unknown) => {
          if (!(error instanceof Error) || error.message !== 'rolled back on purpose') throw error
        })
    }
  }
}

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 400, now: START })
  client = createPrismaClient(process.env.DATABASE_URL!, 6)
  for (const code of COMMUNES) {
    const slug = DEMO_SLUG[code]
    staffOf.set(code, { clerk: await actorOf(client, `canbo.${slug}`), specialist: await actorOf(client, `chuyenvien.${slug}`), leader: await actorOf(client, `lanhdao.${slug}`) })
  }
}, 180_000)

afterAll(async () => {
  await client?.$disconnect()
})

describe('dashboard aggregates kept by the database', () => {
  it('the seeded history is exact: the triggers and the recount agree', async () => {
    await expectExact('seeding')
  })

  it('stay equal to a recount after random workloads of transitions, payments, ratings and files, several staff at once', async () => {
    const rng = random(SEED)
    const dossiers: { code: string; communeCode: string }[] = []
    let actions = 0
    for (let round = 0; round < 6; round++) {
      // New dossiers, online and at the desk, on days spread over the period.
      for (let i = 0; i < 8; i++) {
        const communeCode = rng.pick(COMMUNES)
        const submittedAt = new Date(START.getTime() + rng.int(40) * 86_400_000 + rng.int(20) * 3_600_000)
        const created = await submittedDossier(client, { communeCode, slug: rng.pick(PROCEDURES), submittedAt })
        if (rng.chance(0.3)) await client.dossier.update({ where: { id: created.id }, data: { channel: 'DESK' } })
        if (rng.chance(0.5)) await sideWrite(rng, created.code, submittedAt)
        dossiers.push({ code: created.code, communeCode })
      }
      // Four staff desks at once, each walking its own random dossiers through the workflow.
      const walkers = Array.from({ length: 4 }, (_, walker) => random(SEED * 31 + round * 7 + walker))
      await Promise.all(
        walkers.map(async (walkerRng) => {
          for (let step = 0; step < 12; step++) {
            const dossier = walkerRng.pick(dossiers)
            const at = new Date(START.getTime() + (45 + round * 3) * 86_400_000 + walkerRng.int(48) * 3_600_000)
            if (walkerRng.chance(0.7)) {
              if (await tryAction(walkerRng, dossier, at)) actions++
            } else {
              await sideWrite(walkerRng, dossier.code, at)
            }
          }
        }),
      )
      // The working calendar changes: a day off declared, or one taken back.
      if (rng.chance(0.5)) {
        const date = new Date(Date.UTC(2026, 9, 1 + rng.int(70)))
        const existing = await client.calendarDay.findUnique({ where: { date }, select: { id: true } })
        if (existing) await client.calendarDay.delete({ where: { id: existing.id } })
        else await client.calendarDay.create({ data: { date, kind: rng.pick(['HOLIDAY', 'DAY_OFF', 'WORKING_DAY'] as const), name: 'Ngày thử nghiệm' } })
      }
      await expectExact(`round ${round + 1}`)
    }
    // The workload really moved dossiers: a replay that changed nothing would prove nothing.
    expect(actions).toBeGreaterThan(20)
    const finished = await client.dossier.count({ where: { code: { in: dossiers.map((dossier) => dossier.code) }, state: { in: ['RETURNED', 'REFUSED', 'WITHDRAWN'] } } })
    expect(finished).toBeGreaterThan(0)
  })

  it('the recount rewrites exactly the rows the triggers keep', async () => {
    const hash = async () => {
      const rows = await client.$queryRaw<{ daily: string; open: string }[]>`
        SELECT (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "DossierDailyStat" t) AS daily,
               (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "DossierOpenStat" t) AS open`
      return rows[0]
    }
    const before = await hash()
    await client.$transaction((tx) => recountDashboardAggregates(tx))
    expect(await hash()).toEqual(before)
  })

  it('a drift is seen: a row changed behind the triggers’ back is reported by the comparison', async () => {
    const row = await client.dossierDailyStat.findFirstOrThrow({ where: { received: { gt: 0 } }, select: { communeId: true, day: true, procedureId: true, received: true } })
    await client.$transaction(async (tx) => {
      await tx.dossierDailyStat.update({ where: { communeId_day_procedureId: { communeId: row.communeId, day: row.day, procedureId: row.procedureId } }, data: { received: row.received + 1 } })
      const drift = await aggregateDrift(tx)
      expect(drift.daily.stored).toHaveLength(1)
      expect(drift.daily.stored[0]).toMatchObject({ received: row.received + 1 })
      expect(drift.daily.recounted[0]).toMatchObject({ received: row.received })
      await recountDashboardAggregates(tx)
      expect(isExact(await aggregateDrift(tx))).toBe(true)
    })
  })
})
