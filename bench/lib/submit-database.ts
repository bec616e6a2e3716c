/**
 * The database of the submission benchmark (bench/submit.mts): the demo data with a small history, and the
 * procedure the load submits, its file slots made optional when its form requires files.
 *
 * Created when missing, migrated, seeded once (seedDatabase: reference data, demo accounts, N demo dossiers);
 * a rerun reuses it as it is — the dossiers earlier runs submitted stay, which only makes the tables bigger.
 *
 * The JSON submit endpoint takes typed answers only (files are uploaded to a draft on the form page), so a
 * procedure whose form has a REQUIRED file slot can never be submitted through it. Every seeded procedure has
 * at least one (the request form, `to-khai`); the benchmark then makes the slots of the chosen procedure's
 * current version optional — in this database only — and says so.
 */
import pg from 'pg'
import { seedDatabase } from '../../prisma/seed'
import { buildCatalogue } from '../../prisma/seed/procedure-catalogue'
import { applyMigrations } from '../../scripts/db/migrations'
import type { FormKind } from '../../src/domain/forms/default-forms'
import { FormDefinitionSchema, type FormDefinition } from '../../src/domain/forms/form-definition'
import { fileSlotsOf } from '../../src/domain/forms/file-slots'
import { DEMO_CITIZENS } from '../../src/server/demo/demo-accounts'

export type BenchCitizen = { userId: string; sessionVersion: number; fullName: string; citizenId: string; phone: string; email: string | null }
export type BenchCommune = { id: string; code: string; isWard: boolean }
export type BenchProcedure = {
  id: string
  slug: string
  nameVi: string
  versionId: string
  kind: FormKind
  definition: FormDefinition
  /** Paths of the file slots the catalogue requires that are optional in the bench database (empty: none). */
  relaxedSlots: string[]
}
export type SubmitBenchDatabase = {
  url: string
  name: string
  /** true when this run created and seeded the database. */
  created: boolean
  procedure: BenchProcedure
  citizens: BenchCitizen[]
  communes: BenchCommune[]
}

/** The reference submission (its e2e test files one): the procedure used when every form requires files. */
const PREFERRED_NAME = 'Đăng ký khai sinh'

export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''))
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Benchmark database name must be a plain identifier: "${name}"`)
  return name
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

function adminUrlOf(url: string): string {
  const admin = new URL(url)
  admin.pathname = '/postgres'
  return admin.toString()
}

/** Every file field of the definition (top level and inside groups) with `required: false`. */
function withOptionalFiles(definition: FormDefinition): FormDefinition {
  return {
    ...definition,
    sections: definition.sections.map((section) => ({
      ...section,
      fields: section.fields.map((field) => {
        if (field.type === 'file') return { ...field, required: false }
        if (field.type === 'group') return { ...field, fields: field.fields.map((inner) => (inner.type === 'file' ? { ...inner, required: false } : inner)) }
        return field
      }),
    })),
  }
}

export async function ensureSubmitBenchDatabase(options: {
  url: string
  dossiers: number
  fresh: boolean
  /** Slug of the procedure to submit; default: the first without required file slots, else birth registration. */
  procedureSlug: string | null
  log: (message: string) => void
}): Promise<SubmitBenchDatabase> {
  const { url, log } = options
  const name = databaseNameOf(url)
  const created = await withClient(adminUrlOf(url), async (admin) => {
    const { rows } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])
    if (rows.length > 0 && !options.fresh) return false
    if (rows.length > 0) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${name}`)
    return true
  })
  const applied = await applyMigrations(url)
  if (applied.length > 0) log(`${created ? 'Created' : 'Migrated'} ${name}: ${applied.length} migrations applied.`)
  const seeded = await seedDatabase({ databaseUrl: url, dossierCount: options.dossiers })
  if (seeded.dossiers > 0) log(`Seeded reference data, demo accounts and ${seeded.dossiers.toLocaleString('en')} demo dossiers in ${(seeded.durationMs / 1000).toFixed(1)} s.`)
  else log(`Reusing ${name} (${seeded.totals.dossiers.toLocaleString('en')} dossiers, ${seeded.totals.procedures} procedures).`)

  return withClient(url, async (client) => {
    // The catalogue's own definitions say which slots are required: the database's may be relaxed by an earlier run.
    const catalogue = new Map(buildCatalogue().map((entry) => [entry.slug, entry]))
    const { rows } = await client.query<{ id: string; slug: string; nameVi: string; versionId: string; formDefinition: unknown }>(
      `SELECT p.id, p.slug, v."nameVi", v.id AS "versionId", v."formDefinition"
       FROM "Procedure" p JOIN "ProcedureVersion" v ON v.id = p."currentVersionId"
       WHERE p."isActive" AND v.status = 'PUBLISHED' AND v."onlineLevel" <> 'NONE'
       ORDER BY p.slug`,
    )
    const requiredSlots = (definition: FormDefinition) => fileSlotsOf(definition).filter((slot) => slot.required).map((slot) => slot.path)
    const candidates = rows
      .filter((row) => catalogue.has(row.slug))
      .map((row) => {
        const entry = catalogue.get(row.slug)!
        return { ...row, kind: entry.formKind, definition: FormDefinitionSchema.parse(row.formDefinition), requiredInCatalogue: requiredSlots(entry.formDefinition) }
      })
    if (candidates.length === 0) throw new Error('No published online procedure of the seeded catalogue: did the seed run?')
    const chosen = options.procedureSlug
      ? candidates.find((row) => row.slug === options.procedureSlug)
      : (candidates.find((row) => row.requiredInCatalogue.length === 0) ?? candidates.find((row) => row.nameVi === PREFERRED_NAME) ?? candidates[0])
    if (!chosen) throw new Error(`--procedure ${options.procedureSlug}: no such published online procedure (${candidates.map((row) => row.slug).join(', ')})`)

    const withoutRequiredFiles = candidates.filter((row) => row.requiredInCatalogue.length === 0).length
    log(`Procedures open online: ${candidates.length}, of which ${withoutRequiredFiles} have no required file slot in the seeded catalogue.`)
    let definition = chosen.definition
    if (requiredSlots(definition).length > 0) {
      definition = withOptionalFiles(chosen.definition)
      await client.query(`UPDATE "ProcedureVersion" SET "formDefinition" = $2 WHERE id = $1`, [chosen.versionId, JSON.stringify(definition)])
    }
    // Made optional now or by an earlier run on this database.
    const relaxed = chosen.requiredInCatalogue.filter((slotPath) => !requiredSlots(definition).includes(slotPath))

    const citizens = await client.query<BenchCitizen>(
      `SELECT id AS "userId", "sessionVersion", "fullName", "citizenId", phone, email FROM "User"
       WHERE role = 'CITIZEN' AND "citizenId" = ANY($1) AND "disabledAt" IS NULL ORDER BY "citizenId"`,
      [DEMO_CITIZENS.map((citizen) => citizen.citizenId)],
    )
    if (citizens.rows.length === 0) throw new Error('No demo citizen in the database: did the seed run?')
    const communes = await client.query<{ id: string; code: string; kind: string }>(`SELECT id, code, kind::text AS kind FROM "Commune" WHERE "isActive" ORDER BY code`)
    return {
      url,
      name,
      created,
      procedure: { id: chosen.id, slug: chosen.slug, nameVi: chosen.nameVi, versionId: chosen.versionId, kind: chosen.kind, definition, relaxedSlots: relaxed },
      citizens: citizens.rows,
      communes: communes.rows.map((row) => ({ id: row.id, code: row.code, isWard: row.kind === 'PHUONG' })),
    }
  })
}
