import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import type { ProcedureCatalogue } from '@/server/catalogue/list-procedures'
import { Notice } from '@/components/ui/notice'
import { catalogueHref } from './catalogue-href'
import { FieldFilter } from './field-filter'
import { catalogueLabels } from './catalogue-labels'
import { ProcedureList } from './procedure-list'

/** The catalogue block of the home page: field filter beside the list, or search results. */
export async function CatalogueSection({
  catalogue,
  query,
  field,
  commune,
}: {
  catalogue: ProcedureCatalogue
  query?: string
  field?: string
  /** The commune chosen with the search: every commune-level procedure is handled there; links carry it on. */
  commune?: { code: string; name: string } | undefined
}) {
  const [t, labels] = await Promise.all([getTranslations('Catalogue'), catalogueLabels()])
  const { procedures, fields } = catalogue
  const total = fields.reduce((sum, entry) => sum + entry.count, 0)
  const count = procedures.length
  return (
    <section id="danh-muc" aria-labelledby="danh-muc-tieu-de" className="mx-auto max-w-6xl scroll-mt-4 px-4 py-10 sm:px-6">
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-8">
        {fields.length > 0 ? <FieldFilter fields={fields} active={field} query={query} commune={commune?.code} /> : <div />}
        <div className="min-w-0">
          <div className="mb-4 border-b-2 border-navy-800 pb-2">
            <h2 id="danh-muc-tieu-de" className="text-xl font-bold text-navy-900 sm:text-2xl">
              {query ? t('resultsTitle') : t('title')}
            </h2>
            {commune ? <p className="mt-1 text-sm font-semibold text-navy-800">{t('inCommune', { commune: commune.name })}</p> : null}
            {count > 0 ? (
              <p className="mt-1 text-sm text-slate-600">
                {query
                  ? field
                    ? t('resultsInField', { count, query, field: labels.field(field).text })
                    : t('resultsSummary', { count, query })
                  : t('total', { count: field ? count : total })}
              </p>
            ) : null}
          </div>
          {count > 0 ? (
            <ProcedureList procedures={procedures} grouped={!query} commune={commune?.code} />
          ) : query ? (
            <Notice>
              <p className="font-semibold">{t('noResults', { query })}</p>
              <p className="mt-1">{t('noResultsHint')}</p>
              <p className="mt-2">
                <Link href={catalogueHref({})} className="font-semibold text-navy-800 underline">
                  {t('showAll')}
                </Link>
              </p>
            </Notice>
          ) : (
            <Notice>{t('empty')}</Notice>
          )}
        </div>
      </div>
    </section>
  )
}
