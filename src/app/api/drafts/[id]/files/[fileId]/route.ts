// DELETE /api/drafts/:id/files/:fileId — the draft's owner removes a file not yet submitted → 204; 404 for a
// file that is not on the caller's draft (or was submitted with a dossier). Same-origin only (src/proxy.ts).
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { removeDraftFile } from '@/server/drafts/draft-files'
import { errorResponse } from '@/server/http/app-error-response'
import { getRequestMeta } from '@/server/http/request-meta'

export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  try {
    const actor = await requireActor()
    const { id, fileId } = await params
    await removeDraftFile(db(), { actor, draftId: id, attachmentId: fileId, meta: await getRequestMeta() })
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    const response = errorResponse(error)
    response.headers.set('Cache-Control', 'no-store')
    return response
  }
}
