import type { TestProject } from 'vitest/node'
import { applyMigrations } from '../../scripts/db/migrations'
import { databaseUrlWithName, migrationsFingerprint, quoteIdent, withAdminClient } from './test-database'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabaseUrl: string | null
  }
}

/** Migrates the template database once per run (only when TEST_DATABASE_URL names a server). */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) {
    project.provide('templateDatabaseUrl', null)
    return
  }
  const name = `motcua_template_${await migrationsFingerprint()}`
  await withAdminClient(serverUrl, async (admin) => {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${quoteIdent(name)}`)
  })
  const templateUrl = databaseUrlWithName(serverUrl, name)
  // Idempotent: applies nothing when a previous run already migrated this template.
  await applyMigrations(templateUrl)
  project.provide('templateDatabaseUrl', templateUrl)
}
