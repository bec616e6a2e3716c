/**
 * Measurement (not a pass/fail test): exporting the dossiers behind a dashboard number when there are hundreds of
 * thousands of them — a year of a busy ward — through the real use-case (exportDashboardTable → the data layer's
 * keyset stream → table-export's streamed CSV/XLSX), read as a download would read it. What it shows:
 * - time to the first byte (the answer starts at once: no proxy or browser timeout while the file is made),
 * - total time and throughput, rows and bytes written (the rows equal the dashboard's figure),
 * - memory along the way: the live heap (after a full collection) every 5 s, and the peak RSS: flat, whatever the
 *   number of rows, because only one batch of rows and one chunk of output are held at a time;
 * - for comparison, how fast the rows alone come out of the data layer (nothing formatted or written).
 * The XLSX file is made a second time and read back with exceljs to count its rows.
 *
 *   node --expose-gc --conditions=react-server --import tsx bench/dashboard-export.mts --rows 300000 [--format csv|xlsx|both] [--slow-reader]
 *
 * --slow-reader reads the download at about 2 MB/s (a slow client): memory must stay flat there too (the rows
 * are pulled only as fast as the client reads). --no-read-back skips reading the XLSX file back (exceljs holds a
 * whole workbook in memory to read it), e.g. to run the export in a small heap: node --max-old-space-size=100 ….
 *
 * The database is BENCH_DATABASE_URL or postgresql://postgres@127.0.0.1:5432/motcua_bench_dashexp: created with
 * the migrations and the seed's reference data when missing, and filled with `--rows` dossiers of Phường Thành
 * Vinh (16681) submitted over the last 365 days (most returned, some open), generated in SQL with the dashboard
 * triggers on; reused when it already holds that many, extended when it holds fewer (--fresh rebuilds it).
 *
 * Measured on 2026-11-25 (2 shared CPUs, load average 5–10 from other work; PostgreSQL 15 on the same machine):
 *   500 000 dossiers (499 392 in the year): rows alone 26.7 s; CSV 98.7 MB, first byte 0.5 s, done 66 s; XLSX
 *   40.3 MB, first byte 0.5 s, done 142 s; live heap 60 MB before, 61.8–64.9 MB all along, peak RSS 280 MB.
 *   300 000 (299 636): CSV 59.2 MB in 43 s, XLSX 21.4 MB in 40 s, live heap +1.5–4.5 MB; the same in a 100 MB
 *   heap (--max-old-space-size=100) with a 2 MB/s reader: live heap 61.5–63 MB, peak RSS 283 MB.
 *   Through `next start` (HTTP, signed in): 300 000-row CSV first byte 1.2–1.5 s, done 42–52 s; server RSS
 *   480–614 MB, a saw-tooth without growth.
 */
import os from 'node:os'
import pg from 'pg'
import type { Actor } from '@/domain/access/actor'
import { loadActor } from '@/server/auth/load-actor'
import ExcelJS from 'exceljs'
import { parseDashboardPeriod, parseDashboardSort } from '@/domain/stats/dashboard-metrics'
import { exportDashboardTable } from '@/server/dashboard/export-dashboard'
import { getCommuneDashboard } from '@/server/dashboard/get-commune-dashboard'
import { openDashboardDossierStream } from '@/server/dashboard/list-dashboard-dossiers'
import { createPrismaClient } from '@/server/prisma-client'
import { recountDashboardAggregates } from '@/server/stats/recount'
import { seedDatabase } from '../prisma/seed'
import { applyMigrations } from '../scripts/db/migrations'

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback
}

const options = {
  rows: Number(arg('rows', '300000').replaceAll('_', '')),
  formats: (arg('format', 'both') === 'both' ? ['csv', 'xlsx'] : [arg('format', 'csv')]) as ('csv' | 'xlsx')[],
  slowReader: process.argv.includes('--slow-reader'),
  readBack: !process.argv.includes('--no-read-back'),
  fresh: process.argv.includes('--fresh'),
  url: process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/motcua_bench_dashexp',
  commune: '16681',
}
if (!Number.isInteger(options.rows) || options.rows < 1) throw new Error('--rows must be a whole number ≥ 1')
const log = (message: string) => console.log(message)
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)

// ─── Database ───

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(options.url)
  url.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: url.toString() })
  await admin.connect()
  try {
    return await work(admin)
  } finally {
    await admin.end()
  }
}

/**
 * Dossiers [from, to) of the generated load, in batches: submitted over the 365 days before `now` (spread by a
 * stride independent of the total, so a database extended later looks the same), 90 % returned (early, on time,
 * late in turn), the rest in progress; desk and online; 40 procedures in turn.
 */
async function insertDossiers(client: pg.Client, now: Date, from: number, to: number) {
  await client.query(`SET synchronous_commit = off`)
  const procedures = await client.query<{ procedureId: string; versionId: string; workflowVersionId: string }>(
    `SELECT p.id AS "procedureId", v.id AS "versionId", v."workflowVersionId"
     FROM "Procedure" p JOIN "ProcedureVersion" v ON v.id = p."currentVersionId" ORDER BY p.slug LIMIT 40`,
  )
  await client.query(
    `CREATE TEMP TABLE bench_procedure AS
     SELECT row_number() OVER () - 1 AS n, * FROM json_to_recordset($1) AS x("procedureId" uuid, "versionId" uuid, "workflowVersionId" uuid)`,
    [JSON.stringify(procedures.rows)],
  )
  const communeId = (await client.query<{ id: string }>(`SELECT id FROM "Commune" WHERE code = $1`, [options.commune])).rows[0]!.id
  const batch = 50_000
  for (let start = from; start < to; start += batch) {
    const end = Math.min(to, start + batch)
    await client.query(
      `INSERT INTO "Dossier" (id, code, "communeId", "procedureId", "procedureVersionId", "workflowVersionId", "applicantName",
                              channel, state, "currentStep", "formData", "submittedAt", "receivedAt", "dueAt", "completedAt", outcome, "updatedAt")
       SELECT gen_random_uuid(), $2 || '-B' || lpad(i::text, 7, '0'), $1, p."procedureId", p."versionId", p."workflowVersionId",
              'Nguyễn Văn ' || chr(65 + i % 26) || ' ' || i,
              (CASE WHEN i % 3 = 0 THEN 'DESK' ELSE 'ONLINE' END)::"Channel",
              (CASE WHEN i % 10 = 9 THEN 'PROCESSING' ELSE 'RETURNED' END)::"DossierState",
              CASE WHEN i % 10 = 9 THEN 'processing' ELSE 'done' END,
              '{}'::jsonb, s.at, s.at + interval '1 hour', s.at + interval '3 days',
              CASE WHEN i % 10 = 9 THEN NULL ELSE s.at + interval '2 days' + (i % 3) * interval '1 day' END,
              (CASE WHEN i % 10 = 9 THEN NULL WHEN i % 3 = 0 THEN 'EARLY' WHEN i % 3 = 1 THEN 'ON_TIME' ELSE 'LATE' END)::"DossierOutcome",
              $3::timestamptz
       FROM generate_series($4::int, $5::int - 1) AS i
       CROSS JOIN LATERAL (SELECT $3::timestamptz - interval '365 days' + ((i::bigint * 7919) % 100003)::float8 / 100003 * interval '364 days' AS at) s
       JOIN bench_procedure p ON p.n = i % (SELECT count(*) FROM bench_procedure)`,
      [communeId, options.commune, now, start, end],
    )
    log(`  inserted ${end.toLocaleString('en')} dossiers`)
  }
  await recountDashboardAggregates(client)
  await client.query(`VACUUM ANALYZE "Dossier"`)
  await client.query(`CREATE TABLE IF NOT EXISTS bench_meta (rows int NOT NULL, now timestamptz NOT NULL)`)
  await client.query(`DELETE FROM bench_meta`)
  await client.query(`INSERT INTO bench_meta VALUES ($1, $2)`, [to, now])
}

/** The benchmark database with `--rows` generated dossiers: reused, extended when it has fewer, else built. */
async function ensureDatabase(): Promise<Date> {
  const name = decodeURIComponent(new URL(options.url).pathname.slice(1))
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name must be a plain identifier: ${name}`)
  const exists = await withAdmin(async (admin) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1)
  const started = performance.now()
  if (exists && !options.fresh) {
    const client = new pg.Client({ connectionString: options.url })
    await client.connect()
    try {
      const meta = (await client.query<{ rows: number; now: Date }>(`SELECT rows, now FROM bench_meta`).catch(() => null))?.rows[0]
      if (meta?.rows === options.rows) {
        log(`Reusing ${name}: ${options.rows.toLocaleString('en')} generated dossiers, built for now = ${meta.now.toISOString()}.`)
        return meta.now
      }
      if (meta && meta.rows < options.rows) {
        log(`Extending ${name} from ${meta.rows.toLocaleString('en')} to ${options.rows.toLocaleString('en')} dossiers (now = ${meta.now.toISOString()}).`)
        await insertDossiers(client, meta.now, meta.rows, options.rows)
        log(`Extended in ${((performance.now() - started) / 1000).toFixed(0)} s.`)
        return meta.now
      }
    } finally {
      await client.end()
    }
  }
  await withAdmin(async (admin) => {
    if (exists) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${name}`)
  })
  await applyMigrations(options.url)
  const now = new Date()
  now.setUTCMilliseconds(0)
  await seedDatabase({ databaseUrl: options.url, dossierCount: 0, now })
  const client = new pg.Client({ connectionString: options.url })
  await client.connect()
  try {
    await insertDossiers(client, now, 0, options.rows)
  } finally {
    await client.end()
  }
  log(`Built ${name} in ${((performance.now() - started) / 1000).toFixed(0)} s.`)
  return now
}

// ─── Measurement ───

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('Run with node --expose-gc (see the usage above): live memory is measured after a collection.')
/** Live heap: what is still referenced after a full collection (the figure that shows buffering, if any). */
const liveHeap = () => {
  gc()
  return process.memoryUsage().heapUsed
}

const now = await ensureDatabase()
const client = createPrismaClient(options.url, 10)
const officer = await client.user.findFirstOrThrow({ where: { role: 'PROVINCE_OFFICER' }, select: { id: true, sessionVersion: true } })
const actor = (await loadActor(client, officer.id, officer.sessionVersion)) as Actor
const period = parseDashboardPeriod({ ky: '365' }, now)
const figure = (await getCommuneDashboard(client, { actor, communeCode: options.commune, period, sort: parseDashboardSort({}), now })).figures.received
log(`Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`)
log(`Dashboard figure "received" of ${options.commune} over ${period.from} – ${period.to}: ${figure.toLocaleString('en')} dossiers.`)

// The rows alone (the data layer's keyset batches, nothing written): how much of the time is reading.
{
  const started = performance.now()
  const opened = await openDashboardDossierStream(client, { actor, communeCode: options.commune, measure: 'received', period, now })
  let rows = 0
  for await (const row of opened.rows) if (row.code) rows++
  const seconds = (performance.now() - started) / 1000
  log(`Rows alone: ${rows.toLocaleString('en')} read in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString('en')} rows/s, batches of 2 000).`)
}

for (const format of options.formats) {
  const baseline = liveHeap()
  const started = performance.now()
  let peakRss = process.memoryUsage().rss
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
  const result = await exportDashboardTable(client, {
    actor,
    query: { table: 'dossiers', format, xa: options.commune, 'chi-so': 'received', ky: '365' },
    now,
  })
  const answered = performance.now() - started
  const reader = result.stream.getReader()
  let firstByte = 0
  let bytes = 0
  let lines = 0
  const live: number[] = []
  let nextCheck = 5000
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    if (bytes === 0) firstByte = performance.now() - started
    bytes += read.value.byteLength
    if (format === 'csv') for (const byte of read.value) if (byte === 10) lines++
    if (performance.now() - started >= nextCheck) {
      live.push(liveHeap())
      nextCheck += 5000
    }
    if (options.slowReader) await new Promise((resolve) => setTimeout(resolve, (read.value.byteLength / (2 * 1024 * 1024)) * 1000))
  }
  const total = performance.now() - started
  clearInterval(timer)
  const after = liveHeap()
  let rows = lines - 1
  if (format === 'xlsx' && options.readBack) {
    const workbook = new ExcelJS.Workbook()
    const chunks: Uint8Array[] = []
    const again = await exportDashboardTable(client, { actor, query: { table: 'dossiers', format, xa: options.commune, 'chi-so': 'received', ky: '365' }, now })
    const second = again.stream.getReader()
    for (let read = await second.read(); !read.done; read = await second.read()) chunks.push(read.value)
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer)
    rows = workbook.worksheets[0]!.rowCount - 2
  }
  log('')
  log(`${format.toUpperCase()}${options.slowReader ? ' (slow reader, 2 MB/s)' : ''}: ${result.fileName}.${format}`)
  log(`  answer (headers) after ${answered.toFixed(0)} ms, first byte after ${firstByte.toFixed(0)} ms, done after ${(total / 1000).toFixed(1)} s`)
  if (format === 'xlsx' && !options.readBack) log(`  ${mb(bytes)} MB (rows not counted: --no-read-back)`)
  else log(`  ${rows.toLocaleString('en')} data rows (${rows === figure ? 'equals' : 'DIFFERS FROM'} the dashboard figure), ${mb(bytes)} MB, ${Math.round(rows / (total / 1000)).toLocaleString('en')} rows/s`)
  log(`  live heap (after a full GC): before ${mb(baseline)} MB; every 5 s during: ${live.map(mb).join(', ')} MB; after ${mb(after)} MB; peak RSS ${mb(peakRss)} MB`)
}
await client.$disconnect()
