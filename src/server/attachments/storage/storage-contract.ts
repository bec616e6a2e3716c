import { createHash, randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { InvalidStorageKeyError, StoredObjectMissingError, type AttachmentStorage } from './attachment-storage'

/**
 * What every AttachmentStorage must do, run by each implementation's test file against a real backend
 * (a directory, an S3-compatible server): callers rely on exactly this and nothing more.
 */
export function describeStorageContract(name: string, storageUnderTest: () => AttachmentStorage): void {
  describe(`${name} keeps the AttachmentStorage contract`, () => {
    const freshKey = () => `2026/11/${randomUUID()}`

    it('streams back the bytes it was given, in chunks', async () => {
      const storage = storageUnderTest()
      const key = freshKey()
      const bytes = patternedBytes(300 * 1024)
      await storage.put(key, bytes)
      expect(await storage.exists(key)).toBe(true)

      const reader = (await storage.stream(key)).getReader()
      const first = await reader.read()
      // Not buffered whole: the first chunk is a fraction of the file.
      expect(first.value!.byteLength).toBeLessThan(bytes.byteLength)
      await reader.cancel()
      // Buffer.equals: a deep toEqual over 300 KB element by element is needlessly slow.
      expect(Buffer.from(await readAll(await storage.stream(key))).equals(bytes)).toBe(true)
    })

    // 5 MB through a signing client and a local S3 server: generous time on a loaded two-core machine.
    it('streams a 5 MB file chunk by chunk, every byte intact', async () => {
      const storage = storageUnderTest()
      const key = freshKey()
      const bytes = patternedBytes(5 * 1024 * 1024)
      await storage.put(key, bytes)

      const hash = createHash('sha256')
      let chunks = 0
      let largestChunk = 0
      let total = 0
      const reader = (await storage.stream(key)).getReader()
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        hash.update(read.value)
        chunks++
        largestChunk = Math.max(largestChunk, read.value.byteLength)
        total += read.value.byteLength
      }
      expect(total).toBe(bytes.byteLength)
      expect(hash.digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'))
      expect(chunks).toBeGreaterThan(1)
      expect(largestChunk).toBeLessThanOrEqual(1024 * 1024)
    }, 30_000)

    it('stores an empty file as an empty file', async () => {
      const storage = storageUnderTest()
      const key = freshKey()
      await storage.put(key, new Uint8Array(0))
      expect(await storage.exists(key)).toBe(true)
      expect((await readAll(await storage.stream(key))).byteLength).toBe(0)
    })

    it('keeps each key to its own bytes', async () => {
      const storage = storageUnderTest()
      const [first, second] = [freshKey(), freshKey()]
      await Promise.all([storage.put(first, new Uint8Array([1, 2, 3])), storage.put(second, new Uint8Array([4, 5]))])
      expect([...(await readAll(await storage.stream(first)))]).toEqual([1, 2, 3])
      expect([...(await readAll(await storage.stream(second)))]).toEqual([4, 5])
    })

    it('answers a missing key plainly', async () => {
      const storage = storageUnderTest()
      const key = freshKey()
      expect(await storage.exists(key)).toBe(false)
      await expect(storage.stream(key)).rejects.toBeInstanceOf(StoredObjectMissingError)
    })

    it('removes bytes, and removing a missing key is not an error', async () => {
      const storage = storageUnderTest()
      const key = freshKey()
      await storage.put(key, new Uint8Array([7]))
      await storage.remove(key)
      expect(await storage.exists(key)).toBe(false)
      await expect(storage.stream(key)).rejects.toBeInstanceOf(StoredObjectMissingError)
      await storage.remove(key)
      await storage.remove(freshKey())
    })

    it('keeps working after a reader stops half-way', async () => {
      const storage = storageUnderTest()
      const key = freshKey()
      await storage.put(key, patternedBytes(2 * 1024 * 1024))
      for (let round = 0; round < 5; round++) {
        const reader = (await storage.stream(key)).getReader()
        await reader.read()
        await reader.cancel()
      }
      expect(await storage.exists(key)).toBe(true)
      expect((await readAll(await storage.stream(key))).byteLength).toBe(2 * 1024 * 1024)
    })

    it('refuses every key that is not a generated one, before touching anything', async () => {
      const storage = storageUnderTest()
      const refused = [
        '../secret.txt',
        '2026/../../secret.txt',
        '/etc/passwd',
        '2026//x',
        '.tmp/x',
        '2026/.hidden',
        'a\\..\\secret.txt',
        '',
        '2026/11/x\u0000',
        '..',
        './a',
        'a/',
        '2026/11/hồ-sơ.pdf',
        '2026/11/a b',
        '2026/11/a?versionId=1',
        '2026/11/a%2F..',
        'x'.repeat(513),
      ]
      for (const key of refused) {
        await expect(storage.put(key, new Uint8Array([1])), key).rejects.toBeInstanceOf(InvalidStorageKeyError)
        await expect(storage.stream(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError)
        await expect(storage.exists(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError)
        await expect(storage.remove(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError)
      }
    })
  })
}

/** Bytes that differ from one position to the next, so a shifted or repeated chunk cannot pass. */
export function patternedBytes(length: number): Uint8Array {
  return new Uint8Array(length).map((_, index) => (index * 31) % 251)
}

export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  const reader = stream.getReader()
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value)
  return new Uint8Array(Buffer.concat(chunks))
}
