/**
 * The name an uploaded file is stored under: the uploader's own name, as close to the original as the
 * database and the screens allow — composed (NFC), without control characters (PostgreSQL refuses NUL),
 * whitespace collapsed, at most ATTACHMENT_LIMITS.maxFileNameLength characters, never empty. The name it
 * is downloaded under is derived from it later (safeDownloadName), with the extension corrected.
 */
import { FALLBACK_BASE_NAME } from './download-name'
import { ATTACHMENT_LIMITS } from './limits'

export function originalFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // Old browsers send the client's whole path ("C:\fakepath\to-khai.pdf"): keep the last segment.
    .replace(/^.*[\\/]/su, '')
    .replace(/[\p{Cc}\p{Cs}]/gu, ' ')
    .replace(/[\s\p{Z}]+/gu, ' ')
    .trim()
  return Array.from(cleaned).slice(0, ATTACHMENT_LIMITS.maxFileNameLength).join('').trim() || FALLBACK_BASE_NAME
}
