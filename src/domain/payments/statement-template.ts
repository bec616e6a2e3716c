import { STATEMENT_COLUMN_ALIASES, type StatementColumn } from './bank-statement'

/**
 * The sample statement staff can download and fill in (or compare with their bank's export): the columns the
 * import reads (bank-statement.ts), with two credit lines carrying payment references and one debit line
 * (skipped on import). The references are examples with valid check digits of dossiers of no commune (code 00000), so
 * importing the sample as is lists its lines as unmatched and credits nothing.
 */
export const STATEMENT_TEMPLATE_COLUMNS: readonly { column: StatementColumn; required: boolean }[] = [
  { column: 'bankTxnId', required: true },
  { column: 'bookedAt', required: true },
  { column: 'amountVnd', required: true },
  { column: 'debitVnd', required: false },
  { column: 'description', required: true },
]

/** The header text of each column in the sample: the most specific name the import knows. */
export function templateHeader(column: StatementColumn): string {
  return STATEMENT_COLUMN_ALIASES[column][0]!
}

/** Other names the import accepts for a column (the bank's own export may use any of them). */
export function acceptedHeaders(column: StatementColumn): readonly string[] {
  return STATEMENT_COLUMN_ALIASES[column]
}

const SAMPLE_ROWS: readonly (readonly string[])[] = [
  ['FT26328001234', '24/11/2026 09:15', '10.000', '', 'MC00000261124000010186 Nguyen Van An nop le phi'],
  ['FT26328005678', '24/11/2026 14:02:30', '50.000', '', 'MC00000261124000020177 chung thuc'],
  ['FT26328009999', '24/11/2026 16:40', '', '22.000', 'Phi quan ly tai khoan'],
]

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The sample as CSV: UTF-8 with a byte-order mark (Excel reads Vietnamese), comma-separated, CRLF lines. */
export function statementTemplateCsv(): string {
  const header = STATEMENT_TEMPLATE_COLUMNS.map(({ column }) => templateHeader(column))
  return '\uFEFF' + [header, ...SAMPLE_ROWS].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
