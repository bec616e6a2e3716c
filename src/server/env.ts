import 'server-only'
import { z } from 'zod'
import { isValidStorageKey } from '@/server/attachments/storage/attachment-storage'
import { isValidS3BucketName } from '@/server/attachments/storage/s3-names'

/** An empty value (`S3_KEY_PREFIX=` in an env file) counts as unset. */
function unsetIfEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema)
}

/** What ATTACHMENT_STORAGE=s3 cannot do without; S3_REGION has a default, the rest are optional. */
const REQUIRED_FOR_S3 = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const

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
  /**
   * Reverse proxies in front of the app that append the client's address to X-Forwarded-For (server/http/
   * client-address.ts): the client is read that many entries from the header's right end. 0: no proxy, the
   * header is ignored.
   */
  TRUSTED_PROXY_HOPS: unsetIfEmpty(
    z
      .string()
      .regex(/^(?:[0-9]|10)$/, { message: 'must be a whole number from 0 to 10' })
      .default('0')
      .transform(Number),
  ),
  /** Where attachment bytes live (server/attachments/storage): `local` disk or an `s3`-compatible bucket. */
  ATTACHMENT_STORAGE: z.enum(['local', 's3'], { message: 'must be local or s3' }).default('local'),
  /** Directory of the `local` storage; default `<cwd>/.data/attachments`. */
  ATTACHMENT_DIR: z.string().min(1).optional(),
  /** The `s3` storage: base URL of the S3 API (https://s3.<region>.amazonaws.com, http://minio:9000, …). */
  S3_ENDPOINT: unsetIfEmpty(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional()),
  /** Signing region; MinIO and most compatible stores accept the default. */
  S3_REGION: unsetIfEmpty(z.string().min(1).default('us-east-1')),
  S3_BUCKET: unsetIfEmpty(
    z
      .string()
      .refine(isValidS3BucketName, { message: 'must be a bucket name of 3–63 lowercase letters, digits, dots and hyphens' })
      .optional(),
  ),
  S3_ACCESS_KEY_ID: unsetIfEmpty(z.string().optional()),
  S3_SECRET_ACCESS_KEY: unsetIfEmpty(z.string().optional()),
  /** `<endpoint>/<bucket>/<key>` addressing, which MinIO and stores reached by IP need. */
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  /** Folder inside the bucket (`motcua/attachments`), so one bucket can serve several uses. */
  S3_KEY_PREFIX: unsetIfEmpty(
    z
      .string()
      .transform((prefix) => prefix.replace(/^\/+|\/+$/g, ''))
      .refine((prefix) => prefix === '' || isValidStorageKey(prefix), { message: 'must be folder names of letters, digits, ".", "_" and "-" separated by "/"' })
      .optional(),
  ),
  /**
   * The card/wallet gateway (server/payments/gateway): its payment page URL, merchant code and shared secret.
   * Unset URL: the app's own sandbox gateway (/cong-thanh-toan-thu-nghiem), with a fixed sandbox secret.
   */
  PAYMENT_GATEWAY_URL: unsetIfEmpty(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional()),
  PAYMENT_GATEWAY_MERCHANT: unsetIfEmpty(z.string().regex(/^[A-Za-z0-9]{1,20}$/, { message: 'must be 1–20 letters or digits' }).default('MOTCUA01')),
  PAYMENT_GATEWAY_SECRET: unsetIfEmpty(z.string().min(16, { message: 'must be at least 16 characters' }).optional()),
  /**
   * The app's own sandbox gateway (no real money) when no real gateway is configured: on by default only in demo
   * mode or outside production, so a production deployment without a gateway offers no card payment at all.
   */
  PAYMENT_SANDBOX: z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true' || value === '1')),
  /** Where the sandbox gateway sends its IPN (server to server); default: NEXTAUTH_URL + /api/payments/gateway/ipn. */
  PAYMENT_SANDBOX_IPN_URL: unsetIfEmpty(z.url({ protocol: /^https?$/ }).optional()),
  NEXTAUTH_URL: unsetIfEmpty(z.url({ protocol: /^https?$/ }).optional()),
}).superRefine((env, context) => {
  if (env.PAYMENT_GATEWAY_URL !== undefined && env.PAYMENT_GATEWAY_SECRET === undefined) {
    context.addIssue({ code: 'custom', path: ['PAYMENT_GATEWAY_SECRET'], message: 'required when PAYMENT_GATEWAY_URL is set' })
  }
  if (env.ATTACHMENT_STORAGE !== 's3') return
  for (const name of REQUIRED_FOR_S3) {
    if (env[name] === undefined) context.addIssue({ code: 'custom', path: [name], message: 'required when ATTACHMENT_STORAGE=s3' })
  }
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
