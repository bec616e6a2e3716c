import 'server-only'
import type { StaffRole } from '@/domain/access/roles'
import { findProvinceIdByCode, type Client } from './staff.repo'

/** National statistics code of the province this deployment serves (Nghệ An). */
export const HOME_PROVINCE_CODE = '40'

/**
 * A provincial officer reads the whole province: the account is bound to the home province. Every other
 * role has no province (commune staff are scoped by their communes, administrators by their role).
 */
export async function provinceIdForRole(client: Client, role: StaffRole): Promise<string | null> {
  if (role !== 'PROVINCE_OFFICER') return null
  const provinceId = await findProvinceIdByCode(client, HOME_PROVINCE_CODE)
  if (!provinceId) throw new Error(`Province ${HOME_PROVINCE_CODE} is missing: run the seed (npm run db:seed)`)
  return provinceId
}
