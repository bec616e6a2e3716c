/**
 * The commune's payments workspace on PostgreSQL. A bank statement with an exact transfer, a short one, an
 * excess, a line repeated in the file, money for a payment already paid, a reference of another commune and a
 * transfer without reference: only the exact line is credited, every other line is an exception listed for
 * staff with its reason; resolving one closes it (audited); the same file again changes nothing; a later file
 * repeating a bank transaction is a duplicate; a bad file is refused row by row and nothing is stored. The
 * report (by day and method, outstanding, pending) equals a recount, the exports (CSV read back, XLSX read
 * with exceljs) equal the report, and another commune's staff can neither import nor read.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import type { StatementParseError } from '@/domain/payments/bank-statement'
import type { PrismaClient } from '@/generated/prisma/client'
import { getCommunePayments, OUTSTANDING_PAGE_SIZE, type CommunePayments } from '@/server/payments/commune-payments'
import { exportCommunePayments } from '@/server/payments/export-commune-payments'
import { importBankStatement } from '@/server/payments/import-statement'
import { recordCashPayment } from '@/server/payments/record-cash-payment'
import { refundPayment } from '@/server/payments/refund-payment'
import { resolveStatementLine } from '@/server/payments/statement-lines'
import { startPayment, type StartedPayment } from '@/server/payments/start-payment'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'
import { actorOf, submittedDossier } from '../support/dossiers'

const NOW = new Date('2026-11-24T03:00:00Z')
const NOVEMBER = { from: '01/11/2026', to: '30/11/2026' }
const meta = { ip: '203.0.113.21', userAgent: 'vitest' }

let client: PrismaClient
let thanhVinhId: string
const actors = {} as Record<'owner' | 'clerk' | 'leader' | 'specialist' | 'otherClerk' | 'officer' | 'admin', Actor>

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work
    return 'OK'
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}

/** A dossier of the owner in `communeCode`, received, owing `feeVnd` (signature certification). */
async function owingDossier({ communeCode = '16681', feeVnd = 10_000, submittedAt = new Date(NOW.getTime() - 3_600_000), state = 'PROCESSING' as const } = {}) {
  const dossier = await submittedDossier(client, { communeCode, slug: '2.000884', submittedAt, applicantId: actors.owner.userId, applicantName: actors.owner.fullName, state, currentStep: 'processing', receivedAt: submittedAt })
  await client.dossier.update({ where: { id: dossier.id }, data: { feeVnd } })
  return dossier
}

async function pendingTransfer(options: Parameters<typeof owingDossier>[0] = {}): Promise<StartedPayment & { code: string }> {
  const dossier = await owingDossier(options)
  const payment = await startPayment(client, { actor: actors.owner, dossierRef: dossier.code, method: 'VIETQR', meta, now: NOW })
  return { ...payment, code: dossier.code }
}

/** A statement as a bank exports it: two preamble rows, the header, credit lines and one debit. */
function statement(lines: [txn: string, when: string, amount: string, description: string][]): Uint8Array {
  const rows = [
    'NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM,,,,',
    'Số tài khoản: DEMO16681,,,,',
    'Số tham chiếu,Ngày giao dịch,Số tiền ghi có,Số tiền ghi nợ,Nội dung',
    ...lines.map(([txn, when, amount, description]) => `${txn},${when},"${amount}",,"${description}"`),
    'FT-PHI-01,24/11/2026 17:00,,"11.000",Phi duy tri tai khoan',
  ]
  return new TextEncoder().encode(`\uFEFF${rows.join('\r\n')}\r\n`)
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = []
  const reader = stream.getReader()
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value)
  return Buffer.concat(chunks)
}

/** RFC 4180: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      record.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i++
    } else field += char
  }
  return records
}

async function csvExport(actor: Actor, query: Record<string, string>) {
  const { stream, fileName } = await exportCommunePayments(client, { actor, query: { commune: '16681', format: 'csv', ...query }, now: NOW })
  const text = (await readAll(stream)).toString('utf8')
  expect(text.startsWith('\uFEFF')).toBe(true)
  const [header, ...rows] = parseCsv(text.slice(1))
  return { header: header!, rows, fileName }
}

async function xlsxExport(actor: Actor, query: Record<string, string>) {
  const { stream } = await exportCommunePayments(client, { actor, query: { commune: '16681', format: 'xlsx', ...query }, now: NOW })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await readAll(stream)) as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]!
  const rows: ExcelJS.CellValue[][] = []
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)))
  return { title: rows[0]![0], header: rows[1]!, rows: rows.slice(2) }
}

async function report(actor: Actor = actors.clerk, query: Record<string, string> = {}, now = NOW): Promise<CommunePayments> {
  const result = await getCommunePayments(client, { actor, query: { commune: '16681', ...NOVEMBER, ...query }, now })
  if (!result) throw new Error('no report')
  return result
}

async function snapshot() {
  const [imports, lines, payments, dossiers, audits] = await Promise.all([
    client.bankStatementImport.count({ where: { communeId: thanhVinhId } }),
    client.bankStatementLine.findMany({ where: { communeId: thanhVinhId }, orderBy: { id: 'asc' }, select: { id: true, status: true, resolvedAt: true } }),
    client.payment.findMany({ where: { communeId: thanhVinhId }, orderBy: { id: 'asc' }, select: { id: true, status: true, paidAt: true, providerRef: true } }),
    client.dossier.findMany({ where: { communeId: thanhVinhId }, orderBy: { id: 'asc' }, select: { id: true, paidVnd: true } }),
    client.auditLog.count(),
  ])
  return { imports, lines, payments, dossiers, audits }
}

let exact: StartedPayment & { code: string }
let partial: StartedPayment & { code: string }
let excess: StartedPayment & { code: string }
let paidBefore: StartedPayment & { code: string }
let elsewhere: StartedPayment & { code: string }
let firstFile: Uint8Array

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 0, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, 10)
  actors.owner = await actorOf(client, { citizenId: '040085003917' })
  actors.clerk = await actorOf(client, 'canbo.thanhvinh')
  actors.leader = await actorOf(client, 'lanhdao.thanhvinh')
  actors.specialist = await actorOf(client, 'chuyenvien.thanhvinh')
  actors.otherClerk = await actorOf(client, 'canbo.truongvinh')
  actors.officer = await actorOf(client, { role: 'PROVINCE_OFFICER' })
  actors.admin = await actorOf(client, { role: 'ADMIN' })
  thanhVinhId = (await client.commune.findUniqueOrThrow({ where: { code: '16681' }, select: { id: true } })).id

  exact = await pendingTransfer()
  partial = await pendingTransfer()
  excess = await pendingTransfer()
  paidBefore = await pendingTransfer()
  elsewhere = await pendingTransfer({ communeCode: '16690' })
  // The payment paid before: an earlier statement credited it, at 06:00 in Vietnam (still 23 November in UTC).
  const earlier = await importBankStatement(client, {
    actor: actors.leader,
    communeId: thanhVinhId,
    fileName: 'sao-ke-23-11.csv',
    bytes: statement([['FT26327000001', '24/11/2026 06:00', '10.000', `${paidBefore.reference} nop le phi`]]),
    meta,
    now: NOW,
  })
  expect(earlier).toMatchObject({ ok: true, summary: { byStatus: { MATCHED: { count: 1 } } } })
}, 180_000)

afterAll(async () => {
  await client?.$disconnect()
})

describe('a statement with duplicates and partial payments', () => {
  it('credits only the exact line and classifies every other line for a human', async () => {
    firstFile = statement([
      ['FT26328000101', '24/11/2026 09:15', '10.000', `${exact.reference} Nguyen Van An nop le phi`],
      ['FT26328000102', '24/11/2026 09:40', '4.000', `CK ${partial.reference} chung thuc`],
      ['FT26328000103', '24/11/2026 10:05', '15.000', `${excess.reference}`],
      ['FT26328000102', '24/11/2026 09:40', '4.000', `CK ${partial.reference} chung thuc`],
      ['FT26328000104', '24/11/2026 11:00', '10.000', `${paidBefore.reference} chuyen lai`],
      ['FT26328000105', '24/11/2026 11:30', '10.000', `${elsewhere.reference}`],
      ['FT26328000106', '24/11/2026 13:00', '25.000', 'Nguyen Van An chuyen tien'],
    ])
    const result = await importBankStatement(client, { actor: actors.clerk, communeId: thanhVinhId, fileName: 'sao-ke-24-11.csv', bytes: firstFile, meta, now: NOW })
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.lines.map((line) => [line.line.row, line.line.bankTxnId, line.status, line.reason])).toEqual([
      [4, 'FT26328000101', 'MATCHED', 'EXACT'],
      [5, 'FT26328000102', 'PARTIAL', 'LESS_THAN_DUE'],
      [6, 'FT26328000103', 'EXCESS', 'MORE_THAN_DUE'],
      [7, 'FT26328000102', 'DUPLICATE', 'TXN_REPEATED_IN_FILE'],
      [8, 'FT26328000104', 'DUPLICATE', 'PAYMENT_ALREADY_PAID'],
      [9, 'FT26328000105', 'UNMATCHED', 'UNKNOWN_REFERENCE'],
      [10, 'FT26328000106', 'UNMATCHED', 'NO_REFERENCE'],
    ])
    expect(result.summary).toEqual({
      total: { count: 7, amountVnd: 78_000 },
      byStatus: {
        MATCHED: { count: 1, amountVnd: 10_000 },
        PARTIAL: { count: 1, amountVnd: 4_000 },
        EXCESS: { count: 1, amountVnd: 15_000 },
        DUPLICATE: { count: 2, amountVnd: 14_000 },
        UNMATCHED: { count: 2, amountVnd: 35_000 },
      },
    })

    const payments = await client.payment.findMany({
      where: { id: { in: [exact.id, partial.id, excess.id, paidBefore.id, elsewhere.id] } },
      select: { id: true, status: true, providerRef: true, receiptNo: true, paidAt: true, dossier: { select: { paidVnd: true } } },
    })
    const byId = new Map(payments.map((payment) => [payment.id, payment]))
    expect(byId.get(exact.id)).toMatchObject({ status: 'PAID', providerRef: 'FT26328000101', receiptNo: `BL-${exact.reference}`, paidAt: new Date('2026-11-24T02:15:00Z'), dossier: { paidVnd: 10_000 } })
    expect(byId.get(partial.id)).toMatchObject({ status: 'PENDING', dossier: { paidVnd: 0 } })
    expect(byId.get(excess.id)).toMatchObject({ status: 'PENDING', dossier: { paidVnd: 0 } })
    expect(byId.get(paidBefore.id)).toMatchObject({ status: 'PAID', providerRef: 'FT26327000001', dossier: { paidVnd: 10_000 } })
    expect(byId.get(elsewhere.id)).toMatchObject({ status: 'PENDING', dossier: { paidVnd: 0 } })
    expect(await client.auditLog.count({ where: { action: 'payment.paid', entityId: exact.id } })).toBe(1)
  })

  it('lists the exceptions in the workspace, with the payment and dossier each names', async () => {
    const { exceptions } = await report()
    expect(exceptions.count).toBe(6)
    expect(exceptions.amountVnd).toBe(68_000)
    expect(exceptions.rows.map((row) => [row.bankTxnId, row.status, row.reason, row.dossierCode, row.paymentReference]).sort()).toEqual(
      [
        ['FT26328000102', 'PARTIAL', 'LESS_THAN_DUE', partial.code, partial.reference],
        ['FT26328000103', 'EXCESS', 'MORE_THAN_DUE', excess.code, excess.reference],
        ['FT26328000102', 'DUPLICATE', 'TXN_REPEATED_IN_FILE', partial.code, partial.reference],
        ['FT26328000104', 'DUPLICATE', 'PAYMENT_ALREADY_PAID', paidBefore.code, paidBefore.reference],
        ['FT26328000105', 'UNMATCHED', 'UNKNOWN_REFERENCE', null, null],
        ['FT26328000106', 'UNMATCHED', 'NO_REFERENCE', null, null],
      ].sort(),
    )
    // Most recent bank date first.
    expect(exceptions.rows.map((row) => row.bookedAt.getTime())).toEqual([...exceptions.rows.map((row) => row.bookedAt.getTime())].sort((a, b) => b - a))
    expect(exceptions.rows.every((row) => row.fileName === 'sao-ke-24-11.csv')).toBe(true)
  })

  it('closes an exception with a note, once, audited; the rest stay open', async () => {
    const { exceptions } = await report()
    const line = exceptions.rows.find((row) => row.status === 'EXCESS')!
    expect(await refusal(resolveStatementLine(client, { actor: actors.clerk, input: { lineId: line.id, note: 'ok' } }))).toBe('INVALID_INPUT')
    expect(await refusal(resolveStatementLine(client, { actor: actors.specialist, input: { lineId: line.id, note: 'Đã hoàn trả 5.000 đồng' } }))).toBe('FORBIDDEN')
    expect(await refusal(resolveStatementLine(client, { actor: actors.otherClerk, input: { lineId: line.id, note: 'Đã hoàn trả 5.000 đồng' } }))).toBe('NOT_FOUND')
    await resolveStatementLine(client, { actor: actors.leader, input: { lineId: line.id, note: 'Đã hoàn trả 5.000 đồng cho người nộp qua ngân hàng' }, meta, now: NOW })
    expect(await refusal(resolveStatementLine(client, { actor: actors.clerk, input: { lineId: line.id, note: 'Đã hoàn trả lần hai' } }))).toBe('CONFLICT')

    const stored = await client.bankStatementLine.findUniqueOrThrow({ where: { id: line.id }, select: { status: true, resolvedAt: true, resolvedById: true, resolutionNote: true } })
    expect(stored).toEqual({ status: 'EXCESS', resolvedAt: NOW, resolvedById: actors.leader.userId, resolutionNote: 'Đã hoàn trả 5.000 đồng cho người nộp qua ngân hàng' })
    expect(await client.auditLog.count({ where: { action: 'statement.resolve', entityId: line.id, actorId: actors.leader.userId } })).toBe(1)
    const after = await report()
    expect(after.exceptions.count).toBe(5)
    expect(after.exceptions.rows.map((row) => row.id)).not.toContain(line.id)
    expect(after.imports[0]).toMatchObject({ fileName: 'sao-ke-24-11.csv', openExceptions: 5, byStatus: { MATCHED: { count: 1, amountVnd: 10_000 }, EXCESS: { count: 1 }, DUPLICATE: { count: 2 } }, importedBy: actors.clerk.fullName })
  })

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot()
    expect(await refusal(importBankStatement(client, { actor: actors.clerk, communeId: thanhVinhId, fileName: 'sao-ke-24-11 (1).csv', bytes: firstFile, meta, now: NOW }))).toBe('ALREADY_EXISTS')
    expect(await snapshot()).toEqual(before)
  })

  it('marks a later file repeating a bank transaction as a duplicate', async () => {
    const result = await importBankStatement(client, {
      actor: actors.clerk,
      communeId: thanhVinhId,
      fileName: 'sao-ke-24-11-bo-sung.csv',
      bytes: statement([
        ['FT26328000103', '24/11/2026 10:05', '15.000', `${excess.reference}`],
        ['FT26328000201', '24/11/2026 15:00', '6.000', `${partial.reference} chuyen not`],
      ]),
      meta,
      now: NOW,
    })
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.lines.map((line) => [line.line.bankTxnId, line.status, line.reason])).toEqual([
      ['FT26328000103', 'DUPLICATE', 'TXN_ALREADY_IMPORTED'],
      ['FT26328000201', 'PARTIAL', 'LESS_THAN_DUE'],
    ])
    expect((await client.payment.findUniqueOrThrow({ where: { id: excess.id } })).status).toBe('PENDING')
  })

  it('refuses a bad file row by row and stores nothing', async () => {
    const before = await snapshot()
    const bad = statement([
      ['FT26328000301', '24/11/2026 09:00', '10.000', `${partial.reference}`],
      ['FT26328000302', '31/11/2026', '10.000', 'ngay sai'],
      ['FT26328000303', '24/11/2026', '10.5', 'so tien sai'],
      ['', '24/11/2026', '10.000', 'thieu so tham chieu'],
    ])
    const result = await importBankStatement(client, { actor: actors.clerk, communeId: thanhVinhId, fileName: 'loi.csv', bytes: bad, meta, now: NOW })
    expect(result.ok).toBe(false)
    const errors = (result as { errors: StatementParseError[] }).errors
    expect(errors).toEqual([
      { row: 5, code: 'BAD_DATE', column: 'bookedAt', value: '31/11/2026' },
      { row: 6, code: 'BAD_AMOUNT', column: 'amountVnd', value: '10.5' },
      { row: 7, code: 'MISSING_TXN_ID', column: 'bankTxnId' },
    ])
    expect(await snapshot()).toEqual(before)
    expect((await client.payment.findUniqueOrThrow({ where: { id: partial.id } })).status).toBe('PENDING')
  })
})

describe('who may see and handle a commune’s payments', () => {
  it('lets only the commune’s clerks and leaders import, and no one outside read', async () => {
    const bytes = statement([['FT26328000401', '24/11/2026 09:00', '10.000', 'x']])
    expect(await refusal(importBankStatement(client, { actor: actors.otherClerk, communeId: thanhVinhId, fileName: 'x.csv', bytes, now: NOW }))).toBe('NOT_FOUND')
    expect(await refusal(importBankStatement(client, { actor: actors.specialist, communeId: thanhVinhId, fileName: 'x.csv', bytes, now: NOW }))).toBe('FORBIDDEN')
    expect(await refusal(importBankStatement(client, { actor: actors.officer, communeId: thanhVinhId, fileName: 'x.csv', bytes, now: NOW }))).toBe('FORBIDDEN')
    expect(await refusal(importBankStatement(client, { actor: actors.owner, communeId: thanhVinhId, fileName: 'x.csv', bytes, now: NOW }))).toBe('FORBIDDEN')

    expect(await refusal(report(actors.otherClerk))).toBe('NOT_FOUND')
    expect(await refusal(report(actors.specialist))).toBe('FORBIDDEN')
    expect(await refusal(report(actors.owner))).toBe('FORBIDDEN')
    expect(await refusal(report(actors.clerk, { commune: '16690' }))).toBe('NOT_FOUND')
    expect(await refusal(report(actors.clerk, { commune: 'x' }))).toBe('NOT_FOUND')
    expect(await refusal(csvExport(actors.otherClerk, { table: 'payments', ...NOVEMBER }))).toBe('NOT_FOUND')
    expect(await refusal(csvExport(actors.specialist, { table: 'outstanding' }))).toBe('FORBIDDEN')
    expect(await refusal(csvExport(actors.clerk, { table: 'everything' }))).toBe('INVALID_INPUT')
    expect(await refusal(csvExport(actors.clerk, { table: 'payments', from: '31/02/2026' }))).toBe('INVALID_INPUT')

    // The other commune's clerk sees their own commune by default, and none of this one's money.
    const own = await getCommunePayments(client, { actor: actors.otherClerk, query: {}, now: NOW })
    expect(own?.commune.code).toBe('16690')
    expect(own?.exceptions.count).toBe(0)
    expect(own?.pending.count).toBe(1)
  })

  it('lets the province officer and the administrator read, not write', async () => {
    const asOfficer = await report(actors.officer)
    const asClerk = await report(actors.clerk)
    expect(asOfficer.commune).toMatchObject({ code: '16681', canWrite: false })
    expect(asClerk.commune).toMatchObject({ code: '16681', canWrite: true })
    expect(asOfficer.report).toEqual(asClerk.report)
    expect((await report(actors.admin)).commune.canWrite).toBe(false)
    // Above the commune, one must be chosen.
    expect(await getCommunePayments(client, { actor: actors.officer, query: {}, now: NOW })).toBeNull()
  })
})

describe('the report', () => {
  it('equals a recount of payments and refunds by Vietnam day and method', async () => {
    // More money in and out: cash at the desk, a refund, and a transfer early on 1 December (Vietnam), which
    // is still 30 November in UTC and belongs to December's report.
    const cashDossier = await owingDossier({ feeVnd: 50_000 })
    await recordCashPayment(client, { actor: actors.clerk, input: { dossierRef: cashDossier.code, amountVnd: 50_000 }, now: new Date('2026-11-25T08:00:00Z') })
    await refundPayment(client, { actor: actors.clerk, input: { paymentId: exact.id, amountVnd: 4_000, reason: 'Nộp thừa, hoàn trả' }, now: new Date('2026-11-26T01:00:00Z') })
    const late = await pendingTransfer()
    await importBankStatement(client, {
      actor: actors.clerk,
      communeId: thanhVinhId,
      fileName: 'sao-ke-01-12.csv',
      bytes: statement([['FT26335000001', '01/12/2026 00:30', '10.000', late.reference]]),
      now: NOW,
    })

    const { report: november } = await report()
    const paid = await client.payment.findMany({ where: { communeId: thanhVinhId, paidAt: { not: null } }, select: { method: true, amountVnd: true, paidAt: true } })
    const refunds = await client.paymentRefund.findMany({ where: { communeId: thanhVinhId }, select: { amountVnd: true, createdAt: true, payment: { select: { method: true } } } })
    const vietnamDay = (date: Date) => new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
    const inNovember = (date: Date) => vietnamDay(date).startsWith('2026-11')
    const recount = new Map<string, { count: number; collectedVnd: number; refundedVnd: number }>()
    const at = (key: string) => recount.get(key) ?? recount.set(key, { count: 0, collectedVnd: 0, refundedVnd: 0 }).get(key)!
    for (const payment of paid.filter((entry) => inNovember(entry.paidAt!))) {
      const entry = at(`${vietnamDay(payment.paidAt!)}|${payment.method}`)
      entry.count++
      entry.collectedVnd += payment.amountVnd
    }
    for (const refund of refunds.filter((entry) => inNovember(entry.createdAt))) at(`${vietnamDay(refund.createdAt)}|${refund.payment.method}`).refundedVnd += refund.amountVnd

    expect(new Map(november.days.map((row) => [`${row.day}|${row.method}`, { count: row.count, collectedVnd: row.collectedVnd, refundedVnd: row.refundedVnd }]))).toEqual(recount)
    expect(november.days.map((row) => [row.day, row.method, row.count, row.collectedVnd, row.refundedVnd])).toEqual([
      ['2026-11-24', 'VIETQR', 2, 20_000, 0],
      ['2026-11-25', 'CASH', 1, 50_000, 0],
      ['2026-11-26', 'VIETQR', 0, 0, 4_000],
    ])
    expect(november.total).toEqual({ count: 3, collectedVnd: 70_000, refundCount: 1, refundedVnd: 4_000, netVnd: 66_000 })
    expect(november.byMethod.find((row) => row.method === 'VIETQR')).toMatchObject({ count: 2, collectedVnd: 20_000, refundedVnd: 4_000, netVnd: 16_000 })

    const { report: december } = await report(actors.clerk, { from: '01/12/2026', to: '31/12/2026' })
    expect(december.days.map((row) => [row.day, row.method, row.count, row.collectedVnd])).toEqual([['2026-12-01', 'VIETQR', 1, 10_000]])
  })

  it('counts what is still owed and what waits for money, expiring overdue payments first', async () => {
    const owing = await client.dossier.findMany({
      where: { communeId: thanhVinhId, state: { in: ['SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN', 'RETURNED'] } },
      select: { code: true, feeVnd: true, paidVnd: true },
    })
    const expected = owing.filter((dossier) => dossier.feeVnd > dossier.paidVnd)
    // Refused dossiers owe nothing any more.
    await owingDossier({ state: 'REFUSED' as never })
    const now = await report()
    expect(now.outstanding.count).toBe(expected.length)
    expect(now.outstanding.amountVnd).toBe(expected.reduce((sum, dossier) => sum + dossier.feeVnd - dossier.paidVnd, 0))
    expect(now.outstanding.rows.map((row) => row.code).sort()).toEqual(expected.map((dossier) => dossier.code).sort())
    expect(now.outstanding.rows.find((row) => row.code === exact.code)).toMatchObject({ feeVnd: 10_000, paidVnd: 6_000, outstandingVnd: 4_000, dueReason: 'PAYABLE' })
    // partial and excess wait (their QR lives a day); exact and the late one are paid.
    expect(now.pending).toEqual({ count: 2, amountVnd: 20_000 })

    const twoDaysLater = new Date(NOW.getTime() + 2 * 86_400_000)
    expect((await report(actors.officer, {}, twoDaysLater)).pending).toEqual({ count: 0, amountVnd: 0 })
    expect((await client.payment.findUniqueOrThrow({ where: { id: partial.id } })).status).toBe('EXPIRED')
  })

  it('pages the outstanding list by keyset without losing or repeating a dossier', async () => {
    for (let index = 0; index < OUTSTANDING_PAGE_SIZE + 3; index++) await owingDossier({ feeVnd: 1_000 + index, submittedAt: new Date(NOW.getTime() - (index % 7) * 60_000) })
    const first = await report()
    expect(first.outstanding.rows).toHaveLength(OUTSTANDING_PAGE_SIZE)
    const seen = [...first.outstanding.rows]
    let cursor = first.outstanding.nextCursor
    while (cursor) {
      const page = await report(actors.clerk, { outstandingAfter: cursor })
      expect(page.outstanding.paged).toBe(true)
      seen.push(...page.outstanding.rows)
      cursor = page.outstanding.nextCursor
    }
    expect(new Set(seen.map((row) => row.id)).size).toBe(first.outstanding.count)
    expect(seen).toHaveLength(first.outstanding.count)
    expect(seen.reduce((sum, row) => sum + row.outstandingVnd, 0)).toBe(first.outstanding.amountVnd)
    // A forged cursor is the first page, not an error.
    expect((await report(actors.clerk, { outstandingAfter: 'not-a-cursor' })).outstanding.rows[0]!.id).toBe(first.outstanding.rows[0]!.id)
  })
})

describe('exports', () => {
  it('writes the period’s payments, one row each, matching the report (CSV and XLSX)', async () => {
    const { report: november } = await report()
    const csv = await csvExport(actors.clerk, { table: 'payments', ...NOVEMBER })
    expect(csv.fileName).toBe('Đã thu - Phường Thành Vinh - 01-11-2026 đến 30-11-2026')
    expect(csv.header).toEqual(['Thời điểm thanh toán', 'Mã hồ sơ', 'Người nộp', 'Thủ tục', 'Phương thức', 'Số tiền (đồng)', 'Đã hoàn trả (đồng)', 'Trạng thái', 'Mã thanh toán', 'Số biên lai', 'Mã giao dịch ngân hàng/cổng'])
    expect(csv.rows).toHaveLength(november.total.count)
    expect(csv.rows.reduce((sum, row) => sum + Number(row[5]), 0)).toBe(november.total.collectedVnd)
    expect(csv.rows.reduce((sum, row) => sum + Number(row[6]), 0)).toBe(november.total.refundedVnd)
    const exactRow = csv.rows.find((row) => row[8] === exact.reference)!
    expect(exactRow).toEqual(['24/11/2026 09:15', exact.code, actors.owner.fullName, expect.stringContaining('chứng thực chữ ký'), 'Chuyển khoản VietQR', '10000', '4000', 'Đã thanh toán', exact.reference, `BL-${exact.reference}`, 'FT26328000101'])
    const byMethod = (method: string) => csv.rows.filter((row) => row[4] === method).reduce((sum, row) => sum + Number(row[5]), 0)
    expect(byMethod('Tiền mặt')).toBe(november.byMethod.find((row) => row.method === 'CASH')!.collectedVnd)
    // In order of payment.
    expect(csv.rows.map((row) => row[0])).toEqual(['24/11/2026 06:00', '24/11/2026 09:15', '25/11/2026 15:00'])

    const xlsx = await xlsxExport(actors.officer, { table: 'payments', ...NOVEMBER })
    expect(xlsx.title).toBe('Các khoản phí, lệ phí đã thu – Phường Thành Vinh – 01/11/2026 – 30/11/2026')
    expect(xlsx.header).toEqual(csv.header)
    expect(xlsx.rows.map((row) => [row[1], row[5], row[6], row[8]])).toEqual(csv.rows.map((row) => [row[1], Number(row[5]), Number(row[6]), row[8]]))
    // Excel dates carry Vietnam's wall clock.
    expect((xlsx.rows[0]![0] as Date).toISOString()).toBe('2026-11-24T06:00:00.000Z')
  })

  it('writes the outstanding list matching the report', async () => {
    const { outstanding } = await report()
    const csv = await csvExport(actors.leader, { table: 'outstanding' })
    expect(csv.header).toEqual(['Mã hồ sơ', 'Người nộp', 'Thủ tục', 'Ngày nộp', 'Trạng thái hồ sơ', 'Thời điểm thu', 'Phí, lệ phí (đồng)', 'Đã nộp (đồng)', 'Còn phải thu (đồng)'])
    expect(csv.rows).toHaveLength(outstanding.count)
    expect(csv.rows.reduce((sum, row) => sum + Number(row[8]), 0)).toBe(outstanding.amountVnd)
    expect(csv.rows.find((row) => row[0] === exact.code)).toEqual([exact.code, actors.owner.fullName, expect.any(String), '24/11/2026', 'Đang giải quyết', 'Trước khi giải quyết', '10000', '6000', '4000'])
    const xlsx = await xlsxExport(actors.clerk, { table: 'outstanding' })
    expect(xlsx.rows).toHaveLength(outstanding.count)
    expect(xlsx.rows.reduce((sum, row) => sum + (row[8] as number), 0)).toBe(outstanding.amountVnd)
  })
})
