import { getTranslations } from 'next-intl/server'
import type { SourceStatus } from '@/domain/stats/service-index'

const ASPECTS = ['points', 'formula', 'scoring'] as const

export function statusTone(status: SourceStatus): string {
  return status === 'DECISION_SUMMARY' ? 'bg-emerald-50 text-emerald-900 ring-emerald-200' : 'bg-amber-50 text-amber-950 ring-amber-300'
}

/** Where a criterion's weight, formula and scoring come from; anything not from the decision stands out. */
export async function ProvenanceBadges({ provenance }: { provenance: Record<(typeof ASPECTS)[number], SourceStatus> }) {
  const t = await getTranslations('ServiceIndex.provenance')
  return (
    <ul className="flex flex-wrap gap-1.5">
      {ASPECTS.map((aspect) => (
        <li key={aspect} className={`rounded px-2 py-0.5 text-xs ring-1 ring-inset ${statusTone(provenance[aspect])}`} data-provenance={provenance[aspect]}>
          {t(`aspect.${aspect}`)}: {t(`status.${provenance[aspect]}`)}
        </li>
      ))}
    </ul>
  )
}
