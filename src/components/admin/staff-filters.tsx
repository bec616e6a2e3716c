import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { STAFF_ROLES } from '@/domain/access/roles'
import { buttonStyles } from '@/components/ui/button-styles'
import type { CommuneChoice } from './commune-picker'

const controlClass = 'mt-1 block min-h-11 w-full rounded border border-slate-400 bg-white px-3 text-base text-slate-900 focus:border-navy-700'

/** A plain GET form: filters live in the URL, work without JavaScript and survive the back button. */
export async function StaffFilters({
  filters,
  communes,
  maxQueryLength,
}: {
  filters: { query?: string; role?: string; communeId?: string; status?: string }
  communes: readonly CommuneChoice[]
  maxQueryLength: number
}) {
  const t = await getTranslations('Admin')
  const active = Boolean(filters.query || filters.role || filters.communeId || filters.status)
  return (
    <form role="search" aria-label={t('staffList.filters.label')} method="get" action="/quan-tri" className="rounded border border-slate-200 bg-white p-4">
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))]">
        <div>
          <label htmlFor="loc-tim" className="text-sm font-semibold text-slate-800">
            {t('staffList.filters.query')}
          </label>
          <input
            id="loc-tim"
            type="search"
            name="q"
            defaultValue={filters.query}
            maxLength={maxQueryLength}
            placeholder={t('staffList.filters.queryPlaceholder')}
            autoComplete="off"
            className={`${controlClass} placeholder:text-slate-500`}
          />
        </div>
        <div>
          <label htmlFor="loc-vai-tro" className="text-sm font-semibold text-slate-800">
            {t('staffList.filters.role')}
          </label>
          <select id="loc-vai-tro" name="role" defaultValue={filters.role ?? ''} className={controlClass}>
            <option value="">{t('staffList.filters.allRoles')}</option>
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="loc-xa" className="text-sm font-semibold text-slate-800">
            {t('staffList.filters.commune')}
          </label>
          <select id="loc-xa" name="commune" defaultValue={filters.communeId ?? ''} className={controlClass}>
            <option value="">{t('staffList.filters.allCommunes')}</option>
            {communes.map((commune) => (
              <option key={commune.id} value={commune.id}>
                {commune.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="loc-trang-thai" className="text-sm font-semibold text-slate-800">
            {t('staffList.filters.status')}
          </label>
          <select id="loc-trang-thai" name="status" defaultValue={filters.status ?? ''} className={controlClass}>
            <option value="">{t('staffList.filters.allStatuses')}</option>
            <option value="active">{t('status.active')}</option>
            <option value="disabled">{t('status.disabled')}</option>
          </select>
        </div>
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="submit" className={`${buttonStyles.navy} min-h-11 py-2`}>
          {t('staffList.filters.submit')}
        </button>
        {active ? (
          <Link href="/quan-tri" className={`${buttonStyles.secondary} min-h-11 py-2`}>
            {t('staffList.filters.reset')}
          </Link>
        ) : null}
      </div>
    </form>
  )
}
