import { getLocale, getTranslations } from 'next-intl/server'
import type { Improvement, ServiceIndexConfig, ServiceIndexResult, UnconfirmedItem } from '@/domain/stats/service-index'
import type { SimulationChoice } from '@/domain/stats/service-index-params'
import { CriteriaDetails } from './criteria-details'
import { indexLocale } from './format'
import { GroupTable } from './group-table'
import { IndexCaveats, type CatalogueNote, type UnavailableNote } from './index-caveats'
import { ScoreSummary } from './score-summary'
import { Simulator } from './simulator'

export type CommuneIndexViewData = {
  communeName: string
  periodTo: string
  config: ServiceIndexConfig
  index: ServiceIndexResult
  simulation: SimulationChoice & { improvements: readonly Improvement[] }
  catalogue: CatalogueNote
  unavailable: readonly UnavailableNote[]
  unconfirmed: readonly UnconfirmedItem[]
}

/**
 * One commune's index, explained (the province officer's and the commune staff's pages show the same): the score,
 * the groups, what is left out and unconfirmed, every criterion, and the simulator. `keep` = the page's search
 * parameters the simulator form must carry (period, commune).
 */
export async function CommuneIndexView({ data, keep }: { data: CommuneIndexViewData; keep: Record<string, string> }) {
  const [t, locale] = await Promise.all([getTranslations('ServiceIndex'), getLocale()])
  const l = indexLocale(locale)
  const sections = [
    ['diem', t('score.heading')],
    ['nhom', t('groups.heading')],
    ['luu-y', t('caveats.heading')],
    ['tieu-chi', t('criteria.heading')],
    ['mo-phong', t('simulator.heading')],
  ] as const
  return (
    <div className="space-y-8">
      <nav aria-label={t('sections')} className="text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {sections.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`} className="text-navy-800 underline underline-offset-2">
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div id="diem">
        <ScoreSummary id="diem-tieu-de" index={data.index} heading={t('score.heading')} notes={[t('score.how'), t('score.config', { name: data.config.name[l], id: data.config.id })]} />
      </div>
      <section id="nhom" aria-labelledby="nhom-tieu-de" className="space-y-3">
        <h2 id="nhom-tieu-de" className="text-lg font-semibold text-navy-900">
          {t('groups.heading')}
        </h2>
        <GroupTable groups={data.index.groups} />
      </section>
      <section id="luu-y" aria-labelledby="luu-y-tieu-de" className="space-y-3">
        <h2 id="luu-y-tieu-de" className="text-lg font-semibold text-navy-900">
          {t('caveats.heading')}
        </h2>
        <IndexCaveats unavailable={data.unavailable} catalogue={data.catalogue} catalogueTo={data.periodTo} unconfirmed={data.unconfirmed} config={data.config} open />
      </section>
      <section id="tieu-chi" aria-labelledby="tieu-chi-tieu-de" className="space-y-3">
        <h2 id="tieu-chi-tieu-de" className="text-lg font-semibold text-navy-900">
          {t('criteria.heading')}
        </h2>
        <CriteriaDetails index={data.index} />
      </section>
      <section id="mo-phong" aria-labelledby="mo-phong-tieu-de" className="space-y-3">
        <h2 id="mo-phong-tieu-de" className="text-lg font-semibold text-navy-900">
          {t('simulator.heading')}
        </h2>
        <Simulator simulation={data.simulation} keep={keep} />
      </section>
    </div>
  )
}
