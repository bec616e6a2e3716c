/** Database plumbing of the generator: create / drop, session settings, the build record, indexes, sizes. */
import pg from 'pg'

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''))
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`The benchmark database name must be a plain identifier: "${name}"`)
  return name
}

async function withAdmin<T>(url: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const adminUrl = new URL(url)
  adminUrl.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: adminUrl.toString() })
  await admin.connect()
  try {
    return await work(admin)
  } finally {
    await admin.end()
  }
}

/** Creates the database when missing (dropping it first with `reset`); true when it was created. */
export async function ensureDatabase(url: string, reset: boolean): Promise<boolean> {
  const name = databaseName(url)
  return withAdmin(url, async (admin) => {
    const { rows } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])
    if (rows.length > 0 && !reset) return false
    if (rows.length > 0) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${name}`)
    return true
  })
}

export async function connect(url: string, parallelWorkers: number): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  // temp_buffers must be set before the session's first temporary table.
  await client.query(`SET temp_buffers = '256MB'`)
  // Triggers off in this session only: foreign-key checks, the name-search trigger (the generator fills the column
  // itself) and the aggregate triggers (one recount at the end replaces them). Other sessions are unaffected.
  await client.query(`SET session_replication_role = replica`)
  await client.query(`SET synchronous_commit = off`)
  await client.query(`SET work_mem = '256MB'`)
  await client.query(`SET maintenance_work_mem = '1GB'`)
  await client.query(`SET max_parallel_workers_per_gather = ${parallelWorkers}`)
  await client.query(`SET max_parallel_maintenance_workers = ${parallelWorkers}`)
  return client
}

// ─── The build record (bench_meta) ───

export const PHASES = ['seeding', 'seeded', 'prepared', 'loading', 'loaded', 'vacuumed', 'indexed', 'aggregated', 'done'] as const
export type Phase = (typeof PHASES)[number]

export type DroppedIndex = { table: string; name: string; definition: string }

export type BuildMeta = {
  generator: number
  /** What was asked for: a rerun with other values needs --reset. */
  request: { dossiers: number; days: number; sample: number; attachments: boolean; scanShare: number; resultShare: number; busiest: string }
  /** The instant the history ends at (the seed's `now`); the dashboard benchmark measures at it. */
  now: string
  phase: Phase
  /** Chunks written so far (resumes from here). */
  nextChunk: number
  chunkCount: number
  droppedIndexes: DroppedIndex[]
  /** Seconds by phase, summed over runs. */
  timings: Record<string, number>
  plan: Plan | null
}

/** Everything the chunks need, kept so that a resumed run writes exactly what the first one planned. */
export type Plan = {
  bulk: number
  persons: number
  chunkSize: number
  days: { day: string; templateDay: string; recent: boolean; pool: number; count: number }[]
  chunks: { first: number; last: number; count: number }[]
  communes: { id: string; code: string; name: string; share: number }[]
  bounds: number[]
  calibration: { workingDayLoad: number; headSkew: number; tailSkew: number; busiest: number; lastBusy: number; firstQuiet: number; calibrated: boolean }
}

export async function readMeta(client: pg.Client): Promise<BuildMeta | null> {
  await client.query(`CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)`)
  const { rows } = await client.query<{ value: BuildMeta }>(`SELECT value FROM bench_meta WHERE key = 'data'`)
  return rows[0]?.value ?? null
}

export async function writeMeta(client: pg.Client, meta: BuildMeta): Promise<void> {
  await client.query(
    `INSERT INTO bench_meta (key, value) VALUES ('data', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [JSON.stringify(meta)],
  )
}

// ─── Indexes ───

/** The secondary indexes of `tables` (not primary keys, not ones behind a constraint), as CREATE statements. */
export async function secondaryIndexes(client: pg.Client, tables: readonly string[]): Promise<DroppedIndex[]> {
  const { rows } = await client.query<DroppedIndex>(
    `SELECT t.relname AS table, i.relname AS name, pg_get_indexdef(i.oid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relname = ANY($1::text[]) AND t.relnamespace = 'public'::regnamespace AND NOT x.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
     ORDER BY t.relname, i.relname`,
    [tables],
  )
  return rows
}

/** The statement made idempotent, for a resumed run: CREATE [UNIQUE] INDEX IF NOT EXISTS … */
export const idempotentIndex = (definition: string) => definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ')

// ─── Report ───

export type TableSize = { table: string; rows: number; heap: string; indexes: string; total: string }

export async function tableSizes(client: pg.Client, tables: readonly string[]): Promise<TableSize[]> {
  const { rows } = await client.query<Omit<TableSize, 'rows'>>(
    `SELECT c.relname AS table, pg_size_pretty(pg_table_size(c.oid)) AS heap, pg_size_pretty(pg_indexes_size(c.oid)) AS indexes,
            pg_size_pretty(pg_total_relation_size(c.oid)) AS total
     FROM pg_class c WHERE c.relname = ANY($1::text[]) AND c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
     ORDER BY pg_total_relation_size(c.oid) DESC`,
    [tables],
  )
  const sizes: TableSize[] = []
  for (const row of rows) {
    const counted = await client.query<{ n: number }>(`SELECT count(*)::float8 AS n FROM "${row.table}"`)
    sizes.push({ ...row, rows: counted.rows[0]?.n ?? 0 })
  }
  return sizes
}
