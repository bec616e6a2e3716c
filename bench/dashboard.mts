/**
 * Benchmark: the provincial dashboard's data (issue 8) on a large history — the app's own use-cases, which read the
 * maintained aggregates, side by side with the same figures computed naively from "Dossier" (written here, with
 * the definitions of src/server/stats/recount.ts). Target (issue acceptance): p95 < 150 ms at 10 M dossiers.
 *
 *   npm run bench:data -- --dossiers 10000000          # once: builds motcua_bench (see scripts/bench-data/cli.ts)
 *   npx tsx --conditions=react-server bench/dashboard.mts [--database-url URL] [--runs 50]
 *
 * Options:
 *   --database-url URL  the database (or BENCH_DATABASE_URL; default postgresql://postgres@127.0.0.1:5432/motcua_bench)
 *   --runs N            timed calls per aggregate case (default 50), after --warmup N untimed ones (default 5)
 *   --naive-runs N      timed calls per naive case (default 10, after 1 warm-up: each one scans a month of dossiers)
 *   --days N            the period: the N days ending "today" (default 30; 7, 30, 90 or 365)
 *   --commune CODE      the commune of the drill-down (default: the one that received most in the period)
 *   --now ISO           the instant measured at (default: the end of the generated history, from bench_meta)
 *   --no-naive          measure the aggregate cases only
 *   --no-write          do not write bench/results/dashboard-<date>.md
 *   --explain           print EXPLAIN (ANALYZE, BUFFERS) of the naive province queries at the end
 *
 * Cases, each called one at a time with an ADMIN actor (every commune):
 *   province  getProvinceDashboard (ranking of all communes, totals, daily/weekly trends, alerts)  | naive: 4 queries
 *   commune   getCommuneDashboard of the busiest commune (its procedures, trends)                 | naive: 2 queries
 *   procedure getProcedureInCommune (the commune's most common procedure)
 *   list      listDashboardDossiers, first page of 50, for a few measures (these read "Dossier" by design)
 * The naive queries run concurrently on a pool, as the use-cases run theirs; both sides' figures are compared
 * (every count of every commune), so the benchmark also checks the aggregates against the dossiers.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import type { Actor } from '@/domain/access/actor'
import { presetPeriod } from '@/domain/stats/dashboard-metrics'
import { DEFAULT_DASHBOARD_SORT, DEFAULT_LOAD_THRESHOLD, type DashboardMeasure, type DashboardPeriod, type DashboardPreset } from '@/domain/stats/dashboard-metrics-types'
import { loadActor } from '@/server/auth/load-actor'
import { getCommuneDashboard } from '@/server/dashboard/get-commune-dashboard'
import { getProcedureInCommune } from '@/server/dashboard/get-procedure-in-commune'
import { getProvinceDashboard } from '@/server/dashboard/get-province-dashboard'
import { listDashboardDossiers } from '@/server/dashboard/list-dashboard-dossiers'
import type { DashboardFigures } from '@/server/dashboard/dashboard-types'
import { createPrismaClient } from '@/server/prisma-client'
import { formatTable, ms, percentile } from './lib/stats'

const TARGET_P95_MS = 150

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : undefined
}
function count(name: string, fallback: number): number {
  const text = arg(name)
  const value = text === undefined ? fallback : Number(text.replaceAll('_', ''))
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number ≥ 0`)
  return value
}

const options = {
  url: arg('database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/motcua_bench',
  runs: Math.max(1, count('runs', 50)),
  warmup: count('warmup', 5),
  naiveRuns: Math.max(1, count('naive-runs', 10)),
  days: count('days', 30),
  commune: arg('commune'),
  now: arg('now'),
  naive: !process.argv.includes('--no-naive'),
  write: !process.argv.includes('--no-write'),
  explain: process.argv.includes('--explain'),
}
if (![7, 30, 90, 365].includes(options.days)) throw new Error('--days must be 7, 30, 90 or 365')

const sql = new pg.Pool({ connectionString: options.url, max: 10 })
const prisma = createPrismaClient(options.url, 10)

// ─── What is measured ───

type BuildRecord = { now: string; request?: { dossiers: number; days: number } }
const meta = await sql
  .query<{ value: BuildRecord }>(`SELECT value FROM bench_meta WHERE key = 'data'`)
  .then((result) => result.rows[0]?.value ?? null)
  .catch(() => null)
const now = new Date(options.now ?? meta?.now ?? new Date().toISOString())
if (Number.isNaN(now.getTime())) throw new Error('--now is not a date')
const period: DashboardPeriod = presetPeriod(options.days as DashboardPreset, now)

const admin = await prisma.user.findFirst({ where: { role: 'ADMIN', disabledAt: null }, orderBy: { username: 'asc' }, select: { id: true, sessionVersion: true, username: true } })
if (!admin) throw new Error('No ADMIN account: was the database seeded (npm run bench:data)?')
const actor: Actor | null = await loadActor(prisma, admin.id, admin.sessionVersion)
if (!actor) throw new Error(`${admin.username} cannot sign in`)

const startsAt = period.startsAt.toISOString()
const endsBefore = period.endsBefore.toISOString()
const busiest = await sql.query<{ code: string; id: string; name: string; n: number }>(
  `SELECT c.code, c.id, c.name, sum(s.received)::int AS n FROM "DossierDailyStat" s JOIN "Commune" c ON c.id = s."communeId"
   WHERE s.day BETWEEN $1::date AND $2::date ${options.commune ? 'AND c.code = $3' : ''}
   GROUP BY 1, 2, 3 ORDER BY 4 DESC LIMIT 1`,
  options.commune ? [period.from, period.to, options.commune] : [period.from, period.to],
)
const commune = busiest.rows[0]
if (!commune) throw new Error(options.commune ? `Commune ${options.commune} received nothing in the period` : 'No dossiers in the period')
const procedureRow = await sql.query<{ slug: string; n: number }>(
  `SELECT p.slug, sum(s.received)::int AS n FROM "DossierDailyStat" s JOIN "Procedure" p ON p.id = s."procedureId"
   WHERE s."communeId" = $1 AND s.day BETWEEN $2::date AND $3::date GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
  [commune.id, period.from, period.to],
)
const procedureCode = procedureRow.rows[0]?.slug
if (!procedureCode) throw new Error('No procedure in the period')

// ─── The naive side: the same figures from "Dossier" (definitions of src/server/stats/recount.ts) ───

const local = (column: string) => `((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Ho_Chi_Minh')`
const OPEN = `('SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN')`
const CLOCK_RUNS = `d.state IN ('PROCESSING', 'READY_TO_RETURN') AND d."clockPausedAt" IS NULL`

/** $1 starts, $2 ends before, $3 now, $4 today (local); $5 the commune when `key` is the procedure. */
function naiveFiguresSql(key: 'communeId' | 'procedureId'): string {
  const scope = key === 'procedureId' ? `d."communeId" = $5::uuid` : 'TRUE'
  return `
WITH received AS (
  SELECT d."${key}" AS key, count(*) AS received,
    count(*) FILTER (WHERE d.channel = 'ONLINE') AS "receivedOnline",
    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Attachment" a WHERE a."communeId" = d."communeId" AND a."dossierId" = d.id AND a.kind IN ('APPLICATION', 'SUPPLEMENT'))) AS "receivedDigitised",
    count(*) FILTER (WHERE d."feeVnd" > 0) AS "feeDue",
    count(*) FILTER (WHERE d."feeVnd" > 0 AND EXISTS (SELECT 1 FROM "Payment" p WHERE p."dossierId" = d.id
      AND p.method IN ('VIETQR', 'GATEWAY') AND p.status IN ('PAID', 'REFUNDED'))) AS "feePaidOnline"
  FROM "Dossier" d
  WHERE d."submittedAt" >= $1::timestamp AND d."submittedAt" < $2::timestamp AND ${scope}
  GROUP BY 1
),
ended AS (
  SELECT d."${key}" AS key,
    count(*) FILTER (WHERE d.state = 'RETURNED') AS resolved,
    count(*) FILTER (WHERE d.state = 'RETURNED' AND d.outcome = 'EARLY') AS "resolvedEarly",
    count(*) FILTER (WHERE d.state = 'RETURNED' AND d.outcome = 'ON_TIME') AS "resolvedOnTime",
    count(*) FILTER (WHERE d.state = 'RETURNED' AND d.outcome = 'LATE') AS "resolvedLate",
    count(*) FILTER (WHERE d.state = 'RETURNED' AND EXISTS (SELECT 1 FROM "Attachment" a WHERE a."communeId" = d."communeId" AND a."dossierId" = d.id AND a.kind = 'RESULT')) AS "resolvedElectronic",
    count(*) FILTER (WHERE d.state = 'REFUSED') AS refused,
    count(*) FILTER (WHERE d.state = 'WITHDRAWN') AS withdrawn,
    coalesce(sum(m.minutes), 0) AS "processingMinutes"
  FROM "Dossier" d
  LEFT JOIN LATERAL (
    SELECT floor(sum(greatest(0, extract(epoch FROM
             least(g.day + time '17:00', ${local('d."completedAt"')}) - greatest(g.day + time '07:30', ${local('d."receivedAt"')})))) / 60)::bigint AS minutes
    FROM generate_series(${local('d."receivedAt"')}::date::timestamp, ${local('d."completedAt"')}::date::timestamp, interval '1 day') AS g(day)
    LEFT JOIN "CalendarDay" c ON c.date = g.day::date
    WHERE d.state = 'RETURNED' AND d."receivedAt" IS NOT NULL AND d."completedAt" > d."receivedAt"
      AND (c.kind = 'WORKING_DAY' OR (c.kind IS NULL AND extract(isodow FROM g.day) < 6))
  ) m ON true
  WHERE d."completedAt" >= $1::timestamp AND d."completedAt" < $2::timestamp AND d.state IN ('RETURNED', 'REFUSED', 'WITHDRAWN') AND ${scope}
  GROUP BY 1
),
rated AS (
  SELECT d."${key}" AS key, count(*) AS "ratingsCount", sum(r.score) AS "ratingsSum", count(*) FILTER (WHERE r.score >= 4) AS "ratingsSatisfied"
  FROM "DossierRating" r JOIN "Dossier" d ON d.id = r."dossierId"
  WHERE r."createdAt" >= $1::timestamp AND r."createdAt" < $2::timestamp AND ${scope}
  GROUP BY 1
),
open AS (
  SELECT d."${key}" AS key,
    count(*) FILTER (WHERE d.state = 'SUBMITTED') AS "waitingReception",
    count(*) FILTER (WHERE d.state IN ('PROCESSING', 'READY_TO_RETURN')) AS "inProgress",
    count(*) FILTER (WHERE d.state = 'AWAITING_SUPPLEMENT') AS "awaitingSupplement",
    count(*) FILTER (WHERE ${CLOCK_RUNS} AND d."dueAt" < $3::timestamp) AS "overdueNow",
    count(*) FILTER (WHERE ${CLOCK_RUNS} AND ${local('d."dueAt"')}::date >= $4::date - 7 AND ${local('d."dueAt"')}::date < $4::date) AS "overdueLastWeek",
    count(*) FILTER (WHERE ${CLOCK_RUNS} AND ${local('d."dueAt"')}::date >= $4::date - 14 AND ${local('d."dueAt"')}::date < $4::date - 7) AS "overduePreviousWeek"
  FROM "Dossier" d
  WHERE d.state IN ${OPEN} AND ${scope}
  GROUP BY 1
)
SELECT key::text AS key, ${NAIVE_KEYS.map((name) => `coalesce("${name}", 0)::float8 AS "${name}"`).join(', ')}
FROM received FULL JOIN ended USING (key) FULL JOIN rated USING (key) FULL JOIN open USING (key)`
}
const NAIVE_KEYS = [
  'received',
  'receivedOnline',
  'receivedDigitised',
  'feeDue',
  'feePaidOnline',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'resolvedElectronic',
  'refused',
  'withdrawn',
  'processingMinutes',
  'ratingsCount',
  'ratingsSatisfied',
  'waitingReception',
  'inProgress',
  'awaitingSupplement',
  'overdueNow',
] as const satisfies readonly (keyof DashboardFigures)[]
type NaiveRow = { key: string } & Record<(typeof NAIVE_KEYS)[number], number>

/** Daily trend from "Dossier": received / resolved / ratings by local day. $1 starts, $2 ends before; $3 the commune. */
function naiveTrendSql(scoped: boolean): string {
  const scope = scoped ? `d."communeId" = $3::uuid` : 'TRUE'
  return `
SELECT day::text, sum(received)::int AS received, sum(online)::int AS "receivedOnline", sum(resolved)::int AS resolved,
       sum(early)::int AS "resolvedEarly", sum(on_time)::int AS "resolvedOnTime", sum(late)::int AS "resolvedLate",
       sum(refused)::int AS refused, sum(withdrawn)::int AS withdrawn, sum(ratings)::int AS "ratingsCount", sum(satisfied)::int AS "ratingsSatisfied"
FROM (
  SELECT ${local('d."submittedAt"')}::date AS day, 1 AS received, (d.channel = 'ONLINE')::int AS online, 0 AS resolved, 0 AS early, 0 AS on_time,
         0 AS late, 0 AS refused, 0 AS withdrawn, 0 AS ratings, 0 AS satisfied
  FROM "Dossier" d WHERE d."submittedAt" >= $1::timestamp AND d."submittedAt" < $2::timestamp AND ${scope}
  UNION ALL
  SELECT ${local('d."completedAt"')}::date, 0, 0, (d.state = 'RETURNED')::int, (d.state = 'RETURNED' AND d.outcome = 'EARLY')::int,
         (d.state = 'RETURNED' AND d.outcome = 'ON_TIME')::int, (d.state = 'RETURNED' AND d.outcome = 'LATE')::int,
         (d.state = 'REFUSED')::int, (d.state = 'WITHDRAWN')::int, 0, 0
  FROM "Dossier" d WHERE d."completedAt" >= $1::timestamp AND d."completedAt" < $2::timestamp AND d.state IN ('RETURNED', 'REFUSED', 'WITHDRAWN') AND ${scope}
  UNION ALL
  SELECT ${local('r."createdAt"')}::date, 0, 0, 0, 0, 0, 0, 0, 0, 1, (r.score >= 4)::int
  FROM "DossierRating" r JOIN "Dossier" d ON d.id = r."dossierId" WHERE r."createdAt" >= $1::timestamp AND r."createdAt" < $2::timestamp AND ${scope}
) facts
GROUP BY day ORDER BY day`
}

/** Communes × local days received above the threshold. $1 starts, $2 ends before, $3 threshold. */
const NAIVE_LOAD_PEAKS_SQL = `
SELECT d."communeId"::text AS "communeId", ${local('d."submittedAt"')}::date::text AS day, count(*)::int AS received
FROM "Dossier" d WHERE d."submittedAt" >= $1::timestamp AND d."submittedAt" < $2::timestamp
GROUP BY 1, 2 HAVING count(*) > $3::int`

const NAIVE_COMMUNES_SQL = `SELECT id, code, name, "provinceId", "isActive" FROM "Commune"`

async function naiveProvince(): Promise<{ rows: NaiveRow[]; peaks: number }> {
  const figureParams = [startsAt, endsBefore, now.toISOString(), period.to]
  const [, figures, , peaks] = await Promise.all([
    sql.query(NAIVE_COMMUNES_SQL),
    sql.query<NaiveRow>(naiveFiguresSql('communeId'), figureParams),
    sql.query(naiveTrendSql(false), [startsAt, endsBefore]),
    sql.query<{ communeId: string }>(NAIVE_LOAD_PEAKS_SQL, [startsAt, endsBefore, DEFAULT_LOAD_THRESHOLD]),
  ])
  return { rows: figures.rows, peaks: new Set(peaks.rows.map((row) => row.communeId)).size }
}

async function naiveCommune(): Promise<NaiveRow[]> {
  const [figures] = await Promise.all([
    sql.query<NaiveRow>(naiveFiguresSql('procedureId'), [startsAt, endsBefore, now.toISOString(), period.to, commune!.id]),
    sql.query(naiveTrendSql(true), [startsAt, endsBefore, commune!.id]),
  ])
  return figures.rows
}

// ─── Cases ───

type Case = { name: string; side: 'aggregates' | 'naive' | 'dossiers'; runs: number; warmup: number; call: () => Promise<unknown> }
const sort = DEFAULT_DASHBOARD_SORT
const cases: Case[] = [
  { name: `province · ${options.days} days`, side: 'aggregates', runs: options.runs, warmup: options.warmup, call: () => getProvinceDashboard(prisma, { actor, period, sort, now }) },
  { name: `commune ${commune.code} · ${options.days} days`, side: 'aggregates', runs: options.runs, warmup: options.warmup, call: () => getCommuneDashboard(prisma, { actor, communeCode: commune.code, period, sort, now }) },
  {
    name: `procedure ${procedureCode} in ${commune.code}`,
    side: 'aggregates',
    runs: options.runs,
    warmup: options.warmup,
    call: () => getProcedureInCommune(prisma, { actor, communeCode: commune.code, procedureCode, period, now }),
  },
]
const LIST_MEASURES: DashboardMeasure[] = ['received', 'resolvedLate', 'overdueNow', 'receivedDigitised']
for (const measure of LIST_MEASURES) {
  cases.push({
    name: `list ${commune.code} · ${measure} · page 1`,
    side: 'dossiers',
    runs: options.runs,
    warmup: options.warmup,
    call: () => listDashboardDossiers(prisma, { actor, communeCode: commune.code, measure, period, now, limit: 50 }),
  })
}
if (options.naive) {
  cases.splice(1, 0, { name: `province · ${options.days} days`, side: 'naive', runs: options.naiveRuns, warmup: 1, call: naiveProvince })
  cases.splice(3, 0, { name: `commune ${commune.code} · ${options.days} days`, side: 'naive', runs: options.naiveRuns, warmup: 1, call: naiveCommune })
}

// ─── Measure ───

const server = await sql.query<{ version: string; shared_buffers: string; work_mem: string; parallel: string; size: string }>(
  `SELECT split_part(version(), ' on ', 1) AS version, current_setting('shared_buffers') AS shared_buffers, current_setting('work_mem') AS work_mem,
          current_setting('max_parallel_workers_per_gather') AS parallel, pg_size_pretty(pg_database_size(current_database())) AS size`,
)
const volume = await sql.query<{ dossiers: number; open: number; commune_total: number; in_period: number }>(
  `SELECT (SELECT count(*) FROM "Dossier")::int AS dossiers,
          (SELECT count(*) FROM "Dossier" WHERE state IN ${OPEN})::int AS open,
          (SELECT count(*) FROM "Dossier" WHERE "communeId" = $1)::int AS commune_total,
          (SELECT sum(received) FROM "DossierDailyStat" WHERE day BETWEEN $2::date AND $3::date)::int AS in_period`,
  [commune.id, period.from, period.to],
)
const info = server.rows[0]!
const v = volume.rows[0]!
const fmt = (value: number) => value.toLocaleString('en')
const loadAverage = () => os.loadavg().map((value) => value.toFixed(1)).join(' / ')
const context = [
  `${info.version} (shared_buffers ${info.shared_buffers}, work_mem ${info.work_mem}, max_parallel_workers_per_gather ${info.parallel}); ` +
    `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}.`,
  `Database ${new URL(options.url).pathname.slice(1)} (${info.size}): ${fmt(v.dossiers)} dossiers, ${fmt(v.open)} open; ` +
    `${fmt(v.in_period)} received in the period ${period.from} … ${period.to} (now = ${now.toISOString()}${meta ? ', the end of the generated history' : ''}).`,
  `Drill-down: commune ${commune.code} (${commune.name}), ${fmt(commune.n)} received in the period, ${fmt(v.commune_total)} dossiers in all; procedure ${procedureCode}.`,
]
for (const line of context) console.log(line)
// Which code was measured: the commit, and whether the dashboard's data layer differed from it (read-only git).
const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' }, stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return ''
  }
}
const commit = git('rev-parse', '--short', 'HEAD')
const changed = git('status', '--porcelain', '--untracked-files=no', '--', 'src/server/dashboard', 'src/server/stats', 'src/domain/stats', 'prisma/migrations').split('\n').filter(Boolean).length
if (commit) {
  context.push(`Code: commit ${commit}${changed > 0 ? `, with ${changed} uncommitted changed file(s) in the dashboard's data layer, stats or migrations` : ''}.`)
  console.log(context.at(-1))
}
const before = loadAverage()
console.log(`Load average (1/5/15 min) before: ${before} — other work on the machine shows up in the figures.\n`)

type Result = { entry: Case; samples: number[] }
const results: Result[] = []
for (const entry of cases) {
  for (let index = 0; index < entry.warmup; index++) await entry.call()
  const samples: number[] = []
  for (let index = 0; index < entry.runs; index++) {
    const started = performance.now()
    await entry.call()
    samples.push(performance.now() - started)
  }
  results.push({ entry, samples })
  const p95 = percentile(samples, 95)
  console.log(`  ${entry.side.padEnd(10)} ${entry.name}: p50 ${ms(percentile(samples, 50))} ms, p95 ${ms(p95)} ms (${samples.length} runs)`)
}
const after = loadAverage()

// ─── Do both sides give the same figures? ───

let agreement = 'not checked (--no-naive)'
if (options.naive) {
  const real = await getProvinceDashboard(prisma, { actor, period, sort, now })
  const naive = await naiveProvince()
  const byCommune = new Map(naive.rows.map((row) => [row.key, row]))
  const differences: string[] = []
  for (const row of real.rows) {
    const other = byCommune.get(row.communeId)
    for (const key of NAIVE_KEYS) {
      const expected = other?.[key] ?? 0
      if (row[key] !== expected) differences.push(`${row.communeCode} ${key}: aggregates ${row[key]}, dossiers ${expected}`)
    }
  }
  if (real.alerts.load.length !== naive.peaks) differences.push(`load alerts: aggregates ${real.alerts.load.length} communes, dossiers ${naive.peaks}`)
  agreement =
    differences.length === 0
      ? `the aggregates and the dossiers agree on all ${NAIVE_KEYS.length} counts of all ${real.rows.length} communes and on the ${naive.peaks} load alerts`
      : `${differences.length} DIFFERENCES, e.g. ${differences.slice(0, 5).join('; ')}`
  console.log(`\nFigures: ${agreement}.`)
}

const table = formatTable(
  ['side', 'case', 'runs', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
  results.map(({ entry, samples }) => [
    entry.side,
    entry.name,
    String(samples.length),
    ms(percentile(samples, 50)),
    ms(percentile(samples, 95)),
    ms(percentile(samples, 99)),
    ms(Math.max(...samples)),
  ]),
  [false, false, true, true, true, true, true],
)
console.log(`\n${table}\n\nLoad average (1/5/15 min) after: ${after}.`)
const province = results.find((result) => result.entry.side === 'aggregates' && result.entry.name.startsWith('province'))!
const provinceNaive = results.find((result) => result.entry.side === 'naive' && result.entry.name.startsWith('province'))
const aggregateCases = results.filter((result) => result.entry.side !== 'naive')
const missed = aggregateCases.filter((result) => percentile(result.samples, 95) >= TARGET_P95_MS)
const verdict =
  `Province dashboard p95 ${ms(percentile(province.samples, 95))} ms` +
  (provinceNaive ? ` (naive ${ms(percentile(provinceNaive.samples, 95))} ms, ×${(percentile(provinceNaive.samples, 95) / percentile(province.samples, 95)).toFixed(0)})` : '') +
  `. Target p95 < ${TARGET_P95_MS} ms: ${missed.length === 0 ? 'MET by every non-naive case' : `MISSED by ${missed.map((result) => `${result.entry.side} ${result.entry.name}`).join(', ')}`}.`
console.log(verdict)

if (options.write) {
  const day = new Date().toISOString().slice(0, 10)
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', `dashboard-${day}.md`)
  mkdirSync(path.dirname(file), { recursive: true })
  const command = `npx tsx --conditions=react-server bench/dashboard.mts ${process.argv.slice(2).join(' ')}`.trim()
  writeFileSync(
    file,
    [
      `# Dashboard benchmark, ${day}`,
      '',
      `\`${command}\``,
      '',
      ...context.map((line) => `- ${line}`),
      `- Load average (1/5/15 min): ${before} before, ${after} after (the machine is shared).`,
      `- Each case called one at a time with an ADMIN actor; warm-up calls excluded (${options.warmup} per aggregate case, 1 per naive case).`,
      '- aggregates: the use-cases of src/server/dashboard (DossierDailyStat / DossierOpenStat); naive: the same figures from "Dossier"',
      '  in SQL written in bench/dashboard.mts; dossiers: the drill-down list (reads "Dossier" through its indexes by design).',
      '',
      '```',
      table,
      '```',
      '',
      `Figures: ${agreement}.`,
      '',
      verdict,
      '',
    ].join('\n'),
  )
  console.log(`Written to ${path.relative(process.cwd(), file)}.`)
}

if (options.explain) {
  const figureParams = [startsAt, endsBefore, now.toISOString(), period.to]
  for (const [label, text, values] of [
    ['naive province figures', naiveFiguresSql('communeId'), figureParams],
    ['naive province trend', naiveTrendSql(false), [startsAt, endsBefore]],
    ['naive load peaks', NAIVE_LOAD_PEAKS_SQL, [startsAt, endsBefore, DEFAULT_LOAD_THRESHOLD]],
  ] as const) {
    const { rows } = await sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, [...values])
    console.log(`\n── ${label} ──\n${rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`)
  }
}

await prisma.$disconnect()
await sql.end()
