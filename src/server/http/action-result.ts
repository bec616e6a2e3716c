import 'server-only'
import { isAppError } from '@/domain/errors'
import type { ActionResult } from '@/lib/action-result'

export type { ActionResult }

/** Runs a server action's work; expected failures become a result for the form, never a thrown error. */
export async function runAction(work: () => Promise<unknown>): Promise<ActionResult> {
  try {
    await work()
    return { ok: true }
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code, fieldErrors: error.fieldErrors }
    console.error(error)
    return { ok: false, code: 'INTERNAL' }
  }
}
