// POST /api/dossiers/:ref/notes — commune staff add a private note. Same-origin only (proxy.ts).
import { NextResponse } from 'next/server'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { addStaffNote } from '@/server/dossier/add-staff-note'
import { errorResponse } from '@/server/http/app-error-response'
import { getRequestMeta } from '@/server/http/request-meta'

export async function POST(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  try {
    const actor = await requireActor()
    const body: unknown = await request.json().catch(() => null)
    const note = await addStaffNote(db(), {
      actor,
      input: { dossierRef: (await params).ref, body: (body as { body?: unknown } | null)?.body },
      meta: await getRequestMeta(),
    })
    return NextResponse.json(note, { status: 201 })
  } catch (error) {
    return errorResponse(error)
  }
}
