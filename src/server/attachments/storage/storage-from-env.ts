import 'server-only'
import path from 'node:path'
import { serverEnv, type ServerEnv } from '@/server/env'
import type { AttachmentStorage } from './attachment-storage'
import { LocalDiskStorage } from './local-disk-storage'
import { S3Storage } from './s3-storage'

let storage: AttachmentStorage | undefined

/**
 * The storage this deployment uses, chosen by ATTACHMENT_STORAGE: `local` (default) keeps files in
 * ATTACHMENT_DIR or `<cwd>/.data/attachments`, for one app instance; `s3` keeps them in an S3-compatible
 * bucket (S3_* settings, checked in server/env.ts), for any number of instances. Callers only see
 * AttachmentStorage. Call it at start-up to fail there, not on the first upload, when a setting is wrong.
 */
export function attachmentStorage(): AttachmentStorage {
  storage ??= storageFor(serverEnv())
  return storage
}

export function storageFor(env: ServerEnv): AttachmentStorage {
  switch (env.ATTACHMENT_STORAGE) {
    case 'local':
      return new LocalDiskStorage(env.ATTACHMENT_DIR ?? path.join(process.cwd(), '.data', 'attachments'))
    case 's3':
      return new S3Storage({
        endpoint: requiredForS3('S3_ENDPOINT', env.S3_ENDPOINT),
        region: env.S3_REGION,
        bucket: requiredForS3('S3_BUCKET', env.S3_BUCKET),
        accessKeyId: requiredForS3('S3_ACCESS_KEY_ID', env.S3_ACCESS_KEY_ID),
        secretAccessKey: requiredForS3('S3_SECRET_ACCESS_KEY', env.S3_SECRET_ACCESS_KEY),
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
        keyPrefix: env.S3_KEY_PREFIX,
      })
  }
}

/** serverEnv() has already refused a missing setting; this only tells the type checker so. */
function requiredForS3(name: string, value: string | undefined): string {
  if (value === undefined) throw new Error(`Invalid environment: ${name}: required when ATTACHMENT_STORAGE=s3`)
  return value
}
