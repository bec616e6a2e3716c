import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import { assertCanManageStaff, parseUserId, rawField } from './manage-staff-guard'
import { ZSetStaffAccountEnabledInput } from './staff-input'
import { findStaffState, updateStaffDisabled } from './staff.repo'

export type StaffAccountStatus = { id: string; enabled: boolean; changed: boolean }

const status = (enabled: boolean) => (enabled ? 'ACTIVE' : 'DISABLED')

/**
 * Disables or re-enables a staff account. Disabling refuses every sign-in and also raises the session
 * version, so open sessions end at once and stay ended if the account is enabled again. An administrator
 * cannot disable their own account. Asking for the state the account is already in changes nothing.
 */
export async function setStaffAccountEnabled(
  client: PrismaClient,
  { actor, input, meta, now = new Date() }: { actor: Actor; input: unknown; meta: RequestMeta | null; now?: Date },
): Promise<StaffAccountStatus> {
  assertCanManageStaff(actor)
  const userId = parseUserId(rawField(input, 'userId'))
  const parsed = ZSetStaffAccountEnabledInput.safeParse(input)
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'enabled must be a boolean', { _form: ['invalidRequest'] })
  const { enabled } = parsed.data
  if (userId === actor.userId && !enabled) {
    throw new AppError('FORBIDDEN', 'an administrator cannot disable themselves', { _form: ['selfDisable'] })
  }

  return client.$transaction(async (tx) => {
    const current = await findStaffState(tx, userId)
    if (!current) throw new AppError('NOT_FOUND')
    const wasEnabled = current.disabledAt === null
    if (wasEnabled === enabled) return { id: userId, enabled, changed: false }
    const { sessionVersion } = await updateStaffDisabled(tx, userId, enabled ? null : now)
    await writeAudit(tx, {
      actor,
      action: enabled ? 'staff.enable' : 'staff.disable',
      entityType: 'User',
      entityId: userId,
      communeId: current.communes.length === 1 ? current.communes[0]!.id : null,
      data: {
        username: current.username,
        before: { status: status(wasEnabled) },
        after: { status: status(enabled) },
        ...(enabled ? {} : { sessionsEnded: true, sessionVersion }),
      },
      meta,
    })
    return { id: userId, enabled, changed: true }
  })
}
