import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { checkNewPassword } from '@/domain/account/new-password'
import { isSignInBlocked, windowStart } from '@/domain/access/sign-in-throttle'
import { AppError } from '@/domain/errors'
import { writeAudit } from '@/server/audit/write-audit'
import { hashPassword, verifyPassword } from '@/server/auth/password'
import type { RequestMeta } from '@/server/http/request-meta'

const text = z.string().catch('')
export const ZChangePasswordInput = z.object({ currentPassword: text, newPassword: text, newPasswordConfirm: text })

const FAILED_ACTION = 'account.passwordChangeFailed'

/**
 * A signed-in person replaces their password: the current one is required (wrong answers are audited and,
 * like sign-in failures, more than five in 15 minutes lock the form), the new one must meet the policy and
 * differ from the current one. Raises `sessionVersion`, so every session — this one too — ends: the person
 * signs in again with the new password.
 */
export async function changePassword(
  client: PrismaClient,
  { actor, input, meta }: { actor: Actor; input: unknown; meta: RequestMeta },
): Promise<void> {
  const form = ZChangePasswordInput.parse(typeof input === 'object' && input !== null ? input : {})
  const user = await client.user.findUnique({
    where: { id: actor.userId },
    select: { id: true, passwordHash: true, citizenId: true, phone: true, username: true },
  })
  if (!user) throw new AppError('UNAUTHENTICATED')
  if (!user.passwordHash) throw new AppError('FORBIDDEN', 'account has no password (external sign-in only)')

  const failures = await client.auditLog.count({ where: { actorId: user.id, action: FAILED_ACTION, createdAt: { gte: windowStart(new Date()) } } })
  if (isSignInBlocked({ account: failures, ip: 0 })) throw new AppError('RATE_LIMITED', 'too many wrong current passwords')

  const fieldErrors: Record<string, string[]> = {}
  const passwordErrors = checkNewPassword(form.newPassword, form.newPasswordConfirm, [user.citizenId, user.phone, user.username])
  if (passwordErrors.password) fieldErrors.newPassword = passwordErrors.password
  else if (form.newPassword.normalize('NFC') === form.currentPassword.normalize('NFC')) fieldErrors.newPassword = ['SAME_AS_CURRENT']
  if (passwordErrors.confirm) fieldErrors.newPasswordConfirm = passwordErrors.confirm

  if (form.currentPassword === '') fieldErrors.currentPassword = ['REQUIRED']
  else if (!(await verifyPassword(form.currentPassword, user.passwordHash))) {
    fieldErrors.currentPassword = ['WRONG']
    await writeAudit(client, { actor, action: FAILED_ACTION, entityType: 'User', entityId: user.id, meta })
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError('INVALID_INPUT', 'password change refused', fieldErrors)

  const passwordHash = await hashPassword(form.newPassword)
  await client.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { id: true } })
    await writeAudit(tx, { actor, action: 'account.passwordChange', entityType: 'User', entityId: user.id, meta })
  })
}
