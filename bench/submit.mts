/**
 * Benchmark: online submissions through POST /api/dossiers on the production build, under N concurrent
 * clients (autocannon), next to pgbench's figure for a comparable insert transaction measured in the same run.
 * Target (issue 6 acceptance): ≥ 500 submissions a second with p95 < 100 ms under 50 clients on the 2-core machine.
 *
 *   npx tsx --conditions=react-server bench/submit.mts [--connections 50] [--duration 20]
 *
 * Options:
 *   --connections N   concurrent HTTP clients, and pgbench clients (default 50)
 *   --duration S      seconds of each measured run (default 20), after --warmup S unmeasured ones (default 5)
 *   --pool N          the app's database pool (DATABASE_POOL_MAX; default 10, as `npm start`)
 *   --port P          the app's port (default: one the system picks)
 *   --commune CODE    the commune of the one-commune run (default 16681, Phường Thành Vinh)
 *   --procedure SLUG  the procedure submitted (default: one without required file slots, else birth registration)
 *   --dossiers N      demo history seeded into a new database (default 2000)
 *   --no-pgbench      skip the pgbench runs;  --no-profile  skip the in-process profile
 *   --fresh           drop and recreate the database first
 *
 * The database is BENCH_DATABASE_URL or postgresql://postgres@127.0.0.1:5432/motcua_bench_submit: created,
 * migrated and seeded when missing (bench/lib/submit-database.ts), reused otherwise — the dossiers of earlier
 * runs stay. It needs a production build (`npx next build`); the server runs on its own port with a fresh
 * NEXTAUTH_SECRET, and the demo citizens' session cookies are minted with it (bench/lib/submit-load.ts).
 *
 * Runs, in order: a check (201, replay 200, invalid 422); warm-up; the load spread over every commune
 * round-robin; the load in ONE commune (its code counter row is locked by each submission until commit: the
 * busiest case); idempotency under concurrency (a key sent twice at once, earlier keys again); one client at a
 * time; pgbench (spread, one commune, and with the app's pool size as clients); the in-process profile
 * (bench/lib/submit-profile.ts). The machine is shared: the load average and the CPU of each party (app
 * server, PostgreSQL backends, this load generator, the whole machine) are printed with each run.
 */
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import pg from 'pg'
import { WorkflowGraphSchema } from '@/domain/workflow/workflow-graph'
import { cpuBetween, cpuSnapshot, describeCpu, type CpuUse } from './lib/cpu-meter'
import { buildIsStale, freePort, productionBuildId, startAppServer, type AppServer } from './lib/next-server'
import { dropScratchTables, findPgbench, prepareScratchTables, runPgbench, type PgbenchResult, type PgbenchSubject } from './lib/pgbench-submit'
import { formatTable, ms, percentile } from './lib/stats'
import { ensureSubmitBenchDatabase } from './lib/submit-database'
import { formsFor, runSubmitLoad, sessionCookie, submitOnce, type LoadResult, type Submitter } from './lib/submit-load'
import { profileSubmitOnline, type SubmitProfile } from './lib/submit-profile'

const TARGET_RPS = 500
const TARGET_P95_MS = 100

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback
}
function count(name: string, fallback: number, min = 0): number {
  const value = Number(arg(name, String(fallback)).replaceAll('_', '').replaceAll(',', ''))
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number ≥ ${min}`)
  return value
}

const options = {
  connections: count('connections', 50, 1),
  duration: count('duration', 20, 1),
  warmup: count('warmup', 5),
  pool: count('pool', 10, 1),
  port: count('port', 0),
  commune: arg('commune', '16681'),
  procedure: process.argv.includes('--procedure') ? arg('procedure', '') : null,
  dossiers: count('dossiers', 2000),
  pgbench: !process.argv.includes('--no-pgbench'),
  profile: !process.argv.includes('--no-profile'),
  fresh: process.argv.includes('--fresh'),
  url: process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/motcua_bench_submit',
}
const log = (message: string) => console.log(message)
const loadAverage = () => os.loadavg().map((value) => value.toFixed(1)).join(' / ')
const perSecond = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–')

// ─── Database, build, server ───

const buildId = productionBuildId()
if (!buildId) {
  console.error('No production build (.next/BUILD_ID): run `npx next build` first.')
  process.exit(1)
}
if (buildIsStale()) log('Warning: sources changed since the production build — the figures are of the older build (`npx next build` to refresh).')
log(`Load average (1/5/15 min) at start: ${loadAverage()} — other work on the machine shows up in the figures.`)
const db = await ensureSubmitBenchDatabase({ url: options.url, dossiers: options.dossiers, fresh: options.fresh, procedureSlug: options.procedure, log })
const { procedure } = db
log(
  `Procedure: ${procedure.nameVi} (${procedure.slug}, form "${procedure.kind}")` +
    (procedure.relaxedSlots.length > 0
      ? `. Every seeded procedure has a required file slot, which this JSON endpoint cannot fill (files go to drafts on the form page): ` +
        `its slots ${procedure.relaxedSlots.join(', ')} were made optional in ${db.name} only.`
      : ', no required file slot.'),
)
if (!db.communes.some((commune) => commune.code === options.commune)) throw new Error(`--commune ${options.commune}: no active commune with that code`)
// The in-process profile runs the use-case here, which reads the server environment.
process.env.DATABASE_URL = options.url

const sql = new pg.Client({ connectionString: options.url })
await sql.connect()

const secret = randomBytes(32).toString('base64url')
const now = new Date()
const submitters: Submitter[] = []
let invalidForms = 0
for (const citizen of db.citizens) {
  const { forms, invalid } = formsFor(procedure, citizen, db.communes, 200, now)
  invalidForms += invalid
  if (forms.length === 0) throw new Error(`no valid form could be generated for ${citizen.fullName}`)
  submitters.push({ citizen, cookie: await sessionCookie(citizen, secret), forms })
}
log(`Submitters: ${submitters.length} demo citizens, ${submitters.reduce((sum, one) => sum + one.forms.length, 0)} different valid forms (${invalidForms} generated forms failed the schema and were left out).`)

const port = await freePort(options.port)
log(`Starting next start (build ${buildId}) on port ${port}…`)
const server: AppServer = await startAppServer({ port, databaseUrl: options.url, poolMax: options.pool, secret, log })

const runTag = `b${Date.now().toString(36)}`
const allCodes = db.communes.map((commune) => commune.code)

type Phase = {
  name: string
  load: LoadResult
  cpu: CpuUse
  rowsBefore: number
  rowsAfter: number
  runRows: number
  distinctKeys: number
  distinctCodes: number
  /** Error lines the server logged during the run, by kind. */
  serverErrors: Map<string, number>
}
const phases: Phase[] = []
const pgbenchResults: { name: string; result: PgbenchResult }[] = []
let profile: SubmitProfile | null = null
let sequentialHttp: LoadResult | null = null
const idempotency: string[] = []

async function dossierCount(): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Dossier"`)
  return rows[0]!.n
}
/**
 * The count once the server is done: autocannon stops at the deadline without waiting for the answers in
 * flight, whose transactions may still commit. Waits until none of the server's connections is busy and the
 * count holds still (at most 60 s).
 */
async function settledDossierCount(): Promise<number> {
  let last = await dossierCount()
  for (let attempt = 0; attempt < 60; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const busy = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state <> 'idle'`,
      [db.name],
    )
    const next = await dossierCount()
    if (next === last && busy.rows[0]!.n === 0) return next
    last = next
  }
  return last
}
function errorsBetween(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const result = new Map<string, number>()
  for (const [kind, times] of after) if (times > (before.get(kind) ?? 0)) result.set(kind, times - (before.get(kind) ?? 0))
  return result
}
async function rowsOfPrefix(prefix: string): Promise<{ rows: number; keys: number; codes: number }> {
  const { rows } = await sql.query<{ rows: number; keys: number; codes: number }>(
    `SELECT count(*)::int AS rows, count(DISTINCT "submissionKey")::int AS keys, count(DISTINCT code)::int AS codes FROM "Dossier" WHERE "submissionKey" LIKE $1`,
    [`online:%:key:${prefix}-%`],
  )
  return rows[0]!
}

try {
  // ─── Check one submission before measuring ───
  const first = submitters[0]!
  const checkKey = `${runTag}-check`
  const created = await submitOnce({ origin: server.origin, submitter: first, procedureSlug: procedure.slug, communeCode: options.commune, key: checkKey })
  if (created.status !== 201) throw new Error(`The check submission answered ${created.status}, not 201: ${created.body}`)
  const replay = await submitOnce({ origin: server.origin, submitter: first, procedureSlug: procedure.slug, communeCode: options.commune, key: checkKey })
  const invalid = await submitOnce({ origin: server.origin, submitter: first, procedureSlug: procedure.slug, communeCode: options.commune, key: `${runTag}-invalid`, form: '{"soDienThoai":"12"}' })
  const createdCode = (JSON.parse(created.body) as { code: string }).code
  const replayCode = replay.status === 200 ? (JSON.parse(replay.body) as { code: string }).code : null
  log(
    `Check: 201 ${createdCode} in ${ms(created.ms)} ms; same key again ${replay.status}${replayCode === createdCode ? ' with the same code' : ` (${replay.body.slice(0, 120)})`}; ` +
      `invalid form ${invalid.status} ${invalid.body.slice(0, 100)}.`,
  )
  if (replay.status !== 200 || replayCode !== createdCode || invalid.status !== 422) throw new Error('The endpoint does not behave as documented: not measuring.')

  // ─── Warm-up, then the measured runs ───
  if (options.warmup > 0) {
    const warm = await runSubmitLoad({ origin: server.origin, connections: Math.min(10, options.connections), durationSeconds: options.warmup, procedureSlug: procedure.slug, communeCodes: allCodes, submitters, keyPrefix: `${runTag}-warm` })
    log(`Warm-up: ${warm.latencies.length} requests in ${options.warmup} s (not measured).`)
  }
  const runs = [
    { name: `${options.connections} clients · 130 communes`, prefix: `${runTag}-spread`, codes: allCodes },
    { name: `${options.connections} clients · ONE commune (${options.commune})`, prefix: `${runTag}-one`, codes: [options.commune] },
  ]
  for (const run of runs) {
    log(`\n▶ HTTP ${run.name}, ${options.duration} s — load average ${loadAverage()}`)
    const rowsBefore = await settledDossierCount()
    const errorsBefore = server.errorCounts()
    const before = await cpuSnapshot(sql, db.name, server.pid)
    const load = await runSubmitLoad({ origin: server.origin, connections: options.connections, durationSeconds: options.duration, procedureSlug: procedure.slug, communeCodes: run.codes, submitters, keyPrefix: run.prefix })
    const cpu = cpuBetween(before, await cpuSnapshot(sql, db.name, server.pid))
    const rowsAfter = await settledDossierCount()
    const own = await rowsOfPrefix(run.prefix)
    const serverErrors = errorsBetween(errorsBefore, server.errorCounts())
    const phase: Phase = { name: run.name, load, cpu, rowsBefore, rowsAfter, runRows: own.rows, distinctKeys: own.keys, distinctCodes: own.codes, serverErrors }
    phases.push(phase)
    printPhase(phase)
  }

  // ─── Idempotency under concurrency ───
  {
    const errorsBefore = server.errorCounts()
    const pairs = 100
    const prefix = `${runTag}-twice`
    const sendTwice = await Promise.all(
      Array.from({ length: pairs * 2 }, (_, index) => {
        const pair = index >> 1
        return submitOnce({ origin: server.origin, submitter: submitters[pair % submitters.length]!, procedureSlug: procedure.slug, communeCode: allCodes[pair % allCodes.length]!, key: `${prefix}-${pair}` })
      }),
    )
    const statuses = tally(sendTwice.map((answer) => answer.status))
    const rows = await rowsOfPrefix(prefix)
    idempotency.push(`${pairs} keys each sent twice at once: answers ${describeStatuses(statuses)}; dossiers ${rows.rows} (expected ${pairs}).`)
    const spread = phases[0]!
    const earlier = spread.load.createdKeys.slice(0, 100)
    const rowsBefore = await dossierCount()
    // Keys are per applicant: each goes again from the citizen who sent it (the run's request index ends the key).
    const again = await Promise.all(
      earlier.map((key) => {
        const index = Number(key.slice(key.lastIndexOf('-') + 1))
        return submitOnce({ origin: server.origin, submitter: submitters[index % submitters.length]!, procedureSlug: procedure.slug, communeCode: allCodes[index % allCodes.length]!, key })
      }),
    )
    const added = (await dossierCount()) - rowsBefore
    idempotency.push(`${earlier.length} keys the first run created, sent again: answers ${describeStatuses(tally(again.map((answer) => answer.status)))}; new dossiers ${added} (expected 0).`)
    for (const line of idempotency) log(line)
    for (const [kind, times] of errorsBetween(errorsBefore, server.errorCounts())) log(`  server logged ${times}× ${kind}`)
  }

  // ─── One client: the latency floor over HTTP ───
  sequentialHttp = await runSubmitLoad({ origin: server.origin, connections: 1, durationSeconds: Math.min(5, options.duration), procedureSlug: procedure.slug, communeCodes: allCodes, submitters, keyPrefix: `${runTag}-single` })
  log(`One client at a time: ${sequentialHttp.latencies.length} submissions, p50 ${ms(percentile(sequentialHttp.latencies, 50))} ms, p95 ${ms(percentile(sequentialHttp.latencies, 95))} ms.`)
} catch (error) {
  console.error(`\n${(error as Error).message}\n--- last lines of the server ---\n${server.output().split('\n').slice(-20).join('\n')}`)
  await server.stop()
  await sql.end()
  process.exit(1)
}
await server.stop()

// ─── pgbench ───

const pgbenchPath = findPgbench()
if (options.pgbench && !pgbenchPath) log('\npgbench not found (PATH, /usr/lib/postgresql/*/bin): skipped.')
if (options.pgbench && pgbenchPath) {
  const sample = await sql.query<{
    procedureId: string
    procedureVersionId: string
    workflowVersionId: string
    applicantId: string
    applicantName: string
    applicantCitizenId: string
    applicantPhone: string
    form: string
  }>(
    `SELECT "procedureId", "procedureVersionId", "workflowVersionId", "applicantId", "applicantName", "applicantCitizenId", "applicantPhone", "formData"::text AS form
     FROM "Dossier" WHERE "submissionKey" LIKE $1 LIMIT 1`,
    [`online:%:key:${runTag}-%`],
  )
  const row = sample.rows[0]
  const graph = await sql.query<{ graph: unknown }>(`SELECT graph FROM "WorkflowVersion" WHERE id = $1`, [row?.workflowVersionId])
  if (!row || !graph.rows[0]) throw new Error('No dossier of this run to model the pgbench transaction on')
  const workflow = WorkflowGraphSchema.parse(graph.rows[0].graph)
  const start = workflow.steps.find((step) => step.key === workflow.startStep)!
  const subject: PgbenchSubject = {
    procedureId: row.procedureId,
    versionId: row.procedureVersionId,
    workflowVersionId: row.workflowVersionId,
    startState: start.state,
    startStep: start.key,
    applicant: { userId: row.applicantId, fullName: row.applicantName, citizenId: row.applicantCitizenId, phone: row.applicantPhone },
    form: row.form,
  }
  await prepareScratchTables(options.url)
  const pgRuns = [
    { name: `pgbench ${options.connections} clients · 130 communes`, clients: options.connections, communes: db.communes.length },
    { name: `pgbench ${options.connections} clients · ONE commune`, clients: options.connections, communes: 1 },
    ...(options.pool !== options.connections ? [{ name: `pgbench ${options.pool} clients (= app pool) · 130 communes`, clients: options.pool, communes: db.communes.length }] : []),
  ]
  try {
    for (const run of pgRuns) {
      log(`\n▶ ${run.name}, ${options.duration} s — load average ${loadAverage()}`)
      const result = await runPgbench({ pgbench: pgbenchPath, url: options.url, clients: run.clients, threads: Math.min(2, run.clients), durationSeconds: options.duration, communes: run.communes, subject })
      pgbenchResults.push({ name: run.name, result })
      log(
        `  ${result.transactions} transactions (${result.failed} failed): ${perSecond(result.tps)} tps; latency average ${ms(result.latencyAverageMs)} ms, stddev ${ms(result.latencyStddevMs)} ms, ` +
          `p50 ${ms(percentile(result.latencies, 50))} / p95 ${ms(percentile(result.latencies, 95))} / p99 ${ms(percentile(result.latencies, 99))} ms`,
      )
      if (result.cpu) {
        const { cpu } = result
        log(
          `  CPU over the first ${cpu.sampledSeconds.toFixed(1)} s: PostgreSQL backends ${Math.round((100 * cpu.postgres) / cpu.sampledSeconds)} %, pgbench ${Math.round((100 * cpu.client) / cpu.sampledSeconds)} % of a core; ` +
            `machine ${cpu.machineTotal > 0 ? Math.round((100 * cpu.machineBusy) / cpu.machineTotal) : '–'} % busy; ` +
            `PostgreSQL CPU per transaction ${((1000 * cpu.postgres) / Math.max(1, result.tps * cpu.sampledSeconds)).toFixed(1)} ms`,
        )
      }
    }
    log(`  (${pgbenchResults[0]?.result.command})`)
  } finally {
    await dropScratchTables(options.url)
  }
}

// ─── In-process profile ───

if (options.profile) {
  log(`\n▶ In-process profile of submitOnline (no HTTP), pool ${options.pool} — load average ${loadAverage()}`)
  const before = await cpuSnapshot(sql, db.name, null)
  profile = await profileSubmitOnline({
    url: options.url,
    poolMax: options.pool,
    callers: options.connections,
    concurrentSeconds: Math.min(10, options.duration),
    sequentialCalls: 30,
    procedureSlug: procedure.slug,
    communeCodes: allCodes,
    submitters,
    keyPrefix: `${runTag}-inproc`,
  })
  const cpu = cpuBetween(before, await cpuSnapshot(sql, db.name, null))
  const { statements, explain } = profile
  log(`  Statements per submission: ${statements.length} from submitOnline (+1 BEGIN Prisma does not report) + ${profile.actorStatements} for the session's user (loadActor) = ${statements.length + 1 + profile.actorStatements} round trips.`)
  const explained = new Map<number, (typeof explain)[number]>()
  let explainIndex = 0
  statements.forEach((statement, index) => {
    if (statement.label !== 'COMMIT' && explain[explainIndex]) explained.set(index, explain[explainIndex++]!)
  })
  log(
    formatTable(
      ['#', 'statement', 'Prisma ms (median of 30)', 'PG plan ms', 'PG exec ms'],
      statements.map((statement, index) => {
        const plan = explained.get(index)
        return [String(index + 1), statement.label, ms(statement.ms), plan ? (plan.error ? 'error' : plan.planningMs.toFixed(3)) : '', plan ? (plan.error ? plan.error.slice(0, 40) : plan.executionMs.toFixed(3)) : '']
      }),
      [true, false, true, true, true],
    )
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n'),
  )
  const okPlans = explain.filter((plan) => !plan.error)
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
  log(
    `  Sum: Prisma-reported ${ms(sum(statements.map((statement) => statement.ms)))} ms; PostgreSQL planning ${sum(okPlans.map((plan) => plan.planningMs)).toFixed(2)} ms + execution ${sum(okPlans.map((plan) => plan.executionMs)).toFixed(2)} ms ` +
      `(${okPlans.length} of ${explain.length} statements replayed under EXPLAIN ANALYZE in a rolled-back transaction).`,
  )
  log(
    `  One at a time: ${profile.sequential.calls} calls, p50 ${ms(profile.sequential.p50)} ms, p95 ${ms(profile.sequential.p95)} ms per submission.`,
  )
  const { perStatement } = profile
  log(
    `  One-row SELECT by code, 1,000 times: Prisma ${perStatement.prismaCpuMs.toFixed(2)} ms CPU (${perStatement.prismaWallMs.toFixed(2)} ms wall) vs pg ${perStatement.pgCpuMs.toFixed(2)} ms CPU ` +
      `(${perStatement.pgWallMs.toFixed(2)} ms wall) per statement.`,
  )
  const concurrent = profile.concurrent
  log(
    `  ${concurrent.callers} at a time (pool ${concurrent.poolMax}), ${concurrent.seconds.toFixed(1)} s: ${concurrent.submissions} submissions = ${perSecond(concurrent.submissions / concurrent.seconds)}/s, ` +
      `p50 ${ms(concurrent.p50)} / p95 ${ms(concurrent.p95)} / p99 ${ms(concurrent.p99)} ms, ${concurrent.errors} errors; ` +
      `${ms(concurrent.cpuMs)} ms of CPU in this process per submission (Prisma, pg driver, the use-case — no HTTP, no Next.js, no session).`,
  )
  for (const [kind, times] of concurrent.errorKinds) log(`    ${times}× ${kind}`)
  // The profile's own pool connections open and close inside the phase: their backends' CPU is not seen here.
  log(
    `  CPU: this process ${Math.round((100 * cpu.loadGenerator) / cpu.wallSeconds)} % of a core; ` +
      `machine ${cpu.machineTotal > 0 ? Math.round((100 * cpu.machineBusy) / cpu.machineTotal) : '–'} % busy.`,
  )
}

await sql.end()

// ─── Summary ───

log(`\nLoad average (1/5/15 min) at the end: ${loadAverage()}.`)
log(`\nSummary — ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), Node ${process.version}, app pool ${options.pool}, ${options.duration} s per run:\n`)
const rows: string[][] = []
for (const phase of phases) {
  const { load } = phase
  const ok = (load.statuses.get(201) ?? 0) + (load.statuses.get(200) ?? 0)
  const errors = load.latencies.length - ok + load.socketErrors
  rows.push([
    `HTTP ${phase.name}`,
    perSecond(load.latencies.length / load.durationSeconds),
    perSecond((load.statuses.get(201) ?? 0) / load.durationSeconds),
    ms(percentile(load.latencies, 50)),
    ms(percentile(load.latencies, 95)),
    ms(percentile(load.latencies, 99)),
    ms(Math.max(...load.latencies)),
    String(errors),
    String(phase.rowsAfter - phase.rowsBefore),
    String(phase.runRows - phase.distinctKeys + (phase.runRows - phase.distinctCodes)),
  ])
}
for (const { name, result } of pgbenchResults) {
  rows.push([
    name,
    perSecond(result.tps),
    perSecond(result.tps),
    ms(percentile(result.latencies, 50)),
    ms(percentile(result.latencies, 95)),
    ms(percentile(result.latencies, 99)),
    ms(Math.max(...result.latencies)),
    String(result.failed),
    String(result.transactions),
    '',
  ])
}
if (profile) {
  const concurrent = profile.concurrent
  rows.push([
    `in-process submitOnline · ${concurrent.callers} callers`,
    perSecond(concurrent.submissions / concurrent.seconds),
    perSecond(concurrent.submissions / concurrent.seconds),
    ms(concurrent.p50),
    ms(concurrent.p95),
    ms(concurrent.p99),
    '',
    String(concurrent.errors),
    String(concurrent.submissions),
    '',
  ])
}
log(formatTable(['run', 'req/s', 'created/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'rows', 'dup'], rows, [false, true, true, true, true, true, true, true, true, true]))
for (const { result } of pgbenchResults.slice(0, 1)) log(`\npgbench: tps and latency average ${ms(result.latencyAverageMs)} ± ${ms(result.latencyStddevMs)} ms (stddev) as pgbench reports them; percentiles from its --log.`)
for (const line of idempotency) log(line)

const spread = phases[0]
if (spread) {
  const created = (spread.load.statuses.get(201) ?? 0) / spread.load.durationSeconds
  const p95 = percentile(spread.load.latencies, 95)
  const met = created >= TARGET_RPS && p95 < TARGET_P95_MS
  log(
    `\nTarget (≥ ${TARGET_RPS} submissions/s with p95 < ${TARGET_P95_MS} ms, ${options.connections} clients, 130 communes): ${met ? 'MET' : 'NOT MET'} — ` +
      `${perSecond(created)} submissions/s, p95 ${ms(p95)} ms.`,
  )
  const one = phases[1]
  if (one) log(`One commune: ${perSecond((one.load.statuses.get(201) ?? 0) / one.load.durationSeconds)} submissions/s, p95 ${ms(percentile(one.load.latencies, 95))} ms.`)
  const createdCount = spread.load.statuses.get(201) ?? 0
  if (createdCount > 0) {
    const cpuMs = (1000 * (spread.cpu.server + spread.cpu.postgres)) / createdCount
    log(
      `CPU per submission (app server + PostgreSQL): ${cpuMs.toFixed(1)} ms → at most ~${perSecond((1000 * os.cpus().length) / cpuMs)}/s on ${os.cpus().length} idle cores; ` +
        `500/s leaves ${((1000 * os.cpus().length) / TARGET_RPS).toFixed(1)} ms per submission for everything.`,
    )
  }
  log(
    `With ${options.connections} clients sending back to back, mean latency ≈ ${options.connections} / throughput (Little's law): ` +
      `p95 < ${TARGET_P95_MS} ms under this load needs more than ${perSecond((1000 * options.connections) / TARGET_P95_MS)}/s anyway.`,
  )
}

function tally(values: number[]): Map<number, number> {
  const result = new Map<number, number>()
  for (const value of values) result.set(value, (result.get(value) ?? 0) + 1)
  return result
}
function describeStatuses(statuses: Map<number, number>): string {
  return [...statuses].sort(([a], [b]) => a - b).map(([status, times]) => `${times}× ${status}`).join(', ')
}

function printPhase(phase: Phase) {
  const { load, cpu } = phase
  const created = load.statuses.get(201) ?? 0
  log(
    `  ${load.latencies.length} responses in ${load.durationSeconds.toFixed(1)} s = ${perSecond(load.latencies.length / load.durationSeconds)} req/s; ` +
      `${created} created = ${perSecond(created / load.durationSeconds)}/s; statuses ${describeStatuses(load.statuses)}; ` +
      `socket errors ${load.socketErrors} (timeouts ${load.timeouts}).`,
  )
  log(
    `  latency p50 ${ms(percentile(load.latencies, 50))} / p95 ${ms(percentile(load.latencies, 95))} / p99 ${ms(percentile(load.latencies, 99))} / max ${ms(Math.max(...load.latencies))} ms.`,
  )
  for (const [status, bodies] of load.errorBodies) log(`  ${status}: ${bodies.join(' | ')}`)
  for (const [kind, times] of phase.serverErrors) {
    log(`  server logged ${times}× ${kind}${kind === 'Error: aborted' ? ' (the requests in flight autocannon dropped at the end)' : ''}`)
  }
  log(
    `  dossiers ${phase.rowsBefore} → ${phase.rowsAfter} (+${phase.rowsAfter - phase.rowsBefore}); this run's keys: ${phase.runRows} rows, ${phase.distinctKeys} distinct keys, ${phase.distinctCodes} distinct codes` +
      `${phase.runRows !== created ? ` — ${phase.runRows - created} without a 201: in flight when the run ended, committed after autocannon stopped waiting` : ''}.`,
  )
  log(`  CPU: ${describeCpu(cpu)}.`)
  if (created > 0) {
    const per = (seconds: number) => ((1000 * seconds) / created).toFixed(1)
    const appAndDb = cpu.server + cpu.postgres
    log(
      `  CPU per submission: app server ${per(cpu.server)} ms + PostgreSQL ${per(cpu.postgres)} ms (+ load generator ${per(cpu.loadGenerator)} ms) → ` +
        `with all ${os.cpus().length} cores for server and database alone at most ~${perSecond((os.cpus().length * created) / Math.max(appAndDb, 1e-9))} submissions/s.`,
    )
  }
}
