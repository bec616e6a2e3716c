import type { StatementLineStatus, StatementParseError, StatementReason, StatementSummary } from '@/domain/payments/bank-statement'

/** At most this many lines or errors travel back to the form; the rest are counted (the page lists every exception). */
export const IMPORT_RESULT_MAX_ROWS = 200

export type ImportedLine = {
  row: number
  bankTxnId: string
  /** ISO instant. */
  bookedAt: string
  amountVnd: number
  description: string
  status: StatementLineStatus
  reason: StatementReason
  reference: string | null
  dossierCode: string | null
}

/** What the statement import form shows after a submission (shared by the server action and the form). */
export type StatementImportState =
  | { status: 'idle' }
  | { status: 'imported'; fileName: string; summary: StatementSummary; lines: ImportedLine[]; lineCount: number }
  | { status: 'refused'; fileName: string; errors: StatementParseError[]; errorCount: number }
  | { status: 'error'; code: 'FILE_REQUIRED' | 'TOO_LARGE' | 'NOT_UTF8' | 'ALREADY_EXISTS' | 'FORBIDDEN' | 'NOT_FOUND' | 'INTERNAL' }

export const INITIAL_IMPORT_STATE: StatementImportState = { status: 'idle' }
