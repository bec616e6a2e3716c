import { getTranslations } from 'next-intl/server'
import { formatDateTime } from '@/lib/format/date'

/** Says that the open-dossier figures are a snapshot at `now`, whatever the period. */
export async function SnapshotNote({ now }: { now: Date }) {
  const t = await getTranslations('Dashboard.period')
  return <p className="mt-2 text-sm text-slate-600">{t('snapshot', { now: formatDateTime(now) })}</p>
}
