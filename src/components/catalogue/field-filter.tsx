import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import type { FieldCount } from '@/server/catalogue/procedure.dto'
import { catalogueHref } from './catalogue-href'
import { catalogueLabels } from './catalogue-labels'

const base = 'flex items-center justify-between gap-3 whitespace-nowrap rounded px-3 py-2 text-sm lg:whitespace-normal'
const idle = `${base} bg-white text-navy-800 ring-1 ring-slate-300 ring-inset hover:bg-navy-50 lg:ring-0`
const current = `${base} bg-navy-800 font-semibold text-white`

/**
 * Links that filter the catalogue by field, keeping the search text: a row of chips that scrolls sideways on
 * phones, a list beside the catalogue on wide screens.
 */
export async function FieldFilter({ fields, active, query, commune }: { fields: FieldCount[]; active?: string; query?: string; commune?: string | undefined }) {
  const [t, labels] = await Promise.all([getTranslations('Catalogue'), catalogueLabels()])
  const total = fields.reduce((sum, entry) => sum + entry.count, 0)
  return (
    <nav aria-labelledby="loc-linh-vuc" className="min-w-0">
      <h2 id="loc-linh-vuc" className="mb-2 text-sm font-semibold tracking-wide text-slate-700 uppercase">
        {t('fieldsLabel')}
      </h2>
      <ul className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-2 sm:-mx-6 sm:px-6 lg:mx-0 lg:flex-col lg:gap-0.5 lg:overflow-visible lg:px-0 lg:pb-0">
        <li className="shrink-0">
          <Link href={catalogueHref({ query, commune })} aria-current={active ? undefined : 'true'} className={active ? idle : current}>
            <span>{t('allFields')}</span>
            <span className="tabular-nums opacity-80">{total}</span>
          </Link>
        </li>
        {fields.map((entry) => {
          const selected = entry.field === active
          const label = labels.field(entry.field)
          return (
            <li key={entry.field} className="shrink-0">
              <Link
                href={catalogueHref({ query, field: entry.field, commune })}
                aria-current={selected ? 'true' : undefined}
                className={selected ? current : idle}
              >
                <span lang={label.lang}>{label.text}</span>
                <span className="tabular-nums opacity-80">{entry.count}</span>
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
