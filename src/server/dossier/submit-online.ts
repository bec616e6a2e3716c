import 'server-only'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { localDateOf } from '@/domain/calendar/working-days'
import { expectedAppointment } from '@/domain/documents/expected-appointment'
import { AppError } from '@/domain/errors'
import { FormDefinitionSchema, type FormDefinition } from '@/domain/forms/form-definition'
import { fieldIssuesOf, formSchema, type FormFieldIssue, type FormValues } from '@/domain/forms/form-schema'
import { attachmentIdsOf, type RawFormValues } from '@/domain/forms/form-values'
import { applicantOfSubmission } from '@/domain/forms/prefill'
import { DeadlineSchema, type Deadline } from '@/domain/procedure/deadline'
import { attachmentStorage } from '@/server/attachments/storage/storage-from-env'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import { writeAudit } from '@/server/audit/write-audit'
import { applicantProfileOf, openProcedure } from '@/server/drafts/drafts'
import type { RequestMeta } from '@/server/http/request-meta'
import { createDossier } from './create-dossier'

/**
 * A citizen's online submission: the same form schema the page runs in the browser checks the values again
 * here, and in ONE transaction the dossier is created (code, procedure version, workflow start, 'submit'
 * event, audit), the draft's files move to it, the applicant's notification is queued and the draft is gone.
 *
 * Idempotent: the submission key is the citizen's draft (`online:<user>:draft:<draft id>`) or the key a client
 * sends (`online:<user>:key:<key>`). A key already used answers with the dossier it created and writes nothing,
 * so a double click, a retry after a lost answer, or the same draft submitted from two tabs make one dossier.
 */

export type SubmissionSource =
  /** The form page: the draft holds the procedure, commune and files. */
  | { draftId: string }
  /** A client of the JSON API without files (e.g. a procedure without required documents). */
  | { procedureSlug: string; communeCode: string; idempotencyKey: string }

export type SubmitOnlineInput = { actor: Actor; source: SubmissionSource; values: RawFormValues; now?: Date; meta: RequestMeta | null }

export type SubmitOnlineResult =
  | { ok: true; created: boolean; code: string; dossierId: string; submittedAt: Date; expectedDueAt: Date }
  | { ok: false; issues: Record<string, FormFieldIssue[]> }

/**
 * Reference data read on every submission but changed only by administrators, kept for a minute per process:
 * each read saved is one database round trip less per submission (bench/submit.mts counts them).
 */
const REFERENCE_TTL_MS = 60_000
function refreshedEvery<T>(load: (client: PrismaClient | Prisma.TransactionClient) => Promise<T>) {
  let cached: { value: Promise<T>; until: number } | null = null
  return (client: PrismaClient | Prisma.TransactionClient): Promise<T> => {
    const now = Date.now()
    if (!cached || cached.until <= now) {
      const value = load(client)
      cached = { value, until: now + REFERENCE_TTL_MS }
      value.catch(() => (cached = null))
    }
    return cached.value
  }
}

/** Codes of the communes an address may name (all active communes of the deployment). */
const communeCodes = refreshedEvery(async (client) => {
  const rows = await client.commune.findMany({ where: { isActive: true }, select: { code: true } })
  return new Set(rows.map((row) => row.code))
})

/** The working calendar for the expected appointment (an estimate: a minute-old calendar is fine). */
const estimateCalendar = refreshedEvery((client) => loadWorkingCalendar(client, new Date()))

type Target = { draftId: string | null; communeId: string; procedureId: string; versionId: string; definition: FormDefinition }

/** What is submitted, read under the transaction (the draft row locked, so two submissions of it queue). */
async function targetOf(tx: Prisma.TransactionClient, actor: Actor, source: SubmissionSource): Promise<Target> {
  if ('draftId' in source) {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "DossierDraft" WHERE id = ${source.draftId}::uuid AND "userId" = ${actor.userId}::uuid FOR UPDATE`
    if (!locked) throw new AppError('NOT_FOUND', 'no such draft')
    const draft = await tx.dossierDraft.findUniqueOrThrow({
      where: { id: source.draftId },
      select: { communeId: true, procedureId: true, procedureVersionId: true, procedure: { select: { currentVersionId: true } }, procedureVersion: { select: { formDefinition: true } } },
    })
    if (draft.procedure.currentVersionId !== draft.procedureVersionId) {
      // Republished while the citizen was typing: the caller moves the draft to the new version (rebaseDraft)
      // and shows the new form, which the citizen checks before submitting again.
      throw new AppError('CONFLICT', 'the procedure changed since the draft was opened')
    }
    return { draftId: source.draftId, communeId: draft.communeId, procedureId: draft.procedureId, versionId: draft.procedureVersionId, definition: FormDefinitionSchema.parse(draft.procedureVersion.formDefinition) }
  }
  const [procedure, commune] = await Promise.all([
    openProcedure(tx, source.procedureSlug),
    tx.commune.findFirst({ where: { code: source.communeCode, isActive: true }, select: { id: true } }),
  ])
  if (!commune) throw new AppError('INVALID_INPUT', 'unknown commune', { communeCode: ['COMMUNE'] })
  return { draftId: null, communeId: commune.id, procedureId: procedure.id, versionId: procedure.versionId, definition: procedure.definition }
}

/** JSON with object keys sorted, to compare two submissions' answers whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
  )
}

/** Every attachment id the values name must be a file of this draft uploaded for that slot. */
async function fileIssues(tx: Prisma.TransactionClient, target: Target, cleaned: FormValues): Promise<{ issues: Record<string, FormFieldIssue[]>; ids: string[] }> {
  const named = attachmentIdsOf(target.definition, cleaned as RawFormValues)
  const ids = named.flatMap((slot) => slot.ids)
  const issues: Record<string, FormFieldIssue[]> = {}
  if (ids.length === 0) return { issues, ids }
  const rows = target.draftId
    ? await tx.attachment.findMany({ where: { id: { in: ids }, draftId: target.draftId, dossierId: null }, select: { id: true, documentKey: true } })
    : []
  const slotOf = new Map(rows.map((row) => [row.id, row.documentKey]))
  for (const slot of named) {
    if (slot.ids.some((id) => slotOf.get(id) !== slot.documentKey)) issues[slot.name] = [{ code: 'FILE', params: {} }]
  }
  return { issues, ids }
}

/** Submits a citizen's application online (see the top of this file). */
export async function submitOnline(client: PrismaClient, input: SubmitOnlineInput): Promise<SubmitOnlineResult> {
  const { actor, source } = input
  if (!can(actor, 'dossier.submit')) throw new AppError('FORBIDDEN', 'only citizens submit dossiers online')
  const now = input.now ?? new Date()
  const submissionKey = 'draftId' in source ? `online:${actor.userId}:draft:${source.draftId}` : `online:${actor.userId}:key:${source.idempotencyKey}`

  // Read before the transaction: inside it, a second connection could wait on a pool its transactions hold.
  const knownCommunes = await communeCodes(client)
  const outcome = await client.$transaction(async (tx) => {
    // The key's lock first: a second submission waits here, then finds the dossier the first one made.
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`dossier-submission:${submissionKey}`}))) AS lock`
    const earlier = await tx.dossier.findUnique({
      where: { submissionKey },
      select: { id: true, code: true, submittedAt: true, applicantId: true, procedureId: true, communeId: true, formData: true, procedureVersion: { select: { deadline: true } } },
    })
    if (earlier) {
      if (earlier.applicantId !== actor.userId) throw new AppError('CONFLICT', 'submission key of another applicant')
      if (!('draftId' in source)) {
        // A client's key names one submission: the same key with other answers is a client bug, not a retry.
        const target = await targetOf(tx, actor, source)
        const parsed = formSchema(target.definition, { today: localDateOf(now), communeCodes: knownCommunes }).safeParse(input.values)
        const same = parsed.success && target.procedureId === earlier.procedureId && target.communeId === earlier.communeId && canonicalJson(parsed.data) === canonicalJson(earlier.formData)
        if (!same) throw new AppError('CONFLICT', 'Idempotency-Key already used for a different submission')
      }
      return { kind: 'earlier' as const, dossier: earlier, deadline: DeadlineSchema.parse(earlier.procedureVersion.deadline) }
    }

    const target = await targetOf(tx, actor, source)
    const parsed = formSchema(target.definition, { today: localDateOf(now), communeCodes: knownCommunes }).safeParse(input.values)
    if (!parsed.success) return { kind: 'invalid' as const, issues: fieldIssuesOf(parsed.error) }
    const files = await fileIssues(tx, target, parsed.data)
    if (Object.keys(files.issues).length > 0) return { kind: 'invalid' as const, issues: files.issues }

    const profile = await applicantProfileOf(tx, actor.userId)
    const applicant = applicantOfSubmission(target.definition, parsed.data, profile)
    const created = await createDossier(tx, {
      communeId: target.communeId,
      procedureId: target.procedureId,
      channel: 'ONLINE',
      applicant: { userId: actor.userId, ...applicant },
      formData: parsed.data as Prisma.InputJsonObject,
      submissionKey,
      submissionKeyChecked: true,
      submittedBy: actor,
      now,
      meta: input.meta,
    })

    let orphanKeys: string[] = []
    if (target.draftId) {
      await tx.attachment.updateMany({ where: { id: { in: files.ids }, draftId: target.draftId }, data: { dossierId: created.dossier.id, draftId: null, communeId: target.communeId } })
      // Files uploaded then left out of the form were never submitted: they go with the draft.
      const unused = await tx.attachment.findMany({ where: { draftId: target.draftId, dossierId: null }, select: { id: true, storageKey: true } })
      orphanKeys = unused.map((file) => file.storageKey)
      if (unused.length > 0) {
        await tx.attachment.deleteMany({ where: { draftId: target.draftId, dossierId: null } })
        await writeAudit(tx, { actor, action: 'draft.file.remove', entityType: 'DossierDraft', entityId: target.draftId, communeId: target.communeId, data: { attachmentIds: unused.map((file) => file.id), reason: 'not in the submitted form' }, meta: input.meta })
      }
      await tx.dossierDraft.delete({ where: { id: target.draftId } })
    }
    const recipient = applicant.phone ?? profile.phone
    if (recipient) {
      await tx.outboxMessage.create({
        data: {
          channel: 'SMS',
          recipient,
          userId: actor.userId,
          communeId: target.communeId,
          dossierId: created.dossier.id,
          template: 'dossier-status',
          payload: { code: created.dossier.code, procedure: created.procedureName, action: 'submit', state: created.dossier.state, dueAt: null },
        },
      })
    }
    return { kind: 'created' as const, dossier: created.dossier, deadline: created.deadline, orphanKeys }
  })

  if (outcome.kind === 'invalid') return { ok: false, issues: outcome.issues }
  if (outcome.kind === 'created') {
    const storage = attachmentStorage()
    await Promise.all(outcome.orphanKeys.map((key) => storage.remove(key).catch((error: unknown) => console.error('orphan file not removed', key, error))))
  }
  const expectedDueAt = await estimateAppointment(client, outcome.dossier.submittedAt, outcome.deadline)
  return { ok: true, created: outcome.kind === 'created', code: outcome.dossier.code, dossierId: outcome.dossier.id, submittedAt: outcome.dossier.submittedAt, expectedDueAt }
}

/** The dossier a draft became (its submission key), for a second post of an already submitted form. */
export async function submittedDossierOfDraft(client: PrismaClient, input: { actor: Actor; draftId: string }): Promise<{ code: string } | null> {
  return client.dossier.findFirst({
    where: { submissionKey: `online:${input.actor.userId}:draft:${input.draftId}`, applicantId: input.actor.userId },
    select: { code: true },
  })
}

/** The appointment an online dossier can expect before it is received (the rule: expectedAppointment). */
export async function estimateAppointment(client: PrismaClient, submittedAt: Date, deadline: Deadline): Promise<Date> {
  return expectedAppointment(submittedAt, deadline, await estimateCalendar(client))
}
