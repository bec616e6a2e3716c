/**
 * The acknowledgement of an online submission (Phiếu xác nhận nộp hồ sơ trực tuyến) on real seeded data: it
 * exists for online dossiers from submission on, before and after receipt, and never for desk dossiers; the
 * same people may print it as the other printouts (outside the scope: "not found", a 404); and the PDF,
 * read back from its bytes, names the code, the procedure, the files sent and the expected appointment —
 * the time limit counted from the next office hour after submission on the working calendar.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { computeDueAt, firstOfficeInstantFrom } from '@/domain/calendar/working-days'
import { AppError } from '@/domain/errors'
import { DeadlineSchema } from '@/domain/procedure/deadline'
import type { PrismaClient } from '@/generated/prisma/client'
import { formatDate, formatDateTime } from '@/lib/format/date'
import { LocalDiskStorage } from '@/server/attachments/storage/local-disk-storage'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import { getDossierDocument } from '@/server/documents/get-dossier-document'
import { listDossierDocuments } from '@/server/documents/list-dossier-documents'
import { transitionDossier } from '@/server/dossier/transition-dossier'
import { errorResponse } from '@/server/http/app-error-response'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'
import { actorOf } from '../support/dossiers'

let client: PrismaClient
let storageDir: string
/** Tuesday 24 November 2026, 10:00 in Vietnam (a holiday in the seeded calendar): the seeded history ends here. */
const NOW = new Date('2026-11-24T03:00:00Z')
const ESTIMATE_NOTE = '(dự kiến; ngày hẹn chính thức ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả)'
type Who = 'citizenA' | 'citizenB' | 'clerkA' | 'specialistA' | 'clerkB' | 'officer' | 'admin'
const actors = {} as Record<Who, Actor>
/** A seeded online dossier of citizen A in commune A (16681), waiting at reception, with files added below. */
let waiting: { id: string; code: string; submittedAt: Date; communeId: string; applicantName: string; procedureVersion: { nameVi: string; deadline: unknown } }

async function outcome(work: Promise<unknown>): Promise<string> {
  try {
    await work
    return 'ALLOWED'
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}

/** The text of a PDF, lines joined by single spaces (wrapping aside). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })
  return text.replace(/\s+/g, ' ')
}

async function acknowledgementText(actor: Actor, code: string): Promise<string> {
  const document = await getDossierDocument(client, { actor, ref: code, form: 'xac-nhan-nop' })
  expect(document.fileName).toBe(`xac-nhan-nop-${code}.pdf`)
  expect(Buffer.from(document.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
  return pdfText(document.bytes)
}

let storageKeys = 0
async function attach(dossier: { id: string; communeId: string }, file: { fileName: string; documentKey: string | null; kind: 'APPLICATION' | 'SUPPLEMENT' | 'RESULT' }) {
  storageKeys += 1
  await client.attachment.create({
    data: { ...file, dossierId: dossier.id, communeId: dossier.communeId, mimeType: 'application/pdf', sizeBytes: 1024, sha256: '0'.repeat(64), storageKey: `test/receipt-${storageKeys}` },
  })
}

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'motcua-receipt-'))
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 300, now: NOW, storage: new LocalDiskStorage(storageDir) })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  Object.assign(actors, {
    citizenA: await actorOf(client, { citizenId: '040085003917' }),
    citizenB: await actorOf(client, { citizenId: '040190004826' }),
    clerkA: await actorOf(client, 'canbo.thanhvinh'),
    specialistA: await actorOf(client, 'chuyenvien.thanhvinh'),
    clerkB: await actorOf(client, 'canbo.truongvinh'),
    officer: await actorOf(client, 'tinh.nghean'),
    admin: await actorOf(client, 'quantri'),
  })
  waiting = await client.dossier.findFirstOrThrow({
    where: { applicantId: actors.citizenA.userId, channel: 'ONLINE', state: 'SUBMITTED', commune: { code: '16681' } },
    select: { id: true, code: true, submittedAt: true, communeId: true, applicantName: true, procedureVersion: { select: { nameVi: true, deadline: true } } },
    orderBy: { submittedAt: 'desc' },
  })
  await attach(waiting, { fileName: 'Tờ khai – bản chụp.pdf', documentKey: 'to-khai', kind: 'APPLICATION' })
  await attach(waiting, { fileName: 'ảnh chụp thêm.pdf', documentKey: null, kind: 'APPLICATION' })
  // Neither a supplement nor the result is part of the submission.
  await attach(waiting, { fileName: 'to-khai-bo-sung.pdf', documentKey: 'to-khai', kind: 'SUPPLEMENT' })
  await attach(waiting, { fileName: 'ket-qua.pdf', documentKey: null, kind: 'RESULT' })
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
  if (storageDir) await rm(storageDir, { recursive: true, force: true })
})

describe('the acknowledgement of a seeded online submission waiting at reception', () => {
  it('is the one printout the dossier has before receipt', async () => {
    expect(await listDossierDocuments(client, { actor: actors.citizenA, ref: waiting.code })).toEqual({ code: waiting.code, forms: ['xac-nhan-nop'] })
    expect(await outcome(getDossierDocument(client, { actor: actors.citizenA, ref: waiting.code, form: 'mau-01' }))).toBe('NOT_FOUND')
  })

  it('prints the code, the procedure, the applicant, the time of submission, the files sent and the fee', async () => {
    const text = await acknowledgementText(actors.citizenA, waiting.code)
    expect(text).toContain('PHIẾU XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN')
    expect(text).toContain('UBND PHƯỜNG THÀNH VINH BỘ PHẬN MỘT CỬA')
    expect(text).toContain(waiting.code)
    expect(text).toContain(`Nội dung yêu cầu giải quyết: ${waiting.procedureVersion.nameVi}`)
    expect(text).toContain(`Ông/bà: ${waiting.applicantName}`)
    expect(text).toContain(`Thời gian nộp hồ sơ: ${formatDateTime(waiting.submittedAt)}`)
    expect(text).toContain('1 Tờ khai – bản chụp.pdf Tờ khai hoặc đơn đề nghị theo mẫu')
    expect(text).toContain('2 ảnh chụp thêm.pdf Tệp khác')
    expect(text).not.toContain('to-khai-bo-sung.pdf')
    expect(text).not.toContain('ket-qua.pdf')
    expect(text).toContain('2. Lệ phí: Miễn phí')
    expect(text).toContain('/tra-cuu')
  })

  it('prints the appointment expected from the next office hour after submission on the working calendar, as an estimate', async () => {
    const deadline = DeadlineSchema.parse(waiting.procedureVersion.deadline)
    const calendar = await loadWorkingCalendar(client, waiting.submittedAt)
    const expected = computeDueAt(firstOfficeInstantFrom(waiting.submittedAt, calendar), deadline, calendar)
    const text = await acknowledgementText(actors.citizenA, waiting.code)
    expect(text).toContain(`4. Ngày hẹn trả kết quả dự kiến: ${formatDate(expected)} ${ESTIMATE_NOTE}`)
  })
})

describe('who may print the acknowledgement of citizen A’s online dossier', () => {
  const EXPECTED: [Who, string][] = [
    ['citizenA', 'ALLOWED'],
    ['citizenB', 'NOT_FOUND'],
    ['clerkA', 'ALLOWED'],
    ['specialistA', 'ALLOWED'],
    ['clerkB', 'NOT_FOUND'],
    ['officer', 'ALLOWED'],
    ['admin', 'ALLOWED'],
  ]
  it.each(EXPECTED)('%s → %s', async (who, expected) => {
    expect(await outcome(getDossierDocument(client, { actor: actors[who], ref: waiting.code, form: 'xac-nhan-nop' }))).toBe(expected)
  })

  it('answers another citizen with a 404, as for a dossier that does not exist', async () => {
    const hidden = await getDossierDocument(client, { actor: actors.citizenB, ref: waiting.code, form: 'xac-nhan-nop' }).catch((error: unknown) => error)
    const missing = await getDossierDocument(client, { actor: actors.citizenB, ref: '16681-991231-9999', form: 'xac-nhan-nop' }).catch((error: unknown) => error)
    expect(errorResponse(hidden).status).toBe(404)
    expect(errorResponse(missing).status).toBe(404)
    expect(await errorResponse(hidden).json()).toEqual(await errorResponse(missing).json())
  })
})

describe('an online submission on a Friday evening', () => {
  it('expects the result five working days after Monday, says so on the paper, and keeps it after receipt', async () => {
    const version = await client.procedureVersion.findFirstOrThrow({
      where: { status: 'PUBLISHED', procedure: { slug: '2.001263' } },
      select: { id: true, procedureId: true, workflowVersionId: true, nameVi: true, feeVnd: true, deadline: true },
    })
    // Adoption: 5 working days, a fee of 400.000 đồng.
    expect(version.deadline).toEqual({ kind: 'WORKING_DAYS', days: 5 })
    expect(version.feeVnd).toBe(400_000)
    const commune = await client.commune.findUniqueOrThrow({ where: { code: '16681' }, select: { id: true } })
    // Friday 27/11/2026 at 20:00 in Vietnam: the desk can receive it on Monday 30/11 at 07:30, so the result is
    // expected on the 5th working day after that Monday.
    const dossier = await client.dossier.create({
      data: {
        code: '16681-261127-9201',
        communeId: commune.id,
        procedureId: version.procedureId,
        procedureVersionId: version.id,
        workflowVersionId: version.workflowVersionId,
        applicantId: actors.citizenA.userId,
        applicantName: 'Nguyễn Văn An',
        applicantCitizenId: '040085003917',
        applicantPhone: '0912048731',
        channel: 'ONLINE',
        state: 'SUBMITTED',
        currentStep: 'reception',
        formData: {},
        feeVnd: 400_000,
        submittedAt: new Date('2026-11-27T13:00:00Z'),
      },
      select: { id: true, code: true, version: true, communeId: true },
    })
    await attach(dossier, { fileName: 'khai-sinh-cua-chau.pdf', documentKey: 'giay-khai-sinh-tre', kind: 'APPLICATION' })

    const before = await acknowledgementText(actors.citizenA, dossier.code)
    expect(before).toContain(`Nội dung yêu cầu giải quyết: ${version.nameVi}`)
    expect(before).toContain('Thời gian nộp hồ sơ: 27/11/2026 20:00')
    expect(before).toContain('Thành Vinh, ngày 27 tháng 11 năm 2026')
    expect(before).toContain('khai-sinh-cua-chau.pdf Bản sao giấy khai sinh của trẻ em được nhận làm con nuôi')
    expect(before).toContain('2. Lệ phí: 400.000 đồng')
    expect(before).toContain('3. Thời hạn giải quyết: 05 ngày làm việc')
    expect(before).toContain(`4. Ngày hẹn trả kết quả dự kiến: 07/12/2026 ${ESTIMATE_NOTE}`)

    // Received on Tuesday: Mẫu 01 now carries the official appointment; the acknowledgement keeps its estimate.
    await transitionDossier(client, {
      actor: actors.clerkA,
      input: { dossierRef: dossier.code, action: 'receive', expectedVersion: dossier.version, assigneeId: actors.specialistA.userId },
      meta: null,
      now: new Date('2026-12-01T02:00:00Z'),
    })
    expect((await listDossierDocuments(client, { actor: actors.citizenA, ref: dossier.code })).forms).toEqual(['xac-nhan-nop', 'mau-01'])
    expect(await acknowledgementText(actors.citizenA, dossier.code)).toContain('4. Ngày hẹn trả kết quả dự kiến: 07/12/2026')
    expect(await pdfText((await getDossierDocument(client, { actor: actors.citizenA, ref: dossier.code, form: 'mau-01' })).bytes)).toContain(
      '3. Thời gian hẹn trả kết quả: 17 giờ 00 phút, ngày 08/12/2026',
    )
  })
})

describe('a dossier handed in at the desk', () => {
  it('has no online acknowledgement, listed or printed', async () => {
    const desk = await client.dossier.findFirstOrThrow({ where: { channel: 'DESK', commune: { code: '16681' } }, select: { code: true } })
    expect((await listDossierDocuments(client, { actor: actors.clerkA, ref: desk.code })).forms).not.toContain('xac-nhan-nop')
    expect(await outcome(getDossierDocument(client, { actor: actors.clerkA, ref: desk.code, form: 'xac-nhan-nop' }))).toBe('NOT_FOUND')
  })
})
