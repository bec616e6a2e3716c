import { getTranslations } from 'next-intl/server'
import { isAppError, type AppErrorCode } from '@/domain/errors'
import type { ReceptionFormState } from './reception-form-state'

const FORM_MESSAGE: Partial<Record<AppErrorCode, string>> = {
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'forbidden',
  UNAUTHENTICATED: 'unauthenticated',
  CONFLICT: 'conflict',
  INVALID_TRANSITION: 'transition',
}

/**
 * For the desk reception action: an error as the form's state — each field's first error code as its
 * Vietnamese (or English) sentence, `Reception.errors.<field>.<code>`, and one message for the form.
 * Anything that is not an AppError is logged and answered politely.
 */
export async function toReceptionFormState(error: unknown, attempt: number, values: ReceptionFormState['values']): Promise<ReceptionFormState> {
  const t = await getTranslations('Reception.errors')
  if (!isAppError(error)) {
    console.error(error)
    return { status: 'error', attempt, message: t('unexpected'), values }
  }
  const fieldErrors: Record<string, string> = {}
  for (const [field, codes] of Object.entries(error.fieldErrors ?? {})) {
    const code = codes[0]
    if (!code) continue
    const key = `${field}.${code}`
    fieldErrors[field] = t.has(key) ? t(key) : t('invalid')
  }
  const formKey = FORM_MESSAGE[error.code]
  const message = formKey ? t(formKey) : Object.keys(fieldErrors).length > 0 ? t('summary') : t('unexpected')
  return { status: 'error', attempt, message, fieldErrors, values }
}
