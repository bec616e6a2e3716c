// The part of autocannon 9's API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export type AutocannonRequest = {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
    /** Returns the request to send (a falsy value restarts the request list). */
    setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest | null | undefined
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void
  }

  export type Histogram = {
    min: number
    max: number
    average: number
    stddev: number
    p50: number
    p90: number
    p97_5: number
    p99: number
  }

  export type AutocannonResult = {
    duration: number
    requests: Histogram & { total: number; sent: number }
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
    start: Date
    finish: Date
  }

  export type AutocannonOptions = {
    url: string
    connections?: number
    duration?: number
    amount?: number
    pipelining?: number
    timeout?: number
    requests?: AutocannonRequest[]
  }

  export type Instance = EventEmitter & Promise<AutocannonResult> & { stop(): void }

  function autocannon(options: AutocannonOptions): Instance
  export default autocannon
}
