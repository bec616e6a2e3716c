import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { navigationFor } from '@/domain/access/navigation'
import { getActor } from '@/server/auth/session'
import { BrandMark } from './brand-mark'
import { LanguageSwitch } from './language-switch'
import { SignOutButton } from './sign-out-button'

export async function SiteHeader() {
  const [t, app, nav, actor] = await Promise.all([
    getTranslations('Layout'),
    getTranslations('App'),
    getTranslations('Nav'),
    getActor(),
  ])
  const menu = navigationFor(actor)
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
          {actor ? (
            <>
              <span className="hidden max-w-48 truncate text-sm text-navy-100 md:inline">{t('signedInAs', { name: actor.fullName })}</span>
              <SignOutButton label={t('signOut')} />
            </>
          ) : (
            <Link
              href="/dang-nhap"
              className="rounded bg-white px-2.5 py-1.5 text-sm font-semibold whitespace-nowrap text-navy-900 hover:bg-navy-100 sm:px-3"
            >
              {t('signIn')}
            </Link>
          )}
        </div>
      </div>
      {menu.length > 0 ? (
        <nav aria-label={t('menuLabel')} className="border-t border-white/15">
          <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4 sm:px-6">
            {menu.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="block px-3 py-2.5 text-sm font-semibold whitespace-nowrap text-white hover:bg-white/10">
                  {nav(item.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  )
}
