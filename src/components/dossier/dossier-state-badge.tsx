import { getTranslations } from 'next-intl/server'

const tones: Record<string, string> = {
  SUBMITTED: 'border-navy-600 bg-navy-50 text-navy-900',
  PROCESSING: 'border-sky-700 bg-sky-50 text-sky-950',
  AWAITING_SUPPLEMENT: 'border-amber-600 bg-amber-50 text-amber-950',
  READY_TO_RETURN: 'border-emerald-700 bg-emerald-50 text-emerald-950',
  RETURNED: 'border-emerald-700 bg-emerald-50 text-emerald-950',
  REFUSED: 'border-gov-red-700 bg-gov-red-50 text-gov-red-800',
  WITHDRAWN: 'border-slate-500 bg-slate-100 text-slate-800',
}

export async function DossierStateBadge({ state }: { state: string }) {
  const t = await getTranslations('Dossier.state')
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[state] ?? tones.WITHDRAWN}`}>
      {t(state)}
    </span>
  )
}
