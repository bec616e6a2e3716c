import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { liveDatabaseDrift, pendingSchemaChange, readMigrationList } from '../../scripts/db/migrations'

describe('migrations', () => {
  it('bring an empty database exactly to schema.prisma (no drift)', async () => {
    const url = process.env.DATABASE_URL!
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const applied = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
    )
    await client.end()
    const folder = await readMigrationList()
    expect(applied.rows.map((row) => row.migration_name)).toEqual(folder.migrationDirectories.map((dir) => dir.path))
    expect(await liveDatabaseDrift(url)).toBe('')
  })

  it('folder agrees with schema.prisma (what npm run db:check verifies)', async () => {
    expect(await pendingSchemaChange()).toBe('')
  })
})

describe('append-only history', () => {
  let client: pg.Client
  let eventId: string
  let auditId: string

  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    const setup = `
      WITH p AS (INSERT INTO "Province"(id, code, name) VALUES (gen_random_uuid(), '40', 'Nghệ An') RETURNING id),
      c AS (INSERT INTO "Commune"(id, code, name, kind, "provinceId", "formerUnits", "updatedAt")
            SELECT gen_random_uuid(), '16681', 'Phường Thành Vinh', 'PHUONG', p.id, '{}', now() FROM p RETURNING id),
      wd AS (INSERT INTO "WorkflowDefinition"(id, key, name, "updatedAt") VALUES (gen_random_uuid(), 'w', 'W', now()) RETURNING id),
      wv AS (INSERT INTO "WorkflowVersion"(id, "definitionId", version, status, graph)
             SELECT gen_random_uuid(), wd.id, 1, 'PUBLISHED', '{}' FROM wd RETURNING id),
      pr AS (INSERT INTO "Procedure"(id, slug, field, "updatedAt") VALUES (gen_random_uuid(), '1.001193', 'Hộ tịch', now()) RETURNING id),
      pv AS (INSERT INTO "ProcedureVersion"(id, "procedureId", version, status, "nameVi", "nameEn", field, deadline,
               "onlineLevel", "formDefinition", "unverifiedFields", "workflowVersionId")
             SELECT gen_random_uuid(), pr.id, 1, 'PUBLISHED', 'Đăng ký khai sinh', 'Birth registration', 'Hộ tịch',
               '{}', 'PARTIAL', '{}', '{}', wv.id FROM pr, wv RETURNING id, "procedureId", "workflowVersionId"),
      d AS (INSERT INTO "Dossier"(id, code, "communeId", "procedureId", "procedureVersionId", "workflowVersionId",
              "applicantName", channel, state, "currentStep", "formData", "submittedAt", "updatedAt")
            SELECT gen_random_uuid(), '16681-261124-0001', c.id, pv."procedureId", pv.id, pv."workflowVersionId",
              'Nguyễn Văn A', 'DESK', 'SUBMITTED', 'reception', '{}', now(), now() FROM c, pv RETURNING id, "communeId")
      INSERT INTO "DossierEvent"("dossierId", "communeId", action, "toState", "toStep")
      SELECT d.id, d."communeId", 'submit', 'SUBMITTED', 'reception' FROM d RETURNING id`
    eventId = String((await client.query<{ id: string }>(setup)).rows[0]!.id)
    const audit = await client.query<{ id: string }>(
      `INSERT INTO "AuditLog"(action, "entityType") VALUES ('user.create', 'User') RETURNING id`,
    )
    auditId = String(audit.rows[0]!.id)
  })

  afterAll(async () => {
    await client.end()
  })

  it.each([
    ['UPDATE "DossierEvent" SET reason = $1 WHERE id = $2', ['rewritten', () => eventId]],
    ['DELETE FROM "DossierEvent" WHERE id = $1', [() => eventId]],
    ['UPDATE "AuditLog" SET action = $1 WHERE id = $2', ['erased', () => auditId]],
    ['DELETE FROM "AuditLog" WHERE id = $1', [() => auditId]],
  ] as const)('the database refuses: %s', async (sql, params) => {
    const values = params.map((value) => (typeof value === 'function' ? value() : value))
    await expect(client.query(sql, values)).rejects.toThrow(/append-only/)
  })

  it.each(['DossierEvent', 'AuditLog'])('the database refuses TRUNCATE of %s', async (table) => {
    await expect(client.query(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(/append-only/)
  })

  it('still accepts new history rows, and the refused changes left the rows intact', async () => {
    const before = await client.query('SELECT count(*)::int AS n FROM "DossierEvent"')
    await client.query(
      `INSERT INTO "DossierEvent"("dossierId", "communeId", action, "fromState", "toState", "fromStep", "toStep")
       SELECT "dossierId", "communeId", 'receive', 'SUBMITTED', 'PROCESSING', 'reception', 'processing'
       FROM "DossierEvent" WHERE id = $1`,
      [eventId],
    )
    const after = await client.query('SELECT count(*)::int AS n FROM "DossierEvent"')
    expect(after.rows[0].n).toBe(before.rows[0].n + 1)
    const original = await client.query('SELECT reason FROM "DossierEvent" WHERE id = $1', [eventId])
    expect(original.rows[0].reason).toBeNull()
  })
})
