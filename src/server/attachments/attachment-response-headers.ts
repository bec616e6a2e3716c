import { contentDisposition } from '@/domain/attachments/download-name'
import { isAcceptedMimeType } from '@/domain/attachments/file-type'

/**
 * Headers of GET /api/attachments/:id. Pure, unit-tested.
 *
 * - The type is the one detected from the content at upload, with `nosniff`: a browser never guesses
 *   another (e.g. HTML) from the bytes.
 * - Inline (the default) may be framed by this site's own pages only — the in-page preview of a PDF in an
 *   <iframe> — while every other response of the site forbids framing (src/proxy.ts). Next.js keeps a
 *   header the proxy set over a route's own of the same name, so the proxy leaves Content-Security-Policy
 *   and X-Frame-Options to this route (routeSetsFramingHeaders), which sets them on every answer, errors
 *   included (ATTACHMENT_ERROR_HEADERS). `?download=1` answers as an attachment and forbids framing.
 * - Content-Length is set, but Next.js 16 drops it from route handlers' responses (send-response.js,
 *   FORBIDDEN_HEADERS): the body goes out chunked, which browsers and their PDF viewer handle.
 * - `private, no-store`: identity papers must not stay in shared (or a shared computer's) caches.
 * - Cross-Origin-Resource-Policy: other sites cannot embed the files.
 */
const NO_FRAMING = { 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'", 'X-Frame-Options': 'DENY' } as const

/** The paths whose route sets its own framing headers, for src/proxy.ts. */
export function routeSetsFramingHeaders(pathname: string): boolean {
  return /^\/api\/attachments\/[^/]+$/.test(pathname)
}

/** On the route's error answers (401, 404, 500): nothing may frame them. */
export const ATTACHMENT_ERROR_HEADERS: Readonly<Record<string, string>> = { ...NO_FRAMING, 'Cache-Control': 'no-store' }

export function attachmentResponseHeaders(file: { fileName: string; mimeType: string; sizeBytes: number }, { download }: { download: boolean }): Record<string, string> {
  // Stored types are always accepted ones; anything else is only ever served as an opaque download.
  const known = isAcceptedMimeType(file.mimeType)
  const inline = known && !download
  return {
    'Content-Type': known ? file.mimeType : 'application/octet-stream',
    'Content-Length': String(file.sizeBytes),
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.fileName, file.mimeType),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // Nothing runs in a file's page (default-src 'none'); inline styles let Chromium lay out its image view.
    ...(inline ? { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'", 'X-Frame-Options': 'SAMEORIGIN' } : NO_FRAMING),
  }
}
