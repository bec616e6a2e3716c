import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { assessFee, feeAmount, feeScheduleOf } from '@/domain/fees/fee-schedule'
import { DeadlineSchema, type Deadline } from '@/domain/procedure/deadline'
import type { WorkflowDossier } from '@/domain/workflow/apply-transition'
import { WorkflowGraphSchema, type WorkflowGraph } from '@/domain/workflow/workflow-graph'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import { allocateDossierCode } from './allocate-dossier-code'

export type DossierChannel = 'ONLINE' | 'DESK' | 'POST'

export type NewDossier = {
  communeId: string
  procedureId: string
  channel: DossierChannel
  /** The applicant as declared on the dossier; `userId` links it to a citizen account (who then sees it). */
  applicant: { userId: string | null; fullName: string; citizenId: string | null; phone: string | null; email: string | null }
  /** The submitted form, already validated by the caller. */
  formData: Prisma.InputJsonObject
  /**
   * Idempotency key: a retried or doubled submission with the same key yields the dossier the first one
   * created. Callers namespace it by who submits (e.g. `desk:<clerk id>:<form token>`), so one person's key
   * never finds another's dossier.
   */
  submissionKey: string | null
  /**
   * The caller already took the key's lock and found no dossier for it in this same transaction (the online
   * submission does, before reading the draft): skip doing it again.
   */
  submissionKeyChecked?: boolean
  /** Who submits: the citizen online, the clerk at the desk. Written on the 'submit' event and the audit row. */
  submittedBy: Pick<Actor, 'userId' | 'role'>
  now: Date
  meta: RequestMeta | null
}

/** What a caller needs to go on (e.g. apply 'receive' at once): the dossier as the workflow engine reads it. */
export type CreatedDossier = {
  /** false when the submission key had already been used: `dossier` is the earlier one, nothing was written. */
  created: boolean
  dossier: WorkflowDossier & {
    id: string
    code: string
    communeId: string
    channel: DossierChannel
    applicantId: string | null
    applicantPhone: string | null
    applicantEmail: string | null
    submittedAt: Date
  }
  procedureName: string
  graph: WorkflowGraph
  deadline: Deadline
}

/** The dossier's own columns (no relations: each relation is one more query after an INSERT). */
const dossierColumns = {
  id: true,
  code: true,
  communeId: true,
  channel: true,
  applicantId: true,
  applicantPhone: true,
  applicantEmail: true,
  submittedAt: true,
  state: true,
  currentStep: true,
  dueAt: true,
  clockPausedAt: true,
  receivedAt: true,
  supplementCount: true,
  version: true,
  assigneeId: true,
} satisfies Prisma.DossierSelect

const dossierSelect = {
  ...dossierColumns,
  procedureVersion: { select: { nameVi: true, deadline: true } },
  workflowVersion: { select: { graph: true } },
} satisfies Prisma.DossierSelect

type DossierRow = Prisma.DossierGetPayload<{ select: typeof dossierSelect }>

function toCreated(created: boolean, { procedureVersion, workflowVersion, ...dossier }: DossierRow): CreatedDossier {
  return {
    created,
    dossier,
    procedureName: procedureVersion.nameVi,
    graph: WorkflowGraphSchema.parse(workflowVersion.graph),
    deadline: DeadlineSchema.parse(procedureVersion.deadline),
  }
}

/**
 * Creates a dossier inside the caller's transaction — the one step shared by every channel (desk reception
 * now, the citizen's online submission later):
 * - the procedure must be active with a published current version; the dossier is bound to THAT version and
 *   to its workflow version, so later edits of the catalogue never change what it was submitted under;
 * - the code comes from the commune's counter for the local day (allocateDossierCode);
 * - it starts at the workflow's start step (state of that step), with the fee its answers owe under the
 *   version's fee rule and exemptions (domain/fees; 0 when the amount is unknown);
 * - the 'submit' history event and an audit row are written with it;
 * - a submission key already used returns the earlier dossier (`created: false`) and writes nothing. A
 *   transaction-scoped advisory lock on the key makes two simultaneous submissions with one key wait for each
 *   other instead of racing to the unique index.
 * Authorization is the caller's: it decides who may submit for whom, in which commune.
 */
export async function createDossier(tx: Prisma.TransactionClient, input: NewDossier): Promise<CreatedDossier> {
  const { submissionKey, now } = input
  if (submissionKey && !input.submissionKeyChecked) {
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`dossier-submission:${submissionKey}`}))) AS lock`
    const existing = await tx.dossier.findUnique({ where: { submissionKey }, select: dossierSelect })
    if (existing) return toCreated(false, existing)
  }

  const [commune, procedure] = await Promise.all([
    tx.commune.findFirst({ where: { id: input.communeId, isActive: true }, select: { id: true, code: true } }),
    tx.procedure.findFirst({
      where: { id: input.procedureId, isActive: true, currentVersion: { is: { status: 'PUBLISHED' } } },
      select: { currentVersion: { select: { id: true, nameVi: true, deadline: true, feeVnd: true, feeRule: true, feeExemptions: true, workflowVersionId: true, workflowVersion: { select: { graph: true } } } } },
    }),
  ])
  const version = procedure?.currentVersion
  if (!commune) throw new AppError('NOT_FOUND', 'no such active commune')
  if (!version) throw new AppError('NOT_FOUND', 'the procedure is not open for submissions')
  const graph = WorkflowGraphSchema.parse(version.workflowVersion.graph)
  const start = graph.steps.find((step) => step.key === graph.startStep)
  // WorkflowGraphSchema already refuses a start step that is not a step; this narrows the type.
  if (!start) throw new Error(`workflow without its start step ${graph.startStep}`)

  const code = await allocateDossierCode(tx, { communeId: commune.id, communeCode: commune.code, now })
  const { applicant } = input
  const dossier = await tx.dossier.create({
    data: {
      code,
      communeId: commune.id,
      procedureId: input.procedureId,
      procedureVersionId: version.id,
      workflowVersionId: version.workflowVersionId,
      applicantId: applicant.userId,
      applicantName: applicant.fullName,
      applicantCitizenId: applicant.citizenId,
      applicantPhone: applicant.phone,
      applicantEmail: applicant.email,
      channel: input.channel,
      state: start.state,
      currentStep: start.key,
      formData: input.formData,
      feeVnd: feeAmount(assessFee(feeScheduleOf(version), input.formData as Record<string, unknown>)),
      submittedAt: now,
      submissionKey,
    },
    select: dossierColumns,
  })
  await tx.dossierEvent.create({
    data: {
      dossierId: dossier.id,
      communeId: commune.id,
      action: 'submit',
      fromState: null,
      toState: start.state,
      fromStep: null,
      toStep: start.key,
      actorId: input.submittedBy.userId,
      actorRole: input.submittedBy.role,
      dueAt: null,
      data: { channel: input.channel },
      isPublic: true,
      occurredAt: now,
    },
  })
  await writeAudit(tx, {
    actor: input.submittedBy,
    action: 'dossier.submit',
    entityType: 'Dossier',
    entityId: dossier.id,
    communeId: commune.id,
    data: { code, channel: input.channel, procedureVersionId: version.id },
    meta: input.meta,
  })
  return { created: true, dossier, procedureName: version.nameVi, graph, deadline: DeadlineSchema.parse(version.deadline) }
}
