'use server'

import { revalidatePath } from 'next/cache'
import { IMPORT_RESULT_MAX_ROWS, type StatementImportState } from '@/components/staff-payments/statement-import-state'
import { isAppError } from '@/domain/errors'
import { decodePaymentReference } from '@/domain/payments/payment-reference'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { runAction, type ActionResult } from '@/server/http/action-result'
import { getRequestMeta } from '@/server/http/request-meta'
import { importBankStatement, STATEMENT_MAX_BYTES } from '@/server/payments/import-statement'
import { resolveStatementLine, applyStatementLine } from '@/server/payments/statement-lines'

const PAGE = '/can-bo/thanh-toan'

// Server action: one bank statement (multipart upload) imported for the commune named in the form; the use-case
// checks the actor handles that commune's payments and imports the file in one transaction, or refuses it whole.
export async function importStatementAction(_previous: StatementImportState, form: FormData): Promise<StatementImportState> {
  const file = form.get('file')
  if (!(file instanceof File) || file.size === 0 || file.name === '') return { status: 'error', code: 'FILE_REQUIRED' }
  if (file.size > STATEMENT_MAX_BYTES) return { status: 'error', code: 'TOO_LARGE' }
  try {
    const result = await importBankStatement(db(), {
      actor: await requireActor(),
      communeId: form.get('communeId'),
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      meta: await getRequestMeta(),
    })
    if (!result.ok) return { status: 'refused', fileName: file.name, errors: result.errors.slice(0, IMPORT_RESULT_MAX_ROWS), errorCount: result.errors.length }
    revalidatePath(PAGE)
    return {
      status: 'imported',
      fileName: file.name,
      summary: result.summary,
      lineCount: result.lines.length,
      lines: result.lines.slice(0, IMPORT_RESULT_MAX_ROWS).map(({ line, status, reason, reference }) => ({
        row: line.row,
        bankTxnId: line.bankTxnId,
        bookedAt: line.bookedAt.toISOString(),
        amountVnd: line.amountVnd,
        description: line.description.slice(0, 300),
        status,
        reason,
        reference,
        dossierCode: reference ? (decodePaymentReference(reference)?.dossierCode ?? null) : null,
      })),
    }
  } catch (error) {
    if (isAppError(error)) {
      const fileError = error.fieldErrors?.file?.[0]
      if (fileError === 'TOO_LARGE' || fileError === 'NOT_UTF8') return { status: 'error', code: fileError }
      if (error.code === 'ALREADY_EXISTS' || error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND') return { status: 'error', code: error.code }
    }
    console.error(error)
    return { status: 'error', code: 'INTERNAL' }
  }
}

// Server action: a reconciliation exception closed with a note of what was done (audited by the use-case).
export async function resolveStatementLineAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const input = { lineId: form.get('lineId') ?? '', note: form.get('note') ?? '' }
  const apply = form.get('apply') === '1'
  const result = await runAction(async () => {
    const actor = await requireActor()
    const meta = await getRequestMeta()
    // "Apply" credits a partial or excess transfer to its dossier; otherwise the line is closed with the note.
    return apply ? applyStatementLine(db(), { actor, input, meta }) : resolveStatementLine(db(), { actor, input, meta })
  })
  if (result.ok) revalidatePath(PAGE)
  return result
}
