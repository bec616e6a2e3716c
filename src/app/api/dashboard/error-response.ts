import 'server-only'
import { cookies } from 'next/headers'
import { NextResponse } from 'next/server'
import { isAppError } from '@/domain/errors'
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from '@/i18n/config'
import { describeExportInputError } from '@/server/dashboard/export-dashboard'
import { errorResponse } from '@/server/http/app-error-response'

/** The reader's language, as the pages choose it (src/i18n/request.ts): the language-switch cookie, else Vietnamese. */
export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value
  return isLocale(chosen) ? chosen : DEFAULT_LOCALE
}

/**
 * Bad search parameters are the caller's mistake in the URL: 400 with the field codes and a sentence saying
 * which parameter and why. Every other error as elsewhere (401, 403, 404, 500).
 */
export function exportErrorResponse(error: unknown, locale: Locale): NextResponse {
  if (isAppError(error) && error.code === 'INVALID_INPUT') {
    return NextResponse.json(
      { error: error.code, message: describeExportInputError(error, locale), fieldErrors: error.fieldErrors ?? {} },
      { status: 400, headers: { 'Cache-Control': 'no-store' } },
    )
  }
  return errorResponse(error)
}
