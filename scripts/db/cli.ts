/**
 * npm run db:migrate            apply pending migrations to DATABASE_URL (or the embedded database)
 * npm run db:migration -- NAME  write prisma/migrations/<timestamp>_NAME from the schema.prisma change
 * npm run db:check              fail when schema.prisma and the migrations folder disagree
 */
import { applyMigrations, createMigration, pendingSchemaChange } from './migrations'
import { withDatabase } from './database-url'

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2)
  switch (command) {
    case 'migrate': {
      const applied = await withDatabase((url) => applyMigrations(url))
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.')
      return 0
    }
    case 'migration': {
      const name = rest.join('_')
      if (!name) {
        console.error('Usage: npm run db:migration -- <name>')
        return 2
      }
      const dir = await createMigration(name)
      console.log(dir ? `Created ${dir}` : 'schema.prisma and the migrations agree: nothing to create.')
      return 0
    }
    case 'check': {
      const sql = await pendingSchemaChange()
      if (!sql.trim()) {
        console.log('schema.prisma and prisma/migrations agree.')
        return 0
      }
      console.error('schema.prisma and prisma/migrations disagree. Missing migration:\n\n' + sql)
      console.error('Create it with: npm run db:migration -- <name>')
      return 1
    }
    default:
      console.error('Usage: tsx scripts/db/cli.ts migrate | migration <name> | check')
      return 2
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
