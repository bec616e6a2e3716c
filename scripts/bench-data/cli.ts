/**
 * npm run bench:data -- [--dossiers 10000000] [--database-url URL] [--reset] [options]
 *
 * Fills a benchmark database with a large synthetic history of dossiers for the provincial dashboard (issue 8):
 * the real reference data (Nghệ An's 130 communes, the procedure catalogue, the calendar, the demo accounts) and
 * a demo history from the seed (prisma/seed), then millions of dossiers copied from that history in set-based
 * SQL (see plan.ts for the shape and sql.ts for the statements), then one recount of the dashboard aggregates.
 *
 * Options:
 *   --dossiers N       dossiers in total, the seed's included (default 10,000,000)
 *   --days N           days of history ending today (default 1096: three years)
 *   --sample N         demo dossiers the seed writes first, the templates of the bulk (default 20,000)
 *   --chunk N          dossiers written per transaction (default 250,000)
 *   --database-url URL (or BENCH_DATABASE_URL; default postgresql://postgres@127.0.0.1:5432/motcua_bench)
 *   --reset            drop and recreate the database first
 *   --no-attachments   write no Attachment rows ("digitised" and "electronic result" figures are then 0)
 *   --scan-share X     share of desk and post dossiers scanned at reception (default 0.6; online ones all are)
 *   --result-share X   share of returned dossiers with an electronic result file (default 0.5)
 *   --busiest CODE     the commune ranked busiest (default 16681, Phường Thành Vinh, which has demo staff)
 *   --parallel N       PostgreSQL parallel workers for this session (default 1; the machine is shared)
 *   --keep-indexes     load with the secondary indexes in place (slower; for comparison)
 *   --recount          recount the dashboard aggregates of a finished build (after a change of the recount)
 *
 * Resumable: the build is recorded in table bench_meta (phase, chunks written, indexes dropped); running the
 * command again continues where it stopped, and reports only when the database is complete. Each chunk of
 * dossiers, with its payments, ratings, attachments and code sequences, is one transaction.
 *
 * What is not generated for the bulk: dossier events, supplement requests, notes, refunds, form data ('{}'),
 * applicant accounts (applicantId is null, assignee and receiver too). The dashboard reads none of them.
 */
import os from 'node:os'
import path from 'node:path'
import type pg from 'pg'
import { seedDatabase } from '../../prisma/seed'
import { randomPerson } from '../../prisma/seed/names'
import { createRandom } from '../../prisma/seed/prng'
import { isWorkingDay, localDateOf, workingCalendar, type CalendarDayKind } from '../../src/domain/calendar/working-days'
import { LocalDiskStorage } from '../../src/server/attachments/storage/local-disk-storage'
import { recountDashboardAggregates } from '../../src/server/stats/recount'
import { applyMigrations } from '../db/migrations'
import {
  connect,
  databaseName,
  ensureDatabase,
  idempotentIndex,
  PHASES,
  readMeta,
  secondaryIndexes,
  tableSizes,
  writeMeta,
  type BuildMeta,
  type Phase,
  type Plan,
} from './database'
import { chunkDays, communeShares, cumulativeLowerBounds, LOAD_THRESHOLD, planDays, type LoadCommune, type TemplatePools } from './plan'
import {
  CREATE_PERSON_TABLE_SQL,
  CREATE_STAGE_SQL,
  CREATE_TEMPLATES_SQL,
  HELPER_TABLES,
  INSERT_ATTACHMENTS_SQL,
  INSERT_DOSSIERS_SQL,
  INSERT_PAYMENTS_SQL,
  INSERT_PERSONS_SQL,
  INSERT_RATINGS_SQL,
  STAGE_SQL,
  UPDATE_CODE_SEQUENCES_SQL,
} from './sql'

/** Bump when the generated data changes: a database built by another version must be rebuilt (--reset). */
const GENERATOR_VERSION = 1
const LOADED_TABLES = ['Dossier', 'Payment', 'DossierRating', 'Attachment'] as const
const REPORTED_TABLES = [...LOADED_TABLES, 'DossierDailyStat', 'DossierOpenStat', 'DossierCodeSequence', 'DossierEvent'] as const

// ─── Options ───

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  if (index >= 0) return process.argv[index + 1]
  return process.argv.find((value) => value.startsWith(`--${name}=`))?.slice(name.length + 3)
}
function wholeNumber(name: string, fallback: number, min = 0): number {
  const text = arg(name)
  const value = text === undefined ? fallback : Number(text.replaceAll('_', '').replaceAll(',', ''))
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number ≥ ${min}, not "${text}"`)
  return value
}
function fraction(name: string, fallback: number): number {
  const text = arg(name)
  const value = text === undefined ? fallback : Number(text)
  if (!(value >= 0 && value <= 1)) throw new Error(`--${name} must be a number between 0 and 1, not "${text}"`)
  return value
}
const flag = (name: string) => process.argv.includes(`--${name}`)

const options = {
  url: arg('database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/motcua_bench',
  dossiers: wholeNumber('dossiers', 10_000_000),
  days: wholeNumber('days', 1096, 35),
  sample: wholeNumber('sample', 20_000, 1000),
  chunk: wholeNumber('chunk', 250_000, 1000),
  reset: flag('reset'),
  attachments: !flag('no-attachments'),
  scanShare: fraction('scan-share', 0.6),
  resultShare: fraction('result-share', 0.5),
  busiest: arg('busiest') ?? '16681',
  parallel: wholeNumber('parallel', 1),
  keepIndexes: flag('keep-indexes'),
  recount: flag('recount'),
}
if (options.parallel > 2) throw new Error('--parallel: at most 2 (the machine is shared)')
if (options.sample > options.dossiers) throw new Error('--sample cannot exceed --dossiers')

const started = performance.now()
const log = (message: string) => console.log(`[bench:data ${clock()}] ${message}`)
function clock(): string {
  const seconds = Math.round((performance.now() - started) / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}
const fmt = (value: number) => Math.round(value).toLocaleString('en')
const secondsSince = (start: number) => (performance.now() - start) / 1000

// ─── Phases ───

const reached = (meta: BuildMeta, phase: Phase) => PHASES.indexOf(meta.phase) >= PHASES.indexOf(phase)

async function timedPhase(client: pg.Client, meta: BuildMeta, name: string, work: () => Promise<void>): Promise<void> {
  const start = performance.now()
  log(`${name}…`)
  await work()
  const seconds = secondsSince(start)
  meta.timings[name] = (meta.timings[name] ?? 0) + seconds
  await writeMeta(client, meta)
  log(`${name}: ${seconds.toFixed(1)} s`)
}

async function main(): Promise<void> {
  const name = databaseName(options.url)
  const created = await ensureDatabase(options.url, options.reset)
  log(`${created ? 'Created' : 'Using'} database ${name}.`)
  const migrationsStart = performance.now()
  const applied = await applyMigrations(options.url)
  if (applied.length > 0) log(`Applied ${applied.length} migrations in ${secondsSince(migrationsStart).toFixed(1)} s.`)

  const client = await connect(options.url, options.parallel)
  try {
    const request: BuildMeta['request'] = {
      dossiers: options.dossiers,
      days: options.days,
      sample: options.sample,
      attachments: options.attachments,
      scanShare: options.scanShare,
      resultShare: options.resultShare,
      busiest: options.busiest,
    }
    let meta = await readMeta(client)
    // Field by field: jsonb does not keep the order of keys.
    const sameRequest = (recorded: BuildMeta['request']) =>
      (Object.keys(request) as (keyof BuildMeta['request'])[]).every((key) => recorded[key] === request[key])
    if (meta && (meta.generator !== GENERATOR_VERSION || !sameRequest(meta.request))) {
      throw new Error(
        `${name} was built with other settings (${JSON.stringify({ generator: meta.generator, ...meta.request })}): ` +
          `rerun with --reset to rebuild it, or with the same settings to resume or report.`,
      )
    }
    if (!meta) {
      const existing = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Dossier" LIMIT 1) x`)
      if ((existing.rows[0]?.n ?? 0) > 0) throw new Error(`${name} holds dossiers but no build record: rerun with --reset.`)
      const now = new Date()
      now.setUTCMilliseconds(0)
      meta = { generator: GENERATOR_VERSION, request, now: now.toISOString(), phase: 'seeding', nextChunk: 0, chunkCount: 0, droppedIndexes: [], timings: {}, plan: null }
      await writeMeta(client, meta)
    } else {
      log(`Resuming a build in phase "${meta.phase}" (chunk ${meta.nextChunk}/${meta.chunkCount}), history ending at ${meta.now}.`)
    }
    const build: BuildMeta = meta
    if (options.recount && reached(build, 'aggregated')) build.phase = 'indexed'

    if (!reached(build, 'seeded')) {
      await timedPhase(client, build, 'seed', async () => {
        // The seed is one transaction and skips its history when dossiers exist: rerunning it after a crash is safe.
        const report = await seedDatabase({
          databaseUrl: options.url,
          dossierCount: options.sample,
          now: new Date(build.now),
          storage: new LocalDiskStorage(path.join(os.tmpdir(), 'motcua-bench-files')),
          log: (message) => log(`  [seed] ${message}`),
        })
        log(`  seed timings (ms): ${Object.entries(report.timings).map(([step, ms]) => `${step} ${ms}`).join(', ')}`)
        build.phase = 'seeded'
      })
    }

    if (!reached(build, 'prepared')) await timedPhase(client, build, 'prepare', () => prepare(client, build))
    if (!reached(build, 'loaded')) await timedPhase(client, build, 'load', () => load(client, build))
    if (!reached(build, 'vacuumed')) {
      await timedPhase(client, build, 'vacuum', async () => {
        for (const table of [...LOADED_TABLES, 'DossierCodeSequence']) await client.query(`VACUUM (ANALYZE) "${table}"`)
        build.phase = 'vacuumed'
      })
    }
    if (!reached(build, 'indexed')) await timedPhase(client, build, 'indexes', () => rebuildIndexes(client, build))
    if (!reached(build, 'aggregated')) {
      await timedPhase(client, build, 'aggregates', async () => {
        await client.query('BEGIN')
        await client.query(`SET LOCAL work_mem = '512MB'`)
        const { dailyRows, openRows } = await recountDashboardAggregates(client)
        await client.query('COMMIT')
        // A recount deletes every row and writes them again: after a second one, FULL gives the space back (and keeps
        // the day order the recount wrote).
        const vacuum = options.recount ? 'VACUUM (FULL, ANALYZE)' : 'VACUUM (ANALYZE)'
        await client.query(`${vacuum} "DossierDailyStat"`)
        await client.query(`${vacuum} "DossierOpenStat"`)
        log(`  recountDashboardAggregates: ${fmt(dailyRows)} daily rows, ${fmt(openRows)} open rows`)
        build.phase = 'aggregated'
      })
    }
    if (!reached(build, 'done')) {
      for (const table of HELPER_TABLES) await client.query(`DROP TABLE IF EXISTS ${table}`)
      build.phase = 'done'
      await writeMeta(client, build)
    }
    await report(client, build)
  } finally {
    await client.end()
  }
}

/** Templates, applicants, the plan of days and communes; then the secondary indexes are dropped. */
async function prepare(client: pg.Client, meta: BuildMeta): Promise<void> {
  for (const table of HELPER_TABLES) await client.query(`DROP TABLE IF EXISTS ${table}`)
  for (const statement of CREATE_TEMPLATES_SQL) await client.query(statement)

  const seeded = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Dossier"`)
  const sample = seeded.rows[0]?.n ?? 0
  const bulk = Math.max(0, meta.request.dossiers - sample)

  const persons = Math.min(500_000, Math.max(1000, Math.round(bulk / 20)))
  await client.query(CREATE_PERSON_TABLE_SQL)
  const random = createRandom('motcua-bench-data-persons-v1')
  for (let start = 0; start < persons; start += 50_000) {
    const people = Array.from({ length: Math.min(50_000, persons - start) }, () => randomPerson(random, { minYear: 1950, maxYear: 2007 }))
    await client.query(INSERT_PERSONS_SQL, [
      people.map((_, index) => start + index + 1),
      people.map((person) => person.fullName),
      people.map((person) => person.citizenId),
      people.map((person) => person.phone),
    ])
  }
  await client.query(`ANALYZE bench_person`)

  const poolRows = await client.query<{ day: string; recent: boolean; n: number }>(
    `SELECT local_day::text AS day, recent, count(*)::int AS n FROM bench_template_pick GROUP BY 1, 2`,
  )
  const pools: TemplatePools = {
    all: new Map(poolRows.rows.filter((row) => row.recent).map((row) => [row.day, row.n])),
    finished: new Map(poolRows.rows.filter((row) => !row.recent).map((row) => [row.day, row.n])),
  }
  const today = localDateOf(new Date(meta.now))
  const days = planDays({ today, days: meta.request.days, total: bulk, pools })
  const chunks = chunkDays(days, options.chunk)

  // The province's load on a working day (over the planned days), which the commune shares are calibrated on.
  const calendarRows = await client.query<{ date: string; kind: CalendarDayKind }>(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM "CalendarDay"`)
  const calendar = workingCalendar(calendarRows.rows)
  const working = days.filter((entry) => isWorkingDay(entry.day, calendar))
  const workingDayLoad = (working.reduce((sum, entry) => sum + entry.count, 0) + sample * (working.length / days.length)) / Math.max(1, working.length)
  const communeRows = await client.query<LoadCommune>(
    `SELECT id, code, name, kind::text AS kind, cardinality("formerUnits") AS "formerUnitCount" FROM "Commune" WHERE "isActive" ORDER BY code`,
  )
  const shares = communeShares(communeRows.rows, { workingDayLoad, busiestCode: meta.request.busiest })

  const plan: Plan = {
    bulk,
    persons,
    chunkSize: options.chunk,
    days,
    chunks,
    communes: shares.ranked.map(({ commune, share }) => ({ id: commune.id, code: commune.code, name: commune.name, share })),
    bounds: cumulativeLowerBounds(shares.ranked.map((entry) => entry.share)),
    calibration: { workingDayLoad, headSkew: shares.headSkew, tailSkew: shares.tailSkew, ...shares.expected, calibrated: shares.calibrated },
  }
  const templates = await client.query<{ all: number; finished: number; payments: number; ratings: number }>(
    `SELECT (SELECT count(*)::int FROM bench_template) AS all, (SELECT count(*)::int FROM bench_template WHERE finished) AS finished,
            (SELECT count(*)::int FROM bench_template_payment) AS payments, (SELECT count(*)::int FROM bench_template_rating) AS ratings`,
  )
  const t = templates.rows[0]
  log(`  templates: ${fmt(t?.all ?? 0)} seeded dossiers (${fmt(t?.finished ?? 0)} finished), ${fmt(t?.payments ?? 0)} payments, ${fmt(t?.ratings ?? 0)} ratings; ${fmt(persons)} applicants`)
  log(
    `  plan: ${fmt(bulk)} dossiers over ${days.length} days (${days[0]?.day} … ${today}) in ${chunks.length} chunks; ` +
      `~${fmt(workingDayLoad)} a working day province-wide`,
  )
  log(
    `  communes: busiest ${shares.ranked[0]?.commune.code} ~${fmt(shares.expected.busiest)} a working day, ` +
      `37th ~${fmt(shares.expected.lastBusy)}, 38th ~${fmt(shares.expected.firstQuiet)} (head skew ${shares.headSkew}, tail skew ${shares.tailSkew})` +
      (shares.calibrated ? '' : ` — at this volume the 37 busiest cannot all pass ${LOAD_THRESHOLD} a working day while the others stay below`),
  )

  // Secondary indexes off for the load (recorded first, in the same transaction, so a crash cannot lose them).
  await client.query('BEGIN')
  meta.droppedIndexes = options.keepIndexes ? [] : await secondaryIndexes(client, LOADED_TABLES)
  for (const index of meta.droppedIndexes) await client.query(`DROP INDEX IF EXISTS "${index.name}"`)
  meta.plan = plan
  meta.chunkCount = chunks.length
  meta.nextChunk = 0
  meta.phase = 'prepared'
  await writeMeta(client, meta)
  await client.query('COMMIT')
  log(`  dropped ${meta.droppedIndexes.length} secondary indexes for the load${options.keepIndexes ? ' (none: --keep-indexes)' : ''}`)
}

async function load(client: pg.Client, meta: BuildMeta): Promise<void> {
  const plan = meta.plan
  if (!plan) throw new Error('No plan recorded: rerun with --reset')
  await client.query(CREATE_STAGE_SQL)
  const communeIds = plan.communes.map((commune) => commune.id)
  const communeCodes = plan.communes.map((commune) => commune.code)
  const loadStart = performance.now()
  let written = 0
  for (let index = meta.nextChunk; index < plan.chunks.length; index++) {
    const chunk = plan.chunks[index]!
    const days = plan.days.slice(chunk.first, chunk.last + 1)
    const start = performance.now()
    const step: Record<string, number> = {}
    const timed = async (label: string, sql: string, values: unknown[]) => {
      const t0 = performance.now()
      const result = await client.query(sql, values)
      step[label] = (step[label] ?? 0) + (performance.now() - t0) / 1000
      return result.rowCount ?? 0
    }
    await client.query('BEGIN')
    await client.query('TRUNCATE bench_stage')
    const staged = await timed('stage', STAGE_SQL, [
      days.map((entry) => entry.day),
      days.map((entry) => entry.templateDay),
      days.map((entry) => entry.count),
      days.map((entry) => entry.recent),
      days.map((entry) => entry.pool),
      plan.bounds,
      plan.persons,
    ])
    if (staged !== chunk.count) throw new Error(`Chunk ${index}: staged ${staged} dossiers, planned ${chunk.count}`)
    await client.query('ANALYZE bench_stage')
    await timed('dossiers', INSERT_DOSSIERS_SQL, [communeIds, communeCodes])
    const payments = await timed('payments', INSERT_PAYMENTS_SQL, [communeIds])
    const ratings = await timed('ratings', INSERT_RATINGS_SQL, [communeIds])
    const attachments = meta.request.attachments ? await timed('attachments', INSERT_ATTACHMENTS_SQL, [communeIds, meta.request.scanShare, meta.request.resultShare]) : 0
    await timed('codes', UPDATE_CODE_SEQUENCES_SQL, [communeIds])
    meta.nextChunk = index + 1
    if (meta.nextChunk === plan.chunks.length) meta.phase = 'loaded'
    else meta.phase = 'loading'
    await writeMeta(client, meta)
    await client.query('COMMIT')
    written += chunk.count
    const seconds = secondsSince(start)
    const rate = written / secondsSince(loadStart)
    const remaining = plan.chunks.slice(index + 1).reduce((sum, next) => sum + next.count, 0)
    log(
      `  chunk ${index + 1}/${plan.chunks.length} ${days[0]?.day}…${days[days.length - 1]?.day}: ${fmt(chunk.count)} dossiers, ` +
        `${fmt(payments)} payments, ${fmt(ratings)} ratings, ${fmt(attachments)} attachments in ${seconds.toFixed(1)} s ` +
        `(${Object.entries(step).map(([label, s]) => `${label} ${s.toFixed(1)}`).join(', ')}); ` +
        `${fmt(rate)}/s, ~${Math.round(remaining / Math.max(1, rate) / 60)} min left`,
    )
  }
  if (plan.chunks.length === 0) meta.phase = 'loaded'
  await client.query('DROP TABLE IF EXISTS bench_stage')
}

async function rebuildIndexes(client: pg.Client, meta: BuildMeta): Promise<void> {
  for (const index of meta.droppedIndexes) {
    const start = performance.now()
    await client.query(idempotentIndex(index.definition))
    log(`  ${index.name}: ${secondsSince(start).toFixed(1)} s`)
  }
  for (const table of LOADED_TABLES) await client.query(`ANALYZE "${table}"`)
  meta.phase = 'indexed'
}

async function report(client: pg.Client, meta: BuildMeta): Promise<void> {
  const counts = await client.query<{ dossiers: number; open: number; overdue: number; awaiting: number; payments: number; ratings: number; attachments: number }>(
    `SELECT (SELECT count(*) FROM "Dossier")::int AS dossiers,
            (SELECT count(*) FROM "Dossier" WHERE state IN ('SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN'))::int AS open,
            (SELECT count(*) FROM "Dossier" WHERE state IN ('PROCESSING', 'READY_TO_RETURN') AND "clockPausedAt" IS NULL AND "dueAt" < $1::timestamp)::int AS overdue,
            (SELECT count(*) FROM "Dossier" WHERE state = 'AWAITING_SUPPLEMENT')::int AS awaiting,
            (SELECT count(*) FROM "Payment")::int AS payments, (SELECT count(*) FROM "DossierRating")::int AS ratings,
            (SELECT count(*) FROM "Attachment")::int AS attachments`,
    [meta.now],
  )
  const c = counts.rows[0]
  // The load over the last 30 days, read from the aggregates as the dashboard reads it.
  const load = await client.query<{ avg_over: number; any_over: number; busiest: number }>(
    `WITH days AS (
       SELECT date::date AS day FROM generate_series(($1::date - 29)::timestamp, $1::date::timestamp, interval '1 day') AS g(date)),
     working AS (
       SELECT d.day FROM days d LEFT JOIN "CalendarDay" c ON c.date = d.day
       WHERE c.kind = 'WORKING_DAY' OR (c.kind IS NULL AND extract(isodow FROM d.day) < 6)),
     per_day AS (
       SELECT "communeId", day, sum(received) AS received FROM "DossierDailyStat" WHERE day BETWEEN $1::date - 29 AND $1::date GROUP BY 1, 2),
     per_commune AS (
       SELECT "communeId", sum(received) FILTER (WHERE day IN (SELECT day FROM working)) / greatest(1, (SELECT count(*) FROM working)) AS per_working_day,
              max(received) AS peak
       FROM per_day GROUP BY 1)
     SELECT count(*) FILTER (WHERE per_working_day > 100)::int AS avg_over, count(*) FILTER (WHERE peak > 100)::int AS any_over,
            max(per_working_day)::int AS busiest
     FROM per_commune`,
    [localDateOf(new Date(meta.now))],
  )
  const l = load.rows[0]
  const sizes = await tableSizes(client, REPORTED_TABLES)
  const database = await client.query<{ size: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`)

  console.log('')
  log(`Done. History ends at ${meta.now} (the dashboard benchmark measures at that instant).`)
  console.log(
    `  Dossiers ${fmt(c?.dossiers ?? 0)} (open ${fmt(c?.open ?? 0)}, of which overdue ${fmt(c?.overdue ?? 0)}, awaiting supplement ${fmt(c?.awaiting ?? 0)}); ` +
      `payments ${fmt(c?.payments ?? 0)}, ratings ${fmt(c?.ratings ?? 0)}, attachments ${fmt(c?.attachments ?? 0)}`,
  )
  console.log(
    `  Last 30 days: ${l?.avg_over ?? 0} communes above ${LOAD_THRESHOLD} received a working day on average, ` +
      `${l?.any_over ?? 0} above it on at least one day (the dashboard's load alert); busiest ~${fmt(l?.busiest ?? 0)} a working day`,
  )
  console.log(`  Database ${databaseName(options.url)}: ${database.rows[0]?.size}`)
  for (const size of sizes) console.log(`    ${size.table.padEnd(20)} ${fmt(size.rows).padStart(12)} rows  heap ${size.heap.padStart(8)}  indexes ${size.indexes.padStart(8)}  total ${size.total.padStart(8)}`)
  console.log(`  Seconds by phase (summed over runs): ${Object.entries(meta.timings).map(([phase, s]) => `${phase} ${s.toFixed(1)}`).join(', ')}`)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
