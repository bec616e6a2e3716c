import type { AppErrorCode } from '@/domain/errors'

/** What a server action returns to its form (shared by server actions and client forms). */
export type ActionResult = { ok: true } | { ok: false; code: AppErrorCode | 'INTERNAL'; fieldErrors?: Record<string, string[]> }
