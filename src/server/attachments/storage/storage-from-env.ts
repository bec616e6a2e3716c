import 'server-only'
import path from 'node:path'
import { serverEnv } from '@/server/env'
import type { AttachmentStorage } from './attachment-storage'
import { LocalDiskStorage } from './local-disk-storage'

let storage: AttachmentStorage | undefined

/**
 * The storage this deployment uses, chosen by ATTACHMENT_STORAGE (default `local`, in ATTACHMENT_DIR or
 * `<cwd>/.data/attachments`).
 *
 * Extension point (issue 6 — several app instances): add `s3` to ATTACHMENT_STORAGE in server/env.ts
 * with its settings (endpoint, region, bucket, access key, secret, path-style for MinIO), implement
 * AttachmentStorage in ./s3-storage.ts (put = PutObject, stream = GetObject's body, exists = HeadObject),
 * and return it from the switch below. Nothing else changes: callers only see AttachmentStorage.
 */
export function attachmentStorage(): AttachmentStorage {
  if (storage) return storage
  const env = serverEnv()
  switch (env.ATTACHMENT_STORAGE) {
    case 'local':
      storage = new LocalDiskStorage(env.ATTACHMENT_DIR ?? path.join(process.cwd(), '.data', 'attachments'))
      return storage
  }
}
