import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { remainingTime, type RemainingTime } from '@/domain/calendar/remaining-time'
import {
  CITIZEN_DOSSIER_PAGE_SIZE,
  citizenNextSteps,
  mustAct,
  parseCitizenDossierFilter,
  type CitizenDossierFilter,
  type CitizenNextStep,
} from '@/domain/dossier/citizen-next-step'
import { decodeQueueCursor, encodeQueueCursor } from '@/domain/dossier/staff-queues'
import { AppError } from '@/domain/errors'
import { dossierScope } from '@/server/access/dossier-scope'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import { countCitizenDossiers, findCitizenDossiers } from './citizen-dossiers.repo'
import { countDossiersByState, findDossierSummaries } from './dossier.repo'
import type { DossierView } from './get-dossier'

export type DossierListItem = {
  id: string
  code: string
  state: string
  applicantName: string
  submittedAt: Date
  dueAt: Date | null
  communeName: string
  procedureNameVi: string
  procedureNameEn: string
}

export type DossierList = { dossiers: DossierListItem[]; countsByState: Record<string, number> | null }

/**
 * The dossiers the actor may read, newest first: a citizen's own, or the commune's for its staff.
 * (The full staff queues with keyset paging and filters come with the staff workspace.)
 */
export async function listDossiers(
  client: PrismaClient,
  { actor, take = 50, withCounts = false }: { actor: Actor; take?: number; /** Also count by state (staff queue header). */ withCounts?: boolean },
): Promise<DossierList> {
  if (!can(actor, 'dossier.readOwn') && !can(actor, 'dossier.readCommune')) throw new AppError('FORBIDDEN')
  const where = dossierScope(actor)
  const [rows, countsByState] = await Promise.all([
    findDossierSummaries(client, where, { take, orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }] }),
    withCounts ? countDossiersByState(client, where) : null,
  ])
  const dossiers = rows.map((row) => ({
    id: row.id,
    code: row.code,
    state: row.state,
    applicantName: row.applicantName,
    submittedAt: row.submittedAt,
    dueAt: row.dueAt,
    communeName: row.commune.name,
    procedureNameVi: row.procedureVersion.nameVi,
    procedureNameEn: row.procedureVersion.nameEn,
  }))
  return { dossiers, countsByState }
}

export type MyDossierItem = {
  id: string
  code: string
  state: string
  submittedAt: Date
  dueAt: Date | null
  completedAt: Date | null
  communeName: string
  procedureNameVi: string
  procedureNameEn: string
  /** Against the due date, in working time (on time, due soon, overdue, paused, done early/on time/late). */
  remaining: RemainingTime
  /** What the applicant must or may do next, most pressing first (domain/dossier/citizen-next-step.ts). */
  nextSteps: CitizenNextStep[]
  mustAct: boolean
  rating: number | null
}

export type MyDossierList = {
  filter: CitizenDossierFilter
  dossiers: MyDossierItem[]
  /** Cursor of the next (older) page; null on the last. */
  nextCursor: string | null
  /** Whether this is a later page (offer "back to the first page"). */
  paged: boolean
  counts: Record<CitizenDossierFilter, number>
}

/**
 * "Hồ sơ của tôi": the signed-in citizen's own dossiers (applicantId, never anyone else's), newest first,
 * 20 a page with keyset paging, filtered (all, being handled, needs the applicant, finished), each with its
 * time left and next step. `query` is the page's URL search params (`loc`, `sau`), validated here; anything
 * malformed gives the first page of all dossiers.
 */
export async function listMyDossiers(
  client: PrismaClient,
  { actor, query = {}, now = new Date() }: { actor: Actor; query?: Record<string, unknown>; now?: Date },
): Promise<MyDossierList> {
  if (actor.role !== 'CITIZEN' || !can(actor, 'dossier.readOwn')) throw new AppError('FORBIDDEN')
  const filter = parseCitizenDossierFilter(query.loc)
  const after = decodeQueueCursor(typeof query.sau === 'string' ? query.sau : null)
  const [rows, counts, calendar] = await Promise.all([
    findCitizenDossiers(client, { applicantId: actor.userId, filter, after, take: CITIZEN_DOSSIER_PAGE_SIZE + 1 }),
    countCitizenDossiers(client, actor.userId),
    loadWorkingCalendar(client, now),
  ])
  const page = rows.slice(0, CITIZEN_DOSSIER_PAGE_SIZE)
  const last = page.at(-1)
  const dossiers = page.map((row): MyDossierItem => {
    const nextSteps = citizenNextSteps({
      state: row.state,
      channel: row.channel,
      feeMoment: row.procedureVersion.feeMoment,
      dueAt: row.dueAt,
      feeVnd: row.feeVnd,
      paidVnd: row.paidVnd,
      paymentStatuses: row.payments.map((payment) => payment.status),
      resultFileCount: row._count.attachments,
      rated: row.rating !== null,
    })
    return {
      id: row.id,
      code: row.code,
      state: row.state,
      submittedAt: row.submittedAt,
      dueAt: row.dueAt,
      completedAt: row.completedAt,
      communeName: row.commune.name,
      procedureNameVi: row.procedureVersion.nameVi,
      procedureNameEn: row.procedureVersion.nameEn,
      remaining: remainingTime({ now, dueAt: row.dueAt, clockPausedAt: row.clockPausedAt, completedAt: row.completedAt, outcome: row.outcome, calendar }),
      nextSteps,
      mustAct: mustAct(nextSteps),
      rating: row.rating?.score ?? null,
    }
  })
  return {
    filter,
    dossiers,
    nextCursor: rows.length > CITIZEN_DOSSIER_PAGE_SIZE && last ? encodeQueueCursor({ value: last.submittedAt, id: last.id }) : null,
    paged: after !== null,
    counts,
  }
}

/** The applicant's next steps on their dossier's own page, by the same rule as the list. */
export function nextStepsOfDossier(
  dossier: Pick<DossierView, 'state' | 'channel' | 'feeMoment' | 'dueAt' | 'feeVnd' | 'paidVnd' | 'payments' | 'attachments'>,
  { rated }: { rated: boolean },
): CitizenNextStep[] {
  return citizenNextSteps({
    state: dossier.state,
    channel: dossier.channel,
    feeMoment: dossier.feeMoment,
    dueAt: dossier.dueAt,
    feeVnd: dossier.feeVnd,
    paidVnd: dossier.paidVnd,
    paymentStatuses: dossier.payments.map((payment) => payment.status),
    resultFileCount: dossier.attachments.filter((attachment) => attachment.kind === 'RESULT').length,
    rated,
  })
}
