import { getTranslations } from 'next-intl/server'
import type { CriterionStatus } from '@/domain/stats/service-index'

const tones: Record<CriterionStatus, string> = {
  COMPUTED: 'bg-navy-50 text-navy-800 ring-navy-200',
  NO_DATA: 'bg-slate-100 text-slate-800 ring-slate-300',
  NOT_AVAILABLE: 'bg-amber-50 text-amber-950 ring-amber-300',
}

/** COMPUTED / NO_DATA (denominator 0 in the period) / NOT_AVAILABLE (the system does not record it). */
export async function CriterionStatusBadge({ status }: { status: CriterionStatus }) {
  const t = await getTranslations('ServiceIndex.status')
  return (
    <span className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[status]}`} data-status={status}>
      {t(status)}
    </span>
  )
}
