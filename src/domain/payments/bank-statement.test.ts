import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  classifyStatementLines,
  parseBankStatementCsv,
  parseStatementDate,
  parseVndAmount,
  STATEMENT_MAX_LINES,
  summariseStatement,
  type ClassifiedLine,
  type ParsedStatementLine,
  type StatementParseResult,
  type StatementPayment,
} from './bank-statement'
import { buildPaymentReference } from './payment-reference'

const REF_1 = buildPaymentReference({ dossierCode: '16681-261124-0007', paymentSequence: 1 })
const REF_2 = buildPaymentReference({ dossierCode: '16681-261124-0008', paymentSequence: 1 })
const REF_3 = buildPaymentReference({ dossierCode: '16681-271124-0001', paymentSequence: 2 })

/** One CSV record per array, fields quoted when they need it (RFC 4180). */
function csv(rows: readonly (readonly string[])[], delimiter = ',', newline = '\r\n'): string {
  const quote = (field: string) =>
    field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field
  return rows.map((row) => row.map(quote).join(delimiter)).join(newline) + newline
}

function expectOk(result: StatementParseResult) {
  if (!result.ok) throw new Error(`expected the file to be read, got ${JSON.stringify(result.errors)}`)
  return result
}

function expectErrors(result: StatementParseResult) {
  if (result.ok) throw new Error('expected the file to be refused')
  return result.errors
}

/** A Vietnam-local wall-clock time as the UTC instant it is. */
const vn = (iso: string) => new Date(`${iso}+07:00`)

describe('parseBankStatementCsv: what banks export', () => {
  it('reads a Vietcombank-like export: BOM, preamble, ";" delimiter, debits, footer', () => {
    const text =
      '\uFEFF' +
      [
        'NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM;;;;;',
        'SAO KÊ TÀI KHOẢN / ACCOUNT STATEMENT;;;;;',
        'Số tài khoản: 0011001932418;Tên tài khoản: UBND XA HUNG NGUYEN;;;;',
        'Từ ngày: 01/11/2024;Đến ngày: 30/11/2024;;;;',
        ';;;;;',
        'Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Số dư;Mô tả',
        `26/11/2024 09:15:02;5823146120;;50.000;1.050.000;MBVCB.5823146120.${REF_1}.CT tu 0123456789 NGUYEN VAN AN toi 0011001932418 UBND XA`,
        '26/11/2024 10:00:00;FT24331000001;200.000;;850.000;Chi phi dich vu SMS',
        `27/11/2024 14:30;FT24332000777;;"1.250.000";2.100.000;"IBFT ${REF_2}, le phi; ho tich"`,
        ';;;;;',
        'Tổng cộng;;200.000;1.300.000;;',
        'Số dư cuối kỳ;;;;2.100.000;',
      ].join('\r\n') +
      '\r\n'
    const result = expectOk(parseBankStatementCsv(text))
    expect(result.lines).toEqual<ParsedStatementLine[]>([
      {
        row: 7,
        bankTxnId: '5823146120',
        bookedAt: vn('2024-11-26T09:15:02'),
        amountVnd: 50_000,
        description: `MBVCB.5823146120.${REF_1}.CT tu 0123456789 NGUYEN VAN AN toi 0011001932418 UBND XA`,
      },
      {
        row: 9,
        bankTxnId: 'FT24332000777',
        bookedAt: vn('2024-11-27T14:30:00'),
        amountVnd: 1_250_000,
        description: `IBFT ${REF_2}, le phi; ho tich`,
      },
    ])
    expect(result.skippedDebits).toBe(1)
    expect(result.skippedSummaries).toBe(2)
  })

  it('reads "," with quoted descriptions holding commas, line breaks and quotes', () => {
    const text = [
      'Transaction date,Reference,Credit,Description',
      `2024-11-26T09:15:00,TX1,"1,000,000","CK ${REF_1}, le phi ""khai sinh""`,
      `con Nguyen Van B"`,
      `2024-11-26 10:00,TX2,"50,000.00",${REF_2}`,
    ].join('\n')
    const result = expectOk(parseBankStatementCsv(text))
    expect(result.lines).toEqual<ParsedStatementLine[]>([
      {
        row: 2,
        bankTxnId: 'TX1',
        bookedAt: vn('2024-11-26T09:15:00'),
        amountVnd: 1_000_000,
        description: `CK ${REF_1}, le phi "khai sinh"\ncon Nguyen Van B`,
      },
      // The record above spans two physical lines but is one spreadsheet row.
      { row: 3, bankTxnId: 'TX2', bookedAt: vn('2024-11-26T10:00:00'), amountVnd: 50_000, description: REF_2 },
    ])
  })

  it('reads tab-separated files', () => {
    const text = csv(
      [
        ['Date', 'Transaction ID', 'Debit', 'Credit', 'Content'],
        ['01/12/2024', 'A-1', '', '+50,000', `${REF_1} le phi`],
        ['01/12/2024', 'A-2', '10,000', '', 'phi'],
      ],
      '\t',
    )
    const result = expectOk(parseBankStatementCsv(text))
    expect(result.lines.map((line) => [line.bankTxnId, line.amountVnd, line.bookedAt])).toEqual([
      ['A-1', 50_000, vn('2024-12-01T00:00:00')],
    ])
    expect(result.skippedDebits).toBe(1)
  })

  it('matches header names whatever their case, diacritics, spacing, unit or Unicode form', () => {
    const headers = [
      ['NGÀY HẠCH TOÁN', 'số bút toán', 'Ghi Có (VND)', 'DIEN GIAI'],
      ['Thời gian'.normalize('NFD'), 'Mã  giao\ndịch', 'So tien', 'Nội dung'.normalize('NFD')],
      ['  date ', 'bankTxnId', 'Amount', 'CONTENT'],
    ]
    for (const header of headers) {
      const result = expectOk(parseBankStatementCsv(csv([header, ['02/12/2024', 'X1', '70.000', REF_1]])))
      expect(result.lines).toEqual([
        { row: 2, bankTxnId: 'X1', bookedAt: vn('2024-12-02T00:00:00'), amountVnd: 70_000, description: REF_1 },
      ])
    }
  })

  it('prefers the more specific column name when several could be the credit or the date', () => {
    const text = csv([
      ['Số tiền', 'Ngày hiệu lực', 'Ngày giao dịch', 'Số tham chiếu', 'Ghi có', 'Nội dung'],
      ['999.999', '05/12/2024', '03/12/2024', 'R1', '80.000', REF_1],
    ])
    const [line] = expectOk(parseBankStatementCsv(text)).lines
    expect(line).toMatchObject({ amountVnd: 80_000, bookedAt: vn('2024-12-03T00:00:00') })
  })

  it('skips money going out in a single signed amount column', () => {
    const text = csv([
      ['Ngày giao dịch', 'Mã giao dịch', 'Số tiền', 'Nội dung'],
      ['03/12/2024 08:00', 'S1', '-150.000', 'Tra phi'],
      ['03/12/2024 09:00', 'S2', '+150.000', REF_1],
    ])
    const result = expectOk(parseBankStatementCsv(text))
    expect(result.lines.map((line) => line.bankTxnId)).toEqual(['S2'])
    expect(result.skippedDebits).toBe(1)
  })

  it('ignores blank rows and headers repeated at page breaks', () => {
    const header = ['Ngày giao dịch', 'Số tham chiếu', 'Ghi có', 'Nội dung']
    const rows = [header, ['', '', '', ''], ['03/12/2024', 'B1', '10.000', REF_1], header, [], ['03/12/2024', 'B2', '20.000', REF_2]]
    const text = csv(rows, ';')
    const result = expectOk(parseBankStatementCsv(text + '\r\n\r\n'))
    expect(result.lines.map((line) => [line.row, line.bankTxnId])).toEqual([
      [3, 'B1'],
      [6, 'B2'],
    ])
  })

  it('does not take a row with a payment reference for a summary row', () => {
    const text = csv([
      ['Ngày giao dịch', 'Số tham chiếu', 'Ghi có', 'Nội dung'],
      ['', '', '50.000', `Tong so tien ${REF_1}`],
    ])
    expect(expectErrors(parseBankStatementCsv(text)).map((error) => error.code)).toEqual(['BAD_DATE', 'MISSING_TXN_ID'])
  })

  it('keeps trailing empty cells but refuses extra non-empty ones (a description split at a delimiter)', () => {
    const header = ['Ngày giao dịch', 'Số tham chiếu', 'Ghi có', 'Nội dung']
    const ok = ['04/12/2024', 'E1', '10.000', REF_1, '', '']
    expect(expectOk(parseBankStatementCsv(csv([header, ok]))).lines).toHaveLength(1)
    const text = `${header.join(',')}\n04/12/2024,E2,10000,CK ${REF_1}, le phi khai sinh\n`
    expect(expectErrors(parseBankStatementCsv(text))).toEqual([{ row: 2, code: 'EXTRA_CELLS' }])
  })
})

describe('parseVndAmount', () => {
  it('reads the ways banks write VND', () => {
    const cases: [string, number][] = [
      ['1.000.000', 1_000_000],
      ['1,000,000', 1_000_000],
      ['1000000', 1_000_000],
      ['1 000 000', 1_000_000],
      ['1\u00a0000\u00a0000', 1_000_000],
      ['50.000 VND', 50_000],
      ['50.000 VNĐ', 50_000],
      ['50.000đ', 50_000],
      ['₫50,000', 50_000],
      ['VND 50.000', 50_000],
      ['+50,000', 50_000],
      ['-50.000', -50_000],
      ['50.000,00', 50_000],
      ['50,000.00', 50_000],
      ['50000.00', 50_000],
      ['50000,0', 50_000],
      ['100.500', 100_500],
      ['1.000.000,00 VND', 1_000_000],
      ['0', 0],
      ['-0', 0],
      [' 7 ', 7],
    ]
    for (const [text, value] of cases) expect(parseVndAmount(text), text).toEqual({ kind: 'value', value })
  })

  it('refuses fractions of a dong, irregular grouping and anything else', () => {
    const bad = [
      ...['100.50', '100,5', '1.000.50', '1,000.50', '1.000,000', '1,000.000', '10.00.000', '1000.000', '12,34,567'],
      ...['abc', '1.2e6', '(50.000)', '50.000 USD', '.', '1.', '--5', '9'.repeat(17)],
    ]
    for (const text of bad) expect(parseVndAmount(text), text).toEqual({ kind: 'bad' })
    expect(parseVndAmount('  ')).toEqual({ kind: 'empty' })
  })

  it('reads any integer written with either grouping and an optional zero decimal suffix', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 13 }),
        fc.constantFrom('.', ',', ' ', ''),
        fc.constantFrom('', ',00', '.00', ' VND', 'đ'),
        (value, group, suffix) => {
          const grouped = String(value).replace(/\B(?=(\d{3})+(?!\d))/g, group)
          fc.pre(!(suffix.startsWith(group) && group !== '' && value >= 1000))
          expect(parseVndAmount(grouped + suffix)).toEqual({ kind: 'value', value })
        },
      ),
    )
  })
})

describe('parseStatementDate', () => {
  it('reads Vietnamese and ISO dates as Vietnam local time', () => {
    const cases: [string, string][] = [
      ['26/11/2024', '2024-11-25T17:00:00.000Z'],
      ['26/11/2024 09:15', '2024-11-26T02:15:00.000Z'],
      ['26/11/2024 09:15:30', '2024-11-26T02:15:30.000Z'],
      ['26-11-2024 23:59:59', '2024-11-26T16:59:59.000Z'],
      ['26.11.2024', '2024-11-25T17:00:00.000Z'],
      ['1/2/2025 7:05', '2025-02-01T00:05:00.000Z'],
      ['2024-11-26', '2024-11-25T17:00:00.000Z'],
      ['2024-11-26T09:15', '2024-11-26T02:15:00.000Z'],
      ['2024-11-26T09:15:30', '2024-11-26T02:15:30.000Z'],
      ['2024-11-26 09:15:30.25', '2024-11-26T02:15:30.250Z'],
      ['2024-11-26T09:15:30Z', '2024-11-26T09:15:30.000Z'],
      ['2024-11-26T09:15:30+07:00', '2024-11-26T02:15:30.000Z'],
      ['29/02/2024', '2024-02-28T17:00:00.000Z'],
    ]
    for (const [text, iso] of cases) expect(parseStatementDate(text)?.toISOString(), text).toBe(iso)
  })

  it('refuses impossible or unreadable dates', () => {
    const bad = [
      ...['31/02/2024', '29/02/2025', '00/01/2024', '32/01/2024', '01/13/2024', '26/11/2024 24:00', '26/11/2024 10:60'],
      ...['26/11/24', '2024-02-30', '2024/11/26', 'hôm nay', '', '26/11/2024 9h15'],
    ]
    for (const text of bad) expect(parseStatementDate(text), text).toBeNull()
  })
})

describe('parseBankStatementCsv: refusing a file', () => {
  const header = ['Ngày giao dịch', 'Số tham chiếu', 'Số tiền ghi nợ', 'Số tiền ghi có', 'Nội dung']

  it('EMPTY: nothing, a BOM, blank lines, or a header without rows', () => {
    for (const text of ['', '\uFEFF', '\r\n \r\n', csv([header]), csv([header, ['', '', '', '', '']])]) {
      expect(expectErrors(parseBankStatementCsv(text))).toEqual([{ row: null, code: 'EMPTY' }])
    }
  })

  it('NO_HEADER: no row names the columns', () => {
    const text = csv([['Ngân hàng ABC'], ['a', 'b', 'c'], ['1', '2', '3']])
    expect(expectErrors(parseBankStatementCsv(text))).toEqual([{ row: null, code: 'NO_HEADER' }])
  })

  it('MISSING_COLUMN: the closest header row and each column it lacks', () => {
    const text = csv([['Sao kê'], ['Ngày giao dịch', 'Số dư', 'Ghi có'], ['01/12/2024', '1.000', '500']], ';')
    expect(expectErrors(parseBankStatementCsv(text))).toEqual([
      { row: 2, code: 'MISSING_COLUMN', column: 'bankTxnId' },
      { row: 2, code: 'MISSING_COLUMN', column: 'description' },
    ])
  })

  it('collects every bad row, each with its spreadsheet row, and reads nothing', () => {
    const text = csv(
      [
        ['Sao kê tài khoản'],
        header,
        ['01/12/2024', 'G1', '', '50.000', REF_1],
        ['31/02/2024', 'G2', '', '100.50', REF_1],
        ['', '', '', '', ''],
        ['01/12/2024 8:00', '', '', '20.000', REF_2],
        ['01/12/2024', 'G4', '', '', 'no amount'],
        ['01/12/2024', 'G5', '10.000', '10.000', 'both'],
        ['01/12/2024', 'G6', 'mười nghìn', '', 'bad debit'],
        ['01/12/2024', 'G7', '', '0', 'zero'],
      ],
      ';',
    )
    expect(expectErrors(parseBankStatementCsv(text))).toEqual([
      { row: 4, code: 'BAD_AMOUNT', column: 'amountVnd', value: '100.50' },
      { row: 4, code: 'BAD_DATE', column: 'bookedAt', value: '31/02/2024' },
      { row: 6, code: 'MISSING_TXN_ID', column: 'bankTxnId' },
      { row: 7, code: 'BAD_AMOUNT', column: 'amountVnd', value: '' },
      { row: 8, code: 'BAD_AMOUNT', column: 'debitVnd', value: '10.000' },
      { row: 9, code: 'BAD_AMOUNT', column: 'debitVnd', value: 'mười nghìn' },
      { row: 10, code: 'BAD_AMOUNT', column: 'amountVnd', value: '0' },
    ])
  })

  it('UNTERMINATED_QUOTE: a quote left open would swallow the lines after it', () => {
    const text = [
      'Ngày giao dịch,Số tham chiếu,Ghi có,Nội dung',
      `01/12/2024,Q1,50000,"${REF_1} le phi`,
      `01/12/2024,Q2,60000,${REF_2}`,
    ].join('\n')
    expect(expectErrors(parseBankStatementCsv(text))).toEqual([{ row: 2, code: 'UNTERMINATED_QUOTE' }])
  })

  it(`TOO_MANY_LINES: more than ${STATEMENT_MAX_LINES} rows`, () => {
    const row = (n: number) => `01/12/2024;T${n};;10.000;CK ${REF_1}`
    const rows = (count: number) => [header.join(';'), ...Array.from({ length: count }, (_, n) => row(n))].join('\n')
    expect(expectOk(parseBankStatementCsv(rows(STATEMENT_MAX_LINES))).lines).toHaveLength(STATEMENT_MAX_LINES)
    expect(expectErrors(parseBankStatementCsv(rows(STATEMENT_MAX_LINES + 1)))).toEqual([{ row: null, code: 'TOO_MANY_LINES' }])
  })

  it('reads back any statement, whatever delimiter, amount and date format the bank used', () => {
    const arbLine = fc.record({
      bankTxnId: fc.stringMatching(/^[A-Z0-9][A-Z0-9.-]{0,14}$/),
      amountVnd: fc.integer({ min: 1, max: 10 ** 12 }),
      minute: fc.integer({ min: 0, max: 60 * 24 * 365 * 30 }),
      description: fc.string({ maxLength: 60 }),
    })
    fc.assert(
      fc.property(
        fc.array(arbLine, { minLength: 1, maxLength: 20 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('.', ',', ' '),
        fc.constantFrom('vn', 'iso'),
        fc.boolean(),
        (generated, delimiter, group, dateStyle, preamble) => {
          const lines = generated.map((line, index) => ({
            ...line,
            bookedAt: new Date(Date.UTC(2000, 0, 1) + line.minute * 60_000),
            // The parser trims cells; a description that is blank would make its row look blank.
            description: `${line.description.trim()} ${REF_1}`.trim(),
            row: index + (preamble ? 3 : 2),
          }))
          const writeDate = (date: Date) => {
            const local = new Date(date.getTime() + 7 * 3_600_000).toISOString()
            const [y, mo, d, h, mi] = [local.slice(0, 4), local.slice(5, 7), local.slice(8, 10), local.slice(11, 13), local.slice(14, 16)]
            return dateStyle === 'vn' ? `${d}/${mo}/${y} ${h}:${mi}` : `${y}-${mo}-${d}T${h}:${mi}:00`
          }
          const writeAmount = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, group)
          const rows = [
            ...(preamble ? [['Ngân hàng TMCP, sao kê']] : []),
            ['Ngày giao dịch', 'Số tham chiếu', 'Ghi nợ', 'Ghi có', 'Nội dung'],
            ...lines.map((line) => [writeDate(line.bookedAt), line.bankTxnId, '', writeAmount(line.amountVnd), line.description]),
          ]
          const result = expectOk(parseBankStatementCsv(csv(rows, delimiter)))
          const expected = lines.map(({ row, bankTxnId, bookedAt, amountVnd, description }) => ({
            row,
            bankTxnId,
            bookedAt,
            amountVnd,
            description,
          }))
          expect(result.lines).toEqual(expected)
        },
      ),
      { numRuns: 200 },
    )
  })
})

// ---------------------------------------------------------------------------------------------------------

let txn = 0
function line(description: string, amountVnd: number, bankTxnId = `FT${++txn}`): ParsedStatementLine {
  return { row: txn + 1, bankTxnId, bookedAt: vn('2024-12-01T09:00:00'), amountVnd, description }
}

function payment(reference: string, overrides: Partial<StatementPayment> = {}): StatementPayment {
  return { paymentId: `pay-${reference.slice(-6)}`, reference, amountVnd: 50_000, status: 'PENDING', method: 'VIETQR', ...overrides }
}

function classify(lines: ParsedStatementLine[], payments: StatementPayment[], knownTxnIds: string[] = []) {
  return classifyStatementLines({
    lines,
    knownTxnIds: new Set(knownTxnIds),
    payments: new Map(payments.map((p) => [p.reference, p])),
  })
}

const verdict = (classified: ClassifiedLine[]) => classified.map(({ status, reason, paymentId }) => [status, reason, paymentId])

describe('classifyStatementLines', () => {
  const p1 = payment(REF_1)

  it('MATCHED: a transfer of the amount due for a pending VietQR payment, reference anywhere in the text', () => {
    const classified = classify([line(`MBVCB.5823146120.${REF_1}.CT tu 0123456789 NGUYEN VAN AN`, 50_000)], [p1])
    expect(classified).toEqual([
      {
        line: expect.objectContaining({ amountVnd: 50_000 }),
        status: 'MATCHED',
        paymentId: p1.paymentId,
        reason: 'EXACT',
        reference: REF_1,
      },
    ])
  })

  it('matches a FAILED or EXPIRED VietQR payment too: the money arrived anyway', () => {
    for (const status of ['FAILED', 'EXPIRED'] as const) {
      expect(verdict(classify([line(REF_1, 50_000)], [payment(REF_1, { status })]))).toEqual([['MATCHED', 'EXACT', p1.paymentId]])
    }
  })

  it('DUPLICATE: a transfer for a dossier already paid in full another way, never applied', () => {
    const abandoned = payment(REF_1, { status: 'EXPIRED', dossierId: 'dossier-1', dossierOutstandingVnd: 0 })
    expect(verdict(classify([line(REF_1, 50_000)], [abandoned]))).toEqual([['DUPLICATE', 'DOSSIER_ALREADY_PAID', p1.paymentId]])
  })

  it("counts what a dossier still owes as the file's lines are applied: a second payment of the same dossier is money received twice", () => {
    const first = payment(REF_1, { dossierId: 'dossier-1', dossierOutstandingVnd: 50_000 })
    const second = payment(REF_2, { dossierId: 'dossier-1', dossierOutstandingVnd: 50_000 })
    expect(verdict(classify([line(REF_1, 50_000), line(REF_2, 50_000)], [first, second]))).toEqual([
      ['MATCHED', 'EXACT', first.paymentId],
      ['DUPLICATE', 'DOSSIER_ALREADY_PAID', second.paymentId],
    ])
    // Owing less than the payment's amount (a partial refund since): the exact transfer would overpay.
    expect(verdict(classify([line(REF_1, 50_000)], [payment(REF_1, { dossierId: 'dossier-1', dossierOutstandingVnd: 20_000 })]))).toEqual([['EXCESS', 'MORE_THAN_DUE', first.paymentId]])
  })

  it('PARTIAL and EXCESS: less or more than due', () => {
    expect(verdict(classify([line(REF_1, 20_000)], [p1]))).toEqual([['PARTIAL', 'LESS_THAN_DUE', p1.paymentId]])
    expect(verdict(classify([line(REF_1, 60_000)], [p1]))).toEqual([['EXCESS', 'MORE_THAN_DUE', p1.paymentId]])
  })

  it('UNMATCHED: no reference, a typo, two references, or a reference of no payment here', () => {
    const typo = REF_1.slice(0, 10) + ((Number(REF_1[10]) + 1) % 10) + REF_1.slice(11)
    const classified = classify(
      [line('CHUYEN TIEN LE PHI', 50_000), line(`CK ${typo}`, 50_000), line(`${REF_1} ${REF_2}`, 50_000), line(REF_3, 50_000)],
      [p1, payment(REF_2)],
    )
    expect(classified.map(({ status, reason, paymentId, reference }) => [status, reason, paymentId, reference])).toEqual([
      ['UNMATCHED', 'NO_REFERENCE', null, null],
      ['UNMATCHED', 'INVALID_CHECK_DIGITS', null, null],
      ['UNMATCHED', 'AMBIGUOUS_REFERENCE', null, null],
      ['UNMATCHED', 'UNKNOWN_REFERENCE', null, REF_3],
    ])
  })

  it('UNMATCHED: a transfer naming a pending gateway or cash payment', () => {
    for (const method of ['GATEWAY', 'CASH'] as const) {
      expect(verdict(classify([line(REF_1, 50_000)], [payment(REF_1, { method })]))).toEqual([
        ['UNMATCHED', 'PAYMENT_NOT_VIETQR', p1.paymentId],
      ])
    }
  })

  it('DUPLICATE: a bank transaction imported before or repeated in the file, even with a good reference', () => {
    const lines = [
      line(REF_1, 50_000, 'OLD-1'),
      line(REF_1, 50_000, 'NEW-1'),
      line(REF_1, 50_000, 'NEW-1'),
      line('no ref', 5, 'NEW-2'),
      line('no ref', 5, 'NEW-2'),
    ]
    const classified = classify(lines, [p1], ['OLD-1'])
    expect(verdict(classified)).toEqual([
      ['DUPLICATE', 'TXN_ALREADY_IMPORTED', p1.paymentId],
      ['MATCHED', 'EXACT', p1.paymentId],
      ['DUPLICATE', 'TXN_REPEATED_IN_FILE', p1.paymentId],
      ['UNMATCHED', 'NO_REFERENCE', null],
      ['DUPLICATE', 'TXN_REPEATED_IN_FILE', null],
    ])
  })

  it('DUPLICATE: money for a payment already PAID or REFUNDED, whatever its method', () => {
    const payments = [
      payment(REF_1, { status: 'PAID' }),
      payment(REF_2, { status: 'REFUNDED' }),
      payment(REF_3, { status: 'PAID', method: 'CASH' }),
    ]
    expect(verdict(classify([line(REF_1, 50_000), line(REF_2, 10_000), line(REF_3, 50_000)], payments))).toEqual([
      ['DUPLICATE', 'PAYMENT_ALREADY_PAID', payments[0]!.paymentId],
      ['DUPLICATE', 'PAYMENT_ALREADY_PAID', payments[1]!.paymentId],
      ['DUPLICATE', 'PAYMENT_ALREADY_PAID', payments[2]!.paymentId],
    ])
  })

  it('DUPLICATE: any transfer after an earlier line of the file paid the payment', () => {
    expect(verdict(classify([line(REF_1, 50_000), line(REF_1, 50_000), line(REF_1, 10_000), line(REF_1, 90_000)], [p1]))).toEqual([
      ['MATCHED', 'EXACT', p1.paymentId],
      ['DUPLICATE', 'PAID_BY_EARLIER_LINE', p1.paymentId],
      ['DUPLICATE', 'PAID_BY_EARLIER_LINE', p1.paymentId],
      ['DUPLICATE', 'PAID_BY_EARLIER_LINE', p1.paymentId],
    ])
  })

  it('leaves two partial transfers that add up to the amount PARTIAL, and still matches an exact one after them', () => {
    expect(verdict(classify([line(REF_1, 20_000), line(REF_1, 30_000), line(REF_1, 50_000)], [p1]))).toEqual([
      ['PARTIAL', 'LESS_THAN_DUE', p1.paymentId],
      ['PARTIAL', 'LESS_THAN_DUE', p1.paymentId],
      ['MATCHED', 'EXACT', p1.paymentId],
    ])
  })

  it('acceptance: a statement with duplicates and partial payments produces the right exceptions', () => {
    const refs = Array.from({ length: 6 }, (_, n) =>
      buildPaymentReference({ dossierCode: `16681-011224-${String(n + 1).padStart(4, '0')}`, paymentSequence: 1 }),
    )
    const [a, b, c, d, e, f] = refs as [string, string, string, string, string, string]
    const text = csv(
      [
        ['NGAN HANG TMCP NGOAI THUONG VIET NAM'],
        ['Số tài khoản: 0011001932418'],
        ['Ngày giao dịch', 'Số tham chiếu', 'Số tiền ghi nợ', 'Số tiền ghi có', 'Mô tả'],
        ['02/12/2024 08:01:00', 'FT001', '', '50.000', `MBVCB.111.${a}.CT tu 0123 NGUYEN VAN A`],
        ['02/12/2024 08:05:00', 'FT002', '', '20.000', `${b} chuyen truoc mot phan`],
        ['02/12/2024 08:06:00', 'FT003', '', '30.000', `${b} chuyen not`],
        ['02/12/2024 08:10:00', 'FT001', '', '50.000', `MBVCB.111.${a}.CT tu 0123 NGUYEN VAN A`],
        ['02/12/2024 09:00:00', 'FT004', '', '50.000', `${a} bam chuyen hai lan`],
        ['02/12/2024 09:30:00', 'FT005', '', '100.000', `${c} le phi`],
        ['02/12/2024 10:00:00', 'FT006', '', '50.000', `${d} le phi`],
        ['02/12/2024 10:30:00', 'FT000', '', '50.000', `${e} le phi`],
        ['02/12/2024 11:00:00', 'FT007', '', '50.000', 'UNG HO QUY VI NGUOI NGHEO'],
        ['02/12/2024 11:30:00', 'FT008', '', '50.000', `${f} qua han van chuyen`],
        ['02/12/2024 12:00:00', 'FT009', '30.000', '', 'Phi quan ly tai khoan'],
      ],
      ';',
    )
    const parsed = expectOk(parseBankStatementCsv(text))
    expect(parsed.skippedDebits).toBe(1)
    const payments = [
      payment(a, { paymentId: 'A' }),
      payment(b, { paymentId: 'B' }),
      payment(c, { paymentId: 'C' }),
      payment(d, { paymentId: 'D', status: 'PAID' }),
      payment(e, { paymentId: 'E' }),
      payment(f, { paymentId: 'F', status: 'EXPIRED' }),
    ]
    const classified = classify(parsed.lines, payments, ['FT000'])
    const table = classified.map(({ line: { row, bankTxnId }, status, reason, paymentId }) => [row, bankTxnId, status, reason, paymentId])
    expect(table).toEqual([
      [4, 'FT001', 'MATCHED', 'EXACT', 'A'],
      [5, 'FT002', 'PARTIAL', 'LESS_THAN_DUE', 'B'],
      [6, 'FT003', 'PARTIAL', 'LESS_THAN_DUE', 'B'],
      [7, 'FT001', 'DUPLICATE', 'TXN_REPEATED_IN_FILE', 'A'],
      [8, 'FT004', 'DUPLICATE', 'PAID_BY_EARLIER_LINE', 'A'],
      [9, 'FT005', 'EXCESS', 'MORE_THAN_DUE', 'C'],
      [10, 'FT006', 'DUPLICATE', 'PAYMENT_ALREADY_PAID', 'D'],
      [11, 'FT000', 'DUPLICATE', 'TXN_ALREADY_IMPORTED', 'E'],
      [12, 'FT007', 'UNMATCHED', 'NO_REFERENCE', null],
      [13, 'FT008', 'MATCHED', 'EXACT', 'F'],
    ])
    expect(summariseStatement(classified)).toEqual({
      total: { count: 10, amountVnd: 500_000 },
      byStatus: {
        MATCHED: { count: 2, amountVnd: 100_000 },
        PARTIAL: { count: 2, amountVnd: 50_000 },
        EXCESS: { count: 1, amountVnd: 100_000 },
        DUPLICATE: { count: 4, amountVnd: 200_000 },
        UNMATCHED: { count: 1, amountVnd: 50_000 },
      },
    })
  })

  it('never matches what it must not, nor a payment twice', () => {
    const arbReference = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 2 }))
      .map(([dossier, sequence]) => buildPaymentReference({ dossierCode: `16681-011224-000${dossier}`, paymentSequence: sequence }))
    const arbPayment = fc.record({
      reference: arbReference,
      amountVnd: fc.constantFrom(10_000, 20_000, 50_000),
      status: fc.constantFrom('PENDING', 'PAID', 'FAILED', 'EXPIRED', 'REFUNDED'),
      method: fc.constantFrom('VIETQR', 'GATEWAY', 'CASH'),
    })
    const arbLine = fc.record({
      bankTxnId: fc.constantFrom('T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8'),
      amountVnd: fc.constantFrom(10_000, 20_000, 30_000, 50_000),
      description: fc.oneof(arbReference.map((reference) => `CK ${reference} le phi`), fc.constant('no reference')),
    })
    const arbPayments = fc.array(arbPayment, { maxLength: 8 })
    const arbLines = fc.array(arbLine, { maxLength: 15 })
    fc.assert(
      fc.property(arbPayments, arbLines, fc.subarray(['T1', 'T2', 'T3']), (paymentList, lineList, known) => {
        const payments = new Map<string, StatementPayment>(paymentList.map((p) => [p.reference, { ...p, paymentId: `id-${p.reference}` }]))
        const lines = lineList.map((l, index) => ({ ...l, row: index + 2, bookedAt: new Date(0) }))
        const classified = classifyStatementLines({ lines, knownTxnIds: new Set(known), payments })
        expect(classified.map((c) => c.line)).toEqual(lines)

        const matchedPayments = new Set<string>()
        const txnIds = new Set<string>(known)
        for (const c of classified) {
          const fresh = !txnIds.has(c.line.bankTxnId)
          txnIds.add(c.line.bankTxnId)
          const named = [...payments.values()].find((p) => c.line.description.includes(p.reference))
          const payable =
            fresh &&
            named !== undefined &&
            named.method === 'VIETQR' &&
            ['PENDING', 'FAILED', 'EXPIRED'].includes(named.status) &&
            named.amountVnd === c.line.amountVnd &&
            !matchedPayments.has(named.paymentId)
          // Matched exactly when the line is fresh money of the amount due for an open, unmatched VietQR payment.
          expect(c.status === 'MATCHED').toBe(payable)
          if (c.status === 'MATCHED') {
            expect(c.paymentId).toBe(named!.paymentId)
            matchedPayments.add(named!.paymentId)
          }
        }
        const summary = summariseStatement(classified)
        expect(summary.total.count).toBe(lines.length)
        expect(Object.values(summary.byStatus).reduce((sum, s) => sum + s.amountVnd, 0)).toBe(summary.total.amountVnd)
      }),
      { numRuns: 300 },
    )
  })
})

describe('summariseStatement', () => {
  it('counts nothing for nothing', () => {
    const zero = { count: 0, amountVnd: 0 }
    expect(summariseStatement([])).toEqual({
      total: zero,
      byStatus: { MATCHED: zero, PARTIAL: zero, EXCESS: zero, DUPLICATE: zero, UNMATCHED: zero },
    })
  })
})
