import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { validateWorkflow } from '@/domain/workflow/validate-workflow'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import { publishNextProcedureVersion } from '@/server/procedure-versions/publish-next-procedure-version'
import { assertCanConfigureWorkflows, parseVersionId, rawField } from './workflow-admin-guard'
import { lockVersion } from './workflow-admin.repo'

const ZProcedureIds = z.array(z.uuid()).max(1000)

export type PublishOutcome = {
  versionId: string
  version: number
  /** Procedures moved to the new version: their new procedure version. */
  procedures: { procedureId: string; slug: string; fromVersion: number; toVersion: number; procedureVersionId: string }[]
  /** Older versions of the workflow no procedure uses any more, now retired. */
  retired: number[]
}

/**
 * Publishes a draft and attaches it to the chosen procedures, all in ONE transaction with one audit row
 * (`workflow.publish`):
 * 1. the draft must pass `validateWorkflow` (INVALID_INPUT with `_form: ['validationFailed']` otherwise);
 * 2. it becomes PUBLISHED (publishedAt, createdById = the publisher) — immutable from then on;
 * 3. each chosen procedure gets a NEW procedure version: a copy of its current version with the next
 *    number, PUBLISHED, using the new workflow version, made current; the old procedure version stays,
 *    RETIRED, and the dossiers submitted under it keep pointing at it and at their workflow version;
 * 4. older PUBLISHED versions of the same workflow that no procedure's current version uses any more are
 *    RETIRED (still readable, and dossiers in flight on them keep moving with them).
 * Dossiers are never touched: each keeps the workflow version it started with.
 */
export async function publishWorkflowVersion(
  client: PrismaClient,
  { actor, input, meta, now = new Date() }: { actor: Actor; input: unknown; meta: RequestMeta | null; now?: Date },
): Promise<PublishOutcome> {
  assertCanConfigureWorkflows(actor)
  const id = parseVersionId(rawField(input, 'versionId'))
  const parsedIds = ZProcedureIds.safeParse(rawField(input, 'procedureIds') ?? [])
  if (!parsedIds.success) throw new AppError('INVALID_INPUT', 'invalid procedure list', { procedureIds: ['invalidProcedures'] })
  const procedureIds = [...new Set(parsedIds.data.map((value) => value.toLowerCase()))]

  return client.$transaction(async (tx) => {
    const draft = await lockVersion(tx, id)
    if (!draft) throw new AppError('NOT_FOUND')
    if (draft.status !== 'DRAFT') throw new AppError('FORBIDDEN', 'already published', { _form: ['alreadyPublished'] })
    if (!validateWorkflow(draft.graph).ok) throw new AppError('INVALID_INPUT', 'the workflow does not pass validation', { _form: ['validationFailed'] })

    const published = await tx.workflowVersion.update({
      where: { id },
      data: { status: 'PUBLISHED', publishedAt: now, createdById: actor.userId },
      select: { version: true, definition: { select: { key: true } } },
    })

    const procedures = await tx.procedure.findMany({ where: { id: { in: procedureIds } }, select: { id: true, slug: true, currentVersionId: true } })
    if (procedures.length !== procedureIds.length || procedures.some((procedure) => !procedure.currentVersionId)) {
      throw new AppError('INVALID_INPUT', 'unknown procedure', { procedureIds: ['invalidProcedures'] })
    }
    const moved: PublishOutcome['procedures'] = []
    for (const procedure of procedures) {
      // A copy of its current version with the new workflow version, made current (the old one RETIRED).
      const published = await publishNextProcedureVersion(tx, { procedureId: procedure.id, fromVersionId: procedure.currentVersionId!, changes: { workflowVersionId: id }, actor, now })
      moved.push({ procedureId: procedure.id, slug: procedure.slug, ...published })
    }

    const unused = await tx.workflowVersion.findMany({
      where: { definitionId: draft.definitionId, status: 'PUBLISHED', id: { not: id }, procedureVersions: { none: { currentOf: { isNot: null } } } },
      select: { id: true, version: true },
    })
    if (unused.length > 0) await tx.workflowVersion.updateMany({ where: { id: { in: unused.map((version) => version.id) } }, data: { status: 'RETIRED' } })
    const retired = unused.map((version) => version.version).sort((a, b) => a - b)

    await writeAudit(tx, {
      actor,
      action: 'workflow.publish',
      entityType: 'WorkflowVersion',
      entityId: id,
      data: { workflow: published.definition.key, version: published.version, procedures: moved.map((entry) => `${entry.slug} v${entry.fromVersion}→v${entry.toVersion}`), retired },
      meta,
    })
    return { versionId: id, version: published.version, procedures: moved, retired }
  })
}
