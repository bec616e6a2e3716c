/**
 * Embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served on a local TCP port, so the
 * application reaches it through the same `pg` driver and Prisma adapter as a real server
 * (docs/adr/0001-embedded-database.md). It runs one query at a time: clients use a pool of 1.
 */
import { mkdir } from 'node:fs/promises'
import { createServer } from 'node:net'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> }

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * Starts PGlite file-backed in `dataDir` (or in memory when omitted) and serves it on 127.0.0.1:`port`
 * (a free port when omitted). The extensions the migrations create must be loaded here.
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true })
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    extensions: { pg_trgm, unaccent, pgcrypto },
  })
  const port = options.port ?? (await freePort())
  // A few connections may overlap briefly (a pool closing while the next one opens: the server notices a
  // closed socket only on its next tick). Clients still use one connection at a time: the server queues
  // protocol messages, and two clients' extended-protocol sequences could interleave.
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 8 })
  await server.start()
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop()
      await db.close()
    },
  }
}
