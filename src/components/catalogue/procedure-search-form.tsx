import { getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'
import type { CommuneChoice } from '@/server/catalogue/commune-choices'

/**
 * A plain GET form: it works without JavaScript, the results have a shareable URL, and the back button
 * behaves. The server validates `q` again (the route's zod schema); `maxLength` only helps the typist.
 */
export async function ProcedureSearchForm({
  query,
  maxLength,
  tooLong,
  communes,
  commune,
}: {
  query?: string
  maxLength: number
  tooLong: boolean
  /** The communes to apply to; the chosen one is carried to the procedure and the application. */
  communes: readonly CommuneChoice[]
  commune?: string | undefined
}) {
  const t = await getTranslations('Search')
  return (
    <form role="search" method="get" action="/#danh-muc" className="w-full">
      <label htmlFor="tim-thu-tuc" className="mb-2 block text-base font-semibold text-navy-900">
        {t('label')}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="tim-thu-tuc"
          type="search"
          name="q"
          defaultValue={query}
          maxLength={maxLength}
          placeholder={t('placeholder')}
          autoComplete="off"
          enterKeyHint="search"
          aria-describedby={tooLong ? 'tim-thu-tuc-goi-y tim-thu-tuc-loi' : 'tim-thu-tuc-goi-y'}
          aria-invalid={tooLong || undefined}
          className="min-h-12 w-full min-w-0 rounded border border-slate-400 bg-white px-4 text-base text-slate-900 placeholder:text-slate-500 focus:border-navy-700"
        />
        <button type="submit" className={`${buttonStyles.primary} min-h-12 shrink-0 px-6`}>
          <svg viewBox="0 0 20 20" aria-hidden="true" className="size-5 fill-current">
            <path d="M8.5 2a6.5 6.5 0 0 1 5.2 10.4l4 4-1.3 1.3-4-4A6.5 6.5 0 1 1 8.5 2Zm0 1.8a4.7 4.7 0 1 0 0 9.4 4.7 4.7 0 0 0 0-9.4Z" />
          </svg>
          {t('submit')}
        </button>
      </div>
      <p id="tim-thu-tuc-goi-y" className="mt-2 text-sm text-slate-600">
        {t('hint')}
      </p>
      <div className="mt-3 sm:max-w-md">
        <label htmlFor="tim-xa" className="block text-sm font-semibold text-navy-900">
          {t('communeLabel')}
        </label>
        <select
          id="tim-xa"
          name="xa"
          defaultValue={commune ?? ''}
          className="mt-1 block min-h-11 w-full rounded border border-slate-400 bg-white px-3 text-base text-slate-900 focus:border-navy-700"
        >
          <option value="">{t('communeAll')}</option>
          {communes.map((choice) => (
            <option key={choice.code} value={choice.code}>
              {choice.name}
            </option>
          ))}
        </select>
      </div>
      {tooLong ? (
        <p id="tim-thu-tuc-loi" role="alert" className="mt-2 text-sm font-semibold text-gov-red-700">
          {t('tooLong', { max: maxLength })}
        </p>
      ) : null}
    </form>
  )
}
