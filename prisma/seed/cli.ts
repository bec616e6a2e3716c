/**
 * npm run db:seed [-- --dossiers=N] [--now=2026-11-24T10:00:00+07:00]
 *
 * Applies pending migrations, then seeds DATABASE_URL (or the embedded database in .data/pglite) with the
 * reference data and, when it has no dossiers yet, the demo history (20,000 dossiers by default; the
 * DEMO_DOSSIERS environment variable or --dossiers sets another number, 0 for none). Safe to run again.
 */
import path from 'node:path'
import { EMBEDDED_DB_DIR, withDatabase } from '../../scripts/db/database-url'
import { applyMigrations, PROJECT_ROOT } from '../../scripts/db/migrations'
import { DEFAULT_DOSSIER_COUNT, seedDatabase } from './index'

function option(name: string): string | undefined {
  const prefix = `--${name}=`
  return process.argv.slice(2).find((arg) => arg.startsWith(prefix))?.slice(prefix.length)
}

async function main(): Promise<void> {
  const dossiers = option('dossiers') ?? process.env.DEMO_DOSSIERS
  const dossierCount = dossiers === undefined ? DEFAULT_DOSSIER_COUNT : Number(dossiers)
  const nowText = option('now')
  const now = nowText ? new Date(nowText) : new Date()
  if (!Number.isInteger(dossierCount) || dossierCount < 0) throw new Error(`--dossiers must be a whole number ≥ 0, not "${dossiers}"`)
  if (Number.isNaN(now.getTime())) throw new Error(`--now is not a date: "${nowText}"`)

  await withDatabase(async (url, embedded) => {
    const log = (message: string) => console.log(`[seed] ${message}`)
    log(embedded ? `Using the embedded database (${path.relative(PROJECT_ROOT, EMBEDDED_DB_DIR)}).` : 'Using DATABASE_URL.')
    const applied = await applyMigrations(url)
    if (applied.length) log(`Applied migrations: ${applied.join(', ')}`)
    const report = await seedDatabase({ databaseUrl: url, dossierCount, now, log })
    const { totals, history, timings } = report
    log(
      `Done in ${(report.durationMs / 1000).toFixed(1)} s: ${totals.communes} communes, ${totals.procedures} procedures, ` +
        `${totals.calendarDays} calendar days, ${totals.workflows} workflows, ${totals.users} users, ${totals.dossiers} dossiers.`,
    )
    if (history) {
      log(
        `Demo history: ${history.dossiers} dossiers, ${history.events} events, ${history.supplementRequests} supplement requests, ` +
          `${history.payments} payments, ${history.ratings} ratings, ${history.codeSequences} code sequences, ${history.dailyStats} daily stats.`,
      )
    }
    log(`Timings (ms): ${Object.entries(timings).map(([step, ms]) => `${step} ${ms}`).join(', ')}`)
  })
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
