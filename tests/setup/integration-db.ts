/**
 * Runs before each integration test file: gives the file a fresh, fully migrated database of its own and
 * points process.env.DATABASE_URL at it, and an empty attachment folder (the seed stores demo result files)
 * in ATTACHMENT_DIR unless the file sets its own. Both are dropped (or stopped) when the file ends.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, inject } from 'vitest'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../scripts/db/embedded'
import { applyMigrations } from '../../scripts/db/migrations'
import { databaseUrlWithName, quoteIdent, withAdminClient } from './test-database'

let cleanup: (() => Promise<void>) | undefined
let attachmentDir: string | undefined

beforeAll(async () => {
  attachmentDir = await mkdtemp(path.join(tmpdir(), 'motcua-test-attachments-'))
  process.env.ATTACHMENT_DIR = attachmentDir
})

afterAll(async () => {
  if (attachmentDir) await rm(attachmentDir, { recursive: true, force: true })
})

beforeAll(async () => {
  const templateUrl = inject('templateDatabaseUrl')
  if (templateUrl) {
    const template = new URL(templateUrl).pathname.slice(1)
    const name = `motcua_test_${process.pid}_${randomBytes(4).toString('hex')}`
    await withAdminClient(templateUrl, (admin) =>
      admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`),
    )
    process.env.DATABASE_URL = databaseUrlWithName(templateUrl, name)
    cleanup = () =>
      withAdminClient(templateUrl, async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)
      })
  } else {
    const embedded: EmbeddedPostgres = await startEmbeddedPostgres()
    await applyMigrations(embedded.url)
    process.env.DATABASE_URL = embedded.url
    process.env.DATABASE_POOL_MAX = '1'
    cleanup = embedded.stop
  }
})

afterAll(async () => {
  await cleanup?.()
})
