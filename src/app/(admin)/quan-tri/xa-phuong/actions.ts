'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import type { CollectionAccountFormState, CollectionAccountPreviewView, CollectionAccountValues } from '@/components/admin/commune-accounts/form-state'
import { communeAccountHref, COMMUNE_ACCOUNTS_HREF } from '@/components/admin/commune-accounts/hrefs'
import { isAppError, type AppErrorCode } from '@/domain/errors'
import { TEST_TRANSFER_AMOUNT_VND, TEST_TRANSFER_REFERENCE, toBankAccountName, ZCollectionAccount } from '@/domain/payments/collection-account'
import { formatVnd } from '@/lib/format/vnd'
import { previewCollectionAccount, updateCommuneCollectionAccount, type CollectionAccountPreview } from '@/server/admin/commune-accounts'
import { invalidInput } from '@/server/admin/manage-staff-guard'
import { requirePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { getRequestMeta } from '@/server/http/request-meta'
import { transferQrDataUri } from '@/server/payments/transfer-qr'

/**
 * The actions of a commune's collection-account page. Each: authorise, hand the form to one use-case (which
 * checks the permission again and validates), refresh the pages, answer with translated messages. They work
 * from plain form posts (no JavaScript needed).
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

const FIELDS = ['bankBin', 'accountNo', 'accountName'] as const

/** An error as the form's answer: each field's first error code translated, the form's message on top. */
async function errorState(error: unknown, base: Omit<CollectionAccountFormState, 'status'>): Promise<CollectionAccountFormState> {
  const t = await getTranslations('AdminCommunes')
  const translate = (code: string) => (t.has(`errors.${code}`) ? t(`errors.${code}`) : t('errors.invalid'))
  if (!isAppError(error)) {
    console.error(error)
    return { ...base, status: 'error', message: t('errors.unexpected') }
  }
  const fieldErrors: CollectionAccountFormState['fieldErrors'] = {}
  let formMessage: string | undefined
  for (const [field, codes] of Object.entries(error.fieldErrors ?? {})) {
    const code = codes[0]
    if (!code) continue
    if (field === '_form') formMessage = translate(code)
    else if ((FIELDS as readonly string[]).includes(field)) fieldErrors[field as (typeof FIELDS)[number]] = translate(code)
  }
  const hasFieldErrors = Object.keys(fieldErrors).length > 0
  const message = formMessage ?? (hasFieldErrors ? t('detail.errorSummary') : t(`errors.${CODE_MESSAGE[error.code] ?? 'unexpected'}`))
  return { ...base, status: 'error', message, fieldErrors }
}

/**
 * The holder name in bank form, offered when the typed one was refused only for its characters (accents,
 * lower case) and the converted one would pass.
 */
function suggestedName(values: CollectionAccountValues): string | undefined {
  const converted = toBankAccountName(values.accountName)
  if (!converted || converted === values.accountName.replace(/\s+/g, ' ').trim()) return undefined
  return ZCollectionAccount.shape.accountName.safeParse(converted).success ? converted : undefined
}

async function previewView(preview: CollectionAccountPreview): Promise<CollectionAccountPreviewView> {
  const [t, locale, qr] = await Promise.all([getTranslations('AdminCommunes.detail'), getLocale(), transferQrDataUri(preview.payload)])
  const amount = formatVnd(TEST_TRANSFER_AMOUNT_VND, locale)
  return {
    qr,
    alt: t('qrAlt', { amount, account: preview.account.accountNo, bank: preview.bank.shortName, reference: TEST_TRANSFER_REFERENCE }),
    bank: `${preview.bank.shortName} — ${preview.bank.name} (${preview.bank.bin})`,
    unknownBank: preview.bank.known ? undefined : t('unknownBank', { bin: preview.bank.bin }),
    accountNo: preview.account.accountNo,
    accountName: preview.account.accountName,
    amount,
    reference: TEST_TRANSFER_REFERENCE,
  }
}

/**
 * One form, three buttons (`intent`): "preview" draws the test QR of the typed account, "useSuggestion"
 * puts the suggested holder name in the field, "save" (the default) sets the account.
 */
export async function saveCollectionAccountAction(previous: CollectionAccountFormState, formData: FormData): Promise<CollectionAccountFormState> {
  const intent = text(formData, 'intent')
  const values: CollectionAccountValues = { bankBin: text(formData, 'bankBin'), accountNo: text(formData, 'accountNo'), accountName: text(formData, 'accountName') }
  const communeCode = text(formData, 'communeCode')
  const nonce = previous.nonce + 1
  try {
    const actor = await requirePermission('admin.configure')
    const t = await getTranslations('AdminCommunes.detail')
    if (intent === 'useSuggestion') {
      return { status: 'success', message: t('converted'), values: { ...values, accountName: toBankAccountName(values.accountName) }, nonce }
    }
    if (intent === 'preview') {
      const preview = previewCollectionAccount({ actor, input: values })
      return { status: 'idle', values: preview.account, preview: await previewView(preview), nonce }
    }
    // Saving needs a complete account (blank fields are errors); removal has its own confirmed form.
    const complete = ZCollectionAccount.safeParse(values)
    if (!complete.success) throw invalidInput(complete.error, 'incomplete collection account')
    const input = { communeCode, expectedUpdatedAt: text(formData, 'expectedUpdatedAt'), ...values }
    const result = await updateCommuneCollectionAccount(db(), { actor, input, meta: await getRequestMeta() })
    revalidatePath(COMMUNE_ACCOUNTS_HREF, 'layout')
    return { status: 'success', message: result.changed ? t('saved') : t('unchanged'), values: complete.data, nonce }
  } catch (error) {
    // Someone else's save: the page shows their account, for the administrator to compare before saving again.
    if (isAppError(error) && error.code === 'CONFLICT') revalidatePath(communeAccountHref(communeCode))
    return errorState(error, { values, nonce, suggestedName: suggestedName(values) })
  }
}

/** Removes the account (after the confirmation box), then back to the page with a notice. */
export async function clearCollectionAccountAction(formData: FormData): Promise<void> {
  const actor = await requirePermission('admin.configure')
  const communeCode = text(formData, 'communeCode')
  const page = communeAccountHref(communeCode)
  if (text(formData, 'confirm') !== 'yes') redirect(`${page}?xoa=xac-nhan#xoa-tai-khoan`)
  try {
    const input = { communeCode, expectedUpdatedAt: text(formData, 'expectedUpdatedAt'), bankBin: '', accountNo: '', accountName: '' }
    await updateCommuneCollectionAccount(db(), { actor, input, meta: await getRequestMeta() })
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT') redirect(`${page}?xoa=xung-dot#xoa-tai-khoan`)
    throw error
  }
  revalidatePath(COMMUNE_ACCOUNTS_HREF, 'layout')
  redirect(`${page}?da-xoa=1`)
}
