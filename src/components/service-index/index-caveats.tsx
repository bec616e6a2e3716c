import { getLocale, getTranslations } from 'next-intl/server'
import type { ServiceIndexConfig, UnconfirmedItem } from '@/domain/stats/service-index'
import { formatLocalDay, indexLocale } from './format'

export type UnavailableNote = { section: string; reason: 'PUBLICATION_DEADLINE_NOT_RECORDED' | 'NO_FEEDBACK_MODULE' }
export type CatalogueNote = { procedures: number; offeredOnline: number; fullyOnline: number; onlineLevelUnverified: number }

/**
 * What the figures rest on and what they leave out, said plainly: the criteria that cannot be computed and why,
 * the procedure catalogue counted, and every weight, formula or curve the decision's summaries do not confirm
 * (from `listUnconfirmed`). `open` shows the unconfirmed list unfolded.
 */
export async function IndexCaveats({
  unavailable,
  catalogue,
  catalogueTo,
  unconfirmed,
  config,
  open = false,
}: {
  unavailable: readonly UnavailableNote[]
  catalogue: CatalogueNote
  /** The last local day of the period ('yyyy-MM-dd'): the catalogue is the one in force then. */
  catalogueTo: string
  unconfirmed: readonly UnconfirmedItem[]
  config: ServiceIndexConfig
  open?: boolean
}) {
  const [t, locale] = await Promise.all([getTranslations('ServiceIndex'), getLocale()])
  const l = indexLocale(locale)
  const groupName = (key: string) => config.groups.find((group) => group.key === key)?.name[l] ?? key
  const criterionName = (groupKey: string, key: string) => config.groups.find((group) => group.key === groupKey)?.criteria.find((criterion) => criterion.key === key)?.name[l] ?? key
  // One line per group or criterion, its unconfirmed aspects together and its note once.
  const subjects: { key: string; groupKey: string; criterionKey?: string; items: UnconfirmedItem[]; note?: UnconfirmedItem['note'] }[] = []
  for (const item of unconfirmed) {
    const key = `${item.groupKey}/${item.criterionKey ?? ''}`
    const subject = subjects.find((entry) => entry.key === key)
    if (subject) subject.items.push(item)
    else subjects.push({ key, groupKey: item.groupKey, ...(item.criterionKey ? { criterionKey: item.criterionKey } : {}), items: [item], ...(item.note ? { note: item.note } : {}) })
  }
  const hasPublicityOther = config.groups.some((group) => group.criteria.some((criterion) => criterion.key === 'publicityOther' && criterion.measure === null))
  return (
    <div className="space-y-4 text-sm">
      <section aria-labelledby="chua-tinh" className="rounded border-l-4 border-amber-500 bg-amber-50 px-4 py-3 text-amber-950">
        <h3 id="chua-tinh" className="font-semibold">
          {t('unavailable.heading')}
        </h3>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {unavailable.map((item) => (
            <li key={item.section}>{t(`unavailable.${item.reason}`)}</li>
          ))}
          {hasPublicityOther ? <li>{t('unavailable.publicityOther')}</li> : null}
        </ul>
      </section>
      <section aria-labelledby="danh-muc" className="rounded border border-slate-200 bg-white px-4 py-3 text-slate-800">
        <h3 id="danh-muc" className="font-semibold text-navy-900">
          {t('catalogue.heading')}
        </h3>
        <p className="mt-1">
          {t('catalogue.text', { asOf: formatLocalDay(catalogueTo), procedures: catalogue.procedures, online: catalogue.offeredOnline, full: catalogue.fullyOnline })}
        </p>
        {catalogue.onlineLevelUnverified > 0 ? <p className="mt-1 text-amber-900">{t('catalogue.unverified', { count: catalogue.onlineLevelUnverified })}</p> : null}
      </section>
      <details open={open} className="rounded border border-slate-200 bg-white px-4 py-3 text-slate-800" data-testid="unconfirmed">
        <summary className="cursor-pointer font-semibold text-navy-900">
          {t('unconfirmed.heading')} — {t('unconfirmed.summary', { count: subjects.length })}
        </summary>
        <p className="mt-2">{t('unconfirmed.lead')}</p>
        <p className="mt-1 text-slate-600">{config.basis[l]}</p>
        <ul className="mt-2 space-y-1.5">
          {subjects.map((subject) => (
            <li key={subject.key} data-unconfirmed={subject.key}>
              <span className="font-medium">{subject.criterionKey ? criterionName(subject.groupKey, subject.criterionKey) : t('unconfirmed.group', { group: groupName(subject.groupKey) })}</span>
              {' — '}
              {subject.items.map((item) => t('unconfirmed.item', { aspect: t(`provenance.aspect.${item.aspect}`), status: t(`provenance.status.${item.status}`) })).join('; ')}
              {subject.note ? <span className="block text-slate-600">{subject.note[l]}</span> : null}
            </li>
          ))}
        </ul>
      </details>
    </div>
  )
}
