import type { Actor } from './actor'
import { can, type Permission } from './permissions'
import type { Role } from './roles'

/**
 * The main menu: each entry is shown only to roles holding its permission (tested per role), and an entry
 * with `roles` only to those roles (desk reception: the workflow lets only the one-stop clerk receive; fees
 * and payments: the commune's money is handled by its clerks and leaders, server/payments/payment-staff.ts).
 */
export const NAV_ITEMS = [
  { key: 'myDossiers', href: '/ho-so-cua-toi', permission: 'dossier.readOwn' },
  { key: 'staffQueue', href: '/can-bo', permission: 'dossier.readCommune' },
  { key: 'deskReception', href: '/can-bo/tiep-nhan', permission: 'dossier.actCommune', roles: ['CLERK'] },
  { key: 'staffPayments', href: '/can-bo/thanh-toan', permission: 'dossier.actCommune', roles: ['CLERK', 'LEADER'] },
  { key: 'staffDashboard', href: '/can-bo/thong-ke', permission: 'dashboard.readCommune' },
  { key: 'dashboard', href: '/tinh', permission: 'dashboard.readProvince' },
  { key: 'staffAccounts', href: '/quan-tri', permission: 'admin.manageStaff' },
  { key: 'auditLog', href: '/quan-tri/nhat-ky', permission: 'admin.manageStaff' },
  { key: 'workflows', href: '/quan-tri/quy-trinh', permission: 'admin.configure' },
  { key: 'communeAccounts', href: '/quan-tri/xa-phuong', permission: 'admin.configure' },
  { key: 'procedureFees', href: '/quan-tri/thu-tuc', permission: 'admin.configure' },
  { key: 'account', href: '/tai-khoan', permission: 'account.changePassword' },
] as const satisfies readonly { key: string; href: string; permission: Permission; roles?: readonly Role[] }[]

export type NavItem = (typeof NAV_ITEMS)[number]

export function navigationFor(actor: Actor | null): NavItem[] {
  return NAV_ITEMS.filter((item) => can(actor, item.permission) && (!('roles' in item) || (actor !== null && (item.roles as readonly Role[]).includes(actor.role))))
}
