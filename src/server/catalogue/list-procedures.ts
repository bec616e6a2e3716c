import 'server-only'
import { countListedProceduresByField, findListedProcedures, searchListedProcedures } from './catalogue.repo'
import type { FieldCount, ProcedureSummary } from './procedure.dto'

export type ListProceduresInput = {
  /** Free text, already trimmed and length-checked by the route. */
  query?: string
  /** Exact field (lĩnh vực) name, as listed in `fields`. */
  field?: string
}

export type ProcedureCatalogue = {
  /** Search results best match first; without a query, by field (largest first) then by name. */
  procedures: ProcedureSummary[]
  /** Every field that has listed procedures, largest first, whatever the filter. */
  fields: FieldCount[]
}

const vietnameseOrder = new Intl.Collator('vi', { sensitivity: 'base', numeric: true })

function byCountThenName(a: FieldCount, b: FieldCount): number {
  return b.count - a.count || vietnameseOrder.compare(a.field, b.field)
}

export async function listProcedures(input: ListProceduresInput = {}): Promise<ProcedureCatalogue> {
  const query = input.query?.trim()
  const field = input.field?.trim() || undefined
  const [found, fields] = await Promise.all([
    query ? searchListedProcedures({ query, field }) : findListedProcedures({ field }),
    countListedProceduresByField(),
  ])
  fields.sort(byCountThenName)
  if (query) return { procedures: found, fields }

  const fieldRank = new Map(fields.map((entry, index) => [entry.field, index]))
  const procedures = [...found].sort(
    (a, b) =>
      (fieldRank.get(a.field) ?? fields.length) - (fieldRank.get(b.field) ?? fields.length) ||
      vietnameseOrder.compare(a.nameVi, b.nameVi),
  )
  return { procedures, fields }
}
