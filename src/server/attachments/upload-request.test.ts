import { describe, expect, it } from 'vitest'
import { ATTACHMENT_LIMITS } from '@/domain/attachments/limits'
import { AppError } from '@/domain/errors'
import { declaresTooLargeUpload, MAX_UPLOAD_REQUEST_BYTES, uploadErrorResponse, uploadTooLargeResponse } from './upload-request'

describe('declaresTooLargeUpload', () => {
  it('refuses a declared body larger than any valid upload, and only that', () => {
    expect(MAX_UPLOAD_REQUEST_BYTES).toBeGreaterThan(ATTACHMENT_LIMITS.maxDossierBytes)
    expect(MAX_UPLOAD_REQUEST_BYTES).toBeLessThan(ATTACHMENT_LIMITS.maxDossierBytes + 2 * 1024 * 1024)
    expect(declaresTooLargeUpload(String(MAX_UPLOAD_REQUEST_BYTES + 1))).toBe(true)
    expect(declaresTooLargeUpload(String(MAX_UPLOAD_REQUEST_BYTES))).toBe(false)
    expect(declaresTooLargeUpload('1024')).toBe(false)
    // No length (chunked) or a malformed one: the body is read, and the limits are checked on the files.
    for (const value of [null, '', 'abc', '-5', '1e9']) expect(declaresTooLargeUpload(value), String(value)).toBe(false)
  })
})

describe('upload error answers', () => {
  it('answer 413 for refusals by size only, 422 for others, 404 and 401 as usual, never cached', async () => {
    const cases: [unknown, number][] = [
      [new AppError('INVALID_INPUT', 'x', { files: ['FILE_TOO_LARGE'], 'files.0': ['FILE_TOO_LARGE'] }), 413],
      [new AppError('INVALID_INPUT', 'x', { files: ['DOSSIER_TOO_LARGE'] }), 413],
      [new AppError('INVALID_INPUT', 'x', { files: ['FILE_TYPE', 'FILE_TOO_LARGE'] }), 422],
      [new AppError('INVALID_INPUT', 'x', { files: ['SLOT_FULL'] }), 422],
      [new AppError('INVALID_INPUT', 'x'), 422],
      [new AppError('NOT_FOUND'), 404],
      [new AppError('UNAUTHENTICATED'), 401],
    ]
    for (const [error, status] of cases) {
      const response = uploadErrorResponse(error)
      expect(response.status, JSON.stringify((error as AppError).fieldErrors)).toBe(status)
      expect(response.headers.get('Cache-Control')).toBe('no-store')
      const body = (await response.json()) as { error: string; fieldErrors?: unknown }
      expect(body.error).toBe((error as AppError).code)
      expect(body.fieldErrors).toEqual((error as AppError).fieldErrors)
    }
    const early = uploadTooLargeResponse()
    expect(early.status).toBe(413)
    expect(await early.json()).toEqual({ error: 'INVALID_INPUT', fieldErrors: { files: ['REQUEST_TOO_LARGE'] } })
  })
})
