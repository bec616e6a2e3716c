// GET /api/payments/export?commune=<5-digit code>&table=payments|outstanding&format=csv|xlsx[&from=dd/MM/yyyy&to=dd/MM/yyyy]
// — a commune's paid payments over a period, or its dossiers still owing a fee, streamed as CSV or XLSX. 401 when
// signed out, 403 without a view of commune money, 404 for a commune outside the caller's scope, 422 for bad input.
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { exportResponse } from '@/server/export/table-export'
import { errorResponse } from '@/server/http/app-error-response'
import { exportCommunePayments } from '@/server/payments/export-commune-payments'

export async function GET(request: Request) {
  try {
    const actor = await requireActor()
    const query = Object.fromEntries(new URL(request.url).searchParams)
    const { stream, fileName, format } = await exportCommunePayments(db(), { actor, query })
    return exportResponse(stream, { fileName, format })
  } catch (error) {
    return errorResponse(error)
  }
}
