import type { Role } from './roles'

/** Who is asking: what every use-case in src/server receives and scopes its reads and writes by. */
export type Actor = {
  userId: string
  role: Role
  fullName: string
  /** Communes a CLERK/SPECIALIST/LEADER works for (empty for other roles). */
  communeIds: readonly string[]
  /** Province a PROVINCE_OFFICER reads (null for other roles). */
  provinceId: string | null
}
