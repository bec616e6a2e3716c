/**
 * Prisma's schema engine compiled to WebAssembly, driven through `@prisma/adapter-pg`.
 *
 * Why: the native schema engine cannot be downloaded in our environments (docs/adr/0002-offline-migrations.md).
 * The WebAssembly build runs everything `prisma migrate` needs — diff, apply — over a driver adapter, so it
 * works on a PostgreSQL server and on the embedded PGlite alike. The migrations folder stays in Prisma's
 * standard format, so `prisma migrate deploy` works wherever the native engine is available.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { inspect } from 'node:util'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils'

type AnyFn = (...args: never[]) => unknown
// The engine's JS glue is untyped at this depth; these are the shapes we use (see schema_engine.d.ts).
export type MigrationList = {
  baseDir: string
  lockfile: { path: string; content: string | null }
  shadowDbInitScript: string
  migrationDirectories: { path: string; migrationFile: { path: string; content: { tag: 'ok'; value: string } } }[]
}
export type DiffTarget =
  | { tag: 'empty' }
  | { tag: 'schemaDatamodel'; files: { path: string; content: string }[] }
  | { tag: 'schemaDatasource'; files: { path: string; content: string }[]; configDir: string }
  | ({ tag: 'migrations' } & MigrationList)
export type SchemaEngine = {
  diff(params: {
    from: DiffTarget
    to: DiffTarget
    script: boolean
    exitCode: boolean
    shadowDatabaseUrl: null
    filters: { externalTables: string[]; externalEnums: string[] }
  }): Promise<{ exitCode: number; stdout: string }>
  applyMigrations(input: {
    migrationsList: MigrationList
    filters: { externalTables: string[]; externalEnums: string[] }
  }): Promise<{ appliedMigrationNames: string[] }>
  free(): Promise<void>
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] }

const PG_CHAR_OID = 18
const PG_TEXT_OID = 25

type QueryResultLike = { fields: { dataTypeID: number }[]; rows: unknown[] }
type Queryable = {
  performIO: (query: unknown) => Promise<QueryResultLike>
  queryRaw: (query: unknown) => Promise<{ columnTypes: number[]; rows: unknown[] }>
}

/**
 * Gap 1 of @prisma/adapter-pg 7.10 under the schema engine: catalog queries return Postgres' internal
 * `"char"` (OID 18), which the adapter cannot map, while the engine's describer expects those columns as
 * `Character`. Read them as text, then report them as Character.
 */
function patchCharColumns(queryable: Queryable): void {
  const charPositions = new WeakMap<unknown[], number[]>()
  const performIO = queryable.performIO.bind(queryable)
  const queryRaw = queryable.queryRaw.bind(queryable)
  queryable.performIO = async (query) => {
    const result = await performIO(query)
    const positions: number[] = []
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID
        positions.push(index)
      }
    })
    if (positions.length > 0) charPositions.set(result.rows, positions)
    return result
  }
  // queryRaw returns the very `rows` array performIO produced, which keys the positions above.
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query)
    for (const position of charPositions.get(result.rows) ?? []) result.columnTypes[position] = ColumnTypeEnum.Character
    return result
  }
}

type Adapter = Queryable & {
  startTransaction: (isolation?: string) => Promise<Queryable>
  executeScript: (script: string) => Promise<void>
  underlyingDriver: () => pg.Pool
  dispose: () => Promise<void>
}

function patchAdapter(adapter: Adapter): Adapter {
  patchCharColumns(adapter)
  const startTransaction = adapter.startTransaction.bind(adapter)
  adapter.startTransaction = async (isolation) => {
    const tx = await startTransaction(isolation)
    patchCharColumns(tx)
    return tx
  }
  // The adapter splits scripts on every ";", which breaks function bodies ($$ … $$) in migrations.
  // PostgreSQL's simple-query protocol runs a multi-statement script as-is, as the native engine does.
  adapter.executeScript = async (script) => {
    await adapter.underlyingDriver().query(script)
  }
  return adapter
}

class MigrationAdapterFactory {
  readonly provider = 'postgres'
  readonly adapterName = '@prisma/adapter-pg'
  private readonly inner: PrismaPg
  constructor(private readonly config: pg.PoolConfig) {
    this.inner = new PrismaPg(config)
  }
  private readonly opened = new Set<Adapter>()
  async connect() {
    const adapter = patchAdapter((await this.inner.connect()) as unknown as Adapter)
    this.opened.add(adapter)
    const dispose = adapter.dispose.bind(adapter)
    adapter.dispose = async () => {
      this.opened.delete(adapter)
      await dispose()
    }
    return adapter
  }
  /** The engine does not always dispose its connections; the embedded database serves only one at a time. */
  async closeAll() {
    await Promise.all([...this.opened].map((adapter) => adapter.dispose()))
  }
  /**
   * Gap 2: the stock shadow database ignores the database name of a connection string and drops the
   * database before closing its pool. Create it, connect by explicit fields, close the pool, then drop.
   */
  async connectToShadowDb() {
    const admin = new pg.Client(this.config)
    await admin.connect()
    const database = `prisma_shadow_${crypto.randomUUID().replaceAll('-', '')}`
    await admin.query(`CREATE DATABASE "${database}"`)
    await admin.end()
    const params = parseConnection(this.config)
    const factory = new PrismaPg({ ...params, database, max: 1 })
    const adapter = patchAdapter((await factory.connect()) as unknown as Adapter)
    const dispose = adapter.dispose.bind(adapter)
    adapter.dispose = async () => {
      await dispose()
      const cleaner = new pg.Client(this.config)
      await cleaner.connect()
      await cleaner.query(`DROP DATABASE IF EXISTS "${database}"`)
      await cleaner.end()
    }
    return adapter
  }
}

function parseConnection(config: pg.PoolConfig): pg.PoolConfig {
  if (!config.connectionString) return config
  const url = new URL(config.connectionString)
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
  }
}

let wasmModule: Promise<Record<string, AnyFn>> | undefined

async function loadEngineModule(): Promise<Record<string, AnyFn>> {
  // Without a registry the engine's panics surface only as "unreachable".
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } }
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      console.error(`schema engine panic: ${message}`)
    },
  }
  wasmModule ??= (async () => {
    const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as Record<string, AnyFn>
    const require = createRequire(import.meta.url)
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm')
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': bg })
    const exports = instance.exports as unknown as { __wbindgen_start: () => void }
    ;(bg.__wbg_set_wasm as unknown as (e: unknown) => void)(instance.exports)
    exports.__wbindgen_start()
    return bg
  })()
  return wasmModule
}

export async function openSchemaEngine(databaseUrl: string, schemaPath: string, schemaText: string): Promise<SchemaEngine> {
  const bg = await loadEngineModule()
  const EngineClass = bg.SchemaEngine as unknown as {
    new: (options: unknown, log: (message: string) => void, adapter: unknown) => Promise<SchemaEngine>
  }
  const adapterFactory = new MigrationAdapterFactory({ connectionString: databaseUrl, max: 1 })
  const factory = bindMigrationAwareSqlAdapterFactory(adapterFactory as never)
  const registry = (factory as unknown as { errorRegistry: { consumeError(id: number): { error: unknown } | undefined } })
    .errorRegistry
  // The engine reports a driver failure only as "External error id#N": put the driver's own error back.
  const explain = (error: unknown): never => {
    const id = /External error id#(\d+)/.exec(String(error))?.[1]
    const original = id === undefined ? undefined : registry.consumeError(Number(id))?.error
    if (original) throw original instanceof Error ? original : new Error(`Schema engine database error: ${inspect(original)}`, { cause: error })
    throw error
  }
  const engine = await EngineClass.new({ datamodels: [[schemaPath, schemaText]] }, () => {}, factory).catch(explain)
  return {
    diff: (params) => engine.diff(params).catch(explain),
    applyMigrations: (input) => engine.applyMigrations(input).catch(explain),
    free: async () => {
      engine.free()
      await adapterFactory.closeAll()
    },
  }
}
