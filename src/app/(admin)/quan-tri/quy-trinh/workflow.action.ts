'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import type { EditorState, PublishState } from '@/components/workflow/editor-state'
import { WORKFLOWS_HREF, workflowEditHref, workflowVersionHref } from '@/components/workflow/workflow-hrefs'
import { isAppError, type AppErrorCode } from '@/domain/errors'
import { draftFormFromGraph, readDraftForm, withoutBlankRows } from '@/domain/workflow/workflow-draft'
import { requirePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { getRequestMeta } from '@/server/http/request-meta'
import { createWorkflowDraft } from '@/server/workflow-admin/create-workflow-draft'
import { deleteWorkflowDraft } from '@/server/workflow-admin/delete-workflow-draft'
import { publishWorkflowVersion } from '@/server/workflow-admin/publish-workflow-version'
import { updateWorkflowDraft } from '@/server/workflow-admin/update-workflow-draft'

/**
 * The workflow administration's server actions. Each: authorise, hand the form to one use-case (which
 * checks the permission again and validates), refresh the pages, answer or redirect. They work from plain
 * form posts (no JavaScript needed).
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

/** An error as a message for the whole form (`_form` code first), and one message per field. */
async function describeError(error: unknown): Promise<{ message: string; fieldErrors: Record<string, string> }> {
  const t = await getTranslations('Workflow.errors')
  const translate = (code: string) => (t.has(code) ? t(code) : t('invalid'))
  if (!isAppError(error)) {
    console.error(error)
    return { message: t('unexpected'), fieldErrors: {} }
  }
  const fieldErrors: Record<string, string> = {}
  let formMessage: string | undefined
  for (const [field, codes] of Object.entries(error.fieldErrors ?? {})) {
    const first = codes[0]
    if (!first) continue
    if (field === '_form') formMessage = translate(first)
    else fieldErrors[field] = translate(first)
  }
  const count = Object.keys(fieldErrors).length
  const message = formMessage ?? (count > 0 ? (await getTranslations('Workflow.editor'))('errorSummary', { count }) : t(CODE_MESSAGE[error.code] ?? 'unexpected'))
  return { message, fieldErrors }
}

export async function saveWorkflowDraftAction(previous: EditorState, formData: FormData): Promise<EditorState> {
  const versionId = text(formData, 'versionId')
  const revision = text(formData, 'revision')
  const form = readDraftForm(formData.entries())
  try {
    const actor = await requirePermission('admin.configure')
    const saved = await updateWorkflowDraft(db(), { actor, input: { versionId, form, revision }, meta: await getRequestMeta() })
    revalidatePath(WORKFLOWS_HREF, 'layout')
    const t = await getTranslations('Workflow.editor')
    return { status: 'success', message: saved.changed ? t('saved') : t('unchanged'), fieldErrors: {}, form: draftFormFromGraph(saved.graph), revision: saved.revision, nonce: previous.nonce + 1 }
  } catch (error) {
    const { message, fieldErrors } = await describeError(error)
    return { status: 'error', message, fieldErrors, form: withoutBlankRows(form), revision: revision || previous.revision, nonce: previous.nonce + 1 }
  }
}

export async function createWorkflowDraftAction(formData: FormData): Promise<void> {
  const actor = await requirePermission('admin.configure')
  const draft = await createWorkflowDraft(db(), { actor, input: { definitionId: text(formData, 'definitionId') }, meta: await getRequestMeta() })
  revalidatePath(WORKFLOWS_HREF, 'layout')
  redirect(`${workflowEditHref(draft.id)}${draft.created ? '?moi=1' : ''}`)
}

export async function deleteWorkflowDraftAction(formData: FormData): Promise<void> {
  const actor = await requirePermission('admin.configure')
  const versionId = text(formData, 'versionId')
  // The confirmation box must be ticked: without it, back to the editor.
  if (text(formData, 'confirm') !== 'yes') redirect(`${workflowEditHref(versionId)}?xoa=xac-nhan#xoa-ban-nhap`)
  await deleteWorkflowDraft(db(), { actor, input: { versionId }, meta: await getRequestMeta() })
  revalidatePath(WORKFLOWS_HREF, 'layout')
  redirect(`${WORKFLOWS_HREF}?da-xoa=1`)
}

export async function publishWorkflowAction(_previous: PublishState, formData: FormData): Promise<PublishState> {
  const versionId = text(formData, 'versionId')
  const procedureIds = formData.getAll('procedureIds').filter((value): value is string => typeof value === 'string')
  let outcome: Awaited<ReturnType<typeof publishWorkflowVersion>>
  try {
    const actor = await requirePermission('admin.configure')
    outcome = await publishWorkflowVersion(db(), { actor, input: { versionId, procedureIds }, meta: await getRequestMeta() })
  } catch (error) {
    const { message, fieldErrors } = await describeError(error)
    return { status: 'error', message: Object.values(fieldErrors)[0] ?? message }
  }
  revalidatePath('/', 'layout')
  const params = new URLSearchParams({ 'cong-bo': String(outcome.procedures.length) })
  if (outcome.retired.length > 0) params.set('ngung', outcome.retired.join(','))
  redirect(`${workflowVersionHref(outcome.versionId)}?${params.toString()}`)
}
