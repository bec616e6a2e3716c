import 'server-only'
import { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { contentDisposition } from '@/domain/attachments/download-name'
import { formatDate, formatDateTime, VIETNAM_TIME_ZONE } from '@/lib/format/date'

/**
 * Any table to CSV or XLSX, with Vietnamese headers, streamed: rows are pulled from the (async) iterable only
 * as fast as the client reads the download (a pull-based ReadableStream), so an export of 500 000 rows holds
 * one chunk of CSV (≈ 64 K characters) or about a megabyte of sheet XML at a time, never the whole table.
 *
 * CSV (for other programs as much as for people): UTF-8 with a byte-order mark, so Excel on Windows reads
 * Vietnamese correctly; CRLF line ends and RFC 4180 quoting; the header is always the first line (a `title`
 * is not written, it would break that); text that a spreadsheet would run as a formula — a cell beginning
 * with = + - @ tab or CR — gets a leading apostrophe (OWASP "CSV injection"); dates dd/MM/yyyy and date-times
 * dd/MM/yyyy HH:mm in Vietnam's time zone, whatever the server's; integers and VND without thousand
 * separators so spreadsheets read them as numbers; percentages as "95.3%".
 *
 * XLSX (for people): bold header row, frozen and filterable, under an optional title row; VND as numbers
 * formatted `#,##0`; dates and date-times as real Excel dates (Excel dates have no time zone: they carry
 * Vietnam's wall-clock time) formatted dd/mm/yyyy (hh:mm); strings are never formulas in XLSX.
 *
 * Why exceljs (4.4.0, pinned): it is the one widely used library (≈18 M downloads a month) with a streaming
 * writer, `stream.xlsx.WorkbookWriter`, which writes each committed row into the zip as it comes (inline
 * strings, no shared-strings table held until the end) and supports styles, number formats, frozen panes and
 * auto-filters; it ships its own types, is pure JavaScript, runs on Node 20 and bundles as is in Next.js'
 * server build. Checked and not taken: SheetJS `xlsx` (the npm package is stuck at 0.18.5 with published
 * advisories, newer builds are not on npm, and it builds the whole workbook in memory); `write-excel-file`
 * and `excel4node` (whole workbook in memory); `xlsx-write-stream` (streams, but with a fixed style sheet: no
 * bold header, no `#,##0` or dd/mm/yyyy formats); `@cj-tech-master/excelts` (streams too, but ≈19 k
 * downloads a month against ≈18 M). exceljs has had no release since 4.4.0; it is stable and the streaming
 * writer is the part of it most used.
 *
 * One flaw of its writer is handled here: it ignores back-pressure between its own stages (row XML → deflate
 * → zip), and deflate falls behind row generation, so rows are added in small batches, only while the
 * download wants more and while little XML waits for deflate (pendingSheetXml).
 */

export type ExportValue = string | number | Date | null

export type ExportColumn<Row> = {
  /** Vietnamese header text. */
  header: string
  value: (row: Row) => ExportValue
  /**
   * How the value is written. Without a kind: numbers as numbers, dates as date-times, the rest as text.
   * 'integer' and 'vnd' need safe integers; 'percent' a ratio (0.953 → 95.3%); 'date' and 'datetime' a Date
   * (another value in such a column is written as text).
   */
  kind?: 'text' | 'integer' | 'vnd' | 'date' | 'datetime' | 'percent'
  /** XLSX column width in characters; by default from the header and the kind. */
  width?: number
}

export type ExportFormat = 'csv' | 'xlsx'

export type ExportTableInput<Row> = {
  format: ExportFormat
  /** XLSX sheet name; cleaned to what Excel accepts (≤ 31 characters, none of [ ] : * ? / \). */
  sheetName: string
  /** XLSX only: a bold line above the header. */
  title?: string
  columns: ExportColumn<Row>[]
  rows: AsyncIterable<Row> | Iterable<Row>
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

export function exportTable<Row>(input: ExportTableInput<Row>): ReadableStream<Uint8Array> {
  if (input.columns.length === 0) throw new Error('An export needs at least one column')
  return input.format === 'csv' ? csvStream(input.columns, input.rows) : xlsxStream(input)
}

/** The download: attachment named `fileName.csv|xlsx` (Vietnamese kept through RFC 5987 `filename*`), never cached. */
export function exportResponse(stream: ReadableStream<Uint8Array>, { fileName, format }: { fileName: string; format: ExportFormat }): Response {
  // Leave room for the extension within the download-name length limit.
  const base = Array.from(fileName.normalize('NFC')).slice(0, 150).join('')
  return new Response(stream, {
    headers: {
      'Content-Type': EXPORT_CONTENT_TYPES[format],
      'Content-Disposition': contentDisposition('attachment', `${base}.${format}`, 'application/octet-stream'),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

// ---------------------------------------------------------------------------------------------------------
// Rows

type RowIterator<Row> = {
  next(): IteratorResult<Row> | Promise<IteratorResult<Row>>
  return?(): unknown
}

function iterate<Row>(rows: AsyncIterable<Row> | Iterable<Row>): RowIterator<Row> {
  return Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]()
}

/** Lets the source release what it holds (a database cursor) when the export stops early. */
async function closeQuietly(iterator: RowIterator<unknown> | undefined): Promise<void> {
  try {
    await iterator?.return?.()
  } catch {
    // The export already failed or was cancelled; the first reason is the one reported.
  }
}

function requireInteger(value: number, header: string): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Column "${header}" holds integers, got ${value}`)
  return value
}

// ---------------------------------------------------------------------------------------------------------
// CSV

/** Characters of CSV text gathered before a chunk is handed on (≈ 64–192 KB of UTF-8). */
const CSV_CHUNK_CHARS = 64 * 1024
const BOM = '\uFEFF'
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** A text cell, guarded against formula injection and quoted per RFC 4180 when needed. */
export function csvText(text: string): string {
  const guarded = FORMULA_START.test(text) ? `'${text}` : text
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}

function csvPercent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`
}

function csvCell<Row>(column: ExportColumn<Row>, value: ExportValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return column.kind === 'date' ? formatDate(value) : formatDateTime(value)
  if (typeof value === 'number') {
    if (column.kind === 'integer' || column.kind === 'vnd') return String(requireInteger(value, column.header))
    if (!Number.isFinite(value)) return ''
    return column.kind === 'percent' ? csvPercent(value) : String(value)
  }
  return csvText(value)
}

function csvLine<Row>(columns: ExportColumn<Row>[], row: Row): string {
  let line = ''
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!
    if (i > 0) line += ','
    line += csvCell(column, column.value(row))
  }
  return `${line}\r\n`
}

function csvStream<Row>(columns: ExportColumn<Row>[], rows: AsyncIterable<Row> | Iterable<Row>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let iterator: RowIterator<Row> | undefined
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        let text = ''
        if (!iterator) {
          iterator = iterate(rows)
          text = BOM + columns.map((column) => csvText(column.header)).join(',') + '\r\n'
        }
        while (text.length < CSV_CHUNK_CHARS) {
          const next = await iterator.next()
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text))
            controller.close()
            return
          }
          text += csvLine(columns, next.value)
        }
        controller.enqueue(encoder.encode(text))
      } catch (error) {
        await closeQuietly(iterator)
        controller.error(error)
      }
    },
    async cancel() {
      await closeQuietly(iterator)
    },
  })
}

// ---------------------------------------------------------------------------------------------------------
// XLSX

/** Rows added to the workbook per pull, before the event loop gets a turn (deflate runs meanwhile). */
const XLSX_BATCH_ROWS = 200
/** Sheet XML allowed to wait for deflate before more rows are added. */
const XLSX_MAX_PENDING_XML = 1024 * 1024
/** Excel refuses longer cell text. */
const XLSX_MAX_TEXT = 32_767
const NUMBER_FORMATS = {
  integer: '0',
  vnd: '#,##0',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  percent: '0.0%',
} as const

/** The workbook's default font (Calibri has Vietnamese glyphs), named in full so bold text keeps it. */
const FONT = { name: 'Calibri', family: 2, size: 11 } as const

const DEFAULT_WIDTHS = { text: 16, integer: 12, vnd: 16, date: 12, datetime: 17, percent: 10 } as const

/** Excel's rules for sheet names: 1–31 characters, none of [ ] : * ? / \, no apostrophe at either end, not "History". */
export function sanitizeSheetName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[/\\:]/g, '-')
    .replace(/[[\]*?\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/gu, ' ')
  let result = ''
  for (const char of cleaned.replace(/^[\s']+/u, '')) {
    if (result.length + char.length > 31) break
    result += char
  }
  result = result.replace(/[\s']+$/u, '')
  if (!result) return 'Dữ liệu'
  return result.toLowerCase() === 'history' ? 'History 1' : result
}

const vietnamParts = new Intl.DateTimeFormat('en-US', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
})

/**
 * Excel dates have no zone: exceljs writes a Date's UTC fields. This Date's UTC fields are Vietnam's wall
 * clock at `date` (midnight of that day for a date column).
 */
export function vietnamWallClock(date: Date, withTime: boolean): Date {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date')
  const part = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
  for (const { type, value } of vietnamParts.formatToParts(date)) {
    if (type in part) part[type as keyof typeof part] = Number(value)
  }
  return withTime
    ? new Date(Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second))
    : new Date(Date.UTC(part.year, part.month - 1, part.day))
}

/** The cell value, and a number format when the column's own does not fit this value. */
function xlsxCell<Row>(column: ExportColumn<Row>, value: ExportValue): { value: string | number | Date | null; numFmt?: string } {
  if (value === null || value === undefined) return { value: null }
  if (value instanceof Date) {
    if (column.kind === 'date') return { value: vietnamWallClock(value, false) }
    if (column.kind === 'datetime') return { value: vietnamWallClock(value, true) }
    return { value: vietnamWallClock(value, true), numFmt: NUMBER_FORMATS.datetime }
  }
  if (typeof value === 'number') {
    if (column.kind === 'integer' || column.kind === 'vnd') return { value: requireInteger(value, column.header) }
    if (column.kind === 'text' || column.kind === 'date' || column.kind === 'datetime') return { value: String(value) }
    return { value: Number.isFinite(value) ? value : null }
  }
  // Excel breaks lines in a cell with LF (XML would turn a CR LF into LF anyway).
  const text = value.replace(/\r\n?/g, '\n')
  return { value: text.length > XLSX_MAX_TEXT ? text.slice(0, XLSX_MAX_TEXT) : text }
}

/**
 * Sheet XML written but not yet taken in by deflate, or null if it cannot be seen. exceljs writes each row's
 * XML into a buffer stream piped into the zip entry without heeding back-pressure, and deflate falls behind
 * row generation: measured here, 38 MB of XML were waiting after 300 000 rows, growing with the row count. The queue is only visible inside exceljs
 * 4.4.0's StreamBuf (`buffers`, `pipes`) and the readable-stream PassThrough archiver puts in front of the
 * entry (`_writableState.length`); exceljs is pinned exactly, a test checks that this still sees the queue,
 * and the 200 000-row test that the source stays near the reader, so an upgrade that moves these fails there
 * rather than silently.
 */
export function pendingSheetXml(sheet: ExcelJS.Worksheet): number | null {
  type Internals = { stream?: { buffers?: { length: number }[]; pipes?: { _writableState?: { length?: number } }[] } }
  const stream = (sheet as unknown as Internals).stream
  if (!Array.isArray(stream?.buffers) || !Array.isArray(stream.pipes)) return null
  const buffered = stream.buffers.reduce((sum, buffer) => sum + buffer.length, 0)
  if (stream.pipes.length === 0) return buffered
  const queued = stream.pipes[0]?._writableState?.length
  return typeof queued === 'number' ? buffered + queued : null
}

function columnWidth<Row>(column: ExportColumn<Row>): number {
  if (column.width !== undefined) return column.width
  return Math.min(60, Math.max(DEFAULT_WIDTHS[column.kind ?? 'text'], Array.from(column.header).length + 3))
}

function xlsxStream<Row>({ sheetName, title, columns, rows }: ExportTableInput<Row>): ReadableStream<Uint8Array> {
  let iterator: RowIterator<Row> | undefined
  let stream!: ReadableStreamDefaultController<Uint8Array>
  /** 'rows' while rows are added, 'finishing' while the zip is completed, 'ended' once closed, failed or cancelled. */
  let phase: 'rows' | 'finishing' | 'ended' = 'rows'
  let chunksOut = 0
  let wake: (() => void) | null = null
  const signal = () => {
    const resolve = wake
    wake = null
    resolve?.()
  }
  const fail = async (error: unknown) => {
    if (phase === 'ended') return
    phase = 'ended'
    signal()
    await closeQuietly(iterator)
    sink.destroy()
    stream.error(error)
  }

  // The zip comes out here, chunk by chunk, straight into the download's queue; rows are only added while
  // that queue wants more, which bounds what is in flight.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (phase !== 'ended') {
        stream.enqueue(new Uint8Array(chunk))
        chunksOut++
        signal()
      }
      callback()
    },
  })
  // Once the export has ended (failed or cancelled) the sink is destroyed to stop the zip; late writes into
  // it only report that, and nothing else can fail here.
  sink.on('error', () => {})
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false })
  workbook.creator = 'MotCua'
  const headerRow = title ? 2 : 1
  const sheet = workbook.addWorksheet(sanitizeSheetName(sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
  })
  sheet.columns = columns.map((column, index) => ({
    key: `c${index}`,
    width: columnWidth(column),
    ...(column.kind && column.kind !== 'text' ? { style: { numFmt: NUMBER_FORMATS[column.kind] } } : {}),
  }))
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length } }

  const addRow = (row: Row) => {
    const cells = columns.map((column) => xlsxCell(column, column.value(row)))
    const added = sheet.addRow(cells.map((cell) => cell.value))
    cells.forEach((cell, index) => {
      if (cell.numFmt) added.getCell(index + 1).numFmt = cell.numFmt
    })
    added.commit()
  }

  const finish = () => {
    phase = 'finishing'
    sheet.commit()
    workbook.commit().then(
      () => {
        if (phase === 'ended') return
        phase = 'ended'
        signal()
        stream.close()
      },
      (error: unknown) => fail(error),
    )
  }

  const nextOutput = () => new Promise<void>((resolve) => (wake = resolve))
  const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

  return new ReadableStream<Uint8Array>({
    start(controller) {
      stream = controller
    },
    // A pull must end with a chunk enqueued (or the stream closed): the stream calls pull again only then.
    // Deflate hands out compressed output only every so many rows, so batches are added until it does.
    async pull() {
      try {
        if (!iterator) {
          iterator = iterate(rows)
          if (title) {
            const titleRow = sheet.addRow([title])
            titleRow.getCell(1).font = { ...FONT, bold: true, size: 14 }
            titleRow.commit()
          }
          const header = sheet.addRow(columns.map((column) => column.header))
          header.eachCell((cell) => (cell.font = { ...FONT, bold: true }))
          header.commit()
        }
        const before = chunksOut
        while (chunksOut === before && phase === 'rows') {
          // Deflate is behind: let it catch up (it is working, so output or a shorter queue follows).
          if ((pendingSheetXml(sheet) ?? 0) > XLSX_MAX_PENDING_XML) {
            await Promise.race([nextOutput(), sleep(5)])
            continue
          }
          for (let added = 0; added < XLSX_BATCH_ROWS; added++) {
            const next = await iterator.next()
            if (next.done) {
              finish()
              break
            }
            addRow(next.value)
          }
          // Give deflate a turn to take in what was added.
          if (phase === 'rows') await Promise.race([nextOutput(), nextTurn()])
        }
        // While the zip is completed, wait for its next output or its end.
        while (chunksOut === before && phase === 'finishing') await nextOutput()
      } catch (error) {
        await fail(error)
      }
    },
    async cancel() {
      phase = 'ended'
      signal()
      sink.destroy()
      await closeQuietly(iterator)
    },
  })
}
