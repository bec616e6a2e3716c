import 'server-only'
import { randomUUID } from 'node:crypto'

/** A new storage key, `2026/11/<uuid>`: by year and month (UTC) so that no directory grows without bound. */
export function newStorageKey(now: Date = new Date()): string {
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`
}
