import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { applyTransition, type TransitionError } from '@/domain/workflow/apply-transition'
import { writeAudit } from '@/server/audit/write-audit'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import { createDossier } from '@/server/dossier/create-dossier'
import { writeNextState } from '@/server/dossier/transition-dossier'
import type { RequestMeta } from '@/server/http/request-meta'
import { assertDeskClerk, receivingCommuneId } from './clerk-scope'
import { fieldErrorsOf, ZDeskReceptionInput, type DeskReceptionFieldErrors, type DeskReceptionInput } from './desk-reception-input'
import { findCitizenAccount, findEarlierApplicant } from './find-citizen'
import { getProcedureIntake, type ProcedureIntake } from './reception-catalogue'

export type DeskReception = {
  code: string
  dueAt: Date | null
  /** false when the same form had already been submitted (same submission key): the earlier dossier. */
  created: boolean
}

type CheckedReception = {
  form: DeskReceptionInput
  intake: ProcedureIntake
  account: Awaited<ReturnType<typeof findCitizenAccount>>
  phone: string
  receivingCode: string
}

/**
 * Every check of the form, reported together so the clerk fixes everything at once: the fields on their own
 * (zod), then what needs the database for the parts that are well-formed — the procedure is open, the ticked
 * documents are its own and every required one is there, the assignee works at the step 'receive' leads to
 * in this commune, a phone is known, the commune of residence exists.
 */
async function checkDeskReception(client: PrismaClient, actor: Actor, communeId: string, input: unknown): Promise<CheckedReception> {
  const raw = typeof input === 'object' && input !== null ? input : {}
  const parsed = ZDeskReceptionInput.safeParse(raw)
  const errors: DeskReceptionFieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error)

  const request = ZDeskReceptionInput.pick({ procedure: true, documents: true, assigneeId: true }).safeParse(raw)
  const intake = request.success ? await getProcedureIntake(client, { actor, communeId, slug: request.data.procedure }) : null
  if (request.success && !intake) errors.procedure = ['NOT_FOUND']
  if (request.success && intake) {
    const { documents, assigneeId } = request.data
    const known = new Set(intake.documents.map((document) => document.key))
    if (documents.some((key) => !known.has(key))) errors.documents = ['INVALID']
    // Decree 118/2025: an incomplete dossier is not received (the applicant is told what is missing instead).
    else if (intake.documents.some((document) => document.required && !documents.includes(document.key))) errors.documents = ['MISSING_REQUIRED']
    if (assigneeId) {
      if (!intake.assignee.candidates.some((candidate) => candidate.id === assigneeId)) errors.assigneeId = ['NOT_COMMUNE_STAFF']
    } else if (intake.assignee.required) errors.assigneeId = ['REQUIRED']
  }

  const person = ZDeskReceptionInput.pick({ citizenId: true, phone: true }).safeParse(raw)
  const account = person.success ? await findCitizenAccount(client, { kind: 'citizenId', value: person.data.citizenId }) : null
  let phone: string | null = null
  if (person.success) {
    phone = person.data.phone ?? account?.phone ?? (await findEarlierApplicant(client, actor, { kind: 'citizenId', value: person.data.citizenId }))?.applicantPhone ?? null
    if (!phone) errors.phone = ['REQUIRED']
  }

  const residence = ZDeskReceptionInput.pick({ addressCommune: true }).safeParse(raw)
  if (residence.success && residence.data.addressCommune) {
    const found = await client.commune.findUnique({ where: { code: residence.data.addressCommune }, select: { id: true } })
    if (!found) errors.addressCommune = ['INVALID']
  }
  const receiving = await client.commune.findUniqueOrThrow({ where: { id: communeId }, select: { code: true } })

  if (!parsed.success || !intake || !phone || Object.keys(errors).length > 0) throw new AppError('INVALID_INPUT', 'desk reception refused', errors)
  return { form: parsed.data, intake, account, phone, receivingCode: receiving.code }
}

function refusal(error: TransitionError): AppError {
  if (error.code === 'ROLE_NOT_ALLOWED') return new AppError('FORBIDDEN', `role ${error.role} may not ${error.action}`)
  if (error.code === 'MISSING_INPUT') {
    // Only an assignee can be missing here (the desk form has no reason or attachment for 'receive').
    const field = (requirement: string) => (requirement === 'assignee' ? 'assigneeId' : requirement)
    return new AppError('INVALID_INPUT', `missing ${error.missing.join(', ')}`, Object.fromEntries(error.missing.map((missing) => [field(missing), ['REQUIRED']])))
  }
  return new AppError('INVALID_TRANSITION', error.code)
}

/**
 * A clerk registers a walk-in citizen's dossier at the one-stop desk and receives it at once: the dossier
 * is created (channel DESK, 'submit' event by the clerk) and the workflow's 'receive' is applied through the
 * pure engine (legal clock START → dueAt, the assignee the clerk picked), in ONE transaction with the audit
 * rows, the clerk's private note and the message to the applicant. Any refusal stores nothing.
 *
 * The applicant: the desk records who applied on the dossier itself (name, ID number, phone, address in
 * the form data) and links the dossier to the citizen ACCOUNT holding that ID number when there is one, so it
 * shows in their "Hồ sơ của tôi". It never creates an account: an account is the citizen's own (their
 * password, their consent, their verified phone); one made at the desk would take their ID number and phone
 * (both unique), so their own registration or VNeID sign-in would later collide with an account they never
 * opened. A desk dossier without an account is normal (`applicantId` null) and can be linked when the
 * person registers with the same ID number.
 *
 * Phone: left blank, the number already known for this person (their account, else their latest dossier at
 * this desk) is used — the clerk only saw it masked and confirmed it with them.
 */
export async function registerDeskDossier(
  client: PrismaClient,
  { actor, input, meta, now = new Date() }: { actor: Actor; input: unknown; meta: RequestMeta | null; now?: Date },
): Promise<DeskReception> {
  assertDeskClerk(actor)
  // The commune is checked first: a clerk of another commune is FORBIDDEN whatever else the form holds.
  const chosenCommune = typeof input === 'object' && input !== null ? (input as { communeId?: unknown }).communeId : undefined
  const communeId = receivingCommuneId(actor, typeof chosenCommune === 'string' ? chosenCommune.trim() : null)
  if (!communeId) throw new AppError('INVALID_INPUT', 'choose the commune', { communeId: ['REQUIRED'] })
  const { form, intake, account, phone, receivingCode } = await checkDeskReception(client, actor, communeId, input)

  const email = form.email ?? account?.email ?? null
  const formData = {
    hoTenNguoiYeuCau: form.fullName,
    soDinhDanh: form.citizenId,
    soDienThoai: phone,
    ...(email ? { email } : {}),
    noiCuTru: { line: form.address, communeCode: form.addressCommune || receivingCode },
    noiDungYeuCau: form.description,
    /** Keys of `requiredDocuments` the clerk ticked as handed in or shown (the receipt slip lists them). */
    giayToDaNhan: intake.documents.filter((document) => form.documents.includes(document.key)).map((document) => document.key),
  }
  const calendar = await loadWorkingCalendar(client, now)

  return client.$transaction(async (tx) => {
    const created = await createDossier(tx, {
      communeId,
      procedureId: intake.procedureId,
      channel: 'DESK',
      applicant: { userId: account?.id ?? null, fullName: form.fullName, citizenId: form.citizenId, phone, email },
      formData,
      // Namespaced by clerk: a token replayed by someone else never finds this clerk's dossier.
      submissionKey: `desk:${actor.userId}:${form.submissionKey}`,
      submittedBy: actor,
      now,
      meta,
    })
    const { dossier } = created
    if (!created.created) return { code: dossier.code, dueAt: dossier.dueAt, created: false }

    const result = applyTransition({
      dossier,
      graph: created.graph,
      deadline: created.deadline,
      action: 'receive',
      actor: { userId: actor.userId, role: actor.role },
      input: { assigneeId: form.assigneeId || null },
      now,
      calendar,
    })
    // Throwing rolls the whole transaction back: no dossier, no code used, no event.
    if (!result.ok) throw refusal(result.error)
    const { next, events } = result

    await writeNextState(tx, { dossierId: dossier.id, communeId, expectedVersion: dossier.version, next, events, extra: { receivedById: actor.userId } })
    await writeAudit(tx, {
      actor,
      action: 'dossier.receive',
      entityType: 'Dossier',
      entityId: dossier.id,
      communeId,
      data: { code: dossier.code, from: dossier.currentStep, to: next.currentStep, version: next.version, assigneeId: next.assigneeId, applicantLinked: account !== null },
      meta,
    })
    if (form.notes) await tx.dossierNote.create({ data: { dossierId: dossier.id, communeId, authorId: actor.userId, body: form.notes } })

    // One message for the visit (submission and receipt happen together at the desk), to the applicant's phone.
    const receipt = events.find((event) => event.isPublic)
    if (receipt) {
      await tx.outboxMessage.create({
        data: {
          channel: 'SMS',
          recipient: phone,
          userId: account?.id ?? null,
          communeId,
          dossierId: dossier.id,
          template: 'dossier-status',
          payload: { code: dossier.code, procedure: created.procedureName, action: receipt.action, state: receipt.toState, dueAt: receipt.dueAt?.toISOString() ?? null },
        },
      })
    }
    return { code: dossier.code, dueAt: next.dueAt, created: true }
  })
}
