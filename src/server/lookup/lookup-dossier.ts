import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import { remainingTime, type RemainingTime } from '@/domain/calendar/remaining-time'
import { AppError } from '@/domain/errors'
import { normalizeCitizenId } from '@/domain/identity/citizen-id'
import { normalizeVietnamesePhone } from '@/domain/identity/phone'
import { decideLookupThrottle, lookupCodeKey, lookupWindowStart } from '@/domain/lookup/lookup-throttle'
import { publicNextStep, type PublicNextStep } from '@/domain/lookup/public-next-step'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import { hasKnownAddress, type RequestMeta } from '@/server/http/request-meta'

export const ZPublicLookupInput = z.object({
  code: z.string().trim().min(1, 'required').max(64, 'tooLong'),
  /** The applicant's phone number or ID number (CCCD), as typed. */
  contact: z.string().trim().min(1, 'required').max(40, 'tooLong'),
})

/**
 * Everything the public lookup shows: where the dossier stands, never who filed it — no name, ID number,
 * phone, address, form data, files or officials' names.
 */
export type PublicDossierView = {
  code: string
  procedureNameVi: string
  procedureNameEn: string
  state: string
  submittedAt: Date
  dueAt: Date | null
  remaining: RemainingTime
  nextStep: PublicNextStep
}

export type PublicLookupResult =
  | { kind: 'found'; dossier: PublicDossierView }
  /** Unknown code, or the phone / ID number does not match: one answer for both. */
  | { kind: 'notFound' }
  | { kind: 'rateLimited'; retryAfterMinutes: number }

/** The contact as typed matches the dossier's applicant (phone in any usual notation, or the 12-digit ID number). */
function contactMatches(typed: string, known: { citizenIds: (string | null)[]; phones: (string | null)[] }): boolean {
  const citizenId = normalizeCitizenId(typed)
  if (/^\d{12}$/.test(citizenId)) return known.citizenIds.some((value) => value !== null && normalizeCitizenId(value) === citizenId)
  const phone = normalizeVietnamesePhone(typed)
  return phone !== null && known.phones.some((value) => value !== null && normalizeVietnamesePhone(value) === phone)
}

/**
 * Public lookup of a dossier by its code and its applicant's phone number or ID number, without signing in.
 * Rate limited in the database (see `decideLookupThrottle`): the attempt is reserved first, atomically per
 * code and per address, as a failure, and marked successful only when the dossier is shown. Refused attempts
 * are not recorded. An unknown code and a wrong phone take the same path (same queries) and get the same answer.
 */
export async function lookupDossier(
  client: PrismaClient,
  { input, meta, now = new Date() }: { input: unknown; meta: RequestMeta; now?: Date },
): Promise<PublicLookupResult> {
  const parsed = ZPublicLookupInput.safeParse(input)
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(
      Object.entries(z.flattenError(parsed.error).fieldErrors).map(([field, messages]) => [field, (messages ?? []).slice(0, 1)]),
    )
    throw new AppError('INVALID_INPUT', 'invalid lookup input', fieldErrors)
  }
  const code = lookupCodeKey(parsed.data.code)

  const reservation = await client.$transaction(async (tx) => {
    // Both keys, in a fixed order (no deadlock between two lookups locking them the other way round).
    const byAddress = hasKnownAddress(meta)
    for (const key of [`lookup:code:${code}`, ...(byAddress ? [`lookup:ip:${meta.ip}`] : [])].sort()) {
      await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${key}))) AS lock`
    }
    const createdAt = { gt: lookupWindowStart(now), lte: now }
    const select = { createdAt: true, succeeded: true } as const
    const [byIp, byCode] = await Promise.all([
      byAddress ? tx.lookupAttempt.findMany({ where: { ip: meta.ip, createdAt }, select, orderBy: { createdAt: 'desc' }, take: 100 }) : [],
      tx.lookupAttempt.findMany({ where: { code, createdAt }, select, orderBy: { createdAt: 'desc' }, take: 100 }),
    ])
    const decision = decideLookupThrottle({ byIp, byCode }, now)
    if (decision.blocked) return decision
    const attempt = await tx.lookupAttempt.create({ data: { code, ip: meta.ip, succeeded: false, createdAt: now }, select: { id: true } })
    return { blocked: false as const, attemptId: attempt.id }
  })
  if (reservation.blocked) return { kind: 'rateLimited', retryAfterMinutes: reservation.retryAfterMinutes }

  // The calendar is loaded whatever the answer, so a found and a missing dossier take comparable time.
  const [row, calendar] = await Promise.all([
    client.dossier.findUnique({
      where: { code },
      select: {
        code: true,
        state: true,
        submittedAt: true,
        dueAt: true,
        clockPausedAt: true,
        completedAt: true,
        outcome: true,
        applicantCitizenId: true,
        applicantPhone: true,
        applicant: { select: { citizenId: true, phone: true } },
        procedureVersion: { select: { nameVi: true, nameEn: true } },
      },
    }),
    loadWorkingCalendar(client, now),
  ])
  const known = {
    citizenIds: [row?.applicantCitizenId ?? null, row?.applicant?.citizenId ?? null],
    phones: [row?.applicantPhone ?? null, row?.applicant?.phone ?? null],
  }
  if (!row || !contactMatches(parsed.data.contact, known)) return { kind: 'notFound' }

  await client.lookupAttempt.update({ where: { id: reservation.attemptId }, data: { succeeded: true } })
  return {
    kind: 'found',
    dossier: {
      code: row.code,
      procedureNameVi: row.procedureVersion.nameVi,
      procedureNameEn: row.procedureVersion.nameEn,
      state: row.state,
      submittedAt: row.submittedAt,
      dueAt: row.dueAt,
      remaining: remainingTime({ now, dueAt: row.dueAt, clockPausedAt: row.clockPausedAt, completedAt: row.completedAt, outcome: row.outcome, calendar }),
      nextStep: publicNextStep(row.state),
    },
  }
}
