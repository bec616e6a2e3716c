// POST /api/drafts/:id/files — the draft's owner uploads files to one slot of its form (multipart: `slot` = the
// required document's key, one or more `file`) → 201 `{ files: [{ id, fileName, mimeType, sizeBytes, sha256,
// documentKey }] }`. Refusals: `{ error, fieldErrors }` — 422 (type, slot, count), 413 (sizes), 404 (not the
// caller's draft). Same-origin only (src/proxy.ts refuses cross-site writes to /api); never cached.
import { NextResponse } from 'next/server'
import { AppError } from '@/domain/errors'
import { declaresTooLargeUpload, uploadErrorResponse, uploadTooLargeResponse } from '@/server/attachments/upload-request'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { addDraftFiles } from '@/server/drafts/draft-files'
import { getRequestMeta } from '@/server/http/request-meta'

// A file input left empty posts a nameless empty part: that is no file. A named empty file is kept, to be refused.
const isChosenFile = (value: FormDataEntryValue): value is File => typeof value !== 'string' && (value.size > 0 || value.name !== '')

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // Before anything is read: a body larger than any valid upload is refused on its declared length.
  if (declaresTooLargeUpload(request.headers.get('content-length'))) return uploadTooLargeResponse()
  try {
    const actor = await requireActor()
    const form = await request.formData().catch(() => null)
    if (!form) throw new AppError('INVALID_INPUT', 'not a multipart form', { files: ['NO_FILES'] })
    const files = await addDraftFiles(db(), {
      actor,
      draftId: (await params).id,
      documentKey: form.get('slot'),
      files: form.getAll('file').filter(isChosenFile),
      meta: await getRequestMeta(),
    })
    return NextResponse.json({ files }, { status: 201, headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    return uploadErrorResponse(error)
  }
}
