'use server'

import { redirect } from 'next/navigation'
import { ZDossierRef } from '@/domain/dossier/dossier-ref'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { transitionFromForm } from '@/server/dossier/transition-from-form'
import { runAction, type ActionResult } from '@/server/http/action-result'
import { getRequestMeta } from '@/server/http/request-meta'

// Server action: the applicant answers a supplement request or withdraws (the workflow decides what they may do).
export async function citizenTransitionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => transitionFromForm(db(), { form, actor: await requireActor(), meta: await getRequestMeta() }))
  const ref = ZDossierRef.safeParse(form.get('dossierRef'))
  if (result.ok && ref.success) redirect(`/ho-so-cua-toi/${encodeURIComponent(ref.data)}?done=${encodeURIComponent(String(form.get('action') ?? ''))}`)
  return result
}
