import 'server-only'
import { AppError } from '@/domain/errors'
import { findActiveCommunes, type Client, type CommuneRef } from './staff.repo'

/** Every requested commune must exist and be active; otherwise INVALID_INPUT on `communeIds`. */
export async function requireCommunes(client: Client, ids: readonly string[]): Promise<CommuneRef[]> {
  const communes = await findActiveCommunes(client, ids)
  if (communes.length !== ids.length) throw new AppError('INVALID_INPUT', 'unknown commune', { communeIds: ['communeUnknown'] })
  return communes
}
