import { describe, expect, it } from 'vitest'
import { can, PERMISSIONS, type Permission } from './permissions'
import { ROLES, type Role } from './roles'

// The whole role × permission table, every cell written out: a change to who may do what must change this.
const ALLOWED: Record<Role, Permission[]> = {
  CITIZEN: ['catalogue.read', 'dossier.submit', 'dossier.readOwn', 'account.changePassword'],
  CLERK: ['catalogue.read', 'dossier.readCommune', 'dossier.actCommune', 'dashboard.readCommune', 'account.changePassword'],
  SPECIALIST: ['catalogue.read', 'dossier.readCommune', 'dossier.actCommune', 'dashboard.readCommune', 'account.changePassword'],
  LEADER: ['catalogue.read', 'dossier.readCommune', 'dossier.actCommune', 'dashboard.readCommune', 'account.changePassword'],
  PROVINCE_OFFICER: ['catalogue.read', 'dossier.readProvince', 'dashboard.readProvince', 'account.changePassword'],
  ADMIN: ['catalogue.read', 'dossier.readProvince', 'dashboard.readProvince', 'admin.manageStaff', 'admin.configure', 'account.changePassword'],
}

describe('permission catalogue', () => {
  const cells = ROLES.flatMap((role) => PERMISSIONS.map((permission) => [role, permission, ALLOWED[role].includes(permission)] as const))
  it.each(cells)('%s × %s → %s', (role, permission, allowed) => {
    expect(can({ role }, permission)).toBe(allowed)
  })
  it('grants nothing to a visitor', () => {
    for (const permission of PERMISSIONS) expect(can(null, permission)).toBe(false)
  })
  it('never lets a provincial officer write', () => {
    expect(ALLOWED.PROVINCE_OFFICER.filter((permission) => /act|submit|manage|configure/.test(permission))).toEqual([])
  })
})
