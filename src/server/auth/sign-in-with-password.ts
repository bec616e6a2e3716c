import 'server-only'
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import { AppError } from '@/domain/errors'
import { isSignInBlocked, windowStart } from '@/domain/access/sign-in-throttle'
import { classifySignInIdentifier, throttleKey, type SignInIdentifier } from '@/domain/identity/sign-in-identifier'
import { hasKnownAddress, type RequestMeta } from '@/server/http/request-meta'
import { hashPassword, verifyPassword } from './password'

export const ZPasswordSignInInput = z.object({
  identifier: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
})

export type SignedInUser = { id: string; sessionVersion: number }

// Verified against when the account does not exist, so both answers take the same time.
let decoyHash: Promise<string> | undefined

function whereFor(identifier: SignInIdentifier) {
  switch (identifier.kind) {
    case 'citizenId':
      return { citizenId: identifier.value, role: 'CITIZEN' as const }
    case 'phone':
      return { phone: identifier.value, role: 'CITIZEN' as const }
    case 'username':
      return { username: identifier.value }
  }
}

/**
 * Password sign-in for every role. One answer for every refusal — unknown account, wrong password,
 * disabled account, or locked after repeated failures (per account and per address) — so the error
 * reveals nothing. Every evaluated attempt is recorded; attempts refused by the lock are not (they would
 * otherwise extend the lock forever, and let anyone keep a known username locked).
 */
export async function signInWithPassword(
  client: PrismaClient,
  { input, meta, now = new Date() }: { input: unknown; meta: RequestMeta; now?: Date },
): Promise<SignedInUser> {
  const parsed = ZPasswordSignInInput.safeParse(input)
  if (!parsed.success) throw new AppError('INVALID_CREDENTIALS')
  const identifier = classifySignInIdentifier(parsed.data.identifier)
  const user = await client.user.findFirst({
    where: whereFor(identifier),
    select: { id: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  })
  // Failures count per account, however it was named (ID number or phone); per typed identifier, hashed,
  // when no account matches (someone may type a password into the wrong box). Either way the answer is
  // the same, so the lock reveals nothing.
  const key = user ? accountThrottleKey(user.id) : `unknown:${createHash('sha256').update(throttleKey(identifier)).digest('hex')}`
  decoyHash ??= hashPassword('decoy-password-for-unknown-accounts')
  const decoy = await decoyHash

  // Reserve the attempt first, atomically per account (advisory lock for the length of a count and an
  // insert): parallel guesses cannot all slip under the limit, and no connection is held while the
  // password hash is checked. The reservation counts as a failure until the password proves right.
  const attemptId = await client.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${key}))) AS lock`
    const since = windowStart(now)
    const lastSuccess = await tx.loginAttempt.findFirst({
      where: { identifier: key, succeeded: true, createdAt: { gte: since, lte: now } },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    })
    const [account, ip] = await Promise.all([
      tx.loginAttempt.count({
        where: { identifier: key, succeeded: false, createdAt: lastSuccess ? { gt: lastSuccess.createdAt, lte: now } : { gte: since, lte: now } },
      }),
      hasKnownAddress(meta) ? tx.loginAttempt.count({ where: { ip: meta.ip, succeeded: false, createdAt: { gte: since, lte: now } } }) : 0,
    ])
    if (isSignInBlocked({ account, ip })) return null
    const attempt = await tx.loginAttempt.create({ data: { identifier: key, ip: meta.ip, succeeded: false, createdAt: now }, select: { id: true } })
    return attempt.id
  })
  if (attemptId === null) throw new AppError('INVALID_CREDENTIALS', 'sign-in blocked by throttle')

  const passwordOk = await verifyPassword(parsed.data.password, user?.passwordHash ?? decoy)
  if (!user || !user.passwordHash || !passwordOk || user.disabledAt) throw new AppError('INVALID_CREDENTIALS')
  await client.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } })
  return { id: user.id, sessionVersion: user.sessionVersion }
}

/** LoginAttempt key of an existing account (also written by password resets, which lift the lock). */
export function accountThrottleKey(userId: string): string {
  return `user:${userId}`
}
