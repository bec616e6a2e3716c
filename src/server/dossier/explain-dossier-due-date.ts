import 'server-only'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { clockHistory, type ClockEvent } from '@/domain/calendar/dossier-clock-history'
import { explainDueAt, type DueDateExplanation } from '@/domain/calendar/explain-due-date'
import { remainingTime, type RemainingTime } from '@/domain/calendar/remaining-time'
import { buildWorkingCalendar } from '@/domain/calendar/statutory-holidays'
import type { NamedWorkingCalendar } from '@/domain/calendar/working-days'
import { AppError } from '@/domain/errors'
import { DeadlineSchema } from '@/domain/procedure/deadline'
import { dossierScope } from '@/server/access/dossier-scope'

/**
 * Why a dossier is due when it is, and how much time it has left: the data of <DueDateExplanation> and
 * <RemainingTimeBadge> (src/components/dossier/due-date-explanation.tsx, remaining-time-badge.tsx).
 *
 * The explanation is rebuilt from the dossier's history (DossierEvent rows: receipt, supplement pauses, new
 * appointments, end) with the same calendar rules the workflow engine used to store `Dossier.dueAt`
 * (domain/calendar: planDueDate, dueAtAfterPause), so it ends at the stored due instant.
 */
export type DossierDueDate = {
  /** Null while the legal clock has not started (not received, or refused/withdrawn at reception). */
  explanation: DueDateExplanation | null
  remaining: RemainingTime
  /** `Dossier.dueAt`. */
  dueAt: Date | null
  /**
   * False when the history does not end at `Dossier.dueAt` (a row changed outside the workflow): the component
   * then says the stored appointment is the one that applies.
   */
  agreesWithDossier: boolean
}

/** What is read of the dossier itself. */
export type DueDossierRecord = {
  dueAt: Date | null
  clockPausedAt: Date | null
  completedAt: Date | null
  outcome: string | null
  /** `ProcedureVersion.deadline` (JSON, parsed with DeadlineSchema). */
  deadline: unknown
}

/** The `DossierEvent` fields the explanation reads; `isPublic` hides private reasons from citizens. */
export type DueEventRecord = ClockEvent & { isPublic: boolean }

/**
 * The due-date view from records already loaded and authorised by the caller (a page that loaded the dossier
 * with its events and the working calendar). `forCitizen` drops the reasons of private (staff-only) events.
 */
export function dossierDueDate({
  dossier,
  events,
  calendar,
  now,
  forCitizen,
}: {
  dossier: DueDossierRecord
  events: readonly DueEventRecord[]
  calendar: NamedWorkingCalendar
  now: Date
  forCitizen: boolean
}): DossierDueDate {
  const remaining = remainingTime({ now, dueAt: dossier.dueAt, clockPausedAt: dossier.clockPausedAt, completedAt: dossier.completedAt, outcome: dossier.outcome, calendar })
  const deadline = DeadlineSchema.safeParse(dossier.deadline)
  const input = deadline.success
    ? clockHistory({
        events: events.map((event) => ({ ...event, reason: forCitizen && !event.isPublic ? null : event.reason })),
        deadline: deadline.data,
        calendar,
        now,
      })
    : null
  const explanation = input ? explainDueAt(input) : null
  const agreesWithDossier = explanation ? explanation.dueAt.getTime() === dossier.dueAt?.getTime() : dossier.dueAt === null
  return { explanation, remaining, dueAt: dossier.dueAt, agreesWithDossier }
}

const YEAR_MS = 365.25 * 86_400_000

/**
 * The working calendar, with the names of holidays and days off, for every year from `from` to `to` (one more
 * on each side: a deadline that starts in late December runs into the next year).
 */
export async function loadNamedWorkingCalendar(client: PrismaClient | Prisma.TransactionClient, from: Date, to: Date): Promise<NamedWorkingCalendar> {
  const first = from.getUTCFullYear() - 1
  const last = Math.max(to.getUTCFullYear(), first + 1) + 1
  const rows = await client.calendarDay.findMany({
    where: { date: { gte: new Date(Date.UTC(first, 0, 1)), lt: new Date(Date.UTC(last + 1, 0, 1)) } },
    select: { date: true, kind: true, name: true },
  })
  return buildWorkingCalendar({
    years: Array.from({ length: last - first + 1 }, (_, index) => first + index),
    adminExceptions: rows.map((row) => ({ date: row.date.toISOString().slice(0, 10), kind: row.kind, name: row.name })),
  })
}

/**
 * The due-date view of one dossier, by id. Meant for a page that has already authorised the actor to read the
 * dossier (getDossier); the read is scoped again all the same (dossierScope), so outside the actor's scope the
 * answer is NOT_FOUND, as everywhere.
 */
export async function explainDossierDueDate(
  client: PrismaClient,
  { actor, dossierId, now = new Date() }: { actor: Actor; dossierId: string; now?: Date },
): Promise<DossierDueDate> {
  const dossier = await client.dossier.findFirst({
    where: { AND: [{ id: dossierId }, dossierScope(actor)] },
    select: {
      receivedAt: true,
      dueAt: true,
      clockPausedAt: true,
      completedAt: true,
      outcome: true,
      procedureVersion: { select: { deadline: true } },
      events: {
        select: { action: true, occurredAt: true, dueAt: true, data: true, reason: true, isPublic: true },
        orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
      },
    },
  })
  if (!dossier) throw new AppError('NOT_FOUND')
  // From receipt (or now) to the later of the due instant and now, with a few weeks of margin for pauses.
  const from = dossier.receivedAt && dossier.receivedAt < now ? dossier.receivedAt : now
  const latest = Math.max(now.getTime(), dossier.dueAt?.getTime() ?? 0)
  const calendar = await loadNamedWorkingCalendar(client, from, new Date(latest + YEAR_MS / 12))
  return dossierDueDate({
    dossier: { ...dossier, deadline: dossier.procedureVersion.deadline },
    events: dossier.events,
    calendar,
    now,
    forCitizen: actor.role === 'CITIZEN',
  })
}
