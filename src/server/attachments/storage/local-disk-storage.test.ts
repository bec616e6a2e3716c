import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InvalidStorageKeyError, StoredObjectMissingError } from './attachment-storage'
import { LocalDiskStorage } from './local-disk-storage'
import { describeStorageContract } from './storage-contract'

let base: string
let storage: LocalDiskStorage

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  const reader = stream.getReader()
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value)
  return new Uint8Array(Buffer.concat(chunks))
}

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'motcua-storage-'))
  storage = new LocalDiskStorage(path.join(base, 'attachments'))
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

describeStorageContract('LocalDiskStorage', () => storage)

describe('LocalDiskStorage', () => {
  it('writes under the key and streams the same bytes back, in chunks', async () => {
    const bytes = new Uint8Array(300 * 1024).map((_, index) => (index * 31) % 251)
    await storage.put('2026/11/0196f0d2-0000-7000-8000-000000000001', bytes)
    expect(await storage.exists('2026/11/0196f0d2-0000-7000-8000-000000000001')).toBe(true)
    // Buffer.equals: a deep toEqual over 300 KB element by element is needlessly slow.
    expect((await readFile(path.join(base, 'attachments', '2026', '11', '0196f0d2-0000-7000-8000-000000000001'))).equals(bytes)).toBe(true)

    const reader = (await storage.stream('2026/11/0196f0d2-0000-7000-8000-000000000001')).getReader()
    const first = await reader.read()
    // Not buffered whole: the first chunk is a fraction of the file.
    expect(first.value!.byteLength).toBeLessThan(bytes.byteLength)
    await reader.cancel()
    expect(Buffer.from(await readAll(await storage.stream('2026/11/0196f0d2-0000-7000-8000-000000000001'))).equals(bytes)).toBe(true)
  })

  it('leaves no temporary file behind', async () => {
    await storage.put('2026/12/a', new Uint8Array([1, 2, 3]))
    expect(await readdir(path.join(base, 'attachments', '.tmp'))).toEqual([])
  })

  it('answers missing keys plainly', async () => {
    expect(await storage.exists('2026/11/none')).toBe(false)
    await expect(storage.stream('2026/11/none')).rejects.toBeInstanceOf(StoredObjectMissingError)
  })

  it('never lets a key leave its directory', async () => {
    await writeFile(path.join(base, 'secret.txt'), 'secret')
    for (const key of ['../secret.txt', '2026/../../secret.txt', '/etc/passwd', '2026//x', '.tmp/x', '2026/.hidden', 'a\\..\\secret.txt', '', '2026/11/x\u0000', '..', './a', 'a/']) {
      await expect(storage.put(key, new Uint8Array([1])), key).rejects.toBeInstanceOf(InvalidStorageKeyError)
      await expect(storage.stream(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError)
      await expect(storage.exists(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError)
    }
    expect(await readFile(path.join(base, 'secret.txt'), 'utf8')).toBe('secret')
  })

  it('keeps a half-written file invisible: the key appears only once complete', async () => {
    // A directory in the way makes the rename fail after the temporary file was written.
    await storage.put('2026/12/dir/inner', new Uint8Array([1]))
    await expect(storage.put('2026/12/dir', new Uint8Array([9, 9, 9]))).rejects.toThrow()
    expect(await storage.exists('2026/12/dir')).toBe(false)
    expect(await readdir(path.join(base, 'attachments', '.tmp'))).toEqual([])
  })
})
