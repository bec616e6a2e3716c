/**
 * Benchmark: the staff queues (listStaffQueue, through the real Prisma client and pg pool) on a database of
 * 1,000,000 dossiers of which 100,000 are open. Target (issue acceptance): p95 < 50 ms on the 2-core machine.
 *
 *   npx tsx --conditions=react-server bench/staff-queue.mts --dossiers 1000000 --open 100000
 *
 * Options:
 *   --dossiers N     dossiers in the database (default 1000000)
 *   --open N         of which open (default 100000)
 *   --iterations N   timed calls per case (default 50), after --warmup N untimed ones (default 5)
 *   --commune CODE   the measured commune, one with demo staff (default 16681, Phường Thành Vinh); it is made the
 *                    busiest commune of the generated load (see bench/lib/commune-load.ts)
 *   --skew S         Zipf exponent of the load over communes (default 0.5: the busiest ward gets ~5 %)
 *   --sample N       demo dossiers written by the seed itself before the bulk (default 2000)
 *   --explain N      print EXPLAIN (ANALYZE, BUFFERS) of the N slowest cases (default 1; 0 for none)
 *   --only TEXT      measure only the cases whose name contains TEXT (e.g. --only name)
 *   --fresh          rebuild the database even when it already holds the requested volume
 *
 * The database is BENCH_DATABASE_URL or postgresql://postgres@127.0.0.1:5432/motcua_bench_queue: created when
 * missing, reused when it already holds the requested volume (a rerun only measures: about a minute), rebuilt
 * otherwise or when a new migration touches "Dossier" (1.5–2.5 min at 1M on 2 cores; see
 * bench/lib/build-queue-database.ts for what is generated). Every run measures against the instant the data
 * was generated for, so reruns see the same queues. The machine is shared: the load average is printed
 * before and after, and a busy machine shows in the figures.
 */
import os from 'node:os'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import type { Actor } from '@/domain/access/actor'
import type { StaffQueue } from '@/domain/dossier/staff-queues'
import { PrismaClient } from '@/generated/prisma/client'
import { loadActor } from '@/server/auth/load-actor'
import { DEMO_COMMUNES } from '@/server/demo/demo-accounts'
import { listStaffQueue } from '@/server/dossier/list-staff-queue'
import { createPrismaClient } from '@/server/prisma-client'
import { ensureQueueBenchDatabase } from './lib/build-queue-database'
import { formatTable, ms, summarize, type Summary } from './lib/stats'

const TARGET_P95_MS = 50

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback
}
function count(name: string, fallback: number): number {
  const value = Number(arg(name, String(fallback)).replaceAll('_', '').replaceAll(',', ''))
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number ≥ 0`)
  return value
}

const options = {
  dossiers: count('dossiers', 1_000_000),
  open: count('open', 100_000),
  iterations: Math.max(1, count('iterations', 50)),
  warmup: count('warmup', 5),
  sample: count('sample', 2000),
  explain: count('explain', 1),
  skew: Number(arg('skew', '0.5')),
  communeCode: arg('commune', '16681'),
  only: arg('only', ''),
  fresh: process.argv.includes('--fresh'),
  url: process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/motcua_bench_queue',
}
if (options.open > options.dossiers) throw new Error('--open cannot exceed --dossiers')
if (!(options.skew >= 0)) throw new Error('--skew must be a number ≥ 0')
const demoCommune = DEMO_COMMUNES.find((commune) => commune.code === options.communeCode)
if (!demoCommune) throw new Error(`--commune must be one with demo staff: ${DEMO_COMMUNES.map((commune) => commune.code).join(', ')}`)

const log = (message: string) => console.log(message)

// ─── Database ───

const { meta, reused } = await ensureQueueBenchDatabase({
  url: options.url,
  dossiers: options.dossiers,
  open: options.open,
  sample: options.sample,
  skew: options.skew,
  communeCode: options.communeCode,
  fresh: options.fresh,
  log,
})
const now = new Date(meta.now)

const sql = new pg.Client({ connectionString: options.url })
await sql.connect()

type Role = 'clerk' | 'specialist' | 'leader'
const client = createPrismaClient(options.url, Number(process.env.DATABASE_POOL_MAX ?? 10))
const actors = {} as Record<Role, Actor>
for (const [role, prefix] of [['clerk', 'canbo'], ['specialist', 'chuyenvien'], ['leader', 'lanhdao']] as const) {
  const user = await client.user.findUniqueOrThrow({ where: { username: `${prefix}.${demoCommune.slug}` }, select: { id: true, sessionVersion: true } })
  const actor = await loadActor(client, user.id, user.sessionVersion)
  if (!actor) throw new Error(`${prefix}.${demoCommune.slug} cannot sign in`)
  actors[role] = actor
}
const communeId = actors.clerk.communeIds[0]!

const volume = await sql.query<{ total: number; open: number; commune_total: number; commune_open: number; busiest_open: number; busiest_code: string }>(
  `WITH per AS (
     SELECT "communeId", count(*)::int AS total,
            count(*) FILTER (WHERE state IN ('SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN'))::int AS open
     FROM "Dossier" GROUP BY 1)
   SELECT (SELECT sum(total)::int FROM per) AS total, (SELECT sum(open)::int FROM per) AS open,
          (SELECT total FROM per WHERE "communeId" = $1) AS commune_total, (SELECT open FROM per WHERE "communeId" = $1) AS commune_open,
          (SELECT open FROM per ORDER BY open DESC LIMIT 1) AS busiest_open,
          (SELECT c.code FROM per JOIN "Commune" c ON c.id = per."communeId" ORDER BY per.open DESC LIMIT 1) AS busiest_code`,
  [communeId],
)
const counts = volume.rows[0]!

// ─── Search terms and filters taken from the data of the measured commune ───

async function one<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T> {
  const { rows } = await sql.query<T>(text, values)
  if (!rows[0]) throw new Error(`No row for: ${text}`)
  return rows[0]
}
const commonProcedure = await one<{ id: string; n: number }>(
  `SELECT "procedureId" AS id, count(*)::int AS n FROM "Dossier" WHERE "communeId" = $1 GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
  [communeId],
)
const rareProcedure = await one<{ id: string; n: number }>(
  `SELECT "procedureId" AS id, count(*)::int AS n FROM "Dossier" WHERE "communeId" = $1 GROUP BY 1 ORDER BY 2 ASC, 1 LIMIT 1`,
  [communeId],
)
const specialistProcedure = await one<{ id: string }>(
  `SELECT "procedureId" AS id FROM "Dossier" WHERE "communeId" = $1 AND "assigneeId" = $2 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  [communeId, actors.specialist.userId],
).catch(() => commonProcedure)
// Typed without diacritics, as clerks often do: "nguyen thi huong" must find "Nguyễn Thị Hương".
const commonName = await one<{ name: string; n: number }>(
  `SELECT motcua_search_text("applicantName") AS name, count(*)::int AS n FROM "Dossier" WHERE "communeId" = $1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
  [communeId],
)
// A name found once in the commune, on the oldest such dossier: the newest-first scan must go all the way to it.
const rareName = await one<{ name: string }>(
  `SELECT min("applicantName") AS name FROM "Dossier" WHERE "communeId" = $1
   GROUP BY motcua_search_text("applicantName") HAVING count(*) = 1 ORDER BY min("submittedAt") LIMIT 1`,
  [communeId],
).catch(() => ({ name: 'Hồ Sỹ Tùng' }))
// An applicant from a third of the way back: their CCCD, phone, the first 8 digits of the CCCD, and an old code.
const citizen = await one<{ citizenId: string; phone: string; code: string }>(
  `SELECT "applicantCitizenId" AS "citizenId", "applicantPhone" AS phone, code FROM "Dossier" WHERE "communeId" = $1 AND "applicantCitizenId" IS NOT NULL
   ORDER BY "submittedAt" LIMIT 1 OFFSET (SELECT count(*) / 3 FROM "Dossier" WHERE "communeId" = $1)`,
  [communeId],
)
const codeDay = await one<{ prefix: string }>(
  `SELECT split_part(code, '-', 1) || '-' || split_part(code, '-', 2) AS prefix FROM "Dossier" WHERE "communeId" = $1 ORDER BY "submittedAt" DESC LIMIT 1`,
  [communeId],
)
const familyOnly = commonName.name.split(' ')[0] ?? 'nguyen'

// ─── Cases ───

type Case = { name: string; role: Role; query: Record<string, string> }
const QUEUE_ROLE: Record<StaffQueue, Role> = {
  new: 'clerk',
  mine: 'specialist',
  approval: 'leader',
  to_return: 'clerk',
  due_soon: 'clerk',
  overdue: 'clerk',
  supplement: 'clerk',
  all: 'clerk',
}
const DEEP_PAGE = 10

async function call(role: Role, query: Record<string, string>, prisma: PrismaClient = client) {
  return listStaffQueue(prisma, { actor: actors[role], query, now })
}

/** The cursor of page `page` (following nextCursor from the first page), or the last page there is. */
async function deepQuery(role: Role, query: Record<string, string>): Promise<{ query: Record<string, string>; page: number }> {
  let current = query
  let page = 1
  while (page < DEEP_PAGE) {
    const result = await call(role, current)
    if (!result.nextCursor) break
    current = { ...query, after: result.nextCursor }
    page++
  }
  return { query: current, page }
}

const cases: Case[] = []
for (const queue of Object.keys(QUEUE_ROLE) as StaffQueue[]) {
  const role = QUEUE_ROLE[queue]
  cases.push({ name: `${queue} · page 1`, role, query: { queue } })
  const deep = await deepQuery(role, { queue })
  if (deep.page > 1) cases.push({ name: `${queue} · page ${deep.page}`, role, query: deep.query })
}
cases.push(
  { name: `all · procedure (common, ${commonProcedure.n} in commune)`, role: 'clerk', query: { queue: 'all', procedure: commonProcedure.id } },
  { name: `all · procedure (rare, ${rareProcedure.n} in commune)`, role: 'clerk', query: { queue: 'all', procedure: rareProcedure.id } },
  { name: `mine · procedure (their most common)`, role: 'specialist', query: { queue: 'mine', procedure: specialistProcedure.id } },
  { name: `all · name "${commonName.name}" (${commonName.n} in commune)`, role: 'clerk', query: { queue: 'all', q: commonName.name } },
  { name: `all · name "${familyOnly}"`, role: 'clerk', query: { queue: 'all', q: familyOnly } },
  { name: `all · name "${rareName.name}" (once, old)`, role: 'clerk', query: { queue: 'all', q: rareName.name } },
  { name: `all · name with no match`, role: 'clerk', query: { queue: 'all', q: 'Khổng Tử Nhân' } },
  { name: `new · name "${commonName.name}"`, role: 'clerk', query: { queue: 'new', q: commonName.name } },
  { name: `all · CCCD ${citizen.citizenId}`, role: 'clerk', query: { queue: 'all', q: citizen.citizenId } },
  { name: `all · phone ${citizen.phone}`, role: 'clerk', query: { queue: 'all', q: citizen.phone } },
  { name: `all · digits ${citizen.citizenId.slice(0, 8)} (start of a CCCD)`, role: 'clerk', query: { queue: 'all', q: citizen.citizenId.slice(0, 8) } },
  { name: `all · full code ${citizen.code} (a month old)`, role: 'clerk', query: { queue: 'all', q: citizen.code } },
  { name: `all · code prefix ${codeDay.prefix}`, role: 'clerk', query: { queue: 'all', q: codeDay.prefix } },
)
const deepAll = cases.find((entry) => entry.name.startsWith('all · page '))
if (deepAll) cases.push({ name: `all · ${deepAll.name.slice(6)}, size 100`, role: 'clerk', query: { ...deepAll.query, size: '100' } })

const selected = cases.filter((entry) => entry.name.includes(options.only))
if (selected.length === 0) throw new Error(`--only "${options.only}" matches none of: ${cases.map((entry) => entry.name).join('; ')}`)

// ─── Measure ───

const server = await sql.query<{ version: string; shared_buffers: string; work_mem: string; jit: string }>(
  `SELECT split_part(version(), ' on ', 1) AS version, current_setting('shared_buffers') AS shared_buffers,
          current_setting('work_mem') AS work_mem, current_setting('jit') AS jit`,
)
const info = server.rows[0]!
console.log(
  `\n${info.version} (shared_buffers ${info.shared_buffers}, work_mem ${info.work_mem}, jit ${info.jit}); ` +
    `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}.`,
)
console.log(
  `Data (${reused ? 'reused' : 'built now'}; generated for now = ${meta.now}, ${meta.days} days of history, ~${Math.round(meta.provinceDaily)} dossiers a day):\n` +
    `  dossiers ${counts.total.toLocaleString('en')}, open ${counts.open.toLocaleString('en')}; ` +
    `commune ${options.communeCode} (${demoCommune.name}): ${counts.commune_total.toLocaleString('en')} dossiers, ` +
    `${counts.commune_open.toLocaleString('en')} open (busiest: ${counts.busiest_code}, ${counts.busiest_open.toLocaleString('en')} open).`,
)
const indexNames = await sql.query<{ name: string }>(
  `SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = '"Dossier"'::regclass ORDER BY 1`,
)
console.log(`  "Dossier" indexes: ${indexNames.rows.map((row) => row.name.replace(/^Dossier_/, '')).join(', ')}.`)
const loadAverage = () => os.loadavg().map((value) => value.toFixed(1)).join(' / ')
console.log(`Load average (1/5/15 min) before measuring: ${loadAverage()} — other work on the machine shows up in the figures.`)
console.log(`Measuring ${selected.length} cases × ${options.iterations} calls (after ${options.warmup} warm-up calls each), one at a time.\n`)

type Result = { entry: Case; summary: Summary; samples: number[]; rows: number; counts: Record<string, number> }
const results: Result[] = []
for (const entry of selected) {
  for (let index = 0; index < options.warmup; index++) await call(entry.role, entry.query)
  const samples: number[] = []
  let last: Awaited<ReturnType<typeof call>> | null = null
  for (let index = 0; index < options.iterations; index++) {
    const started = performance.now()
    last = await call(entry.role, entry.query)
    samples.push(performance.now() - started)
  }
  results.push({ entry, summary: summarize(samples), samples, rows: last?.rows.length ?? 0, counts: last?.counts ?? {} })
}

const queueTotal = (result: Result) => {
  const queue = result.entry.query.queue as StaffQueue
  return queue === 'all' ? '' : String(result.counts[queue] ?? '')
}
console.log(
  formatTable(
    ['case', 'role', 'rows', 'in queue', 'p50 ms', 'p95 ms', 'max ms'],
    results.map((result) => [
      result.entry.name,
      result.entry.role,
      String(result.rows),
      queueTotal(result),
      ms(result.summary.p50),
      ms(result.summary.p95),
      ms(result.summary.max),
    ]),
    [false, false, true, true, true, true, true],
  ),
)
console.log(`\nLoad average (1/5/15 min) after measuring: ${loadAverage()}.`)
const overall = summarize(results.flatMap((result) => result.samples))
const worst = [...results].sort((a, b) => b.summary.p95 - a.summary.p95)
console.log(
  `\nOverall (${overall.count} calls): p50 ${ms(overall.p50)} ms, p95 ${ms(overall.p95)} ms, max ${ms(overall.max)} ms; ` +
    `worst case p95 ${ms(worst[0]!.summary.p95)} ms (${worst[0]!.entry.name}). ` +
    `Target p95 < ${TARGET_P95_MS} ms: ${overall.p95 < TARGET_P95_MS ? 'MET' : 'MISSED'} overall, ` +
    `${results.filter((result) => result.summary.p95 >= TARGET_P95_MS).length} of ${results.length} cases at or above it.`,
)

// ─── Plans of the slowest cases: the same SQL and parameters the adapter sent, captured at the pool ───

if (options.explain > 0) {
  const pool = new pg.Pool({ connectionString: options.url, max: 2 })
  const captured: { text: string; values: unknown[] }[] = []
  const send = pool.query.bind(pool) as (config: unknown) => Promise<unknown>
  ;(pool as unknown as { query: (config: unknown) => Promise<unknown> }).query = (config: unknown) => {
    if (config && typeof config === 'object' && 'text' in config) {
      const { text, values } = config as { text: string; values?: unknown[] }
      if (text.includes('FROM "Dossier" d')) captured.push({ text, values: values ?? [] })
    }
    return send(config)
  }
  const capturing = new PrismaClient({ adapter: new PrismaPg(pool) })
  try {
    for (const result of worst.slice(0, options.explain)) {
      captured.length = 0
      await call(result.entry.role, result.entry.query, capturing)
      console.log(`\n── EXPLAIN (ANALYZE, BUFFERS): ${result.entry.name} (p95 ${ms(result.summary.p95)} ms) ──`)
      for (const query of [...captured]) {
        const kind = query.text.includes('count(*) FILTER') ? 'counts (countQueues)' : 'page (findQueuePage)'
        const { rows } = await pool.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, values: query.values })
        console.log(`\n${kind}:\n${rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`)
      }
    }
  } finally {
    await capturing.$disconnect()
    await pool.end().catch(() => {})
  }
}

await client.$disconnect()
await sql.end()
