import 'server-only'
import { createHash, randomInt } from 'node:crypto'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import {
  formatResetCode,
  isResetRequestBlocked,
  PASSWORD_RESET_TEMPLATE,
  RESET_CODE_LENGTH,
  RESET_CODE_TTL_MINUTES,
  resetCodeExpiry,
  resetRequestWindowStart,
  type PasswordResetPayload,
} from '@/domain/account/password-reset'
import { AppError } from '@/domain/errors'
import { classifySignInIdentifier, throttleKey } from '@/domain/identity/sign-in-identifier'
import { writeAudit } from '@/server/audit/write-audit'
import { hashPassword } from '@/server/auth/password'
import { hasKnownAddress, type RequestMeta } from '@/server/http/request-meta'
import { accountWhere } from './account-lookup'

export const ZPasswordResetRequest = z.object({ identifier: z.string().trim().min(1).max(100) })

/**
 * Every request leaves one audit row of this type, keyed by a digest of the identifier (so the log does
 * not collect ID numbers typed for accounts that do not exist); the rate limit counts them.
 */
const AUDIT_ENTITY = 'PasswordResetRequest'
const AUDIT_ACTION = 'account.passwordResetRequest'

export function resetRequestKey(identifierKey: string): string {
  return createHash('sha256').update(identifierKey).digest('hex').slice(0, 32)
}

/**
 * Step 1 of "forgot password": sends a six-digit code to the account's phone (SMS) or, failing that, its
 * e-mail, through the outbox. Returns the same (nothing) whether or not the account exists, is disabled,
 * or has nowhere to send to, and does the same work (the code is hashed in every case) so neither the
 * answer nor its timing tells. Limited per identifier and per address; RATE_LIMITED says nothing about
 * the account either, since unknown identifiers are counted alike. Only a scrypt hash of the code is stored.
 */
export async function requestPasswordReset(
  client: PrismaClient,
  { input, meta, now = new Date() }: { input: unknown; meta: RequestMeta; now?: Date },
): Promise<void> {
  const parsed = ZPasswordResetRequest.safeParse(input)
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'identifier required', { identifier: ['REQUIRED'] })
  const identifier = classifySignInIdentifier(parsed.data.identifier)
  const key = resetRequestKey(throttleKey(identifier))
  const since = resetRequestWindowStart(now)

  const [forIdentifier, forIp] = await Promise.all([
    client.auditLog.count({ where: { entityType: AUDIT_ENTITY, entityId: key, createdAt: { gte: since } } }),
    hasKnownAddress(meta) ? client.auditLog.count({ where: { entityType: AUDIT_ENTITY, ip: meta.ip, createdAt: { gte: since } } }) : 0,
  ])
  if (isResetRequestBlocked({ identifier: forIdentifier, ip: forIp })) throw new AppError('RATE_LIMITED', 'password reset requests throttled')

  const user = await client.user.findFirst({
    where: accountWhere(identifier),
    select: { id: true, phone: true, email: true, disabledAt: true },
  })
  const code = formatResetCode(randomInt(0, 10 ** RESET_CODE_LENGTH))
  const codeHash = await hashPassword(code)
  const delivery =
    !user || user.disabledAt ? null : user.phone ? { channel: 'SMS' as const, recipient: user.phone } : user.email ? { channel: 'EMAIL' as const, recipient: user.email } : null

  await client.$transaction(async (tx) => {
    if (user && delivery) {
      await tx.oneTimeCode.create({
        data: { userId: user.id, purpose: 'PASSWORD_RESET', codeHash, expiresAt: resetCodeExpiry(now), createdAt: now },
        select: { id: true },
      })
      const payload: PasswordResetPayload = { code, expiresInMinutes: RESET_CODE_TTL_MINUTES }
      await tx.outboxMessage.create({
        data: { channel: delivery.channel, recipient: delivery.recipient, userId: user.id, template: PASSWORD_RESET_TEMPLATE, payload, availableAt: now, createdAt: now },
        select: { id: true },
      })
    }
    await writeAudit(tx, {
      actor: null,
      action: AUDIT_ACTION,
      entityType: AUDIT_ENTITY,
      entityId: key,
      data: user && delivery ? { userId: user.id, channel: delivery.channel } : { sent: false },
      meta,
    })
  })
}
