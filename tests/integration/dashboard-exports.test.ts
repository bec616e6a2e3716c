/**
 * Exports of the dashboard on PostgreSQL: a seeded province with a demo history (aggregates filled by the
 * recount), its ranking, a commune's procedures and the dossiers behind a number, each read back from CSV and
 * from XLSX (exceljs) and compared with what the dashboard itself shows; the ranking's PDF report read back as
 * text; who may export what; bad parameters refused before any byte; and the route handlers' answers.
 */
import fontkitModule from '@pdf-lib/fontkit'
import ExcelJS from 'exceljs'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { parseDashboardPeriod, parseDashboardSort } from '@/domain/stats/dashboard-metrics'
import type { PrismaClient } from '@/generated/prisma/client'
import { loadReportFontBytes, renderTableReportPdf } from '@/server/dashboard/dashboard-report-pdf'
import { describeExportInputError, exportDashboardTable, renderDashboardRankingReport } from '@/server/dashboard/export-dashboard'
import { getCommuneDashboard } from '@/server/dashboard/get-commune-dashboard'
import { getProvinceDashboard } from '@/server/dashboard/get-province-dashboard'
import { listDashboardDossiers } from '@/server/dashboard/list-dashboard-dossiers'
import { createPrismaClient } from '@/server/prisma-client'
import { recountDashboardAggregates } from '@/server/stats/recount'
import { seedDatabase } from '../../prisma/seed'
import { actorOf } from '../support/dossiers'

// The route handlers read the signed-in actor and the language cookie from Next's request context: here the
// actor is whoever the test says, and no language cookie is set (Vietnamese).
const session = vi.hoisted(() => ({ actor: null as Actor | null }))
vi.mock('@/server/auth/session', () => ({
  requireActor: async () => {
    if (!session.actor) throw new AppError('UNAUTHENTICATED')
    return session.actor
  },
}))
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined }) }))

const fontkit = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule

const NOW = new Date('2026-11-24T03:00:00Z')
const THANH_VINH = '16681'
const TRUONG_VINH = '16690'

let client: PrismaClient
const actors = {} as Record<'clerk' | 'otherClerk' | 'officer' | 'admin' | 'citizen', Actor>

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work
    return 'OK'
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
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

type Query = Record<string, string>

async function csvExport(actor: Actor, query: Query, locale: 'vi' | 'en' = 'vi') {
  const result = await exportDashboardTable(client, { actor, query: { ...query, format: 'csv' }, locale, now: NOW })
  const text = (await readAll(result.stream)).toString('utf8')
  expect(text.startsWith('\uFEFF')).toBe(true)
  const [header, ...rows] = parseCsv(text.slice(1))
  return { header: header!, rows, fileName: result.fileName }
}

async function xlsxExport(actor: Actor, query: Query, locale: 'vi' | 'en' = 'vi') {
  const result = await exportDashboardTable(client, { actor, query: { ...query, format: 'xlsx' }, locale, now: NOW })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await readAll(result.stream)) as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]!
  const rows: ExcelJS.CellValue[][] = []
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)))
  return { sheetName: sheet.name, title: String(rows[0]![0]), header: rows[1]!.map(String), rows: rows.slice(2), fileName: result.fileName }
}

/** The value of column `header` in a CSV or XLSX row. */
const cell = <T>(header: readonly string[], row: readonly T[], name: string): T => {
  const index = header.indexOf(name)
  if (index < 0) throw new Error(`no column ${name} in ${header.join(' | ')}`)
  return row[index] as T
}

const percentText = (ratio: number | null) => (ratio === null ? '' : `${Math.round(ratio * 1000) / 10}%`)

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 3000, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, 10)
  await recountDashboardAggregates(client)
  actors.clerk = await actorOf(client, 'canbo.thanhvinh')
  actors.otherClerk = await actorOf(client, 'canbo.truongvinh')
  actors.officer = await actorOf(client, { role: 'PROVINCE_OFFICER' })
  actors.admin = await actorOf(client, { role: 'ADMIN' })
  actors.citizen = await actorOf(client, { citizenId: '040085003917' })
}, 240_000)

afterAll(async () => {
  await client?.$disconnect()
})

const period90 = () => parseDashboardPeriod({ ky: '90' }, NOW)

describe('the ranking', () => {
  it('exports every commune in the page order, with the province totals, as CSV with Vietnamese headers', async () => {
    const sort = parseDashboardSort({ xep: 'onTimeRate', chieu: 'desc' })
    const dashboard = await getProvinceDashboard(client, { actor: actors.officer, period: period90(), sort, now: NOW })
    expect(dashboard.rows.length).toBeGreaterThan(100)
    expect(dashboard.totals.received).toBeGreaterThan(0)

    const { header, rows, fileName } = await csvExport(actors.officer, { table: 'ranking', ky: '90', xep: 'onTimeRate', chieu: 'desc' })
    expect(fileName).toBe('Xếp hạng xã, phường - Tỉnh Nghệ An - 27-08-2026 đến 24-11-2026')
    expect(header.slice(0, 6)).toEqual(['Hạng', 'Mã xã, phường', 'Xã, phường', 'Tiếp nhận', 'Tiếp nhận trực tuyến', 'Tỷ lệ nộp trực tuyến'])
    expect(header).toContain('Quá hạn (hiện tại)')
    expect(header).toContain('Thời gian giải quyết bình quân (ngày làm việc)')
    // One line per commune, in the dashboard's order, then the totals.
    expect(rows).toHaveLength(dashboard.rows.length + 1)
    expect(rows.slice(0, -1).map((row) => [cell(header, row, 'Hạng'), cell(header, row, 'Mã xã, phường'), cell(header, row, 'Xã, phường')])).toEqual(
      dashboard.rows.map((row) => [String(row.rank), row.communeCode, row.communeName]),
    )
    for (const [index, row] of dashboard.rows.entries()) {
      const line = rows[index]!
      expect(cell(header, line, 'Tiếp nhận')).toBe(String(row.received))
      expect(cell(header, line, 'Đã giải quyết (trả kết quả)')).toBe(String(row.resolved))
      expect(cell(header, line, 'Quá hạn (hiện tại)')).toBe(String(row.overdueNow))
      expect(cell(header, line, 'Tỷ lệ đúng hạn (gồm trước hạn)')).toBe(percentText(row.onTimeRate))
    }
    const totals = rows.at(-1)!
    expect(cell(header, totals, 'Hạng')).toBe('')
    expect(cell(header, totals, 'Xã, phường')).toBe('Tổng cộng')
    expect(cell(header, totals, 'Tiếp nhận')).toBe(String(dashboard.totals.received))
    expect(cell(header, totals, 'Tiếp nhận')).toBe(String(dashboard.rows.reduce((sum, row) => sum + row.received, 0)))
    expect(cell(header, totals, 'Đang giải quyết (hiện tại)')).toBe(String(dashboard.totals.inProgress))
  })

  it('exports the same as XLSX under a title row with the scope, the period and the time of export', async () => {
    const sort = parseDashboardSort({ xep: 'name', chieu: 'asc' })
    const dashboard = await getProvinceDashboard(client, { actor: actors.admin, period: period90(), sort, now: NOW })
    const { sheetName, title, header, rows } = await xlsxExport(actors.admin, { table: 'ranking', ky: '90', xep: 'name', chieu: 'asc' })
    expect(sheetName).toBe('Xếp hạng xã, phường')
    expect(title).toContain('27/08/2026 – 24/11/2026')
    expect(title).toContain('xuất lúc 24/11/2026 10:00')
    expect(header[2]).toBe('Xã, phường')
    expect(rows).toHaveLength(dashboard.rows.length + 1)
    expect(rows.slice(0, -1).map((row) => row[2])).toEqual(dashboard.rows.map((row) => row.communeName))
    for (const [index, row] of dashboard.rows.entries()) {
      expect(cell(header, rows[index]!, 'Tiếp nhận')).toBe(row.received)
      const rate = cell(header, rows[index]!, 'Tỷ lệ đúng hạn (gồm trước hạn)')
      // exceljs reads an empty cell as undefined.
      if (row.onTimeRate === null) expect(rate ?? null).toBeNull()
      else expect(rate).toBeCloseTo(row.onTimeRate, 10)
    }
    expect(cell(header, rows.at(-1)!, 'Tiếp nhận')).toBe(dashboard.totals.received)
  })

  it('has English headers when the reader chose English', async () => {
    const { header, rows, fileName } = await csvExport(actors.officer, { table: 'ranking', tu: '2026-11-01', den: '2026-11-24' }, 'en')
    expect(header.slice(0, 4)).toEqual(['Rank', 'Commune code', 'Commune / ward', 'Received'])
    expect(rows.at(-1)![2]).toBe('Total')
    expect(fileName).toBe('Ranking of communes - Tỉnh Nghệ An - 01-11-2026 to 24-11-2026')
  })

  it('is the province dashboard: not for commune staff nor citizens', async () => {
    expect(await refusal(exportDashboardTable(client, { actor: actors.clerk, query: { table: 'ranking', format: 'csv' }, now: NOW }))).toBe('FORBIDDEN')
    expect(await refusal(exportDashboardTable(client, { actor: actors.citizen, query: { table: 'ranking', format: 'xlsx' }, now: NOW }))).toBe('FORBIDDEN')
    expect(await refusal(renderDashboardRankingReport(client, { actor: actors.clerk, query: {}, now: NOW }))).toBe('FORBIDDEN')
  })
})

describe("a commune's procedures", () => {
  it('exports one row per procedure of the commune page and its totals, for its staff and the province', async () => {
    const period = period90()
    const sort = parseDashboardSort({})
    const dashboard = await getCommuneDashboard(client, { actor: actors.clerk, communeCode: THANH_VINH, period, sort, now: NOW })
    expect(dashboard.rows.length).toBeGreaterThan(0)
    for (const actor of [actors.clerk, actors.officer]) {
      const { header, rows, fileName } = await csvExport(actor, { table: 'procedures', xa: THANH_VINH, ky: '90' })
      expect(fileName).toBe('Theo thủ tục - Phường Thành Vinh - 27-08-2026 đến 24-11-2026')
      expect(header.slice(0, 4)).toEqual(['Hạng', 'Mã thủ tục', 'Thủ tục', 'Tiếp nhận'])
      expect(rows).toHaveLength(dashboard.rows.length + 1)
      expect(rows.slice(0, -1).map((row) => [row[1], row[2], row[3]])).toEqual(dashboard.rows.map((row) => [row.procedureCode, row.procedureName, String(row.received)]))
      expect(cell(header, rows.at(-1)!, 'Tiếp nhận')).toBe(String(dashboard.figures.received))
    }
    const xlsx = await xlsxExport(actors.clerk, { table: 'procedures', xa: THANH_VINH, ky: '90' })
    expect(xlsx.title).toContain('Phường Thành Vinh')
    expect(xlsx.rows).toHaveLength(dashboard.rows.length + 1)
    expect(xlsx.rows.slice(0, -1).map((row) => row[3])).toEqual(dashboard.rows.map((row) => row.received))
  })

  it("is the staff's own commune when the link does not name one", async () => {
    const { fileName, rows } = await csvExport(actors.clerk, { table: 'procedures', ky: '90' })
    expect(fileName).toBe('Theo thủ tục - Phường Thành Vinh - 27-08-2026 đến 24-11-2026')
    expect(rows.length).toBeGreaterThan(1)
    // A province reader must name the commune.
    expect((await exportDashboardTable(client, { actor: actors.officer, query: { table: 'procedures', format: 'csv' }, now: NOW }).catch((error: AppError) => error.fieldErrors))).toEqual({ xa: ['REQUIRED'] })
  })

  it("refuses another commune's staff and a commune that does not exist", async () => {
    expect(await refusal(exportDashboardTable(client, { actor: actors.otherClerk, query: { table: 'procedures', format: 'csv', xa: THANH_VINH }, now: NOW }))).toBe('NOT_FOUND')
    expect(await refusal(exportDashboardTable(client, { actor: actors.citizen, query: { table: 'procedures', format: 'csv', xa: THANH_VINH }, now: NOW }))).toBe('FORBIDDEN')
    expect(await refusal(exportDashboardTable(client, { actor: actors.officer, query: { table: 'procedures', format: 'csv', xa: '99999' }, now: NOW }))).toBe('NOT_FOUND')
  })
})

describe('the dossiers behind a number', () => {
  it('lists exactly the dossiers the figure counts, in CSV and XLSX', async () => {
    const period = period90()
    const commune = await getCommuneDashboard(client, { actor: actors.officer, communeCode: THANH_VINH, period, sort: parseDashboardSort({}), now: NOW })
    expect(commune.figures.received).toBeGreaterThan(0)
    const query = { table: 'dossiers', xa: THANH_VINH, 'chi-so': 'received', ky: '90' }
    const { header, rows, fileName } = await csvExport(actors.officer, query)
    expect(fileName).toBe('Hồ sơ Tiếp nhận - Phường Thành Vinh - 27-08-2026 đến 24-11-2026')
    expect(header).toEqual(['Mã hồ sơ', 'Người nộp', 'Mã thủ tục', 'Thủ tục', 'Kênh nộp', 'Trạng thái', 'Thời điểm nộp', 'Hẹn trả kết quả', 'Thời điểm kết thúc', 'Kết quả so với hạn'])
    expect(rows).toHaveLength(commune.figures.received)
    // The same dossiers as the database says were submitted in the commune during the period.
    const expected = await client.dossier.findMany({
      where: { commune: { code: THANH_VINH }, submittedAt: { gte: period.startsAt, lt: period.endsBefore } },
      select: { code: true },
    })
    expect(rows.map((row) => row[0]).sort()).toEqual(expected.map((dossier) => dossier.code).sort())
    expect(new Set(rows.map((row) => row[5]))).not.toContain('')

    const xlsx = await xlsxExport(actors.clerk, query)
    expect(xlsx.rows).toHaveLength(commune.figures.received)
    expect(xlsx.title).toContain('Hồ sơ “Tiếp nhận” – Phường Thành Vinh – kỳ 27/08/2026 – 24/11/2026')
    expect(xlsx.rows[0]![6]).toBeInstanceOf(Date)
  })

  it('lists a snapshot measure and a procedure within the commune, with rating columns for ratings', async () => {
    const period = period90()
    const commune = await getCommuneDashboard(client, { actor: actors.officer, communeCode: THANH_VINH, period, sort: parseDashboardSort({}), now: NOW })
    const { rows: open, fileName } = await csvExport(actors.clerk, { table: 'dossiers', xa: THANH_VINH, 'chi-so': 'inProgress' })
    expect(open).toHaveLength(commune.figures.inProgress)
    expect(fileName).toBe('Hồ sơ Đang giải quyết - Phường Thành Vinh - ngày 24-11-2026')

    const procedure = commune.rows.find((row) => row.ratingsCount > 0) ?? commune.rows[0]!
    const ratings = await csvExport(actors.officer, { table: 'dossiers', xa: THANH_VINH, 'thu-tuc': procedure.procedureCode, 'chi-so': 'ratings', ky: '90' })
    expect(ratings.header.slice(-2)).toEqual(['Số sao đánh giá', 'Thời điểm đánh giá'])
    expect(ratings.rows).toHaveLength(procedure.ratingsCount)
    expect(ratings.rows.every((row) => row[2] === procedure.procedureCode)).toBe(true)
    const page = await listDashboardDossiers(client, { actor: actors.officer, communeCode: THANH_VINH, procedureCode: procedure.procedureCode, measure: 'ratings', period, now: NOW })
    expect(page.total).toBe(ratings.rows.length)
  })

  it("refuses another commune's dossiers to commune staff", async () => {
    const query = { table: 'dossiers', format: 'csv', xa: THANH_VINH, 'chi-so': 'received' }
    expect(await refusal(exportDashboardTable(client, { actor: actors.otherClerk, query, now: NOW }))).toBe('NOT_FOUND')
    expect(await refusal(exportDashboardTable(client, { actor: actors.citizen, query, now: NOW }))).toBe('FORBIDDEN')
    expect(await refusal(exportDashboardTable(client, { actor: actors.clerk, query: { ...query, xa: TRUONG_VINH }, now: NOW }))).toBe('NOT_FOUND')
    expect(await refusal(exportDashboardTable(client, { actor: actors.officer, query: { ...query, 'thu-tuc': '9.999999' }, now: NOW }))).toBe('NOT_FOUND')
  })
})

describe('bad parameters', () => {
  const cases: [Query, Record<string, string[]>][] = [
    [{}, { table: ['REQUIRED'], format: ['REQUIRED'] }],
    [{ table: 'communes', format: 'pdf' }, { table: ['NOT_AN_OPTION'], format: ['NOT_AN_OPTION'] }],
    [{ table: 'procedures', format: 'csv' }, { xa: ['REQUIRED'] }],
    [{ table: 'dossiers', format: 'csv', xa: '16681' }, { 'chi-so': ['REQUIRED'] }],
    [{ table: 'dossiers', format: 'csv', xa: '1668', 'chi-so': 'everything' }, { xa: ['INVALID_CODE'], 'chi-so': ['NOT_AN_OPTION'] }],
    [{ table: 'ranking', format: 'csv', tu: '2026-11-01' }, { den: ['REQUIRED'] }],
    [{ table: 'ranking', format: 'csv', tu: '2026-11-20', den: '2026-11-01' }, { den: ['END_BEFORE_START'] }],
    [{ table: 'ranking', format: 'csv', tu: '31/02/2026', den: '2026-11-20' }, { tu: ['INVALID_DATE'] }],
    [{ table: 'ranking', format: 'csv', ky: '45', xep: 'DROP TABLE', chieu: 'up' }, { ky: ['INVALID_PRESET'], xep: ['INVALID_SORT_KEY'], chieu: ['INVALID_DIRECTION'] }],
  ]
  it.each(cases)('refuses %j with every problem named', async (query, fieldErrors) => {
    const error = await exportDashboardTable(client, { actor: actors.officer, query, now: NOW }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('INVALID_INPUT')
    expect((error as AppError).fieldErrors).toEqual(fieldErrors)
  })

  it('explains the refusal in words', () => {
    const error = new AppError('INVALID_INPUT', 'x', { den: ['END_BEFORE_START'], format: ['NOT_AN_OPTION'] })
    expect(describeExportInputError(error)).toBe(
      'Không xuất được dữ liệu: tham số không hợp lệ (den: ngày kết thúc trước ngày bắt đầu; format: không phải một giá trị được chấp nhận).',
    )
    expect(describeExportInputError(error, 'en')).toBe('The export cannot be made: invalid parameters (den: the end is before the start; format: not an accepted value).')
  })
})

describe('the ranking report (PDF)', () => {
  async function pagesOf(bytes: Uint8Array): Promise<string[]> {
    const pdf = await getDocumentProxy(new Uint8Array(bytes))
    const { text } = await extractText(pdf, { mergePages: false })
    return text.map((page) => page.replace(/[ \t]+/g, ' '))
  }

  it('prints the title, province, period, time, totals and every commune, over numbered pages with the header repeated', async () => {
    const sort = parseDashboardSort({ xep: 'overdueNow', chieu: 'desc' })
    const dashboard = await getProvinceDashboard(client, { actor: actors.officer, period: period90(), sort, now: NOW })
    const { fileName, bytes } = await renderDashboardRankingReport(client, { actor: actors.officer, query: { ky: '90', xep: 'overdueNow', chieu: 'desc' }, now: NOW })
    expect(fileName).toBe('Báo cáo xếp hạng xã, phường - Tỉnh Nghệ An - 27-08-2026 đến 24-11-2026')
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const pages = await pagesOf(bytes)
    expect(pages.length).toBeGreaterThan(2)
    const all = pages.join('\n')
    for (const expected of [
      'Báo cáo xếp hạng xã, phường',
      'Phạm vi: Tỉnh Nghệ An',
      'Kỳ báo cáo: từ 27/08/2026 đến 24/11/2026 (90 ngày)',
      'Lập lúc 24/11/2026 10:00',
      'Sắp xếp theo “Quá hạn (hiện tại)”, giảm dần',
      'Tổng hợp Tỉnh Nghệ An',
      'Số xã, phường',
      new Intl.NumberFormat('vi-VN').format(dashboard.totals.received),
      'Tổng cộng',
    ]) {
      expect(all).toContain(expected)
    }
    // Every commune, in order (names are unique in the province).
    const positions = dashboard.rows.map((row) => all.indexOf(row.communeName))
    expect(positions.every((position) => position >= 0)).toBe(true)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    pages.forEach((page, index) => {
      expect(page).toContain(`Trang ${index + 1}/${pages.length}`)
      expect(page).toContain('Hạng')
      expect(page).toContain('Xã, phường')
      expect(page).toContain('Tiếp nhận')
    })
  })

  it('prints every Vietnamese letter, in each style, as written', async () => {
    const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']
    const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323']
    const lower = [...vowels.flatMap((vowel) => tones.map((tone) => (vowel + tone).normalize('NFC'))), ...'bcdđghklmnpqrstvx'].join('')
    const alphabet = [lower, lower.toLocaleUpperCase('vi'), '0123456789 .,;:/()-–—·%“”']
    const bytes = await renderTableReportPdf({
      title: alphabet[1]!,
      subtitle: [alphabet[0]!],
      summary: { title: alphabet[2]!, items: [] },
      columns: [{ header: 'Chữ', width: 1, align: 'left' }],
      rows: alphabet.map((text) => [text]),
      totalRow: [alphabet[0]!],
      notes: [alphabet[1]!, alphabet[2]!],
      footer: 'Chân trang',
      pageLabel: (page, pages) => `Trang ${page}/${pages}`,
      language: 'vi-VN',
    })
    const [page] = await pagesOf(bytes)
    const lines = page!.split('\n').map((line) => line.trim())
    // Bold (title, total row), regular (subtitle, rows), oblique (notes).
    for (const text of alphabet) expect(lines.filter((line) => line === text.replace(/[ \t]+/g, ' ')).length, text).toBeGreaterThanOrEqual(2)
  })

  it('embeds DejaVu Sans Condensed subsets, which @pdf-lib/fontkit subsets correctly', async () => {
    const bytes = await loadReportFontBytes()
    for (const style of ['regular', 'bold', 'italic'] as const) {
      const font = fontkit.create(bytes[style]) as unknown as { loca: { offsets: number[] } }
      const { offsets } = font.loca
      expect(offsets.slice(1).filter((offset, index) => (offset - offsets[index]!) % 2 !== 0), style).toEqual([])
    }
  })
})

describe('the route handlers', () => {
  async function get(path: string, actor: Actor | null) {
    session.actor = actor
    const url = `http://localhost${path}`
    if (path.startsWith('/api/dashboard/report')) return (await import('@/app/api/dashboard/report/route')).GET(new Request(url))
    return (await import('@/app/api/dashboard/export/route')).GET(new Request(url))
  }

  it('streams a CSV download with a safe file name', async () => {
    // The route's clock is the real one.
    const { from, to } = parseDashboardPeriod({ ky: '90' }, new Date())
    const [fromText, toText] = [from, to].map((day) => day.split('-').reverse().join('-'))
    const response = await get('/api/dashboard/export?table=procedures&format=csv&xa=16681&ky=90', actors.clerk)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Theo thu tuc - Phuong Thanh Vinh - ${fromText} den ${toText}.csv"; filename*=UTF-8''${encodeURIComponent(`Theo thủ tục - Phường Thành Vinh - ${fromText} đến ${toText}.csv`)}`,
    )
    expect((await response.text()).split('\r\n')[0]).toMatch(/^\uFEFF?Hạng,Mã thủ tục,Thủ tục,/)
  })

  it('answers a PDF for the report', async () => {
    const response = await get('/api/dashboard/report?ky=30', actors.officer)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="Bao cao xep hang xa, phuong - Tinh Nghe An - .*\.pdf"; filename\*=UTF-8''/)
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it('answers 400 with a clear JSON error for bad parameters, 401 signed out, 403 without the dashboard', async () => {
    const bad = await get('/api/dashboard/export?table=ranking&format=pdf&tu=2026-11-01', actors.officer)
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({
      error: 'INVALID_INPUT',
      message: 'Không xuất được dữ liệu: tham số không hợp lệ (format: không phải một giá trị được chấp nhận; den: bắt buộc).',
      fieldErrors: { format: ['NOT_AN_OPTION'], den: ['REQUIRED'] },
    })
    expect((await get('/api/dashboard/report?chieu=sideways', actors.officer)).status).toBe(400)
    expect((await get('/api/dashboard/export?table=ranking&format=csv', null)).status).toBe(401)
    expect((await get('/api/dashboard/export?table=ranking&format=csv', actors.clerk)).status).toBe(403)
    expect((await get('/api/dashboard/report', actors.citizen)).status).toBe(403)
  })
})
