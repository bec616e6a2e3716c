/**
 * "Hồ sơ của tôi" on PostgreSQL: the list holds the signed-in citizen's own dossiers only, each with the next
 * step of the domain rule, and its "needs your action" filter agrees with that rule; rating the service is
 * allowed once, on one's own returned dossier, with valid input, and audited; the seeded result files are
 * there, and downloadable by their owner only.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { citizenNextSteps, mustAct, type CitizenDossierFilter } from '@/domain/dossier/citizen-next-step'
import { AppError } from '@/domain/errors'
import type { PrismaClient } from '@/generated/prisma/client'
import { attachmentResponseHeaders } from '@/server/attachments/attachment-response-headers'
import { readAttachmentForActor } from '@/server/attachments/read-attachment'
import { LocalDiskStorage } from '@/server/attachments/storage/local-disk-storage'
import { listMyDossiers, type MyDossierItem } from '@/server/dossier/list-dossiers'
import { errorResponse } from '@/server/http/app-error-response'
import { createPrismaClient } from '@/server/prisma-client'
import { getDossierRating } from '@/server/rating/get-dossier-rating'
import { rateDossier } from '@/server/rating/rate-dossier'
import { seedDatabase } from '../../prisma/seed'
import { demoResultStorageKey } from '../../prisma/seed/demo-result-files'
import { actorOf, submittedDossier } from '../support/dossiers'

const NOW = new Date('2026-11-24T03:00:00Z')
const meta = { ip: '203.0.113.9', userAgent: 'vitest' }

let client: PrismaClient
let storageDir: string
let storage: LocalDiskStorage
let firstSeedResultFiles = 0
const actors = {} as Record<'owner' | 'neighbour' | 'clerk' | 'otherClerk', Actor>

async function refusal(work: Promise<unknown>): Promise<{ code: string; fieldErrors?: Record<string, string[]> } | 'OK'> {
  try {
    await work
    return 'OK'
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) }
    throw error
  }
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = []
  const reader = stream.getReader()
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value)
  return Buffer.concat(chunks)
}

/** Every page of a filter, following the cursor. */
async function allPages(actor: Actor, filter: CitizenDossierFilter): Promise<MyDossierItem[]> {
  const rows: MyDossierItem[] = []
  let cursor: string | null = null
  for (let page = 0; page < 100; page++) {
    const list = await listMyDossiers(client, { actor, query: { loc: filter, ...(cursor ? { sau: cursor } : {}) }, now: NOW })
    expect(list.filter).toBe(filter)
    rows.push(...list.dossiers)
    cursor = list.nextCursor
    if (!cursor) return rows
  }
  throw new Error('paging did not end')
}

/** A dossier of `applicant` in a given state (written directly; the use-cases under test act on it). */
async function dossierOf(applicant: Actor, state: 'PROCESSING' | 'RETURNED' | 'REFUSED' | 'AWAITING_SUPPLEMENT', extra: { feeVnd?: number } = {}) {
  const terminal = state === 'RETURNED' || state === 'REFUSED'
  const created = await submittedDossier(client, {
    submittedAt: new Date(NOW.getTime() - 10 * 86_400_000),
    applicantId: applicant.userId,
    applicantName: applicant.fullName,
    state,
    currentStep: state === 'RETURNED' ? 'returned' : state === 'REFUSED' ? 'refused' : state === 'AWAITING_SUPPLEMENT' ? 'awaiting_supplement' : 'processing',
    receivedAt: new Date(NOW.getTime() - 9 * 86_400_000),
    dueAt: new Date(NOW.getTime() + 2 * 86_400_000),
    ...(state === 'AWAITING_SUPPLEMENT' ? { clockPausedAt: new Date(NOW.getTime() - 86_400_000) } : {}),
  })
  if (terminal || extra.feeVnd) {
    await client.dossier.update({
      where: { id: created.id },
      data: { ...(terminal ? { completedAt: new Date(NOW.getTime() - 86_400_000), outcome: state === 'RETURNED' ? 'EARLY' : null } : {}), ...(extra.feeVnd ? { feeVnd: extra.feeVnd } : {}) },
    })
  }
  return created
}

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'motcua-citizen-dossiers-'))
  storage = new LocalDiskStorage(storageDir)
  const report = await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 1500, now: NOW, storage })
  firstSeedResultFiles = report.resultFiles
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  Object.assign(actors, {
    owner: await actorOf(client, { citizenId: '040085003917' }),
    neighbour: await actorOf(client, { citizenId: '040190004826' }),
    clerk: await actorOf(client, 'canbo.thanhvinh'),
    otherClerk: await actorOf(client, 'canbo.truongvinh'),
  })
}, 180_000)

afterAll(async () => {
  await client?.$disconnect()
  if (storageDir) await rm(storageDir, { recursive: true, force: true })
})

// First: the seed's own returned dossiers, before the tests below add dossiers of their own.
describe('result files of the demo citizens', () => {
  it("attaches one generated PDF to each demo citizen's returned online dossier, in storage, and none twice", async () => {
    const returned = await client.dossier.findMany({
      where: { state: 'RETURNED', channel: 'ONLINE', applicant: { is: { isDemo: true, role: 'CITIZEN' } } },
      select: { id: true, code: true, completedAt: true, attachments: { where: { kind: 'RESULT' }, select: { id: true, storageKey: true, sha256: true, sizeBytes: true, mimeType: true, fileName: true, createdAt: true } } },
    })
    expect(returned.length).toBeGreaterThan(0)
    expect(firstSeedResultFiles).toBe(returned.length)
    for (const dossier of returned) {
      expect(dossier.attachments, dossier.code).toHaveLength(1)
      const [file] = dossier.attachments
      expect(file).toMatchObject({ storageKey: demoResultStorageKey(dossier.id), mimeType: 'application/pdf', fileName: `Kết quả ${dossier.code}.pdf`, createdAt: dossier.completedAt })
    }
    const [sample] = returned
    const bytes = await readAll(await storage.stream(sample!.attachments[0]!.storageKey))
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(bytes.byteLength).toBe(sample!.attachments[0]!.sizeBytes)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sample!.attachments[0]!.sha256)
    // Desk dossiers and other applicants' dossiers get none.
    expect(await client.attachment.count({ where: { kind: 'RESULT', dossier: { is: { OR: [{ channel: { not: 'ONLINE' } }, { applicantId: null }] } } } })).toBe(0)

    const again = await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 1500, now: NOW, storage })
    expect(again.resultFiles).toBe(0)
    expect(await client.attachment.count({ where: { kind: 'RESULT' } })).toBe(returned.length)
  })

  it('lets the owner download a result file, under its Vietnamese name, and answers 404 to another citizen', async () => {
    const file = await client.attachment.findFirstOrThrow({
      where: { kind: 'RESULT', dossier: { is: { applicantId: actors.owner.userId, commune: { is: { code: '16681' } } } } },
      select: { id: true, sha256: true, fileName: true, dossier: { select: { code: true } } },
    })
    const download = await readAttachmentForActor(client, { actor: actors.owner, id: file.id, storage })
    expect(createHash('sha256').update(await readAll(download.stream)).digest('hex')).toBe(file.sha256)
    const disposition = attachmentResponseHeaders(download, { download: true })['Content-Disposition']
    expect(disposition).toBe(`attachment; filename="Ket qua ${file.dossier!.code}.pdf"; filename*=UTF-8''K%E1%BA%BFt%20qu%E1%BA%A3%20${file.dossier!.code}.pdf`)

    // The commune's staff may read it too; another citizen, or staff of another commune, get "not found".
    const staff = await readAttachmentForActor(client, { actor: actors.clerk, id: file.id, storage })
    await staff.stream.cancel()
    for (const stranger of [actors.neighbour, actors.otherClerk]) {
      const refused = await readAttachmentForActor(client, { actor: stranger, id: file.id, storage }).catch((error: unknown) => error)
      expect(refused).toBeInstanceOf(AppError)
      expect(errorResponse(refused).status).toBe(404)
    }
  })
})

describe('listMyDossiers', () => {
  it("lists exactly the citizen's own dossiers, newest first, across pages, with the counts of each filter", async () => {
    const supplement = await dossierOf(actors.owner, 'AWAITING_SUPPLEMENT')
    // More than a page of them (20 a page).
    for (let index = 0; index < 20; index++) await dossierOf(actors.owner, 'PROCESSING')
    const rows = await allPages(actors.owner, 'all')
    const own = await client.dossier.findMany({ where: { applicantId: actors.owner.userId }, select: { id: true, state: true } })
    expect(own.length).toBeGreaterThan(20)
    expect(rows.map((row) => row.id).sort()).toEqual(own.map((row) => row.id).sort())
    for (let index = 1; index < rows.length; index++) expect(rows[index - 1]!.submittedAt.getTime()).toBeGreaterThanOrEqual(rows[index]!.submittedAt.getTime())

    const { counts } = await listMyDossiers(client, { actor: actors.owner, now: NOW })
    expect(counts.all).toBe(own.length)
    expect(counts.open).toBe(own.filter((row) => ['SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN'].includes(row.state)).length)
    expect(counts.closed).toBe(own.filter((row) => ['RETURNED', 'REFUSED', 'WITHDRAWN'].includes(row.state)).length)
    expect(counts.open + counts.closed).toBe(counts.all)
    expect(rows.find((row) => row.id === supplement.id)?.nextSteps).toEqual([{ kind: 'ANSWER_SUPPLEMENT' }])

    // Nobody else's: the neighbour's list has none of them.
    const neighbours = await allPages(actors.neighbour, 'all')
    expect(neighbours.length).toBeGreaterThan(0)
    expect(neighbours.some((row) => own.some((mine) => mine.id === row.id))).toBe(false)
  })

  it('gives each dossier the next step of the domain rule, from its payments, result files and rating', async () => {
    const rows = await allPages(actors.owner, 'all')
    const facts = await client.dossier.findMany({
      where: { applicantId: actors.owner.userId },
      select: { id: true, state: true, channel: true, procedureVersion: { select: { feeMoment: true } }, dueAt: true, feeVnd: true, paidVnd: true, payments: { select: { status: true } }, rating: { select: { id: true } }, attachments: { where: { kind: 'RESULT' }, select: { id: true } } },
    })
    for (const row of rows) {
      const fact = facts.find((candidate) => candidate.id === row.id)!
      expect(row.nextSteps, row.code).toEqual(
        citizenNextSteps({ state: fact.state, channel: fact.channel, feeMoment: fact.procedureVersion.feeMoment, dueAt: fact.dueAt, feeVnd: fact.feeVnd, paidVnd: fact.paidVnd, paymentStatuses: fact.payments.map((payment) => payment.status), resultFileCount: fact.attachments.length, rated: fact.rating !== null }),
      )
    }
    // The seed gave the citizen returned dossiers with result files to download, rated and not.
    expect(rows.some((row) => row.nextSteps.some((step) => step.kind === 'DOWNLOAD_RESULT'))).toBe(true)
    expect(rows.some((row) => row.nextSteps.some((step) => step.kind === 'RATE'))).toBe(true)
  })

  it('asks to pay online dossiers and those whose payment did not go through, and the "needs your action" filter agrees with the rule', async () => {
    const unpaid = await dossierOf(actors.owner, 'PROCESSING', { feeVnd: 8000 })
    const expired = await dossierOf(actors.owner, 'PROCESSING', { feeVnd: 8000 })
    const online = await dossierOf(actors.owner, 'PROCESSING', { feeVnd: 8000 })
    // The first two were received at the desk; the second one's online payment then expired unpaid. The first
    // has no payment row (it pays at the desk). The third was submitted online and owes its fee.
    await client.dossier.updateMany({ where: { id: { in: [unpaid.id, expired.id] } }, data: { channel: 'DESK' } })
    const { communeId } = await client.dossier.findUniqueOrThrow({ where: { id: expired.id }, select: { communeId: true } })
    await client.payment.create({ data: { dossierId: expired.id, communeId, amountVnd: 8000, method: 'VIETQR', status: 'EXPIRED', reference: `T${expired.id.slice(-12)}`, idempotencyKey: `test:${expired.id}` } })
    const all = await allPages(actors.owner, 'all')
    expect(all.find((row) => row.id === unpaid.id)?.nextSteps.map((step) => step.kind)).toEqual(['WAIT'])
    expect(all.find((row) => row.id === expired.id)?.nextSteps).toEqual([{ kind: 'PAY', amountVnd: 8000 }, { kind: 'WAIT', expectedAt: expect.any(Date) }])
    expect(all.find((row) => row.id === online.id)?.nextSteps).toEqual([{ kind: 'PAY', amountVnd: 8000 }, { kind: 'WAIT', expectedAt: expect.any(Date) }])

    const action = await allPages(actors.owner, 'action')
    expect(action.map((row) => row.id).sort()).toEqual(all.filter((row) => mustAct(row.nextSteps)).map((row) => row.id).sort())
    expect(action.every((row) => row.mustAct)).toBe(true)
    const { counts } = await listMyDossiers(client, { actor: actors.owner, now: NOW })
    expect(counts.action).toBe(action.length)
    expect((await allPages(actors.owner, 'open')).every((row) => ['SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN'].includes(row.state))).toBe(true)
  })

  it('reads a malformed filter or cursor as the first page of all dossiers, and is for citizens only', async () => {
    const first = await listMyDossiers(client, { actor: actors.owner, now: NOW })
    const odd = await listMyDossiers(client, { actor: actors.owner, query: { loc: 'toString', sau: 'not-a-cursor' }, now: NOW })
    expect(odd.filter).toBe('all')
    expect(odd.paged).toBe(false)
    expect(odd.dossiers.map((row) => row.id)).toEqual(first.dossiers.map((row) => row.id))
    expect(await refusal(listMyDossiers(client, { actor: actors.clerk, now: NOW }))).toEqual({ code: 'FORBIDDEN' })
  })
})

describe('rateDossier', () => {
  it('rates a returned dossier once: the rating and an audit row in one go, then read-only for the applicant and the commune', async () => {
    const dossier = await dossierOf(actors.owner, 'RETURNED')
    const rating = await rateDossier(client, { actor: actors.owner, dossierRef: dossier.code, input: { score: '4', comment: '  Cán bộ hướng dẫn tận tình.  ' }, meta, now: NOW })
    expect(rating).toEqual({ score: 4, comment: 'Cán bộ hướng dẫn tận tình.', createdAt: NOW })
    const stored = await client.dossierRating.findUniqueOrThrow({ where: { dossierId: dossier.id }, select: { score: true, comment: true, raterId: true, communeId: true } })
    expect(stored).toMatchObject({ score: 4, raterId: actors.owner.userId })
    const audit = await client.auditLog.findMany({ where: { action: 'dossier.rate', entityId: dossier.id }, select: { actorId: true, data: true, ip: true, communeId: true } })
    expect(audit).toEqual([{ actorId: actors.owner.userId, data: { code: dossier.code, score: 4, withComment: true }, ip: meta.ip, communeId: stored.communeId }])

    // A second rating is refused with its own code, and changes nothing.
    expect(await refusal(rateDossier(client, { actor: actors.owner, dossierRef: dossier.id, input: { score: 1 }, meta, now: NOW }))).toEqual({ code: 'ALREADY_EXISTS' })
    expect(await client.dossierRating.count({ where: { dossierId: dossier.id } })).toBe(1)
    expect(await client.auditLog.count({ where: { action: 'dossier.rate', entityId: dossier.id } })).toBe(1)

    expect(await getDossierRating(client, { actor: actors.owner, dossierId: dossier.id })).toEqual(rating)
    expect(await getDossierRating(client, { actor: actors.clerk, dossierId: dossier.id })).toEqual(rating)
    expect(await getDossierRating(client, { actor: actors.otherClerk, dossierId: dossier.id })).toBeNull()
    expect(await getDossierRating(client, { actor: actors.neighbour, dossierId: dossier.id })).toBeNull()

    // The list now shows the score and no longer invites a rating.
    const row = (await allPages(actors.owner, 'closed')).find((candidate) => candidate.id === dossier.id)
    expect(row?.rating).toBe(4)
    expect(row?.nextSteps.map((step) => step.kind)).toEqual(['DONE'])
  })

  it('lets two tabs rating at once store one rating', async () => {
    const dossier = await dossierOf(actors.owner, 'RETURNED')
    const results = await Promise.all([5, 3].map((score) => refusal(rateDossier(client, { actor: actors.owner, dossierRef: dossier.code, input: { score }, meta, now: NOW }))))
    expect(results.filter((result) => result === 'OK')).toHaveLength(1)
    expect(results.filter((result) => result !== 'OK')).toEqual([{ code: 'ALREADY_EXISTS' }])
    expect(await client.dossierRating.count({ where: { dossierId: dossier.id } })).toBe(1)
  })

  it("refuses another citizen's dossier as not found, and dossiers not returned yet", async () => {
    const neighbours = await dossierOf(actors.neighbour, 'RETURNED')
    expect(await refusal(rateDossier(client, { actor: actors.owner, dossierRef: neighbours.code, input: { score: 5 }, meta, now: NOW }))).toEqual({ code: 'NOT_FOUND' })
    expect(await refusal(rateDossier(client, { actor: actors.owner, dossierRef: '16681-991231-9999', input: { score: 5 }, meta, now: NOW }))).toEqual({ code: 'NOT_FOUND' })
    expect(await refusal(rateDossier(client, { actor: actors.clerk, dossierRef: neighbours.code, input: { score: 5 }, meta, now: NOW }))).toEqual({ code: 'FORBIDDEN' })
    for (const state of ['PROCESSING', 'AWAITING_SUPPLEMENT', 'REFUSED'] as const) {
      const dossier = await dossierOf(actors.owner, state)
      expect(await refusal(rateDossier(client, { actor: actors.owner, dossierRef: dossier.code, input: { score: 5 }, meta, now: NOW })), state).toEqual({ code: 'INVALID_TRANSITION' })
      expect(await client.dossierRating.count({ where: { dossierId: dossier.id } })).toBe(0)
    }
    expect(await client.dossierRating.count({ where: { dossierId: neighbours.id } })).toBe(0)
  })

  it('refuses invalid stars or comment with field errors, and stores nothing', async () => {
    const dossier = await dossierOf(actors.owner, 'RETURNED')
    const cases: [unknown, Record<string, string[]>][] = [
      [{}, { score: ['REQUIRED'] }],
      [{ score: '0' }, { score: ['SCORE_RANGE'] }],
      [{ score: '6' }, { score: ['SCORE_RANGE'] }],
      [{ score: 'năm' }, { score: ['SCORE_RANGE'] }],
      [{ score: 4, comment: 'x'.repeat(1001) }, { comment: ['COMMENT_TOO_LONG'] }],
      [{ score: '7', comment: 'y'.repeat(2000) }, { score: ['SCORE_RANGE'], comment: ['COMMENT_TOO_LONG'] }],
    ]
    for (const [input, fieldErrors] of cases) {
      expect(await refusal(rateDossier(client, { actor: actors.owner, dossierRef: dossier.code, input, meta, now: NOW })), JSON.stringify(input).slice(0, 40)).toEqual({ code: 'INVALID_INPUT', fieldErrors })
    }
    expect(await client.dossierRating.count({ where: { dossierId: dossier.id } })).toBe(0)
    expect(await client.auditLog.count({ where: { action: 'dossier.rate', entityId: dossier.id } })).toBe(0)
    // Exactly 1000 characters is fine.
    expect(await rateDossier(client, { actor: actors.owner, dossierRef: dossier.code, input: { score: '2', comment: 'ư'.repeat(1000) }, meta, now: NOW })).toMatchObject({ score: 2 })
  })
})
