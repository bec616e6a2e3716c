import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { assertCanConfigureWorkflows } from './workflow-admin-guard'
import { countInFlightByVersion, findDefinitions, findProcedureWorkflows, findUserNames } from './workflow-admin.repo'

export type VersionStatusName = 'DRAFT' | 'PUBLISHED' | 'RETIRED'

export type WorkflowVersionListItem = {
  id: string
  version: number
  status: VersionStatusName
  publishedAt: Date | null
  createdAt: Date
  createdByName: string | null
  /** Procedures whose current version uses this workflow version. */
  procedures: { id: string; slug: string; name: string }[]
  /** Dossiers not yet finished that run on this version. */
  inFlight: number
}

export type WorkflowDefinitionListItem = {
  id: string
  key: string
  name: string
  description: string | null
  versions: WorkflowVersionListItem[]
  /** The open draft, if any (one at a time per workflow). */
  draft: WorkflowVersionListItem | null
  /** The newest published (or retired) version: what a new draft starts from. */
  latestReleased: WorkflowVersionListItem | null
}

export type ProcedureWorkflowItem = {
  id: string
  slug: string
  nationalCode: string | null
  name: string
  field: string
  isActive: boolean
  procedureVersion: number
  workflow: { versionId: string; version: number; status: VersionStatusName; definitionKey: string; definitionName: string; isLatest: boolean }
}

export type WorkflowOverview = { definitions: WorkflowDefinitionListItem[]; procedures: ProcedureWorkflowItem[] }

/**
 * Workflow administration home: every workflow with its versions (which procedures use each, how many
 * dossiers are still in flight on it), and every procedure with the workflow version its current version uses.
 */
export async function listWorkflows(client: PrismaClient, { actor, locale = 'vi' }: { actor: Actor; locale?: string }): Promise<WorkflowOverview> {
  assertCanConfigureWorkflows(actor)
  const [definitions, procedures, inFlight] = await Promise.all([findDefinitions(client), findProcedureWorkflows(client), countInFlightByVersion(client)])
  const names = await findUserNames(client, definitions.flatMap((definition) => definition.versions.map((version) => version.createdById)))
  const nameOf = (procedure: (typeof procedures)[number]) => (locale === 'en' ? procedure.currentVersion.nameEn : procedure.currentVersion.nameVi)

  const usedBy = new Map<string, { id: string; slug: string; name: string }[]>()
  for (const procedure of procedures) {
    const key = procedure.currentVersion.workflowVersion.id
    usedBy.set(key, [...(usedBy.get(key) ?? []), { id: procedure.id, slug: procedure.slug, name: nameOf(procedure) }])
  }
  const latestByDefinition = new Map<string, number>()
  const items = definitions.map((definition): WorkflowDefinitionListItem => {
    const versions = definition.versions.map(
      (version): WorkflowVersionListItem => ({
        id: version.id,
        version: version.version,
        status: version.status,
        publishedAt: version.publishedAt,
        createdAt: version.createdAt,
        createdByName: version.createdById ? (names.get(version.createdById) ?? null) : null,
        procedures: usedBy.get(version.id) ?? [],
        inFlight: inFlight.get(version.id) ?? 0,
      }),
    )
    const latestReleased = versions.find((version) => version.status !== 'DRAFT') ?? null
    if (latestReleased) latestByDefinition.set(definition.id, latestReleased.version)
    return { ...definition, versions, draft: versions.find((version) => version.status === 'DRAFT') ?? null, latestReleased }
  })
  return {
    definitions: items,
    procedures: procedures.map((procedure) => {
      const workflow = procedure.currentVersion.workflowVersion
      return {
        id: procedure.id,
        slug: procedure.slug,
        nationalCode: procedure.nationalCode,
        name: nameOf(procedure),
        field: procedure.currentVersion.field,
        isActive: procedure.isActive,
        procedureVersion: procedure.currentVersion.version,
        workflow: {
          versionId: workflow.id,
          version: workflow.version,
          status: workflow.status,
          definitionKey: workflow.definition.key,
          definitionName: workflow.definition.name,
          isLatest: latestByDefinition.get(workflow.definition.id) === workflow.version,
        },
      }
    }),
  }
}
