/**
 * A citizen's files on an unsubmitted draft, on PostgreSQL and a real storage directory, through the
 * use-cases of server/drafts/draft-files.ts: uploads checked by content against the slot of the draft's
 * form, limits per file, per slot and per draft (also under concurrent uploads), removal, and reading —
 * all for the draft's owner only.
 */
import { createHash, randomUUID } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { ATTACHMENT_LIMITS } from '@/domain/attachments/limits'
import { AppError } from '@/domain/errors'
import { FormDefinitionSchema, type FormDefinitionInput } from '@/domain/forms/form-definition'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import { attachmentResponseHeaders } from '@/server/attachments/attachment-response-headers'
import { readAttachmentForActor } from '@/server/attachments/read-attachment'
import { LocalDiskStorage } from '@/server/attachments/storage/local-disk-storage'
import { addDraftFiles, listDraftFiles, removeDraftFile } from '@/server/drafts/draft-files'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'
import { actorOf, submittedDossier } from '../support/dossiers'

const NOW = new Date('2026-11-24T03:00:00Z')
const META = { ip: '127.0.0.1', userAgent: 'vitest' }

let client: PrismaClient
let storageDir: string
let storage: LocalDiskStorage
const actors = {} as Record<'owner' | 'neighbour' | 'clerk' | 'admin', Actor>

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

/** Files in the storage directory (its temporary folder aside). */
async function storedFileCount(): Promise<number> {
  const entries = await readdir(storageDir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((entry) => entry.isFile() && !entry.parentPath.includes(`${path.sep}.tmp`)).length
}

/** Slots with narrower rules than the seeded forms' (which take PDF, JPEG and PNG, five files each). */
const CUSTOM_FORM: FormDefinitionInput = {
  schemaVersion: 1,
  sections: [
    {
      key: 'chung',
      titleVi: 'Chung',
      titleEn: 'General',
      fields: [
        { key: 'hoTen', type: 'text', labelVi: 'Họ tên', labelEn: 'Name' },
        { key: 'toKhai', type: 'file', labelVi: 'Tờ khai', labelEn: 'Declaration', documentKey: 'to-khai', maxFiles: 1, accept: ['application/pdf'] },
        { key: 'anhChup', type: 'file', labelVi: 'Ảnh chụp', labelEn: 'Photo', documentKey: 'anh-chup', maxFiles: 1, accept: ['image/png', 'image/jpeg'] },
        {
          key: 'giayTo',
          type: 'group',
          labelVi: 'Giấy tờ',
          labelEn: 'Document',
          maxItems: 2,
          fields: [{ key: 'banScan', type: 'file', labelVi: 'Bản chụp', labelEn: 'Scan', documentKey: 'ban-scan', maxFiles: 1 }],
        },
      ],
    },
  ],
}

type DraftRow = { id: string; communeId: string }
let birthVersion: { id: string; procedureId: string }
let customVersionId: string

async function newDraft(versionId: string = birthVersion.id, userId: string = actors.owner.userId): Promise<DraftRow> {
  const commune = await client.commune.findUniqueOrThrow({ where: { code: '16681' }, select: { id: true } })
  return client.dossierDraft.create({
    data: { userId, communeId: commune.id, procedureId: birthVersion.procedureId, procedureVersionId: versionId },
    select: { id: true, communeId: true },
  })
}

const pdf = (name = 'to-khai.pdf') => new File([pdfBytes], name, { type: 'application/pdf' })

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 0, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  storageDir = await mkdtemp(path.join(tmpdir(), 'motcua-draft-files-'))
  storage = new LocalDiskStorage(storageDir)
  Object.assign(actors, {
    owner: await actorOf(client, { citizenId: '040085003917' }),
    neighbour: await actorOf(client, { citizenId: '040190004826' }),
    clerk: await actorOf(client, 'canbo.thanhvinh'),
    admin: await actorOf(client, 'quantri'),
  })
  const current = await client.procedureVersion.findFirstOrThrow({
    where: { status: 'PUBLISHED', procedure: { slug: '1.001193' } },
    select: { id: true, procedureId: true, version: true, nameVi: true, nameEn: true, field: true, deadline: true, onlineLevel: true, workflowVersionId: true },
  })
  birthVersion = current
  // A later, unpublished version of the same procedure with the custom form: drafts may point at any version.
  const custom = await client.procedureVersion.create({
    data: {
      procedureId: current.procedureId,
      version: current.version + 1,
      status: 'DRAFT',
      nameVi: current.nameVi,
      nameEn: current.nameEn,
      field: current.field,
      deadline: current.deadline as Prisma.InputJsonValue,
      onlineLevel: current.onlineLevel,
      workflowVersionId: current.workflowVersionId,
      formDefinition: FormDefinitionSchema.parse(CUSTOM_FORM),
      unverifiedFields: [],
    },
    select: { id: true },
  })
  customVersionId = custom.id
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
  if (storageDir) await rm(storageDir, { recursive: true, force: true })
})

describe('uploading to a draft', () => {
  it('stores the owner’s PDF: a row on the draft with its SHA-256, the bytes in storage, a Vietnamese name kept', async () => {
    const draft = await newDraft()
    const name = 'Giấy chứng sinh – bé Ánh.pdf'
    const files = await addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'giay-chung-sinh', files: [pdf(name)], meta: META, storage, now: NOW })
    expect(files).toEqual([{ id: expect.any(String), fileName: name, mimeType: 'application/pdf', sizeBytes: pdfBytes.byteLength, sha256: sha256(pdfBytes), documentKey: 'giay-chung-sinh' }])

    const row = await client.attachment.findUniqueOrThrow({ where: { id: files[0]!.id } })
    expect(row).toMatchObject({ draftId: draft.id, dossierId: null, communeId: draft.communeId, kind: 'APPLICATION', documentKey: 'giay-chung-sinh', uploadedById: actors.owner.userId, fileName: name })
    expect(row.sha256).toBe(sha256(pdfBytes))
    expect(row.storageKey).toMatch(/^2026\/11\/[0-9a-f-]{36}$/)
    const stored = await readAll(await storage.stream(row.storageKey))
    expect(Buffer.from(stored).equals(Buffer.from(pdfBytes))).toBe(true)
    expect(sha256(stored)).toBe(row.sha256)

    // The owner downloads it under the same name (RFC 5987 for the Vietnamese, ASCII for old clients).
    const download = await readAttachmentForActor(client, { actor: actors.owner, id: row.id, storage })
    expect(Buffer.from(await readAll(download.stream)).equals(Buffer.from(pdfBytes))).toBe(true)
    const disposition = attachmentResponseHeaders(download, { download: true })['Content-Disposition'] ?? ''
    expect(disposition).toBe(`attachment; filename="Giay chung sinh – be Anh.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`.replace('–', '_'))
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(name)

    const audit = await client.auditLog.findFirstOrThrow({ where: { action: 'draft.file.add', entityId: draft.id } })
    expect(audit).toMatchObject({ actorId: actors.owner.userId, communeId: draft.communeId, ip: '127.0.0.1' })
    expect(JSON.stringify(audit.data)).not.toContain('bé Ánh')
  })

  it('stores a PNG named .pdf as a PNG where the slot takes images, and refuses it where the slot takes PDF only', async () => {
    const draft = await newDraft(customVersionId)
    const disguised = () => new File([pngBytes], 'Ảnh CCCD.pdf', { type: 'application/pdf' })
    const [image] = await addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'anh-chup', files: [disguised()], meta: META, storage })
    expect(image).toMatchObject({ fileName: 'Ảnh CCCD.pdf', mimeType: 'image/png', sha256: sha256(pngBytes) })

    const before = await storedFileCount()
    expect(await refusal(addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'to-khai', files: [disguised()], meta: META, storage }))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { files: ['TYPE_NOT_ACCEPTED'], 'files.0': ['TYPE_NOT_ACCEPTED'] },
    })
    expect(await storedFileCount()).toBe(before)
    expect(await client.attachment.count({ where: { draftId: draft.id, documentKey: 'to-khai' } })).toBe(0)
  })

  it('refuses a text file named .pdf and stores nothing of the upload: no row, no bytes', async () => {
    const draft = await newDraft()
    const before = await storedFileCount()
    const result = await refusal(
      addDraftFiles(client, {
        actor: actors.owner,
        draftId: draft.id,
        documentKey: 'giay-chung-sinh',
        files: [pdf('that.pdf'), new File(['Đây là văn bản, không phải PDF'], 'gia-mao.pdf', { type: 'application/pdf' })],
        meta: META,
        storage,
      }),
    )
    expect(result).toEqual({ code: 'INVALID_INPUT', fieldErrors: { files: ['FILE_TYPE'], 'files.1': ['FILE_TYPE'] } })
    expect(await storedFileCount()).toBe(before)
    expect(await client.attachment.count({ where: { draftId: draft.id } })).toBe(0)
  })

  it('refuses a file over the per-file limit, and an upload that would pass the draft’s total, storing nothing', async () => {
    const draft = await newDraft()
    const before = await storedFileCount()
    const big = new Uint8Array(ATTACHMENT_LIMITS.maxFileBytes + 1)
    big.set(pdfBytes)
    expect(await refusal(addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'giay-chung-sinh', files: [new File([big], 'lon.pdf')], meta: META, storage }))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { files: ['FILE_TOO_LARGE'], 'files.0': ['FILE_TOO_LARGE'] },
    })

    // Earlier uploads fill the draft to just under its total (rows only: their size is what counts).
    await client.attachment.create({
      data: { communeId: draft.communeId, draftId: draft.id, kind: 'APPLICATION', documentKey: 'to-khai', fileName: 'cu.pdf', mimeType: 'application/pdf', sizeBytes: ATTACHMENT_LIMITS.maxDossierBytes - 10, sha256: '0'.repeat(64), storageKey: `2026/11/${randomUUID()}` },
    })
    expect(await refusal(addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'giay-chung-sinh', files: [pdf()], meta: META, storage }))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { files: ['DOSSIER_TOO_LARGE'] },
    })
    expect(await storedFileCount()).toBe(before)
    expect(await client.attachment.count({ where: { draftId: draft.id, documentKey: 'giay-chung-sinh' } })).toBe(0)
  })

  it('refuses a slot the draft’s form does not have, a field that is not a file slot, and an upload without files', async () => {
    const draft = await newDraft()
    for (const documentKey of ['khong-co', 'hoTenNguoiYeuCau', '', null, 42, 'x'.repeat(500)]) {
      expect(await refusal(addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey, files: [pdf()], meta: META, storage })), String(documentKey)).toEqual({
        code: 'INVALID_INPUT',
        fieldErrors: { files: ['UNKNOWN_SLOT'] },
      })
    }
    // The seeded version's slots are its documents handed in: a slot of another version is unknown here.
    expect(await refusal(addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'anh-chup', files: [pdf()], meta: META, storage }))).toMatchObject({
      fieldErrors: { files: ['UNKNOWN_SLOT'] },
    })
    expect(await refusal(addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'to-khai', files: [], meta: META, storage }))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { files: ['NO_FILES'] },
    })
    expect(await client.attachment.count({ where: { draftId: draft.id } })).toBe(0)
  })

  it('keeps a slot to its number of files, counting those already uploaded', async () => {
    const draft = await newDraft(customVersionId)
    expect(await refusal(addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'to-khai', files: [pdf('a.pdf'), pdf('b.pdf')], meta: META, storage }))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { files: ['SLOT_FULL'] },
    })
    await addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'to-khai', files: [pdf('a.pdf')], meta: META, storage })
    const before = await storedFileCount()
    expect(await refusal(addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'to-khai', files: [pdf('b.pdf')], meta: META, storage }))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { files: ['SLOT_FULL'] },
    })
    expect(await storedFileCount()).toBe(before)

    // A slot inside a repeatable group holds its files for every entry the group may have (1 × 2 here).
    await addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'ban-scan', files: [pdf('1.pdf'), pdf('2.pdf')], meta: META, storage })
    expect(await refusal(addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'ban-scan', files: [pdf('3.pdf')], meta: META, storage }))).toMatchObject({
      fieldErrors: { files: ['SLOT_FULL'] },
    })

    // The seeded forms take five files per document.
    const seeded = await newDraft()
    expect(
      await refusal(addDraftFiles(client, { actor: actors.owner, draftId: seeded.id, documentKey: 'giay-chung-sinh', files: Array.from({ length: 6 }, (_, index) => pdf(`${index}.pdf`)), meta: META, storage })),
    ).toMatchObject({ fieldErrors: { files: ['SLOT_FULL'] } })
    expect(await addDraftFiles(client, { actor: actors.owner, draftId: seeded.id, documentKey: 'giay-chung-sinh', files: Array.from({ length: 5 }, (_, index) => pdf(`${index}.pdf`)), meta: META, storage })).toHaveLength(5)
  })

  it('lets exactly one of two concurrent uploads into a one-file slot succeed, and removes the other’s bytes', async () => {
    for (let round = 0; round < 3; round += 1) {
      const draft = await newDraft(customVersionId)
      const before = await storedFileCount()
      const results = await Promise.allSettled(
        ['mot.pdf', 'hai.pdf'].map((name) => addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'to-khai', files: [pdf(name)], meta: META, storage })),
      )
      expect(results.map((result) => result.status).sort(), `round ${round}`).toEqual(['fulfilled', 'rejected'])
      const rejected = results.find((result) => result.status === 'rejected')!
      expect(rejected.reason).toBeInstanceOf(AppError)
      expect((rejected.reason as AppError).fieldErrors).toEqual({ files: ['SLOT_FULL'] })
      expect(await client.attachment.count({ where: { draftId: draft.id, documentKey: 'to-khai' } })).toBe(1)
      expect(await storedFileCount()).toBe(before + 1)
    }
  })

  it('keeps the draft’s total under concurrent uploads that would each fit alone', async () => {
    const draft = await newDraft()
    await client.attachment.create({
      data: {
        communeId: draft.communeId,
        draftId: draft.id,
        kind: 'APPLICATION',
        documentKey: 'to-khai',
        fileName: 'cu.pdf',
        mimeType: 'application/pdf',
        sizeBytes: ATTACHMENT_LIMITS.maxDossierBytes - Math.round(pdfBytes.byteLength * 1.5),
        sha256: '0'.repeat(64),
        storageKey: `2026/11/${randomUUID()}`,
      },
    })
    const before = await storedFileCount()
    const results = await Promise.allSettled(
      ['mot.pdf', 'hai.pdf'].map((name) => addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'giay-chung-sinh', files: [pdf(name)], meta: META, storage })),
    )
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(((results.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason as AppError).fieldErrors).toEqual({ files: ['DOSSIER_TOO_LARGE'] })
    expect(await storedFileCount()).toBe(before + 1)
  })
})

describe('listing and removing a draft’s files', () => {
  it('lists the files oldest first, and removes one: its row, then its bytes', async () => {
    const draft = await newDraft()
    const [first] = await addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'to-khai', files: [pdf('Tờ khai.pdf')], meta: META, storage })
    const [second] = await addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'giay-chung-sinh', files: [new File([pngBytes], 'chụp.png')], meta: META, storage })
    expect(await listDraftFiles(client, { actor: actors.owner, draftId: draft.id })).toEqual([first, second])

    const { storageKey } = await client.attachment.findUniqueOrThrow({ where: { id: first!.id }, select: { storageKey: true } })
    await removeDraftFile(client, { actor: actors.owner, draftId: draft.id, attachmentId: first!.id, meta: META, storage })
    expect(await client.attachment.findUnique({ where: { id: first!.id } })).toBeNull()
    expect(await storage.exists(storageKey)).toBe(false)
    expect(await listDraftFiles(client, { actor: actors.owner, draftId: draft.id })).toEqual([second])
    expect(await client.auditLog.count({ where: { action: 'draft.file.remove', entityId: draft.id } })).toBe(1)

    expect(await refusal(removeDraftFile(client, { actor: actors.owner, draftId: draft.id, attachmentId: first!.id, storage }))).toEqual({ code: 'NOT_FOUND' })
    // A file of another of the owner's drafts is not this draft's to remove.
    const other = await newDraft()
    expect(await refusal(removeDraftFile(client, { actor: actors.owner, draftId: other.id, attachmentId: second!.id, storage }))).toEqual({ code: 'NOT_FOUND' })
    expect(await refusal(removeDraftFile(client, { actor: actors.owner, draftId: draft.id, attachmentId: 'not-an-id', storage }))).toEqual({ code: 'NOT_FOUND' })
  })

  it('cannot remove a file that submission moved to a dossier', async () => {
    const draft = await newDraft()
    const [kept, movedKeepingDraft] = await addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'giay-chung-sinh', files: [pdf('a.pdf'), pdf('b.pdf')], meta: META, storage })
    const dossier = await submittedDossier(client, { submittedAt: NOW, applicantId: actors.owner.userId, applicantName: actors.owner.fullName })
    // As submission does it (draftId cleared), and a row that still names the draft: both are the dossier's now.
    await client.attachment.update({ where: { id: kept!.id }, data: { dossierId: dossier.id, draftId: null } })
    await client.attachment.update({ where: { id: movedKeepingDraft!.id }, data: { dossierId: dossier.id } })
    for (const file of [kept!, movedKeepingDraft!]) {
      expect(await refusal(removeDraftFile(client, { actor: actors.owner, draftId: draft.id, attachmentId: file.id, storage })), file.fileName).toEqual({ code: 'NOT_FOUND' })
      const row = await client.attachment.findUniqueOrThrow({ where: { id: file.id }, select: { storageKey: true, dossierId: true } })
      expect(row.dossierId).toBe(dossier.id)
      expect(await storage.exists(row.storageKey)).toBe(true)
    }
    expect(await listDraftFiles(client, { actor: actors.owner, draftId: draft.id })).toEqual([])
    // Moved files no longer count against the draft.
    expect(await addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'giay-chung-sinh', files: Array.from({ length: 5 }, () => pdf()), meta: META, storage })).toHaveLength(5)
  })
})

describe('another person and the draft', () => {
  let draft: DraftRow
  let fileId: string

  beforeAll(async () => {
    draft = await newDraft()
    const [file] = await addDraftFiles(client, { actor: actors.owner, draftId: draft.id, documentKey: 'giay-chung-sinh', files: [pdf('riêng tư.pdf')], meta: META, storage })
    fileId = file!.id
  })

  it('is not found for another citizen: no upload, list, removal or download', async () => {
    const before = await storedFileCount()
    const neighbour = actors.neighbour
    expect(await refusal(addDraftFiles(client, { actor: neighbour, draftId: draft.id, documentKey: 'giay-chung-sinh', files: [pdf()], meta: META, storage }))).toEqual({ code: 'NOT_FOUND' })
    expect(await refusal(listDraftFiles(client, { actor: neighbour, draftId: draft.id }))).toEqual({ code: 'NOT_FOUND' })
    expect(await refusal(removeDraftFile(client, { actor: neighbour, draftId: draft.id, attachmentId: fileId, storage }))).toEqual({ code: 'NOT_FOUND' })
    expect(await refusal(readAttachmentForActor(client, { actor: neighbour, id: fileId, storage }))).toEqual({ code: 'NOT_FOUND' })
    // Nor through a draft of their own.
    const own = await newDraft(birthVersion.id, neighbour.userId)
    expect(await refusal(removeDraftFile(client, { actor: neighbour, draftId: own.id, attachmentId: fileId, storage }))).toEqual({ code: 'NOT_FOUND' })
    expect(await storedFileCount()).toBe(before)
    expect(await client.attachment.findUnique({ where: { id: fileId } })).not.toBeNull()
  })

  it('is not found for the commune’s staff and the administrator either', async () => {
    for (const who of ['clerk', 'admin'] as const) {
      expect(await refusal(addDraftFiles(client, { actor: actors[who], draftId: draft.id, documentKey: 'giay-chung-sinh', files: [pdf()], meta: META, storage })), who).toEqual({ code: 'NOT_FOUND' })
      expect(await refusal(listDraftFiles(client, { actor: actors[who], draftId: draft.id })), who).toEqual({ code: 'NOT_FOUND' })
      expect(await refusal(removeDraftFile(client, { actor: actors[who], draftId: draft.id, attachmentId: fileId, storage })), who).toEqual({ code: 'NOT_FOUND' })
      expect(await refusal(readAttachmentForActor(client, { actor: actors[who], id: fileId, storage })), who).toEqual({ code: 'NOT_FOUND' })
    }
    const mine = await readAttachmentForActor(client, { actor: actors.owner, id: fileId, storage })
    await mine.stream.cancel()
    expect(mine.fileName).toBe('riêng tư.pdf')
  })

  it('answers the same for a draft that does not exist or an id that is not one', async () => {
    for (const draftId of [randomUUID(), 'abc', null, undefined]) {
      expect(await refusal(addDraftFiles(client, { actor: actors.owner, draftId, documentKey: 'giay-chung-sinh', files: [pdf()], meta: META, storage })), String(draftId)).toEqual({ code: 'NOT_FOUND' })
      expect(await refusal(listDraftFiles(client, { actor: actors.owner, draftId })), String(draftId)).toEqual({ code: 'NOT_FOUND' })
    }
  })
})
