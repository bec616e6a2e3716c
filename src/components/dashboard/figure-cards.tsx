import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import type { DashboardFigures, DashboardMeasure } from '@/domain/stats/dashboard-metrics-types'
import { dashboardFormat } from './format'

type Card = { key: keyof DashboardFigures; value: string; detail: string; measure: DashboardMeasure | null; behind: number; tone?: 'warning' }

/**
 * The figures of a scope (province, commune, procedure in a commune) as cards, each with the counts it is made
 * of. With `listHref`, a figure's value opens the dossiers behind it.
 */
export async function FigureCards({ figures, listHref = null, title }: { figures: DashboardFigures; listHref?: ((measure: DashboardMeasure) => string) | null; title: string }) {
  const [root, t, names, locale] = await Promise.all([getTranslations('Dashboard'), getTranslations('Dashboard.cards'), getTranslations('Dashboard.figures'), getLocale()])
  const f = dashboardFormat(locale, root('noData'))
  const n = f.count
  const cards: Card[] = [
    { key: 'received', value: n(figures.received), detail: t('received', { online: n(figures.receivedOnline) }), measure: 'received', behind: figures.received },
    {
      key: 'resolved',
      value: n(figures.resolved),
      detail: t('resolved', { early: n(figures.resolvedEarly), onTime: n(figures.resolvedOnTime), late: n(figures.resolvedLate) }),
      measure: 'resolved',
      behind: figures.resolved,
    },
    { key: 'inProgress', value: n(figures.inProgress), detail: t('inProgress', { waiting: n(figures.waitingReception) }), measure: 'inProgress', behind: figures.inProgress },
    { key: 'onTimeRate', value: f.percent(figures.onTimeRate), detail: t('onTimeRate', { resolved: n(figures.resolved) }), measure: 'resolved', behind: figures.resolved },
    {
      key: 'overdueNow',
      value: n(figures.overdueNow),
      detail: t('overdueNow'),
      measure: 'overdueNow',
      behind: figures.overdueNow,
      ...(figures.overdueNow > 0 ? { tone: 'warning' as const } : {}),
    },
    { key: 'awaitingSupplement', value: n(figures.awaitingSupplement), detail: t('awaitingSupplement'), measure: 'awaitingSupplement', behind: figures.awaitingSupplement },
    {
      key: 'onlineShare',
      value: f.percent(figures.onlineShare),
      detail: t('onlineShare', { online: n(figures.receivedOnline), received: n(figures.received) }),
      measure: 'receivedOnline',
      behind: figures.receivedOnline,
    },
    {
      key: 'onlinePaymentShare',
      value: f.percent(figures.onlinePaymentShare),
      detail: t('onlinePaymentShare', { paid: n(figures.feePaidOnline), due: n(figures.feeDue) }),
      measure: 'feePaidOnline',
      behind: figures.feePaidOnline,
    },
    {
      key: 'avgProcessingWorkingDays',
      value: figures.avgProcessingWorkingDays === null ? root('noData') : t('days', { value: f.decimal(figures.avgProcessingWorkingDays) }),
      detail: t('avgProcessingWorkingDays', { resolved: n(figures.resolved) }),
      measure: 'resolved',
      behind: figures.resolved,
    },
    {
      key: 'satisfaction',
      value: f.percent(figures.satisfaction),
      detail: t('satisfaction', { satisfied: n(figures.ratingsSatisfied), count: n(figures.ratingsCount) }),
      measure: 'ratings',
      behind: figures.ratingsCount,
    },
  ]
  return (
    <dl aria-label={title} className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5">
      {cards.map((card) => {
        const href = listHref && card.measure && card.behind > 0 ? listHref(card.measure) : null
        return (
          <div key={card.key} data-figure={card.key} className={`flex flex-col rounded border p-3 ${card.tone === 'warning' ? 'border-amber-500 bg-amber-50' : 'border-slate-200 bg-white'}`}>
            <dt className="text-sm text-slate-700">{names(card.key)}</dt>
            <dd className="mt-1 text-xl font-bold text-navy-900 tabular-nums">
              {href ? (
                <Link href={href} className="underline decoration-navy-200 underline-offset-4 hover:decoration-navy-800">
                  {card.value}
                  <span className="sr-only">, {t('listOf')}</span>
                </Link>
              ) : (
                card.value
              )}
            </dd>
            <dd className="mt-0.5 text-xs text-slate-600">{card.detail}</dd>
          </div>
        )
      })}
    </dl>
  )
}
