/**
 * The server the end-to-end tests drive: `npm start` on a fresh database — a new database on the
 * TEST_DATABASE_URL server, or a new embedded one — seeded with demo data, in demo mode.
 */
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { PROJECT_ROOT } from './db/migrations'

// One database per port, so two e2e runs side by side (different E2E_PORT) never share one.
const DATABASE_NAME = `motcua_e2e_${process.env.E2E_PORT ?? '3210'}`

async function freshServerDatabase(serverUrl: string): Promise<string> {
  const admin = new URL(serverUrl)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  await client.query(`DROP DATABASE IF EXISTS ${DATABASE_NAME} WITH (FORCE)`)
  await client.query(`CREATE DATABASE ${DATABASE_NAME}`)
  await client.end()
  const url = new URL(serverUrl)
  url.pathname = `/${DATABASE_NAME}`
  return url.toString()
}

async function main() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: process.env.E2E_PORT ?? '3210',
    DEMO_MODE: 'true',
    DEMO_DOSSIERS: process.env.DEMO_DOSSIERS ?? '3000',
    NEXTAUTH_URL: `http://127.0.0.1:${process.env.E2E_PORT ?? '3210'}`,
    NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789',
  }
  // VNeID sign-in against the test OpenID provider Playwright starts first (tests/support/oidc-provider-server.ts).
  if (process.env.E2E_OIDC_ISSUER) {
    env.VNEID_ISSUER = process.env.E2E_OIDC_ISSUER
    env.VNEID_CLIENT_ID = process.env.E2E_OIDC_CLIENT_ID
    env.VNEID_CLIENT_SECRET = process.env.E2E_OIDC_CLIENT_SECRET
  }
  if (process.env.TEST_DATABASE_URL) {
    env.DATABASE_URL = await freshServerDatabase(process.env.TEST_DATABASE_URL)
  } else {
    delete env.DATABASE_URL
    const dir = path.join(PROJECT_ROOT, '.data/e2e-pglite')
    rmSync(dir, { recursive: true, force: true })
    env.EMBEDDED_DB_DIR = dir
  }
  const child = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/start.ts'], { cwd: PROJECT_ROOT, stdio: 'inherit', env })
  const stop = () => child.kill('SIGTERM')
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  child.on('exit', (code) => process.exit(code ?? 0))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
