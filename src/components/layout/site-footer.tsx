import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { getActor } from '@/server/auth/session'

export async function SiteFooter() {
  const [t, app, actor, lookup] = await Promise.all([getTranslations('Layout.footer'), getTranslations('App'), getActor(), getTranslations('Lookup.nav')])
  return (
    <footer className="border-t-4 border-gov-red-700 bg-navy-900 text-navy-100">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm sm:px-6 md:grid-cols-[2fr_1fr]">
        <div className="space-y-2">
          <p className="text-base font-semibold text-white">{app('name')}</p>
          <p>{t('about')}</p>
          <p>{t('legal')}</p>
        </div>
        <nav aria-labelledby="footer-links-title">
          <h2 id="footer-links-title" className="font-semibold text-white">
            {t('linksTitle')}
          </h2>
          <ul className="mt-2 space-y-1.5">
            <li>
              <Link href="/#danh-muc" className="underline-offset-2 hover:text-white hover:underline">
                {t('procedures')}
              </Link>
            </li>
            <li>
              <Link href="/tra-cuu" className="underline-offset-2 hover:text-white hover:underline">
                {lookup('link')}
              </Link>
            </li>
            {actor ? null : (
              <li>
                <Link href="/dang-nhap" className="underline-offset-2 hover:text-white hover:underline">
                  {t('signIn')}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
      <div className="border-t border-white/10">
        <p className="mx-auto max-w-6xl px-4 py-4 text-xs sm:px-6">{t('copyright', { year: new Date().getFullYear() })}</p>
      </div>
    </footer>
  )
}
