import { getLocale, getTranslations } from 'next-intl/server'
import type { ServiceIndexResult } from '@/domain/stats/service-index'
import { indexFormat, indexLocale } from './format'

/** The index out of 100, the raw points it rests on, and the domain's one-sentence explanation. */
export async function ScoreSummary({ index, heading, notes = [], id }: { index: ServiceIndexResult; heading: string; notes?: string[]; id: string }) {
  const [t, locale] = await Promise.all([getTranslations('ServiceIndex'), getLocale()])
  const l = indexLocale(locale)
  const format = indexFormat(l, t('dash'))
  return (
    <section aria-labelledby={id} className="rounded border border-slate-200 bg-white p-4 sm:p-5">
      <h2 id={id} className="text-lg font-semibold text-navy-900">
        {heading}
      </h2>
      <p className="mt-2 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-4xl font-bold text-navy-900 tabular-nums" data-testid="index-score">
          {index.score === null ? t('noScore') : format.points(index.score)}
        </span>
        {index.score === null ? null : <span className="text-lg text-slate-700">{t('score.outOf')}</span>}
        <span className="text-sm text-slate-700">{t('score.raw', { earned: format.points(index.earned), computable: format.points(index.maxComputable) })}</span>
      </p>
      <p className="mt-2 text-sm text-slate-800" data-testid="index-explanation">
        {index.explanation[l]}
      </p>
      {notes.map((note) => (
        <p key={note} className="mt-2 text-sm text-slate-600">
          {note}
        </p>
      ))}
    </section>
  )
}
