import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import { AppError } from '@/domain/errors'
import { isSignInBlocked, windowStart } from '@/domain/access/sign-in-throttle'
import { classifySignInIdentifier, throttleKey, type SignInIdentifier } from '@/domain/identity/sign-in-identifier'
import type { RequestMeta } from '@/server/http/request-meta'
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
 * reveals nothing. Every attempt is recorded.
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
  // Failures count per account, however it was named (ID number or phone); per typed identifier when no
  // account matches. Either way the answer is the same, so the lock reveals nothing.
  const key = user ? `user:${user.id}` : throttleKey(identifier)
  const since = windowStart(now)

  const [account, ip] = await Promise.all([
    client.loginAttempt.count({ where: { identifier: key, succeeded: false, createdAt: { gte: since } } }),
    client.loginAttempt.count({ where: { ip: meta.ip, succeeded: false, createdAt: { gte: since } } }),
  ])
  const record = (succeeded: boolean) =>
    client.loginAttempt.create({ data: { identifier: key, ip: meta.ip, succeeded, createdAt: now } })

  if (isSignInBlocked({ account, ip })) {
    await record(false)
    throw new AppError('INVALID_CREDENTIALS', 'sign-in blocked by throttle')
  }

  decoyHash ??= hashPassword('decoy-password-for-unknown-accounts')
  const passwordOk = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await decoyHash))
  if (!user || !user.passwordHash || !passwordOk || user.disabledAt) {
    await record(false)
    throw new AppError('INVALID_CREDENTIALS')
  }
  await record(true)
  return { id: user.id, sessionVersion: user.sessionVersion }
}
