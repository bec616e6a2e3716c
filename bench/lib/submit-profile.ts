/**
 * Where a submission's time goes, without HTTP: the use-case (submitOnline) called in this process through the
 * same Prisma client and pg pool the app uses, with Prisma's query events counting the statements.
 *
 * - `statements`: the statements of one submission in order, with Prisma's time for each (median of the calls);
 * - `sequential`: one submission at a time — the latency floor of the use-case on this machine;
 * - `concurrent`: `callers` submissions at a time for a few seconds, through a client without query events —
 *   the use-case's throughput ceiling with the app's pool size and its CPU per submission, no Next.js in the way;
 * - `perStatement`: one one-row SELECT through Prisma and through pg, CPU per call — Prisma's own share;
 * - `explain`: the statements of one submission replayed under EXPLAIN ANALYZE in a transaction rolled back
 *   (fresh ids, code and key), i.e. what PostgreSQL itself spends planning and executing them.
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import type { Actor } from '@/domain/access/actor'
import { PrismaClient } from '@/generated/prisma/client'
import { loadActor } from '@/server/auth/load-actor'
import { submitOnline } from '@/server/dossier/submit-online'
import { percentile } from './stats'
import type { Submitter } from './submit-load'

export type StatementTiming = { label: string; ms: number }
export type ExplainedStatement = { label: string; planningMs: number; executionMs: number; error: string | null }

export type SubmitProfile = {
  /** Statements Prisma sends for one submission (BEGIN is not reported by Prisma: +1 round trip). */
  statements: StatementTiming[]
  /** Statements of loadActor, which every request runs before the use-case (the session check). */
  actorStatements: number
  sequential: { calls: number; p50: number; p95: number }
  /** CPU per statement of this process through Prisma and through pg directly, for the same one-row SELECT. */
  perStatement: { prismaCpuMs: number; pgCpuMs: number; prismaWallMs: number; pgWallMs: number }
  /** `cpuMs`: this process's CPU per submission (Prisma, pg driver, the use-case's own code; no query events). */
  concurrent: {
    callers: number
    poolMax: number
    seconds: number
    submissions: number
    errors: number
    errorKinds: Map<string, number>
    p50: number
    p95: number
    p99: number
    cpuMs: number
  }
  explain: ExplainedStatement[]
}

type QueryEvent = { query: string; params: string; duration: number }

/** "SELECT Commune", "INSERT Dossier", "pg_advisory_xact_lock", "COMMIT" — enough to tell statements apart. */
export function statementLabel(query: string): string {
  const text = query.replace(/\s+/g, ' ').trim()
  if (/pg_advisory_xact_lock/.test(text)) return 'advisory lock (key)'
  if (/^INSERT INTO "DossierCodeSequence"/.test(text)) return 'code counter upsert'
  const verb = /^(SELECT|INSERT INTO|UPDATE|DELETE FROM|COMMIT|BEGIN|ROLLBACK)/i.exec(text)?.[1]?.toUpperCase() ?? text.slice(0, 20)
  const table = /(?:FROM|INTO|UPDATE) "public"\."(\w+)"/.exec(text)?.[1] ?? ''
  const where = verb === 'SELECT' ? (/WHERE \(?"public"\."\w+"\."(\w+)"/.exec(text)?.[1] ?? '') : ''
  return [verb.replace(' INTO', '').replace(' FROM', ''), table, where ? `by ${where}` : ''].filter(Boolean).join(' ')
}

function prismaWithEvents(url: string, poolMax: number): { client: PrismaClient; events: QueryEvent[] } {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolMax }), log: [{ emit: 'event', level: 'query' }] })
  const events: QueryEvent[] = []
  client.$on('query', (event) => events.push({ query: event.query, params: event.params, duration: event.duration }))
  return { client, events }
}

export async function profileSubmitOnline(options: {
  url: string
  poolMax: number
  callers: number
  concurrentSeconds: number
  sequentialCalls: number
  procedureSlug: string
  communeCodes: readonly string[]
  submitters: readonly Submitter[]
  keyPrefix: string
}): Promise<SubmitProfile> {
  const { client, events } = prismaWithEvents(options.url, options.poolMax)
  try {
    const actors: Actor[] = []
    for (const submitter of options.submitters) {
      const actor = await loadActor(client, submitter.citizen.userId, submitter.citizen.sessionVersion)
      if (!actor) throw new Error(`demo citizen ${submitter.citizen.fullName} cannot sign in`)
      actors.push(actor)
    }
    events.length = 0
    await loadActor(client, options.submitters[0]!.citizen.userId, options.submitters[0]!.citizen.sessionVersion)
    const actorStatements = events.length

    let sequence = 0
    const submitNext = async () => {
      const index = sequence++
      const submitter = options.submitters[index % options.submitters.length]!
      const result = await submitOnline(client, {
        actor: actors[index % actors.length]!,
        source: { procedureSlug: options.procedureSlug, communeCode: options.communeCodes[index % options.communeCodes.length]!, idempotencyKey: `${options.keyPrefix}-${index}` },
        values: JSON.parse(submitter.forms[Math.floor(index / options.submitters.length) % submitter.forms.length]!) as Parameters<typeof submitOnline>[1]['values'],
        meta: { ip: '127.0.0.1', userAgent: 'bench/submit.mts' },
      })
      if (!result.ok || !result.created) throw new Error(`in-process submission not created: ${JSON.stringify(result)}`)
      return result
    }

    // ── One at a time, statements recorded per call ──
    for (let warm = 0; warm < 3; warm++) await submitNext()
    const perCall: QueryEvent[][] = []
    const sequentialMs: number[] = []
    let lastEvents: QueryEvent[] = []
    let lastResult: Awaited<ReturnType<typeof submitNext>> | null = null
    for (let call = 0; call < options.sequentialCalls; call++) {
      events.length = 0
      const started = performance.now()
      lastResult = await submitNext()
      sequentialMs.push(performance.now() - started)
      lastEvents = [...events]
      perCall.push(lastEvents)
    }
    const statements = lastEvents.map((event, position) => ({
      label: statementLabel(event.query),
      ms: percentile(perCall.map((calls) => calls[position]?.duration ?? Number.NaN).filter(Number.isFinite), 50),
    }))

    // ── Replay of the last call under EXPLAIN ANALYZE, rolled back ──
    const explain = lastResult ? await explainReplay(options.url, lastEvents, lastResult) : []

    // ── One statement through Prisma and through pg ──
    const perStatement = await statementOverhead(client, options.url, options.communeCodes[0]!)

    // ── Many at a time, through a client without query events (as the app's) ──
    const concurrent = await runConcurrent(options, actors)
    return {
      statements,
      actorStatements,
      sequential: { calls: sequentialMs.length, p50: percentile(sequentialMs, 50), p95: percentile(sequentialMs, 95) },
      perStatement,
      concurrent,
      explain,
    }
  } finally {
    await client.$disconnect()
  }
}

type ProfileOptions = Parameters<typeof profileSubmitOnline>[0]

async function runConcurrent(options: ProfileOptions, actors: readonly Actor[]): Promise<SubmitProfile['concurrent']> {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: options.url, max: options.poolMax }) })
  let sequence = 0
  const submitNext = async () => {
    const index = sequence++
    const submitter = options.submitters[index % options.submitters.length]!
    const result = await submitOnline(client, {
      actor: actors[index % actors.length]!,
      source: { procedureSlug: options.procedureSlug, communeCode: options.communeCodes[index % options.communeCodes.length]!, idempotencyKey: `${options.keyPrefix}-many-${index}` },
      values: JSON.parse(submitter.forms[Math.floor(index / options.submitters.length) % submitter.forms.length]!) as Parameters<typeof submitOnline>[1]['values'],
      meta: { ip: '127.0.0.1', userAgent: 'bench/submit.mts' },
    })
    if (!result.ok || !result.created) throw new Error(`in-process submission not created: ${JSON.stringify(result)}`)
  }
  try {
    for (let warm = 0; warm < 20; warm++) await submitNext()
    const latencies: number[] = []
    let errors = 0
    const errorKinds = new Map<string, number>()
    const cpu = process.cpuUsage()
    const started = performance.now()
    const deadline = started + options.concurrentSeconds * 1000
    await Promise.all(
      Array.from({ length: options.callers }, async () => {
        while (performance.now() < deadline) {
          const callStarted = performance.now()
          try {
            await submitNext()
            latencies.push(performance.now() - callStarted)
          } catch (error) {
            errors++
            const kind = (error as Error).message.replace(/\s+/g, ' ').replace(/\d+/g, 'N').slice(0, 160)
            errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1)
          }
        }
      }),
    )
    const used = process.cpuUsage(cpu)
    return {
      callers: options.callers,
      poolMax: options.poolMax,
      seconds: (performance.now() - started) / 1000,
      submissions: latencies.length,
      errors,
      errorKinds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      cpuMs: (used.user + used.system) / 1000 / Math.max(1, latencies.length),
    }
  } finally {
    await client.$disconnect()
  }
}

/** The same one-row SELECT 1,000 times one after the other through each client: CPU and wall time per call. */
async function statementOverhead(client: PrismaClient, url: string, communeCode: string): Promise<SubmitProfile['perStatement']> {
  const pool = new pg.Pool({ connectionString: url, max: 1 })
  const calls = 1000
  const time = async (work: () => Promise<unknown>) => {
    for (let warm = 0; warm < 100; warm++) await work()
    const cpu = process.cpuUsage()
    const started = performance.now()
    for (let call = 0; call < calls; call++) await work()
    const used = process.cpuUsage(cpu)
    return { cpuMs: (used.user + used.system) / 1000 / calls, wallMs: (performance.now() - started) / calls }
  }
  try {
    const prisma = await time(() => client.commune.findFirst({ where: { code: communeCode, isActive: true }, select: { id: true } }))
    const direct = await time(() => pool.query(`SELECT id FROM "Commune" WHERE code = $1 AND "isActive" = $2 LIMIT 1`, [communeCode, true]))
    return { prismaCpuMs: prisma.cpuMs, pgCpuMs: direct.cpuMs, prismaWallMs: prisma.wallMs, pgWallMs: direct.wallMs }
  } finally {
    await pool.end()
  }
}

/**
 * Replays the statements under EXPLAIN (ANALYZE) in one transaction that is rolled back. The values the
 * submission created (the ids of its rows, its code and key) are replaced by fresh ones, so the inserts do not
 * collide with the rows the real call committed.
 */
async function explainReplay(url: string, statements: readonly QueryEvent[], created: { dossierId: string; code: string }): Promise<ExplainedStatement[]> {
  const parsed = statements.map((statement) => ({ query: statement.query, params: JSON.parse(statement.params || '[]') as unknown[] }))
  const replace = new Map<string, string>([
    [created.dossierId, randomUUID()],
    [created.code, `${created.code}9`],
  ])
  for (const statement of parsed) {
    const columns = /^INSERT INTO "public"\."\w+" \(([^)]*)\)/.exec(statement.query)?.[1]?.split(',').map((column) => column.trim().replaceAll('"', ''))
    if (!columns) continue
    columns.forEach((column, index) => {
      const value = statement.params[index]
      if (typeof value !== 'string' || replace.has(value)) return
      if (column === 'id') replace.set(value, randomUUID())
      if (column === 'submissionKey') replace.set(value, `${value}-explain`)
    })
  }
  const fresh = (value: unknown): unknown => {
    if (typeof value !== 'string') return value
    let text = replace.get(value) ?? value
    for (const [from, to] of replace) if (from.length > 12 && text.includes(from) && text !== to) text = text.replaceAll(from, to)
    return text
  }

  const sql = new pg.Client({ connectionString: url })
  await sql.connect()
  // Twice on one connection, the first pass to warm it (catalog caches, the unaccent rules the name-search
  // trigger loads once per session), as the app's long-lived pool connections are; the second is reported.
  try {
    await replayOnce(sql, parsed, fresh)
    return await replayOnce(sql, parsed, fresh)
  } finally {
    await sql.end()
  }
}

async function replayOnce(sql: pg.Client, parsed: readonly { query: string; params: unknown[] }[], fresh: (value: unknown) => unknown): Promise<ExplainedStatement[]> {
  const results: ExplainedStatement[] = []
  try {
    await sql.query('BEGIN')
    for (const statement of parsed) {
      const label = statementLabel(statement.query)
      if (/^(COMMIT|BEGIN|ROLLBACK)/i.test(statement.query.trim())) continue
      await sql.query('SAVEPOINT replay')
      try {
        const { rows } = await sql.query<{ 'QUERY PLAN': { 'Planning Time': number; 'Execution Time': number }[] }>(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.query}`,
          statement.params.map(fresh),
        )
        const plan = rows[0]!['QUERY PLAN'][0]!
        results.push({ label, planningMs: plan['Planning Time'], executionMs: plan['Execution Time'], error: null })
        await sql.query('RELEASE SAVEPOINT replay')
      } catch (error) {
        results.push({ label, planningMs: Number.NaN, executionMs: Number.NaN, error: (error as Error).message.slice(0, 120) })
        await sql.query('ROLLBACK TO SAVEPOINT replay')
      }
    }
  } finally {
    await sql.query('ROLLBACK').catch(() => {})
  }
  return results
}
