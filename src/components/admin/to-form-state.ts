import { getTranslations } from 'next-intl/server'
import { isAppError, type AppErrorCode } from '@/domain/errors'
import type { FormState } from './form-state'

const FORM_MESSAGE: Partial<Record<AppErrorCode, string>> = {
  NOT_FOUND: 'notFound',
  FORBIDDEN: 'forbidden',
  UNAUTHENTICATED: 'unauthenticated',
}

/**
 * For server actions: an error as a form state, each field's error code translated (Admin.errors) and
 * shown next to the field, the form's own message at the top. Anything that is not an AppError is
 * logged and answered with a polite generic message.
 */
export async function toFormState(error: unknown, values?: FormState['values']): Promise<FormState> {
  const t = await getTranslations('Admin.errors')
  const translate = (code: string) => (t.has(code) ? t(code) : t('invalid'))
  if (!isAppError(error)) {
    console.error(error)
    return { status: 'error', message: t('unexpected'), values }
  }
  const fieldErrors: Record<string, string> = {}
  let formMessage: string | undefined
  for (const [field, codes] of Object.entries(error.fieldErrors ?? {})) {
    const first = codes[0]
    if (!first) continue
    if (field === '_form') formMessage = translate(first)
    else fieldErrors[field] = translate(first)
  }
  const hasFieldErrors = Object.keys(fieldErrors).length > 0
  const codeMessage = FORM_MESSAGE[error.code]
  const message = formMessage ?? (hasFieldErrors ? (await getTranslations('Admin.form'))('errorSummary') : t(codeMessage ?? 'unexpected'))
  return { status: 'error', message, fieldErrors, values }
}
