import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { localDateOf } from '@/domain/calendar/working-days'
import { AppError, fieldErrorsOf } from '@/domain/errors'
import { outstandingVnd } from '@/domain/fees/payment-due'
import { formatLocalDate, resolvePaymentPeriod } from '@/domain/payments/payment-period'
import { exportTable, type ExportColumn, type ExportFormat } from '@/server/export/table-export'
import { findOutstandingPage, findPaidPaymentsPage, type Cursor, type OutstandingRow, type PaidPaymentRow } from './commune-payments.repo'
import { resolvePaymentCommune } from './payment-commune-scope'

/** Rows read per query while the download streams (keyset batches: no cursor held open, no offset). */
const BATCH = 500

export const CommunePaymentsExportSchema = z.object({
  commune: z.string({ message: 'REQUIRED' }).min(1, 'REQUIRED').max(40),
  table: z.enum(['payments', 'outstanding'], { message: 'NOT_AN_OPTION' }),
  format: z.enum(['csv', 'xlsx'], { message: 'NOT_AN_OPTION' }),
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
})

const METHOD_VI: Record<PaidPaymentRow['method'], string> = { VIETQR: 'Chuyển khoản VietQR', GATEWAY: 'Cổng thanh toán (thẻ, ví)', CASH: 'Tiền mặt' }
const STATUS_VI: Record<string, string> = { PAID: 'Đã thanh toán', REFUNDED: 'Đã hoàn trả' }
const STATE_VI: Record<string, string> = {
  SUBMITTED: 'Chờ tiếp nhận',
  PROCESSING: 'Đang giải quyết',
  AWAITING_SUPPLEMENT: 'Chờ bổ sung hồ sơ',
  READY_TO_RETURN: 'Chờ trả kết quả',
  RETURNED: 'Đã trả kết quả',
}

export const PAYMENT_EXPORT_COLUMNS: ExportColumn<PaidPaymentRow>[] = [
  { header: 'Thời điểm thanh toán', value: (row) => row.paidAt, kind: 'datetime' },
  { header: 'Mã hồ sơ', value: (row) => row.dossierCode, width: 20 },
  { header: 'Người nộp', value: (row) => row.applicantName, width: 26 },
  { header: 'Thủ tục', value: (row) => row.procedureNameVi, width: 50 },
  { header: 'Phương thức', value: (row) => METHOD_VI[row.method], width: 24 },
  { header: 'Số tiền (đồng)', value: (row) => row.amountVnd, kind: 'vnd' },
  { header: 'Đã hoàn trả (đồng)', value: (row) => row.refundedVnd, kind: 'vnd' },
  { header: 'Trạng thái', value: (row) => STATUS_VI[row.status] ?? row.status },
  { header: 'Mã thanh toán', value: (row) => row.reference, width: 26 },
  { header: 'Số biên lai', value: (row) => row.receiptNo, width: 29 },
  { header: 'Mã giao dịch ngân hàng/cổng', value: (row) => row.providerRef, width: 24 },
]

export const OUTSTANDING_EXPORT_COLUMNS: ExportColumn<OutstandingRow>[] = [
  { header: 'Mã hồ sơ', value: (row) => row.code, width: 20 },
  { header: 'Người nộp', value: (row) => row.applicantName, width: 26 },
  { header: 'Thủ tục', value: (row) => row.procedureNameVi, width: 50 },
  { header: 'Ngày nộp', value: (row) => row.submittedAt, kind: 'date' },
  { header: 'Trạng thái hồ sơ', value: (row) => STATE_VI[row.state] ?? row.state, width: 20 },
  { header: 'Thời điểm thu', value: (row) => (row.feeMoment === 'AT_RESULT' ? 'Khi trả kết quả' : 'Trước khi giải quyết'), width: 20 },
  { header: 'Phí, lệ phí (đồng)', value: (row) => row.feeVnd, kind: 'vnd' },
  { header: 'Đã nộp (đồng)', value: (row) => row.paidVnd, kind: 'vnd' },
  { header: 'Còn phải thu (đồng)', value: (row) => outstandingVnd(row), kind: 'vnd' },
]

/** Every row of a keyset-paged read, batch by batch, only as fast as the download asks for them. */
async function* batches<Row>(read: (after: Cursor | null) => Promise<Row[]>, cursorOf: (row: Row) => Cursor): AsyncGenerator<Row> {
  let after: Cursor | null = null
  for (;;) {
    const rows = await read(after)
    yield* rows
    if (rows.length < BATCH) return
    after = cursorOf(rows[rows.length - 1]!)
  }
}

export type CommunePaymentsExport = { stream: ReadableStream<Uint8Array>; fileName: string; format: ExportFormat }

/**
 * A commune's paid payments over a period (one row per payment), or its outstanding dossiers now, as CSV or
 * XLSX with Vietnamese headers, streamed. Who may read the commune's payments may export them
 * (payment-commune-scope.ts); the check and the input's validation happen before the first byte, so a
 * refusal is an error answer, never a broken download. Refusals: INVALID_INPUT (by field), FORBIDDEN, NOT_FOUND.
 */
export async function exportCommunePayments(client: PrismaClient, { actor, query, now = new Date() }: { actor: Actor; query: unknown; now?: Date }): Promise<CommunePaymentsExport> {
  const parsed = CommunePaymentsExportSchema.safeParse(query)
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'export refused', fieldErrorsOf(parsed.error))
  }
  const { table, format } = parsed.data
  const commune = await resolvePaymentCommune(client, actor, parsed.data.commune)
  if (!commune) throw new AppError('NOT_FOUND')

  if (table === 'outstanding') {
    const rows = batches(
      (after) => findOutstandingPage(client, { communeId: commune.id, after, take: BATCH }),
      (row) => ({ at: row.submittedAt, id: row.id }),
    )
    const day = formatLocalDate(localDateOf(now)).replaceAll('/', '-')
    return {
      stream: exportTable({ format, sheetName: 'Còn phải thu', title: `Hồ sơ còn phải thu phí, lệ phí – ${commune.name}`, columns: OUTSTANDING_EXPORT_COLUMNS, rows }),
      fileName: `Còn phải thu - ${commune.name} - ${day}`,
      format,
    }
  }

  const resolved = resolvePaymentPeriod({ from: parsed.data.from, to: parsed.data.to }, now)
  if (!resolved.ok) throw new AppError('INVALID_INPUT', 'bad period', Object.fromEntries(Object.entries(resolved.errors).map(([field, code]) => [field, [code]])))
  const { period } = resolved
  const rows = batches(
    (after) => findPaidPaymentsPage(client, { communeId: commune.id, from: period.fromInstant, to: period.toInstant, after, take: BATCH }),
    (row) => ({ at: row.paidAt, id: row.id }),
  )
  const span = `${formatLocalDate(period.from)} – ${formatLocalDate(period.to)}`
  return {
    stream: exportTable({ format, sheetName: 'Các khoản đã thu', title: `Các khoản phí, lệ phí đã thu – ${commune.name} – ${span}`, columns: PAYMENT_EXPORT_COLUMNS, rows }),
    fileName: `Đã thu - ${commune.name} - ${formatLocalDate(period.from).replaceAll('/', '-')} đến ${formatLocalDate(period.to).replaceAll('/', '-')}`,
    format,
  }
}
