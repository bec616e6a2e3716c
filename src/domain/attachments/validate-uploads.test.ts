import { describe, expect, it } from 'vitest'
import { ATTACHMENT_LIMITS } from './limits'
import { validateUploads, type UploadCandidate } from './validate-uploads'

const MB = 1024 * 1024
const pdf = (sizeBytes: number): UploadCandidate => ({ sizeBytes, mimeType: 'application/pdf' })

describe('validateUploads', () => {
  it('accepts files within every limit, up to the limits exactly', () => {
    expect(validateUploads([pdf(1), { sizeBytes: 300_000, mimeType: 'image/png' }], 0)).toBeNull()
    expect(validateUploads([pdf(ATTACHMENT_LIMITS.maxFileBytes)], ATTACHMENT_LIMITS.maxDossierBytes - ATTACHMENT_LIMITS.maxFileBytes)).toBeNull()
    expect(validateUploads(Array.from({ length: ATTACHMENT_LIMITS.maxFilesPerUpload }, () => pdf(1000)), 0)).toBeNull()
    expect(validateUploads([], 49 * MB)).toBeNull()
  })

  it('names the file and the problem', () => {
    expect(validateUploads([pdf(1000), { sizeBytes: 20, mimeType: null }], 0)).toEqual({ files: ['FILE_TYPE'], 'files.1': ['FILE_TYPE'] })
    expect(validateUploads([pdf(ATTACHMENT_LIMITS.maxFileBytes + 1)], 0)).toEqual({ files: ['FILE_TOO_LARGE'], 'files.0': ['FILE_TOO_LARGE'] })
    expect(validateUploads([pdf(0)], 0)).toEqual({ files: ['EMPTY_FILE'], 'files.0': ['EMPTY_FILE'] })
    // An empty file has no type to speak of: only EMPTY_FILE.
    expect(validateUploads([{ sizeBytes: 0, mimeType: null }], 0)).toEqual({ files: ['EMPTY_FILE'], 'files.0': ['EMPTY_FILE'] })
    expect(validateUploads([{ sizeBytes: 11 * MB, mimeType: null }], 0)).toEqual({ files: ['FILE_TOO_LARGE', 'FILE_TYPE'], 'files.0': ['FILE_TOO_LARGE', 'FILE_TYPE'] })
  })

  it('counts the files already on the dossier against its total', () => {
    expect(validateUploads([pdf(2 * MB)], 49 * MB)).toEqual({ files: ['DOSSIER_TOO_LARGE'] })
    expect(validateUploads([pdf(9 * MB), pdf(9 * MB), pdf(9 * MB), pdf(9 * MB), pdf(9 * MB), pdf(9 * MB)], 0)).toEqual({ files: ['DOSSIER_TOO_LARGE'] })
  })

  it('refuses more files than one upload may carry, with every problem listed once', () => {
    const files = Array.from({ length: ATTACHMENT_LIMITS.maxFilesPerUpload + 1 }, () => pdf(1000))
    expect(validateUploads(files, 0)).toEqual({ files: ['TOO_MANY_FILES'] })
    const mixed = [...files, { sizeBytes: 5, mimeType: null }, { sizeBytes: 7, mimeType: null }]
    expect(validateUploads(mixed, 50 * MB)).toEqual({ files: ['TOO_MANY_FILES', 'DOSSIER_TOO_LARGE', 'FILE_TYPE'], 'files.21': ['FILE_TYPE'], 'files.22': ['FILE_TYPE'] })
  })
})
