import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'
import { DASHBOARD_PRESETS, type DashboardPeriod, type DashboardPreset } from '@/domain/stats/dashboard-metrics-types'
import { formatLocalDay } from './format'

/**
 * The period of an index page: quick links (7, 30, 90, 365 days) and a plain GET form with two dates (`tu`, `den`),
 * so a view can be bookmarked and works without JavaScript. `keep` carries the page's other parameters.
 */
export async function IndexPeriodForm({
  period,
  presetHref,
  keep = {},
  invalid = false,
}: {
  period: DashboardPeriod
  presetHref: (days: DashboardPreset) => string
  keep?: Record<string, string>
  invalid?: boolean
}) {
  const t = await getTranslations('ServiceIndex.period')
  return (
    <form method="get" className="rounded border border-slate-200 bg-white p-4">
      <fieldset>
        <legend className="font-semibold text-navy-900">{t('legend')}</legend>
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <ul aria-label={t('presetsLabel')} className="mt-2 flex flex-wrap gap-2 text-sm">
          {DASHBOARD_PRESETS.map((days) => {
            const current = period.preset === days
            return (
              <li key={days}>
                <Link
                  href={presetHref(days)}
                  aria-current={current ? 'true' : undefined}
                  className={`inline-block rounded-full border px-3 py-1 font-semibold ${current ? 'border-navy-800 bg-navy-800 text-white' : 'border-slate-300 text-navy-800 hover:bg-navy-50'}`}
                >
                  {t('preset', { days })}
                </Link>
              </li>
            )
          })}
        </ul>
        <div className="mt-3 grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
          <div className="sm:w-48">
            <label htmlFor="chi-so-tu" className="block text-sm font-semibold text-slate-800">
              {t('from')}
            </label>
            <input id="chi-so-tu" name="tu" type="text" inputMode="numeric" autoComplete="off" placeholder="dd/mm/yyyy" required defaultValue={formatLocalDay(period.from)} aria-describedby="chi-so-ky-goi-y" className="mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2" />
          </div>
          <div className="sm:w-48">
            <label htmlFor="chi-so-den" className="block text-sm font-semibold text-slate-800">
              {t('to')}
            </label>
            <input id="chi-so-den" name="den" type="text" inputMode="numeric" autoComplete="off" placeholder="dd/mm/yyyy" required defaultValue={formatLocalDay(period.to)} aria-describedby="chi-so-ky-goi-y" className="mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2" />
          </div>
          <button type="submit" className={`${buttonStyles.navy} col-span-2 sm:col-span-1`}>
            {t('submit')}
          </button>
        </div>
        <p id="chi-so-ky-goi-y" className="mt-2 text-sm text-slate-600">
          {t('hint')}
        </p>
      </fieldset>
      <p className="mt-3 text-sm font-semibold text-slate-800" data-testid="index-period">
        {t('showing', { from: formatLocalDay(period.from), to: formatLocalDay(period.to), days: period.days })}
      </p>
      {invalid ? (
        <p role="status" className="mt-2 rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t('invalid')}
        </p>
      ) : null}
    </form>
  )
}
