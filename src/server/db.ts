import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/generated/prisma/client'
import { serverEnv } from './env'

export type Db = PrismaClient

function createClient(): PrismaClient {
  const env = serverEnv()
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_MAX }),
  })
}

// One client per process; kept on globalThis so hot reload in development does not open a pool per edit.
const globalForDb = globalThis as unknown as { motcuaDb?: PrismaClient }

export function db(): PrismaClient {
  globalForDb.motcuaDb ??= createClient()
  return globalForDb.motcuaDb
}
