import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'
import { DASHBOARD_PRESETS, type DashboardPeriod, type DashboardPreset } from '@/domain/stats/dashboard-metrics-types'
import { formatLocalDay } from './format'
import type { PeriodErrors } from './query'

/**
 * The period of a dashboard page: quick links for the last 7, 30, 90 and 365 days, and a plain GET form with
 * two dates (`tu`, `den`, written dd/MM/yyyy), so a view can be bookmarked and shared and works without
 * JavaScript. `keep` carries the page's other search parameters (sort, commune, measure) through the form. A
 * period that could not be used is shown as typed, with its errors under their fields.
 */
export async function PeriodForm({
  period,
  presetHref,
  keep = {},
  errors = {},
  input = null,
}: {
  period: DashboardPeriod
  presetHref: (days: DashboardPreset) => string
  keep?: Record<string, string>
  errors?: PeriodErrors
  /** What was typed, when it could not be used (the page shows the default period meanwhile). */
  input?: { tu: string; den: string } | null
}) {
  const t = await getTranslations('Dashboard.period')
  const message = (code: string) => (t.has(`errors.${code}`) ? t(`errors.${code}`) : code)
  const invalid = Object.keys(errors).length > 0
  const field = (name: 'tu' | 'den', label: string, value: string) => {
    const fieldErrors = errors[name] ?? []
    const id = `ky-${name}`
    return (
      <div className="sm:w-48">
        <label htmlFor={id} className="block text-sm font-semibold text-slate-800">
          {label}
        </label>
        {fieldErrors.length > 0 ? (
          <p id={`${id}-loi`} className="mt-1 text-sm font-semibold text-gov-red-700">
            {fieldErrors.map(message).join(' ')}
          </p>
        ) : null}
        <input
          id={id}
          name={name}
          defaultValue={value}
          inputMode="numeric"
          autoComplete="off"
          placeholder="dd/mm/yyyy"
          maxLength={10}
          required
          aria-invalid={fieldErrors.length > 0 ? true : undefined}
          aria-describedby={[fieldErrors.length > 0 ? `${id}-loi` : null, 'ky-goi-y'].filter(Boolean).join(' ')}
          className={`mt-1 w-full rounded bg-white px-3 py-2 font-mono ${fieldErrors.length > 0 ? 'border-2 border-gov-red-700' : 'border border-slate-400'}`}
        />
      </div>
    )
  }
  return (
    <form method="get" className="rounded border border-slate-200 bg-white p-4">
      <fieldset>
        <legend className="font-semibold text-navy-900">{t('legend')}</legend>
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <ul aria-label={t('presetsLabel')} className="mt-2 flex flex-wrap gap-2 text-sm">
          {DASHBOARD_PRESETS.map((days) => {
            const current = !invalid && period.preset === days
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
          {field('tu', t('from'), input ? input.tu : formatLocalDay(period.from))}
          {field('den', t('to'), input ? input.den : formatLocalDay(period.to))}
          <button type="submit" className={`${buttonStyles.navy} col-span-2 sm:col-span-1`}>
            {t('submit')}
          </button>
        </div>
        <p id="ky-goi-y" className="mt-2 text-sm text-slate-600">
          {t('hint')}
        </p>
      </fieldset>
      {invalid ? (
        <div role="status" className="mt-3 rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="period-errors">
          <p>{t('invalid')}</p>
          {errors.ky ? <p>{errors.ky.map(message).join(' ')}</p> : null}
        </div>
      ) : null}
      <p className="mt-3 text-sm font-semibold text-slate-800" data-testid="period-shown">
        {t('showing', { from: formatLocalDay(period.from), to: formatLocalDay(period.to), days: period.days })}
      </p>
    </form>
  )
}
