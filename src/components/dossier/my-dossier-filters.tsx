import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { CITIZEN_DOSSIER_FILTERS, type CitizenDossierFilter } from '@/domain/dossier/citizen-next-step'

/**
 * The filters of "Hồ sơ của tôi" as links (`?loc=…`), each with its count; the current one marked with
 * aria-current. "Needs your action" stands out while it holds anything. Server component.
 */
export async function MyDossierFilters({ current, counts, hrefFor }: { current: CitizenDossierFilter; counts: Record<CitizenDossierFilter, number>; hrefFor: (filter: CitizenDossierFilter) => string }) {
  const t = await getTranslations('Dossier.myDossiers')
  return (
    <nav aria-label={t('filters')}>
      <ul className="flex flex-wrap gap-2">
        {CITIZEN_DOSSIER_FILTERS.map((filter) => {
          const active = filter === current
          const urgent = filter === 'action' && counts.action > 0
          return (
            <li key={filter}>
              <Link
                href={hrefFor(filter)}
                aria-current={active ? 'page' : undefined}
                data-filter={filter}
                className={`inline-flex min-h-11 items-center gap-2 rounded border px-3 py-2 text-sm font-semibold ${
                  active ? 'border-navy-800 bg-navy-800 text-white' : 'border-slate-300 bg-white text-navy-900 hover:border-navy-600'
                }`}
              >
                {t(`filter.${filter}`)}
                <span className={`rounded-full px-2 text-xs ${active ? 'bg-white text-navy-900' : urgent ? 'bg-amber-600 text-white' : 'bg-slate-200 text-slate-900'}`}>
                  {counts[filter].toLocaleString('vi-VN')}
                </span>
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
