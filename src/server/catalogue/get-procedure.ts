import 'server-only'
import { findListedProcedureBySlug } from './catalogue.repo'
import type { ProcedureDetail } from './procedure.dto'

/** A listed procedure by its slug, or null when there is none (unknown, inactive or not yet published). */
export async function getProcedure(slug: string): Promise<ProcedureDetail | null> {
  const record = await findListedProcedureBySlug(slug)
  if (!record) return null
  // Dịch vụ công trực tuyến toàn trình and một phần can both be started online; the rest only at the desk.
  return { ...record, canSubmitOnline: record.onlineLevel !== 'NONE' }
}
