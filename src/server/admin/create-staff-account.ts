import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { writeAudit } from '@/server/audit/write-audit'
import { hashPassword } from '@/server/auth/password'
import type { RequestMeta } from '@/server/http/request-meta'
import { assertCanManageStaff, invalidInput } from './manage-staff-guard'
import { provinceIdForRole } from './officer-province'
import { requireCommunes } from './require-communes'
import { ZCreateStaffAccountInput } from './staff-input'
import { staffSnapshot } from './staff-snapshot'
import { insertStaff, isPhoneTaken, isUsernameTaken } from './staff.repo'
import { uniqueViolationAsAppError } from './unique-violation'

/**
 * An administrator creates a staff account (staff never register themselves): username and a temporary
 * password to hand over, role, and the communes of commune staff. The account and its audit row are
 * written in one transaction; the audit row holds the new profile, never the password.
 */
export async function createStaffAccount(
  client: PrismaClient,
  { actor, input, meta }: { actor: Actor; input: unknown; meta: RequestMeta | null },
): Promise<{ id: string; username: string }> {
  assertCanManageStaff(actor)
  const parsed = ZCreateStaffAccountInput.safeParse(input)
  if (!parsed.success) throw invalidInput(parsed.error, 'invalid staff account')
  const { username, password, fullName, role, phone, email, communeIds } = parsed.data

  const communes = await requireCommunes(client, communeIds)
  const [usernameTaken, phoneTaken] = await Promise.all([isUsernameTaken(client, username), phone ? isPhoneTaken(client, phone) : false])
  if (usernameTaken || phoneTaken) {
    throw new AppError('ALREADY_EXISTS', 'username or phone already used', {
      ...(usernameTaken ? { username: ['usernameTaken'] } : {}),
      ...(phoneTaken ? { phone: ['phoneTaken'] } : {}),
    })
  }
  const provinceId = await provinceIdForRole(client, role)
  // scrypt is slow on purpose: hash before the transaction opens.
  const passwordHash = await hashPassword(password)

  try {
    return await client.$transaction(async (tx) => {
      const user = await insertStaff(tx, { username, passwordHash, fullName, role, phone, email, provinceId, communeIds: communes.map((c) => c.id) })
      await writeAudit(tx, {
        actor,
        action: 'staff.create',
        entityType: 'User',
        entityId: user.id,
        communeId: communes.length === 1 ? communes[0]!.id : null,
        data: { username, after: staffSnapshot({ fullName, role, phone, email, communes }) },
        meta,
      })
      return { id: user.id, username }
    })
  } catch (error) {
    throw uniqueViolationAsAppError(error) ?? error
  }
}
