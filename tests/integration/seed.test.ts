/**
 * The seed on a real database (process.env.DATABASE_URL: a fresh, migrated database private to this file).
 * A smaller history (2,000 dossiers) keeps it fast; the default of 20,000 is checked through `seedSettings`.
 */
import pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { recountDashboardAggregates } from '../../src/server/stats/recount'
import { DEFAULT_DOSSIER_COUNT, seedDatabase, seedSettings, isDatabaseSeeded, type SeedReport } from '../../prisma/seed'
import { generateDemoHistory, type HistoryInput } from '../../prisma/seed/demo-history'
import { readCommuneRows, readHolidayRows, readProcedureRows } from '../../prisma/seed/reference-data'
import { computeDueAt, workingCalendar } from '@/domain/calendar/working-days'
import { FormDefinitionSchema } from '@/domain/forms/form-definition'
import { DeadlineSchema } from '@/domain/procedure/deadline'
import { DEFAULT_WORKFLOWS, SAME_DAY_WORKFLOW_KEY } from '@/domain/workflow/default-workflows'
import { WorkflowGraphSchema } from '@/domain/workflow/workflow-graph'
import { verifyPassword } from '@/server/auth/password'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/server/demo/demo-accounts'

const DOSSIERS = 2000
const NOW = new Date('2026-11-24T10:30:00+07:00')

const url = () => {
  const value = process.env.DATABASE_URL
  if (!value) throw new Error('DATABASE_URL is not set: run through the integration project')
  return value
}

/** One short-lived connection per use: the embedded database serves one connection at a time. */
async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url() })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function scalar<T>(sql: string, values: unknown[] = []): Promise<T> {
  return withClient(async (client) => {
    const { rows } = await client.query<{ value: T }>(sql, values)
    return rows[0]?.value as T
  })
}

/** Row count and a content hash of every table of the schema (migration bookkeeping excluded). */
async function snapshot(): Promise<Record<string, string>> {
  return withClient(async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    )
    const result: Record<string, string> = {}
    for (const { name } of tables) {
      const { rows } = await client.query<{ count: string; hash: string | null }>(
        `SELECT count(*)::text AS count, md5(string_agg(t::text, '|' ORDER BY t::text)) AS hash FROM "${name}" t`,
      )
      result[name] = `${rows[0]?.count}:${rows[0]?.hash ?? '-'}`
    }
    return result
  })
}

let first: SeedReport

beforeAll(async () => {
  expect(await isDatabaseSeeded(url())).toBe(false)
  first = await seedDatabase({ databaseUrl: url(), dossierCount: DOSSIERS, now: NOW })
})

describe('seedDatabase', () => {
  it('loads as many communes and procedures as the data files have', async () => {
    expect(readCommuneRows()).toHaveLength(130)
    expect(readProcedureRows()).toHaveLength(34)
    expect(first.totals.communes).toBe(readCommuneRows().length)
    expect(first.totals.procedures).toBe(readProcedureRows().length)
    expect(await scalar<number>(`SELECT count(*)::int AS value FROM "Commune"`)).toBe(130)
    expect(await scalar<number>(`SELECT count(*)::int AS value FROM "Commune" WHERE kind = 'PHUONG'`)).toBe(11)
    expect(await scalar<number>(`SELECT count(*)::int AS value FROM "Procedure" WHERE "currentVersionId" IS NOT NULL`)).toBe(34)
    expect(await scalar<number>(`SELECT count(*)::int AS value FROM "CalendarDay"`)).toBe(readHolidayRows().length)
    expect(await isDatabaseSeeded(url())).toBe(true)
  })

  it('generates 20,000 dossiers unless told otherwise, and the number asked for', async () => {
    expect(DEFAULT_DOSSIER_COUNT).toBe(20_000)
    expect(seedSettings({}).dossierCount).toBe(20_000)
    expect(() => seedSettings({ dossierCount: -1 })).toThrow(RangeError)
    expect(first.history?.dossiers).toBe(DOSSIERS)
    expect(await scalar<number>(`SELECT count(*)::int AS value FROM "Dossier"`)).toBe(DOSSIERS)
  })

  it('changes nothing when run twice', async () => {
    const before = await snapshot()
    const second = await seedDatabase({ databaseUrl: url(), dossierCount: DOSSIERS, now: new Date(NOW.getTime() + 86_400_000) })
    expect(second.written).toEqual({ communes: 0, calendarDays: 0, procedures: 0, users: 0 })
    expect(second.history).toBeNull()
    expect(await snapshot()).toEqual(before)
  })

  it('gives every procedure a published version with a valid deadline, form and workflow, and flags its defaults', async () => {
    const rows = await withClient(async (client) =>
      (
        await client.query<{ slug: string; field: string; deadline: unknown; formDefinition: unknown; unverifiedFields: string[]; sourceNote: string; workflow: string; graph: unknown; onlineLevel: string }>(
          `SELECT p.slug, v.field, v.deadline, v."formDefinition", v."unverifiedFields", v."sourceNote", d.key AS workflow, w.graph, v."onlineLevel"
           FROM "Procedure" p JOIN "ProcedureVersion" v ON v.id = p."currentVersionId" AND v.status = 'PUBLISHED'
           JOIN "WorkflowVersion" w ON w.id = v."workflowVersionId" AND w.status = 'PUBLISHED' JOIN "WorkflowDefinition" d ON d.id = w."definitionId"`,
        )
      ).rows,
    )
    expect(rows).toHaveLength(34)
    for (const row of rows) {
      expect(DeadlineSchema.safeParse(row.deadline).success, row.slug).toBe(true)
      expect(FormDefinitionSchema.safeParse(row.formDefinition).success, row.slug).toBe(true)
      expect(WorkflowGraphSchema.safeParse(row.graph).success, row.slug).toBe(true)
      // online_level is blank in the source for every row, and no document list was read.
      expect(row.onlineLevel, row.slug).toBe('PARTIAL')
      expect(row.unverifiedFields, row.slug).toEqual(expect.arrayContaining(['onlineLevel', 'requiredDocuments']))
      expect(row.sourceNote, row.slug).toContain('chưa kiểm chứng')
    }
    const bySlug = new Map(rows.map((row) => [row.slug, row]))
    expect(bySlug.get('1.001193')?.deadline).toEqual({ kind: 'SAME_DAY', cutoffHour: 15 })
    expect(bySlug.get('1.004222')?.unverifiedFields).toEqual(expect.arrayContaining(['deadline', 'feeVnd']))
    expect(bySlug.get('2.000815')?.workflow).toBe(SAME_DAY_WORKFLOW_KEY)
    expect(bySlug.get('1.001193')?.workflow).toBe('one-stop-default')
    expect(bySlug.get('dang-ky-bo-sung-ho-tich')).toBeDefined()
  })

  it('creates the demo accounts with their passwords and the staff of each demo commune', async () => {
    const users = await withClient(async (client) =>
      (await client.query<{ username: string | null; citizenId: string | null; passwordHash: string; isDemo: boolean; communes: number }>(
        `SELECT username, "citizenId", "passwordHash", "isDemo", (SELECT count(*)::int FROM "UserCommune" uc WHERE uc."userId" = u.id) AS communes FROM "User" u`,
      )).rows,
    )
    expect(users).toHaveLength(DEMO_ACCOUNTS.length)
    expect(users.every((user) => user.isDemo)).toBe(true)
    // Hashed once per distinct password: every demo account shares the one hash.
    expect(new Set(users.map((user) => user.passwordHash)).size).toBe(1)
    expect(await verifyPassword(DEMO_PASSWORD, users[0]?.passwordHash ?? '')).toBe(true)
    expect(users.filter((user) => user.communes === 1)).toHaveLength(15)
  })
})

describe('demo history', () => {
  it('spreads dossiers over states, outcomes, channels and communes', async () => {
    const states = await withClient(async (client) => (await client.query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM "Dossier" GROUP BY state`)).rows)
    const byState = Object.fromEntries(states.map((row) => [row.state, row.n]))
    for (const state of ['SUBMITTED', 'PROCESSING', 'READY_TO_RETURN', 'RETURNED', 'REFUSED', 'WITHDRAWN']) expect(byState[state], state).toBeGreaterThan(0)
    const outcomes = await scalar<string[]>(`SELECT array_agg(DISTINCT outcome::text ORDER BY outcome::text) AS value FROM "Dossier" WHERE outcome IS NOT NULL`)
    expect(outcomes).toEqual(['EARLY', 'LATE', 'ON_TIME'])
    expect(await scalar<number>(`SELECT count(DISTINCT channel)::int AS value FROM "Dossier"`)).toBeGreaterThanOrEqual(2)
    expect(await scalar<number>(`SELECT count(DISTINCT "communeId")::int AS value FROM "Dossier"`)).toBeGreaterThan(100)
    // Overdue work in progress, and refusals with a reason.
    expect(await scalar<number>(`SELECT count(*)::int AS value FROM "Dossier" WHERE state = 'PROCESSING' AND "dueAt" < $1`, [NOW.toISOString()])).toBeGreaterThan(0)
    expect(await scalar<number>(`SELECT count(*)::int AS value FROM "DossierEvent" WHERE "toState" = 'REFUSED' AND coalesce(reason, '') = ''`)).toBe(0)
    expect(await scalar<number>(`SELECT count(*)::int AS value FROM "Dossier" WHERE "submittedAt" > $1 OR "submittedAt" < $2`, [NOW.toISOString(), new Date(NOW.getTime() - 121 * 86_400_000).toISOString()])).toBe(0)
  })

  it('gives every dossier a coherent history: submit first, each event from the previous state, the last one at the dossier', async () => {
    const broken = await scalar<number>(`
      WITH e AS (
        SELECT e.*, row_number() OVER w AS rn, count(*) OVER (PARTITION BY e."dossierId") AS n,
               lag(e."toState") OVER w AS prev_state, lag(e."toStep") OVER w AS prev_step, lag(e."occurredAt") OVER w AS prev_at
        FROM "DossierEvent" e WINDOW w AS (PARTITION BY e."dossierId" ORDER BY e."occurredAt", e.id)
      )
      SELECT count(*)::int AS value FROM e JOIN "Dossier" d ON d.id = e."dossierId"
      WHERE (e.rn = 1 AND (e.action <> 'submit' OR e."fromState" IS NOT NULL OR e."toState" <> 'SUBMITTED' OR e."occurredAt" <> d."submittedAt"))
         OR (e.rn > 1 AND (e."fromState" IS DISTINCT FROM e.prev_state OR e."fromStep" IS DISTINCT FROM e.prev_step OR e."occurredAt" <= e.prev_at))
         OR (e.rn = e.n AND (e."toState" <> d.state OR e."toStep" <> d."currentStep" OR e.n <> d.version + 1 OR e."occurredAt" <> d."updatedAt"
                             OR e."dueAt" IS DISTINCT FROM d."dueAt"))
         OR e."communeId" <> d."communeId" OR e."occurredAt" > $1`,
      [NOW.toISOString()],
    )
    expect(broken).toBe(0)
    expect(await scalar<number>(`SELECT count(*)::int AS value FROM "Dossier" d WHERE NOT EXISTS (SELECT 1 FROM "DossierEvent" e WHERE e."dossierId" = d.id)`)).toBe(0)
  })

  it('only takes transitions that the dossier’s workflow allows', async () => {
    const taken = await withClient(async (client) =>
      (
        await client.query<{ workflow: string; fromStep: string; action: string; toStep: string }>(
          `SELECT DISTINCT wd.key AS workflow, e."fromStep", e.action, e."toStep" FROM "DossierEvent" e
           JOIN "Dossier" d ON d.id = e."dossierId" JOIN "WorkflowVersion" w ON w.id = d."workflowVersionId"
           JOIN "WorkflowDefinition" wd ON wd.id = w."definitionId" WHERE e.action <> 'submit'`,
        )
      ).rows,
    )
    for (const transition of taken) {
      const graph = DEFAULT_WORKFLOWS.find((workflow) => workflow.key === transition.workflow)?.graph
      const allowed = graph?.transitions.some((t) => t.from === transition.fromStep && t.action === transition.action && t.to === transition.toStep)
      expect(allowed, JSON.stringify(transition)).toBe(true)
    }
  })

  it('keeps dates, outcomes, pauses and payments consistent with the state', async () => {
    // Online fees refunded after a refusal at reception are among them (checked below with the rest).
    expect(first.history?.refunds).toBeGreaterThan(0)
    const problems = await withClient(async (client) =>
      (
        await client.query<{ code: string; problem: string }>(`
          SELECT code, 'completion' AS problem FROM "Dossier"
            WHERE (state IN ('RETURNED', 'REFUSED', 'WITHDRAWN')) <> ("completedAt" IS NOT NULL)
          UNION ALL SELECT code, 'outcome' FROM "Dossier" WHERE (state = 'RETURNED') <> (outcome IS NOT NULL)
          UNION ALL SELECT code, 'early/on time after due' FROM "Dossier" WHERE outcome IN ('EARLY', 'ON_TIME') AND "completedAt" > "dueAt"
          UNION ALL SELECT code, 'late without delay' FROM "Dossier" WHERE outcome = 'LATE' AND "completedAt" <= "dueAt" AND "extensionCount" = 0
          UNION ALL SELECT code, 'received' FROM "Dossier" WHERE "receivedAt" IS NOT NULL AND ("receivedAt" < "submittedAt" OR "dueAt" IS NULL)
          UNION ALL SELECT code, 'pause' FROM "Dossier" WHERE (state = 'AWAITING_SUPPLEMENT') <> ("clockPausedAt" IS NOT NULL)
          UNION ALL SELECT d.code, 'open supplement' FROM "Dossier" d WHERE state = 'AWAITING_SUPPLEMENT'
            AND NOT EXISTS (SELECT 1 FROM "SupplementRequest" s WHERE s."dossierId" = d.id AND s."respondedAt" IS NULL)
          UNION ALL SELECT d.code, 'supplement count' FROM "Dossier" d
            WHERE d."supplementCount" <> (SELECT count(*) FROM "SupplementRequest" s WHERE s."dossierId" = d.id)
          UNION ALL SELECT d.code, 'paid' FROM "Dossier" d
            WHERE d."paidVnd" <> coalesce((SELECT sum(p."amountVnd") FROM "Payment" p WHERE p."dossierId" = d.id AND p.status = 'PAID'), 0)
          UNION ALL SELECT d.code, 'overpaid' FROM "Dossier" d WHERE d."paidVnd" > d."feeVnd"
          UNION ALL SELECT d.code, 'payment reference' FROM "Payment" p JOIN "Dossier" d ON d.id = p."dossierId"
            WHERE left(p.reference, 20) <> 'MC' || left(d.code, 5) || substr(d.code, 7, 6) || lpad(split_part(d.code, '-', 3), 5, '0') || lpad(p.sequence::text, 2, '0')
               OR (p."receiptNo" IS NOT NULL AND p."receiptNo" <> 'BL-' || p.reference)
          UNION ALL SELECT d.code, 'refund' FROM "Payment" p JOIN "Dossier" d ON d.id = p."dossierId"
            WHERE p."refundedVnd" <> coalesce((SELECT sum(r."amountVnd") FROM "PaymentRefund" r WHERE r."paymentId" = p.id), 0)
               OR (p.status = 'REFUNDED') <> (p."refundedVnd" = p."amountVnd" AND p."refundedVnd" > 0)
          UNION ALL SELECT d.code, 'rating' FROM "DossierRating" r JOIN "Dossier" d ON d.id = r."dossierId"
            WHERE d.state <> 'RETURNED' OR r.score NOT BETWEEN 1 AND 5 OR r."createdAt" < d."completedAt"
          UNION ALL SELECT code, 'code' FROM "Dossier" d
            WHERE code !~ '^[0-9]{5}-[0-9]{6}-[0-9]{4}$'
               OR left(code, 5) <> (SELECT c.code FROM "Commune" c WHERE c.id = d."communeId")
               OR substr(code, 7, 6) <> to_char(("submittedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD')
          LIMIT 20`)
      ).rows,
    )
    expect(problems).toEqual([])
  })

  it('keeps the code sequences at the highest code of each commune and day', async () => {
    const mismatches = await scalar<number>(`
      WITH used AS (
        SELECT "communeId", ((("submittedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Ho_Chi_Minh'))::date AS day,
               max(right(code, 4)::int) AS top, count(*) AS n
        FROM "Dossier" GROUP BY 1, 2
      )
      SELECT count(*)::int AS value FROM used u FULL JOIN "DossierCodeSequence" s ON s."communeId" = u."communeId" AND s.day = u.day
      WHERE s."lastValue" IS DISTINCT FROM u.top OR u.top <> u.n`)
    expect(mismatches).toBe(0)
  })

  it('computes each due date with the working-day calendar', async () => {
    const calendar = workingCalendar(readHolidayRows())
    const rows = await withClient(async (client) =>
      (
        await client.query<{ receivedAt: string; due: string; deadline: unknown }>(
          `SELECT to_char(e."occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "receivedAt", to_char(e."dueAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS due, v.deadline
           FROM "DossierEvent" e JOIN "Dossier" d ON d.id = e."dossierId" JOIN "ProcedureVersion" v ON v.id = d."procedureVersionId"
           WHERE e.action = 'receive' ORDER BY e.id LIMIT 300`,
        )
      ).rows,
    )
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(computeDueAt(new Date(row.receivedAt), DeadlineSchema.parse(row.deadline), calendar).toISOString()).toBe(new Date(row.due).toISOString())
    }
  })

  it('keeps DossierDailyStat equal to a recount, and the recount equal to the dossiers', async () => {
    const statsHash = `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS value FROM "DossierDailyStat" t`
    const before = await scalar<string>(statsHash)
    const rewritten = await withClient(async (client) => {
      await client.query('BEGIN')
      const { dailyRows: count } = await recountDashboardAggregates(client)
      await client.query('COMMIT')
      return count
    })
    expect(rewritten).toBe(first.history?.dailyStats)
    expect(await scalar<string>(statsHash)).toBe(before)

    const totals = await withClient(async (client) => {
      const { rows } = await client.query<Record<string, number>>(`
          SELECT (SELECT sum(received)::int FROM "DossierDailyStat") AS received, (SELECT count(*)::int FROM "Dossier") AS dossiers,
                 (SELECT sum("receivedOnline")::int FROM "DossierDailyStat") AS "receivedOnline", (SELECT count(*)::int FROM "Dossier" WHERE channel = 'ONLINE') AS online,
                 (SELECT sum(resolved)::int FROM "DossierDailyStat") AS resolved, (SELECT count(*)::int FROM "Dossier" WHERE state = 'RETURNED') AS returned,
                 (SELECT sum("resolvedLate")::int FROM "DossierDailyStat") AS late, (SELECT count(*)::int FROM "Dossier" WHERE outcome = 'LATE') AS "lateDossiers",
                 (SELECT sum(refused)::int FROM "DossierDailyStat") AS refused, (SELECT count(*)::int FROM "Dossier" WHERE state = 'REFUSED') AS "refusedDossiers",
                 (SELECT sum("ratingsSum")::int FROM "DossierDailyStat") AS "ratingsSum", (SELECT coalesce(sum(score), 0)::int FROM "DossierRating") AS scores,
                 (SELECT count(*)::int FROM "DossierDailyStat" WHERE resolved <> "resolvedEarly" + "resolvedOnTime" + "resolvedLate") AS inconsistent`)
      if (!rows[0]) throw new Error('no totals')
      return rows[0]
    })
    expect(totals).toMatchObject({ inconsistent: 0 })
    expect(totals.received).toBe(totals.dossiers)
    expect(totals.receivedOnline).toBe(totals.online)
    expect(totals.resolved).toBe(totals.returned)
    expect(totals.late).toBe(totals.lateDossiers)
    expect(totals.refused).toBe(totals.refusedDossiers)
    expect(totals.ratingsSum).toBe(totals.scores)
  })
})

describe('generateDemoHistory', () => {
  it('is deterministic: the same inputs give the same rows', () => {
    const calendar = workingCalendar(readHolidayRows())
    const input: HistoryInput = {
      now: NOW,
      count: 300,
      days: 120,
      calendar,
      communes: [
        { id: '00000000-0000-7000-8000-000000000001', code: '16681', name: 'Phường Thành Vinh', kind: 'PHUONG', formerUnitCount: 6 },
        { id: '00000000-0000-7000-8000-000000000002', code: '16738', name: 'Xã Quế Phong', kind: 'XA', formerUnitCount: 4 },
      ],
      procedures: [
        {
          id: '00000000-0000-7000-8000-0000000000a1',
          versionId: '00000000-0000-7000-8000-0000000000b1',
          workflowVersionId: '00000000-0000-7000-8000-0000000000c1',
          workflowKey: 'one-stop-default',
          slug: '1.001193',
          nameVi: 'Đăng ký khai sinh',
          feeVnd: 0,
          deadline: { kind: 'SAME_DAY', cutoffHour: 15 },
          formKind: 'birth',
          requiredDocuments: [],
        },
      ],
      staff: new Map([['00000000-0000-7000-8000-000000000001', { clerkId: 'c', specialistId: 's', leaderId: 'l' }]]),
      citizens: [],
    }
    const a = generateDemoHistory(input)
    const b = generateDemoHistory(input)
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(a.dossiers).toHaveLength(300)
    expect(new Set(a.dossiers.map((dossier) => dossier.code)).size).toBe(300)
    expect(JSON.stringify(generateDemoHistory({ ...input, seed: 'another' }))).not.toBe(JSON.stringify(a))
  })
})
