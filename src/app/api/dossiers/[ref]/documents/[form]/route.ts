// GET /api/dossiers/:ref/documents/:form — one printout of a dossier (form 'xac-nhan-nop', 'mau-01' … 'mau-05') as a PDF;
// 401 when signed out, 404 outside the caller's scope or when the dossier does not have that form now.
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { getDossierDocument } from '@/server/documents/get-dossier-document'
import { errorResponse } from '@/server/http/app-error-response'

export async function GET(_request: Request, { params }: { params: Promise<{ ref: string; form: string }> }) {
  try {
    const actor = await requireActor()
    const { ref, form } = await params
    const document = await getDossierDocument(db(), { actor, ref, form })
    return new Response(Buffer.from(document.bytes), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${document.fileName}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
