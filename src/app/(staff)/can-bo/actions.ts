'use server'

import { revalidatePath } from 'next/cache'
import type { BatchActionResult } from '@/components/staff/batch-form'
import { isAppError } from '@/domain/errors'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { batchTransition } from '@/server/dossier/batch-transition'
import { getRequestMeta } from '@/server/http/request-meta'

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' && value.trim() !== '' ? value : undefined)

// Server action: one action on the selected dossiers of a queue (each its own transaction in the use-case).
export async function batchTransitionAction(_previous: BatchActionResult | null, form: FormData): Promise<BatchActionResult> {
  try {
    const { applied, results } = await batchTransition(db(), {
      actor: await requireActor(),
      input: { action: text(form.get('action')), assigneeId: text(form.get('assigneeId')), reason: text(form.get('reason')), items: form.getAll('item') },
      meta: await getRequestMeta(),
    })
    revalidatePath('/can-bo')
    return { ok: true, applied, total: results.length, failures: results.flatMap((result) => (result.ok ? [] : [{ code: result.dossierRef, reason: result.code }])) }
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code }
    console.error(error)
    return { ok: false, code: 'INTERNAL' }
  }
}
