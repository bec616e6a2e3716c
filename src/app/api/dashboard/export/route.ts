// GET /api/dashboard/export?table=ranking|procedures|dossiers&format=csv|xlsx&<the dashboard page's parameters:
// ky or tu/den, xep, chieu, xa, thu-tuc, chi-so> — one table of the dashboard, streamed as CSV or XLSX with headers
// in the reader's language. 401 signed out, 403 without a dashboard, 404 for a commune or procedure outside the
// reader's scope, 400 (JSON: error, message, fieldErrors) for bad parameters.
import { requireActor } from '@/server/auth/session'
import { exportDashboardTable } from '@/server/dashboard/export-dashboard'
import { db } from '@/server/db'
import { exportResponse } from '@/server/export/table-export'
import { exportErrorResponse, requestLocale } from '../error-response'

export async function GET(request: Request) {
  const locale = await requestLocale()
  try {
    const actor = await requireActor()
    const query = Object.fromEntries(new URL(request.url).searchParams)
    const { stream, fileName, format } = await exportDashboardTable(db(), { actor, query, locale })
    return exportResponse(stream, { fileName, format })
  } catch (error) {
    return exportErrorResponse(error, locale)
  }
}
