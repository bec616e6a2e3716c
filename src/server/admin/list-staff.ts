import 'server-only'
import { z } from 'zod'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { STAFF_ROLES, type StaffRole } from '@/domain/access/roles'
import { assertCanManageStaff } from './manage-staff-guard'
import { countStaff, countStaffByRole, findStaffIdsMatching, findStaffPage, type StaffCounts, type StaffListItem } from './staff.repo'

export const STAFF_PAGE_SIZE = 20
export const STAFF_QUERY_MAX = 100
export const STAFF_STATUSES = ['active', 'disabled'] as const
export type StaffStatus = (typeof STAFF_STATUSES)[number]

/** Filters from a URL: a value that does not parse is ignored (the list is shown unfiltered by it). */
export const ZListStaffInput = z.object({
  query: z.string().trim().max(STAFF_QUERY_MAX).optional().catch(undefined).transform((value) => value || undefined),
  role: z.enum(STAFF_ROLES).optional().catch(undefined),
  communeId: z.uuid().optional().catch(undefined),
  status: z.enum(STAFF_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
})

export type StaffFilters = { query?: string; role?: StaffRole; communeId?: string; status?: StaffStatus }

export type StaffList = {
  items: StaffListItem[]
  /** Accounts matching the filters. */
  total: number
  page: number
  pageCount: number
  pageSize: number
  filters: StaffFilters
  /** Every staff account, by role, whatever the filters. */
  counts: StaffCounts
}

/** The staff accounts (every role but citizens), newest first, filtered and paged, with overall counts. */
export async function listStaff(client: PrismaClient, { actor, input }: { actor: Actor; input: unknown }): Promise<StaffList> {
  assertCanManageStaff(actor)
  const { page: requestedPage = 1, ...filters } = ZListStaffInput.parse(input ?? {})
  const where: Prisma.UserWhereInput[] = []
  if (filters.query) where.push({ id: { in: await findStaffIdsMatching(client, filters.query) } })
  if (filters.role) where.push({ role: filters.role })
  if (filters.communeId) where.push({ communes: { some: { communeId: filters.communeId } } })
  if (filters.status) where.push({ disabledAt: filters.status === 'disabled' ? { not: null } : null })

  const [total, counts] = await Promise.all([countStaff(client, { AND: where }), countStaffByRole(client)])
  const pageCount = Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE))
  const page = Math.min(requestedPage, pageCount)
  const items = total === 0 ? [] : await findStaffPage(client, { AND: where }, { skip: (page - 1) * STAFF_PAGE_SIZE, take: STAFF_PAGE_SIZE })
  return { items, total, page, pageCount, pageSize: STAFF_PAGE_SIZE, filters, counts }
}
