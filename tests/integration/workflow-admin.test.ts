/**
 * Workflow administration through the server layer on PostgreSQL: only administrators; drafts saved only
 * when valid; publishing makes an immutable version and new procedure versions in one transaction; dossiers
 * in flight keep (and keep moving on) the version they started with; the sandbox writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { DEFAULT_WORKFLOW_KEY } from '@/domain/workflow/default-workflows'
import { blankStepRow, blankTransitionRow, draftFormFromGraph, type DraftForm } from '@/domain/workflow/workflow-draft'
import { WorkflowGraphSchema, type WorkflowGraph } from '@/domain/workflow/workflow-graph'
import type { PrismaClient } from '@/generated/prisma/client'
import { loadActor } from '@/server/auth/load-actor'
import { transitionDossier } from '@/server/dossier/transition-dossier'
import { createPrismaClient } from '@/server/prisma-client'
import { createWorkflowDraft } from '@/server/workflow-admin/create-workflow-draft'
import { deleteWorkflowDraft } from '@/server/workflow-admin/delete-workflow-draft'
import { getPublishPlan } from '@/server/workflow-admin/get-publish-plan'
import { getWorkflowVersion } from '@/server/workflow-admin/get-workflow-version'
import { listWorkflows } from '@/server/workflow-admin/list-workflows'
import { publishWorkflowVersion } from '@/server/workflow-admin/publish-workflow-version'
import { runWorkflowSandbox } from '@/server/workflow-admin/run-workflow-sandbox'
import { updateWorkflowDraft } from '@/server/workflow-admin/update-workflow-draft'
import { seedDatabase } from '../../prisma/seed'

let client: PrismaClient
const actors = {} as Record<'admin' | 'clerk' | 'specialist' | 'officer' | 'citizen', Actor>
const NOW = new Date('2026-11-24T03:00:00Z')
const meta = { ip: '203.0.113.9', userAgent: 'vitest' }

let definitionId: string
let v1: { id: string; graph: WorkflowGraph }
let inFlightDossier: { id: string; code: string }

async function actorFor(where: { username?: string; citizenId?: string }): Promise<Actor> {
  const user = await client.user.findFirstOrThrow({ where, select: { id: true, sessionVersion: true } })
  return (await loadActor(client, user.id, user.sessionVersion))!
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

/** Everything workflow administration could write. */
async function snapshot() {
  const [versions, procedureVersions, procedures, dossiers, events, audit] = await Promise.all([
    client.workflowVersion.findMany({ select: { id: true, status: true, graph: true, publishedAt: true }, orderBy: { id: 'asc' } }),
    client.procedureVersion.findMany({ select: { id: true, status: true, workflowVersionId: true }, orderBy: { id: 'asc' } }),
    client.procedure.findMany({ select: { id: true, currentVersionId: true }, orderBy: { id: 'asc' } }),
    client.dossier.findMany({ select: { id: true, version: true, workflowVersionId: true, currentStep: true }, orderBy: { id: 'asc' } }),
    client.dossierEvent.count(),
    client.auditLog.count(),
  ])
  return { versions, procedureVersions, procedures, dossiers, events, audit }
}

/** v1 plus a verification step the specialist may send a dossier to and back (a valid, publishable change). */
function formWithVerification(): DraftForm {
  const form = draftFormFromGraph(v1.graph)
  form.steps.push({ ...blankStepRow('n1'), key: 'verification', nameVi: 'Xác minh thực tế', nameEn: 'Field verification', role: 'SPECIALIST', state: 'PROCESSING', clock: 'RUNS', budgetUnit: 'WORKING_DAYS', budgetValue: '1' })
  form.transitions.push({ ...blankTransitionRow('n2'), action: 'verify', from: 'processing', to: 'verification', roles: ['SPECIALIST'], isPublic: false })
  form.transitions.push({ ...blankTransitionRow('n3'), action: 'verified', from: 'verification', to: 'processing', roles: ['SPECIALIST'], isPublic: false })
  return form
}

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 0, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  Object.assign(actors, {
    admin: await actorFor({ username: 'quantri' }),
    clerk: await actorFor({ username: 'canbo.thanhvinh' }),
    specialist: await actorFor({ username: 'chuyenvien.thanhvinh' }),
    officer: await actorFor({ username: 'tinh.nghean' }),
    citizen: await actorFor({ citizenId: '040085003917' }),
  })
  const definition = await client.workflowDefinition.findUniqueOrThrow({ where: { key: DEFAULT_WORKFLOW_KEY }, select: { id: true } })
  definitionId = definition.id
  const version = await client.workflowVersion.findFirstOrThrow({ where: { definitionId, version: 1 }, select: { id: true, graph: true } })
  v1 = { id: version.id, graph: WorkflowGraphSchema.parse(version.graph) }

  // A dossier submitted under the default workflow's version 1, waiting for reception.
  const commune = await client.commune.findUniqueOrThrow({ where: { code: '16681' }, select: { id: true } })
  const procedureVersion = await client.procedureVersion.findFirstOrThrow({
    where: { status: 'PUBLISHED', procedure: { slug: '1.001193' }, workflowVersionId: v1.id },
    select: { id: true, procedureId: true },
  })
  inFlightDossier = await client.dossier.create({
    data: {
      code: '16681-261124-7001',
      communeId: commune.id,
      procedureId: procedureVersion.procedureId,
      procedureVersionId: procedureVersion.id,
      workflowVersionId: v1.id,
      applicantName: 'Lê Thị Hoa',
      channel: 'ONLINE',
      state: 'SUBMITTED',
      currentStep: 'reception',
      formData: {},
      submittedAt: NOW,
    },
    select: { id: true, code: true },
  })
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
})

describe('only administrators', () => {
  it.each(['clerk', 'specialist', 'officer', 'citizen'] as const)('%s is refused everything, and nothing is written', async (who) => {
    const actor = actors[who]
    const before = await snapshot()
    const calls: Promise<unknown>[] = [
      listWorkflows(client, { actor }),
      getWorkflowVersion(client, { actor, versionId: v1.id }),
      getPublishPlan(client, { actor, versionId: v1.id }),
      createWorkflowDraft(client, { actor, input: { definitionId }, meta }),
      updateWorkflowDraft(client, { actor, input: { versionId: v1.id, form: draftFormFromGraph(v1.graph) }, meta }),
      deleteWorkflowDraft(client, { actor, input: { versionId: v1.id }, meta }),
      publishWorkflowVersion(client, { actor, input: { versionId: v1.id, procedureIds: [] }, meta }),
      runWorkflowSandbox(client, { actor, versionId: v1.id, query: {} }),
    ]
    for (const call of calls) expect((await failure(call)).code).toBe('FORBIDDEN')
    expect(await snapshot()).toEqual(before)
  })
})

describe('the overview', () => {
  it('lists each workflow with its versions, the procedures using them and the dossiers in flight', async () => {
    const overview = await listWorkflows(client, { actor: actors.admin })
    const oneStop = overview.definitions.find((definition) => definition.key === DEFAULT_WORKFLOW_KEY)!
    expect(oneStop.versions).toHaveLength(1)
    expect(oneStop.versions[0]).toMatchObject({ id: v1.id, version: 1, status: 'PUBLISHED', inFlight: 1 })
    expect(oneStop.versions[0]!.procedures.length).toBeGreaterThan(0)
    expect(oneStop.draft).toBeNull()
    const procedure = overview.procedures.find((entry) => entry.slug === '1.001193')!
    expect(procedure.workflow).toMatchObject({ versionId: v1.id, version: 1, definitionKey: DEFAULT_WORKFLOW_KEY, isLatest: true })
    const total = await client.procedure.count({ where: { currentVersionId: { not: null } } })
    expect(overview.procedures).toHaveLength(total)
  })
})

describe('drafts, publishing and immutability', () => {
  let draftId: string

  it('opens a draft as version 2, a copy of version 1; asking again gives the same draft', async () => {
    const draft = await createWorkflowDraft(client, { actor: actors.admin, input: { definitionId }, meta })
    expect(draft).toMatchObject({ version: 2, created: true })
    draftId = draft.id
    const stored = await client.workflowVersion.findUniqueOrThrow({ where: { id: draftId }, select: { status: true, graph: true, createdById: true, publishedAt: true } })
    expect(stored).toMatchObject({ status: 'DRAFT', createdById: actors.admin.userId, publishedAt: null })
    expect(WorkflowGraphSchema.parse(stored.graph)).toEqual(v1.graph)
    expect(await createWorkflowDraft(client, { actor: actors.admin, input: { definitionId }, meta })).toEqual({ id: draftId, version: 2, created: false })
    expect(await client.auditLog.count({ where: { action: 'workflow.createDraft', entityId: draftId } })).toBe(1)
  })

  it('refuses an invalid draft with an error on each field at fault, and stores nothing', async () => {
    const before = await snapshot()
    const form = formWithVerification()
    form.steps.find((row) => row.row === 'n1')!.key = 'Xác minh'
    form.steps.find((row) => row.key === 'approval')!.nameVi = ''
    form.transitions.find((row) => row.row === 'n2')!.to = 'nowhere'
    form.transitions.find((row) => row.row === 'n3')!.roles = []
    form.maxSupplementRequests = '0'
    const { revision } = await getWorkflowVersion(client, { actor: actors.admin, versionId: draftId })
    const error = await failure(updateWorkflowDraft(client, { actor: actors.admin, input: { versionId: draftId, form, revision }, meta }))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.fieldErrors).toEqual({
      'step.n1.key': ['keyFormat'],
      'step.s3.nameVi': ['required'],
      'transition.n2.to': ['unknownStep'],
      'transition.n3.from': ['unknownStep'],
      'transition.n3.roles': ['rolesRequired'],
      maxSupplementRequests: ['maxSupplementInvalid'],
    })
    expect(await snapshot()).toEqual(before)
  })

  it('saves a valid draft that cannot be published yet, lists why, and refuses to publish it', async () => {
    const form = formWithVerification()
    // The way back from verification is missing: a dead end that validateWorkflow reports.
    form.transitions = form.transitions.filter((row) => row.row !== 'n3')
    const { revision } = await getWorkflowVersion(client, { actor: actors.admin, versionId: draftId })
    const saved = await updateWorkflowDraft(client, { actor: actors.admin, input: { versionId: draftId, form, revision }, meta })
    expect(saved.changed).toBe(true)
    const detail = await getWorkflowVersion(client, { actor: actors.admin, versionId: draftId })
    expect(detail.validation).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'DEAD_END', step: 'verification' })] })
    const before = await snapshot()
    const error = await failure(publishWorkflowVersion(client, { actor: actors.admin, input: { versionId: draftId, procedureIds: [] }, meta, now: NOW }))
    expect(error).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { _form: ['validationFailed'] } })
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a save based on a state of the draft someone else has replaced (CONFLICT)', async () => {
    const stale = (await getWorkflowVersion(client, { actor: actors.admin, versionId: draftId })).revision
    const form = formWithVerification()
    await updateWorkflowDraft(client, { actor: actors.admin, input: { versionId: draftId, form, revision: stale }, meta })
    form.steps.find((row) => row.row === 'n1')!.nameEn = 'On-site verification'
    const error = await failure(updateWorkflowDraft(client, { actor: actors.admin, input: { versionId: draftId, form, revision: stale }, meta }))
    expect(error.code).toBe('CONFLICT')
    const detail = await getWorkflowVersion(client, { actor: actors.admin, versionId: draftId })
    expect(detail.validation).toEqual({ ok: true })
    expect(detail.graph?.steps.find((step) => step.key === 'verification')?.nameEn).toBe('Field verification')
  })

  it('tries the draft in the sandbox without writing anything', async () => {
    const before = await snapshot()
    const start = '2026-11-24T08:00'
    const first = await runWorkflowSandbox(client, { actor: actors.admin, versionId: draftId, query: { start }, next: { act: 'CLERK:receive', at: '2026-11-24T09:00' }, now: NOW })
    expect(first.attempt).toMatchObject({ applied: true })
    expect(first.run.dossier).toMatchObject({ currentStep: 'processing', state: 'PROCESSING' })
    expect(first.run.dossier.dueAt).not.toBeNull()
    const second = await runWorkflowSandbox(client, {
      actor: actors.admin,
      versionId: draftId,
      query: { start, procedure: first.settings.procedure, moves: JSON.stringify(first.moves) },
      next: { act: 'SPECIALIST:verify', at: '2026-11-24T10:00' },
      now: NOW,
    })
    expect(second.moves.map((move) => move.action)).toEqual(['receive', 'verify'])
    expect(second.run.step?.key).toBe('verification')
    expect(second.run.available.find((entry) => entry.role === 'SPECIALIST')?.actions.map((action) => action.action)).toEqual(['verified'])
    const refused = await runWorkflowSandbox(client, {
      actor: actors.admin,
      versionId: draftId,
      query: { start, procedure: first.settings.procedure, moves: JSON.stringify(second.moves) },
      next: { act: 'LEADER:approve', at: '2026-11-24T11:00' },
      now: NOW,
    })
    expect(refused.attempt).toMatchObject({ applied: false, error: { error: { code: 'NOT_ALLOWED_FROM_STEP' } } })
    expect(refused.moves).toHaveLength(2)
    expect(await snapshot()).toEqual(before)
  })

  it('publishes: an immutable version, new procedure versions made current, old ones kept; one audit row', async () => {
    const plan = await getPublishPlan(client, { actor: actors.admin, versionId: draftId })
    const suggested = plan.candidates.filter((candidate) => candidate.suggested)
    expect(suggested.length).toBeGreaterThan(0)
    expect(suggested.every((candidate) => candidate.workflow.versionId === v1.id)).toBe(true)
    expect(plan.candidates.filter((candidate) => !candidate.suggested).every((candidate) => candidate.workflow.definitionKey !== DEFAULT_WORKFLOW_KEY)).toBe(true)
    const oldCurrent = new Map(
      (await client.procedure.findMany({ where: { id: { in: suggested.map((candidate) => candidate.id) } }, select: { id: true, currentVersionId: true } })).map((row) => [row.id, row.currentVersionId!]),
    )
    const dossierBefore = await client.dossier.findUniqueOrThrow({ where: { id: inFlightDossier.id } })

    const outcome = await publishWorkflowVersion(client, { actor: actors.admin, input: { versionId: draftId, procedureIds: suggested.map((candidate) => candidate.id) }, meta, now: NOW })
    expect(outcome).toMatchObject({ versionId: draftId, version: 2, retired: [1] })
    expect(outcome.procedures).toHaveLength(suggested.length)

    const published = await client.workflowVersion.findUniqueOrThrow({ where: { id: draftId }, select: { status: true, publishedAt: true, createdById: true } })
    expect(published).toEqual({ status: 'PUBLISHED', publishedAt: NOW, createdById: actors.admin.userId })
    expect((await client.workflowVersion.findUniqueOrThrow({ where: { id: v1.id }, select: { status: true } })).status).toBe('RETIRED')

    for (const candidate of suggested) {
      const procedure = await client.procedure.findUniqueOrThrow({ where: { id: candidate.id }, select: { currentVersion: true } })
      const previous = await client.procedureVersion.findUniqueOrThrow({ where: { id: oldCurrent.get(candidate.id)! } })
      const current = procedure.currentVersion!
      expect(current.id).not.toBe(previous.id)
      expect(current).toMatchObject({ version: previous.version + 1, status: 'PUBLISHED', workflowVersionId: draftId, publishedAt: NOW, createdById: actors.admin.userId })
      // Everything else is the previous version's.
      expect({ ...current, id: 0, version: 0, status: 0, workflowVersionId: 0, publishedAt: 0, createdById: 0, createdAt: 0 }).toEqual({ ...previous, id: 0, version: 0, status: 0, workflowVersionId: 0, publishedAt: 0, createdById: 0, createdAt: 0 })
      expect(previous).toMatchObject({ status: 'RETIRED', workflowVersionId: v1.id })
    }

    const audit = await client.auditLog.findMany({ where: { action: 'workflow.publish' }, select: { entityId: true, actorId: true, data: true } })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ entityId: draftId, actorId: actors.admin.userId, data: { workflow: DEFAULT_WORKFLOW_KEY, version: 2, retired: [1] } })
    // The dossier in flight was not touched.
    expect(await client.dossier.findUniqueOrThrow({ where: { id: inFlightDossier.id } })).toEqual(dossierBefore)
  })

  it('a published version cannot be edited, deleted or published again', async () => {
    const before = await snapshot()
    const { revision } = await getWorkflowVersion(client, { actor: actors.admin, versionId: draftId })
    const form = formWithVerification()
    form.steps.find((row) => row.row === 'n1')!.nameVi = 'Đổi tên sau khi công bố'
    for (const versionId of [draftId, v1.id]) {
      expect(await failure(updateWorkflowDraft(client, { actor: actors.admin, input: { versionId, form, revision }, meta }))).toMatchObject({ code: 'FORBIDDEN', fieldErrors: { _form: ['immutable'] } })
      expect((await failure(deleteWorkflowDraft(client, { actor: actors.admin, input: { versionId }, meta }))).code).toBe('FORBIDDEN')
      expect((await failure(publishWorkflowVersion(client, { actor: actors.admin, input: { versionId, procedureIds: [] }, meta }))).code).toBe('FORBIDDEN')
    }
    expect(await snapshot()).toEqual(before)
  })

  it('the dossier in flight keeps version 1 and still moves with it; new dossiers get version 2', async () => {
    const dossier = await client.dossier.findUniqueOrThrow({ where: { id: inFlightDossier.id }, select: { workflowVersionId: true, version: true, procedureVersion: { select: { status: true } } } })
    expect(dossier.workflowVersionId).toBe(v1.id)
    expect(dossier.procedureVersion.status).toBe('RETIRED')
    const received = await transitionDossier(client, { actor: actors.clerk, input: { dossierRef: inFlightDossier.code, action: 'receive', assigneeId: actors.specialist.userId, expectedVersion: dossier.version }, meta, now: NOW })
    expect(received).toMatchObject({ state: 'PROCESSING', currentStep: 'processing' })
    // Version 2's new action is not part of version 1.
    const error = await failure(transitionDossier(client, { actor: actors.specialist, input: { dossierRef: inFlightDossier.code, action: 'verify', expectedVersion: received.version }, meta, now: NOW }))
    expect(error.code).toBe('INVALID_TRANSITION')
    expect((await client.dossier.findUniqueOrThrow({ where: { id: inFlightDossier.id }, select: { workflowVersionId: true } })).workflowVersionId).toBe(v1.id)

    const procedure = await client.procedure.findFirstOrThrow({ where: { slug: '1.001193' }, select: { currentVersion: { select: { workflowVersionId: true } } } })
    expect(procedure.currentVersion?.workflowVersionId).toBe(draftId)
    const overview = await listWorkflows(client, { actor: actors.admin })
    const versions = overview.definitions.find((definition) => definition.key === DEFAULT_WORKFLOW_KEY)!.versions
    expect(versions.map((version) => [version.version, version.status, version.inFlight])).toEqual([
      [2, 'PUBLISHED', 0],
      [1, 'RETIRED', 1],
    ])
    expect(versions[1]!.procedures).toEqual([])
  })

  it('deletes a draft, and only a draft', async () => {
    const draft = await createWorkflowDraft(client, { actor: actors.admin, input: { definitionId }, meta })
    expect(draft).toMatchObject({ version: 3, created: true })
    const copied = await client.workflowVersion.findUniqueOrThrow({ where: { id: draft.id }, select: { graph: true } })
    expect(WorkflowGraphSchema.parse(copied.graph).steps.map((step) => step.key)).toContain('verification')
    await deleteWorkflowDraft(client, { actor: actors.admin, input: { versionId: draft.id }, meta })
    expect(await client.workflowVersion.findUnique({ where: { id: draft.id } })).toBeNull()
    expect(await client.auditLog.count({ where: { action: 'workflow.deleteDraft', entityId: draft.id } })).toBe(1)
  })
})
