import 'server-only'
import { NextResponse } from 'next/server'
import { ATTACHMENT_LIMITS } from '@/domain/attachments/limits'
import { isAppError } from '@/domain/errors'
import { errorResponse } from '@/server/http/app-error-response'

/**
 * HTTP edges of the upload endpoints (POST /api/drafts/:id/files): the early refusal of a body that cannot
 * be a valid upload, and the 413 status for refusals by size.
 */

/** Multipart framing per file (boundaries, part headers, the other fields) — generous. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024

/**
 * The largest body an upload can have: the files one upload may carry, each at most the per-file limit,
 * and all of them within one draft's total; plus the framing.
 */
export const MAX_UPLOAD_REQUEST_BYTES =
  Math.min(ATTACHMENT_LIMITS.maxFileBytes * ATTACHMENT_LIMITS.maxFilesPerUpload, ATTACHMENT_LIMITS.maxDossierBytes) + MULTIPART_OVERHEAD_BYTES * ATTACHMENT_LIMITS.maxFilesPerUpload

/** Whether the declared Content-Length already rules the upload out (before a byte of it is read). */
export function declaresTooLargeUpload(contentLength: string | null): boolean {
  if (contentLength === null || !/^\d+$/.test(contentLength.trim())) return false
  return Number(contentLength) > MAX_UPLOAD_REQUEST_BYTES
}

const SIZE_CODES = new Set(['FILE_TOO_LARGE', 'DOSSIER_TOO_LARGE', 'REQUEST_TOO_LARGE'])

/** The body of an upload refused by size, as every AppError answer is shaped (`{ error, fieldErrors }`). */
export function uploadTooLargeResponse(): NextResponse {
  return NextResponse.json({ error: 'INVALID_INPUT', fieldErrors: { files: ['REQUEST_TOO_LARGE'] } }, { status: 413, headers: { 'Cache-Control': 'no-store' } })
}

/**
 * errorResponse (server/http/app-error-response.ts), with 413 Content Too Large for a refusal whose
 * problems are all sizes (a file over its limit, the draft's total exceeded), 422 for any other.
 */
export function uploadErrorResponse(error: unknown): NextResponse {
  const response = errorResponse(error)
  response.headers.set('Cache-Control', 'no-store')
  const codes = isAppError(error) && error.code === 'INVALID_INPUT' ? (error.fieldErrors?.files ?? []) : []
  if (codes.length === 0 || !codes.every((code) => SIZE_CODES.has(code))) return response
  return new NextResponse(response.body, { status: 413, headers: response.headers })
}
