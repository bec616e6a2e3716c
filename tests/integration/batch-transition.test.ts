/**
 * Batch actions on a queue selection: each dossier in its own transaction through the same use-case, so a
 * dossier changed meanwhile (stale version) or outside the actor's commune is reported and left untouched
 * while the others go through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import type { PrismaClient } from '@/generated/prisma/client'
import { batchTransition } from '@/server/dossier/batch-transition'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'
import { actorOf, submittedDossier } from '../support/dossiers'

let client: PrismaClient
let clerk: Actor
let specialistId: string
const NOW = new Date('2026-11-24T03:00:00Z')
const meta = { ip: '10.1.2.3', userAgent: 'vitest' }

const submitted = (communeCode: string) => submittedDossier(client, { communeCode, submittedAt: NOW, applicantName: 'Phan Văn Tài' })

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 200, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  clerk = await actorOf(client, 'canbo.thanhvinh')
  specialistId = (await client.user.findUniqueOrThrow({ where: { username: 'chuyenvien.thanhvinh' }, select: { id: true } })).id
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
})

describe('batchTransition', () => {
  it('receives and assigns the selection; a stale or foreign dossier is reported and left as it was', async () => {
    const [a, b, stale] = [await submitted('16681'), await submitted('16681'), await submitted('16681')]
    const foreign = await submitted('16690')
    const result = await batchTransition(client, {
      actor: clerk,
      input: {
        action: 'receive',
        assigneeId: specialistId,
        items: [`${a.code}:${a.version}`, `${b.code}:${b.version}`, `${stale.code}:${stale.version + 1}`, `${foreign.code}:${foreign.version}`],
      },
      meta,
      now: NOW,
    })
    expect(result).toEqual({
      applied: 2,
      results: [
        { dossierRef: a.code, ok: true },
        { dossierRef: b.code, ok: true },
        { dossierRef: stale.code, ok: false, code: 'CONFLICT' },
        { dossierRef: foreign.code, ok: false, code: 'NOT_FOUND' },
      ],
    })
    const rows = await client.dossier.findMany({ where: { id: { in: [a.id, b.id, stale.id, foreign.id] } }, select: { code: true, state: true, assigneeId: true } })
    const byCode = Object.fromEntries(rows.map((row) => [row.code, row]))
    expect(byCode[a.code]).toMatchObject({ state: 'PROCESSING', assigneeId: specialistId })
    expect(byCode[b.code]).toMatchObject({ state: 'PROCESSING', assigneeId: specialistId })
    expect(byCode[stale.code]).toMatchObject({ state: 'SUBMITTED', assigneeId: null })
    expect(byCode[foreign.code]).toMatchObject({ state: 'SUBMITTED', assigneeId: null })
    expect(await client.dossierEvent.count({ where: { dossierId: { in: [stale.id, foreign.id] }, action: 'receive' } })).toBe(0)
  })

  it('never ends a dossier in a batch, even when asked by hand', async () => {
    const one = await submitted('16681')
    const result = await batchTransition(client, { actor: clerk, input: { action: 'refuse', reason: 'Không đủ điều kiện', items: [`${one.code}:${one.version}`] }, meta, now: NOW })
    expect(result).toEqual({ applied: 0, results: [{ dossierRef: one.code, ok: false, code: 'INVALID_TRANSITION' }] })
    expect(await client.dossier.findUniqueOrThrow({ where: { id: one.id }, select: { state: true, version: true } })).toEqual({ state: 'SUBMITTED', version: 0 })
  })

  it('refuses an empty selection or a malformed item before touching anything', async () => {
    for (const items of [[], ['not a dossier'], Array.from({ length: 101 }, (_, index) => `16681-261124-${index}:0`)]) {
      await expect(batchTransition(client, { actor: clerk, input: { action: 'receive', items }, meta, now: NOW })).rejects.toSatisfy(
        (error) => error instanceof AppError && error.code === 'INVALID_INPUT',
      )
    }
  })
})
