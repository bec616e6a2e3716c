import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { outstandingVnd, paymentDueReason } from '@/domain/fees/payment-due'
import { resolvePaymentPeriod, type PaymentPeriod, type PaymentPeriodError } from '@/domain/payments/payment-period'
import { buildPaymentsReport, type PaymentsReport } from '@/domain/payments/payments-report'
import {
  countExceptions,
  decodeCursor,
  encodeCursor,
  findExceptionsPage,
  findOutstandingPage,
  findOverpaid,
  findRecentImports,
  sumCollectedByDay,
  sumOutstanding,
  sumPending,
  sumRefundedByDay,
  type ExceptionRow,
  type ImportRow,
  type OutstandingRow,
  type OverpaidRow,
} from './commune-payments.repo'
import { resolvePaymentCommune, type PaymentCommune } from './payment-commune-scope'
import { expireOverduePayments } from './payments.repo'

export const OUTSTANDING_PAGE_SIZE = 50
export const EXCEPTIONS_PAGE_SIZE = 50
export const RECENT_IMPORTS = 10

/** The workspace's URL: the commune (5-digit code), the period (dd/MM/yyyy) and the two lists' cursors. */
export const CommunePaymentsQuerySchema = z.object({
  commune: z.string().max(40).optional().catch(undefined),
  from: z.string().max(20).optional().catch(undefined),
  to: z.string().max(20).optional().catch(undefined),
  outstandingAfter: z.string().max(200).optional().catch(undefined),
  exceptionsAfter: z.string().max(200).optional().catch(undefined),
})

export type OutstandingItem = OutstandingRow & { outstandingVnd: number; dueReason: ReturnType<typeof paymentDueReason> }

export type CommunePayments = {
  commune: PaymentCommune
  period: PaymentPeriod
  /** The dates as typed when they were refused (the report then shows the current month). */
  periodErrors: Partial<Record<'from' | 'to', PaymentPeriodError>>
  periodInput: { from: string; to: string }
  report: PaymentsReport
  pending: { count: number; amountVnd: number }
  outstanding: { count: number; amountVnd: number; rows: OutstandingItem[]; nextCursor: string | null; paged: boolean }
  /** Dossiers paid more than their fee, to refund (the first page, most recent first, and the totals). */
  overpaid: { count: number; amountVnd: number; rows: OverpaidRow[] }
  exceptions: { count: number; amountVnd: number; rows: ExceptionRow[]; nextCursor: string | null; paged: boolean }
  imports: ImportRow[]
}

/**
 * A commune's payments workspace for whoever may read it (payment-commune-scope.ts): the period's money in and
 * out by day and method, what is still owed, payments waiting for money (overdue ones expire first), the
 * statement lines waiting for a human, and the last imports. Null when the reader must pick a commune first
 * (a province officer or an administrator without one in the URL). Refusals: FORBIDDEN (no view of commune
 * money), NOT_FOUND (a commune outside the reader's scope).
 */
export async function getCommunePayments(client: PrismaClient, { actor, query, now = new Date() }: { actor: Actor; query: unknown; now?: Date }): Promise<CommunePayments | null> {
  const parsed = CommunePaymentsQuerySchema.safeParse(query ?? {})
  const input = parsed.success ? parsed.data : {}
  const commune = await resolvePaymentCommune(client, actor, input.commune)
  if (!commune) return null
  const resolved = resolvePaymentPeriod({ from: input.from, to: input.to }, now)
  const { period } = resolved
  const range = { communeId: commune.id, from: period.fromInstant, to: period.toInstant }
  const outstandingAfter = decodeCursor(input.outstandingAfter)
  const exceptionsAfter = decodeCursor(input.exceptionsAfter)

  // A state correction any reader may trigger: pending payments past their expiry are expired, not waiting.
  await expireOverduePayments(client, { communeIds: [commune.id], now })
  const [collected, refunded, pending, owingTotals, owingRows, exceptionTotals, exceptionRows, imports, overpaid] = await Promise.all([
    sumCollectedByDay(client, range),
    sumRefundedByDay(client, range),
    sumPending(client, commune.id),
    sumOutstanding(client, commune.id),
    findOutstandingPage(client, { communeId: commune.id, after: outstandingAfter, take: OUTSTANDING_PAGE_SIZE + 1 }),
    countExceptions(client, commune.id),
    findExceptionsPage(client, { communeId: commune.id, after: exceptionsAfter, take: EXCEPTIONS_PAGE_SIZE + 1 }),
    findRecentImports(client, { communeId: commune.id, take: RECENT_IMPORTS }),
    findOverpaid(client, { communeId: commune.id, take: OUTSTANDING_PAGE_SIZE }),
  ])

  const owingPage = owingRows.slice(0, OUTSTANDING_PAGE_SIZE)
  const lastOwing = owingPage.at(-1)
  const exceptionPage = exceptionRows.slice(0, EXCEPTIONS_PAGE_SIZE)
  const lastException = exceptionPage.at(-1)
  return {
    commune,
    period,
    periodErrors: resolved.ok ? {} : resolved.errors,
    periodInput: { from: input.from ?? '', to: input.to ?? '' },
    report: buildPaymentsReport(collected, refunded),
    pending,
    outstanding: {
      ...owingTotals,
      rows: owingPage.map((row) => ({ ...row, outstandingVnd: outstandingVnd(row), dueReason: paymentDueReason(row) })),
      nextCursor: owingRows.length > OUTSTANDING_PAGE_SIZE && lastOwing ? encodeCursor({ at: lastOwing.submittedAt, id: lastOwing.id }) : null,
      paged: outstandingAfter !== null,
    },
    exceptions: {
      ...exceptionTotals,
      rows: exceptionPage,
      nextCursor: exceptionRows.length > EXCEPTIONS_PAGE_SIZE && lastException ? encodeCursor({ at: lastException.bookedAt, id: lastException.id }) : null,
      paged: exceptionsAfter !== null,
    },
    imports,
    overpaid,
  }
}
