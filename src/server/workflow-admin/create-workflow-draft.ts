import 'server-only'
import { z } from 'zod'
import { Prisma, type PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import { assertCanConfigureWorkflows } from './workflow-admin-guard'
import { findDraftOf, findLatestReleased, nextVersionNumber } from './workflow-admin.repo'

const ZInput = z.object({ definitionId: z.uuid() })

/**
 * Opens a draft of a workflow: a new version (number = highest + 1, status DRAFT) holding a copy of the newest
 * released version's graph. One draft at a time per workflow: when one is open, it is the answer
 * (`created: false`). Written with its audit row in one transaction.
 */
export async function createWorkflowDraft(
  client: PrismaClient,
  { actor, input, meta }: { actor: Actor; input: unknown; meta: RequestMeta | null },
): Promise<{ id: string; version: number; created: boolean }> {
  assertCanConfigureWorkflows(actor)
  const parsed = ZInput.safeParse(input)
  if (!parsed.success) throw new AppError('NOT_FOUND')
  const { definitionId } = parsed.data
  try {
    return await client.$transaction(async (tx) => {
      const open = await findDraftOf(tx, definitionId)
      if (open) return { ...open, created: false }
      const base = await findLatestReleased(tx, definitionId)
      if (!base) throw new AppError('NOT_FOUND', 'no released version to start from')
      const version = await nextVersionNumber(tx, definitionId)
      const draft = await tx.workflowVersion.create({
        data: { definitionId, version, status: 'DRAFT', graph: base.graph as Prisma.InputJsonValue, createdById: actor.userId },
        select: { id: true, version: true },
      })
      await writeAudit(tx, {
        actor,
        action: 'workflow.createDraft',
        entityType: 'WorkflowVersion',
        entityId: draft.id,
        data: { workflow: base.definition.key, version, from: base.version },
        meta,
      })
      return { ...draft, created: true }
    })
  } catch (error) {
    // Two administrators opening a draft at once: the (definition, version) index lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new AppError('CONFLICT', 'a draft was opened at the same time')
    throw error
  }
}
