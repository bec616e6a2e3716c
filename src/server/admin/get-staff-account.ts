import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { assertCanManageStaff, parseUserId } from './manage-staff-guard'
import { findStaffDetail, type StaffDetail } from './staff.repo'

/** One staff account for its administration page; a citizen's account or an unknown id is NOT_FOUND. */
export async function getStaffAccount(client: PrismaClient, { actor, userId }: { actor: Actor; userId: unknown }): Promise<StaffDetail> {
  assertCanManageStaff(actor)
  const account = await findStaffDetail(client, parseUserId(userId))
  if (!account) throw new AppError('NOT_FOUND')
  return account
}
