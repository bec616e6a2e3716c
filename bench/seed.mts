/**
 * Benchmark: seeding the demo data (reference data + N demo dossiers with their history) into a fresh
 * database, on a PostgreSQL server and on the embedded PGlite. Target (issue 3): 20,000 dossiers < 30 s.
 *
 *   npx tsx --conditions=react-server bench/seed.mts [--dossiers 20000] [--server postgresql://postgres@127.0.0.1:5432/postgres]
 *
 * The server run uses a scratch database it creates and drops. Prints one line per target.
 */
import pg from 'pg'
import { startEmbeddedPostgres } from '../scripts/db/embedded'
import { applyMigrations } from '../scripts/db/migrations'
import { seedDatabase } from '../prisma/seed'

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback
}

const dossierCount = Number(arg('dossiers', '20000'))
const serverUrl = arg('server', process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres')

async function timeSeed(label: string, url: string) {
  await applyMigrations(url)
  const started = performance.now()
  const report = await seedDatabase({ databaseUrl: url, dossierCount })
  const seconds = (performance.now() - started) / 1000
  const again = performance.now()
  await seedDatabase({ databaseUrl: url, dossierCount })
  const secondRun = (performance.now() - again) / 1000
  console.log(
    `${label}: ${report.dossiers} dossiers seeded in ${seconds.toFixed(1)} s (second, idempotent run: ${secondRun.toFixed(1)} s)`,
  )
}

async function onServer() {
  const admin = new URL(serverUrl)
  admin.pathname = '/postgres'
  const name = `motcua_bench_seed_${process.pid}`
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  try {
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    await timeSeed(`PostgreSQL server (${url.host})`, url.toString())
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await client.end()
  }
}

async function onEmbedded() {
  const embedded = await startEmbeddedPostgres()
  try {
    await timeSeed('embedded PGlite (in memory)', embedded.url)
  } finally {
    await embedded.stop()
  }
}

await onServer()
await onEmbedded()
