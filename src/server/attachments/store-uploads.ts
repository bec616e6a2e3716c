import 'server-only'
import { createHash } from 'node:crypto'
import { detectFileType, FILE_TYPE_HEADER_BYTES, type AcceptedMimeType } from '@/domain/attachments/file-type'
import { originalFileName } from '@/domain/attachments/original-file-name'
import { validateUploads, type UploadCandidate } from '@/domain/attachments/validate-uploads'
import { AppError } from '@/domain/errors'
import type { AttachmentStorage } from './storage/attachment-storage'
import { attachmentStorage } from './storage/storage-from-env'
import { newStorageKey } from './storage-key'

/** A file as a form posts it (File), or bytes with a name (desk scans, generated documents, tests). */
export type UploadInput = File | { name: string; bytes: Uint8Array }

/** Bytes written to storage, described for an Attachment row (see attachmentCreateData). */
export type StoredFile = {
  storageKey: string
  /** The uploader's name (NFC, controls removed, at most 200 characters); served corrected by type. */
  fileName: string
  /** Detected from the content, never taken from the name or the browser. */
  mimeType: AcceptedMimeType
  sizeBytes: number
  /** Hex SHA-256 of the bytes. */
  sha256: string
}

export type StoreUploadsOptions = {
  /** Bytes already on the dossier (or draft) the files join, counted against its total (attachmentBytesOn). */
  existingBytes?: number
  /** Default: the deployment's storage (ATTACHMENT_STORAGE). */
  storage?: AttachmentStorage
  now?: Date
}

const sizeOf = (file: UploadInput) => (file instanceof Blob ? file.size : file.bytes.byteLength)
const headOf = async (file: UploadInput) => (file instanceof Blob ? new Uint8Array(await file.slice(0, FILE_TYPE_HEADER_BYTES).arrayBuffer()) : file.bytes.subarray(0, FILE_TYPE_HEADER_BYTES))
const bytesOf = async (file: UploadInput) => (file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : file.bytes)

/** Each file's size and type as detected from its first bytes, without reading it whole (for a caller's own checks). */
export async function inspectUploads(files: readonly UploadInput[]): Promise<UploadCandidate[]> {
  return Promise.all(files.map(async (file) => ({ sizeBytes: sizeOf(file), mimeType: detectFileType(await headOf(file)) })))
}

/**
 * Checks, hashes and writes uploaded files to the attachment storage; returns what the Attachment rows
 * need. It inserts NO rows: the caller inserts them (attachmentCreateData) inside the transaction of its
 * own state change (submit, supply, return a result), so a failed transaction leaves at most an orphan
 * file in storage, never a row without its file.
 *
 * Every file is checked (type by content, sizes, count, the dossier's total) before any is read whole or
 * written; one refused file refuses the upload: AppError INVALID_INPUT with `fieldErrors.files` (codes
 * of validateUploads) and `files.<index>` per file.
 */
export async function storeUploads(files: readonly UploadInput[], options: StoreUploadsOptions = {}): Promise<StoredFile[]> {
  const candidates = await inspectUploads(files)
  const errors = validateUploads(candidates, options.existingBytes ?? 0)
  if (errors) throw new AppError('INVALID_INPUT', `attachments refused: ${errors.files.join(', ')}`, errors)

  const storage = options.storage ?? attachmentStorage()
  const now = options.now ?? new Date()
  const stored: StoredFile[] = []
  // One file in memory at a time.
  for (const [index, file] of files.entries()) {
    const bytes = await bytesOf(file)
    const mimeType = candidates[index]!.mimeType!
    const storageKey = newStorageKey(now)
    await storage.put(storageKey, bytes)
    stored.push({
      storageKey,
      fileName: originalFileName(file.name),
      mimeType,
      sizeBytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    })
  }
  return stored
}
