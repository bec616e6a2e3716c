/**
 * A workflow action posted by a form with files: the files reach the storage only for an action the actor
 * may take now, at the version they saw, and that asks for files; a refused transition leaves no file behind.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import type { PrismaClient } from '@/generated/prisma/client'
import { transitionDossier } from '@/server/dossier/transition-dossier'
import { transitionFromForm } from '@/server/dossier/transition-from-form'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'
import { actorOf, submittedDossier } from '../support/dossiers'

let client: PrismaClient
let storageDir: string
const actors = {} as Record<'clerk' | 'specialist' | 'owner' | 'officer', Actor>
const NOW = new Date('2026-11-24T03:00:00Z')
const meta = { ip: '10.1.2.3', userAgent: 'vitest' }
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(storageDir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name)
}

/** A dossier of citizen A, received, then asked for a supplement: waiting for the applicant's files. */
async function awaitingSupplement() {
  const dossier = await submittedDossier(client, { submittedAt: NOW, applicantId: actors.owner.userId, applicantName: 'Nguyễn Văn An' })
  const received = await transitionDossier(client, { actor: actors.clerk, input: { dossierRef: dossier.code, action: 'receive', assigneeId: actors.specialist.userId, expectedVersion: 0 }, meta, now: NOW })
  const paused = await transitionDossier(client, {
    actor: actors.specialist,
    input: { dossierRef: dossier.code, action: 'request_supplement', reason: 'Thiếu giấy tờ', supplementItems: [{ label: 'Giấy chứng sinh' }], expectedVersion: received.version },
    meta,
    now: new Date('2026-11-25T02:00:00Z'),
  })
  return { ...dossier, version: paused.version }
}

function form(fields: Record<string, string>, files: Record<string, Uint8Array<ArrayBuffer>> = {}): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.append(name, value)
  for (const [name, bytes] of Object.entries(files)) data.append(name, new File([bytes], 'Giấy chứng sinh.pdf', { type: 'application/pdf' }))
  return data
}

async function refusal(work: Promise<unknown>) {
  try {
    await work
    return 'APPLIED'
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) }
    throw error
  }
}

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'motcua-attachments-'))
  process.env.ATTACHMENT_DIR = storageDir
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 100, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  Object.assign(actors, {
    clerk: await actorOf(client, 'canbo.thanhvinh'),
    specialist: await actorOf(client, 'chuyenvien.thanhvinh'),
    owner: await actorOf(client, { citizenId: '040085003917' }),
    officer: await actorOf(client, 'tinh.nghean'),
  })
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
  await rm(storageDir, { recursive: true, force: true })
})

describe('transitionFromForm', () => {
  it('stores nothing for an actor who may not act, a stale version, or an action that takes no files', async () => {
    const dossier = await awaitingSupplement()
    const base = { dossierRef: dossier.code, action: 'supply', expectedVersion: String(dossier.version) }
    const file = { 'file:item-1': PDF }
    expect(await refusal(transitionFromForm(client, { form: form(base, file), actor: actors.officer, meta }))).toEqual({ code: 'FORBIDDEN' })
    expect(await refusal(transitionFromForm(client, { form: form({ ...base, expectedVersion: '1' }, file), actor: actors.owner, meta }))).toEqual({ code: 'CONFLICT' })
    expect(await refusal(transitionFromForm(client, { form: form({ ...base, action: 'withdraw', reason: 'x' }, file), actor: actors.owner, meta }))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { files: ['NOT_EXPECTED'] },
    })
    expect(await storedFiles()).toEqual([])
    expect(await client.attachment.count({ where: { dossierId: dossier.id } })).toBe(0)
  })

  it('the applicant answers the item with a file: stored once, linked to the item, the clock running again', async () => {
    const dossier = await awaitingSupplement()
    await transitionFromForm(client, {
      form: form({ dossierRef: dossier.code, action: 'supply', expectedVersion: String(dossier.version), reason: 'Gửi bổ sung' }, { 'file:item-1': PDF }),
      actor: actors.owner,
      meta,
    })
    const stored = await client.attachment.findMany({ where: { dossierId: dossier.id }, select: { id: true, kind: true, mimeType: true, documentKey: true, fileName: true } })
    expect(stored).toEqual([{ id: expect.any(String), kind: 'SUPPLEMENT', mimeType: 'application/pdf', documentKey: 'item-1', fileName: 'Giấy chứng sinh.pdf' }])
    expect(await storedFiles()).toHaveLength(1)
    const state = await client.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { state: true, clockPausedAt: true } })
    expect(state).toEqual({ state: 'PROCESSING', clockPausedAt: null })
  })
})
