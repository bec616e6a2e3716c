// GET /api/dashboard/report?<the province dashboard's parameters: ky or tu/den, xep, chieu> — "Báo cáo xếp hạng
// xã, phường", the ranking of the province's communes as a printable A4 landscape PDF (opened in the browser).
// 401 signed out, 403 for a reader without the province dashboard, 400 (JSON) for bad parameters.
import { contentDisposition } from '@/domain/attachments/download-name'
import { requireActor } from '@/server/auth/session'
import { renderDashboardRankingReport } from '@/server/dashboard/export-dashboard'
import { db } from '@/server/db'
import { exportErrorResponse, requestLocale } from '../error-response'

export async function GET(request: Request) {
  const locale = await requestLocale()
  try {
    const actor = await requireActor()
    const query = Object.fromEntries(new URL(request.url).searchParams)
    const { fileName, bytes } = await renderDashboardRankingReport(db(), { actor, query, locale })
    return new Response(Buffer.from(bytes), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': contentDisposition('inline', `${fileName}.pdf`, 'application/pdf'),
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  } catch (error) {
    return exportErrorResponse(error, locale)
  }
}
