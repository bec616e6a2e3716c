import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/generated/prisma/client'

/**
 * The one way this codebase opens Prisma: the pg driver adapter, the same for a PostgreSQL server and for
 * the embedded PGlite (which needs `poolMax` 1). Used by the app (server/db.ts), the seed and the tests.
 */
export function createPrismaClient(connectionString: string, poolMax = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolMax }) })
}
