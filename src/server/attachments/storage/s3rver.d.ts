// Types for the S3-compatible server the S3 storage is tested against (a devDependency shipping none).
declare module '@20minutes/s3rver' {
  import type { AddressInfo } from 'node:net'

  interface S3rverOptions {
    address?: string
    port?: number
    silent?: boolean
    /** Host suffix under which `<bucket>.s3.<serviceEndpoint>` is read as virtual-hosted addressing. */
    serviceEndpoint?: string
    directory?: string
    resetOnClose?: boolean
    /** Off by default: a request signed with the wrong secret is refused (SignatureDoesNotMatch). */
    allowMismatchedSignatures?: boolean
    vhostBuckets?: boolean
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[]
  }

  export default class S3rver {
    constructor(options?: S3rverOptions)
    run(): Promise<AddressInfo>
    close(): Promise<void>
  }
}
