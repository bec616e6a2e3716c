import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { assertCanConfigureWorkflows, parseVersionId } from './workflow-admin-guard'
import { countInFlightByProcedure, findProcedureWorkflows, findVersion } from './workflow-admin.repo'

export type PublishCandidate = {
  id: string
  slug: string
  name: string
  field: string
  isActive: boolean
  procedureVersion: number
  workflow: { versionId: string; version: number; definitionKey: string; definitionName: string }
  /** The procedure's dossiers in flight: they keep the workflow version they started with. */
  inFlight: number
  /** Chosen by default: its current version uses an older version of this same workflow. */
  suggested: boolean
}

/**
 * What publishing a draft would touch: every procedure, with the ones whose current version uses an older
 * version of this workflow suggested (the administrator may add procedures of other workflows, or leave some).
 */
export async function getPublishPlan(client: PrismaClient, { actor, versionId, locale = 'vi' }: { actor: Actor; versionId: unknown; locale?: string }): Promise<{ candidates: PublishCandidate[] }> {
  assertCanConfigureWorkflows(actor)
  const id = parseVersionId(versionId)
  const version = await findVersion(client, id)
  if (!version) throw new AppError('NOT_FOUND')
  const [procedures, inFlight] = await Promise.all([findProcedureWorkflows(client), countInFlightByProcedure(client)])
  const candidates = procedures.map((procedure): PublishCandidate => {
    const workflow = procedure.currentVersion.workflowVersion
    return {
      id: procedure.id,
      slug: procedure.slug,
      name: locale === 'en' ? procedure.currentVersion.nameEn : procedure.currentVersion.nameVi,
      field: procedure.currentVersion.field,
      isActive: procedure.isActive,
      procedureVersion: procedure.currentVersion.version,
      workflow: { versionId: workflow.id, version: workflow.version, definitionKey: workflow.definition.key, definitionName: workflow.definition.name },
      inFlight: inFlight.get(procedure.id) ?? 0,
      suggested: workflow.definition.id === version.definition.id && workflow.version < version.version,
    }
  })
  // Suggested first, then by workflow and name, so the usual choice is at the top of the list.
  candidates.sort((a, b) => Number(b.suggested) - Number(a.suggested) || a.workflow.definitionName.localeCompare(b.workflow.definitionName, 'vi') || a.name.localeCompare(b.name, 'vi'))
  return { candidates }
}
