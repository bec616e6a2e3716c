import type { Actor } from './actor'
import type { Role } from './roles'

/**
 * The permission catalogue: one greppable table of what each role may do. Scope (own dossiers, own
 * commune, own province) is applied on top by the queries in src/server (see dossier-access.ts).
 */
export const PERMISSIONS = [
  'catalogue.read',
  'dossier.submit',
  'dossier.readOwn',
  'dossier.readCommune',
  'dossier.actCommune',
  'dossier.readProvince',
  'dashboard.readProvince',
  'dashboard.readCommune',
  'admin.manageStaff',
  'admin.configure',
  'account.changePassword',
] as const
export type Permission = (typeof PERMISSIONS)[number]

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  CITIZEN: ['catalogue.read', 'dossier.submit', 'dossier.readOwn', 'account.changePassword'],
  CLERK: ['catalogue.read', 'dossier.readCommune', 'dossier.actCommune', 'dashboard.readCommune', 'account.changePassword'],
  SPECIALIST: ['catalogue.read', 'dossier.readCommune', 'dossier.actCommune', 'dashboard.readCommune', 'account.changePassword'],
  LEADER: ['catalogue.read', 'dossier.readCommune', 'dossier.actCommune', 'dashboard.readCommune', 'account.changePassword'],
  PROVINCE_OFFICER: ['catalogue.read', 'dossier.readProvince', 'dashboard.readProvince', 'account.changePassword'],
  ADMIN: ['catalogue.read', 'dossier.readProvince', 'dashboard.readProvince', 'admin.manageStaff', 'admin.configure', 'account.changePassword'],
}

export function can(actor: Pick<Actor, 'role'> | null, permission: Permission): boolean {
  return actor !== null && ROLE_PERMISSIONS[actor.role].includes(permission)
}
