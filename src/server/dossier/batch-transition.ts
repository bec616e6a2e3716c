import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { isAppError } from '@/domain/errors'
import { AppError } from '@/domain/errors'
import type { RequestMeta } from '@/server/http/request-meta'
import { transitionDossier } from './transition-dossier'

export const MAX_BATCH = 100
/** Ending, pausing or extending a dossier is decided one dossier at a time, never for a selection. */
const BATCH_REFUSED_CLOCKS = ['STOP', 'PAUSE', 'EXTEND'] as const

const ZBatchInput = z.object({
  action: z.string().trim().min(1).max(50),
  assigneeId: z.uuid().optional(),
  reason: z.string().trim().max(2000).optional(),
  /** Each selected dossier with the version the person saw: "<code>:<version>". */
  items: z
    .array(z.string().regex(/^[0-9a-zA-Z-]{1,64}:\d{1,9}$/))
    .min(1)
    .max(MAX_BATCH),
})

export type BatchItemResult = { dossierRef: string; ok: true } | { dossierRef: string; ok: false; code: string }
export type BatchResult = { applied: number; results: BatchItemResult[] }

/**
 * One action on a selection of a queue (e.g. receive several online submissions and assign them to a
 * specialist). Each dossier is its own transaction through `transitionDossier` — same rules, same
 * optimistic lock — so one dossier changed by someone else meanwhile is reported, never half-applied, and
 * the others still go through.
 */
export async function batchTransition(client: PrismaClient, { actor, input, meta, now }: { actor: Actor; input: unknown; meta: RequestMeta | null; now?: Date }): Promise<BatchResult> {
  const parsed = ZBatchInput.safeParse(input)
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'invalid batch', z.flattenError(parsed.error).fieldErrors)
  const { action, assigneeId, reason } = parsed.data
  const results: BatchItemResult[] = []
  for (const item of new Set(parsed.data.items)) {
    const separator = item.lastIndexOf(':')
    const dossierRef = item.slice(0, separator)
    const expectedVersion = Number(item.slice(separator + 1))
    try {
      await transitionDossier(client, { actor, input: { dossierRef, action, expectedVersion, assigneeId, reason }, refuseClockEffects: BATCH_REFUSED_CLOCKS, meta, now })
      results.push({ dossierRef, ok: true })
    } catch (error) {
      if (!isAppError(error)) throw error
      results.push({ dossierRef, ok: false, code: error.code })
    }
  }
  return { applied: results.filter((result) => result.ok).length, results }
}
