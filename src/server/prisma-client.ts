import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/generated/prisma/client'

/**
 * The one way this codebase opens Prisma: the pg driver adapter, the same for a PostgreSQL server and for
 * the embedded PGlite (which needs `poolMax` 1). Used by the app (server/db.ts), the seed and the tests.
 */
export function createPrismaClient(connectionString: string, poolMax = 10): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: poolMax }),
    // Prisma's defaults (wait 2 s for a connection, 5 s per interactive transaction) fail correct work on a
    // loaded 2-core server (publishing a workflow, a statement import): every state change is one
    // transaction, so it must be allowed to finish. Locks still end with the transaction.
    transactionOptions: { maxWait: 10_000, timeout: 30_000 },
  })
}
