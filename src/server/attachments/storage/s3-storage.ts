import 'server-only'
import { createHash } from 'node:crypto'
import { AwsClient } from 'aws4fetch'
import { InvalidStorageKeyError, isValidStorageKey, StoredObjectMissingError, type AttachmentStorage } from './attachment-storage'
import { isValidS3BucketName } from './s3-names'

export interface S3StorageOptions {
  /** Base URL of the S3 API, e.g. `https://s3.ap-southeast-1.amazonaws.com` or `http://minio.internal:9000`. */
  endpoint: string
  /** Signing region; MinIO and most S3-compatible stores accept `us-east-1`. */
  region: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  /**
   * `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint host>/<key>`: MinIO and other stores
   * addressed by IP or a single host name need it; AWS prefers virtual-hosted addressing.
   */
  forcePathStyle?: boolean
  /** Folder inside the bucket, e.g. `motcua/attachments`, so the bucket can be shared. */
  keyPrefix?: string
  /** Time allowed until the response headers arrive (a download's body may then take as long as it needs). */
  timeoutMs?: number
  /**
   * Sends a signed request, to be abandoned when `signal` aborts; default the global fetch. A proxy or a
   * test may route requests elsewhere.
   */
  fetch?: (request: Request, signal: AbortSignal) => Promise<Response>
}

/** The store answered with an error other than "no such key": a fault to report, not a user error. */
export class S3StorageError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    /** S3's error code (`SignatureDoesNotMatch`, `NoSuchBucket`, …) when the response carried one. */
    readonly code: string | undefined,
    detail: string | undefined,
  ) {
    super(`S3 ${operation} failed: HTTP ${status}${code ? ` ${code}` : ''}${detail ? ` — ${detail}` : ''}`)
    this.name = 'S3StorageError'
  }
}

const ATTEMPTS = 3
const FIRST_RETRY_DELAY_MS = 100
const DEFAULT_TIMEOUT_MS = 60_000
/** An error document is a few hundred bytes; more than this is not worth reading into a message. */
const ERROR_BODY_LIMIT = 4096

/**
 * Attachments as objects in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, R2…), for several app
 * instances sharing one store. Every call is a single signed request (SigV4 by aws4fetch over fetch):
 * put = PutObject (atomic: an object appears whole or not at all), stream = GetObject's body as it
 * arrives, exists = HeadObject, remove = DeleteObject. Keys are checked exactly as on local disk before
 * any request is made.
 */
export class S3Storage implements AttachmentStorage {
  private readonly client: AwsClient
  private readonly bucketUrl: string
  private readonly keyPrefix: string
  private readonly timeoutMs: number
  private readonly send: (request: Request, signal: AbortSignal) => Promise<Response>

  constructor(options: S3StorageOptions) {
    const endpoint = new URL(options.endpoint)
    if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') throw new Error(`S3 endpoint must be http(s): ${options.endpoint}`)
    if (endpoint.search || endpoint.hash || endpoint.username || endpoint.password) {
      throw new Error('S3 endpoint must be a plain URL without credentials, query or fragment')
    }
    if (!isValidS3BucketName(options.bucket)) throw new Error(`Invalid S3 bucket name: ${JSON.stringify(options.bucket)}`)
    const prefix = (options.keyPrefix ?? '').replace(/^\/+|\/+$/g, '')
    if (prefix !== '' && !isValidStorageKey(prefix)) throw new Error(`Invalid S3 key prefix: ${JSON.stringify(options.keyPrefix)}`)

    // An endpoint path (a store behind a reverse proxy at /s3) stays in front of the bucket or key.
    const basePath = endpoint.pathname.replace(/\/+$/, '')
    this.bucketUrl = options.forcePathStyle
      ? `${endpoint.origin}${basePath}/${options.bucket}`
      : `${endpoint.protocol}//${options.bucket}.${endpoint.host}${basePath}`
    this.keyPrefix = prefix === '' ? '' : `${prefix}/`
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    // The signal goes to fetch itself, not through the signed Request: Node's fetch copies a Request and
    // can lose a signal followed from one copy to the next after a garbage collection (undici #4068),
    // and the timeout would then never fire.
    this.send = options.fetch ?? ((request, signal) => fetch(request, { signal }))
    this.client = new AwsClient({
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      service: 's3',
      region: options.region,
    })
  }

  /** The object's URL; refuses a malformed key before anything is sent. */
  objectUrl(key: string): string {
    if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(key)
    // Key characters are [A-Za-z0-9._/-]: nothing to percent-encode.
    return `${this.bucketUrl}/${this.keyPrefix}${key}`
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const url = this.objectUrl(key)
    const response = await this.request('PutObject', url, {
      method: 'PUT',
      // fetch takes bytes over an ArrayBuffer; the rare view over shared memory is copied.
      body: bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes),
      headers: {
        'Content-Type': 'application/octet-stream',
        // The payload's hash is signed: the store refuses bytes altered or cut short on the way.
        'X-Amz-Content-Sha256': createHash('sha256').update(bytes).digest('hex'),
      },
    })
    if (!response.ok) throw await storeError('PutObject', response)
    await discard(response)
  }

  async stream(key: string): Promise<ReadableStream<Uint8Array>> {
    const url = this.objectUrl(key)
    const response = await this.request('GetObject', url, { method: 'GET' })
    if (response.status === 404) {
      const error = await storeError('GetObject', response)
      // A missing bucket is a configuration fault, not a row pointing at bytes that are gone.
      if (error.code === undefined || error.code === 'NoSuchKey') throw new StoredObjectMissingError(key)
      throw error
    }
    if (!response.ok) throw await storeError('GetObject', response)
    // The body as it arrives from the socket: memory holds a few chunks, whatever the object's size.
    return response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() })
  }

  async exists(key: string): Promise<boolean> {
    const url = this.objectUrl(key)
    const response = await this.request('HeadObject', url, { method: 'HEAD' })
    await discard(response)
    if (response.ok) return true
    // Without s3:ListBucket, AWS answers 403 for a missing key: reported as an error, never as "absent".
    if (response.status === 404) return false
    throw new S3StorageError('HeadObject', response.status, undefined, undefined)
  }

  async remove(key: string): Promise<void> {
    const url = this.objectUrl(key)
    const response = await this.request('DeleteObject', url, { method: 'DELETE' })
    // S3 answers 204 whether or not the key existed; some compatible stores answer 404.
    if (!response.ok && response.status !== 404) throw await storeError('DeleteObject', response)
    await discard(response)
  }

  /**
   * Signs and sends, again on a network error, a timeout, 429 or 5xx (every call here is idempotent:
   * keys are never reused). Each attempt is signed anew, with its own date.
   */
  private async request(operation: string, url: string, init: RequestInit): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(new Error(`S3 ${operation} timed out after ${this.timeoutMs} ms`)), this.timeoutMs)
      try {
        const signed = await this.client.sign(url, init)
        const response = await this.send(signed, controller.signal)
        if ((response.status >= 500 || response.status === 429) && attempt < ATTEMPTS) {
          await discard(response)
        } else {
          return response
        }
      } catch (error) {
        if (attempt >= ATTEMPTS) throw error
      } finally {
        // Only the wait for the headers is bounded: a long download must not be cut off.
        clearTimeout(timer)
      }
      await new Promise((resolve) => setTimeout(resolve, FIRST_RETRY_DELAY_MS * 2 ** (attempt - 1) * (0.5 + Math.random())))
    }
  }
}

/** Releases the connection of a response whose body is not wanted. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => {})
}

/** The store's error document (`<Error><Code>…</Code><Message>…</Message></Error>`), read for the message. */
async function storeError(operation: string, response: Response): Promise<S3StorageError> {
  const text = await readStart(response, ERROR_BODY_LIMIT)
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1]
  const message = /<Message>([^<]{1,300})<\/Message>/.exec(text)?.[1]
  return new S3StorageError(operation, response.status, code, message)
}

/** The first bytes of a body as text, then the rest dropped: a proxy's error page may be large. */
async function readStart(response: Response, limit: number): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let length = 0
  try {
    while (length < limit) {
      const read = await reader.read()
      if (read.done) break
      chunks.push(read.value)
      length += read.value.byteLength
    }
  } catch {
    // A body cut short: what arrived is enough for a message.
  } finally {
    await reader.cancel().catch(() => {})
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8')
}
