// GET /api/payments/:id/receipt — the electronic receipt (PDF) of a paid payment; 401 when signed out, 404 outside
// the caller's scope (the applicant, the commune's staff, the province) or when the payment is not paid.
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { errorResponse } from '@/server/http/app-error-response'
import { getPaymentReceipt } from '@/server/payments/payment-receipt'

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor()
    const { id } = await params
    const receipt = await getPaymentReceipt(db(), { actor, paymentId: id })
    return new Response(Buffer.from(receipt.bytes), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${receipt.fileName}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
