import 'server-only'
import { z } from 'zod'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { checkDraftForm, sameGraph, type DraftForm } from '@/domain/workflow/workflow-draft'
import type { WorkflowGraph } from '@/domain/workflow/workflow-graph'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import { assertCanConfigureWorkflows, graphRevision, parseVersionId, rawField } from './workflow-admin-guard'
import { lockVersion } from './workflow-admin.repo'

const ZRevision = z.string().max(64).optional()

/**
 * Saves the editor's form into a draft. The form is checked field by field and the graph must satisfy
 * `WorkflowGraphSchema`, or nothing is stored and the answer names each field at fault (INVALID_INPUT with
 * error codes of domain/workflow/workflow-draft.ts). Whether the graph can be published is checked
 * separately (validateWorkflow) and does not stop a save. Only drafts change: a published or retired version
 * is immutable (FORBIDDEN). A save based on an older state of the draft than the stored one (someone else
 * saved meanwhile) is refused with CONFLICT. The change and its audit row land in one transaction; an
 * unchanged form writes nothing.
 */
export async function updateWorkflowDraft(
  client: PrismaClient,
  { actor, input, meta }: { actor: Actor; input: { versionId: unknown; form: DraftForm; revision?: unknown }; meta: RequestMeta | null },
): Promise<{ id: string; changed: boolean; revision: string; graph: WorkflowGraph }> {
  assertCanConfigureWorkflows(actor)
  const id = parseVersionId(rawField(input, 'versionId'))
  const revision = ZRevision.catch(undefined).parse(input.revision)
  const checked = checkDraftForm(input.form)

  return client.$transaction(async (tx) => {
    const current = await lockVersion(tx, id)
    if (!current) throw new AppError('NOT_FOUND')
    if (current.status !== 'DRAFT') throw new AppError('FORBIDDEN', 'a published version cannot be changed', { _form: ['immutable'] })
    if (!checked.ok) {
      throw new AppError('INVALID_INPUT', 'invalid workflow draft', Object.fromEntries(Object.entries(checked.errors).map(([field, code]) => [field, [code]])))
    }
    if (revision && revision !== graphRevision(current.graph)) throw new AppError('CONFLICT', 'the draft was saved by someone else meanwhile', { _form: ['conflict'] })
    if (sameGraph(checked.graph, current.graph)) return { id, changed: false, revision: graphRevision(current.graph), graph: checked.graph }
    const updated = await tx.workflowVersion.update({ where: { id }, data: { graph: checked.graph as Prisma.InputJsonValue }, select: { graph: true, definition: { select: { key: true } } } })
    await writeAudit(tx, {
      actor,
      action: 'workflow.updateDraft',
      entityType: 'WorkflowVersion',
      entityId: id,
      data: { workflow: updated.definition.key, version: current.version, steps: checked.graph.steps.length, transitions: checked.graph.transitions.length },
      meta,
    })
    return { id, changed: true, revision: graphRevision(updated.graph), graph: checked.graph }
  })
}
