import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { writeAudit } from '@/server/audit/write-audit'
import { hashPassword } from '@/server/auth/password'
import type { RequestMeta } from '@/server/http/request-meta'
import { assertCanManageStaff, invalidInput, parseUserId, rawField } from './manage-staff-guard'
import { ZResetStaffPasswordInput } from './staff-input'
import { findStaffState, updateStaffPassword } from './staff.repo'

/**
 * An administrator sets a temporary password for a staff member who lost theirs: every open session of
 * that account ends (session version raised) and a lockout is lifted. Administrators change their own
 * password on their account page, with their current password, not here. The audit row records that the
 * password was reset, never the password.
 */
export async function resetStaffPassword(
  client: PrismaClient,
  { actor, input, meta }: { actor: Actor; input: unknown; meta: RequestMeta | null },
): Promise<{ id: string }> {
  assertCanManageStaff(actor)
  const userId = parseUserId(rawField(input, 'userId'))
  if (userId === actor.userId) {
    throw new AppError('FORBIDDEN', 'administrators change their own password on the account page', { _form: ['selfReset'] })
  }
  const parsed = ZResetStaffPasswordInput.safeParse(input)
  if (!parsed.success) throw invalidInput(parsed.error, 'invalid password')
  if (!(await findStaffState(client, userId))) throw new AppError('NOT_FOUND')
  // scrypt is slow on purpose: hash before the transaction opens.
  const passwordHash = await hashPassword(parsed.data.password)

  return client.$transaction(async (tx) => {
    const current = await findStaffState(tx, userId)
    if (!current) throw new AppError('NOT_FOUND')
    const { sessionVersion } = await updateStaffPassword(tx, userId, passwordHash)
    await writeAudit(tx, {
      actor,
      action: 'staff.resetPassword',
      entityType: 'User',
      entityId: userId,
      communeId: current.communes.length === 1 ? current.communes[0]!.id : null,
      data: { username: current.username, sessionsEnded: true, sessionVersion },
      meta,
    })
    return { id: userId }
  })
}
