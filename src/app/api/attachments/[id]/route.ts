// GET /api/attachments/:id — one attachment's bytes, streamed, if the caller may read its dossier; 404 otherwise
// (the same answer as an id that does not exist). Inline by default (in-page preview), `?download=1` to save.
import { readAttachmentForActor } from '@/server/attachments/read-attachment'
import { ATTACHMENT_ERROR_HEADERS, attachmentResponseHeaders } from '@/server/attachments/attachment-response-headers'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { errorResponse } from '@/server/http/app-error-response'

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor()
    const file = await readAttachmentForActor(db(), { actor, id: (await params).id })
    const download = new URL(request.url).searchParams.get('download') === '1'
    return new Response(file.stream, { headers: attachmentResponseHeaders(file, { download }) })
  } catch (error) {
    // This route sets its own framing headers (src/proxy.ts leaves them to it), its errors included.
    const response = errorResponse(error)
    for (const [name, value] of Object.entries(ATTACHMENT_ERROR_HEADERS)) response.headers.set(name, value)
    return response
  }
}
