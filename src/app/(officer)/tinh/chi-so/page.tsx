import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { GroupTable } from '@/components/service-index/group-table'
import { IndexCaveats } from '@/components/service-index/index-caveats'
import { IndexPeriodForm } from '@/components/service-index/period-form'
import { IndexRankingTable } from '@/components/service-index/ranking-table'
import { ScoreSummary } from '@/components/service-index/score-summary'
import { indexLocale } from '@/components/service-index/format'
import { Breadcrumb } from '@/components/ui/breadcrumb'
import { DEFAULT_PERIOD_DAYS } from '@/domain/stats/dashboard-metrics-types'
import { periodOrDefault } from '@/domain/stats/dashboard-metrics'
import { hrefWith, periodParams } from '@/domain/stats/service-index-params'
import { DEFAULT_SERVICE_INDEX_SORT, type ServiceIndexSort } from '@/domain/stats/service-index-ranking'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { getServiceIndexRanking } from '@/server/stats/service-index-ranking'

const PATH = '/tinh/chi-so'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ServiceIndex'))('rankingTitle') }
}

type SearchParams = Record<string, string | string[] | undefined>

/** Decision 766 index of every commune of the province (ADMIN: of the system), the overall score and the ranking. */
export default async function ServiceIndexRankingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission('dashboard.readProvince', PATH)
  const query = await searchParams
  const now = new Date()
  const { period, fieldErrors } = periodOrDefault(query, now)
  const invalid = fieldErrors !== null
  const [ranking, t, locale] = await Promise.all([
    getServiceIndexRanking(db(), { actor, period, sort: { xep: query.xep, chieu: query.chieu } }),
    getTranslations('ServiceIndex'),
    getLocale(),
  ])
  const l = indexLocale(locale)
  const base = periodParams(period)
  const sortParams = (sort: ServiceIndexSort): Record<string, string> =>
    sort.key === DEFAULT_SERVICE_INDEX_SORT.key && sort.direction === DEFAULT_SERVICE_INDEX_SORT.direction ? {} : { xep: sort.key, chieu: sort.direction }
  const province = ranking.province?.name ?? 'none'
  const unscored = ranking.rows.some((row) => row.score === null)
  const unranked = ranking.rows.some((row) => row.score !== null && !row.ranked)
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-8 sm:px-6">
      <Breadcrumb label={t('breadcrumb')} crumbs={[{ label: t('crumbs.province'), href: hrefWith('/tinh', base) }, { label: t('crumbs.ranking') }]} />
      <div>
        <h1 className="text-2xl font-bold text-navy-900">{t('rankingTitle')}</h1>
        <p className="mt-1 text-slate-700">{t('rankingLead', { count: ranking.rows.length, province })}</p>
      </div>
      <IndexPeriodForm
        period={period}
        invalid={invalid}
        keep={sortParams(ranking.sort)}
        presetHref={(days) => hrefWith(PATH, { ...(days === DEFAULT_PERIOD_DAYS ? {} : { ky: String(days) }), ...sortParams(ranking.sort) })}
      />
      <ScoreSummary
        id="diem-chung"
        index={ranking.total.index}
        heading={t('score.provinceHeading', { province })}
        notes={[t('score.how'), t('score.provinceHow'), t('score.config', { name: ranking.config.name[l], id: ranking.config.id })]}
      />
      <section aria-labelledby="nhom-tieu-de" className="space-y-3">
        <h2 id="nhom-tieu-de" className="text-lg font-semibold text-navy-900">
          {t('groups.heading')}
        </h2>
        <GroupTable groups={ranking.total.index.groups} />
      </section>
      <IndexCaveats unavailable={ranking.unavailable} catalogue={ranking.catalogue} catalogueTo={period.to} unconfirmed={ranking.unconfirmed} config={ranking.config} />
      <section aria-labelledby="xep-hang" className="space-y-3">
        <h2 id="xep-hang" className="text-lg font-semibold text-navy-900">
          {t('ranking.heading')}
        </h2>
        <p className="text-sm text-slate-700">{t('ranking.comparable')}</p>
        {unranked ? <p className="text-sm text-slate-700">{t('ranking.unrankedNote')}</p> : null}
        {unscored ? <p className="text-sm text-slate-700">{t('ranking.noScoreNote', { noScore: t('noScore') })}</p> : null}
        <IndexRankingTable
          rows={ranking.rows}
          config={ranking.config}
          sort={ranking.sort}
          sortHref={(sort) => hrefWith(PATH, { ...base, ...sortParams(sort) })}
          communeHref={(code) => hrefWith(`/tinh/xa/${code}/chi-so`, base)}
          dashboardHref={(code) => hrefWith(`/tinh/xa/${code}`, base)}
        />
      </section>
    </div>
  )
}
