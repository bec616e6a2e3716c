'use server'

import { isAppError } from '@/domain/errors'
import { db } from '@/server/db'
import { getRequestMeta } from '@/server/http/request-meta'
import { lookupDossier } from '@/server/lookup/lookup-dossier'
import type { LookupFormState } from './lookup-form-state'

function text(formData: FormData, name: string): string {
  const value = formData.get(name)
  return typeof value === 'string' ? value.slice(0, 200) : ''
}

/** Public lookup form (no sign-in) → lookupDossier; the answer is rendered by the same page (works without JavaScript). */
export async function lookupDossierAction(_previous: LookupFormState, formData: FormData): Promise<LookupFormState> {
  const values = { code: text(formData, 'code'), contact: text(formData, 'contact') }
  try {
    const result = await lookupDossier(db(), { input: values, meta: await getRequestMeta() })
    switch (result.kind) {
      case 'found':
        return { status: 'found', values, dossier: result.dossier }
      case 'notFound':
        return { status: 'notFound', values }
      case 'rateLimited':
        return { status: 'rateLimited', values, retryAfterMinutes: result.retryAfterMinutes }
    }
  } catch (error) {
    if (isAppError(error) && error.code === 'INVALID_INPUT') return { status: 'invalid', values, fieldErrors: error.fieldErrors ?? {} }
    throw error
  }
}
