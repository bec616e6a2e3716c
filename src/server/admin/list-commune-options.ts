import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { assertCanManageStaff } from './manage-staff-guard'
import { findCommuneOptions, type CommuneOption } from './staff.repo'

/** The province's active communes and wards, by name: the commune picker and the list filter. */
export async function listCommuneOptions(client: PrismaClient, { actor }: { actor: Actor }): Promise<CommuneOption[]> {
  assertCanManageStaff(actor)
  return findCommuneOptions(client)
}
