/**
 * Attachments on PostgreSQL and a real storage directory: files checked by content and stored (hashed,
 * atomically), their rows inserted by the caller, and read back only within the reader's scope.
 */
import { createHash, randomUUID } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { safeDownloadName } from '@/domain/attachments/download-name'
import { ATTACHMENT_LIMITS } from '@/domain/attachments/limits'
import { AppError } from '@/domain/errors'
import type { PrismaClient } from '@/generated/prisma/client'
import { attachmentBytesOn } from '@/server/attachments/attachment.repo'
import { attachmentCreateData } from '@/server/attachments/attachment-create-data'
import { listDossierAttachments } from '@/server/attachments/list-attachments'
import { readAttachmentForActor } from '@/server/attachments/read-attachment'
import { StoredObjectMissingError } from '@/server/attachments/storage/attachment-storage'
import { LocalDiskStorage } from '@/server/attachments/storage/local-disk-storage'
import { storeUploads, type StoredFile } from '@/server/attachments/store-uploads'
import { loadActor } from '@/server/auth/load-actor'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'

const NOW = new Date('2026-11-24T03:00:00Z')

let client: PrismaClient
let storageDir: string
let storage: LocalDiskStorage
const actors = {} as Record<'owner' | 'neighbour' | 'clerkA' | 'clerkB' | 'officer' | 'admin', Actor>

async function actorWhere(where: { username: string } | { citizenId: string }): Promise<Actor> {
  const user = await client.user.findFirstOrThrow({ where, select: { id: true, sessionVersion: true } })
  return (await loadActor(client, user.id, user.sessionVersion))!
}

/** A minimal PDF and PNG: only their first bytes matter to the checks; the rest is arbitrary content. */
const encoder = new TextEncoder()
const pdfBytes = encoder.encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 200 }, (_, index) => index)])
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  const reader = stream.getReader()
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value)
  return new Uint8Array(Buffer.concat(chunks))
}

async function refusal(work: Promise<unknown>): Promise<{ code: string; fieldErrors?: Record<string, string[]> } | 'OK'> {
  try {
    await work
    return 'OK'
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) }
    throw error
  }
}

async function storedFileCount(): Promise<number> {
  const entries = await readdir(storageDir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((entry) => entry.isFile()).length
}

let sequence = 0
/** An online dossier of commune 16681 filed by the owner citizen. */
async function ownersDossier() {
  const commune = await client.commune.findUniqueOrThrow({ where: { code: '16681' }, select: { id: true } })
  const version = await client.procedureVersion.findFirstOrThrow({
    where: { status: 'PUBLISHED', procedure: { slug: '1.001193' } },
    select: { id: true, procedureId: true, workflowVersionId: true },
  })
  sequence += 1
  return client.dossier.create({
    data: {
      code: `16681-261124-${String(8000 + sequence)}`,
      communeId: commune.id,
      procedureId: version.procedureId,
      procedureVersionId: version.id,
      workflowVersionId: version.workflowVersionId,
      applicantId: actors.owner.userId,
      applicantName: actors.owner.fullName,
      channel: 'ONLINE',
      state: 'SUBMITTED',
      currentStep: 'reception',
      formData: {},
      submittedAt: NOW,
    },
    select: { id: true, communeId: true, procedureId: true, procedureVersionId: true },
  })
}

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 0, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  storageDir = await mkdtemp(path.join(tmpdir(), 'motcua-attachments-'))
  storage = new LocalDiskStorage(storageDir)
  Object.assign(actors, {
    owner: await actorWhere({ citizenId: '040085003917' }),
    // Another citizen of the same commune.
    neighbour: await actorWhere({ citizenId: '040190004826' }),
    clerkA: await actorWhere({ username: 'canbo.thanhvinh' }),
    clerkB: await actorWhere({ username: 'canbo.truongvinh' }),
    officer: await actorWhere({ username: 'tinh.nghean' }),
    admin: await actorWhere({ username: 'quantri' }),
  })
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
  if (storageDir) await rm(storageDir, { recursive: true, force: true })
})

describe('storeUploads', () => {
  it('stores a PDF and a PNG named .pdf, each by its real type, hashed, under a dated key', async () => {
    const stored = await storeUploads(
      [
        { name: 'Giấy khai sinh.pdf', bytes: pdfBytes },
        new File([pngBytes], 'Ảnh chụp CCCD.pdf', { type: 'application/pdf' }),
      ],
      { storage, now: NOW },
    )
    expect(stored).toHaveLength(2)
    expect(stored[0]).toMatchObject({ fileName: 'Giấy khai sinh.pdf', mimeType: 'application/pdf', sizeBytes: pdfBytes.byteLength, sha256: sha256(pdfBytes) })
    // The browser said application/pdf and the name says .pdf: the content says PNG.
    expect(stored[1]).toMatchObject({ fileName: 'Ảnh chụp CCCD.pdf', mimeType: 'image/png', sizeBytes: pngBytes.byteLength, sha256: sha256(pngBytes) })
    expect(safeDownloadName(stored[1]!.fileName, stored[1]!.mimeType).name).toBe('Ảnh chụp CCCD.png')
    for (const file of stored) {
      expect(file.storageKey).toMatch(/^2026\/11\/[0-9a-f-]{36}$/)
      expect(await storage.exists(file.storageKey)).toBe(true)
    }
    expect(Buffer.from(await readAll(await storage.stream(stored[1]!.storageKey))).equals(pngBytes)).toBe(true)
  })

  it('refuses a text file renamed .pdf, and writes nothing of the upload', async () => {
    const before = await storedFileCount()
    const result = await refusal(
      storeUploads([{ name: 'to-khai.pdf', bytes: pdfBytes }, new File(['Đây là văn bản, không phải PDF'], 'gia-mao.pdf', { type: 'application/pdf' })], { storage, now: NOW }),
    )
    expect(result).toEqual({ code: 'INVALID_INPUT', fieldErrors: { files: ['FILE_TYPE'], 'files.1': ['FILE_TYPE'] } })
    expect(await storedFileCount()).toBe(before)
  })

  it('refuses files over the limits: one file, the dossier total, the count, an empty file', async () => {
    const before = await storedFileCount()
    const big = new Uint8Array(ATTACHMENT_LIMITS.maxFileBytes + 1)
    big.set(pdfBytes)
    expect(await refusal(storeUploads([new File([big], 'lon.pdf')], { storage }))).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { files: ['FILE_TOO_LARGE'] } })
    expect(await refusal(storeUploads([{ name: 'a.pdf', bytes: pdfBytes }], { storage, existingBytes: ATTACHMENT_LIMITS.maxDossierBytes - 10 }))).toMatchObject({
      fieldErrors: { files: ['DOSSIER_TOO_LARGE'] },
    })
    const many = Array.from({ length: ATTACHMENT_LIMITS.maxFilesPerUpload + 1 }, (_, index) => ({ name: `${index}.pdf`, bytes: pdfBytes }))
    expect(await refusal(storeUploads(many, { storage }))).toMatchObject({ fieldErrors: { files: ['TOO_MANY_FILES'] } })
    expect(await refusal(storeUploads([new File([], 'rong.pdf')], { storage }))).toMatchObject({ fieldErrors: { files: ['EMPTY_FILE'] } })
    expect(await storedFileCount()).toBe(before)
  })
})

describe('reading an attachment', () => {
  let dossier: Awaited<ReturnType<typeof ownersDossier>>
  let stored: StoredFile[]
  let ids: string[]

  beforeAll(async () => {
    dossier = await ownersDossier()
    stored = await storeUploads(
      [
        { name: 'Tờ khai đăng ký khai sinh.pdf', bytes: pdfBytes },
        { name: 'scan.pdf', bytes: pngBytes },
      ],
      { storage, now: NOW, existingBytes: await attachmentBytesOn(client, { dossierId: dossier.id }) },
    )
    // As a use-case does it: the rows in the caller's own transaction.
    const rows = await client.$transaction((tx) =>
      tx.attachment.createManyAndReturn({
        data: attachmentCreateData(stored, { communeId: dossier.communeId, dossierId: dossier.id, kind: 'APPLICATION', documentKey: 'to-khai', uploadedById: actors.owner.userId }),
        select: { id: true, storageKey: true },
      }),
    )
    ids = stored.map((file) => rows.find((row) => row.storageKey === file.storageKey)!.id)
  })

  it('gives the owner, the commune’s staff, the province and the administrator the same bytes', async () => {
    for (const who of ['owner', 'clerkA', 'officer', 'admin'] as const) {
      const file = await readAttachmentForActor(client, { actor: actors[who], id: ids[1], storage })
      expect(file, who).toMatchObject({ id: ids[1], fileName: 'scan.pdf', mimeType: 'image/png', sizeBytes: pngBytes.byteLength, sha256: sha256(pngBytes) })
      const bytes = await readAll(file.stream)
      expect(Buffer.from(bytes).equals(pngBytes), who).toBe(true)
      expect(sha256(bytes)).toBe(file.sha256)
    }
    const pdf = await readAttachmentForActor(client, { actor: actors.owner, id: ids[0], storage })
    expect(Buffer.from(await readAll(pdf.stream)).equals(pdfBytes)).toBe(true)
  })

  it('answers NOT_FOUND to another citizen and to another commune’s staff, as for an id that does not exist', async () => {
    expect(await refusal(readAttachmentForActor(client, { actor: actors.neighbour, id: ids[0], storage }))).toEqual({ code: 'NOT_FOUND' })
    expect(await refusal(readAttachmentForActor(client, { actor: actors.clerkB, id: ids[0], storage }))).toEqual({ code: 'NOT_FOUND' })
    expect(await refusal(readAttachmentForActor(client, { actor: actors.clerkA, id: randomUUID(), storage }))).toEqual({ code: 'NOT_FOUND' })
    expect(await refusal(readAttachmentForActor(client, { actor: actors.clerkA, id: '../../etc/passwd', storage }))).toEqual({ code: 'NOT_FOUND' })
  })

  it('lists a dossier’s files within the same scope, and sums their bytes', async () => {
    const listed = await listDossierAttachments(client, { actor: actors.clerkA, dossierId: dossier.id })
    expect(listed.map((item) => [item.fileName, item.mimeType, item.kind, item.documentKey])).toEqual([
      ['Tờ khai đăng ký khai sinh.pdf', 'application/pdf', 'APPLICATION', 'to-khai'],
      ['scan.pdf', 'image/png', 'APPLICATION', 'to-khai'],
    ])
    expect(await listDossierAttachments(client, { actor: actors.clerkB, dossierId: dossier.id })).toEqual([])
    expect(await attachmentBytesOn(client, { dossierId: dossier.id })).toBe(pdfBytes.byteLength + pngBytes.byteLength)
  })

  it('keeps files on a draft private to the citizen writing it', async () => {
    const draft = await client.dossierDraft.create({
      data: { userId: actors.owner.userId, communeId: dossier.communeId, procedureId: dossier.procedureId, procedureVersionId: dossier.procedureVersionId },
      select: { id: true },
    })
    const [file] = await storeUploads([{ name: 'nháp.pdf', bytes: pdfBytes }], { storage, now: NOW })
    const [row] = await client.attachment.createManyAndReturn({
      data: attachmentCreateData([file!], { communeId: dossier.communeId, draftId: draft.id, kind: 'APPLICATION', uploadedById: actors.owner.userId }),
      select: { id: true },
    })
    const mine = await readAttachmentForActor(client, { actor: actors.owner, id: row!.id, storage })
    await mine.stream.cancel()
    expect(mine.fileName).toBe('nháp.pdf')
    for (const who of ['neighbour', 'clerkA', 'admin'] as const) {
      expect(await refusal(readAttachmentForActor(client, { actor: actors[who], id: row!.id, storage })), who).toEqual({ code: 'NOT_FOUND' })
    }
  })

  it('reports a row whose bytes are gone as a fault, not as a missing file', async () => {
    const [row] = await client.attachment.createManyAndReturn({
      data: attachmentCreateData([{ ...stored[0]!, storageKey: `2026/11/${randomUUID()}` }], { communeId: dossier.communeId, dossierId: dossier.id, kind: 'RESULT', uploadedById: actors.clerkA.userId }),
      select: { id: true },
    })
    await expect(readAttachmentForActor(client, { actor: actors.clerkA, id: row!.id, storage })).rejects.toBeInstanceOf(StoredObjectMissingError)
  })
})
