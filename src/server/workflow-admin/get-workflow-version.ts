import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { validateWorkflow, type WorkflowValidation } from '@/domain/workflow/validate-workflow'
import { draftWarnings, type DraftWarning } from '@/domain/workflow/workflow-draft'
import { WorkflowGraphSchema, type WorkflowGraph } from '@/domain/workflow/workflow-graph'
import type { VersionStatusName } from './list-workflows'
import { assertCanConfigureWorkflows, graphRevision, parseVersionId } from './workflow-admin-guard'
import { countInFlightByVersion, findDraftOf, findLatestReleased, findProcedureWorkflows, findUserNames, findVersion } from './workflow-admin.repo'

export type WorkflowVersionDetail = {
  id: string
  version: number
  status: VersionStatusName
  publishedAt: Date | null
  createdAt: Date
  createdByName: string | null
  definition: { id: string; key: string; name: string; description: string | null }
  /** The graph as stored; null if it does not satisfy the schema (never for versions saved by this screen). */
  graph: WorkflowGraph | null
  /** Fingerprint of the stored graph, for the editor's conflict check. */
  revision: string
  /** Whether it can be published (errors) — for every status, so old versions can be checked too. */
  validation: WorkflowValidation
  warnings: DraftWarning[]
  /** The version a draft was made from (the newest released one), for comparison. */
  base: { id: string; version: number } | null
  /** The open draft of the same workflow, if any. */
  draft: { id: string; version: number } | null
  procedures: { id: string; slug: string; name: string }[]
  inFlight: number
}

/** One workflow version for the administration pages: graph, checks, where it is used. */
export async function getWorkflowVersion(client: PrismaClient, { actor, versionId, locale = 'vi' }: { actor: Actor; versionId: unknown; locale?: string }): Promise<WorkflowVersionDetail> {
  assertCanConfigureWorkflows(actor)
  const id = parseVersionId(versionId)
  const version = await findVersion(client, id)
  if (!version) throw new AppError('NOT_FOUND')
  const [latest, draft, procedures, inFlight, names] = await Promise.all([
    findLatestReleased(client, version.definition.id),
    findDraftOf(client, version.definition.id),
    findProcedureWorkflows(client),
    countInFlightByVersion(client, [id]),
    findUserNames(client, [version.createdById]),
  ])
  const parsed = WorkflowGraphSchema.safeParse(version.graph)
  const graph = parsed.success ? parsed.data : null
  const base = version.status === 'DRAFT' && latest ? latest : null
  const baseGraph = base ? WorkflowGraphSchema.safeParse(base.graph) : null
  return {
    id: version.id,
    version: version.version,
    status: version.status,
    publishedAt: version.publishedAt,
    createdAt: version.createdAt,
    createdByName: version.createdById ? (names.get(version.createdById) ?? null) : null,
    definition: version.definition,
    graph,
    revision: graphRevision(version.graph),
    validation: validateWorkflow(version.graph),
    warnings: graph ? draftWarnings(graph, baseGraph?.success ? baseGraph.data : null) : [],
    base: base ? { id: base.id, version: base.version } : null,
    draft,
    procedures: procedures
      .filter((procedure) => procedure.currentVersion.workflowVersion.id === id)
      .map((procedure) => ({ id: procedure.id, slug: procedure.slug, name: locale === 'en' ? procedure.currentVersion.nameEn : procedure.currentVersion.nameVi })),
    inFlight: inFlight.get(id) ?? 0,
  }
}
