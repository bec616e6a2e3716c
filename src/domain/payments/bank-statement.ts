import { VIETNAM_UTC_OFFSET_MINUTES } from '@/domain/calendar/working-days'
import { asciiKey } from '@/lib/format/ascii-key'
import { parsePaymentReference } from './payment-reference'

/**
 * Bank statement import: commune staff upload their collection account's statement as CSV; its credit lines
 * are transfers from citizens whose description carries our payment reference (payment-reference.ts).
 * Two pure steps, so that nothing is half-imported and nothing is applied without being seen:
 *
 * 1. `parseBankStatementCsv` reads the file or refuses it whole, with every row's errors (codes, not
 *    messages: the UI translates them).
 * 2. `classifyStatementLines` matches each line to a payment by reference and amount. Only MATCHED lines are
 *    credited by the caller; PARTIAL, EXCESS, DUPLICATE and UNMATCHED lines are listed for a human.
 *
 * ## Reading the file
 * - UTF-8, an optional BOM. Records follow RFC 4180: fields in double quotes may hold the delimiter, line
 *   breaks and `""` (one quote); spaces around a quoted field are tolerated. A quote left open to the end
 *   of the file is an error (UNTERMINATED_QUOTE), since it would swallow every line after it.
 * - `row` in errors is the spreadsheet row number as staff see it when they open the file (1-based,
 *   counting bank preamble rows, the header and blank rows; a quoted field with line breaks stays in one row).
 * - The header is the first row (among the first STATEMENT_HEADER_SEARCH_ROWS) that names all required
 *   columns (transaction id, date, credit amount, description), compared without case, diacritics,
 *   punctuation or a unit suffix ("Số tiền ghi có (VND)"). The bank's preamble rows above it (bank, account,
 *   period) are skipped. The delimiter, `,` `;` or tab, is the one with which such a header row appears.
 *   When several header cells name one column, the one named by the earlier alias in
 *   STATEMENT_COLUMN_ALIASES (the more specific name) wins, then the leftmost. No header: the row that names
 *   most required columns (at least two) is taken as the header and each missing one is reported
 *   (MISSING_COLUMN); none at all → NO_HEADER.
 * - Data rows: blank rows (every cell empty) are ignored. Rows with money going out are skipped and counted
 *   (`skippedDebits`): a debit and no credit, or a negative amount in the credit column (banks that export one
 *   signed "Số tiền" column). A credit and a debit on the same row is an error (BAD_AMOUNT on the debit
 *   column), as is a row with neither. Summary rows of the bank (no transaction id, no readable date, no
 *   payment reference, and a label such as "Tổng cộng", "Cộng phát sinh", "Số dư cuối kỳ", "Total", "Closing
 *   balance") are skipped and counted (`skippedSummaries`); repeats of the header row (page breaks) are
 *   skipped. Non-empty cells beyond the header's columns are an error (EXTRA_CELLS): the description was
 *   probably split at an unquoted delimiter. Every row's errors are collected. At most STATEMENT_MAX_LINES
 *   non-blank rows after the header (TOO_MANY_LINES), at least one (EMPTY).
 * - Amounts (VND, integer, no decimals in Vietnamese banking): an optional `+`/`-` sign and a currency mark
 *   (VND, VNĐ, đ, ₫) before or after; spaces are ignored (`1 000 000`). Both `.` and `,` group thousands
 *   ("1.000.000" = "1,000,000" = 1 000 000, "100.500" = 100 500), so a separator followed by three digits is
 *   always grouping, and grouping must be regular: one separator character, groups of three digits. A last
 *   separator followed by one or two digits is a decimal point ("50.000,00", "50,000.00", "50000.00"): allowed
 *   only if those digits are zeros and the separator differs from the grouping one; "100.50" or "1.000.50"
 *   are BAD_AMOUNT, never guessed.
 * - Dates: "dd/MM/yyyy", "dd-MM-yyyy" or "dd.MM.yyyy" (day and month may be one digit), optionally followed by
 *   "HH:mm" or "HH:mm:ss"; ISO "yyyy-MM-dd" with optional "THH:mm[:ss[.sss]]" and optional "Z"/"±hh:mm".
 *   Without an offset the time is Vietnam's (UTC+7, no daylight saving), whatever the server's time zone.
 *   Impossible dates (31/02) and times (24:00) are BAD_DATE.
 *
 * ## Matching a line (in file order; the first rule that applies decides)
 * 1. Its bank transaction id was imported before (`knownTxnIds`) → DUPLICATE TXN_ALREADY_IMPORTED; seen on
 *    an earlier line of this file → DUPLICATE TXN_REPEATED_IN_FILE. The payment of its reference, if any, is
 *    given for the human. Such a line never counts as paying anything.
 * 2. The description has no reference (NO_REFERENCE), one with wrong check digits (INVALID_CHECK_DIGITS),
 *    two different ones (AMBIGUOUS_REFERENCE), or one of no payment of this commune (UNKNOWN_REFERENCE)
 *    → UNMATCHED.
 * 3. The payment is already PAID or REFUNDED → DUPLICATE PAYMENT_ALREADY_PAID: money received twice, a human
 *    refunds it. This holds whatever the payment's method (a citizen who paid at the desk and also transferred).
 * 4. The payment is by GATEWAY or CASH → UNMATCHED PAYMENT_NOT_VIETQR (the payment is given).
 * 5. An earlier line of this file MATCHED the payment → DUPLICATE PAID_BY_EARLIER_LINE, whatever its amount.
 * 6. The payment's dossier owes nothing any more (paid in full another way, e.g. by card after the QR was
 *    shown; as `dossierOutstandingVnd` says, less what earlier lines of this file matched) → DUPLICATE
 *    DOSSIER_ALREADY_PAID: money received twice, never applied.
 * 7. The payment is PENDING, FAILED or EXPIRED (a transfer may arrive after our QR expired: the money is
 *    real): amount equal → MATCHED EXACT; less → PARTIAL LESS_THAN_DUE; more than the payment or than what
 *    the dossier still owes → EXCESS MORE_THAN_DUE.
 *    PARTIAL and EXCESS lines do not mark the payment as paid: two partial lines that together make the amount
 *    both stay PARTIAL (a human decides), and an exact line after a partial one still MATCHES.
 */

export const STATEMENT_MAX_LINES = 20_000

export const STATEMENT_PARSE_ERROR_CODES = [
  'NO_HEADER',
  'MISSING_COLUMN',
  'BAD_AMOUNT',
  'BAD_DATE',
  'MISSING_TXN_ID',
  'EMPTY',
  'TOO_MANY_LINES',
  'UNTERMINATED_QUOTE',
  'EXTRA_CELLS',
] as const
export type StatementParseErrorCode = (typeof STATEMENT_PARSE_ERROR_CODES)[number]

/** The columns of a statement, by the field of `ParsedStatementLine` they fill (`debitVnd` only skips rows). */
export type StatementColumn = 'bankTxnId' | 'bookedAt' | 'amountVnd' | 'debitVnd' | 'description'

export type StatementParseError = {
  /** Spreadsheet row (see the module comment); null for errors about the whole file. */
  row: number | null
  code: StatementParseErrorCode
  column?: StatementColumn
  /** The cell as written, for the message. */
  value?: string
}

export type ParsedStatementLine = {
  /** Spreadsheet row of the line (1-based, as staff see it when they open the file), for messages. */
  row: number
  bankTxnId: string
  bookedAt: Date
  /** Credit, integer VND, > 0. */
  amountVnd: number
  description: string
}

export type StatementParseResult =
  | { ok: true; lines: ParsedStatementLine[]; skippedDebits: number; skippedSummaries: number }
  | { ok: false; errors: StatementParseError[] }

/**
 * Header names seen in Vietnamese banks' exports, most specific first (the first that names a column wins).
 * Compared as ASCII keys: case, diacritics, punctuation and a trailing "(VND)" do not matter.
 */
export const STATEMENT_COLUMN_ALIASES: Readonly<Record<StatementColumn, readonly string[]>> = {
  bankTxnId: [
    'Số tham chiếu',
    'Mã giao dịch',
    'Số bút toán',
    'Số giao dịch',
    'Mã GD',
    'Reference',
    'Reference number',
    'Ref no',
    'Transaction ID',
    'Transaction number',
    'bankTxnId',
  ],
  bookedAt: [
    'Ngày giao dịch',
    'Ngày hạch toán',
    'Thời gian giao dịch',
    'Thời gian',
    'Ngày GD',
    'Date',
    'Transaction date',
    'Posting date',
    'Booking date',
  ],
  amountVnd: ['Số tiền ghi có', 'Ghi có', 'Phát sinh có', 'Credit', 'Credit amount', 'Số tiền', 'Amount'],
  debitVnd: ['Số tiền ghi nợ', 'Ghi nợ', 'Phát sinh nợ', 'Debit', 'Debit amount'],
  description: [
    'Nội dung',
    'Nội dung giao dịch',
    'Nội dung chuyển khoản',
    'Diễn giải',
    'Mô tả',
    'Chi tiết giao dịch',
    'Description',
    'Content',
    'Transaction details',
    'Remark',
    'Remarks',
  ],
}

const REQUIRED_COLUMNS = ['bankTxnId', 'bookedAt', 'amountVnd', 'description'] as const satisfies readonly StatementColumn[]
const DELIMITERS = [',', ';', '\t'] as const

/** "Số tiền ghi có (VND)" → "so-tien-ghi-co". */
function headerKey(cell: string): string {
  return asciiKey(cell).replace(/-(vnd|dong)$/, '')
}

const ALIAS_KEYS = Object.fromEntries(
  Object.entries(STATEMENT_COLUMN_ALIASES).map(([column, aliases]) => [column, aliases.map(headerKey)]),
) as Record<StatementColumn, string[]>

type ColumnIndexes = Partial<Record<StatementColumn, number>>

function mapHeader(cells: readonly string[]): ColumnIndexes {
  const keys = cells.map(headerKey)
  const indexes: ColumnIndexes = {}
  for (const column of Object.keys(ALIAS_KEYS) as StatementColumn[]) {
    for (const alias of ALIAS_KEYS[column]) {
      const at = keys.indexOf(alias)
      if (at >= 0) {
        indexes[column] = at
        break
      }
    }
  }
  return indexes
}

function requiredFound(indexes: ColumnIndexes): number {
  return REQUIRED_COLUMNS.filter((column) => indexes[column] !== undefined).length
}

// ---------------------------------------------------------------------------------------------------------
// RFC 4180 records

type CsvRecord = { row: number; cells: string[] }
type CsvRead = { records: CsvRecord[]; unterminatedRow: number | null }

/** The records of `text`, all of them or the first `limit` (a quote still open at the limit is not an error). */
function readRecords(text: string, delimiter: string, limit = Infinity): CsvRead {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let field = ''
  let quoted = false
  let inQuotes = false
  let unterminatedRow: number | null = null
  const endField = () => {
    cells.push(field)
    field = ''
    quoted = false
  }
  const endRecord = () => {
    endField()
    records.push({ row: records.length + 1, cells })
    cells = []
  }
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const ch = text[i]!
    if (inQuotes) {
      if (ch !== '"') field += ch
      else if (text[i + 1] === '"') {
        field += '"'
        i++
      } else inQuotes = false
    } else if (ch === '"' && !quoted && field.trim() === '') {
      // An opening quote, possibly after spaces the exporter put after the delimiter.
      field = ''
      quoted = true
      inQuotes = true
    } else if (ch === delimiter) endField()
    else if (ch === '\n') endRecord()
    else if (ch === '\r') {
      if (text[i + 1] === '\n') i++
      endRecord()
    } else field += ch
  }
  if (records.length >= limit) return { records, unterminatedRow }
  if (inQuotes) unterminatedRow = records.length + 1
  if (field !== '' || cells.length > 0 || quoted) endRecord()
  return { records, unterminatedRow }
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '')
}

// ---------------------------------------------------------------------------------------------------------
// Amounts

export type VndAmount = { kind: 'empty' } | { kind: 'bad' } | { kind: 'value'; value: number }

const CURRENCY_BEFORE = /^(?:vn[dđ]|₫|đ)\s*/iu
const CURRENCY_AFTER = /\s*(?:vn[dđ]|₫|đ|đồng|dong)\.?$/iu

/** A VND amount as written in a statement (rules in the module comment); signed, integer. */
export function parseVndAmount(raw: string): VndAmount {
  let text = raw.trim()
  if (text === '') return { kind: 'empty' }
  text = text.replace(CURRENCY_AFTER, '').replace(CURRENCY_BEFORE, '')
  let sign = 1
  if (text.startsWith('+') || text.startsWith('-')) {
    if (text.startsWith('-')) sign = -1
    text = text.slice(1)
  }
  text = text.replace(CURRENCY_BEFORE, '').replace(/\s+/gu, '')
  if (!/^\d[\d.,]*$/.test(text) || !/\d$/.test(text)) return { kind: 'bad' }
  let integer = text
  const decimal = /^(.*\d)([.,])(\d{1,2})$/.exec(text)
  if (decimal) {
    const [, whole, point, fraction] = decimal as unknown as [string, string, string, string]
    if (!/^0+$/.test(fraction) || whole.includes(point)) return { kind: 'bad' }
    integer = whole
  }
  if (/[.,]/.test(integer) && !/^\d{1,3}([.,])\d{3}(?:\1\d{3})*$/.test(integer)) return { kind: 'bad' }
  const value = Number(integer.replace(/[.,]/g, ''))
  if (!Number.isSafeInteger(value)) return { kind: 'bad' }
  return { kind: 'value', value: value === 0 ? 0 : sign * value }
}

// ---------------------------------------------------------------------------------------------------------
// Dates

const VN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i

/** A statement's date or date-time (rules in the module comment) as a UTC instant; null if impossible. */
export function parseStatementDate(raw: string): Date | null {
  const text = raw.trim()
  let parts: { year: string; month: string; day: string; hour?: string; minute?: string; second?: string; ms?: string }
  let offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES
  const vn = VN_DATE.exec(text)
  const iso = vn ? null : ISO_DATE.exec(text)
  if (vn) {
    const [, day, month, year, hour, minute, second] = vn as unknown as string[]
    parts = { year: year!, month: month!, day: day!, hour, minute, second }
  } else if (iso) {
    const [, year, month, day, hour, minute, second, ms, offset] = iso as unknown as string[]
    parts = { year: year!, month: month!, day: day!, hour, minute, second, ms: ms?.padEnd(3, '0') }
    if (offset) {
      const zone = /^([+-])(\d{2}):?(\d{2})$/.exec(offset)
      if (!zone) offsetMinutes = 0 // "Z"
      else if (Number(zone[2]) > 14 || Number(zone[3]) > 59) return null
      else offsetMinutes = (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3]))
    }
  } else return null
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)]
  const [hour, minute, second, ms] = [parts.hour, parts.minute, parts.second, parts.ms].map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
  ]
  if (hour > 23 || minute > 59 || second > 59) return null
  const calendarDay = new Date(Date.UTC(year, month - 1, day))
  calendarDay.setUTCFullYear(year) // Date.UTC maps years 0–99 to 1900–1999.
  if (calendarDay.getUTCFullYear() !== year || calendarDay.getUTCMonth() !== month - 1 || calendarDay.getUTCDate() !== day) {
    return null
  }
  return new Date(calendarDay.getTime() + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + ms)
}

// ---------------------------------------------------------------------------------------------------------
// The file

/** Labels of a bank's summary rows, as ASCII keys of the text before any ":". */
const SUMMARY_LABELS = ['tong', 'cong', 'total', 'balance', 'so-du']
const SUMMARY_PREFIXES = [
  'tong-cong',
  'tong-so',
  'tong-phat-sinh',
  'cong-phat-sinh',
  'so-du-',
  'total-',
  'opening-balance',
  'closing-balance',
  'ending-balance',
  'beginning-balance',
]

function isSummaryLabel(cell: string): boolean {
  const key = asciiKey(cell.split(':')[0] ?? '')
  return SUMMARY_LABELS.includes(key) || SUMMARY_PREFIXES.some((prefix) => key.startsWith(prefix))
}

/** A bank's summary row: a summary label and no payment reference (a citizen's transfer is never skipped). */
function isSummaryRow(cells: readonly string[]): boolean {
  return cells.some(isSummaryLabel) && parsePaymentReference(cells.join(' ')).status === 'NOT_FOUND'
}

/** How far down the file the header is looked for: banks put a few preamble rows above it, not pages. */
export const STATEMENT_HEADER_SEARCH_ROWS = 100

type Header = { delimiter: string; at: number; width: number; indexes: ColumnIndexes }

function findHeader(text: string): Header | { missing: { row: number; columns: StatementColumn[] } | null } {
  let best: Header | null = null
  let partial: { row: number; found: number; columns: StatementColumn[] } | null = null
  for (const delimiter of DELIMITERS) {
    const { records } = readRecords(text, delimiter, STATEMENT_HEADER_SEARCH_ROWS)
    for (let at = 0; at < records.length; at++) {
      const record = records[at]!
      const indexes = mapHeader(record.cells)
      const found = requiredFound(indexes)
      if (found === REQUIRED_COLUMNS.length) {
        const width = record.cells.length
        if (!best || at < best.at || (at === best.at && width > best.width)) best = { delimiter, at, width, indexes }
        break
      }
      if (found >= 2 && (!partial || found > partial.found || (found === partial.found && record.row < partial.row))) {
        const columns = REQUIRED_COLUMNS.filter((column) => indexes[column] === undefined)
        partial = { row: record.row, found, columns }
      }
    }
  }
  if (best) return best
  return { missing: partial && { row: partial.row, columns: partial.columns } }
}

/**
 * Reads a bank statement exported as CSV (rules in the module comment). Either every credit line, or every
 * error found in the file: a file with any bad row is refused whole.
 */
export function parseBankStatementCsv(input: string): StatementParseResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input
  if (text.trim() === '') return { ok: false, errors: [{ row: null, code: 'EMPTY' }] }

  const header = findHeader(text)
  if ('missing' in header) {
    if (!header.missing) return { ok: false, errors: [{ row: null, code: 'NO_HEADER' }] }
    const { row, columns } = header.missing
    return { ok: false, errors: columns.map((column) => ({ row, code: 'MISSING_COLUMN', column })) }
  }

  const { delimiter, at, width, indexes } = header
  const read = readRecords(text, delimiter)
  const dataRecords = read.records.slice(at + 1).filter((record) => !isBlank(record.cells))
  if (dataRecords.length === 0) return { ok: false, errors: [{ row: null, code: 'EMPTY' }] }
  if (dataRecords.length > STATEMENT_MAX_LINES) return { ok: false, errors: [{ row: null, code: 'TOO_MANY_LINES' }] }

  const errors: StatementParseError[] = []
  if (read.unterminatedRow !== null) errors.push({ row: read.unterminatedRow, code: 'UNTERMINATED_QUOTE' })
  const lines: ParsedStatementLine[] = []
  let skippedDebits = 0
  let skippedSummaries = 0
  const cellOf = (record: CsvRecord, column: StatementColumn) => {
    const index = indexes[column]
    return index === undefined ? '' : (record.cells[index] ?? '').trim()
  }

  for (const record of dataRecords) {
    const { row } = record
    const rowErrors: StatementParseError[] = []
    if (record.cells.slice(width).some((cell) => cell.trim() !== '')) rowErrors.push({ row, code: 'EXTRA_CELLS' })

    const txnId = cellOf(record, 'bankTxnId')
    const dateCell = cellOf(record, 'bookedAt')
    const bookedAt = parseStatementDate(dateCell)
    if (!bookedAt && rowErrors.length === 0) {
      if (txnId === '' && isSummaryRow(record.cells)) {
        skippedSummaries++
        continue
      }
      // Some exports repeat the header on every page.
      if (requiredFound(mapHeader(record.cells)) === REQUIRED_COLUMNS.length) continue
    }

    const creditCell = cellOf(record, 'amountVnd')
    const debitCell = cellOf(record, 'debitVnd')
    const credit = parseVndAmount(creditCell)
    const debit = parseVndAmount(debitCell)
    const creditValue = credit.kind === 'value' ? credit.value : 0
    const debitValue = debit.kind === 'value' ? Math.abs(debit.value) : 0
    if (credit.kind === 'bad') rowErrors.push({ row, code: 'BAD_AMOUNT', column: 'amountVnd', value: creditCell })
    if (debit.kind === 'bad') rowErrors.push({ row, code: 'BAD_AMOUNT', column: 'debitVnd', value: debitCell })
    if (rowErrors.length === 0) {
      if (creditValue > 0 && debitValue > 0) {
        rowErrors.push({ row, code: 'BAD_AMOUNT', column: 'debitVnd', value: debitCell })
      } else if (creditValue < 0 || (creditValue === 0 && debitValue > 0)) {
        skippedDebits++
        continue
      } else if (creditValue === 0) {
        rowErrors.push({ row, code: 'BAD_AMOUNT', column: 'amountVnd', value: creditCell })
      }
    }

    if (!bookedAt) rowErrors.push({ row, code: 'BAD_DATE', column: 'bookedAt', value: dateCell })
    if (txnId === '') rowErrors.push({ row, code: 'MISSING_TXN_ID', column: 'bankTxnId' })

    if (rowErrors.length > 0) errors.push(...rowErrors)
    else lines.push({ row, bankTxnId: txnId, bookedAt: bookedAt!, amountVnd: creditValue, description: cellOf(record, 'description') })
  }

  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, lines, skippedDebits, skippedSummaries }
}

// ---------------------------------------------------------------------------------------------------------
// Matching

export const STATEMENT_LINE_STATUSES = ['MATCHED', 'PARTIAL', 'EXCESS', 'DUPLICATE', 'UNMATCHED'] as const
export type StatementLineStatus = (typeof STATEMENT_LINE_STATUSES)[number]

export const STATEMENT_REASONS = [
  'EXACT',
  'LESS_THAN_DUE',
  'MORE_THAN_DUE',
  'TXN_ALREADY_IMPORTED',
  'TXN_REPEATED_IN_FILE',
  'PAYMENT_ALREADY_PAID',
  'PAID_BY_EARLIER_LINE',
  'DOSSIER_ALREADY_PAID',
  'NO_REFERENCE',
  'UNKNOWN_REFERENCE',
  'INVALID_CHECK_DIGITS',
  'AMBIGUOUS_REFERENCE',
  'PAYMENT_NOT_VIETQR',
] as const
export type StatementReason = (typeof STATEMENT_REASONS)[number]

export type StatementPayment = {
  paymentId: string
  reference: string
  amountVnd: number
  status: 'PENDING' | 'PAID' | 'FAILED' | 'EXPIRED' | 'REFUNDED'
  method: 'VIETQR' | 'GATEWAY' | 'CASH'
  /**
   * The dossier the payment is for, and what it still owes before this file: a transfer for a QR the payer
   * abandoned after paying by card (its payment EXPIRED when the dossier was paid in full) is money received
   * twice, listed for a human (DOSSIER_ALREADY_PAID), never applied. Unknown when absent.
   */
  dossierId?: string
  dossierOutstandingVnd?: number
}

export type ClassifyStatementInput = {
  /** In file order. */
  lines: readonly ParsedStatementLine[]
  /** Bank transaction ids already imported for this commune (earlier files). */
  knownTxnIds: ReadonlySet<string>
  /** This commune's payments, by reference. */
  payments: ReadonlyMap<string, StatementPayment>
}

export type ClassifiedLine = {
  line: ParsedStatementLine
  status: StatementLineStatus
  /** The payment the line is about, when its reference names one (also for DUPLICATE and UNMATCHED lines). */
  paymentId: string | null
  reason: StatementReason
  /** The valid reference found in the description, null if none or several. */
  reference: string | null
}

/** Matches statement lines to payments (rules in the module comment); one result per line, in order. */
export function classifyStatementLines(input: ClassifyStatementInput): ClassifiedLine[] {
  const txnIdsSeen = new Set<string>()
  const matchedPayments = new Set<string>()
  // What each dossier still owes as the file's lines are applied in order.
  const owedByDossier = new Map<string, number>()
  return input.lines.map((line) => {
    const search = parsePaymentReference(line.description)
    const reference = search.status === 'FOUND' ? search.payment.reference : null
    const payment = reference === null ? undefined : input.payments.get(reference)
    const paymentId = payment?.paymentId ?? null
    const result = (status: StatementLineStatus, reason: StatementReason): ClassifiedLine => ({
      line,
      status,
      paymentId,
      reason,
      reference,
    })

    const repeated = txnIdsSeen.has(line.bankTxnId)
    txnIdsSeen.add(line.bankTxnId)
    if (input.knownTxnIds.has(line.bankTxnId)) return result('DUPLICATE', 'TXN_ALREADY_IMPORTED')
    if (repeated) return result('DUPLICATE', 'TXN_REPEATED_IN_FILE')

    if (search.status === 'NOT_FOUND') return result('UNMATCHED', 'NO_REFERENCE')
    if (search.status === 'INVALID_CHECK') return result('UNMATCHED', 'INVALID_CHECK_DIGITS')
    if (search.status === 'AMBIGUOUS') return result('UNMATCHED', 'AMBIGUOUS_REFERENCE')
    if (!payment) return result('UNMATCHED', 'UNKNOWN_REFERENCE')

    if (payment.status === 'PAID' || payment.status === 'REFUNDED') return result('DUPLICATE', 'PAYMENT_ALREADY_PAID')
    if (payment.method !== 'VIETQR') return result('UNMATCHED', 'PAYMENT_NOT_VIETQR')
    if (matchedPayments.has(payment.paymentId)) return result('DUPLICATE', 'PAID_BY_EARLIER_LINE')

    // Left: PENDING, FAILED or EXPIRED.
    const owed = payment.dossierId === undefined ? undefined : (owedByDossier.get(payment.dossierId) ?? payment.dossierOutstandingVnd)
    if (owed !== undefined && owed <= 0) return result('DUPLICATE', 'DOSSIER_ALREADY_PAID')
    if (line.amountVnd < payment.amountVnd) return result('PARTIAL', 'LESS_THAN_DUE')
    if (line.amountVnd > payment.amountVnd || (owed !== undefined && line.amountVnd > owed)) return result('EXCESS', 'MORE_THAN_DUE')
    matchedPayments.add(payment.paymentId)
    if (owed !== undefined && payment.dossierId !== undefined) owedByDossier.set(payment.dossierId, owed - line.amountVnd)
    return result('MATCHED', 'EXACT')
  })
}

export type StatementTotal = { count: number; amountVnd: number }
export type StatementSummary = {
  total: StatementTotal
  byStatus: Record<StatementLineStatus, StatementTotal>
}

/** Counts and sums per status, for the import result page. */
export function summariseStatement(classified: readonly ClassifiedLine[]): StatementSummary {
  const byStatus = Object.fromEntries(STATEMENT_LINE_STATUSES.map((status) => [status, { count: 0, amountVnd: 0 }])) as Record<
    StatementLineStatus,
    StatementTotal
  >
  const total = { count: 0, amountVnd: 0 }
  for (const { status, line } of classified) {
    byStatus[status].count++
    byStatus[status].amountVnd += line.amountVnd
    total.count++
    total.amountVnd += line.amountVnd
  }
  return { total, byStatus }
}
