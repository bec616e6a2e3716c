import { getTranslations } from 'next-intl/server'

const ORDER = ['SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN', 'RETURNED', 'REFUSED', 'WITHDRAWN']

export async function DossierStateCounts({ counts, label }: { counts: Record<string, number>; label: string }) {
  const t = await getTranslations('Dossier.state')
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
      {ORDER.map((state) => (
        <li key={state} className="rounded border border-slate-200 bg-white px-3 py-2">
          <span className="block text-xs text-slate-600">{t(state)}</span>
          <span className="block text-xl font-bold text-navy-900">{(counts[state] ?? 0).toLocaleString('vi-VN')}</span>
        </li>
      ))}
    </ul>
  )
}
