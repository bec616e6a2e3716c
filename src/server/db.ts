import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import { serverEnv } from './env'
import { createPrismaClient } from './prisma-client'

// One client per process; kept on globalThis so hot reload in development does not open a pool per edit.
const globalForDb = globalThis as unknown as { motcuaDb?: PrismaClient }

export function db(): PrismaClient {
  const env = serverEnv()
  globalForDb.motcuaDb ??= createPrismaClient(env.DATABASE_URL, env.DATABASE_POOL_MAX)
  return globalForDb.motcuaDb
}
