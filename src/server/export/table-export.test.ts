import { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { exportResponse, exportTable, pendingSheetXml, sanitizeSheetName, type ExportColumn } from './table-export'

type Payment = { code: string; payer: string | null; amount: number; receivedAt: Date; paidAt: Date | null; onTimeRate: number | null; note: string }

// 23/11/2026 17:30 UTC is already 24/11/2026 00:30 in Vietnam: a machine-zone (TZ=UTC here) formatter would
// print the 23rd.
const LATE_EVENING_UTC = new Date('2026-11-23T17:30:00Z')

const columns: ExportColumn<Payment>[] = [
  { header: 'Mã hồ sơ', value: (row) => row.code },
  { header: 'Người nộp', value: (row) => row.payer, width: 28 },
  { header: 'Số tiền (đồng)', value: (row) => row.amount, kind: 'vnd' },
  { header: 'Ngày tiếp nhận', value: (row) => row.receivedAt, kind: 'date' },
  { header: 'Thời điểm thanh toán', value: (row) => row.paidAt, kind: 'datetime' },
  { header: 'Tỷ lệ đúng hạn', value: (row) => row.onTimeRate, kind: 'percent' },
  { header: 'Ghi chú', value: (row) => row.note },
]

const payments: Payment[] = [
  { code: '16681-261124-0007', payer: 'Nguyễn Văn An', amount: 1_250_000, receivedAt: LATE_EVENING_UTC, paidAt: LATE_EVENING_UTC, onTimeRate: 0.953, note: 'Đã nộp, "đủ" hồ sơ' },
  { code: '16681-261124-0008', payer: null, amount: -50_000, receivedAt: new Date('2026-01-02T03:04:00Z'), paidAt: null, onTimeRate: null, note: '=HYPERLINK("http://x","bấm")' },
  { code: '+84912345678', payer: '@Trần Thị Bình', amount: 0, receivedAt: new Date('2026-12-31T16:59:00Z'), paidAt: new Date('2026-12-31T17:00:00Z'), onTimeRate: 1, note: '-1+1' },
  { code: '\tTab', payer: '\rCR', amount: 8_000, receivedAt: new Date('2026-06-15T00:00:00Z'), paidAt: new Date('2026-06-15T00:00:00Z'), onTimeRate: 0, note: 'dòng 1\r\ndòng 2' },
]

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = []
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return Buffer.concat(chunks)
    chunks.push(value)
  }
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let i = 0
  while (i < text.length) {
    const char = text[i]!
    if (char === '"' && field === '') {
      let end = i + 1
      for (;;) {
        const quote = text.indexOf('"', end)
        if (quote < 0) throw new Error('Unclosed quote')
        if (text[quote + 1] === '"') {
          field += text.slice(end, quote + 1)
          end = quote + 2
        } else {
          field += text.slice(end, quote)
          i = quote + 1
          break
        }
      }
      if (i < text.length && text[i] !== ',' && text.slice(i, i + 2) !== '\r\n') throw new Error(`Text after a closing quote at ${i}`)
      continue
    }
    if (char === ',') {
      record.push(field)
      field = ''
      i++
    } else if (text.slice(i, i + 2) === '\r\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i += 2
    } else {
      if (char === '\n' || char === '\r') throw new Error(`Bare line break at ${i}`)
      field += char
      i++
    }
  }
  if (field !== '' || record.length > 0) throw new Error('The last record has no CRLF')
  return records
}

async function* generate<T>(count: number, make: (index: number) => T, progress: { produced: number; finished: boolean }): AsyncGenerator<T> {
  try {
    for (let index = 0; index < count; index++) {
      progress.produced++
      yield make(index)
    }
  } finally {
    progress.finished = true
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('exportTable as CSV', () => {
  it('writes UTF-8 with a BOM, Vietnamese headers, CRLF, RFC 4180 quoting and Vietnam-time dates', async () => {
    const bytes = await readAll(exportTable({ format: 'csv', sheetName: 'Thanh toán', title: 'Không có trong CSV', columns, rows: payments }))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    expect(text.startsWith('Mã hồ sơ,Người nộp,Số tiền (đồng),Ngày tiếp nhận,Thời điểm thanh toán,Tỷ lệ đúng hạn,Ghi chú\r\n')).toBe(true)
    expect(text).not.toContain('Không có trong CSV')
    expect(parseCsv(text)).toEqual([
      ['Mã hồ sơ', 'Người nộp', 'Số tiền (đồng)', 'Ngày tiếp nhận', 'Thời điểm thanh toán', 'Tỷ lệ đúng hạn', 'Ghi chú'],
      ['16681-261124-0007', 'Nguyễn Văn An', '1250000', '24/11/2026', '24/11/2026 00:30', '95.3%', 'Đã nộp, "đủ" hồ sơ'],
      ['16681-261124-0008', '', '-50000', '02/01/2026', '', '', `'=HYPERLINK("http://x","bấm")`],
      [`'+84912345678`, `'@Trần Thị Bình`, '0', '31/12/2026', '01/01/2027 00:00', '100%', `'-1+1`],
      [`'\tTab`, `'\rCR`, '8000', '15/06/2026', '15/06/2026 07:00', '0%', 'dòng 1\r\ndòng 2'],
    ])
    // Quoting exactly where RFC 4180 needs it, and numbers without separators.
    expect(text).toContain(`\r\n16681-261124-0007,Nguyễn Văn An,1250000,24/11/2026,24/11/2026 00:30,95.3%,"Đã nộp, ""đủ"" hồ sơ"\r\n`)
    expect(text).toContain(`,"'\rCR",`)
  })

  it('reads a synchronous iterable as well as an async one, and writes a header-only file for no rows', async () => {
    const fromArray = await readAll(exportTable({ format: 'csv', sheetName: 'x', columns, rows: payments }))
    const fromGenerator = await readAll(
      exportTable({
        format: 'csv',
        sheetName: 'x',
        columns,
        rows: (async function* () {
          yield* payments
        })(),
      }),
    )
    expect(fromGenerator.equals(fromArray)).toBe(true)
    const empty = await readAll(exportTable({ format: 'csv', sheetName: 'x', columns: columns.slice(0, 2), rows: [] }))
    expect(empty.toString('utf8')).toBe('\uFEFFMã hồ sơ,Người nộp\r\n')
  })

  it('aborts the stream when the rows fail midway, and when a value breaks its column kind', async () => {
    const failing = async function* () {
      yield payments[0]!
      throw new Error('Mất kết nối cơ sở dữ liệu')
    }
    await expect(readAll(exportTable({ format: 'csv', sheetName: 'x', columns, rows: failing() }))).rejects.toThrow('Mất kết nối cơ sở dữ liệu')

    const progress = { produced: 0, finished: false }
    const rows = generate(10, (index) => ({ ...payments[0]!, amount: index === 5 ? 10.5 : 1000 }), progress)
    await expect(readAll(exportTable({ format: 'csv', sheetName: 'x', columns, rows }))).rejects.toThrow(/integers, got 10.5/)
    // The source was told to stop (a database cursor would be released).
    expect(progress.finished).toBe(true)
    expect(progress.produced).toBe(6)
  })
})

describe('exportTable as XLSX', () => {
  it('writes a workbook exceljs reads back: title, bold frozen header, number formats, Vietnam-time dates', async () => {
    const bytes = await readAll(exportTable({ format: 'xlsx', sheetName: 'Thanh toán [11/2026]', title: 'Danh sách thanh toán lệ phí tháng 11/2026', columns, rows: payments }))
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    expect(workbook.worksheets).toHaveLength(1)
    const sheet = workbook.worksheets[0]!
    expect(sheet.name).toBe('Thanh toán 11-2026')

    expect(sheet.getCell('A1').value).toBe('Danh sách thanh toán lệ phí tháng 11/2026')
    expect(sheet.getCell('A1').font?.bold).toBe(true)
    const header = sheet.getRow(2)
    expect((header.values as unknown[]).slice(1)).toEqual(columns.map((column) => column.header))
    header.eachCell((cell) => expect(cell.font?.bold).toBe(true))
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(sheet.rowCount).toBe(2 + payments.length)

    const first = sheet.getRow(3)
    expect(first.getCell(1).value).toBe('16681-261124-0007')
    expect(first.getCell(2).value).toBe('Nguyễn Văn An')
    expect(first.getCell(3).value).toBe(1_250_000)
    expect(first.getCell(3).numFmt).toBe('#,##0')
    // Excel dates carry Vietnam's wall clock: 24/11/2026 (midnight) and 24/11/2026 00:30.
    expect(first.getCell(4).value).toEqual(new Date(Date.UTC(2026, 10, 24)))
    expect(first.getCell(4).numFmt).toBe('dd/mm/yyyy')
    expect(first.getCell(5).value).toEqual(new Date(Date.UTC(2026, 10, 24, 0, 30)))
    expect(first.getCell(5).numFmt).toBe('dd/mm/yyyy hh:mm')
    expect(first.getCell(6).value).toBe(0.953)
    expect(first.getCell(6).numFmt).toBe('0.0%')
    expect(first.getCell(7).value).toBe('Đã nộp, "đủ" hồ sơ')

    const second = sheet.getRow(4)
    expect(second.getCell(2).value).toBeNull()
    expect(second.getCell(3).value).toBe(-50_000)
    expect(second.getCell(5).value).toBeNull()
    // A string that looks like a formula stays a string: XLSX keeps formulas apart from text.
    expect(second.getCell(7).value).toBe('=HYPERLINK("http://x","bấm")')
    expect(second.getCell(7).type).toBe(ExcelJS.ValueType.String)
    expect(sheet.getRow(5).getCell(5).value).toEqual(new Date(Date.UTC(2027, 0, 1, 0, 0)))
    // Excel breaks lines in a cell with LF.
    expect(sheet.getRow(6).getCell(7).value).toBe('dòng 1\ndòng 2')

    expect(sheet.getColumn(2).width).toBe(28)
    expect(sheet.getColumn(5).width).toBeGreaterThanOrEqual(17)
  })

  it('starts with the header when there is no title, and writes dates of an untyped column as date-times', async () => {
    const bytes = await readAll(
      exportTable({
        format: 'xlsx',
        sheetName: 'Hồ sơ',
        columns: [
          { header: 'Số', value: (row: { n: number; at: Date }) => row.n },
          { header: 'Lúc', value: (row) => row.at },
        ],
        rows: [{ n: 1.5, at: LATE_EVENING_UTC }],
      }),
    )
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Số', 'Lúc'])
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.getCell('A2').value).toBe(1.5)
    expect(sheet.getCell('B2').value).toEqual(new Date(Date.UTC(2026, 10, 24, 0, 30)))
    expect(sheet.getCell('B2').numFmt).toBe('dd/mm/yyyy hh:mm')
  })

  it('keeps every row of a mid-sized export, in order', async () => {
    const progress = { produced: 0, finished: false }
    const rows = generate(5_000, (index) => ({ ...payments[0]!, code: `HS-${index}`, amount: index * 1000 }), progress)
    const bytes = await readAll(exportTable({ format: 'xlsx', sheetName: 'Hồ sơ', columns, rows }))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.rowCount).toBe(5_001)
    expect(sheet.getCell('A2').value).toBe('HS-0')
    expect(sheet.getCell('A5001').value).toBe('HS-4999')
    expect(sheet.getCell('C5001').value).toBe(4_999_000)
  })

  it('aborts the stream when the rows fail midway', async () => {
    const failing = async function* () {
      for (let index = 0; index < 1000; index++) yield payments[0]!
      throw new Error('Mất kết nối cơ sở dữ liệu')
    }
    await expect(readAll(exportTable({ format: 'xlsx', sheetName: 'x', columns, rows: failing() }))).rejects.toThrow('Mất kết nối cơ sở dữ liệu')
  })
})

describe('streaming large exports', { timeout: 120_000 }, () => {
  const ROWS = 200_000
  const makeRow = (index: number): Payment => ({
    code: `16681-261124-${String(index).padStart(6, '0')}`,
    payer: `Nguyễn Văn An ${index}`,
    amount: index * 1000,
    receivedAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000),
    paidAt: new Date(Date.UTC(2026, 0, 1) + index * 61_000),
    onTimeRate: (index % 100) / 100,
    note: index % 7 === 0 ? '=1+1' : 'Bình thường',
  })

  for (const format of ['csv', 'xlsx'] as const) {
    it(`pulls ${ROWS.toLocaleString('en')} rows only as fast as the ${format.toUpperCase()} download is read`, async () => {
      const progress = { produced: 0, finished: false }
      // CSV: how many rows the source has handed out beyond those the reader has received (lines).
      let linesRead = 0
      let maxLead = 0
      const rows = generate(
        ROWS,
        (index) => {
          maxLead = Math.max(maxLead, index + 1 - Math.max(0, linesRead - 1))
          return makeRow(index)
        },
        progress,
      )
      const reader = exportTable({ format, sheetName: 'Thanh toán', columns, rows }).getReader()

      // Before anything is read the stream prepares one chunk, not more.
      await sleep(100)
      expect(progress.produced).toBeLessThan(5_000)

      // A reader that stops (once rows flow; a workbook's first chunks come before any row): the source stops
      // a little ahead of it and stays there.
      let bytes = 0
      while (progress.produced === 0 || bytes === 0) {
        const { done, value } = await reader.read()
        expect(done).toBe(false)
        bytes += value!.byteLength
        for (const byte of value!) if (byte === 0x0a) linesRead++
      }
      await sleep(200)
      const ahead = progress.produced
      await sleep(200)
      expect(progress.produced).toBe(ahead)
      expect(ahead).toBeLessThan(10_000)

      // Then the rest, measuring how far ahead of the reader the source runs and the heap it takes.
      global.gc?.()
      const heapBefore = process.memoryUsage().heapUsed
      let heapPeak = heapBefore
      // XLSX: rows taken from the source against compressed bytes handed out, at each read.
      const samples: [produced: number, bytes: number][] = []
      const started = performance.now()
      for (let chunks = 1; ; chunks++) {
        const { done, value } = await reader.read()
        if (done) break
        bytes += value.byteLength
        if (format === 'csv') {
          for (const byte of value) if (byte === 0x0a) linesRead++
        } else {
          samples.push([progress.produced, bytes])
        }
        if (chunks % 50 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)
      }
      const seconds = (performance.now() - started) / 1000
      expect(progress.produced).toBe(ROWS)
      expect(progress.finished).toBe(true)
      if (format === 'csv') {
        // Every row and the header arrived; the source was never more than a few chunks ahead.
        expect(linesRead).toBe(ROWS + 1)
        expect(maxLead).toBeLessThan(5_000)
      } else {
        // The rows are alike, so the bytes handed out tell how many rows the reader has (the zip's last
        // files aside). Deflate lags behind row generation; without the limit on XML waiting for it, the
        // source ran more than 100 000 rows ahead here.
        const rowsPerByte = ROWS / bytes
        maxLead = Math.max(...samples.map(([produced, bytesRead]) => produced - Math.floor(bytesRead * rowsPerByte)))
        expect(maxLead).toBeLessThan(20_000)
      }
      // The 200 000 row objects alone take about 86 MiB of heap when held together (their CSV text or sheet XML
      // as much again); streamed, the heap grows by a few MiB (loose bound: the garbage collector decides).
      const heapGrowth = (heapPeak - heapBefore) / 2 ** 20
      expect(heapGrowth).toBeLessThan(64)
      console.info(
        `${format}: ${ROWS} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB in ${seconds.toFixed(1)} s; source stopped ${ahead} rows ahead of a stalled reader` +
          `, at most ${maxLead} rows ahead of the reader${format === 'xlsx' ? ' (estimated)' : ''}; heap growth at most ${heapGrowth.toFixed(1)} MiB`,
      )
    })
  }

  it('stops the source when the download is cancelled', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const progress = { produced: 0, finished: false }
      const reader = exportTable({ format, sheetName: 'x', columns, rows: generate(ROWS, makeRow, progress) }).getReader()
      // The workbook's first chunks come before any row: read until the source has started.
      while (progress.produced === 0) await reader.read()
      await reader.cancel()
      expect(progress.finished).toBe(true)
      expect(progress.produced).toBeLessThan(10_000)
    }
  })
})

describe('pendingSheetXml', () => {
  it("sees the sheet XML waiting in exceljs's writer, which the XLSX back-pressure relies on", async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new Writable({ write: (_chunk, _encoding, callback) => callback() }) })
    const sheet = workbook.addWorksheet('x')
    sheet.addRow(['a']).commit()
    // The zip takes up the sheet's entry once the files before it are written.
    await sleep(50)
    expect(pendingSheetXml(sheet)).toBeLessThan(64 * 1024)
    // Rows added without a pause wait for deflate.
    for (let index = 0; index < 20_000; index++) sheet.addRow([`Hồ sơ ${index}`, index]).commit()
    expect(pendingSheetXml(sheet)).toBeGreaterThan(512 * 1024)
    sheet.commit()
    await workbook.commit()
  })
})

describe('exportResponse', () => {
  it('serves an attachment with the Vietnamese file name in filename*, never cached', async () => {
    const response = exportResponse(exportTable({ format: 'csv', sheetName: 'x', columns, rows: payments }), { fileName: 'Thanh toán lệ phí 11-2026', format: 'csv' })
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="Thanh toan le phi 11-2026.csv"; filename*=UTF-8''Thanh%20to%C3%A1n%20l%E1%BB%87%20ph%C3%AD%2011-2026.csv`,
    )
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    const body = Buffer.from(await response.arrayBuffer())
    expect(body.subarray(3).toString('utf8')).toMatch(/^Mã hồ sơ,/)

    const xlsx = exportResponse(exportTable({ format: 'xlsx', sheetName: 'x', columns, rows: [] }), { fileName: 'Báo cáo: "quý" 4/2026', format: 'xlsx' })
    expect(xlsx.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(xlsx.headers.get('Content-Disposition')).toBe(`attachment; filename="Bao cao quy 42026.xlsx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%2042026.xlsx`)
    await xlsx.body?.cancel()
  })
})

describe('sanitizeSheetName', () => {
  it('makes any name one Excel accepts', () => {
    expect(sanitizeSheetName('Thanh toán [11/2026]')).toBe('Thanh toán 11-2026')
    expect(sanitizeSheetName('a:b*c?d\\e')).toBe('a-bcd-e')
    expect(sanitizeSheetName("'Hồ sơ'")).toBe('Hồ sơ')
    expect(sanitizeSheetName('   ')).toBe('Dữ liệu')
    expect(sanitizeSheetName('history')).toBe('History 1')
    const long = sanitizeSheetName('Danh sách hồ sơ quá hạn của phường Thành Vinh')
    expect(long).toBe('Danh sách hồ sơ quá hạn của phư')
    expect(long.length).toBeLessThanOrEqual(31)
    // Decomposed input is composed first, so accents do not eat the length.
    expect(sanitizeSheetName('Lệ phí'.normalize('NFD'))).toBe('Lệ phí')
  })
})
