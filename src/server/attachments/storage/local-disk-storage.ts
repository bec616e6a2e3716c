import 'server-only'
import { randomUUID } from 'node:crypto'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { InvalidStorageKeyError, isValidStorageKey, StoredObjectMissingError, type AttachmentStorage } from './attachment-storage'

const CHUNK_BYTES = 64 * 1024
/** Half-written files; a key can never name it (keys' segments do not start with "."). */
const TEMP_DIR = '.tmp'

/**
 * Attachments as files under one directory (ATTACHMENT_DIR). Each write goes to a temporary file in the
 * same directory tree, is flushed to disk, then renamed into place: a reader sees the whole file or none.
 * Keys are fresh UUIDs and never reused. For one app instance, or several sharing the directory (NFS).
 */
export class LocalDiskStorage implements AttachmentStorage {
  readonly root: string

  constructor(directory: string) {
    this.root = path.resolve(directory)
  }

  /** The file of a key; refuses any key that is malformed or would resolve outside the directory. */
  pathOf(key: string): string {
    if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(key)
    const file = path.resolve(this.root, ...key.split('/'))
    if (!file.startsWith(this.root + path.sep)) throw new InvalidStorageKeyError(key)
    return file
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathOf(key)
    const tempDir = path.join(this.root, TEMP_DIR)
    await Promise.all([mkdir(path.dirname(file), { recursive: true }), mkdir(tempDir, { recursive: true })])
    const temp = path.join(tempDir, randomUUID())
    try {
      const handle = await open(temp, 'wx', 0o640)
      try {
        await handle.writeFile(bytes)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, file)
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
  }

  async stream(key: string): Promise<ReadableStream<Uint8Array>> {
    const file = this.pathOf(key)
    let handle: Awaited<ReturnType<typeof open>>
    try {
      handle = await open(file, 'r')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredObjectMissingError(key)
      throw error
    }
    let closed = false
    const close = async () => {
      if (closed) return
      closed = true
      await handle.close()
    }
    // Pulled chunk by chunk as the response is sent: memory stays at one chunk whatever the file's size.
    return new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          try {
            const buffer = new Uint8Array(CHUNK_BYTES)
            const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null)
            if (bytesRead === 0) {
              await close()
              controller.close()
            } else {
              controller.enqueue(buffer.subarray(0, bytesRead))
            }
          } catch (error) {
            await close().catch(() => {})
            controller.error(error)
          }
        },
        async cancel() {
          await close()
        },
      },
      { highWaterMark: 0 },
    )
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
      throw error
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true })
  }
}
