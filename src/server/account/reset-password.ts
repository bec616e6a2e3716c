import 'server-only'
import { accountThrottleKey } from '@/server/auth/sign-in-with-password'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import { checkNewPassword } from '@/domain/account/new-password'
import { normalizeResetCode, RESET_CODE_MAX_ATTEMPTS } from '@/domain/account/password-reset'
import { AppError } from '@/domain/errors'
import { classifySignInIdentifier } from '@/domain/identity/sign-in-identifier'
import { writeAudit } from '@/server/audit/write-audit'
import { hashPassword, verifyPassword } from '@/server/auth/password'
import type { RequestMeta } from '@/server/http/request-meta'
import { accountWhere } from './account-lookup'

const text = z.string().catch('')
export const ZResetPasswordInput = z.object({ identifier: text, code: text, newPassword: text, newPasswordConfirm: text })

/** One answer for an unknown account, no code, a wrong, expired, used or exhausted code. */
const invalidCode = () => new AppError('INVALID_INPUT', 'reset code refused', { code: ['INVALID'] })

// Verified against when there is no code to check, so every refusal takes about the same time.
let decoyHash: Promise<string> | undefined

/**
 * Step 2 of "forgot password": the identifier, the code received and a new password. The account's latest
 * unexpired code is checked, at most RESET_CODE_MAX_ATTEMPTS times (each try is counted before the
 * comparison, atomically, so parallel guesses cannot exceed it), in constant time (scrypt + timingSafeEqual).
 * On success, in one transaction: the code and any other outstanding reset codes are used up, the password
 * is replaced, `sessionVersion` is raised (every session ends) and an audit row is written.
 */
export async function resetPassword(
  client: PrismaClient,
  { input, meta, now = new Date() }: { input: unknown; meta: RequestMeta; now?: Date },
): Promise<{ userId: string }> {
  const form = ZResetPasswordInput.parse(typeof input === 'object' && input !== null ? input : {})
  const typedIdentifier = form.identifier.trim()
  const code = normalizeResetCode(form.code)
  const identifier = classifySignInIdentifier(typedIdentifier)

  const fieldErrors: Record<string, string[]> = {}
  if (typedIdentifier === '') fieldErrors.identifier = ['REQUIRED']
  if (form.code.trim() === '') fieldErrors.code = ['REQUIRED']
  else if (!code) fieldErrors.code = ['INVALID']
  const passwordErrors = checkNewPassword(form.newPassword, form.newPasswordConfirm, [identifier.value])
  if (passwordErrors.password) fieldErrors.newPassword = passwordErrors.password
  if (passwordErrors.confirm) fieldErrors.newPasswordConfirm = passwordErrors.confirm
  if (Object.keys(fieldErrors).length > 0 || !code) throw new AppError('INVALID_INPUT', 'password reset refused', fieldErrors)

  const user = await client.user.findFirst({ where: accountWhere(identifier), select: { id: true, role: true, disabledAt: true } })
  const issued =
    user && !user.disabledAt
      ? await client.oneTimeCode.findFirst({
          where: { userId: user.id, purpose: 'PASSWORD_RESET', consumedAt: null, expiresAt: { gt: now } },
          orderBy: { createdAt: 'desc' },
          select: { id: true, codeHash: true },
        })
      : null
  if (!user || !issued) {
    decoyHash ??= hashPassword('000000')
    await verifyPassword(code, await decoyHash)
    throw invalidCode()
  }

  // Count the try first: a guess that loses the race for the last attempt is never compared.
  const counted = await client.oneTimeCode.updateMany({
    where: { id: issued.id, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: RESET_CODE_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  })
  if (counted.count !== 1 || !(await verifyPassword(code, issued.codeHash))) throw invalidCode()

  const passwordHash = await hashPassword(form.newPassword)
  await client.$transaction(async (tx) => {
    const used = await tx.oneTimeCode.updateMany({ where: { id: issued.id, consumedAt: null }, data: { consumedAt: now } })
    if (used.count !== 1) throw invalidCode()
    await tx.oneTimeCode.updateMany({ where: { userId: user.id, purpose: 'PASSWORD_RESET', consumedAt: null }, data: { consumedAt: now } })
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true },
    })
    // Proving control of the account lifts a sign-in lockout (failures count since the last success).
    await tx.loginAttempt.create({ data: { identifier: accountThrottleKey(user.id), ip: meta?.ip ?? 'password-reset', succeeded: true, createdAt: now } })
    await writeAudit(tx, { actor: { userId: user.id, role: user.role }, action: 'account.passwordReset', entityType: 'User', entityId: user.id, meta })
  })
  return { userId: user.id }
}
