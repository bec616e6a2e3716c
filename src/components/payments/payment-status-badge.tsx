import type { PaymentStatusView } from '@/server/payments/dossier-payments'

const tones: Record<PaymentStatusView, string> = {
  PAID: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  PENDING: 'bg-amber-50 text-amber-950 ring-amber-400',
  FAILED: 'bg-gov-red-50 text-gov-red-800 ring-gov-red-700/40',
  EXPIRED: 'bg-slate-100 text-slate-700 ring-slate-300',
  REFUNDED: 'bg-slate-100 text-slate-800 ring-slate-400',
}

/** A payment's status as a coloured label; the text is the status itself, so colour is never the only cue. */
export function PaymentStatusBadge({ status, label }: { status: PaymentStatusView; label: string }) {
  return <span className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${tones[status]}`}>{label}</span>
}
