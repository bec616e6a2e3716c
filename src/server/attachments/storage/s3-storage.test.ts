import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import S3rver from '@20minutes/s3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StoredObjectMissingError } from './attachment-storage'
import { S3Storage, S3StorageError, type S3StorageOptions } from './s3-storage'
import { describeStorageContract, readAll } from './storage-contract'

// A real S3-compatible server (s3rver: S3's REST API over a directory, SigV4 checked) in this process,
// on a free loopback port. Its one account is S3RVER / S3RVER.
const BUCKET = 'motcua-attachments'
let directory: string
let server: S3rver
let port: number
// s3rver checks a virtual-hosted request's signature against `/<bucket>/<key>` where SigV4 (and AWS)
// sign the request's own path `/<key>`, so it refuses every correctly signed virtual-hosted request. A
// second server on the same directory, with that check off, tests virtual-hosted addressing; signatures
// are tested path-style, where s3rver follows the specification.
let lenientServer: S3rver
let lenientPort: number

function settings(overrides: Partial<S3StorageOptions> = {}): S3StorageOptions {
  return {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket: BUCKET,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    ...overrides,
  }
}

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'motcua-s3-'))
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    serviceEndpoint: 'localhost',
    configureBuckets: [{ name: BUCKET }],
  })
  port = (await server.run()).port
  lenientServer = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, serviceEndpoint: 'localhost', allowMismatchedSignatures: true })
  lenientPort = (await lenientServer.run()).port
})

afterAll(async () => {
  await server?.close()
  await lenientServer?.close()
  await rm(directory, { recursive: true, force: true })
})

describeStorageContract('S3Storage (path-style, as for MinIO)', () => new S3Storage(settings()))

function virtualHosted(overrides: Partial<S3StorageOptions> = {}): S3Storage {
  return new S3Storage(settings({ endpoint: `http://s3.localhost:${lenientPort}`, forcePathStyle: false, fetch: viaLoopback, ...overrides }))
}

describeStorageContract('S3Storage (virtual-hosted, as for AWS, under a key prefix)', () => virtualHosted({ keyPrefix: 'motcua/attachments' }))

describe('S3Storage', () => {
  it('addresses objects path-style or virtual-hosted, under the prefix', () => {
    expect(new S3Storage(settings({ endpoint: 'http://10.0.0.5:9000/' })).objectUrl('2026/11/a')).toBe(
      `http://10.0.0.5:9000/${BUCKET}/2026/11/a`,
    )
    expect(
      new S3Storage(settings({ endpoint: 'https://s3.ap-southeast-1.amazonaws.com', forcePathStyle: false, keyPrefix: '/tenant/files/' })).objectUrl(
        '2026/11/a',
      ),
    ).toBe(`https://${BUCKET}.s3.ap-southeast-1.amazonaws.com/tenant/files/2026/11/a`)
    expect(new S3Storage(settings({ endpoint: 'https://files.example.vn/s3' })).objectUrl('k')).toBe(`https://files.example.vn/s3/${BUCKET}/k`)
  })

  it('refuses settings that could only fail later', () => {
    expect(() => new S3Storage(settings({ endpoint: 'ftp://127.0.0.1' }))).toThrow(/http/)
    expect(() => new S3Storage(settings({ endpoint: 'http://user:pw@127.0.0.1:9000' }))).toThrow(/credentials/)
    expect(() => new S3Storage(settings({ bucket: 'Hồ_sơ' }))).toThrow(/bucket/)
    expect(() => new S3Storage(settings({ keyPrefix: '../other' }))).toThrow(/prefix/)
  })

  it('writes under the prefix and nowhere else', async () => {
    const prefixed = new S3Storage(settings({ keyPrefix: 'tenant-a' }))
    const bare = new S3Storage(settings())
    await prefixed.put('2026/11/prefixed', new Uint8Array([1, 2]))
    expect(await bare.exists('tenant-a/2026/11/prefixed')).toBe(true)
    expect(await bare.exists('2026/11/prefixed')).toBe(false)
  })

  it('finds the bucket in the host name when virtual-hosted', async () => {
    await virtualHosted({ keyPrefix: 'vhost' }).put('2026/11/by-host', new Uint8Array([4, 2]))
    expect([...(await readAll(await new S3Storage(settings()).stream('vhost/2026/11/by-host')))]).toEqual([4, 2])
  })

  it('is refused by the server when signed with the wrong secret', async () => {
    const honest = new S3Storage(settings())
    await honest.put('2026/11/signed', new Uint8Array([1, 2, 3]))

    const forger = new S3Storage(settings({ secretAccessKey: 'not-the-secret' }))
    await expect(forger.put('2026/11/forged', new Uint8Array([6, 6, 6]))).rejects.toMatchObject({
      name: 'S3StorageError',
      status: 403,
      code: 'SignatureDoesNotMatch',
    })
    await expect(forger.stream('2026/11/signed')).rejects.toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' })
    await expect(forger.exists('2026/11/signed')).rejects.toMatchObject({ status: 403 })
    await expect(forger.remove('2026/11/signed')).rejects.toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' })

    // Nothing the forger tried took effect.
    expect(await honest.exists('2026/11/forged')).toBe(false)
    expect([...(await readAll(await honest.stream('2026/11/signed')))]).toEqual([1, 2, 3])
  })

  it('is refused with an unknown access key', async () => {
    const stranger = new S3Storage(settings({ accessKeyId: 'NOBODY' }))
    await expect(stranger.put('2026/11/x', new Uint8Array([1]))).rejects.toMatchObject({ status: 403, code: 'InvalidAccessKeyId' })
  })

  it('reports a missing bucket as a fault, not as a missing file', async () => {
    const misconfigured = new S3Storage(settings({ bucket: 'no-such-bucket' }))
    const failure = misconfigured.stream('2026/11/x')
    await expect(failure).rejects.toBeInstanceOf(S3StorageError)
    await expect(failure).rejects.not.toBeInstanceOf(StoredObjectMissingError)
    await expect(failure).rejects.toMatchObject({ code: 'NoSuchBucket' })
    await expect(misconfigured.put('2026/11/x', new Uint8Array([1]))).rejects.toMatchObject({ code: 'NoSuchBucket' })
  })

  it('gives up on an unreachable store after a few attempts, with the network error', async () => {
    const unreachable = new S3Storage(settings({ endpoint: 'http://127.0.0.1:1' }))
    await expect(unreachable.exists('2026/11/x')).rejects.toThrow(/fetch failed/)
  })

  it('abandons a store that accepts the connection and never answers, garbage collections notwithstanding', async () => {
    // Node's fetch can lose an abort signal handed along through copies of a Request once they are
    // garbage-collected: collect continuously while waiting, with the real fetch.
    v8.setFlagsFromString('--expose-gc')
    const collectGarbage = runInNewContext('gc') as () => void
    const hanging = createServer(() => {})
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve))
    const collecting = setInterval(collectGarbage, 10)
    try {
      const silent = new S3Storage(settings({ endpoint: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`, timeoutMs: 200 }))
      await expect(silent.exists('2026/11/x')).rejects.toThrow('S3 HeadObject timed out after 200 ms')
    } finally {
      clearInterval(collecting)
      hanging.closeAllConnections()
      await new Promise((resolve) => hanging.close(resolve))
    }
  }, 15_000)

  it('retries a request the store failed with 503, signing it anew', async () => {
    const dates: string[] = []
    let failures = 2
    const flaky = new S3Storage(
      settings({
        fetch: async (request, signal) => {
          dates.push(request.headers.get('x-amz-date') ?? '')
          if (failures-- > 0) return new Response('<Error><Code>SlowDown</Code></Error>', { status: 503 })
          return fetch(request, { signal })
        },
      }),
    )
    await flaky.put('2026/11/after-retries', new Uint8Array([5]))
    expect(dates).toHaveLength(3)
    expect(await flaky.exists('2026/11/after-retries')).toBe(true)
  })
})

/**
 * Sends a request to the test server on 127.0.0.1 whatever its host name, keeping that name in the Host
 * header (which is signed): `<bucket>.s3.localhost` needs no DNS, as it would on AWS.
 */
async function viaLoopback(request: Request, signal: AbortSignal): Promise<Response> {
  const url = new URL(request.url)
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined
  const headers: Record<string, string> = Object.fromEntries(request.headers)
  headers.host = url.host
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: Number(url.port), method: request.method, path: url.pathname + url.search, headers, signal },
      (incoming) => {
        const responseHeaders = new Headers()
        for (const [name, value] of Object.entries(incoming.headers)) {
          if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value)
        }
        const status = incoming.statusCode ?? 502
        const hasBody = request.method !== 'HEAD' && status !== 204 && status !== 304
        if (!hasBody) incoming.resume()
        resolve(new Response(hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : null, { status, headers: responseHeaders }))
      },
    )
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}
