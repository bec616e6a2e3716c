/**
 * <PayOnlineChoices dossierRef="…" amountVnd={…} payAction={…} vietQr gateway /> — the applicant's ways to pay
 * what is due now: "Chuyển khoản qua VietQR" and "Thanh toán bằng thẻ/ví điện tử", each a form posting to the
 * server action (which starts the payment, then shows the transfer or sends the applicant to the gateway).
 * Plain forms: they work without JavaScript; with it the button says it is working. Server component.
 */
import { getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'
import { PendingSubmitButton } from './pending-submit-button'

export type PayAction = (form: FormData) => Promise<void>

export async function PayOnlineChoices({ dossierRef, payAction, vietQr, card, title }: { dossierRef: string; payAction: PayAction; vietQr: boolean; card: boolean; title?: string }) {
  const t = await getTranslations('Payments.choose')
  const choices = [
    ...(vietQr ? [{ method: 'VIETQR', label: t('vietqr'), hint: t('vietqrHint'), style: buttonStyles.navy }] : []),
    ...(card ? [{ method: 'GATEWAY', label: t('gateway'), hint: t('gatewayHint'), style: vietQr ? buttonStyles.secondary : buttonStyles.navy }] : []),
  ]
  if (choices.length === 0) return null
  return (
    <section aria-labelledby="cach-thanh-toan" className="mt-4">
      <h4 id="cach-thanh-toan" className="font-semibold text-navy-900">
        {title ?? t('title')}
      </h4>
      <ul className={`mt-2 grid gap-3 ${choices.length > 1 ? 'sm:grid-cols-2' : ''}`}>
        {choices.map((choice) => (
          <li key={choice.method} className="flex flex-col rounded border border-slate-300 bg-white p-3">
            <form action={payAction} className="flex flex-col gap-2">
              <input type="hidden" name="dossierRef" value={dossierRef} />
              <input type="hidden" name="method" value={choice.method} />
              <PendingSubmitButton label={choice.label} pendingLabel={t('pending')} describedBy={`cach-${choice.method}`} className={`${choice.style} w-full text-center`} />
              <p id={`cach-${choice.method}`} className="text-sm text-slate-700">
                {choice.hint}
              </p>
            </form>
          </li>
        ))}
      </ul>
    </section>
  )
}
