import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import { assertCanConfigureWorkflows, parseVersionId, rawField } from './workflow-admin-guard'
import { lockVersion } from './workflow-admin.repo'

/**
 * Deletes a draft (never a published or retired version: those are immutable, and dossiers or procedure
 * versions may point at them). Written with its audit row in one transaction.
 */
export async function deleteWorkflowDraft(
  client: PrismaClient,
  { actor, input, meta }: { actor: Actor; input: unknown; meta: RequestMeta | null },
): Promise<{ definitionId: string }> {
  assertCanConfigureWorkflows(actor)
  const id = parseVersionId(rawField(input, 'versionId'))
  return client.$transaction(async (tx) => {
    const current = await lockVersion(tx, id)
    if (!current) throw new AppError('NOT_FOUND')
    if (current.status !== 'DRAFT') throw new AppError('FORBIDDEN', 'only drafts can be deleted', { _form: ['immutable'] })
    const definition = await tx.workflowDefinition.findUniqueOrThrow({ where: { id: current.definitionId }, select: { key: true } })
    await tx.workflowVersion.delete({ where: { id } })
    await writeAudit(tx, { actor, action: 'workflow.deleteDraft', entityType: 'WorkflowVersion', entityId: id, data: { workflow: definition.key, version: current.version }, meta })
    return { definitionId: current.definitionId }
  })
}
