// GET /api/dossiers/:ref — one dossier (by id or code) as the caller may see it; 404 outside its scope.
import { NextResponse } from 'next/server'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { getDossier } from '@/server/dossier/get-dossier'
import { errorResponse } from '@/server/http/app-error-response'

export async function GET(_request: Request, { params }: { params: Promise<{ ref: string }> }) {
  try {
    const actor = await requireActor()
    const dossier = await getDossier(db(), { actor, ref: (await params).ref })
    return NextResponse.json(dossier, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    return errorResponse(error)
  }
}
