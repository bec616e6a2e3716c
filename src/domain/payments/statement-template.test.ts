import { describe, expect, it } from 'vitest'
import { classifyStatementLines, parseBankStatementCsv } from './bank-statement'
import { decodePaymentReference } from './payment-reference'
import { STATEMENT_TEMPLATE_COLUMNS, statementTemplateCsv, templateHeader } from './statement-template'

describe('the sample statement', () => {
  it('is a file the import reads: two credit lines, the debit skipped', () => {
    const parsed = parseBankStatementCsv(statementTemplateCsv())
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(parsed.skippedDebits).toBe(1)
    expect(parsed.lines.map((line) => [line.bankTxnId, line.amountVnd, line.bookedAt.toISOString()])).toEqual([
      ['FT26328001234', 10_000, '2026-11-24T02:15:00.000Z'],
      ['FT26328005678', 50_000, '2026-11-24T07:02:30.000Z'],
    ])
  })

  it('carries valid references of no real commune, so importing it as is credits nothing', () => {
    const parsed = parseBankStatementCsv(statementTemplateCsv())
    if (!parsed.ok) throw new Error('unreachable')
    for (const line of parsed.lines) {
      const reference = /MC\d{20}/.exec(line.description)?.[0] ?? ''
      expect(decodePaymentReference(reference)?.dossierCode).toMatch(/^00000-/)
    }
    const classified = classifyStatementLines({ lines: parsed.lines, knownTxnIds: new Set(), payments: new Map() })
    expect(classified.map((entry) => entry.reason)).toEqual(['UNKNOWN_REFERENCE', 'UNKNOWN_REFERENCE'])
  })

  it('names its columns as the import knows them, the debit column optional', () => {
    expect(statementTemplateCsv().startsWith('\uFEFFSố tham chiếu,Ngày giao dịch,Số tiền ghi có,Số tiền ghi nợ,Nội dung\r\n')).toBe(true)
    expect(STATEMENT_TEMPLATE_COLUMNS.filter((entry) => !entry.required).map((entry) => templateHeader(entry.column))).toEqual(['Số tiền ghi nợ'])
  })
})
