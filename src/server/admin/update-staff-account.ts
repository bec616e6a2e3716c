import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import { assertCanManageStaff, invalidInput, parseUserId, rawField } from './manage-staff-guard'
import { provinceIdForRole } from './officer-province'
import { requireCommunes } from './require-communes'
import { ZUpdateStaffAccountInput } from './staff-input'
import { snapshotChanges, staffSnapshot } from './staff-snapshot'
import { findStaffState, isPhoneTaken, updateStaffProfile } from './staff.repo'
import { uniqueViolationAsAppError } from './unique-violation'

/**
 * Changes a staff account's name, contact details, role and communes (the username never changes). An
 * administrator cannot take their own administrator role away. The change and its audit row — only the
 * fields that changed, before and after — are written in one transaction; saving an unchanged form
 * writes nothing. The new role and communes apply from the person's next request (the session reloads
 * the user every time).
 */
export async function updateStaffAccount(
  client: PrismaClient,
  { actor, input, meta }: { actor: Actor; input: unknown; meta: RequestMeta | null },
): Promise<{ id: string; changed: boolean }> {
  assertCanManageStaff(actor)
  const userId = parseUserId(rawField(input, 'userId'))
  // Checked before the rest of the form, so the answer is the reason that matters.
  if (userId === actor.userId && rawField(input, 'role') !== actor.role) {
    throw new AppError('FORBIDDEN', 'an administrator cannot demote themselves', { role: ['selfDemote'] })
  }
  const parsed = ZUpdateStaffAccountInput.safeParse(input)
  if (!parsed.success) throw invalidInput(parsed.error, 'invalid staff account')
  const { fullName, role, phone, email, communeIds } = parsed.data

  const communes = await requireCommunes(client, communeIds)
  if (phone && (await isPhoneTaken(client, phone, userId))) {
    throw new AppError('ALREADY_EXISTS', 'phone already used', { phone: ['phoneTaken'] })
  }
  const provinceId = await provinceIdForRole(client, role)

  try {
    return await client.$transaction(async (tx) => {
      const current = await findStaffState(tx, userId)
      if (!current) throw new AppError('NOT_FOUND')
      const changes = snapshotChanges(staffSnapshot(current), staffSnapshot({ fullName, role, phone, email, communes }))
      if (Object.keys(changes.after).length === 0) return { id: userId, changed: false }
      await updateStaffProfile(tx, userId, { fullName, role, phone, email, provinceId, communeIds: communes.map((c) => c.id) })
      await writeAudit(tx, {
        actor,
        action: 'staff.update',
        entityType: 'User',
        entityId: userId,
        communeId: communes.length === 1 ? communes[0]!.id : null,
        data: { username: current.username, ...changes },
        meta,
      })
      return { id: userId, changed: true }
    })
  } catch (error) {
    throw uniqueViolationAsAppError(error) ?? error
  }
}
