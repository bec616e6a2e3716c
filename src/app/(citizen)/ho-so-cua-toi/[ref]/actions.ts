'use server'

import { redirect } from 'next/navigation'
import type { RatingActionResult } from '@/components/dossier/dossier-rating-form'
import { ZDossierRef } from '@/domain/dossier/dossier-ref'
import { RATING_COMMENT_MAX } from '@/domain/dossier/rating'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { transitionFromForm } from '@/server/dossier/transition-from-form'
import { runAction, type ActionResult } from '@/server/http/action-result'
import { getRequestMeta } from '@/server/http/request-meta'
import { rateDossier } from '@/server/rating/rate-dossier'

// Server action: the applicant answers a supplement request or withdraws (the workflow decides what they may do).
export async function citizenTransitionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => transitionFromForm(db(), { form, actor: await requireActor(), meta: await getRequestMeta() }))
  const ref = ZDossierRef.safeParse(form.get('dossierRef'))
  if (result.ok && ref.success) redirect(`/ho-so-cua-toi/${encodeURIComponent(ref.data)}?done=${encodeURIComponent(String(form.get('action') ?? ''))}`)
  return result
}

// Server action: the applicant rates the service on a returned dossier (once; the use-case decides).
export async function rateDossierAction(_previous: RatingActionResult | null, form: FormData): Promise<RatingActionResult> {
  const text = (name: string) => {
    const value = form.get(name)
    return typeof value === 'string' ? value : undefined
  }
  const dossierRef = text('dossierRef')
  const input = { score: text('score'), comment: text('comment') }
  const result = await runAction(async () => rateDossier(db(), { actor: await requireActor(), dossierRef, input, meta: await getRequestMeta() }))
  const ref = ZDossierRef.safeParse(dossierRef)
  if (result.ok && ref.success) redirect(`/ho-so-cua-toi/${encodeURIComponent(ref.data)}?rated=1#danh-gia`)
  // What was sent goes back to the form, so nothing typed is lost (capped: it is echoed into the page).
  return { ...result, values: { score: input.score?.slice(0, 2), comment: input.comment?.slice(0, 2 * RATING_COMMENT_MAX) } }
}
