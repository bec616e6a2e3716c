import { getTranslations } from 'next-intl/server'
import { describedBy, FormField, inputBorder, inputClass } from '@/components/admin/form-field'
import { buttonStyles } from '@/components/ui/button-styles'
import { Notice } from '@/components/ui/notice'
import type { CitizenLookup } from '@/server/reception/find-citizen'

/**
 * Step 1: look the person up by ID number or phone (a GET form: works without JavaScript, and the result
 * stays on the page while the clerk goes on). The other steps' choices ride along as hidden fields.
 */
export async function CitizenSearch({
  query,
  lookup,
  errorCode,
  keep,
}: {
  query: string
  lookup: CitizenLookup | null
  errorCode: string | null
  /** Query parameters of the later steps to keep (commune, procedure). */
  keep: Record<string, string>
}) {
  const [t, errors] = await Promise.all([getTranslations('Reception.find'), getTranslations('Reception.errors')])
  const error = errorCode ? (errors.has(`query.${errorCode}`) ? errors(`query.${errorCode}`) : errors('invalid')) : undefined
  return (
    <section aria-labelledby="tim-cong-dan" className="rounded border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="tim-cong-dan" className="text-lg font-semibold text-navy-900">
        {t('title')}
      </h2>
      <form method="get" action="/can-bo/tiep-nhan" role="search" aria-labelledby="tim-cong-dan" className="mt-3">
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <FormField id="tra-cuu" label={t('label')} hint={t('hint')} error={error}>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
            <input
              id="tra-cuu"
              name="q"
              type="search"
              defaultValue={query}
              maxLength={30}
              inputMode="numeric"
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy('tra-cuu', { hint: t('hint'), error })}
              className={`${inputClass} ${inputBorder} font-mono sm:max-w-sm`}
            />
            <button type="submit" className={`${buttonStyles.navy} sm:mt-1.5`}>
              {t('submit')}
            </button>
          </div>
        </FormField>
      </form>

      {lookup?.match ? (
        <div role="status" className="mt-4 rounded border border-emerald-300 bg-emerald-50 p-4">
          <p className="font-semibold text-emerald-950">{t('found')}</p>
          <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold text-slate-700">{t('name')}</dt>
            <dd>{lookup.match.fullName}</dd>
            <dt className="font-semibold text-slate-700">{t('citizenId')}</dt>
            <dd className="font-mono">{lookup.match.citizenId ?? t('none')}</dd>
            <dt className="font-semibold text-slate-700">{t('phone')}</dt>
            <dd className="font-mono">{lookup.match.maskedPhone ?? t('none')}</dd>
          </dl>
          <p className="mt-2 text-sm text-slate-700">{lookup.match.hasAccount ? t('account') : t('noAccount')}</p>
          <p className="mt-1 text-sm text-slate-700">{t('foundHint')}</p>
        </div>
      ) : null}
      {lookup && !lookup.match ? (
        <div className="mt-4">
          <Notice role="status">{t('notFound', { kind: lookup.query.kind, value: lookup.query.value })}</Notice>
        </div>
      ) : null}
    </section>
  )
}
