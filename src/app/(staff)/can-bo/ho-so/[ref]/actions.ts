'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { RefundActionResult } from '@/components/payments/refund-form'
import { ZDossierRef } from '@/domain/dossier/dossier-ref'
import { fieldErrorsOf } from '@/domain/errors'
import { vndInput } from '@/lib/format/vnd-input'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { addStaffNote } from '@/server/dossier/add-staff-note'
import { transitionFromForm } from '@/server/dossier/transition-from-form'
import { runAction, type ActionResult } from '@/server/http/action-result'
import { getRequestMeta } from '@/server/http/request-meta'
import { recordCashPayment } from '@/server/payments/record-cash-payment'
import { setDossierFee } from '@/server/payments/set-dossier-fee'
import { refundPayment, RefundInputSchema } from '@/server/payments/refund-payment'

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

// Server action: a clerk or leader records a refund of one paid payment (refundPayment checks who, how much and
// the commune). The explicit confirmation is the form's own question: without it nothing is sent, and the other
// fields are checked all the same so every error shows at once. Amounts may be typed grouped ("10.000").
export async function refundPaymentAction(_previous: RefundActionResult | null, form: FormData): Promise<RefundActionResult> {
  const text = (name: string) => {
    const value = form.get(name)
    return typeof value === 'string' ? value : undefined
  }
  const input = { paymentId: text('paymentId'), amountVnd: vndInput(text('amountVnd')), reason: text('reason') ?? '' }
  const values = { amountVnd: text('amountVnd')?.slice(0, 20), reason: input.reason.slice(0, 1000), confirmed: text('confirm') === 'yes' }
  if (!values.confirmed) {
    const parsed = RefundInputSchema.safeParse(input)
    const fieldErrors = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), confirm: ['REQUIRED'] }
    return { ok: false, code: 'INVALID_INPUT', fieldErrors, values }
  }
  const result = await runAction(async () => refundPayment(db(), { actor: await requireActor(), input, meta: await getRequestMeta() }))
  const ref = ZDossierRef.safeParse(form.get('dossierRef'))
  if (result.ok && ref.success) redirect(`/can-bo/ho-so/${encodeURIComponent(ref.data)}?hoan-tien=1#thanh-toan`)
  return { ...result, values }
}

// Server action: a clerk or leader records the fee taken in cash at the desk (recordCashPayment checks who, the
// commune and that the amount is exactly what is owed). Post/redirect/get either way, with the outcome in the URL.
export async function recordCashAction(form: FormData): Promise<void> {
  const ref = ZDossierRef.safeParse(form.get('dossierRef'))
  if (!ref.success) redirect('/can-bo')
  const href = `/can-bo/ho-so/${encodeURIComponent(ref.data)}`
  if (form.get('confirm') !== 'yes') redirect(`${href}?loi-thu-tien=INVALID_INPUT#thanh-toan`)
  const result = await runAction(async () =>
    recordCashPayment(db(), { actor: await requireActor(), input: { dossierRef: ref.data, amountVnd: form.get('amountVnd') }, meta: await getRequestMeta() }),
  )
  redirect(result.ok ? `${href}?tien-mat=1#thanh-toan` : `${href}?loi-thu-tien=${encodeURIComponent(result.code)}#thanh-toan`)
}

// Server action: a clerk or leader states the fee of a dossier whose procedure has no amount in the catalogue
// (setDossierFee checks who, the commune, the procedure and the amount). Post/redirect/get with the outcome.
export async function setDossierFeeAction(form: FormData): Promise<void> {
  const ref = ZDossierRef.safeParse(form.get('dossierRef'))
  if (!ref.success) redirect('/can-bo')
  const href = `/can-bo/ho-so/${encodeURIComponent(ref.data)}`
  const result = await runAction(async () =>
    setDossierFee(db(), { actor: await requireActor(), input: { dossierRef: ref.data, amountVnd: vndInput(String(form.get('amountVnd') ?? '')), basis: form.get('basis') ?? '' }, meta: await getRequestMeta() }),
  )
  redirect(result.ok ? `${href}?muc-phi=1#thanh-toan` : `${href}?loi-muc-phi=${encodeURIComponent(result.code)}#thanh-toan`)
}
