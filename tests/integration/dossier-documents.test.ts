/**
 * Printouts of a dossier (Mẫu 01–05; the online acknowledgement has its own file, submission-receipt.test.ts)
 * on real seeded data: who may print them (outside the scope exactly "not found"), which forms a dossier has
 * as its history grows, and what the PDFs say, read back from the PDF bytes.
 */
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import type { DocumentForm } from '@/domain/documents/document-form'
import { AppError } from '@/domain/errors'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import { formatDate } from '@/lib/format/date'
import { loadActor } from '@/server/auth/load-actor'
import { getDossierDocument } from '@/server/documents/get-dossier-document'
import { listDossierDocuments } from '@/server/documents/list-dossier-documents'
import { transitionDossier } from '@/server/dossier/transition-dossier'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'

let client: PrismaClient
const NOW = new Date('2026-11-24T03:00:00Z')
type Who = 'citizenA' | 'citizenB' | 'clerkA' | 'specialistA' | 'clerkB' | 'officer' | 'admin'
const actors = {} as Record<Who, Actor>
/** A dossier of citizen A in commune A (16681), already received. */
let receivedDossier: { id: string; code: string; applicantName: string }

async function actorFor(where: { username?: string; citizenId?: string }): Promise<Actor> {
  const user = await client.user.findFirstOrThrow({ where, select: { id: true, sessionVersion: true } })
  return (await loadActor(client, user.id, user.sessionVersion))!
}

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

const asClause = (reason: string) => reason.trim().replace(/\s+/g, ' ').replace(/[.;]+$/, '')

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 1500, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  Object.assign(actors, {
    citizenA: await actorFor({ citizenId: '040085003917' }),
    citizenB: await actorFor({ citizenId: '040190004826' }),
    clerkA: await actorFor({ username: 'canbo.thanhvinh' }),
    specialistA: await actorFor({ username: 'chuyenvien.thanhvinh' }),
    clerkB: await actorFor({ username: 'canbo.truongvinh' }),
    officer: await actorFor({ username: 'tinh.nghean' }),
    admin: await actorFor({ username: 'quantri' }),
  })
  receivedDossier = await client.dossier.findFirstOrThrow({
    where: { applicantId: actors.citizenA.userId, commune: { code: '16681' }, receivedAt: { not: null } },
    select: { id: true, code: true, applicantName: true },
    orderBy: { receivedAt: 'desc' },
  })
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
})

describe('who may print the receipt of citizen A’s dossier', () => {
  const EXPECTED: [Who, string][] = [
    ['citizenA', 'ALLOWED'],
    ['citizenB', 'NOT_FOUND'],
    ['clerkA', 'ALLOWED'],
    ['specialistA', 'ALLOWED'],
    ['clerkB', 'NOT_FOUND'],
    ['officer', 'ALLOWED'],
    ['admin', 'ALLOWED'],
  ]
  it.each(EXPECTED)('%s printing Mẫu 01 → %s', async (who, expected) => {
    expect(await outcome(getDossierDocument(client, { actor: actors[who], ref: receivedDossier.code, form: 'mau-01' }))).toBe(expected)
  })
  it.each(EXPECTED)('%s listing the printouts → %s', async (who, expected) => {
    expect(await outcome(listDossierDocuments(client, { actor: actors[who], ref: receivedDossier.id }))).toBe(expected)
  })

  it('answers a hidden dossier, a missing one and a bad form exactly alike', async () => {
    const answers = await Promise.all([
      outcome(getDossierDocument(client, { actor: actors.citizenB, ref: receivedDossier.code, form: 'mau-01' })),
      outcome(getDossierDocument(client, { actor: actors.citizenB, ref: '16681-991231-9999', form: 'mau-01' })),
      outcome(getDossierDocument(client, { actor: actors.citizenA, ref: receivedDossier.code, form: 'mau-06' })),
      outcome(getDossierDocument(client, { actor: actors.citizenA, ref: receivedDossier.code, form: 'MAU-01' })),
      outcome(getDossierDocument(client, { actor: actors.citizenA, ref: "x' OR '1'='1", form: 'mau-01' })),
    ])
    expect(answers).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'])
  })

  it('prints the title, the applicant, the receiving officer and the appointment given at receipt', async () => {
    const receive = await client.dossierEvent.findFirstOrThrow({
      where: { dossierId: receivedDossier.id, action: 'receive' },
      select: { dueAt: true, actor: { select: { fullName: true } } },
    })
    const document = await getDossierDocument(client, { actor: actors.citizenA, ref: receivedDossier.code, form: 'mau-01' })
    expect(document.fileName).toBe(`mau-01-${receivedDossier.code}.pdf`)
    const text = await pdfText(document.bytes)
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ')
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(text).toContain('UBND PHƯỜNG THÀNH VINH')
    expect(text).toContain(`Ông/bà: ${receivedDossier.applicantName}`)
    expect(receivedDossier.applicantName).toBe('Nguyễn Văn An')
    expect(text).toContain(`Mã hồ sơ: ${receivedDossier.code}`)
    expect(text).toContain(`3. Thời gian hẹn trả kết quả: 17 giờ 00 phút, ngày ${formatDate(receive.dueAt!)}`)
    expect(text).toContain(receive.actor!.fullName)
  })
})

describe('forms follow the dossier’s history', () => {
  it('has no receipt while the dossier waits at the desk, and one as soon as it is received', async () => {
    const version = await client.procedureVersion.findFirstOrThrow({
      where: { status: 'PUBLISHED', procedure: { slug: '1.001193' }, workflowVersion: { definition: { key: 'one-stop-default' } } },
      select: { id: true, procedureId: true, workflowVersionId: true, nameVi: true },
    })
    const commune = await client.commune.findUniqueOrThrow({ where: { code: '16681' }, select: { id: true } })
    const dossier = await client.dossier.create({
      data: {
        code: '16681-261124-9101',
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
        submittedAt: NOW,
      },
      select: { id: true, code: true, version: true },
    })
    // Submitted online: only the acknowledgement of the submission (tests/integration/submission-receipt.test.ts).
    expect(await listDossierDocuments(client, { actor: actors.clerkA, ref: dossier.code })).toEqual({ code: dossier.code, forms: ['xac-nhan-nop'] })
    for (const form of ['mau-01', 'mau-02', 'mau-03', 'mau-04', 'mau-05'] as const) {
      expect(await outcome(getDossierDocument(client, { actor: actors.clerkA, ref: dossier.code, form }))).toBe('NOT_FOUND')
    }

    const received = await transitionDossier(client, {
      actor: actors.clerkA,
      input: { dossierRef: dossier.code, action: 'receive', expectedVersion: dossier.version, assigneeId: actors.specialistA.userId },
      meta: null,
      now: NOW,
    })
    expect((await listDossierDocuments(client, { actor: actors.citizenA, ref: dossier.code })).forms).toEqual(['xac-nhan-nop', 'mau-01'])
    const text = await pdfText((await getDossierDocument(client, { actor: actors.citizenA, ref: dossier.code, form: 'mau-01' })).bytes)
    expect(text).toContain('Ông/bà: Nguyễn Văn An')
    expect(text).toContain(`Nội dung yêu cầu giải quyết: ${version.nameVi}`)
    expect(text).toContain(`Thành Vinh, ngày ${formatDate(NOW).slice(0, 2)} tháng ${formatDate(NOW).slice(3, 5)} năm ${formatDate(NOW).slice(6)}`)
    expect(text).toContain(`ngày ${formatDate(received.dueAt!)}`)
    expect(text).toContain(`NGƯỜI TIẾP NHẬN HỒ SƠ (Ký, ghi rõ họ tên) ${actors.clerkA.fullName}`)
    // Submitted online: no applicant at the counter to sign.
    expect(text).not.toContain('NGƯỜI NỘP HỒ SƠ')
    expect(await outcome(getDossierDocument(client, { actor: actors.clerkA, ref: dossier.code, form: 'mau-03' }))).toBe('NOT_FOUND')
  })

  /** Seeded dossiers that went through each case, and what their printout must say. */
  const CASES: [DocumentForm, string, Prisma.DossierWhereInput, (id: string) => Promise<string[]>][] = [
    [
      'mau-02',
      'a supplement request',
      { supplementRequests: { some: {} } },
      async (id) => {
        const request = await client.supplementRequest.findFirstOrThrow({ where: { dossierId: id }, orderBy: { requestedAt: 'desc' }, select: { reason: true, requestedAt: true } })
        return ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', asClause(request.reason), `ngày ${formatDate(request.requestedAt).slice(0, 2)} tháng`]
      },
    ],
    [
      'mau-03',
      'a refusal',
      { state: 'REFUSED' },
      async (id) => {
        const refusal = await client.dossierEvent.findFirstOrThrow({ where: { dossierId: id, action: 'refuse' }, select: { reason: true } })
        return ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', `${asClause(refusal.reason!)}.`]
      },
    ],
    [
      'mau-04',
      'a new appointment',
      { events: { some: { action: 'reschedule' } } },
      async (id) => {
        const reschedule = await client.dossierEvent.findFirstOrThrow({ where: { dossierId: id, action: 'reschedule' }, orderBy: { occurredAt: 'desc' }, select: { reason: true, dueAt: true } })
        return ['VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT', `Lý do: ${asClause(reschedule.reason!)}.`, `sẽ được trả vào 17 giờ 00 phút, ngày ${formatDate(reschedule.dueAt!)}`]
      },
    ],
    [
      'mau-05',
      'a withdrawal after receipt',
      { state: 'WITHDRAWN', receivedAt: { not: null } },
      async (id) => {
        const withdrawal = await client.dossierEvent.findFirstOrThrow({ where: { dossierId: id, action: 'withdraw' }, select: { reason: true, occurredAt: true } })
        return ['THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', asClause(withdrawal.reason!), `kể từ ngày ${formatDate(withdrawal.occurredAt)}`]
      },
    ],
  ]

  it.each(CASES)('prints %s for %s, for its commune’s staff and nobody outside', async (form, _label, where, expected) => {
    const dossier = await client.dossier.findFirstOrThrow({ where: { ...where, commune: { code: '16681' } }, select: { id: true, code: true } })
    expect((await listDossierDocuments(client, { actor: actors.clerkA, ref: dossier.code })).forms).toContain(form)
    const document = await getDossierDocument(client, { actor: actors.clerkA, ref: dossier.code, form })
    expect(document.fileName).toBe(`${form}-${dossier.code}.pdf`)
    const text = await pdfText(document.bytes)
    for (const line of await expected(dossier.id)) expect(text).toContain(line)
    expect(await outcome(getDossierDocument(client, { actor: actors.clerkB, ref: dossier.code, form }))).toBe('NOT_FOUND')
  })

  it('has no refusal or stop notice for a dossier that was neither refused nor withdrawn', async () => {
    const dossier = await client.dossier.findFirstOrThrow({ where: { state: 'RETURNED', commune: { code: '16681' } }, select: { code: true } })
    expect(await outcome(getDossierDocument(client, { actor: actors.clerkA, ref: dossier.code, form: 'mau-03' }))).toBe('NOT_FOUND')
    expect(await outcome(getDossierDocument(client, { actor: actors.clerkA, ref: dossier.code, form: 'mau-05' }))).toBe('NOT_FOUND')
  })
})
