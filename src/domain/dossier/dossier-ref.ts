import { z } from 'zod'

/** A dossier is addressed by its id (UUID) or its human-readable code, e.g. 16681-261124-0007. */
export const ZDossierRef = z
  .string()
  .trim()
  .max(64)
  .refine((value) => DOSSIER_CODE.test(value) || UUID.test(value), { message: 'not a dossier id or code' })

const DOSSIER_CODE = /^\d{5}-\d{6}-\d{4,}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function dossierRefWhere(ref: string): { id: string } | { code: string } {
  return UUID.test(ref) ? { id: ref.toLowerCase() } : { code: ref }
}
