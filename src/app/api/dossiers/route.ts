// GET /api/dossiers — the dossiers the caller may read (own, commune's, …), newest first, at most 50.
import { NextResponse } from 'next/server'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { listDossiers } from '@/server/dossier/list-dossiers'
import { errorResponse } from '@/server/http/app-error-response'

export async function GET() {
  try {
    const { dossiers } = await listDossiers(db(), { actor: await requireActor() })
    return NextResponse.json({ dossiers }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    return errorResponse(error)
  }
}
