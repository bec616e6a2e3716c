import type { Role } from './roles'

/** Where each role lands after signing in, and what "home" means in its menu. */
export const ROLE_HOME: Record<Role, string> = {
  CITIZEN: '/ho-so-cua-toi',
  CLERK: '/can-bo',
  SPECIALIST: '/can-bo',
  LEADER: '/can-bo',
  PROVINCE_OFFICER: '/tinh',
  ADMIN: '/quan-tri',
}
