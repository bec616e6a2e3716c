/**
 * Test databases: with TEST_DATABASE_URL (a PostgreSQL server), the migrations are applied once per run to a
 * template database, and every integration test file gets `CREATE DATABASE … TEMPLATE` of it. Without it,
 * every file gets its own in-memory embedded PostgreSQL (PGlite) migrated from scratch. Either way the
 * real migrations run and nothing is shared between files.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { MIGRATIONS_DIR, readMigrationList } from '../../scripts/db/migrations'

export async function migrationsFingerprint(): Promise<string> {
  const list = await readMigrationList(MIGRATIONS_DIR)
  const hash = createHash('sha256')
  for (const dir of list.migrationDirectories) hash.update(dir.path).update(dir.migrationFile.content.value)
  hash.update(await readFile(path.join(MIGRATIONS_DIR, '../schema.prisma'), 'utf8'))
  return hash.digest('hex').slice(0, 12)
}

export function databaseUrlWithName(serverUrl: string, database: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

export async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrlWithName(serverUrl, 'postgres') })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`
