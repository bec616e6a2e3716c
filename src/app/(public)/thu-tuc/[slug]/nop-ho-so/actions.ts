'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { isAppError } from '@/domain/errors'
import { formatDateTime } from '@/lib/format/date'
import { attachmentIdsOf, formValuesFromEntries, withEntryAdded, withEntryRemoved } from '@/domain/forms/form-values'
import { attachmentStorage } from '@/server/attachments/storage/storage-from-env'
import { requirePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { submitOnline, submittedDossierOfDraft } from '@/server/dossier/submit-online'
import { addDraftFiles } from '@/server/drafts/draft-files'
import { discardDraft, loadDraft, saveDraft, startDraft } from '@/server/drafts/drafts'
import { getRequestMeta } from '@/server/http/request-meta'

// Server actions of the online application. Each one authorizes (citizen, own draft) through its use-case;
// the bound arguments come back from the browser, so they are validated like any input.

const Slug = z.string().trim().min(1).max(100)
const DraftId = z.uuid()
const Intent = z.union([
  z.literal('save'),
  z.literal('submit'),
  z.templateLiteral(['add:', z.string().regex(/^[a-z][a-zA-Z0-9]*$/)]),
  z.templateLiteral(['remove:', z.string().regex(/^[a-z][a-zA-Z0-9]*$/), ':', z.number().int().min(0).max(999)]),
])

const formHref = (slug: string, draftId: string) => `/thu-tuc/${encodeURIComponent(slug)}/nop-ho-so/${draftId}`
const doneHref = (slug: string, code: string) => `/thu-tuc/${encodeURIComponent(slug)}/nop-ho-so/da-nop/${encodeURIComponent(code)}`

/** Chooses the commune and opens the citizen's draft of the procedure. */
export async function startDraftAction(rawSlug: string, formData: FormData): Promise<void> {
  const slug = Slug.parse(rawSlug)
  const actor = await requirePermission('dossier.submit')
  const communeCode = formData.get('xa')
  let draftId: string
  try {
    ;({ id: draftId } = await startDraft(db(), { actor, procedureSlug: slug, communeCode: typeof communeCode === 'string' ? communeCode : '' }))
  } catch (error) {
    if (isAppError(error) && error.code === 'INVALID_INPUT') redirect(`/thu-tuc/${encodeURIComponent(slug)}/nop-ho-so?loi=xa`)
    throw error
  }
  redirect(formHref(slug, draftId))
}

/**
 * Files chosen without JavaScript arrive with the post: stored on the draft first (same checks as the upload
 * endpoint), then posted on as their attachment ids. A refused file is reported by name, the rest goes on.
 */
async function storePostedFiles(input: { actor: Awaited<ReturnType<typeof requirePermission>>; draftId: string; formData: FormData; slots: Map<string, string> }) {
  const entries: [string, string][] = []
  const refused: { name: string; file: string; code: string }[] = []
  for (const [name, value] of input.formData.entries()) {
    if (typeof value === 'string') {
      entries.push([name, value])
      continue
    }
    const documentKey = input.slots.get(name)
    if (!documentKey || value.size === 0) continue
    try {
      const stored = await addDraftFiles(db(), { actor: input.actor, draftId: input.draftId, documentKey, files: [value], meta: await getRequestMeta() })
      for (const file of stored) entries.push([name, file.id])
    } catch (error) {
      if (!isAppError(error) || error.code !== 'INVALID_INPUT') throw error
      const code = Object.values(error.fieldErrors ?? {}).flat()[0] ?? 'INVALID'
      refused.push({ name, file: value.name, code })
    }
  }
  return { entries, refused }
}

/** Save, add or remove a group entry, or submit: the one action of the application form. */
export async function submitDraftAction(rawSlug: string, rawDraftId: string, formData: FormData): Promise<void> {
  const slug = Slug.parse(rawSlug)
  const draftId = DraftId.parse(rawDraftId)
  const intent = Intent.safeParse(formData.get('_intent') ?? 'save')
  if (!intent.success) redirect(formHref(slug, draftId))
  const actor = await requirePermission('dossier.submit')

  let draft
  try {
    draft = await loadDraft(db(), { actor, draftId })
  } catch (error) {
    // Already submitted (a double click, a second tab): show what the first post created.
    const earlier = isAppError(error) && error.code === 'NOT_FOUND' ? await submittedDossierOfDraft(db(), { actor, draftId }) : null
    if (earlier) redirect(doneHref(slug, earlier.code))
    throw error
  }
  const slots = new Map(attachmentIdsOf(draft.definition, formValuesFromEntries(draft.definition, formData.entries())).map((slot) => [slot.name, slot.documentKey]))
  for (const field of draft.definition.sections.flatMap((section) => section.fields)) if (field.type === 'file') slots.set(field.key, field.documentKey)
  const { entries, refused } = await storePostedFiles({ actor, draftId, formData, slots })
  let values = formValuesFromEntries(draft.definition, entries)
  const fileErrors = refused.map((item) => `${item.name}~${item.code}~${item.file.slice(0, 100)}`)
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams(extra)
    for (const item of fileErrors) params.append('tep-loi', item)
    const text = params.toString()
    return text ? `?${text}` : ''
  }

  const chosen = intent.data
  if (chosen.startsWith('add:') || chosen.startsWith('remove:')) {
    const [, group = '', index] = chosen.split(':')
    values = chosen.startsWith('add:') ? withEntryAdded(draft.definition, values, group) : withEntryRemoved(draft.definition, values, group, Number(index))
    await saveDraft(db(), { actor, draftId, values })
    // The same page again, rendered from the saved draft (not the browser's cached copy of it).
    revalidatePath(formHref(slug, draftId))
    redirect(`${formHref(slug, draftId)}${query({})}#truong-${group}`)
  }
  await saveDraft(db(), { actor, draftId, values })
  revalidatePath(formHref(slug, draftId))
  if (chosen === 'save' || refused.length > 0) redirect(`${formHref(slug, draftId)}${query({ 'da-luu': '1' })}`)

  let result
  try {
    result = await submitOnline(db(), { actor, source: { draftId }, values, meta: await getRequestMeta() })
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT') redirect(`${formHref(slug, draftId)}?loi=cap-nhat`)
    console.error(error)
    redirect(`${formHref(slug, draftId)}?loi=he-thong`)
  }
  if (!result.ok) redirect(`${formHref(slug, draftId)}?kiem-tra=1`)
  redirect(doneHref(slug, result.code))
}

/** Autosave: keeps what was typed; answers the time it was saved (Vietnam time) for the status line. */
export async function autosaveDraftAction(rawDraftId: string, formData: FormData): Promise<{ ok: boolean; savedAt?: string }> {
  const draftId = DraftId.safeParse(rawDraftId)
  if (!draftId.success) return { ok: false }
  try {
    const actor = await requirePermission('dossier.submit')
    const draft = await loadDraft(db(), { actor, draftId: draftId.data })
    const { savedAt } = await saveDraft(db(), { actor, draftId: draftId.data, values: formValuesFromEntries(draft.definition, formData.entries()) })
    return { ok: true, savedAt: formatDateTime(savedAt).slice(-5) }
  } catch (error) {
    if (!isAppError(error)) console.error(error)
    return { ok: false }
  }
}

/** Throws the draft away (and its uploaded files). */
export async function discardDraftAction(rawSlug: string, rawDraftId: string): Promise<void> {
  const slug = Slug.parse(rawSlug)
  const draftId = DraftId.parse(rawDraftId)
  const actor = await requirePermission('dossier.submit')
  const { storageKeys } = await discardDraft(db(), { actor, draftId })
  const storage = attachmentStorage()
  await Promise.all(storageKeys.map((key) => storage.remove(key).catch((error: unknown) => console.error('draft file not removed', key, error))))
  redirect(`/thu-tuc/${encodeURIComponent(slug)}`)
}
