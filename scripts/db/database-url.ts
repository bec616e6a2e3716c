/**
 * Which database a command talks to: DATABASE_URL when set, otherwise the embedded PGlite whose files live
 * in EMBEDDED_DB_DIR (default .data/pglite, git-ignored).
 */
import path from 'node:path'
import { startEmbeddedPostgres } from './embedded'
import { PROJECT_ROOT } from './migrations'

export const EMBEDDED_DB_DIR = path.resolve(PROJECT_ROOT, process.env.EMBEDDED_DB_DIR ?? '.data/pglite')

/** Runs `work` against DATABASE_URL, or against the embedded database started (and stopped) around it. */
export async function withDatabase<T>(work: (url: string, embedded: boolean) => Promise<T>): Promise<T> {
  const configured = process.env.DATABASE_URL
  if (configured) return work(configured, false)
  const embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DB_DIR })
  try {
    return await work(embedded.url, true)
  } finally {
    await embedded.stop()
  }
}
