import { getLocale, getTranslations } from 'next-intl/server'
import { LOCALES } from '@/i18n/config'
import { setLocale } from './set-locale.action'

/**
 * Two buttons in a plain form: works without JavaScript, and needs no client component. Each shows its short
 * code and is named "VI – Tiếng Việt" / "EN – English" (in its own language), so what is seen is what is said.
 */
export async function LanguageSwitch() {
  const [t, current] = await Promise.all([getTranslations('Layout.language'), getLocale()])
  return (
    <form action={setLocale} className="flex items-center">
      <div role="group" aria-label={t('label')} className="flex overflow-hidden rounded border border-white/40">
        {LOCALES.map((locale) => {
          const active = locale === current
          return (
            <button
              key={locale}
              type="submit"
              name="locale"
              value={locale}
              lang={locale}
              aria-pressed={active}
              className={
                active
                  ? 'bg-white px-2 py-1.5 text-xs font-semibold text-navy-900 sm:px-2.5'
                  : 'px-2 py-1.5 text-xs font-semibold text-white hover:bg-white/15 sm:px-2.5'
              }
            >
              {t(locale === 'vi' ? 'viShort' : 'enShort')}
              <span className="sr-only"> – {t(locale)}</span>
            </button>
          )
        })}
      </div>
    </form>
  )
}
