import { defineConfig } from 'prisma/config'

// Used by `prisma generate` only. Migrations run through the WebAssembly schema engine
// (scripts/db/), because the native engine cannot be downloaded in our environments.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
})
