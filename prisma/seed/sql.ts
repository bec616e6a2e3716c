/**
 * The few SQL helpers the seed needs. It talks to the database through one `pg` client (the embedded
 * PGlite serves one connection at a time) and writes in bulk: one `INSERT … SELECT FROM unnest(…)` per
 * chunk of rows, each column sent as one typed array.
 */
import type { QueryResultRow } from 'pg'

/** A `pg.Client` or pool client: what the seed and the recount need. */
export type Queryable = {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`

/** Timestamps go to `timestamp(3)` columns (UTC, no zone) as ISO strings: the trailing Z is ignored there. */
export const isoOrNull = (date: Date | null | undefined) => (date ? date.toISOString() : null)

export type Column<Row> = {
  name: string
  /** PostgreSQL type of one element, e.g. `uuid`, `text`, `timestamp(3)`, `"DossierState"`, `jsonb`. */
  type: string
  value: (row: Row) => unknown
}

/** Inserts rows column-wise; returns how many were inserted. */
export async function bulkInsert<Row>(client: Queryable, table: string, columns: readonly Column<Row>[], rows: readonly Row[], chunkSize = 5000): Promise<number> {
  const names = columns.map((column) => quoteIdent(column.name)).join(', ')
  const unnest = columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ')
  const sql = `INSERT INTO ${quoteIdent(table)} (${names}) SELECT * FROM unnest(${unnest})`
  let inserted = 0
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize)
    const values = columns.map((column) => chunk.map((row) => column.value(row)))
    const result = await client.query(sql, values)
    inserted += result.rowCount ?? 0
  }
  return inserted
}
