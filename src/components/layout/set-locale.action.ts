'use server'

import { cookies } from 'next/headers'
import { isLocale, LOCALE_COOKIE } from '@/i18n/config'

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365

/**
 * Remembers the visitor's language. Setting a cookie in a Server Action makes Next.js send back the page
 * re-rendered in that language in the same round trip; without JavaScript the form posts and the page
 * comes back the same way.
 */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale')
  if (!isLocale(locale)) return
  ;(await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: ONE_YEAR_SECONDS,
    sameSite: 'lax',
    httpOnly: true,
  })
}
