/**
 * Whether a set of files may be added to a dossier (or draft): the accepted types, the size of each file,
 * the total of the dossier and the number of files in one upload (limits in ./limits.ts).
 */
import type { AcceptedMimeType } from './file-type'
import { ATTACHMENT_LIMITS } from './limits'

export const UPLOAD_ERROR_CODES = ['TOO_MANY_FILES', 'DOSSIER_TOO_LARGE', 'EMPTY_FILE', 'FILE_TOO_LARGE', 'FILE_TYPE'] as const
export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number]

export type UploadCandidate = {
  sizeBytes: number
  /** As detected from the content (detectFileType); null when it is none of the accepted types. */
  mimeType: AcceptedMimeType | null
}

/**
 * Field errors in the shape of AppError's `fieldErrors`: `files` lists every distinct problem (in
 * UPLOAD_ERROR_CODES order), `files.<index>` the problems of one file (0-based, in upload order).
 */
export type UploadFieldErrors = { files: UploadErrorCode[] } & Record<`files.${number}`, UploadErrorCode[]>

/** null when every file may be stored; otherwise what is wrong, by file. */
export function validateUploads(files: readonly UploadCandidate[], existingBytesOnDossier: number): UploadFieldErrors | null {
  const all = new Set<UploadErrorCode>()
  const byFile: Record<string, UploadErrorCode[]> = {}

  if (files.length > ATTACHMENT_LIMITS.maxFilesPerUpload) all.add('TOO_MANY_FILES')
  const total = files.reduce((sum, file) => sum + file.sizeBytes, Math.max(0, existingBytesOnDossier))
  if (total > ATTACHMENT_LIMITS.maxDossierBytes) all.add('DOSSIER_TOO_LARGE')

  files.forEach((file, index) => {
    const codes: UploadErrorCode[] = []
    if (file.sizeBytes <= 0) codes.push('EMPTY_FILE')
    else {
      if (file.sizeBytes > ATTACHMENT_LIMITS.maxFileBytes) codes.push('FILE_TOO_LARGE')
      if (file.mimeType === null) codes.push('FILE_TYPE')
    }
    if (codes.length > 0) {
      byFile[`files.${index}`] = codes
      for (const code of codes) all.add(code)
    }
  })

  if (all.size === 0) return null
  return { ...byFile, files: UPLOAD_ERROR_CODES.filter((code) => all.has(code)) }
}
