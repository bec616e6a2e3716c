import { cookies } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { MESSAGES } from '../../messages'
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from './config'

// Vietnamese by default; English when the visitor chose it (cookie set by the language switch).
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value
  const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE
  return {
    locale,
    timeZone: 'Asia/Ho_Chi_Minh',
    messages: MESSAGES[locale],
  }
})
