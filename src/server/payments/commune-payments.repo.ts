import 'server-only'
import { z } from 'zod'
import { Prisma, type PrismaClient } from '@/generated/prisma/client'
import { PAYMENT_DUE_STATES, type FeeMoment } from '@/domain/fees/payment-due'
import type { StatementLineStatus } from '@/domain/payments/bank-statement'
import type { CollectedRow, PaymentMethod, RefundedRow } from '@/domain/payments/payments-report'

/**
 * The reads of a commune's payments workspace, each scoped to one commune (the caller checked the actor may
 * read it) and bounded: aggregates over a period through the (communeId, paidAt) and (communeId, createdAt)
 * indexes, keyset pages of at most a few hundred rows, the last few statement imports.
 */
type Client = Pick<PrismaClient, '$queryRaw'>

/** Vietnam's calendar day of a UTC timestamp column (Prisma stores `timestamp` in UTC), as 'yyyy-MM-dd'. */
const localDay = (column: Prisma.Sql) => Prisma.sql`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`

export type Range = { communeId: string; from: Date; to: Date }

/** Payments paid in [from, to), by Vietnam day and method. */
export async function sumCollectedByDay(client: Client, { communeId, from, to }: Range): Promise<CollectedRow[]> {
  const rows = await client.$queryRaw<{ day: string; method: PaymentMethod; count: number; amountVnd: bigint }[]>`
    SELECT ${localDay(Prisma.sql`p."paidAt"`)} AS day, p.method::text AS method, count(*)::int AS count, sum(p."amountVnd")::bigint AS "amountVnd"
    FROM "Payment" p
    WHERE p."communeId" = ${communeId}::uuid AND p."paidAt" >= ${from} AND p."paidAt" < ${to}
    GROUP BY 1, 2`
  return rows.map((row) => ({ ...row, amountVnd: Number(row.amountVnd) }))
}

/** Refunds recorded in [from, to), by Vietnam day and the method of the payment refunded. */
export async function sumRefundedByDay(client: Client, { communeId, from, to }: Range): Promise<RefundedRow[]> {
  const rows = await client.$queryRaw<{ day: string; method: PaymentMethod; count: number; amountVnd: bigint }[]>`
    SELECT ${localDay(Prisma.sql`r."createdAt"`)} AS day, p.method::text AS method, count(*)::int AS count, sum(r."amountVnd")::bigint AS "amountVnd"
    FROM "PaymentRefund" r JOIN "Payment" p ON p.id = r."paymentId"
    WHERE r."communeId" = ${communeId}::uuid AND r."createdAt" >= ${from} AND r."createdAt" < ${to}
    GROUP BY 1, 2`
  return rows.map((row) => ({ ...row, amountVnd: Number(row.amountVnd) }))
}

/** Payments waiting for money now (the caller expires overdue ones first). */
export async function sumPending(client: Client, communeId: string): Promise<{ count: number; amountVnd: number }> {
  const [row] = await client.$queryRaw<{ count: number; amountVnd: bigint | null }[]>`
    SELECT count(*)::int AS count, sum("amountVnd")::bigint AS "amountVnd"
    FROM "Payment" WHERE "communeId" = ${communeId}::uuid AND status = 'PENDING'`
  return { count: row?.count ?? 0, amountVnd: Number(row?.amountVnd ?? 0) }
}

// ---------------------------------------------------------------------------------------------------------
// Keyset cursors: (timestamp, id) after the last row of a page, base64url in the URL.

export type Cursor = { at: Date; id: string }
const ZCursor = z.tuple([z.iso.datetime(), z.uuid()])

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url')
}

/** A cursor from the URL; anything malformed means the first page. */
export function decodeCursor(raw: unknown): Cursor | null {
  if (typeof raw !== 'string' || raw.length > 200) return null
  try {
    const parsed = ZCursor.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')))
    return parsed.success ? { at: new Date(parsed.data[0]), id: parsed.data[1] } : null
  } catch {
    return null
  }
}

// ---------------------------------------------------------------------------------------------------------
// Outstanding: dossiers that owe part of their fee in a state where it is still asked.

const OWING_STATES = Prisma.join(PAYMENT_DUE_STATES.OPEN_OR_RETURNED.map((state) => Prisma.sql`${state}::"DossierState"`))
const owing = (communeId: string) => Prisma.sql`d."communeId" = ${communeId}::uuid AND d.state IN (${OWING_STATES}) AND d."feeVnd" > d."paidVnd"`

export type OutstandingRow = {
  id: string
  code: string
  applicantName: string
  procedureNameVi: string
  procedureNameEn: string
  state: string
  feeMoment: FeeMoment
  feeVnd: number
  paidVnd: number
  submittedAt: Date
}

/** Oldest submissions first (owing longest), `take` rows after the cursor. */
export async function findOutstandingPage(client: Client, { communeId, after, take }: { communeId: string; after: Cursor | null; take: number }): Promise<OutstandingRow[]> {
  return client.$queryRaw<OutstandingRow[]>`
    SELECT d.id::text AS id, d.code, d."applicantName", pv."nameVi" AS "procedureNameVi", pv."nameEn" AS "procedureNameEn",
      d.state::text AS state, pv."feeMoment"::text AS "feeMoment", d."feeVnd", d."paidVnd", d."submittedAt"
    FROM "Dossier" d JOIN "ProcedureVersion" pv ON pv.id = d."procedureVersionId"
    WHERE ${owing(communeId)} ${after ? Prisma.sql`AND (d."submittedAt", d.id) > (${after.at}, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY d."submittedAt", d.id
    LIMIT ${take}`
}

export async function sumOutstanding(client: Client, communeId: string): Promise<{ count: number; amountVnd: number }> {
  const [row] = await client.$queryRaw<{ count: number; amountVnd: bigint | null }[]>`
    SELECT count(*)::int AS count, sum(d."feeVnd" - d."paidVnd")::bigint AS "amountVnd" FROM "Dossier" d WHERE ${owing(communeId)}`
  return { count: row?.count ?? 0, amountVnd: Number(row?.amountVnd ?? 0) }
}

/**
 * Dossiers that received more than their fee (money for an abandoned payment arriving after the fee was paid
 * another way, a card approved after cash at the desk): the commune owes the payer a refund. Most recent first.
 */
export type OverpaidRow = { id: string; code: string; applicantName: string; feeVnd: number; paidVnd: number; submittedAt: Date }
export async function findOverpaid(client: Client, { communeId, take }: { communeId: string; take: number }): Promise<{ rows: OverpaidRow[]; count: number; amountVnd: number }> {
  const [rows, [total]] = await Promise.all([
    client.$queryRaw<OverpaidRow[]>`
      SELECT d.id::text AS id, d.code, d."applicantName", d."feeVnd", d."paidVnd", d."submittedAt"
      FROM "Dossier" d WHERE d."communeId" = ${communeId}::uuid AND d."paidVnd" > d."feeVnd"
      ORDER BY d."submittedAt" DESC, d.id LIMIT ${take}`,
    client.$queryRaw<{ count: number; amountVnd: bigint | null }[]>`
      SELECT count(*)::int AS count, sum(d."paidVnd" - d."feeVnd")::bigint AS "amountVnd"
      FROM "Dossier" d WHERE d."communeId" = ${communeId}::uuid AND d."paidVnd" > d."feeVnd"`,
  ])
  return { rows, count: total?.count ?? 0, amountVnd: Number(total?.amountVnd ?? 0) }
}

// ---------------------------------------------------------------------------------------------------------
// Reconciliation exceptions: statement lines not matched and not yet resolved.

const OPEN_EXCEPTION = (communeId: string) =>
  Prisma.sql`l."communeId" = ${communeId}::uuid AND l.status IN ('PARTIAL', 'EXCESS', 'DUPLICATE', 'UNMATCHED') AND l."resolvedAt" IS NULL`

export type ExceptionRow = {
  id: string
  bookedAt: Date
  bankTxnId: string
  amountVnd: number
  description: string
  status: Exclude<StatementLineStatus, 'MATCHED'>
  reason: string
  fileName: string
  paymentId: string | null
  paymentReference: string | null
  paymentAmountVnd: number | null
  paymentStatus: string | null
  dossierCode: string | null
}

/** Most recent bank date first. */
export async function findExceptionsPage(client: Client, { communeId, after, take }: { communeId: string; after: Cursor | null; take: number }): Promise<ExceptionRow[]> {
  return client.$queryRaw<ExceptionRow[]>`
    SELECT l.id::text AS id, l."bookedAt", l."bankTxnId", l."amountVnd", l.description, l.status::text AS status, l.reason, i."fileName",
      p.id::text AS "paymentId", p.reference AS "paymentReference", p."amountVnd" AS "paymentAmountVnd", p.status::text AS "paymentStatus", d.code AS "dossierCode"
    FROM "BankStatementLine" l
    JOIN "BankStatementImport" i ON i.id = l."importId"
    LEFT JOIN "Payment" p ON p.id = l."paymentId"
    LEFT JOIN "Dossier" d ON d.id = p."dossierId"
    WHERE ${OPEN_EXCEPTION(communeId)} ${after ? Prisma.sql`AND (l."bookedAt", l.id) < (${after.at}, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY l."bookedAt" DESC, l.id DESC
    LIMIT ${take}`
}

export async function countExceptions(client: Client, communeId: string): Promise<{ count: number; amountVnd: number }> {
  const [row] = await client.$queryRaw<{ count: number; amountVnd: bigint | null }[]>`
    SELECT count(*)::int AS count, sum(l."amountVnd")::bigint AS "amountVnd" FROM "BankStatementLine" l WHERE ${OPEN_EXCEPTION(communeId)}`
  return { count: row?.count ?? 0, amountVnd: Number(row?.amountVnd ?? 0) }
}

// ---------------------------------------------------------------------------------------------------------
// Statement imports

export type ImportRow = {
  id: string
  fileName: string
  importedAt: Date
  importedBy: string | null
  /** Lines and amounts by status, as classified at import. */
  byStatus: Record<StatementLineStatus, { count: number; amountVnd: number }>
  /** Exceptions of this import not resolved yet. */
  openExceptions: number
}

/** The commune's last `take` imports, newest first, with their lines counted by status. */
export async function findRecentImports(client: Client, { communeId, take }: { communeId: string; take: number }): Promise<ImportRow[]> {
  const rows = await client.$queryRaw<
    {
      id: string
      fileName: string
      importedAt: Date
      importedBy: string | null
      status: StatementLineStatus | null
      count: number
      amountVnd: bigint | null
      open: number
    }[]
  >`
    WITH i AS (
      SELECT id, "fileName", "importedAt", "importedById" FROM "BankStatementImport"
      WHERE "communeId" = ${communeId}::uuid ORDER BY "importedAt" DESC, id DESC LIMIT ${take}
    )
    SELECT i.id::text AS id, i."fileName", i."importedAt", u."fullName" AS "importedBy", l.status::text AS status,
      count(l.id)::int AS count, sum(l."amountVnd")::bigint AS "amountVnd",
      count(l.id) FILTER (WHERE l.status <> 'MATCHED' AND l."resolvedAt" IS NULL)::int AS open
    FROM i
    LEFT JOIN "User" u ON u.id = i."importedById"
    LEFT JOIN "BankStatementLine" l ON l."importId" = i.id
    GROUP BY i.id, i."fileName", i."importedAt", u."fullName", l.status
    ORDER BY i."importedAt" DESC, i.id DESC`
  const imports = new Map<string, ImportRow>()
  for (const row of rows) {
    let entry = imports.get(row.id)
    if (!entry) {
      const empty = () => ({ count: 0, amountVnd: 0 })
      entry = {
        id: row.id,
        fileName: row.fileName,
        importedAt: row.importedAt,
        importedBy: row.importedBy,
        byStatus: { MATCHED: empty(), PARTIAL: empty(), EXCESS: empty(), DUPLICATE: empty(), UNMATCHED: empty() },
        openExceptions: 0,
      }
      imports.set(row.id, entry)
    }
    if (row.status) entry.byStatus[row.status] = { count: row.count, amountVnd: Number(row.amountVnd ?? 0) }
    entry.openExceptions += row.open
  }
  return [...imports.values()]
}

// ---------------------------------------------------------------------------------------------------------
// Paid payments of a period, one row each (exports)

export type PaidPaymentRow = {
  id: string
  paidAt: Date
  dossierCode: string
  applicantName: string
  procedureNameVi: string
  method: PaymentMethod
  status: string
  amountVnd: number
  refundedVnd: number
  reference: string
  receiptNo: string | null
  providerRef: string | null
}

/** Payments paid in [from, to), in order of payment, `take` rows after the cursor. */
export async function findPaidPaymentsPage(client: Client, { communeId, from, to, after, take }: Range & { after: Cursor | null; take: number }): Promise<PaidPaymentRow[]> {
  return client.$queryRaw<PaidPaymentRow[]>`
    SELECT p.id::text AS id, p."paidAt", d.code AS "dossierCode", d."applicantName", pv."nameVi" AS "procedureNameVi",
      p.method::text AS method, p.status::text AS status, p."amountVnd", p."refundedVnd", p.reference, p."receiptNo", p."providerRef"
    FROM "Payment" p
    JOIN "Dossier" d ON d.id = p."dossierId"
    JOIN "ProcedureVersion" pv ON pv.id = d."procedureVersionId"
    WHERE p."communeId" = ${communeId}::uuid AND p."paidAt" >= ${from} AND p."paidAt" < ${to}
      ${after ? Prisma.sql`AND (p."paidAt", p.id) > (${after.at}, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY p."paidAt", p.id
    LIMIT ${take}`
}
