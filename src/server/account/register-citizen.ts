import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import { Prisma } from '@/generated/prisma/client'
import { localDateOf } from '@/domain/calendar/working-days'
import { validateRegistration, type RegistrationFieldErrors } from '@/domain/account/registration'
import { isRegistrationBlocked, registrationWindowStart } from '@/domain/account/registration-throttle'
import { AppError } from '@/domain/errors'
import { writeAudit } from '@/server/audit/write-audit'
import { hashPassword } from '@/server/auth/password'
import { hasKnownAddress, type RequestMeta } from '@/server/http/request-meta'

export type RegisteredCitizen = { userId: string }

type UserReader = Pick<PrismaClient, 'user'>

/** Audit action of a registration refused because a number is already registered; counted by the throttle. */
export const REGISTRATION_REFUSED_ACTION = 'account.register.refused'

/** Which of the person's unique values are already registered (to anyone, citizen or staff). */
async function takenFields(client: UserReader, citizenId: string, phone: string): Promise<RegistrationFieldErrors> {
  const holders = await client.user.findMany({
    where: { OR: [{ citizenId }, { phone }] },
    select: { citizenId: true, phone: true },
  })
  const errors: RegistrationFieldErrors = {}
  if (holders.some((holder) => holder.citizenId === citizenId)) errors.citizenId = ['TAKEN']
  if (holders.some((holder) => holder.phone === phone)) errors.phone = ['TAKEN']
  return errors
}

/**
 * A citizen creates their own account: name, ID number (consistent with the declared birth date and
 * gender), mobile phone, optional e-mail and a password. Bad input → INVALID_INPUT with codes per field,
 * nothing stored. An ID number or phone already registered → ALREADY_EXISTS naming only that field, recorded in
 * the audit log (which fields, not the numbers) with the client address; after too many such refusals from one
 * address → RATE_LIMITED before anything is looked up (domain/account/registration-throttle). The account and its
 * audit row are written in one transaction.
 */
export async function registerCitizen(
  client: PrismaClient,
  { input, meta, now = new Date() }: { input: unknown; meta: RequestMeta; now?: Date },
): Promise<RegisteredCitizen> {
  const checked = validateRegistration(input, localDateOf(now))
  if (!checked.ok) throw new AppError('INVALID_INPUT', 'registration refused', checked.fieldErrors)
  const registration = checked.value

  // Counting the address's refusals and recording this one happen under a lock per address, so parallel
  // probes cannot all slip under the limit. The refusal is committed even though the call then fails.
  // An unknown address (no trusted proxy) is not counted, and takes no lock: one lock for every such request
  // would queue the province's registrations behind each other.
  const byAddress = hasKnownAddress(meta)
  const verdict = await client.$transaction(async (tx) => {
    if (byAddress) await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`registration:${meta.ip}`}))) AS lock`
    // No upper bound at `now`: a parallel request stamped a moment later, committed before the lock was granted,
    // still counts.
    const refusals = byAddress ? await tx.auditLog.count({ where: { action: REGISTRATION_REFUSED_ACTION, ip: meta.ip, createdAt: { gt: registrationWindowStart(now) } } }) : 0
    if (isRegistrationBlocked(refusals)) return { kind: 'blocked' as const }
    const taken = await takenFields(tx, registration.citizenId, registration.phone)
    if (Object.keys(taken).length === 0) return { kind: 'free' as const }
    await tx.auditLog.create({
      data: { action: REGISTRATION_REFUSED_ACTION, entityType: 'User', data: { fields: Object.keys(taken) }, ip: meta.ip, userAgent: meta.userAgent, createdAt: now },
    })
    return { kind: 'taken' as const, taken }
  })
  if (verdict.kind === 'blocked') throw new AppError('RATE_LIMITED', 'too many registrations refused from this address')
  if (verdict.kind === 'taken') throw new AppError('ALREADY_EXISTS', 'citizen ID or phone already registered', verdict.taken)

  const passwordHash = await hashPassword(registration.password)
  try {
    return await client.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          role: 'CITIZEN',
          fullName: registration.fullName,
          citizenId: registration.citizenId,
          phone: registration.phone,
          email: registration.email,
          birthDate: new Date(`${registration.birthDate}T00:00:00Z`),
          gender: registration.gender,
          passwordHash,
        },
        select: { id: true },
      })
      await writeAudit(tx, {
        actor: { userId: user.id, role: 'CITIZEN' },
        action: 'account.register',
        entityType: 'User',
        entityId: user.id,
        meta,
      })
      return { userId: user.id }
    })
  } catch (error) {
    // Someone registered the same number between the check and the insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const raced = await takenFields(client, registration.citizenId, registration.phone)
      throw new AppError('ALREADY_EXISTS', 'citizen ID or phone already registered', Object.keys(raced).length > 0 ? raced : { citizenId: ['TAKEN'] })
    }
    throw error
  }
}
