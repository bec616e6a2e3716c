/**
 * Builds (or reuses) the staff-queue benchmark database: migrations, the seed's reference data and demo
 * accounts with a small demo history (seedDatabase), then the bulk of the dossiers generated in SQL.
 *
 * Generation, in one session:
 * 1. JS prepares the parameters: commune shares (commune-load.ts), procedure weights (how often the seed's own
 *    demo history used each procedure), the communes' demo staff, and a pool of applicants made with the
 *    seed's name generator (prisma/seed/names.ts), in a temporary table.
 * 2. `INSERT … SELECT FROM generate_series` in batches fills a temporary staging table: finished dossiers
 *    (RETURNED / REFUSED / WITHDRAWN, completedAt, outcome) over the history, then the open ones (SUBMITTED,
 *    PROCESSING at processing or approval/signing, AWAITING_SUPPLEMENT, READY_TO_RETURN) submitted in the last
 *    weeks, due around now, some overdue, assigned to the commune's demo staff where there are any.
 * 3. The staging rows go into "Dossier" in day batches, in time order (uuid v7 ids follow submittedAt), with
 *    codes numbered per commune and local day after the seed's own sequences, form data copied from a seeded
 *    dossier of the same procedure (realistic row width). The secondary indexes are dropped before and rebuilt
 *    after; DossierCodeSequence is brought up to date; then VACUUM ANALYZE.
 * No events, payments or ratings: the queues never read them.
 *
 * A `bench_meta` table records what was built and the instant used as "now", so a rerun with the same
 * volume reuses the database and measures against the same clock.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { seedDatabase } from '../../prisma/seed'
import { randomPerson } from '../../prisma/seed/names'
import { createRandom } from '../../prisma/seed/prng'
import { applyMigrations, MIGRATIONS_DIR } from '../../scripts/db/migrations'
import { DEFAULT_WORKFLOW_KEY } from '../../src/domain/workflow/default-workflows'
import { communeLoad, cumulativeLowerBounds, type LoadCommune } from './commune-load'

/** Bump when the generator changes: a database built by another version is rebuilt. */
const GENERATOR_VERSION = 2

export type BuildOptions = {
  url: string
  dossiers: number
  open: number
  /** Demo dossiers the seed writes first (with their full history); part of the totals. */
  sample: number
  skew: number
  communeCode: string
  fresh: boolean
  log: (message: string) => void
}

export type BenchMeta = {
  version: number
  dossiers: number
  open: number
  sample: number
  skew: number
  communeCode: string
  now: string
  days: number
  provinceDaily: number
  buildSeconds: number
}

export type BuildResult = { meta: BenchMeta; reused: boolean }

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''))
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Benchmark database name must be a plain identifier: "${name}"`)
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

async function readMeta(url: string): Promise<{ meta: BenchMeta | null; dossiers: number; open: number }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const hasMeta = await client.query<{ name: string | null }>(`SELECT to_regclass('bench_meta')::text AS name`)
    const hasDossier = await client.query<{ name: string | null }>(`SELECT to_regclass('"Dossier"')::text AS name`)
    if (!hasMeta.rows[0]?.name || !hasDossier.rows[0]?.name) return { meta: null, dossiers: 0, open: 0 }
    const meta = await client.query<{ value: BenchMeta }>(`SELECT value FROM bench_meta WHERE key = 'build'`)
    const counts = await client.query<{ dossiers: number; open: number }>(
      `SELECT count(*)::int AS dossiers,
              count(*) FILTER (WHERE state IN ('SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN'))::int AS open
       FROM "Dossier"`,
    )
    return { meta: meta.rows[0]?.value ?? null, dossiers: counts.rows[0]?.dossiers ?? 0, open: counts.rows[0]?.open ?? 0 }
  } finally {
    await client.end()
  }
}

export async function ensureQueueBenchDatabase(options: BuildOptions): Promise<BuildResult> {
  const { url, log } = options
  const name = databaseName(url)
  const exists = await withAdmin(url, async (admin) => {
    const { rows } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])
    return rows.length > 0
  })

  if (exists && !options.fresh) {
    // A new migration that touches "Dossier" (a column backfilled by an UPDATE, say) leaves the generated rows
    // unlike real ones and the table bloated: rebuild rather than measure that.
    const applied = await applyMigrations(url)
    const touching = applied.filter((migration) => readFileSync(path.join(MIGRATIONS_DIR, migration, 'migration.sql'), 'utf8').includes('"Dossier"'))
    if (applied.length > 0) log(`Applied new migrations to ${name}: ${applied.join(', ')}.`)
    const found = touching.length > 0 ? { meta: null, dossiers: 0, open: 0 } : await readMeta(url)
    const meta = found.meta
    if (
      meta &&
      meta.version === GENERATOR_VERSION &&
      meta.dossiers === options.dossiers &&
      meta.open === options.open &&
      meta.skew === options.skew &&
      meta.communeCode === options.communeCode &&
      found.dossiers === options.dossiers &&
      found.open === options.open
    ) {
      log(`Reusing ${name}: ${found.dossiers.toLocaleString('en')} dossiers (${found.open.toLocaleString('en')} open), built for now = ${meta.now}.`)
      return { meta, reused: true }
    }
    log(
      touching.length > 0
        ? `${touching.join(', ')} changed "Dossier": rebuilding ${name}.`
        : `${name} holds another volume or generator version: rebuilding it.`,
    )
  }

  await withAdmin(url, async (admin) => {
    if (exists) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${name}`)
  })
  const started = performance.now()
  const applied = await applyMigrations(url)
  log(`Created ${name}; applied ${applied.length} migrations.`)

  const now = new Date()
  now.setUTCMilliseconds(0)
  const sample = Math.min(options.sample, options.dossiers)
  const seeded = await seedDatabase({ databaseUrl: url, dossierCount: sample, now })
  log(`Seeded reference data, demo accounts and ${seeded.dossiers} demo dossiers in ${(seeded.durationMs / 1000).toFixed(1)} s.`)

  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const generated = await generateDossiers(client, { ...options, now })
    const meta: BenchMeta = {
      version: GENERATOR_VERSION,
      dossiers: options.dossiers,
      open: options.open,
      sample,
      skew: options.skew,
      communeCode: options.communeCode,
      now: now.toISOString(),
      days: generated.days,
      provinceDaily: generated.provinceDaily,
      buildSeconds: Math.round((performance.now() - started) / 1000),
    }
    await client.query(`CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)`)
    await client.query(`INSERT INTO bench_meta (key, value) VALUES ('build', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [JSON.stringify(meta)])
    log(`Database built in ${meta.buildSeconds} s.`)
    return { meta, reused: false }
  } finally {
    await client.end()
  }
}

type ProcedureInfo = { id: string; versionId: string; workflowVersionId: string; workflowKey: string; feeVnd: number | null; used: number }
type CommuneInfo = LoadCommune & { clerkId: string | null; specialistId: string | null; leaderId: string | null }

const OPEN_STATES_SQL = `('SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN')`
const BATCH = 100_000

async function generateDossiers(client: pg.Client, options: BuildOptions & { now: Date }): Promise<{ days: number; provinceDaily: number }> {
  const { log } = options
  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now()
    const result = await work()
    log(`  ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`)
    return result
  }

  // Triggers stay on (foreign keys are checked, and columns the schema derives in the database, such as the
  // name search text, are filled as for any other writer); only the WAL flush per batch is skipped.
  await client.query(`SET synchronous_commit = off`)
  await client.query(`SET work_mem = '256MB'`)
  await client.query(`SET maintenance_work_mem = '512MB'`)

  // ── Parameters ──
  const communeRows = await client.query<LoadCommune>(
    `SELECT id, code, kind::text AS kind, cardinality("formerUnits") AS "formerUnitCount" FROM "Commune" WHERE "isActive" ORDER BY code`,
  )
  if (!communeRows.rows.some((commune) => commune.code === options.communeCode)) throw new Error(`No active commune with code ${options.communeCode}`)
  const staffRows = await client.query<{ communeId: string; role: string; id: string }>(
    `SELECT uc."communeId", u.role::text AS role, u.id FROM "UserCommune" uc JOIN "User" u ON u.id = uc."userId"
     WHERE u."isDemo" AND u."disabledAt" IS NULL AND u.role IN ('CLERK', 'SPECIALIST', 'LEADER') ORDER BY u.username`,
  )
  const load = communeLoad(communeRows.rows, options.communeCode, options.skew)
  const communes: CommuneInfo[] = load.ranked.map(({ commune }) => {
    const staffOf = (role: string) => staffRows.rows.find((row) => row.communeId === commune.id && row.role === role)?.id ?? null
    return { ...commune, clerkId: staffOf('CLERK'), specialistId: staffOf('SPECIALIST'), leaderId: staffOf('LEADER') }
  })
  const procedureRows = await client.query<ProcedureInfo>(
    `SELECT p.id, v.id AS "versionId", v."workflowVersionId", d.key AS "workflowKey", v."feeVnd",
            (SELECT count(*)::int FROM "Dossier" x WHERE x."procedureId" = p.id) AS used
     FROM "Procedure" p
     JOIN "ProcedureVersion" v ON v.id = p."currentVersionId" AND v.status = 'PUBLISHED'
     JOIN "WorkflowVersion" w ON w.id = v."workflowVersionId"
     JOIN "WorkflowDefinition" d ON d.id = w."definitionId"
     WHERE p."isActive" ORDER BY p.slug`,
  )
  const procedures = procedureRows.rows
  if (procedures.length === 0) throw new Error('No published procedures: did the seed run?')
  // The seed's own demo history says how often each procedure is used (+1 so none is left out).
  const procedureTotal = procedures.reduce((sum, procedure) => sum + procedure.used + 1, 0)
  const procedureBounds = cumulativeLowerBounds(procedures.map((procedure) => (procedure.used + 1) / procedureTotal))

  const existing = await client.query<{ dossiers: number; open: number }>(
    `SELECT count(*)::int AS dossiers, count(*) FILTER (WHERE state IN ${OPEN_STATES_SQL})::int AS open FROM "Dossier"`,
  )
  const seededTotal = existing.rows[0]?.dossiers ?? 0
  const seededOpen = existing.rows[0]?.open ?? 0
  const openCount = Math.max(0, options.open - seededOpen)
  const finishedCount = Math.max(0, options.dossiers - seededTotal - openCount)
  const days = Math.max(30, Math.round(options.dossiers / load.provinceDaily))
  const top = load.ranked[0]!
  log(
    `Generating ${(finishedCount + openCount).toLocaleString('en')} dossiers (${openCount.toLocaleString('en')} open) over ${days} days: ` +
      `~${Math.round(load.provinceDaily).toLocaleString('en')} a day province-wide, ` +
      `${load.ranked.filter((entry) => entry.share * load.provinceDaily > 100).length} communes above 100 a day, ` +
      `${top.commune.code} (measured) ${(top.share * 100).toFixed(1)} % ≈ ${Math.round(top.share * load.provinceDaily)} a day.`,
  )

  // ── Applicants: the seed's name generator, a pool of people who file several dossiers over the years ──
  const persons = Math.min(250_000, Math.max(1000, Math.round(options.dossiers / 4)))
  await timed(`applicant pool (${persons.toLocaleString('en')} people)`, async () => {
    await client.query(`CREATE TEMP TABLE bench_person (idx int PRIMARY KEY, full_name text NOT NULL, citizen_id text NOT NULL, phone text NOT NULL)`)
    const random = createRandom('motcua-bench-staff-queue-v1')
    for (let start = 0; start < persons; start += 50_000) {
      const chunk = Array.from({ length: Math.min(50_000, persons - start) }, () => randomPerson(random, { minYear: 1950, maxYear: 2007 }))
      await client.query(`INSERT INTO bench_person SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[])`, [
        chunk.map((_, index) => start + index + 1),
        chunk.map((person) => person.fullName),
        chunk.map((person) => person.citizenId),
        chunk.map((person) => person.phone),
      ])
    }
    await client.query(`ANALYZE bench_person`)
  })

  // Form data copied from the seeded dossiers of the same procedure: the rows get a realistic width.
  await client.query(
    `CREATE TEMP TABLE bench_form AS
     SELECT "procedureId" AS procedure_id, (row_number() OVER (PARTITION BY "procedureId" ORDER BY id) - 1)::int AS k, "formData" AS form
     FROM "Dossier"`,
  )
  await client.query(`CREATE INDEX ON bench_form (procedure_id, k)`)
  await client.query(`ANALYZE bench_form`)

  // ── Staging ──
  await client.query(`
    CREATE TEMP TABLE bench_stage (
      i int NOT NULL, c int NOT NULL, p int NOT NULL, person int NOT NULL, form_u float8 NOT NULL,
      state text NOT NULL, step text NOT NULL, role text, channel text NOT NULL,
      submitted_at timestamp NOT NULL, local_day date NOT NULL, received_at timestamp, due_at timestamp,
      paused_at timestamp, completed_at timestamp, outcome text, supplements int NOT NULL, version int NOT NULL
    )`)
  const now = options.now.toISOString()
  const sameDay = procedures.map((procedure) => procedure.workflowKey !== DEFAULT_WORKFLOW_KEY)
  const communeBounds = cumulativeLowerBounds(load.ranked.map((entry) => entry.share))

  await timed(`stage ${finishedCount.toLocaleString('en')} finished`, async () => {
    for (let lo = 1; lo <= finishedCount; lo += BATCH) {
      const hi = Math.min(finishedCount, lo + BATCH - 1)
      await client.query(FINISHED_SQL, [lo, hi, communeBounds, procedureBounds, sameDay, now, days, persons])
    }
  })
  await timed(`stage ${openCount.toLocaleString('en')} open`, async () => {
    for (let lo = 1; lo <= openCount; lo += BATCH) {
      const hi = Math.min(openCount, lo + BATCH - 1)
      await client.query(OPEN_SQL, [finishedCount + lo, finishedCount + hi, communeBounds, procedureBounds, sameDay, now, persons])
    }
  })
  await client.query(`ANALYZE bench_stage`)

  // ── Into "Dossier": secondary indexes off, day batches in time order, indexes back on ──
  const indexes = await client.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = '"Dossier"'::regclass AND NOT x.indisprimary ORDER BY i.relname`,
  )
  for (const index of indexes.rows) await client.query(`DROP INDEX "${index.name}"`)
  const range = await client.query<{ first: string | null; last: string | null; rows: number }>(
    `SELECT min(local_day)::text AS first, max(local_day)::text AS last, count(*)::int AS rows FROM bench_stage`,
  )
  const { first, last, rows } = range.rows[0] ?? { first: null, last: null, rows: 0 }
  await timed(`insert ${rows.toLocaleString('en')} dossiers`, async () => {
    if (!first || !last) return
    const spanDays = (Date.parse(last) - Date.parse(first)) / 86_400_000 + 1
    const step = Math.max(1, Math.floor((spanDays * BATCH) / Math.max(1, rows)))
    for (let day = Date.parse(first); day <= Date.parse(last); day += step * 86_400_000) {
      const from = new Date(day).toISOString().slice(0, 10)
      const to = new Date(day + step * 86_400_000).toISOString().slice(0, 10)
      await client.query(INSERT_SQL, [
        from,
        to,
        communes.map((commune) => commune.id),
        communes.map((commune) => commune.code),
        communes.map((commune) => commune.clerkId),
        communes.map((commune) => commune.specialistId),
        communes.map((commune) => commune.leaderId),
        procedures.map((procedure) => procedure.id),
        procedures.map((procedure) => procedure.versionId),
        procedures.map((procedure) => procedure.workflowVersionId),
        procedures.map((procedure) => procedure.feeVnd ?? 0),
        procedures.map((procedure) => procedure.used),
      ])
    }
  })
  await timed(`rebuild ${indexes.rows.length} indexes`, async () => {
    for (const index of indexes.rows) await client.query(index.definition)
  })
  await client.query(
    `INSERT INTO "DossierCodeSequence" ("communeId", day, "lastValue")
     SELECT ($1::uuid[])[c], local_day, count(*)::int FROM bench_stage GROUP BY 1, 2
     ON CONFLICT ("communeId", day) DO UPDATE SET "lastValue" = "DossierCodeSequence"."lastValue" + EXCLUDED."lastValue"`,
    [communes.map((commune) => commune.id)],
  )
  await client.query(`DROP TABLE bench_stage, bench_person, bench_form`)
  await timed('VACUUM ANALYZE', async () => {
    await client.query(`VACUUM ANALYZE "Dossier"`)
    await client.query(`VACUUM ANALYZE "DossierCodeSequence"`)
  })
  return { days, provinceDaily: load.provinceDaily }
}

// $1..$2 rows, $3 commune bounds, $4 procedure bounds, $5 same-day workflow by procedure, $6 now, $7 days, $8 persons.
// Finished: 94 % returned (5 % of them late), 2.5 % refused, 3.5 % withdrawn; desk 58 %, online 40 %, post 2 %.
const FINISHED_SQL = `
INSERT INTO bench_stage
SELECT r.i, a.c, a.p, a.person, r.u_form, b.state, lower(b.state), NULL, b.channel, b.submitted_at, (b.submitted_at + interval '7 hours')::date,
  e.received_at, e.received_at + b.planned, NULL, f.completed_at,
  CASE WHEN b.state <> 'RETURNED' THEN NULL
       WHEN f.completed_at <= e.received_at + b.planned * 0.75 THEN 'EARLY'
       WHEN f.completed_at <= e.received_at + b.planned THEN 'ON_TIME' ELSE 'LATE' END,
  0, CASE b.state WHEN 'RETURNED' THEN 4 ELSE 2 END
FROM (
  SELECT g.i, random() AS u_commune, random() AS u_procedure, random() AS u_person, random() AS u_form, random() AS u_state,
         random() AS u_channel, random() AS u_age, random() AS u_received, random() AS u_planned, random() AS u_took
  FROM generate_series($1::int, $2::int) AS g(i) OFFSET 0
) r
CROSS JOIN LATERAL (
  SELECT width_bucket(r.u_commune, $3::float8[]) AS c, width_bucket(r.u_procedure, $4::float8[]) AS p,
         1 + floor(r.u_person * $8::int)::int AS person
) a
CROSS JOIN LATERAL (
  SELECT CASE WHEN r.u_state < 0.94 THEN 'RETURNED' WHEN r.u_state < 0.965 THEN 'REFUSED' ELSE 'WITHDRAWN' END AS state,
         CASE WHEN r.u_channel < 0.58 THEN 'DESK' WHEN r.u_channel < 0.98 THEN 'ONLINE' ELSE 'POST' END AS channel,
         $6::timestamp - interval '1 hour' - r.u_age * $7::int * interval '1 day' AS submitted_at,
         CASE WHEN ($5::bool[])[a.p] THEN interval '4 hours' ELSE (1 + floor(r.u_planned * 10)) * interval '1 day' END AS planned
) b
CROSS JOIN LATERAL (
  SELECT b.submitted_at + LEAST(
           CASE WHEN b.channel = 'DESK' THEN (5 + r.u_received * 10) * interval '1 minute' ELSE (20 + r.u_received * 600) * interval '1 minute' END,
           ($6::timestamp - b.submitted_at) / 2) AS received_at
) e
CROSS JOIN LATERAL (
  SELECT LEAST(e.received_at + b.planned * CASE WHEN b.state = 'RETURNED' THEN 0.3 + r.u_took * 0.74 ELSE 0.05 + r.u_took * 0.5 END,
               $6::timestamp - interval '1 minute') AS completed_at
) f`

// $1..$2 rows, $3 commune bounds, $4 procedure bounds, $5 same-day workflow by procedure, $6 now, $7 persons.
// Open: 12 % waiting at reception (online/post, last 2 days), 45 % processing, 15 % at approval (signing for
// same-day procedures), 10 % awaiting a supplement (clock paused; processing for same-day ones, which have no
// such step), 18 % ready to return. Received ones are due between 2 days ago and 11 days ahead (~15 % overdue).
const OPEN_SQL = `
INSERT INTO bench_stage
SELECT r.i, a.c, a.p, a.person, r.u_form, k.state, k.step, k.role, k.channel, k.submitted_at, (k.submitted_at + interval '7 hours')::date,
  e.received_at,
  CASE WHEN e.received_at IS NULL THEN NULL ELSE GREATEST($6::timestamp + (-2 + 13 * r.u_due) * interval '1 day', e.received_at + interval '2 hours') END,
  CASE WHEN k.state = 'AWAITING_SUPPLEMENT' THEN e.received_at + ($6::timestamp - e.received_at) * r.u_paused END,
  NULL, NULL,
  CASE WHEN k.state = 'AWAITING_SUPPLEMENT' THEN 1 ELSE 0 END,
  CASE k.step WHEN 'reception' THEN 0 WHEN 'processing' THEN 1 WHEN 'result_return' THEN 3 ELSE 2 END
FROM (
  SELECT g.i, random() AS u_commune, random() AS u_procedure, random() AS u_person, random() AS u_form, random() AS u_state,
         random() AS u_channel, random() AS u_age, random() AS u_received, random() AS u_due, random() AS u_paused
  FROM generate_series($1::int, $2::int) AS g(i) OFFSET 0
) r
CROSS JOIN LATERAL (
  SELECT width_bucket(r.u_commune, $3::float8[]) AS c, width_bucket(r.u_procedure, $4::float8[]) AS p,
         1 + floor(r.u_person * $7::int)::int AS person
) a
CROSS JOIN LATERAL (
  SELECT ($5::bool[])[a.p] AS same_day,
         CASE WHEN r.u_state < 0.12 THEN 'reception' WHEN r.u_state < 0.57 THEN 'processing' WHEN r.u_state < 0.72 THEN 'approval'
              WHEN r.u_state < 0.82 THEN 'supplement' ELSE 'return' END AS class
) s
CROSS JOIN LATERAL (
  SELECT
    CASE s.class WHEN 'reception' THEN 'SUBMITTED' WHEN 'return' THEN 'READY_TO_RETURN'
                 WHEN 'supplement' THEN CASE WHEN s.same_day THEN 'PROCESSING' ELSE 'AWAITING_SUPPLEMENT' END
                 ELSE 'PROCESSING' END AS state,
    CASE s.class WHEN 'reception' THEN 'reception' WHEN 'return' THEN 'result_return'
                 WHEN 'approval' THEN CASE WHEN s.same_day THEN 'signing' ELSE 'approval' END
                 WHEN 'supplement' THEN CASE WHEN s.same_day THEN 'processing' ELSE 'awaiting_supplement' END
                 ELSE 'processing' END AS step,
    CASE s.class WHEN 'reception' THEN NULL WHEN 'return' THEN 'CLERK' WHEN 'approval' THEN 'LEADER'
                 ELSE CASE WHEN s.same_day THEN 'CLERK' ELSE 'SPECIALIST' END END AS role,
    CASE WHEN s.class = 'reception' THEN CASE WHEN r.u_channel < 0.95 THEN 'ONLINE' ELSE 'POST' END
         WHEN r.u_channel < 0.58 THEN 'DESK' WHEN r.u_channel < 0.98 THEN 'ONLINE' ELSE 'POST' END AS channel,
    $6::timestamp - CASE s.class WHEN 'reception' THEN (5 + r.u_age * 2875) * interval '1 minute'
                                 WHEN 'supplement' THEN (2 + r.u_age * 28) * interval '1 day'
                                 ELSE (0.25 + r.u_age * 14) * interval '1 day' END AS submitted_at
) k
CROSS JOIN LATERAL (
  SELECT CASE WHEN k.state = 'SUBMITTED' THEN NULL
              ELSE k.submitted_at + LEAST((10 + r.u_received * 350) * interval '1 minute', ($6::timestamp - k.submitted_at) / 3) END AS received_at
) e`

// $1..$2 local days [from, to); $3.. arrays by commune rank (ids, codes, clerk, specialist, leader) and by
// procedure (ids, version ids, workflow version ids, fees, seeded dossiers to copy the form data from).
const INSERT_SQL = `
INSERT INTO "Dossier" (id, code, "communeId", "procedureId", "procedureVersionId", "workflowVersionId",
  "applicantName", "applicantCitizenId", "applicantPhone", channel, state, "currentStep", "assigneeId", "receivedById",
  "formData", "feeVnd", "paidVnd", "submittedAt", "receivedAt", "dueAt", "clockPausedAt", "supplementCount",
  "completedAt", outcome, "submissionKey", version, "createdAt", "updatedAt")
SELECT x.id, x.code, x.commune_id, x.procedure_id, ($9::uuid[])[x.p], ($10::uuid[])[x.p],
  x.full_name, x.citizen_id, x.phone, x.channel::"Channel", x.state::"DossierState", x.step, x.assignee_id, x.received_by,
  x.form, x.fee, CASE WHEN x.received_at IS NOT NULL THEN x.fee ELSE 0 END, x.submitted_at, x.received_at, x.due_at, x.paused_at,
  x.supplements, x.completed_at, x.outcome::"DossierOutcome", CASE WHEN x.channel = 'ONLINE' THEN 'bench-' || x.id END, x.version,
  x.submitted_at, COALESCE(x.completed_at, x.paused_at, x.received_at, x.submitted_at)
FROM (
  SELECT s.*, pe.full_name, pe.citizen_id, pe.phone,
    ($3::uuid[])[s.c] AS commune_id, ($8::uuid[])[s.p] AS procedure_id, ($11::int[])[s.p] AS fee,
    CASE s.role WHEN 'CLERK' THEN ($5::uuid[])[s.c] WHEN 'SPECIALIST' THEN ($6::uuid[])[s.c] WHEN 'LEADER' THEN ($7::uuid[])[s.c] END AS assignee_id,
    CASE WHEN s.received_at IS NOT NULL THEN ($5::uuid[])[s.c] END AS received_by,
    COALESCE(f.form, '{}'::jsonb) AS form,
    ($4::text[])[s.c] || '-' || to_char(s.local_day, 'YYMMDD') || '-' ||
      lpad((COALESCE(q."lastValue", 0) + row_number() OVER (PARTITION BY s.c, s.local_day ORDER BY s.submitted_at, s.i))::text, 4, '0') AS code,
    encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
      PLACING substring(int8send(floor(extract(epoch FROM s.submitted_at) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid AS id
  FROM bench_stage s
  JOIN bench_person pe ON pe.idx = s.person
  LEFT JOIN bench_form f ON f.procedure_id = ($8::uuid[])[s.p] AND f.k = floor(s.form_u * ($12::int[])[s.p])::int
  LEFT JOIN "DossierCodeSequence" q ON q."communeId" = ($3::uuid[])[s.c] AND q.day = s.local_day
  WHERE s.local_day >= $1::date AND s.local_day < $2::date
  OFFSET 0
) x
ORDER BY x.submitted_at, x.id`
