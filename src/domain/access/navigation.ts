import type { Actor } from './actor'
import { can, type Permission } from './permissions'

/** The main menu: each entry is shown only to roles holding its permission (tested per role). */
export const NAV_ITEMS = [
  { key: 'myDossiers', href: '/ho-so-cua-toi', permission: 'dossier.readOwn' },
  { key: 'staffQueue', href: '/can-bo', permission: 'dossier.readCommune' },
  { key: 'dashboard', href: '/tinh', permission: 'dashboard.readProvince' },
  { key: 'staffAccounts', href: '/quan-tri', permission: 'admin.manageStaff' },
  { key: 'auditLog', href: '/quan-tri/nhat-ky', permission: 'admin.manageStaff' },
  { key: 'account', href: '/tai-khoan', permission: 'account.changePassword' },
] as const satisfies readonly { key: string; href: string; permission: Permission }[]

export type NavItem = (typeof NAV_ITEMS)[number]

export function navigationFor(actor: Actor | null): NavItem[] {
  return NAV_ITEMS.filter((item) => can(actor, item.permission))
}
