'use server'

import { revalidatePath } from 'next/cache'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { addStaffNote } from '@/server/dossier/add-staff-note'
import { runAction, type ActionResult } from '@/server/http/action-result'
import { getRequestMeta } from '@/server/http/request-meta'

// Server action: a private note on a dossier (authorization inside the use-case).
export async function addStaffNoteAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const dossierRef = String(form.get('dossierRef') ?? '')
  const result = await runAction(async () =>
    addStaffNote(db(), { actor: await requireActor(), input: { dossierRef, body: form.get('body') }, meta: await getRequestMeta() }),
  )
  if (result.ok) revalidatePath(`/can-bo/ho-so/${dossierRef}`)
  return result
}
