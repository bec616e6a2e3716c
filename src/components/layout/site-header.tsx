import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { BrandMark } from './brand-mark'
import { LanguageSwitch } from './language-switch'

export async function SiteHeader() {
  const [t, app] = await Promise.all([getTranslations('Layout'), getTranslations('App')])
  return (
    <header className="bg-navy-900 text-white">
      <div className="h-1 bg-gov-red-600" aria-hidden="true" />
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-3 sm:gap-3 sm:px-6">
        <Link href="/" className="flex min-w-0 items-center gap-2.5 rounded sm:gap-3">
          <BrandMark className="size-9 shrink-0 sm:size-10" />
          <span className="min-w-0">
            <span className="block truncate text-base leading-tight font-bold tracking-tight sm:text-lg">{app('name')}</span>
            <span className="hidden truncate text-sm text-navy-100 sm:block">{app('tagline')}</span>
          </span>
        </Link>
        <div className="ml-auto flex shrink-0 items-center gap-2 sm:gap-3">
          <LanguageSwitch />
          <Link
            href="/dang-nhap"
            className="rounded bg-white px-2.5 py-1.5 text-sm font-semibold whitespace-nowrap text-navy-900 hover:bg-navy-100 sm:px-3"
          >
            {t('signIn')}
          </Link>
        </div>
      </div>
    </header>
  )
}
