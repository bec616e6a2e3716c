import 'server-only'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { AppError } from '@/domain/errors'
import { FormDefinitionSchema, type FormDefinition } from '@/domain/forms/form-definition'
import type { RawFormValues } from '@/domain/forms/form-values'
import { prefillValues, type ApplicantProfile } from '@/domain/forms/prefill'
import { DeadlineSchema, type Deadline } from '@/domain/procedure/deadline'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'

type Client = PrismaClient | Prisma.TransactionClient

/**
 * A citizen's online application before it is submitted (DossierDraft): one per citizen and procedure,
 * bound to the procedure's current version and to the commune chosen to handle it. Drafts are private to
 * their owner: every function answers NOT_FOUND for anyone else's draft, as for one that does not exist.
 */

/** A draft's stored values may not grow past this (JSON characters): far above any real form. */
export const DRAFT_MAX_JSON_LENGTH = 200_000

export type DraftView = {
  id: string
  updatedAt: Date
  values: RawFormValues
  definition: FormDefinition
  commune: { id: string; code: string; name: string; provinceName: string }
  procedure: { id: string; slug: string; nameVi: string; nameEn: string | null; versionId: string; deadline: Deadline; feeVnd: number | null }
}

function requireCitizen(actor: Actor): void {
  if (!can(actor, 'dossier.submit')) throw new AppError('FORBIDDEN', 'only citizens submit dossiers online')
}

/** The signed-in citizen's profile, for prefilling a form and naming the applicant. */
export async function applicantProfileOf(client: Client, userId: string): Promise<ApplicantProfile> {
  const user = await client.user.findUniqueOrThrow({
    where: { id: userId },
    select: { fullName: true, citizenId: true, phone: true, email: true, birthDate: true, gender: true },
  })
  return { ...user, birthDate: user.birthDate ? user.birthDate.toISOString().slice(0, 10) : null }
}

/** A procedure open for online submission (listed, active, published, not desk-only), by its slug. */
export async function openProcedure(client: Client, slug: string) {
  const procedure = await client.procedure.findFirst({
    where: { slug, isActive: true, currentVersion: { is: { status: 'PUBLISHED', onlineLevel: { not: 'NONE' } } } },
    select: { id: true, currentVersionId: true, currentVersion: { select: { formDefinition: true } } },
  })
  if (!procedure?.currentVersionId || !procedure.currentVersion) throw new AppError('NOT_FOUND', 'the procedure is not open for online submission')
  return { id: procedure.id, versionId: procedure.currentVersionId, definition: FormDefinitionSchema.parse(procedure.currentVersion.formDefinition) }
}

/**
 * Opens the citizen's draft of a procedure for a commune: the existing one (moved to the chosen commune and to
 * the procedure's current version when either changed) or a new one prefilled from the profile.
 */
export async function startDraft(client: PrismaClient, input: { actor: Actor; procedureSlug: string; communeCode: string }): Promise<{ id: string }> {
  requireCitizen(input.actor)
  const [procedure, commune] = await Promise.all([
    openProcedure(client, input.procedureSlug),
    client.commune.findFirst({ where: { code: input.communeCode, isActive: true }, select: { id: true } }),
  ])
  if (!commune) throw new AppError('INVALID_INPUT', 'unknown commune', { communeCode: ['COMMUNE'] })
  return client.$transaction(async (tx) => {
    // Two tabs pressing "start" at once must find one draft, not make two.
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`draft:${input.actor.userId}:${procedure.id}`}))) AS lock`
    const existing = await tx.dossierDraft.findFirst({
      where: { userId: input.actor.userId, procedureId: procedure.id },
      orderBy: { updatedAt: 'desc' },
      select: { id: true, communeId: true, procedureVersionId: true },
    })
    if (existing) {
      if (existing.communeId !== commune.id || existing.procedureVersionId !== procedure.versionId) {
        await tx.dossierDraft.update({ where: { id: existing.id }, data: { communeId: commune.id, procedureVersionId: procedure.versionId } })
        // Files follow the draft; their rows carry the commune for scoping.
        await tx.attachment.updateMany({ where: { draftId: existing.id, dossierId: null }, data: { communeId: commune.id } })
      }
      return { id: existing.id }
    }
    const profile = await applicantProfileOf(tx, input.actor.userId)
    const draft = await tx.dossierDraft.create({
      data: {
        userId: input.actor.userId,
        communeId: commune.id,
        procedureId: procedure.id,
        procedureVersionId: procedure.versionId,
        formData: prefillValues(procedure.definition, profile),
      },
      select: { id: true },
    })
    return draft
  })
}

/**
 * Moves the citizen's draft to the procedure's current version after a republication (what was typed stays;
 * the new form's schema judges it at the next submission). NOT_FOUND when the draft is not theirs or the
 * procedure no longer takes online applications.
 */
export async function rebaseDraft(client: PrismaClient, input: { actor: Actor; draftId: string }): Promise<void> {
  requireCitizen(input.actor)
  const draft = await client.dossierDraft.findFirst({ where: { id: input.draftId, userId: input.actor.userId }, select: { id: true, procedure: { select: { slug: true } } } })
  if (!draft) throw new AppError('NOT_FOUND', 'no such draft')
  const procedure = await openProcedure(client, draft.procedure.slug)
  await client.dossierDraft.update({ where: { id: draft.id }, data: { procedureVersionId: procedure.versionId } })
}

/** The citizen's own draft with what the form page needs, or NOT_FOUND. */
export async function loadDraft(client: Client, input: { actor: Actor; draftId: string }): Promise<DraftView> {
  requireCitizen(input.actor)
  const draft = await client.dossierDraft.findFirst({
    where: { id: input.draftId, userId: input.actor.userId },
    select: {
      id: true,
      updatedAt: true,
      formData: true,
      commune: { select: { id: true, code: true, name: true, province: { select: { name: true } } } },
      procedure: { select: { id: true, slug: true } },
      procedureVersion: { select: { id: true, nameVi: true, nameEn: true, deadline: true, feeVnd: true, formDefinition: true } },
    },
  })
  if (!draft) throw new AppError('NOT_FOUND', 'no such draft')
  const version = draft.procedureVersion
  return {
    id: draft.id,
    updatedAt: draft.updatedAt,
    values: (draft.formData ?? {}) as RawFormValues,
    definition: FormDefinitionSchema.parse(version.formDefinition),
    commune: { id: draft.commune.id, code: draft.commune.code, name: draft.commune.name, provinceName: draft.commune.province.name },
    procedure: {
      id: draft.procedure.id,
      slug: draft.procedure.slug,
      nameVi: version.nameVi,
      nameEn: version.nameEn,
      versionId: version.id,
      deadline: DeadlineSchema.parse(version.deadline),
      feeVnd: version.feeVnd,
    },
  }
}

/** The citizen's drafts, newest first (for "continue where you left off"). */
export async function listDrafts(client: Client, actor: Actor) {
  if (!can(actor, 'dossier.submit')) return []
  return client.dossierDraft.findMany({
    where: { userId: actor.userId },
    orderBy: { updatedAt: 'desc' },
    take: 20,
    select: { id: true, updatedAt: true, procedure: { select: { slug: true } }, procedureVersion: { select: { nameVi: true, nameEn: true } }, commune: { select: { name: true } } },
  })
}

/** Keeps what was typed (autosave, "save draft", and before every submission attempt). */
export async function saveDraft(client: Client, input: { actor: Actor; draftId: string; values: RawFormValues }): Promise<{ savedAt: Date }> {
  requireCitizen(input.actor)
  const json = JSON.stringify(input.values)
  if (json.length > DRAFT_MAX_JSON_LENGTH) throw new AppError('INVALID_INPUT', 'draft too large', { '': ['TOO_LONG'] })
  const { count } = await client.dossierDraft.updateMany({
    where: { id: input.draftId, userId: input.actor.userId },
    data: { formData: input.values as Prisma.InputJsonObject },
  })
  if (count === 0) throw new AppError('NOT_FOUND', 'no such draft')
  return { savedAt: new Date() }
}

/** Throws the draft away with its files' rows; the bytes are the caller's to remove (after the commit). */
export async function discardDraft(client: PrismaClient, input: { actor: Actor; draftId: string; meta?: RequestMeta | null }): Promise<{ storageKeys: string[] }> {
  requireCitizen(input.actor)
  return client.$transaction(async (tx) => {
    const draft = await tx.dossierDraft.findFirst({ where: { id: input.draftId, userId: input.actor.userId }, select: { id: true, communeId: true } })
    if (!draft) throw new AppError('NOT_FOUND', 'no such draft')
    const files = await tx.attachment.findMany({ where: { draftId: draft.id, dossierId: null }, select: { id: true, storageKey: true } })
    await tx.attachment.deleteMany({ where: { draftId: draft.id, dossierId: null } })
    await tx.dossierDraft.delete({ where: { id: draft.id } })
    // The file uploads were audited one by one; their removal with the draft is too.
    await writeAudit(tx, { actor: input.actor, action: 'draft.discard', entityType: 'DossierDraft', entityId: draft.id, communeId: draft.communeId, data: { attachmentIds: files.map((file) => file.id) }, meta: input.meta ?? null })
    return { storageKeys: files.map((file) => file.storageKey) }
  })
}
