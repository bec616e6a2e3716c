'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { ZDossierRef } from '@/domain/dossier/dossier-ref'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { addStaffNote } from '@/server/dossier/add-staff-note'
import { transitionFromForm } from '@/server/dossier/transition-from-form'
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

// Server action: one workflow action on a dossier (authorization, workflow and optimistic lock in the use-case).
export async function staffTransitionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => transitionFromForm(db(), { form, actor: await requireActor(), meta: await getRequestMeta() }))
  const ref = ZDossierRef.safeParse(form.get('dossierRef'))
  // Post/redirect/get: the page reloads with the new state and version, and says what was done.
  if (result.ok && ref.success) redirect(`/can-bo/ho-so/${encodeURIComponent(ref.data)}?done=${encodeURIComponent(String(form.get('action') ?? ''))}`)
  return result
}
