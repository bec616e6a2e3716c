import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LocalDiskStorage } from './local-disk-storage'
import type { S3Storage } from './s3-storage'

const SETTINGS = [
  'ATTACHMENT_STORAGE',
  'ATTACHMENT_DIR',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_BUCKET',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'S3_KEY_PREFIX',
] as const

/**
 * serverEnv() reads process.env once per module instance: each case loads fresh modules (so classes are
 * told apart by name, the test's own imports being other instances).
 */
async function storageFromEnvironment(values: Partial<Record<(typeof SETTINGS)[number], string>>) {
  for (const name of SETTINGS) vi.stubEnv(name, values[name])
  vi.resetModules()
  const { serverEnv } = await import('@/server/env')
  const { storageFor } = await import('./storage-from-env')
  return storageFor(serverEnv())
}

const S3 = {
  ATTACHMENT_STORAGE: 's3',
  S3_ENDPOINT: 'http://127.0.0.1:9000',
  S3_BUCKET: 'motcua-files',
  S3_ACCESS_KEY_ID: 'motcua',
  S3_SECRET_ACCESS_KEY: 'a-long-secret',
} as const

beforeEach(() => {
  vi.stubEnv('DATABASE_URL', 'postgresql://postgres@127.0.0.1:5432/motcua')
})

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('attachment storage chosen by the environment', () => {
  it('keeps files on local disk unless told otherwise', async () => {
    const storage = await storageFromEnvironment({ ATTACHMENT_DIR: '/var/lib/motcua/attachments' })
    expect(storage.constructor.name).toBe('LocalDiskStorage')
    expect((storage as LocalDiskStorage).root).toBe('/var/lib/motcua/attachments')
  })

  it('uses an S3-compatible bucket with ATTACHMENT_STORAGE=s3', async () => {
    const storage = await storageFromEnvironment({ ...S3, S3_FORCE_PATH_STYLE: 'true', S3_KEY_PREFIX: '/motcua/attachments/' })
    expect(storage.constructor.name).toBe('S3Storage')
    expect((storage as S3Storage).objectUrl('2026/11/a')).toBe('http://127.0.0.1:9000/motcua-files/motcua/attachments/2026/11/a')
  })

  it('addresses the bucket by host name unless path-style is asked for, and takes empty values as unset', async () => {
    const storage = await storageFromEnvironment({
      ...S3,
      S3_ENDPOINT: 'https://s3.ap-southeast-1.amazonaws.com',
      S3_REGION: '',
      S3_KEY_PREFIX: '/',
      S3_FORCE_PATH_STYLE: 'false',
    })
    expect((storage as S3Storage).objectUrl('2026/11/a')).toBe('https://motcua-files.s3.ap-southeast-1.amazonaws.com/2026/11/a')
  })

  it('names every missing setting when s3 is chosen', async () => {
    const failure = storageFromEnvironment({ ATTACHMENT_STORAGE: 's3' })
    await expect(failure).rejects.toThrow(/^Invalid environment: /)
    for (const name of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) {
      await expect(failure).rejects.toThrow(`${name}: required when ATTACHMENT_STORAGE=s3`)
    }
  })

  it('names every malformed setting', async () => {
    const failure = storageFromEnvironment({
      ...S3,
      S3_ENDPOINT: 'minio:9000',
      S3_BUCKET: 'Hồ_sơ',
      S3_FORCE_PATH_STYLE: 'yes',
      S3_KEY_PREFIX: '../elsewhere',
    })
    for (const name of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_FORCE_PATH_STYLE', 'S3_KEY_PREFIX']) {
      await expect(failure).rejects.toThrow(new RegExp(`${name}: `))
    }
    await expect(storageFromEnvironment({ ATTACHMENT_STORAGE: 'gcs' })).rejects.toThrow('ATTACHMENT_STORAGE: must be local or s3')
  })

  it('requires no S3 setting while storage is local, yet refuses a malformed one', async () => {
    expect((await storageFromEnvironment({ S3_ENDPOINT: 'http://127.0.0.1:9000' })).constructor.name).toBe('LocalDiskStorage')
    await expect(storageFromEnvironment({ S3_BUCKET: 'Not a bucket name?' })).rejects.toThrow(/S3_BUCKET: /)
  })
})
