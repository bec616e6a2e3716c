/**
 * Reference data: the province, its communes, the working calendar, the workflows, the procedure catalogue
 * and the demo accounts. Idempotent by natural keys:
 * - the official lists (province, communes) are upserted from prisma/data, changing a row only when the file
 *   says something different (so a second run writes nothing, not even `updatedAt`);
 * - what administrators maintain afterwards (calendar days, procedures and their versions, workflows, demo
 *   accounts) is only inserted when missing, so a re-seed never undoes an administrator's correction.
 */
import { hashPassword } from '../../src/server/auth/password'
import { DEMO_ACCOUNTS, type DemoAccount } from '../../src/server/demo/demo-accounts'
import { DEFAULT_WORKFLOWS } from '../../src/domain/workflow/default-workflows'
import type { CatalogueEntry } from './procedure-catalogue'
import type { CommuneRow, HolidayRow } from './reference-data'
import type { Queryable } from './sql'
import { uuidv7 } from './uuid'

export const PROVINCE = { code: '40', name: 'Tỉnh Nghệ An' } as const

const json = (value: unknown) => JSON.stringify(value)

export async function upsertProvince(client: Queryable): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "Province" (id, code, name) VALUES ($1, $2, $3)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name WHERE "Province".name IS DISTINCT FROM EXCLUDED.name
     RETURNING id`,
    [uuidv7(Date.now()), PROVINCE.code, PROVINCE.name],
  )
  if (rows[0]) return rows[0].id
  const existing = await client.query<{ id: string }>(`SELECT id FROM "Province" WHERE code = $1`, [PROVINCE.code])
  if (!existing.rows[0]) throw new Error('Province was neither inserted nor found')
  return existing.rows[0].id
}

/** Upserts every commune of the file; returns how many rows were inserted or changed. */
export async function upsertCommunes(client: Queryable, provinceId: string, communes: readonly CommuneRow[]): Promise<number> {
  const records = communes.map((commune) => ({ id: uuidv7(Date.now()), ...commune }))
  const result = await client.query(
    `INSERT INTO "Commune" (id, code, name, kind, "provinceId", "formerUnits", "updatedAt")
     SELECT r.id, r.code, r.name, r.kind::"CommuneKind", $2::uuid, r."formerUnits", CURRENT_TIMESTAMP
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, code text, name text, kind text, "formerUnits" text[])
     ON CONFLICT (code) DO UPDATE SET
       name = EXCLUDED.name, kind = EXCLUDED.kind, "provinceId" = EXCLUDED."provinceId",
       "formerUnits" = EXCLUDED."formerUnits", "updatedAt" = CURRENT_TIMESTAMP
     WHERE ("Commune".name, "Commune".kind, "Commune"."provinceId", "Commune"."formerUnits")
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind, EXCLUDED."provinceId", EXCLUDED."formerUnits")`,
    [json(records), provinceId],
  )
  return result.rowCount ?? 0
}

/**
 * Demo collection accounts for VietQR transfers, one per commune, where none is configured. They are not real
 * accounts (the number says DEMO and the name says THU NGHIEM): a deployment sets each commune's own account
 * with its bank's NAPAS BIN. Agribank's BIN (970405) stands for the bank.
 */
export const DEMO_COLLECTION_BANK_BIN = '970405'
export async function setDemoCollectionAccounts(client: Queryable): Promise<number> {
  const result = await client.query(
    `UPDATE "Commune" SET "collectionBankBin" = $1, "collectionAccountNo" = 'DEMO' || code,
       "collectionAccountName" = 'UBND ' || upper(motcua_search_text(name)) || ' (THU NGHIEM)', "updatedAt" = CURRENT_TIMESTAMP
     WHERE "collectionAccountNo" IS NULL`,
    [DEMO_COLLECTION_BANK_BIN],
  )
  return result.rowCount ?? 0
}

export async function insertCalendarDays(client: Queryable, days: readonly HolidayRow[]): Promise<number> {
  const records = days.map((day) => ({ id: uuidv7(Date.now()), ...day }))
  const result = await client.query(
    `INSERT INTO "CalendarDay" (id, date, kind, name, "isOfficial", source, "updatedAt")
     SELECT r.id, r.date, r.kind::"CalendarDayKind", r.name, r."isOfficial", r.source, CURRENT_TIMESTAMP
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, date date, kind text, name text, "isOfficial" boolean, source text)
     ON CONFLICT (date) DO NOTHING`,
    [json(records)],
  )
  return result.rowCount ?? 0
}

/** Inserts the missing workflow definitions and their published version 1; returns version ids by key. */
export async function insertWorkflows(client: Queryable, now: Date): Promise<Map<string, string>> {
  for (const workflow of DEFAULT_WORKFLOWS) {
    await client.query(
      `INSERT INTO "WorkflowDefinition" (id, key, name, description, "updatedAt") VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (key) DO NOTHING`,
      [uuidv7(Date.now()), workflow.key, workflow.name, workflow.description, now.toISOString()],
    )
    await client.query(
      `INSERT INTO "WorkflowVersion" (id, "definitionId", version, status, graph, "publishedAt")
       SELECT $1, d.id, 1, 'PUBLISHED', $3::jsonb, $4 FROM "WorkflowDefinition" d WHERE d.key = $2
       ON CONFLICT ("definitionId", version) DO NOTHING`,
      [uuidv7(Date.now()), workflow.key, json(workflow.graph), now.toISOString()],
    )
  }
  const { rows } = await client.query<{ key: string; id: string }>(
    `SELECT d.key, v.id FROM "WorkflowDefinition" d JOIN "WorkflowVersion" v ON v."definitionId" = d.id AND v.version = 1
     WHERE d.key = ANY($1::text[])`,
    [DEFAULT_WORKFLOWS.map((workflow) => workflow.key)],
  )
  return new Map(rows.map((row) => [row.key, row.id]))
}

/**
 * Inserts the missing procedures, each with a published version 1 made current. Procedures that already have
 * a version are left alone (a published version is immutable; corrections make new versions).
 */
export async function insertProcedures(client: Queryable, catalogue: readonly CatalogueEntry[], workflowVersions: Map<string, string>, now: Date): Promise<number> {
  const records = catalogue.map((entry) => {
    const workflowVersionId = workflowVersions.get(entry.workflowKey)
    if (!workflowVersionId) throw new Error(`No workflow version for ${entry.workflowKey}`)
    return { procedureId: uuidv7(Date.now()), versionId: uuidv7(Date.now()), workflowVersionId, ...entry }
  })
  await client.query(
    `INSERT INTO "Procedure" (id, "nationalCode", slug, field, "updatedAt")
     SELECT r."procedureId", r."nationalCode", r.slug, r.field, $2::timestamp(3)
     FROM jsonb_to_recordset($1::jsonb) AS r("procedureId" uuid, "nationalCode" text, slug text, field text)
     ON CONFLICT (slug) DO NOTHING`,
    [json(records), now.toISOString()],
  )
  const inserted = await client.query(
    `WITH r AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
         "versionId" uuid, slug text, "nameVi" text, "nameEn" text, field text, "feeVnd" int, "feeNote" text,
         "feeRule" jsonb, "feeExemptions" jsonb, deadline jsonb, "deadlineText" text, "requiredDocuments" jsonb, "onlineLevel" text, "legalBasis" text,
         "formDefinition" jsonb, "unverifiedFields" text[], "sourceNote" text, "workflowVersionId" uuid)
     )
     INSERT INTO "ProcedureVersion" (id, "procedureId", version, status, "nameVi", "nameEn", field, "feeVnd", "feeNote",
       "feeRule", "feeExemptions", deadline, "deadlineText", "requiredDocuments", "onlineLevel", "legalBasis", "formDefinition", "unverifiedFields",
       "sourceNote", "workflowVersionId", "publishedAt")
     SELECT r."versionId", p.id, 1, 'PUBLISHED', r."nameVi", r."nameEn", r.field, r."feeVnd", r."feeNote",
       r."feeRule", r."feeExemptions", r.deadline, r."deadlineText", r."requiredDocuments", r."onlineLevel"::"OnlineLevel", r."legalBasis", r."formDefinition",
       r."unverifiedFields", r."sourceNote", r."workflowVersionId", $2::timestamp(3)
     FROM r JOIN "Procedure" p ON p.slug = r.slug
     WHERE NOT EXISTS (SELECT 1 FROM "ProcedureVersion" v WHERE v."procedureId" = p.id)`,
    [json(records), now.toISOString()],
  )
  await client.query(
    `UPDATE "Procedure" p SET "currentVersionId" = v.id, "updatedAt" = $1::timestamp(3)
     FROM "ProcedureVersion" v
     WHERE v."procedureId" = p.id AND v.version = 1 AND v.status = 'PUBLISHED' AND p."currentVersionId" IS NULL`,
    [now.toISOString()],
  )
  return inserted.rowCount ?? 0
}

/**
 * Inserts the missing demo accounts (by username, or CCCD for citizens) and the staff's commune links.
 * Passwords are hashed once per distinct password, and only when some account is missing.
 */
export async function insertDemoAccounts(client: Queryable, provinceId: string, now: Date, accounts: readonly DemoAccount[] = DEMO_ACCOUNTS): Promise<number> {
  const { rows: existing } = await client.query<{ username: string | null; citizenId: string | null }>(
    `SELECT username, "citizenId" FROM "User" WHERE username = ANY($1::text[]) OR "citizenId" = ANY($2::text[])`,
    [accounts.flatMap((a) => (a.username ? [a.username] : [])), accounts.flatMap((a) => (a.citizenId ? [a.citizenId] : []))],
  )
  const present = new Set(existing.flatMap((row) => [row.username, row.citizenId]).filter(Boolean))
  const missing = accounts.filter((account) => !present.has(account.username ?? account.citizenId))
  const hashes = new Map<string, string>()
  for (const password of new Set(missing.map((account) => account.password))) hashes.set(password, await hashPassword(password))

  const records = missing.map((account) => ({
    id: uuidv7(now.getTime()),
    role: account.role,
    fullName: account.fullName,
    username: account.username,
    citizenId: account.citizenId,
    phone: account.phone,
    email: account.email,
    birthDate: account.birthDate,
    gender: account.gender,
    passwordHash: hashes.get(account.password),
    provinceId: account.role === 'PROVINCE_OFFICER' ? provinceId : null,
  }))
  const inserted = await client.query(
    `INSERT INTO "User" (id, role, "fullName", username, "citizenId", phone, email, "birthDate", gender, "passwordHash",
       "provinceId", "isDemo", "updatedAt")
     SELECT r.id, r.role::"Role", r."fullName", r.username, r."citizenId", r.phone, r.email, r."birthDate",
       r.gender::"Gender", r."passwordHash", r."provinceId", true, $2::timestamp(3)
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, role text, "fullName" text, username text, "citizenId" text,
       phone text, email text, "birthDate" date, gender text, "passwordHash" text, "provinceId" uuid)
     ON CONFLICT DO NOTHING`,
    [json(records), now.toISOString()],
  )
  const links = accounts.flatMap((account) =>
    account.username && account.communeCode && ['CLERK', 'SPECIALIST', 'LEADER'].includes(account.role)
      ? [{ username: account.username, communeCode: account.communeCode }]
      : [],
  )
  await client.query(
    `INSERT INTO "UserCommune" ("userId", "communeId")
     SELECT u.id, c.id FROM jsonb_to_recordset($1::jsonb) AS r(username text, "communeCode" text)
     JOIN "User" u ON u.username = r.username JOIN "Commune" c ON c.code = r."communeCode"
     ON CONFLICT DO NOTHING`,
    [json(links)],
  )
  return inserted.rowCount ?? 0
}
