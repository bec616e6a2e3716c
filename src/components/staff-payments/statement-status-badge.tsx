import type { StatementLineStatus } from '@/domain/payments/bank-statement'

const TONES: Record<StatementLineStatus, string> = {
  MATCHED: 'border-emerald-700 bg-emerald-50 text-emerald-950',
  PARTIAL: 'border-amber-600 bg-amber-50 text-amber-950',
  EXCESS: 'border-amber-600 bg-amber-50 text-amber-950',
  DUPLICATE: 'border-gov-red-700 bg-gov-red-50 text-gov-red-800',
  UNMATCHED: 'border-slate-500 bg-slate-100 text-slate-800',
}

/**
 * A statement line's classification; the label comes translated from the caller (server or client). `as="dt"`
 * when it names a figure in a definition list.
 */
export function StatementStatusBadge({ status, label, as: Element = 'span' }: { status: StatementLineStatus; label: string; as?: 'span' | 'dt' }) {
  return <Element className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${TONES[status]}`}>{label}</Element>
}
