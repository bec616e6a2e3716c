/**
 * `npm start`: one command from a fresh clone to a running portal.
 *   1. the database: DATABASE_URL, or the embedded PostgreSQL (PGlite) kept in .data/pglite;
 *   2. migrations (always; idempotent);
 *   3. the demo data when the database is empty (DEMO_SEED=false skips it; DEMO_DOSSIERS sets how many);
 *   4. a production build when there is none or the sources changed since (`--dev`: the dev server instead);
 *   5. Next.js on PORT (3000), with the database URL passed down.
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { startEmbeddedPostgres, type EmbeddedPostgres } from './db/embedded'
import { EMBEDDED_DB_DIR } from './db/database-url'
import { applyMigrations, PROJECT_ROOT } from './db/migrations'
import { isDatabaseSeeded, seedDatabase } from '../prisma/seed'

const dev = process.argv.includes('--dev')
const port = process.env.PORT ?? '3000'
const nextBin = path.join(PROJECT_ROOT, 'node_modules/next/dist/bin/next')

function log(message: string) {
  console.log(`[motcua] ${message}`)
}

/** Newest modification time under the inputs of the build, to rebuild only when something changed. */
function newestSourceTime(): number {
  const inputs = ['src', 'messages', 'public', 'next.config.ts', 'package-lock.json', 'postcss.config.mjs']
  let newest = 0
  const visit = (entry: string) => {
    if (!existsSync(entry)) return
    const stat = statSync(entry)
    if (stat.isDirectory()) {
      for (const child of readdirSync(entry)) visit(path.join(entry, child))
    } else {
      newest = Math.max(newest, stat.mtimeMs)
    }
  }
  for (const input of inputs) visit(path.join(PROJECT_ROOT, input))
  return newest
}

function buildIfNeeded() {
  const buildId = path.join(PROJECT_ROOT, '.next/BUILD_ID')
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSourceTime()) {
    log('Production build is up to date.')
    return
  }
  log('Building the application (next build)…')
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit', env: process.env })
  if (result.status !== 0) throw new Error('next build failed')
}

/**
 * next-auth signs session cookies with NEXTAUTH_SECRET. Without one configured, a random secret is made
 * once and kept in .data/ (git-ignored), so sessions survive restarts of this installation.
 */
function authEnvironment(): { NEXTAUTH_SECRET: string; NEXTAUTH_URL: string } {
  let secret = process.env.NEXTAUTH_SECRET
  if (!secret) {
    const file = path.join(PROJECT_ROOT, '.data/auth-secret')
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 })
      log('No NEXTAUTH_SECRET: generated one in .data/auth-secret')
    }
    secret = readFileSync(file, 'utf8').trim()
  }
  return { NEXTAUTH_SECRET: secret, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` }
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED ??= '1'
  let embedded: EmbeddedPostgres | undefined
  let databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    log(`No DATABASE_URL: starting the embedded PostgreSQL in ${path.relative(PROJECT_ROOT, EMBEDDED_DB_DIR)}`)
    embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DB_DIR })
    databaseUrl = embedded.url
  }
  const stopDatabase = async () => {
    await embedded?.stop()
    embedded = undefined
  }

  try {
    const applied = await applyMigrations(databaseUrl)
    log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.')
    if (process.env.DEMO_SEED !== 'false' && !(await isDatabaseSeeded(databaseUrl))) {
      log('Empty database: loading Nghệ An reference data and demo dossiers…')
      const started = Date.now()
      const dossierCount = process.env.DEMO_DOSSIERS ? Number(process.env.DEMO_DOSSIERS) : undefined
      await seedDatabase({ databaseUrl, dossierCount, log })
      log(`Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
    }
    if (!dev) buildIfNeeded()
  } catch (error) {
    await stopDatabase()
    throw error
  }

  const env = {
    ...process.env,
    ...authEnvironment(),
    DATABASE_URL: databaseUrl,
    // PGlite runs one query at a time: the app must not open a pool of several connections to it.
    DATABASE_POOL_MAX: embedded ? '1' : (process.env.DATABASE_POOL_MAX ?? '10'),
    DEMO_MODE: process.env.DEMO_MODE ?? (embedded ? 'true' : 'false'),
  }
  const child = spawn(process.execPath, [nextBin, dev ? 'dev' : 'start', '-p', port], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env,
  })
  log(`MotCua is starting on http://localhost:${port}`)

  const shutdown = (signal: NodeJS.Signals) => {
    child.kill(signal)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  child.on('exit', (code, signal) => {
    void stopDatabase().finally(() => process.exit(code ?? (signal ? 0 : 1)))
  })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
