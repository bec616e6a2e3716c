// GET /api/dossiers — the dossiers the caller may read (own, commune's, …), newest first, at most 50.
// POST /api/dossiers — a citizen submits an application online (JSON), idempotent by the Idempotency-Key header.
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { AppError } from '@/domain/errors'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { listDossiers } from '@/server/dossier/list-dossiers'
import { submitOnline } from '@/server/dossier/submit-online'
import { errorResponse } from '@/server/http/app-error-response'
import { getRequestMeta } from '@/server/http/request-meta'

export async function GET() {
  try {
    const { dossiers } = await listDossiers(db(), { actor: await requireActor() })
    return NextResponse.json({ dossiers }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    return errorResponse(error)
  }
}

/** Files are uploaded to a draft and submitted from the form page; this endpoint takes the typed answers. */
const SubmissionBody = z.strictObject({
  procedure: z.string().trim().min(1).max(100),
  communeCode: z.string().regex(/^\d{5}$/),
  formData: z.record(z.string(), z.unknown()),
})
const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/)

/** Bodies larger than this are not a form someone typed. */
const MAX_BODY_BYTES = 256 * 1024

export async function POST(request: Request) {
  try {
    const actor = await requireActor()
    const key = IdempotencyKey.safeParse(request.headers.get('idempotency-key'))
    if (!key.success) throw new AppError('INVALID_INPUT', 'Idempotency-Key header required', { idempotencyKey: ['REQUIRED'] })
    if (!request.headers.get('content-type')?.startsWith('application/json')) throw new AppError('INVALID_INPUT', 'JSON body expected', { '': ['INVALID'] })
    const text = await request.text()
    if (text.length > MAX_BODY_BYTES) throw new AppError('INVALID_INPUT', 'body too large', { '': ['TOO_LONG'] })
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new AppError('INVALID_INPUT', 'malformed JSON', { '': ['INVALID'] })
    }
    const body = SubmissionBody.safeParse(json)
    if (!body.success) {
      const fieldErrors: Record<string, string[]> = {}
      for (const issue of body.error.issues) (fieldErrors[issue.path.join('.')] ??= []).push('INVALID')
      throw new AppError('INVALID_INPUT', 'malformed submission', fieldErrors)
    }
    const result = await submitOnline(db(), {
      actor,
      source: { procedureSlug: body.data.procedure, communeCode: body.data.communeCode, idempotencyKey: key.data },
      values: body.data.formData as Parameters<typeof submitOnline>[1]['values'],
      meta: await getRequestMeta(),
    })
    if (!result.ok) {
      const fieldErrors = Object.fromEntries(Object.entries(result.issues).map(([path, issues]) => [`formData${path ? `.${path}` : ''}`, issues.map((issue) => issue.code)]))
      return NextResponse.json({ error: 'INVALID_INPUT', fieldErrors }, { status: 422, headers: { 'Cache-Control': 'no-store' } })
    }
    return NextResponse.json(
      { code: result.code, created: result.created, submittedAt: result.submittedAt.toISOString(), expectedDueAt: result.expectedDueAt.toISOString() },
      { status: result.created ? 201 : 200, headers: { 'Cache-Control': 'no-store', Location: `/ho-so-cua-toi/${encodeURIComponent(result.code)}` } },
    )
  } catch (error) {
    return errorResponse(error)
  }
}
