/**
 * <DossierFeeForm dossierRef action labels /> — the desk states the fee of a dossier whose procedure has no
 * amount in the catalogue (server/payments/set-dossier-fee.ts), with the rate's basis. A plain form (no
 * JavaScript needed); the page reloads with the fee, payable online or in cash.
 */
import { buttonStyles } from '@/components/ui/button-styles'

export type DossierFeeLabels = { title: string; lead: string; amount: string; basis: string; basisHint: string; submit: string }

export function DossierFeeForm({ dossierRef, action, labels }: { dossierRef: string; action: (form: FormData) => Promise<void>; labels: DossierFeeLabels }) {
  return (
    <details className="mt-3 rounded border border-slate-200 bg-white px-3 py-2 text-sm">
      <summary className="cursor-pointer font-semibold text-navy-800">{labels.title}</summary>
      <form action={action} className="mt-2 space-y-2">
        <p className="text-slate-700">{labels.lead}</p>
        <input type="hidden" name="dossierRef" value={dossierRef} />
        <label className="block">
          <span className="block font-semibold text-slate-800">{labels.amount}</span>
          <input name="amountVnd" inputMode="numeric" required pattern="[0-9.,\s]+" className="mt-1 block w-40 rounded border border-slate-400 px-3 py-2" />
        </label>
        <label className="block">
          <span className="block font-semibold text-slate-800">{labels.basis}</span>
          <input name="basis" required minLength={5} maxLength={300} aria-describedby="muc-phi-goi-y" className="mt-1 block w-full rounded border border-slate-400 px-3 py-2" />
          <span id="muc-phi-goi-y" className="mt-1 block text-xs text-slate-600">
            {labels.basisHint}
          </span>
        </label>
        <button type="submit" className={buttonStyles.primary}>
          {labels.submit}
        </button>
      </form>
    </details>
  )
}
