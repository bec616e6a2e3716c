'use client'

import { useTranslations } from 'next-intl'
import { useEffect, useRef } from 'react'
import { errorMessageKey, type AccountFormState } from './form-state'

/**
 * At the top of a refused form: what went wrong, each field error a link to its field; focused when it
 * appears, so keyboard and screen-reader users land on it.
 */
export function ErrorSummary({ state, fieldIds }: { state: AccountFormState; fieldIds: Record<string, string> }) {
  const t = useTranslations('Account')
  const ref = useRef<HTMLDivElement>(null)
  const visible = state.status === 'invalid' || state.status === 'failed'

  useEffect(() => {
    if (visible) ref.current?.focus()
  }, [state, visible])

  if (!visible) return null
  const fieldMessages = Object.entries(fieldIds).flatMap(([field, id]) => {
    const key = errorMessageKey(field, state.fieldErrors[field])
    return key ? [{ id, text: t.has(key) ? t(key) : t('errors.unexpected') }] : []
  })
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="rounded border-l-4 border-gov-red-700 bg-gov-red-50 px-4 py-3 text-sm text-gov-red-800">
      {state.formError ? (
        <p className="font-semibold">{t(`errors.${state.formError}`)}</p>
      ) : (
        <>
          <p className="font-semibold">{t('errors.summaryTitle')}</p>
          <p className="mt-1">{t('errors.summary')}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {fieldMessages.map((message) => (
              <li key={message.id}>
                <a href={`#${message.id}`} className="underline">
                  {message.text}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

/** The translated first error of a field, or null. */
export function useFieldError(state: AccountFormState) {
  const t = useTranslations('Account')
  return (field: string): string | null => {
    const key = errorMessageKey(field, state.fieldErrors[field])
    if (!key) return null
    return t.has(key) ? t(key) : t('errors.unexpected')
  }
}
