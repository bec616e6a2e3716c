'use server'

import { redirect } from 'next/navigation'
import { getLocale } from 'next-intl/server'
import type { RatingActionResult } from '@/components/dossier/dossier-rating-form'
import { ZDossierRef } from '@/domain/dossier/dossier-ref'
import { isAppError } from '@/domain/errors'
import { RATING_COMMENT_MAX } from '@/domain/dossier/rating'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { transitionFromForm } from '@/server/dossier/transition-from-form'
import { runAction, type ActionResult } from '@/server/http/action-result'
import { gatewayClientIp, getRequestMeta } from '@/server/http/request-meta'
import { requestOrigin } from '@/server/http/request-origin'
import { gatewayCheckoutUrl } from '@/server/payments/gateway-checkout'
import { startPayment } from '@/server/payments/start-payment'
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

// Server action: the applicant starts paying what the dossier owes (startPayment decides whether anything is due
// and gives back a payment already started). VietQR: back to the dossier, which now shows the transfer; card or
// wallet: on to the gateway with a signed order. A refusal comes back to the dossier's payment section as
// ?loi-thanh-toan=<code>. A plain form post: works without JavaScript.
export async function startPaymentAction(form: FormData): Promise<void> {
  const dossierRef = form.get('dossierRef')
  const ref = ZDossierRef.safeParse(dossierRef)
  const dossierHref = ref.success ? `/ho-so-cua-toi/${encodeURIComponent(ref.data)}` : '/ho-so-cua-toi'
  let target: string
  try {
    const [actor, meta] = await Promise.all([requireActor(), getRequestMeta()])
    const payment = await startPayment(db(), { actor, dossierRef, method: form.get('method'), meta })
    target =
      payment.method === 'GATEWAY'
        ? gatewayCheckoutUrl(payment, { origin: await requestOrigin(), clientIp: gatewayClientIp(meta), locale: await getLocale() })
        : // A query the page does not have yet: a redirect to the same address differing only by its hash
          // would be taken for an in-page jump and the page would not show the new transfer.
          `/ho-so-cua-toi/${encodeURIComponent(payment.dossierCode)}?chuyen-khoan=${encodeURIComponent(payment.reference)}#thanh-toan`
  } catch (error) {
    if (!isAppError(error)) console.error(error)
    target = `${dossierHref}?loi-thanh-toan=${isAppError(error) ? error.code : 'INTERNAL'}#thanh-toan`
  }
  // Outside the try: redirect() throws to do its work.
  redirect(target)
}
