import 'server-only'
import { z } from 'zod'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import { AppError } from '@/domain/errors'
import { normalizeVietnamesePhone } from '@/domain/identity/phone'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import type { SignedInUser } from './sign-in-with-password'

/**
 * What an OpenID Connect provider (VNeID) vouched for, read from a validated ID token: its stable subject
 * identifier, the 12-digit citizen ID number (CCCD), the full name and, optionally, a phone. A phone that is
 * not a Vietnamese mobile number is ignored rather than refusing the sign-in (it is only contact data).
 */
export const ZOidcIdentity = z.object({
  subject: z.string().trim().min(1).max(255),
  citizenId: z.string().trim().regex(/^\d{12}$/, 'citizen ID must be 12 digits'),
  fullName: z
    .string()
    .transform((name) => name.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1).max(200)),
  phone: z.unknown().transform((value) => (typeof value === 'string' ? normalizeVietnamesePhone(value) : null)),
})

export type OidcIdentity = z.infer<typeof ZOidcIdentity>

const USER_SELECT = { id: true, role: true, citizenId: true, disabledAt: true, sessionVersion: true, passwordHash: true, phone: true } as const

type Tx = Prisma.TransactionClient

const refused = (reason: string) => new AppError('INVALID_CREDENTIALS', `OpenID Connect sign-in refused: ${reason}`)

/**
 * Signs a citizen in through an OpenID Connect provider, in one transaction:
 *   1. the provider account is already linked → that user;
 *   2. else a citizen with the same citizen ID number exists → link the provider account to it;
 *   3. else create the citizen (no password) and link it.
 * Refused (INVALID_INPUT for missing or malformed claims, INVALID_CREDENTIALS otherwise) when the account
 * is disabled, when the citizen ID belongs to a staff account, or when the linked account's citizen ID or
 * the citizen's existing link disagree with what the provider says now. Creating and linking are audited.
 */
export async function signInWithOidc(
  client: PrismaClient,
  { provider, identity, meta }: { provider: string; identity: unknown; meta: RequestMeta | null },
): Promise<SignedInUser> {
  const parsed = ZOidcIdentity.safeParse(identity)
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'OpenID Connect claims missing or invalid', z.flattenError(parsed.error).fieldErrors)
  }
  const claims = parsed.data
  // Two first sign-ins of the same person at once: the loser of the unique-constraint race retries and
  // finds the account the winner linked.
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.$transaction((tx) => resolveCitizen(tx, provider, claims, meta))
    } catch (error) {
      const uniqueViolation = (error as { code?: unknown } | null)?.code === 'P2002'
      if (!uniqueViolation || attempt >= 2) throw error
    }
  }
}

async function resolveCitizen(tx: Tx, provider: string, claims: OidcIdentity, meta: RequestMeta | null): Promise<SignedInUser> {
  const linked = await tx.externalAccount.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId: claims.subject } },
    select: { user: { select: USER_SELECT } },
  })
  if (linked) {
    const { user } = linked
    if (user.role !== 'CITIZEN') throw refused('linked account is not a citizen')
    if (user.disabledAt) throw refused('account disabled')
    if (user.citizenId && user.citizenId !== claims.citizenId) throw refused('citizen ID differs from the linked account')
    return { id: user.id, sessionVersion: user.sessionVersion }
  }

  const existing = await tx.user.findUnique({ where: { citizenId: claims.citizenId }, select: USER_SELECT })
  if (existing) {
    if (existing.role !== 'CITIZEN') throw refused('citizen ID belongs to a staff account')
    if (existing.disabledAt) throw refused('account disabled')
    const otherLink = await tx.externalAccount.findFirst({ where: { userId: existing.id, provider }, select: { providerAccountId: true } })
    // The same identity, linked by a simultaneous first sign-in that committed between the two reads above.
    if (otherLink?.providerAccountId === claims.subject) return { id: existing.id, sessionVersion: existing.sessionVersion }
    if (otherLink) throw refused('citizen already linked to another identity at this provider')
    // The existing account's ID number was only declared, never verified; the e-ID proves it now. So the
    // unverified credentials go: its password and phone (whoever registered first may not be this
    // person), and every open session ends. The owner sets a new password through a reset to the phone
    // the e-ID vouches for.
    const secured = await tx.user.update({
      where: { id: existing.id },
      data: { passwordHash: null, phone: null, fullName: claims.fullName, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    })
    const phoneTaken = claims.phone ? await tx.user.findUnique({ where: { phone: claims.phone }, select: { id: true } }) : null
    if (claims.phone && !phoneTaken) await tx.user.update({ where: { id: existing.id }, data: { phone: claims.phone } })
    await writeAudit(tx, {
      actor: { userId: existing.id, role: 'CITIZEN' },
      action: 'citizen.verifiedByEid',
      entityType: 'User',
      entityId: existing.id,
      data: { via: provider, hadPassword: existing.passwordHash !== null, unverifiedPhoneRemoved: existing.phone !== null },
      meta,
    })
    await link(tx, existing.id, provider, claims.subject, 'citizenId', meta)
    return { id: existing.id, sessionVersion: secured.sessionVersion }
  }

  // The phone is unique across accounts: keep it only when nobody uses it yet.
  const phoneTaken = claims.phone ? await tx.user.findUnique({ where: { phone: claims.phone }, select: { id: true } }) : null
  const phone = claims.phone && !phoneTaken ? claims.phone : null
  const created = await tx.user.create({
    data: { role: 'CITIZEN', fullName: claims.fullName, citizenId: claims.citizenId, phone },
    select: { id: true, sessionVersion: true },
  })
  await writeAudit(tx, {
    actor: { userId: created.id, role: 'CITIZEN' },
    action: 'citizen.create',
    entityType: 'User',
    entityId: created.id,
    data: { via: provider, phoneKept: phone !== null, phoneProvided: claims.phone !== null },
    meta,
  })
  await link(tx, created.id, provider, claims.subject, 'new', meta)
  return created
}

async function link(tx: Tx, userId: string, provider: string, subject: string, matchedBy: 'citizenId' | 'new', meta: RequestMeta | null) {
  const account = await tx.externalAccount.create({ data: { userId, provider, providerAccountId: subject }, select: { id: true } })
  await writeAudit(tx, {
    actor: { userId, role: 'CITIZEN' },
    action: 'externalAccount.link',
    entityType: 'User',
    entityId: userId,
    data: { provider, externalAccountId: account.id, matchedBy },
    meta,
  })
}
