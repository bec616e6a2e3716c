/**
 * A workflow action posted by a form with files: the files reach the storage only for an action the actor
 * may take now, at the version they saw, and that takes files (a supplement answer requires them; the return
 * of the result accepts its electronic copy); a refused transition leaves no file behind.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import type { PrismaClient } from '@/generated/prisma/client'
import { transitionDossier } from '@/server/dossier/transition-dossier'
import { attachmentStorage } from '@/server/attachments/storage/storage-from-env'
import { transitionFromForm } from '@/server/dossier/transition-from-form'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'
import { actorOf, submittedDossier } from '../support/dossiers'

let client: PrismaClient
let storageDir: string
const actors = {} as Record<'clerk' | 'specialist' | 'leader' | 'owner' | 'officer', Actor>
const NOW = new Date('2026-11-24T03:00:00Z')
const meta = { ip: '10.1.2.3', userAgent: 'vitest' }
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

/**
 * The files in the storage folder, by path. The seed writes its demo results there too, so tests compare the
 * folder before and after the action rather than expecting it empty.
 */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(storageDir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(storageDir, path.join(entry.parentPath, entry.name)))
    .sort()
}

/** Files that appeared in the storage folder since `before`. */
async function filesAddedSince(before: readonly string[]): Promise<string[]> {
  return (await storedFiles()).filter((file) => !before.includes(file))
}

async function bytesOf(storageKey: string): Promise<Uint8Array> {
  return new Uint8Array(await new Response(await attachmentStorage().stream(storageKey)).arrayBuffer())
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

/** A dossier received, processed and signed: waiting at the desk for the result to be returned. */
async function readyToReturn() {
  const dossier = await submittedDossier(client, { submittedAt: NOW, applicantId: actors.owner.userId, applicantName: 'Nguyễn Văn An' })
  let version = dossier.version
  const act = async (actor: Actor, action: string, extra: Record<string, string> = {}) => {
    version = (await transitionDossier(client, { actor, input: { dossierRef: dossier.code, action, expectedVersion: version, ...extra }, meta, now: NOW })).version
  }
  await act(actors.clerk, 'receive', { assigneeId: actors.specialist.userId })
  await act(actors.specialist, 'forward')
  await act(actors.leader, 'approve')
  return { ...dossier, version }
}

function form(fields: Record<string, string>, files: Record<string, Uint8Array<ArrayBuffer>> = {}, fileName = 'Giấy chứng sinh.pdf'): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.append(name, value)
  for (const [name, bytes] of Object.entries(files)) data.append(name, new File([bytes], fileName, { type: 'application/pdf' }))
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
    leader: await actorOf(client, 'lanhdao.thanhvinh'),
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
    const before = await storedFiles()
    const base = { dossierRef: dossier.code, action: 'supply', expectedVersion: String(dossier.version) }
    const file = { 'file:item-1': PDF }
    expect(await refusal(transitionFromForm(client, { form: form(base, file), actor: actors.officer, meta }))).toEqual({ code: 'FORBIDDEN' })
    expect(await refusal(transitionFromForm(client, { form: form({ ...base, expectedVersion: '1' }, file), actor: actors.owner, meta }))).toEqual({ code: 'CONFLICT' })
    expect(await refusal(transitionFromForm(client, { form: form({ ...base, action: 'withdraw', reason: 'x' }, file), actor: actors.owner, meta }))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { files: ['NOT_EXPECTED'] },
    })
    expect(await filesAddedSince(before)).toEqual([])
    expect(await client.attachment.count({ where: { dossierId: dossier.id } })).toBe(0)
  })

  it('the applicant answers the item with a file: stored once, linked to the item, the clock running again', async () => {
    const dossier = await awaitingSupplement()
    const before = await storedFiles()
    await transitionFromForm(client, {
      form: form({ dossierRef: dossier.code, action: 'supply', expectedVersion: String(dossier.version), reason: 'Gửi bổ sung' }, { 'file:item-1': PDF }),
      actor: actors.owner,
      meta,
    })
    const stored = await client.attachment.findMany({ where: { dossierId: dossier.id }, select: { id: true, kind: true, mimeType: true, documentKey: true, fileName: true } })
    expect(stored).toEqual([{ id: expect.any(String), kind: 'SUPPLEMENT', mimeType: 'application/pdf', documentKey: 'item-1', fileName: 'Giấy chứng sinh.pdf' }])
    expect(await filesAddedSince(before)).toHaveLength(1)
    const state = await client.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { state: true, clockPausedAt: true } })
    expect(state).toEqual({ state: 'PROCESSING', clockPausedAt: null })
  })

  it('the clerk returns the result with its electronic copy: one RESULT attachment, its bytes and hash stored', async () => {
    const dossier = await readyToReturn()
    const before = await storedFiles()
    const name = 'Trích lục khai sinh – bé Khôi.pdf'
    const outcome = await transitionFromForm(client, {
      form: form({ dossierRef: dossier.code, action: 'return_result', expectedVersion: String(dossier.version) }, { files: PDF }, name),
      actor: actors.clerk,
      meta,
    })
    expect(outcome).toMatchObject({ state: 'RETURNED', currentStep: 'returned' })
    const stored = await client.attachment.findMany({
      where: { dossierId: dossier.id },
      select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, sha256: true, storageKey: true, uploadedById: true },
    })
    expect(stored).toEqual([
      {
        id: expect.any(String),
        kind: 'RESULT',
        fileName: name,
        mimeType: 'application/pdf',
        sizeBytes: PDF.byteLength,
        sha256: createHash('sha256').update(PDF).digest('hex'),
        storageKey: expect.any(String),
        uploadedById: actors.clerk.userId,
      },
    ])
    expect(await filesAddedSince(before)).toHaveLength(1)
    expect(await bytesOf(stored[0]!.storageKey)).toEqual(PDF)
    // The return event names the file, so the timeline can point at the result.
    const event = await client.dossierEvent.findFirstOrThrow({ where: { dossierId: dossier.id, action: 'return_result' }, select: { data: true } })
    expect(event.data).toMatchObject({ clock: 'STOP', attachmentIds: [stored[0]!.id] })
  })

  it('the clerk returns the result without a file: the copy is optional', async () => {
    const dossier = await readyToReturn()
    const before = await storedFiles()
    const outcome = await transitionFromForm(client, { form: form({ dossierRef: dossier.code, action: 'return_result', expectedVersion: String(dossier.version) }), actor: actors.clerk, meta })
    expect(outcome).toMatchObject({ state: 'RETURNED', currentStep: 'returned' })
    expect(await client.attachment.count({ where: { dossierId: dossier.id } })).toBe(0)
    expect(await filesAddedSince(before)).toEqual([])
  })

  it('an action that neither requires nor accepts files (forward, approve) refuses them and stores nothing', async () => {
    const dossier = await submittedDossier(client, { submittedAt: NOW, applicantId: actors.owner.userId, applicantName: 'Nguyễn Văn An' })
    const received = await transitionDossier(client, { actor: actors.clerk, input: { dossierRef: dossier.code, action: 'receive', assigneeId: actors.specialist.userId, expectedVersion: 0 }, meta, now: NOW })
    const before = await storedFiles()
    const forward = form({ dossierRef: dossier.code, action: 'forward', expectedVersion: String(received.version) }, { files: PDF })
    expect(await refusal(transitionFromForm(client, { form: forward, actor: actors.specialist, meta }))).toEqual({ code: 'INVALID_INPUT', fieldErrors: { files: ['NOT_EXPECTED'] } })
    const forwarded = await transitionDossier(client, { actor: actors.specialist, input: { dossierRef: dossier.code, action: 'forward', expectedVersion: received.version }, meta, now: NOW })
    const approve = form({ dossierRef: dossier.code, action: 'approve', expectedVersion: String(forwarded.version) }, { files: PDF })
    expect(await refusal(transitionFromForm(client, { form: approve, actor: actors.leader, meta }))).toEqual({ code: 'INVALID_INPUT', fieldErrors: { files: ['NOT_EXPECTED'] } })
    expect(await filesAddedSince(before)).toEqual([])
    expect(await client.attachment.count({ where: { dossierId: dossier.id } })).toBe(0)
    const state = await client.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { currentStep: true, version: true } })
    expect(state).toEqual({ currentStep: 'approval', version: forwarded.version })
  })
})
