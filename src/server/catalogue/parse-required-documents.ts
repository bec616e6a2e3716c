import 'server-only'
import { RequiredDocumentSchema } from '@/domain/forms/required-document'
import type { RequiredDocumentView } from './procedure.dto'

/**
 * Reads `ProcedureVersion.requiredDocuments` (JSON). An entry that does not have the expected shape is left
 * out rather than shown half-broken; the rest of the list still shows.
 */
export function parseRequiredDocuments(value: unknown): RequiredDocumentView[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((entry: unknown) => {
    const parsed = RequiredDocumentSchema.safeParse(entry)
    if (!parsed.success) return []
    const { key, nameVi, nameEn, required, copies, presentOnly } = parsed.data
    return [{ key, nameVi, nameEn, required, copies: copies ?? null, presentOnly: presentOnly ?? false }]
  })
}
