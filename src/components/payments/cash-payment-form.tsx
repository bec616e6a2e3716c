/**
 * <CashPaymentForm dossierRef amountVnd action labels /> — the clerk takes what is owed in cash at the desk and
 * records it (server/payments/record-cash-payment.ts): the amount is the one owed, shown and sent as is, and the
 * clerk ticks that the money was received. A plain form (no JavaScript needed); the page reloads with the receipt.
 */
import { buttonStyles } from '@/components/ui/button-styles'

export type CashPaymentLabels = { title: string; lead: string; confirm: string; submit: string }

export function CashPaymentForm({ dossierRef, amountVnd, action, labels }: { dossierRef: string; amountVnd: number; action: (form: FormData) => Promise<void>; labels: CashPaymentLabels }) {
  return (
    <details className="mt-3 rounded border border-slate-200 bg-white px-3 py-2 text-sm">
      <summary className="cursor-pointer font-semibold text-navy-800">{labels.title}</summary>
      <form action={action} className="mt-2 space-y-2">
        <p className="text-slate-700">{labels.lead}</p>
        <input type="hidden" name="dossierRef" value={dossierRef} />
        <input type="hidden" name="amountVnd" value={amountVnd} />
        <label className="flex items-start gap-2">
          <input type="checkbox" name="confirm" value="yes" required className="mt-1 h-4 w-4" />
          <span>{labels.confirm}</span>
        </label>
        <button type="submit" className={buttonStyles.primary}>
          {labels.submit}
        </button>
      </form>
    </details>
  )
}
