/**
 * Online submission on PostgreSQL: a citizen's draft (prefilled from the profile), files uploaded to it, and
 * the submission that the same form schema as the browser checks again — bad input stores nothing and
 * answers field errors; a valid one creates the dossier in the procedure's current version with its files,
 * event, audit and message in one transaction; the same draft or idempotency key never makes two dossiers.
 */
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { FormDefinitionSchema, type FormDefinition } from '@/domain/forms/form-definition'
import type { RawFormValues } from '@/domain/forms/form-values'
import type { PrismaClient } from '@/generated/prisma/client'
import { LocalDiskStorage } from '@/server/attachments/storage/local-disk-storage'
import { submitOnline } from '@/server/dossier/submit-online'
import { addDraftFiles } from '@/server/drafts/draft-files'
import { loadDraft, rebaseDraft, saveDraft, startDraft } from '@/server/drafts/drafts'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'
import { actorOf } from '../support/dossiers'

let client: PrismaClient
let storageDir: string
let storage: LocalDiskStorage
const actors = {} as Record<'an' | 'binh' | 'clerk', Actor>
/** Tuesday 24 November 2026, 10:00 in Vietnam: the seeded history ends here. */
const NOW = new Date('2026-11-24T03:00:00Z')
/** Wednesday 25 November 2026, 09:00 in Vietnam, a working day. */
const SUBMITTED_AT = new Date('2026-11-25T02:00:00Z')
const meta = { ip: '10.9.8.7', userAgent: 'vitest' }
const BIRTH = '1.001193'
const COMMUNE = '16681'
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work
    return 'APPLIED'
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}

/** Everything a submission writes, to prove a refused one wrote none of it. */
async function footprint() {
  const [dossiers, events, audits, outbox, sequences, attachments] = await Promise.all([
    client.dossier.count(),
    client.dossierEvent.count(),
    client.auditLog.count(),
    client.outboxMessage.count(),
    client.dossierCodeSequence.findMany({ orderBy: [{ communeId: 'asc' }, { day: 'asc' }], select: { communeId: true, day: true, lastValue: true } }),
    client.attachment.count({ where: { dossierId: { not: null } } }),
  ])
  return { dossiers, events, audits, outbox, sequences, attachments }
}

/** A correct birth registration for the definition, with the files named in `files` (by field key). */
function validBirth(files: Record<string, string[]>): RawFormValues {
  return {
    hoTenNguoiYeuCau: 'Nguyễn Văn An',
    soDinhDanh: '040085003917',
    soDienThoai: '0912048731',
    noiCuTru: { line: 'Xóm 3', communeCode: COMMUNE },
    treHoTen: 'Nguyễn Minh Khôi',
    treGioiTinh: 'MALE',
    treNgaySinh: '15/11/2026',
    treNoiSinh: { line: 'Bệnh viện Sản Nhi Nghệ An', communeCode: COMMUNE },
    treDanToc: 'Kinh',
    treQuocTich: 'Việt Nam',
    meHoTen: 'Trần Thị Mai',
    meNgaySinh: '02/03/1995',
    meDanToc: 'Kinh',
    meQuocTich: 'Việt Nam',
    meNoiCuTru: { line: 'Xóm 3', communeCode: COMMUNE },
    quanHeVoiTre: 'cha',
    ...files,
  }
}

async function definitionOf(slug: string): Promise<FormDefinition> {
  const procedure = await client.procedure.findUniqueOrThrow({ where: { slug }, select: { currentVersion: { select: { formDefinition: true } } } })
  return FormDefinitionSchema.parse(procedure.currentVersion!.formDefinition)
}

/** A new draft of birth registration with one PDF in every required file slot. */
async function draftWithFiles(actor: Actor): Promise<{ draftId: string; files: Record<string, string[]> }> {
  // One draft per citizen and procedure: throw earlier ones away so each test starts clean.
  await client.attachment.deleteMany({ where: { draft: { userId: actor.userId }, dossierId: null } })
  await client.dossierDraft.deleteMany({ where: { userId: actor.userId } })
  const { id } = await startDraft(client, { actor, procedureSlug: BIRTH, communeCode: COMMUNE })
  const files: Record<string, string[]> = {}
  for (const field of (await definitionOf(BIRTH)).sections.flatMap((section) => section.fields)) {
    if (field.type !== 'file' || !field.required) continue
    const [stored] = await addDraftFiles(client, { actor, draftId: id, documentKey: field.documentKey, files: [{ name: `${field.key} – bản chụp.pdf`, bytes: PDF }], meta, storage })
    files[field.key] = [stored!.id]
  }
  return { draftId: id, files }
}

beforeAll(async () => {
  // Before the seed: the deployment's storage (what submitOnline removes unused files from) is made once.
  storageDir = await mkdtemp(path.join(tmpdir(), 'motcua-submission-'))
  storage = new LocalDiskStorage(storageDir)
  process.env.ATTACHMENT_DIR = storageDir
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 300, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  Object.assign(actors, {
    an: await actorOf(client, { citizenId: '040085003917' }),
    binh: await actorOf(client, { citizenId: '040190004826' }),
    clerk: await actorOf(client, 'canbo.thanhvinh'),
  })
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
  if (storageDir) await rm(storageDir, { recursive: true, force: true })
})

describe('drafts', () => {
  it('opens one draft per citizen and procedure, prefilled from the profile', async () => {
    await client.dossierDraft.deleteMany({ where: { userId: actors.an.userId } })
    const first = await startDraft(client, { actor: actors.an, procedureSlug: BIRTH, communeCode: COMMUNE })
    const again = await startDraft(client, { actor: actors.an, procedureSlug: BIRTH, communeCode: '16690' })
    expect(again.id).toBe(first.id)
    const draft = await loadDraft(client, { actor: actors.an, draftId: first.id })
    expect(draft.commune.code).toBe('16690')
    expect(draft.values).toMatchObject({ hoTenNguoiYeuCau: 'Nguyễn Văn An', soDinhDanh: '040085003917', soDienThoai: '0912048731' })
  })

  it('keeps a draft private to its owner and refuses staff', async () => {
    const { id } = await startDraft(client, { actor: actors.an, procedureSlug: BIRTH, communeCode: COMMUNE })
    expect(await refusal(loadDraft(client, { actor: actors.binh, draftId: id }))).toBe('NOT_FOUND')
    expect(await refusal(saveDraft(client, { actor: actors.binh, draftId: id, values: { treHoTen: 'x' } }))).toBe('NOT_FOUND')
    expect(await refusal(submitOnline(client, { actor: actors.binh, source: { draftId: id }, values: {}, now: SUBMITTED_AT, meta }))).toBe('NOT_FOUND')
    expect(await refusal(startDraft(client, { actor: actors.clerk, procedureSlug: BIRTH, communeCode: COMMUNE }))).toBe('FORBIDDEN')
    expect(await refusal(startDraft(client, { actor: actors.an, procedureSlug: BIRTH, communeCode: '99999' }))).toBe('INVALID_INPUT')
  })

  it('saves what was typed, as typed', async () => {
    const { id } = await startDraft(client, { actor: actors.an, procedureSlug: BIRTH, communeCode: COMMUNE })
    const typed = { treHoTen: 'Nguyễn Minh', treNgaySinh: '31/02/2026', giayTo: [{ tenGiayTo: '' }] }
    await saveDraft(client, { actor: actors.an, draftId: id, values: typed })
    expect((await loadDraft(client, { actor: actors.an, draftId: id })).values).toEqual(typed)
  })
})

describe('submission', () => {
  it('rejects bad input with field errors and stores nothing', async () => {
    const { draftId, files } = await draftWithFiles(actors.an)
    const before = await footprint()
    const values = { ...validBirth(files), treHoTen: '  ', soDinhDanh: '0400850039', treNgaySinh: '01/01/2030', treNoiSinh: { line: 'Nhà', communeCode: '00000' }, treGioiTinh: 'X' }
    const result = await submitOnline(client, { actor: actors.an, source: { draftId }, values, now: SUBMITTED_AT, meta })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.fromEntries(Object.entries(result.issues).map(([key, issues]) => [key, issues.map((issue) => issue.code)]))).toEqual({
      soDinhDanh: ['CITIZEN_ID'],
      treHoTen: ['REQUIRED'],
      treGioiTinh: ['NOT_AN_OPTION'],
      treNgaySinh: ['IN_FUTURE'],
      'treNoiSinh.communeCode': ['COMMUNE'],
    })
    expect(await footprint()).toEqual(before)
    // The draft and its files are still there to correct and submit again.
    expect(await client.attachment.count({ where: { draftId } })).toBe(Object.keys(files).length)
  })

  it('refuses files that are not the draft’s own, for their field', async () => {
    const { draftId, files } = await draftWithFiles(actors.an)
    const other = await draftWithFiles(actors.binh)
    const before = await footprint()
    const [field] = Object.keys(files)
    const stolen = { ...validBirth(files), [field!]: other.files[field!]! }
    const result = await submitOnline(client, { actor: actors.an, source: { draftId }, values: stolen, now: SUBMITTED_AT, meta })
    expect(result).toEqual({ ok: false, issues: { [field!]: [{ code: 'FILE', params: {} }] } })
    expect(await footprint()).toEqual(before)
  })

  it('creates the dossier in the current version with its files, event, audit and message; the draft is gone', async () => {
    const { draftId, files } = await draftWithFiles(actors.an)
    const extraSlot = (await definitionOf(BIRTH)).sections.flatMap((section) => section.fields).find((field) => field.type === 'file')
    const unused = await addDraftFiles(client, { actor: actors.an, draftId, documentKey: extraSlot?.type === 'file' ? extraSlot.documentKey : '', files: [{ name: 'thừa.pdf', bytes: PDF }], meta, storage })
    expect(unused).toHaveLength(1)
    const { storageKey: unusedKey } = await client.attachment.findUniqueOrThrow({ where: { id: unused[0]!.id }, select: { storageKey: true } })
    expect(await storage.exists(unusedKey)).toBe(true)
    const before = await footprint()
    const result = await submitOnline(client, { actor: actors.an, source: { draftId }, values: validBirth(files), now: SUBMITTED_AT, meta })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.created).toBe(true)
    expect(result.code).toMatch(/^16681-261125-\d{4}$/)
    // Received at the earliest the same working day: the estimate is a working day at 17:00 after submission.
    expect(result.expectedDueAt.getTime()).toBeGreaterThan(SUBMITTED_AT.getTime())

    const dossier = await client.dossier.findUniqueOrThrow({
      where: { code: result.code },
      include: { events: true, attachments: true, procedure: { select: { currentVersionId: true } } },
    })
    expect(dossier).toMatchObject({ channel: 'ONLINE', state: 'SUBMITTED', applicantId: actors.an.userId, applicantName: 'Nguyễn Văn An', applicantCitizenId: '040085003917', applicantPhone: '0912048731' })
    expect(dossier.procedureVersionId).toBe(dossier.procedure.currentVersionId)
    expect(dossier.formData).toMatchObject({ treHoTen: 'Nguyễn Minh Khôi', treNgaySinh: '2026-11-15', treNoiSinh: { line: 'Bệnh viện Sản Nhi Nghệ An', communeCode: COMMUNE } })
    expect(dossier.events.map((event) => [event.action, event.isPublic])).toEqual([['submit', true]])
    expect(dossier.attachments.map((file) => file.id).sort()).toEqual(Object.values(files).flat().sort())
    expect(dossier.attachments.every((file) => file.draftId === null && file.communeId === dossier.communeId)).toBe(true)
    expect(await client.dossierDraft.count({ where: { id: draftId } })).toBe(0)
    // The file uploaded but left out of the form went with the draft: no row, no bytes.
    expect(await client.attachment.count({ where: { id: unused[0]!.id } })).toBe(0)
    expect(await storage.exists(unusedKey)).toBe(false)
    const storedKeys = (await client.attachment.findMany({ where: { dossierId: dossier.id }, select: { storageKey: true } })).map((row) => row.storageKey)
    expect(await Promise.all(storedKeys.map((key) => storage.exists(key)))).toEqual(storedKeys.map(() => true))
    const after = await footprint()
    expect(after.dossiers).toBe(before.dossiers + 1)
    expect(after.events).toBe(before.events + 1)
    expect(after.outbox).toBe(before.outbox + 1)
    expect(await client.auditLog.count({ where: { entityId: dossier.id, action: 'dossier.submit' } })).toBe(1)
  })

  it('makes one dossier of a doubled submission of the same draft', async () => {
    const { draftId, files } = await draftWithFiles(actors.binh)
    const values = { ...validBirth(files), hoTenNguoiYeuCau: 'Trần Thị Bình', soDinhDanh: '040190004826', soDienThoai: '0987654321' }
    const before = await client.dossier.count()
    const results = await Promise.all([1, 2, 3].map(() => submitOnline(client, { actor: actors.binh, source: { draftId }, values, now: SUBMITTED_AT, meta })))
    expect(results.every((result) => result.ok)).toBe(true)
    const codes = new Set(results.map((result) => (result.ok ? result.code : '')))
    expect(codes.size).toBe(1)
    expect(results.filter((result) => result.ok && result.created)).toHaveLength(1)
    expect(await client.dossier.count()).toBe(before + 1)
    // A retry after the answer was lost: the same dossier again, nothing written.
    const retry = await submitOnline(client, { actor: actors.binh, source: { draftId }, values, now: SUBMITTED_AT, meta })
    expect(retry).toMatchObject({ ok: true, created: false, code: [...codes][0] })
    expect(await client.dossier.count()).toBe(before + 1)
  })

  it('makes one dossier per idempotency key through the API source (answers only, no files)', async () => {
    const procedure = await client.procedure.findUniqueOrThrow({ where: { slug: BIRTH }, select: { currentVersionId: true, currentVersion: { select: { formDefinition: true } } } })
    const definition = FormDefinitionSchema.parse(procedure.currentVersion!.formDefinition)
    const source = { procedureSlug: BIRTH, communeCode: COMMUNE, idempotencyKey: randomUUID() }
    // Without a draft there are no files: the required slots are reported field by field.
    const withoutFiles = await submitOnline(client, { actor: actors.an, source, values: validBirth({}), now: SUBMITTED_AT, meta })
    expect(withoutFiles.ok).toBe(false)
    // The same form with its file slots optional takes answers alone.
    const optional = { ...definition, sections: definition.sections.map((section) => ({ ...section, fields: section.fields.map((field) => (field.type === 'file' ? { ...field, required: false } : field)) })) }
    await client.procedureVersion.update({ where: { id: procedure.currentVersionId! }, data: { formDefinition: optional } })
    try {
      const before = await client.dossier.count()
      const [first, second] = await Promise.all([1, 2].map(() => submitOnline(client, { actor: actors.an, source, values: validBirth({}), now: SUBMITTED_AT, meta })))
      expect(first!.ok && second!.ok).toBe(true)
      if (!first!.ok || !second!.ok) return
      expect(second!.code).toBe(first!.code)
      expect([first!.created, second!.created].sort()).toEqual([false, true])
      const other = await submitOnline(client, { actor: actors.an, source: { ...source, idempotencyKey: randomUUID() }, values: validBirth({}), now: SUBMITTED_AT, meta })
      expect(other.ok && other.code !== first!.code).toBe(true)
      expect(await client.dossier.count()).toBe(before + 2)
      // The same key with other answers is not a retry: refused, nothing written.
      const changed = submitOnline(client, { actor: actors.an, source, values: { ...validBirth({}), treHoTen: 'Nguyễn Khác' }, now: SUBMITTED_AT, meta })
      expect(await refusal(changed)).toBe('CONFLICT')
      expect(await client.dossier.count()).toBe(before + 2)
      // Another citizen's key never finds this one's dossier: keys are namespaced by who submits.
      const binh = await submitOnline(client, { actor: actors.binh, source, values: { ...validBirth({}), soDinhDanh: '040190004826' }, now: SUBMITTED_AT, meta })
      expect(binh.ok && binh.code !== first!.code).toBe(true)
    } finally {
      await client.procedureVersion.update({ where: { id: procedure.currentVersionId! }, data: { formDefinition: procedure.currentVersion!.formDefinition! } })
    }
  })

  it('moves a draft to the new version when the procedure is republished while the citizen types', async () => {
    const { draftId, files } = await draftWithFiles(actors.an)
    const procedure = await client.procedure.findUniqueOrThrow({ where: { slug: BIRTH }, select: { id: true, currentVersionId: true } })
    const old = await client.procedureVersion.findUniqueOrThrow({ where: { id: procedure.currentVersionId! } })
    const republished = await client.procedureVersion.create({
      data: {
        procedureId: old.procedureId,
        version: old.version + 100,
        status: 'PUBLISHED',
        nameVi: old.nameVi,
        nameEn: old.nameEn,
        field: old.field,
        feeVnd: old.feeVnd,
        deadline: old.deadline!,
        requiredDocuments: old.requiredDocuments ?? [],
        onlineLevel: old.onlineLevel,
        formDefinition: old.formDefinition!,
        unverifiedFields: old.unverifiedFields,
        workflowVersionId: old.workflowVersionId,
        publishedAt: SUBMITTED_AT,
      },
    })
    await client.procedure.update({ where: { id: procedure.id }, data: { currentVersionId: republished.id } })
    try {
      const before = await footprint()
      expect(await refusal(submitOnline(client, { actor: actors.an, source: { draftId }, values: validBirth(files), now: SUBMITTED_AT, meta }))).toBe('CONFLICT')
      expect(await footprint()).toEqual(before)
      // Only its owner can move it; then the same answers go in under the new version.
      expect(await refusal(rebaseDraft(client, { actor: actors.binh, draftId }))).toBe('NOT_FOUND')
      await rebaseDraft(client, { actor: actors.an, draftId })
      const result = await submitOnline(client, { actor: actors.an, source: { draftId }, values: validBirth(files), now: SUBMITTED_AT, meta })
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect((await client.dossier.findUniqueOrThrow({ where: { code: result.code }, select: { procedureVersionId: true } })).procedureVersionId).toBe(republished.id)
    } finally {
      await client.procedure.update({ where: { id: procedure.id }, data: { currentVersionId: old.id } })
    }
  })

  it('refuses a procedure that takes no online applications', async () => {
    const procedure = await client.procedure.findUniqueOrThrow({ where: { slug: BIRTH }, select: { currentVersionId: true } })
    await client.procedureVersion.update({ where: { id: procedure.currentVersionId! }, data: { onlineLevel: 'NONE' } })
    try {
      expect(await refusal(startDraft(client, { actor: actors.an, procedureSlug: BIRTH, communeCode: COMMUNE }))).toBe('NOT_FOUND')
      expect(await refusal(submitOnline(client, { actor: actors.an, source: { procedureSlug: BIRTH, communeCode: COMMUNE, idempotencyKey: randomUUID() }, values: validBirth({}), now: SUBMITTED_AT, meta }))).toBe('NOT_FOUND')
    } finally {
      await client.procedureVersion.update({ where: { id: procedure.currentVersionId! }, data: { onlineLevel: 'PARTIAL' } })
    }
  })
})
