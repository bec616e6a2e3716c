'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { isAppError } from '@/domain/errors'
import { formatDateTime } from '@/lib/format/date'
import { fileFieldSlots, formValuesFromEntries, withEntryAdded, withEntryRemoved } from '@/domain/forms/form-values'
import { attachmentStorage } from '@/server/attachments/storage/storage-from-env'
import { getActor } from '@/server/auth/session'
import { can } from '@/domain/access/permissions'
import type { Actor } from '@/domain/access/actor'
import { db } from '@/server/db'
import { submitOnline, submittedDossierOfDraft } from '@/server/dossier/submit-online'
import { addDraftFiles, listDraftFiles, removeDraftFile } from '@/server/drafts/draft-files'
import { discardDraft, loadDraft, rebaseDraft, saveDraft, startDraft } from '@/server/drafts/drafts'
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

/**
 * The signed-in citizen, or the sign-in page that comes back to `returnTo` (a session that expired while the
 * form was open: what was typed up to the last autosave is in the draft).
 */
async function citizenOr(returnTo: string): Promise<Actor> {
  const actor = await getActor()
  if (!actor || !can(actor, 'dossier.submit')) redirect(`/dang-nhap?next=${encodeURIComponent(returnTo)}`)
  return actor
}
const doneHref = (slug: string, code: string) => `/thu-tuc/${encodeURIComponent(slug)}/nop-ho-so/da-nop/${encodeURIComponent(code)}`

/** Chooses the commune and opens the citizen's draft of the procedure. */
export async function startDraftAction(rawSlug: string, formData: FormData): Promise<void> {
  const slug = Slug.parse(rawSlug)
  const actor = await citizenOr(`/thu-tuc/${encodeURIComponent(slug)}/nop-ho-so`)
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
async function storePostedFiles(input: { actor: Actor; draftId: string; formData: FormData; slots: Map<string, string> }) {
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

/**
 * Draft files the post no longer names are dropped: without JavaScript, an unticked "keep" box is how a file
 * is removed (and a slot makes room for its replacement); with JavaScript every uploaded file is named by its
 * hidden input, and the form does not post while an upload runs.
 */
async function dropUnnamedFiles(input: { actor: Actor; draftId: string; formData: FormData; slots: Map<string, string> }) {
  const named = new Set<string>()
  for (const [name, value] of input.formData.entries()) if (typeof value === 'string' && input.slots.has(name)) named.add(value.trim().toLowerCase())
  const files = await listDraftFiles(db(), { actor: input.actor, draftId: input.draftId })
  const meta = await getRequestMeta()
  for (const file of files) {
    if (!named.has(file.id.toLowerCase())) await removeDraftFile(db(), { actor: input.actor, draftId: input.draftId, attachmentId: file.id, meta })
  }
}

/** Save, add or remove a group entry, or submit: the one action of the application form. */
export async function submitDraftAction(rawSlug: string, rawDraftId: string, formData: FormData): Promise<void> {
  const slug = Slug.parse(rawSlug)
  const draftId = DraftId.parse(rawDraftId)
  const intent = Intent.safeParse(formData.get('_intent') ?? 'save')
  if (!intent.success) redirect(formHref(slug, draftId))
  const actor = await citizenOr(formHref(slug, draftId))
  // Already submitted (a double click, a second tab, without JavaScript): show what the first post created.
  const showEarlier = async (error: unknown) => {
    const earlier = isAppError(error) && error.code === 'NOT_FOUND' ? await submittedDossierOfDraft(db(), { actor, draftId }) : null
    if (earlier) redirect(doneHref(slug, earlier.code))
    throw error
  }

  let outcome: { redirectTo: string }
  try {
    outcome = await applyIntent({ actor, slug, draftId, intent: intent.data, formData })
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT') {
      // The procedure was republished: the draft moves to the new form, which the citizen checks again.
      await rebaseDraft(db(), { actor, draftId }).catch(showEarlier)
      redirect(`${formHref(slug, draftId)}?loi=cap-nhat&kiem-tra=1`)
    }
    if (isAppError(error) && error.code === 'NOT_FOUND') await showEarlier(error)
    console.error(error)
    redirect(`${formHref(slug, draftId)}?loi=he-thong`)
  }
  revalidatePath(formHref(slug, draftId))
  redirect(outcome.redirectTo)
}

async function applyIntent(input: { actor: Actor; slug: string; draftId: string; intent: z.infer<typeof Intent>; formData: FormData }): Promise<{ redirectTo: string }> {
  const { actor, slug, draftId, intent, formData } = input
  const draft = await loadDraft(db(), { actor, draftId })
  const slots = fileFieldSlots(draft.definition, formValuesFromEntries(draft.definition, formData.entries()))
  await dropUnnamedFiles({ actor, draftId, formData, slots })
  const { entries, refused } = await storePostedFiles({ actor, draftId, formData, slots })
  let values = formValuesFromEntries(draft.definition, entries)
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams(extra)
    for (const item of refused) params.append('tep-loi', `${item.name}~${item.code}~${item.file.slice(0, 100)}`)
    const text = params.toString()
    return text ? `?${text}` : ''
  }

  if (intent.startsWith('add:') || intent.startsWith('remove:')) {
    const [, group = '', index] = intent.split(':')
    values = intent.startsWith('add:') ? withEntryAdded(draft.definition, values, group) : withEntryRemoved(draft.definition, values, group, Number(index))
    await saveDraft(db(), { actor, draftId, values })
    return { redirectTo: `${formHref(slug, draftId)}${query({})}#truong-${group}` }
  }
  await saveDraft(db(), { actor, draftId, values })
  if (intent === 'save' || refused.length > 0) return { redirectTo: `${formHref(slug, draftId)}${query({ 'da-luu': '1' })}` }

  const result = await submitOnline(db(), { actor, source: { draftId }, values, meta: await getRequestMeta() })
  if (!result.ok) {
    // Errors the page cannot find again by the schema alone (a file that is no longer the draft's) ride along.
    const fileFields = Object.keys(result.issues).filter((path) => result.issues[path]!.some((issue) => issue.code === 'FILE'))
    const params = new URLSearchParams({ 'kiem-tra': '1' })
    for (const name of fileFields) params.append('tep-loi', `${name}~FILE~`)
    return { redirectTo: `${formHref(slug, draftId)}?${params}` }
  }
  return { redirectTo: doneHref(slug, result.code) }
}

/** Autosave: keeps what was typed; answers the time it was saved (Vietnam time) for the status line. */
export async function autosaveDraftAction(rawDraftId: string, formData: FormData): Promise<{ ok: boolean; savedAt?: string; reason?: 'signed-out' }> {
  const draftId = DraftId.safeParse(rawDraftId)
  if (!draftId.success) return { ok: false }
  try {
    const actor = await getActor()
    if (!actor) return { ok: false, reason: 'signed-out' }
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
  const actor = await citizenOr(formHref(slug, draftId))
  const { storageKeys } = await discardDraft(db(), { actor, draftId, meta: await getRequestMeta() })
  const storage = attachmentStorage()
  await Promise.all(storageKeys.map((key) => storage.remove(key).catch((error: unknown) => console.error('draft file not removed', key, error))))
  redirect(`/thu-tuc/${encodeURIComponent(slug)}`)
}
