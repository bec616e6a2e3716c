import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'
import type { PaymentPeriodError } from '@/domain/payments/payment-period'

export type PeriodLink = { key: 'today' | 'thisMonth' | 'lastMonth'; href: string; current: boolean }

/**
 * The period as a plain GET form (dd/MM/yyyy), so a report can be bookmarked and shared; errors are shown under
 * their field and tied to it. Quick links for today, this month and last month.
 */
export async function PeriodForm({
  commune,
  values,
  errors,
  presets,
}: {
  commune: string
  values: { from: string; to: string }
  errors: Partial<Record<'from' | 'to', PaymentPeriodError>>
  presets: PeriodLink[]
}) {
  const t = await getTranslations('StaffPayments.period')
  const field = (name: 'from' | 'to') => {
    const error = errors[name]
    const id = `ky-${name}`
    return (
      <div className="sm:w-56">
        <label htmlFor={id} className="block text-sm font-semibold text-slate-800">
          {t(name)}
        </label>
        {error ? (
          <p id={`${id}-loi`} className="mt-1 text-sm font-semibold text-gov-red-700">
            {t(`errors.${error}`)}
          </p>
        ) : null}
        <input
          id={id}
          name={name}
          defaultValue={values[name]}
          inputMode="numeric"
          autoComplete="off"
          placeholder="dd/mm/yyyy"
          maxLength={10}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${id}-loi` : null, 'ky-goi-y'].filter(Boolean).join(' ')}
          className={`mt-1 w-full rounded bg-white px-3 py-2 font-mono ${error ? 'border-2 border-gov-red-700' : 'border border-slate-400'}`}
        />
      </div>
    )
  }
  return (
    <form method="get" className="rounded border border-slate-200 bg-white p-4">
      <fieldset>
        <legend className="font-semibold text-navy-900">{t('legend')}</legend>
        <input type="hidden" name="commune" value={commune} />
        <div className="mt-2 grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
          {field('from')}
          {field('to')}
          <button type="submit" className={`${buttonStyles.navy} col-span-2 sm:col-span-1`}>
            {t('submit')}
          </button>
        </div>
        <p id="ky-goi-y" className="mt-2 text-sm text-slate-600">
          {t('hint')}
        </p>
      </fieldset>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {presets.map((preset) => (
          <li key={preset.key}>
            <Link href={preset.href} aria-current={preset.current ? 'true' : undefined} className={`text-navy-800 underline ${preset.current ? 'font-bold' : ''}`}>
              {t(preset.key)}
            </Link>
          </li>
        ))}
      </ul>
    </form>
  )
}
