import 'server-only'
import { z } from 'zod'

/** Server environment, validated once at first use; a bad value fails loudly with the variable's name. */
const EnvSchema = z.object({
  DATABASE_URL: z.string().url({ message: 'DATABASE_URL must be a postgresql:// URL' }),
  /** Connections per app instance; the embedded database serves one at a time (set to 1 by npm start). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Shows demo credentials and the dev mailbox. On by default with the embedded database. */
  DEMO_MODE: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Where attachment bytes live (server/attachments/storage): `local` disk; an S3-compatible store is to come. */
  ATTACHMENT_STORAGE: z.enum(['local']).default('local'),
  /** Directory of the `local` storage; default `<cwd>/.data/attachments`. */
  ATTACHMENT_DIR: z.string().min(1).optional(),
})

export type ServerEnv = z.infer<typeof EnvSchema>

let cached: ServerEnv | undefined

export function serverEnv(): ServerEnv {
  if (cached) return cached
  const parsed = EnvSchema.safeParse(process.env)
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new Error(`Invalid environment: ${details}`)
  }
  cached = parsed.data
  return cached
}
