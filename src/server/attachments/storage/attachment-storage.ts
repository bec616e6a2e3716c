/**
 * Where attachment bytes live. Rows (Attachment) hold the metadata and a `storageKey`; the bytes are
 * written once under that key and never changed. Implementations: local disk (./local-disk-storage.ts);
 * an S3-compatible one (MinIO, any cloud bucket) plugs in here for running several app instances — see
 * ./storage-from-env.ts for where it is chosen.
 */
export interface AttachmentStorage {
  /** Writes the bytes under a new key, all or nothing (a reader never sees half a file). */
  put(key: string, bytes: Uint8Array): Promise<void>
  /** The bytes, streamed (never buffered whole). Throws StoredObjectMissingError when there is none. */
  stream(key: string): Promise<ReadableStream<Uint8Array>>
  exists(key: string): Promise<boolean>
  /**
   * Removes bytes no row points at — only for files stored for a state change that was then refused (the
   * transaction rolled back). Removing a missing key is not an error.
   */
  remove(key: string): Promise<void>
}

/**
 * Keys look like `2026/11/<uuid>`: segments of letters, digits, ".", "_" and "-", each starting with a
 * letter or digit (so neither "." nor ".." nor a hidden name is ever a segment).
 */
const STORAGE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/

export function isValidStorageKey(key: string): boolean {
  return key.length <= 512 && STORAGE_KEY.test(key)
}

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`Invalid attachment storage key: ${JSON.stringify(key.slice(0, 100))}`)
    this.name = 'InvalidStorageKeyError'
  }
}

/** A row points at bytes the storage does not have: an operational fault, not a user error. */
export class StoredObjectMissingError extends Error {
  constructor(key: string) {
    super(`Attachment bytes missing from storage: ${key}`)
    this.name = 'StoredObjectMissingError'
  }
}
