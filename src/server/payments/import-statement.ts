import 'server-only'
import { createHash } from 'node:crypto'
import { Prisma, type PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import {
  classifyStatementLines,
  parseBankStatementCsv,
  summariseStatement,
  type ClassifiedLine,
  type StatementParseError,
  type StatementPayment,
  type StatementSummary,
} from '@/domain/payments/bank-statement'
import { parsePaymentReference } from '@/domain/payments/payment-reference'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import { creditPayment, lockPayment, type LockedPayment } from './payments.repo'
import { requirePaymentStaff } from './payment-staff'

/** A statement of a busy commune's month is well under this; anything larger is not a statement export. */
export const STATEMENT_MAX_BYTES = 5 * 1024 * 1024

/**
 * How long the import's one transaction may run: crediting a matched line (payment, dossier, receipt, audit and
 * the dashboard aggregates' triggers) takes ~9–12 ms on the 2-core benchmark machine (bench/payments.mts: 5 000
 * lines, 4 000 matched, 45 s), so a fixed minute would cut a large file short. 60 ms a line leaves room for a busy
 * server; a file at the line limit gets the 10-minute ceiling.
 */
export function statementImportTimeoutMs(lineCount: number): number {
  return Math.min(600_000, 60_000 + 60 * lineCount)
}

export type StatementImportResult =
  | { ok: true; importId: string; summary: StatementSummary; lines: ClassifiedLine[] }
  | { ok: false; errors: StatementParseError[] }

/**
 * Commune staff import their collection account's statement (CSV). The file is read whole before anything is
 * stored; a file with any bad row is refused with every row's error and nothing is written. A file already
 * imported (same bytes) is ALREADY_EXISTS. Otherwise, in ONE transaction, with imports of one commune taking
 * turns (advisory lock): the lines are classified (domain/payments/bank-statement.ts) against the commune's own
 * payments (locked) and the transaction ids already imported; the import and every line are stored with their
 * classification; exact matches credit their payment (PAID, the dossier's paid total, audit); partial, excess,
 * duplicate and unmatched lines stay open exceptions for a human. Audited with the summary.
 */
export async function importBankStatement(
  client: PrismaClient,
  input: { actor: Actor; communeId: unknown; fileName: string; bytes: Uint8Array; meta?: RequestMeta | null; now?: Date },
): Promise<StatementImportResult> {
  const communeId = requirePaymentStaff(input.actor, input.communeId)
  const now = input.now ?? new Date()
  if (input.bytes.byteLength === 0) return { ok: false, errors: [{ row: null, code: 'EMPTY' }] }
  if (input.bytes.byteLength > STATEMENT_MAX_BYTES) throw new AppError('INVALID_INPUT', 'statement too large', { file: ['TOO_LARGE'] })
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes)
  } catch {
    throw new AppError('INVALID_INPUT', 'statement is not UTF-8 text', { file: ['NOT_UTF8'] })
  }
  const parsed = parseBankStatementCsv(text)
  if (!parsed.ok) return { ok: false, errors: parsed.errors }
  const sha256 = createHash('sha256').update(input.bytes).digest('hex')
  const fileName = input.fileName.replace(/[\u0000-\u001f]/g, '').slice(0, 200) || 'sao-ke.csv'

  try {
    return await client.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`statement-import:${communeId}`}))`
        const earlier = await tx.bankStatementImport.findUnique({ where: { communeId_sha256: { communeId, sha256 } }, select: { id: true } })
        if (earlier) throw new AppError('ALREADY_EXISTS', 'this statement was already imported')

        const txnIds = [...new Set(parsed.lines.map((line) => line.bankTxnId))]
        const known = await tx.bankStatementLine.findMany({ where: { communeId, bankTxnId: { in: txnIds } }, select: { bankTxnId: true }, distinct: ['bankTxnId'] })
        const references = new Set<string>()
        for (const line of parsed.lines) {
          const found = parsePaymentReference(line.description)
          if (found.status === 'FOUND') references.add(found.payment.reference)
        }
        // This commune's payments only (another commune's rows are never locked), their dossiers locked first and
        // in id order, then the payments: the order every money path uses (payments.repo), so no deadlock.
        const named = await tx.payment.findMany({ where: { communeId, reference: { in: [...references] } }, select: { reference: true, dossierId: true } })
        const dossierIds = [...new Set(named.map((payment) => payment.dossierId))].sort()
        if (dossierIds.length > 0) await tx.$queryRaw`SELECT id FROM "Dossier" WHERE id = ANY(${dossierIds}::uuid[]) ORDER BY id FOR UPDATE`
        const locked = new Map<string, LockedPayment>()
        for (const { reference } of [...named].sort((a, b) => (a.reference < b.reference ? -1 : 1))) {
          const payment = await lockPayment(tx, { reference })
          if (payment) locked.set(reference, payment)
        }
        const payments = new Map<string, StatementPayment>([...locked].map(([reference, payment]) => [reference, { paymentId: payment.id, reference, amountVnd: payment.amountVnd, status: payment.status, method: payment.method, dossierId: payment.dossierId, dossierOutstandingVnd: Math.max(0, payment.dossierFeeVnd - payment.dossierPaidVnd) }]))
        const classified = classifyStatementLines({ lines: parsed.lines, knownTxnIds: new Set(known.map((row) => row.bankTxnId)), payments })

        const statement = await tx.bankStatementImport.create({ data: { communeId, fileName, sha256, importedById: input.actor.userId, importedAt: now }, select: { id: true } })
        await tx.bankStatementLine.createMany({
          data: classified.map((entry) => ({
            importId: statement.id,
            communeId,
            bankTxnId: entry.line.bankTxnId,
            amountVnd: entry.line.amountVnd,
            description: entry.line.description.slice(0, 1000),
            bookedAt: entry.line.bookedAt,
            status: entry.status,
            reason: entry.reason,
            paymentId: entry.paymentId,
          })),
        })
        const byId = new Map([...locked.values()].map((payment) => [payment.id, payment]))
        for (const entry of classified) {
          if (entry.status !== 'MATCHED' || !entry.paymentId) continue
          const payment = byId.get(entry.paymentId)!
          await creditPayment(tx, payment, { providerRef: entry.line.bankTxnId, paidAt: entry.line.bookedAt, via: 'statement', actor: input.actor, meta: input.meta, detail: { importId: statement.id } })
        }
        const summary = summariseStatement(classified)
        await writeAudit(tx, {
          actor: input.actor,
          action: 'statement.import',
          entityType: 'BankStatementImport',
          entityId: statement.id,
          communeId,
          data: { fileName, sha256, lines: classified.length, skippedDebits: parsed.skippedDebits, summary: summary as unknown as Prisma.InputJsonObject },
          meta: input.meta ?? null,
        })
        return { ok: true as const, importId: statement.id, summary, lines: classified }
      },
      { timeout: statementImportTimeoutMs(parsed.lines.length) },
    )
  } catch (error) {
    // The same file imported from two tabs at once: the unique (commune, sha256) refuses the second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new AppError('ALREADY_EXISTS', 'this statement was already imported')
    throw error
  }
}
