/** Roles, mirrored from the database enum (the domain layer does not import Prisma). */
export const ROLES = ['CITIZEN', 'CLERK', 'SPECIALIST', 'LEADER', 'PROVINCE_OFFICER', 'ADMIN'] as const
export type Role = (typeof ROLES)[number]

/** Commune staff: bound to one or more communes, act only on their dossiers. */
export const COMMUNE_STAFF_ROLES = ['CLERK', 'SPECIALIST', 'LEADER'] as const satisfies readonly Role[]
export type CommuneStaffRole = (typeof COMMUNE_STAFF_ROLES)[number]

export function isCommuneStaff(role: Role): role is CommuneStaffRole {
  return (COMMUNE_STAFF_ROLES as readonly Role[]).includes(role)
}

/** Staff accounts are created by administrators; only citizens register themselves. */
export const STAFF_ROLES = ['CLERK', 'SPECIALIST', 'LEADER', 'PROVINCE_OFFICER', 'ADMIN'] as const satisfies readonly Role[]
export type StaffRole = (typeof STAFF_ROLES)[number]
