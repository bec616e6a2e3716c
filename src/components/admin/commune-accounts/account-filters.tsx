import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'
import { COLLECTION_ACCOUNT_STATES } from '@/domain/payments/collection-account'
import { COMMUNE_ACCOUNTS_HREF } from './hrefs'

const controlClass = 'mt-1 block min-h-11 w-full rounded border border-slate-400 bg-white px-3 text-base text-slate-900 focus:border-navy-700'

/** A plain GET form: filters live in the URL, work without JavaScript and survive the back button. */
export async function AccountFilters({ filters, maxQueryLength }: { filters: { query?: string; account?: string }; maxQueryLength: number }) {
  const t = await getTranslations('AdminCommunes')
  const active = Boolean(filters.query || filters.account)
  return (
    <form role="search" aria-label={t('filters.label')} method="get" action={COMMUNE_ACCOUNTS_HREF} className="rounded border border-slate-200 bg-white p-4">
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          <label htmlFor="loc-tim" className="text-sm font-semibold text-slate-800">
            {t('filters.query')}
          </label>
          <input
            id="loc-tim"
            type="search"
            name="q"
            defaultValue={filters.query}
            maxLength={maxQueryLength}
            placeholder={t('filters.queryPlaceholder')}
            autoComplete="off"
            className={`${controlClass} placeholder:text-slate-500`}
          />
        </div>
        <div>
          <label htmlFor="loc-tai-khoan" className="text-sm font-semibold text-slate-800">
            {t('filters.account')}
          </label>
          <select id="loc-tai-khoan" name="tai-khoan" defaultValue={filters.account ?? ''} className={controlClass}>
            <option value="">{t('filters.allAccounts')}</option>
            {COLLECTION_ACCOUNT_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`status.${state}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="submit" className={`${buttonStyles.navy} min-h-11 py-2`}>
          {t('filters.submit')}
        </button>
        {active ? (
          <Link href={COMMUNE_ACCOUNTS_HREF} className={`${buttonStyles.secondary} min-h-11 py-2`}>
            {t('filters.reset')}
          </Link>
        ) : null}
      </div>
    </form>
  )
}
