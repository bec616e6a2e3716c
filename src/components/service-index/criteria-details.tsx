import { getLocale, getTranslations } from 'next-intl/server'
import { MEASURES, type CriterionResult, type MeasureKey, type ServiceIndexResult } from '@/domain/stats/service-index'
import { indexFormat, indexLocale, type IndexFormat } from './format'
import { ProvenanceBadges, statusTone } from './provenance-badges'
import { ScrollArea } from './scroll-area'
import { CriterionStatusBadge } from './status-badge'

/** Measures the server counts, with the text saying how (messages `ServiceIndex.sources`). */
const COUNTED = ['DOSSIERS_SETTLED_ON_TIME', 'DOSSIERS_DIGITISED', 'RESULTS_ELECTRONIC', 'PROCEDURES_ONLINE', 'DOSSIERS_ONLINE', 'FEES_PAID_ONLINE', 'RATINGS_SATISFIED'] as const
type CountedMeasure = (typeof COUNTED)[number]
const isCounted = (measure: MeasureKey | null): measure is CountedMeasure => (COUNTED as readonly string[]).includes(measure ?? '')

const cell = 'px-3 py-2'
const numeric = `${cell} text-right tabular-nums whitespace-nowrap`

function earnedText(criterion: CriterionResult, format: IndexFormat, notCounted: string): string {
  return criterion.status === 'COMPUTED' ? `${format.points(criterion.earned)} / ${format.points(criterion.points)}` : notCounted
}

/**
 * Every group and criterion of one unit's index: a summary table, then for each criterion its status, points,
 * ratio, formula in words, numerator and denominator with what they count, the scoring rule, the calculation
 * with the numbers filled in, caveats and where each part comes from.
 */
export async function CriteriaDetails({ index }: { index: ServiceIndexResult }) {
  const [t, root, sources, locale] = await Promise.all([getTranslations('ServiceIndex.criteria'), getTranslations('ServiceIndex'), getTranslations('ServiceIndex.sources'), getLocale()])
  const l = indexLocale(locale)
  const format = indexFormat(l, root('dash'))
  const notCounted = (points: number) => t('notCounted', { points: format.points(points) })
  return (
    <div className="space-y-6">
      <ScrollArea label={t('summaryCaption')}>
        <table className="w-full text-left text-sm" data-testid="criteria-summary">
          <caption className="sr-only">{t('summaryCaption')}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className={`${cell} min-w-52`}>{t('criterion')}</th>
              <th scope="col" className={cell}>{t('status')}</th>
              <th scope="col" className={`${cell} text-right`}>{t('ratio')}</th>
              <th scope="col" className={`${cell} text-right`}>{t('points')}</th>
            </tr>
          </thead>
          {index.groups.map((group) => (
            <tbody key={group.key}>
              <tr className="border-t border-slate-300 bg-slate-50">
                <th scope="colgroup" colSpan={4} className={`${cell} font-semibold text-navy-900`}>
                  {group.name[l]} · {group.maxComputable > 0 ? t('groupPoints', { earned: format.points(group.earned), computable: format.points(group.maxComputable), weight: format.points(group.points) }) : t('groupNone', { weight: format.points(group.points) })}
                </th>
              </tr>
              {group.criteria.map((criterion) => (
                <tr key={criterion.key} className="border-t border-slate-200" data-criterion={criterion.key}>
                  <th scope="row" className={`${cell} font-normal`}>
                    <a href={`#tieu-chi-${criterion.key}`} className="text-navy-800 underline underline-offset-2">
                      {criterion.name[l]}
                    </a>
                  </th>
                  <td className={cell}>
                    <CriterionStatusBadge status={criterion.status} />
                  </td>
                  <td className={numeric}>{format.percent(criterion.ratio)}</td>
                  <td className={numeric}>{earnedText(criterion, format, notCounted(criterion.points))}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </ScrollArea>

      {index.groups.map((group) => (
        <section key={group.key} aria-labelledby={`nhom-${group.key}`} className="rounded border border-slate-200 bg-white">
          <header className="border-b border-slate-200 bg-slate-50 px-4 py-3">
            <h3 id={`nhom-${group.key}`} className="font-semibold text-navy-900">
              {group.name[l]}
            </h3>
            <p className="mt-0.5 text-sm text-slate-700">
              {group.maxComputable > 0 ? t('groupPoints', { earned: format.points(group.earned), computable: format.points(group.maxComputable), weight: format.points(group.points) }) : t('groupNone', { weight: format.points(group.points) })}
            </p>
          </header>
          <ol className="divide-y divide-slate-200">
            {group.criteria.map((criterion) => {
              const measure = criterion.measure ? MEASURES[criterion.measure] : null
              const counted = isCounted(criterion.measure) ? criterion.measure : null
              return (
                <li key={criterion.key} id={`tieu-chi-${criterion.key}`} className="px-4 py-4" data-criterion-detail={criterion.key}>
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <h4 className="font-semibold text-slate-900">{criterion.name[l]}</h4>
                    <CriterionStatusBadge status={criterion.status} />
                    <span className="text-sm font-semibold text-navy-900 tabular-nums">{earnedText(criterion, format, notCounted(criterion.points))}</span>
                  </div>
                  <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
                    <dt className="font-semibold text-slate-700">{t('formula')}</dt>
                    <dd className="text-slate-900">{criterion.explanation.formula ? criterion.explanation.formula[l] : t('noFormula')}</dd>
                    {measure && criterion.numerator !== null ? (
                      <>
                        <dt className="font-semibold text-slate-700">{t('numerator')}</dt>
                        <dd className="text-slate-900">
                          <span className="font-semibold tabular-nums">{format.count(criterion.numerator)}</span> — {measure.numerator[l]}
                          {counted ? <span className="block text-slate-600">{t('countedHow', { how: sources(`${counted}.numerator`) })}</span> : null}
                        </dd>
                        <dt className="font-semibold text-slate-700">{t('denominator')}</dt>
                        <dd className="text-slate-900">
                          <span className="font-semibold tabular-nums">{format.count(criterion.denominator)}</span> — {measure.denominator[l]}
                          {counted ? <span className="block text-slate-600">{t('countedHow', { how: sources(`${counted}.denominator`) })}</span> : null}
                        </dd>
                        <dt className="font-semibold text-slate-700">{t('ratio')}</dt>
                        <dd className="tabular-nums text-slate-900">{format.percent(criterion.ratio)}</dd>
                      </>
                    ) : null}
                    {criterion.explanation.scoring ? (
                      <>
                        <dt className="font-semibold text-slate-700">{t('scoring')}</dt>
                        <dd className="text-slate-900">{criterion.explanation.scoring[l]}</dd>
                      </>
                    ) : null}
                    <dt className="font-semibold text-slate-700">{t('calculation')}</dt>
                    <dd className="text-slate-900" data-testid="criterion-calculation">
                      {criterion.explanation.calculation[l]}
                    </dd>
                    {criterion.explanation.note ? (
                      <>
                        <dt className="font-semibold text-slate-700">{t('note')}</dt>
                        <dd className={`rounded px-2 py-1 ring-1 ring-inset ${statusTone('UNCONFIRMED')}`}>{criterion.explanation.note[l]}</dd>
                      </>
                    ) : null}
                    <dt className="font-semibold text-slate-700">{t('provenance')}</dt>
                    <dd>
                      <ProvenanceBadges provenance={criterion.provenance} />
                    </dd>
                  </dl>
                </li>
              )
            })}
          </ol>
        </section>
      ))}
    </div>
  )
}
