'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import type { ProcedureFeeFormState, ProcedureFeeValues } from '@/components/admin/procedure-fees/form-state'
import { procedureFeeHref, PROCEDURE_FEES_HREF } from '@/components/admin/procedure-fees/hrefs'
import { isAppError, type AppErrorCode } from '@/domain/errors'
import { vndInput } from '@/lib/format/vnd-input'
import { updateProcedureFee } from '@/server/admin/procedure-fees'
import { requirePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { getRequestMeta } from '@/server/http/request-meta'

/**
 * The action of a procedure's fee page: authorise, hand the form to the use-case (which checks the permission
 * again, validates and publishes the new version), then back to the page with a notice, or the form again with
 * translated errors by field. Works from a plain form post (no JavaScript needed).
 */

const text = (formData: FormData, name: string) => {
  const value = formData.get(name)
  return typeof value === 'string' ? value : ''
}

const CODE_MESSAGE: Partial<Record<AppErrorCode, string>> = {
  NOT_FOUND: 'notFound',
  FORBIDDEN: 'forbidden',
  UNAUTHENTICATED: 'unauthenticated',
  CONFLICT: 'conflict',
}

const FIELDS = ['feeVnd', 'feeNote', 'feeMoment', 'ruleKind', 'copiesField', 'groupField', 'pagesField', 'feeExemptions'] as const satisfies readonly (keyof ProcedureFeeValues)[]

/** An error as the form's answer: each field's first error code translated (`code:param` → `{item}`), the form's message on top. */
async function errorState(error: unknown, base: Omit<ProcedureFeeFormState, 'status'>): Promise<ProcedureFeeFormState> {
  const t = await getTranslations('AdminProcedures')
  const translate = (raw: string) => {
    const [code = '', param] = raw.split(':')
    return t.has(`errors.${code}`) ? t(`errors.${code}`, { item: param ?? '' }) : t('errors.invalid')
  }
  if (!isAppError(error)) {
    console.error(error)
    return { ...base, status: 'error', message: t('errors.unexpected') }
  }
  const fieldErrors: ProcedureFeeFormState['fieldErrors'] = {}
  let formMessage: string | undefined
  for (const [field, codes] of Object.entries(error.fieldErrors ?? {})) {
    const code = codes[0]
    if (!code) continue
    if ((FIELDS as readonly string[]).includes(field)) fieldErrors[field as (typeof FIELDS)[number]] = translate(code)
    else formMessage = translate(code)
  }
  const hasFieldErrors = Object.keys(fieldErrors).length > 0
  const message = formMessage ?? (hasFieldErrors ? t('detail.errorSummary') : t(`errors.${CODE_MESSAGE[error.code] ?? 'unexpected'}`))
  return { ...base, status: 'error', message, fieldErrors }
}

/** Publishes a new version of the procedure with the form's fee, then shows the page with the new version. */
export async function updateProcedureFeeAction(previous: ProcedureFeeFormState, formData: FormData): Promise<ProcedureFeeFormState> {
  const values = Object.fromEntries(FIELDS.map((field) => [field, text(formData, field)])) as ProcedureFeeValues
  const slug = text(formData, 'procedureSlug')
  const nonce = previous.nonce + 1
  let outcome: { changed: boolean; version: number; slug: string }
  try {
    const actor = await requirePermission('admin.configure')
    const input = { ...values, procedureSlug: slug, expectedVersionId: text(formData, 'expectedVersionId'), feeVnd: vndInput(values.feeVnd) ?? '' }
    outcome = await updateProcedureFee(db(), { actor, input, meta: await getRequestMeta() })
  } catch (error) {
    // Someone else's version: the page shows it in the history, for the administrator to compare.
    if (isAppError(error) && error.code === 'CONFLICT') revalidatePath(procedureFeeHref(slug))
    return errorState(error, { values, nonce })
  }
  revalidatePath(PROCEDURE_FEES_HREF, 'layout')
  redirect(outcome.changed ? `${procedureFeeHref(outcome.slug)}?da-luu=${outcome.version}` : `${procedureFeeHref(outcome.slug)}?khong-doi=1`)
}
