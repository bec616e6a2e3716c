// GET /api/payments/statement-template — the sample bank statement (CSV) staff can fill in or compare with their
// bank's export; the same for everyone signed in (401 otherwise).
import { statementTemplateCsv } from '@/domain/payments/statement-template'
import { requireActor } from '@/server/auth/session'
import { errorResponse } from '@/server/http/app-error-response'

export async function GET() {
  try {
    await requireActor()
    return new Response(statementTemplateCsv(), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="mau-sao-ke.csv"; filename*=UTF-8''m%E1%BA%ABu-sao-k%C3%AA.csv`,
        'Cache-Control': 'private, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
