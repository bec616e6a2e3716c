/**
 * The production build served by `next start` for a benchmark: on a port of its own, with the environment
 * scripts/start.ts gives the app (DATABASE_URL, pool size, NextAuth secret and URL, demo mode off).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { PROJECT_ROOT } from '../../scripts/db/migrations'

export type AppServer = {
  origin: string
  port: number
  pid: number
  /** The server's last lines of output (for an error report). */
  output: () => string
  /** How often each kind of error line appeared in the server's output so far (numbers replaced by N). */
  errorCounts: () => Map<string, number>
  stop: () => Promise<void>
}

/** The build's id, or null when there is no production build in .next/. */
export function productionBuildId(): string | null {
  const file = path.join(PROJECT_ROOT, '.next/BUILD_ID')
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null
}

/** True when a file the build reads (src/, messages/, next.config.ts) changed after .next/BUILD_ID was written. */
export function buildIsStale(): boolean {
  const buildTime = statSync(path.join(PROJECT_ROOT, '.next/BUILD_ID')).mtimeMs
  const newerThanBuild = (entry: string): boolean => {
    if (!existsSync(entry)) return false
    const stat = statSync(entry)
    if (!stat.isDirectory()) return stat.mtimeMs > buildTime
    return readdirSync(entry).some((child) => newerThanBuild(path.join(entry, child)))
  }
  return ['src', 'messages', 'next.config.ts'].some((input) => newerThanBuild(path.join(PROJECT_ROOT, input)))
}

/** A TCP port free on 127.0.0.1 now: the one asked for, or one the system picks when `preferred` is 0. */
export async function freePort(preferred: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(preferred, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : preferred
      server.close(() => resolve(port))
    })
  })
}

async function waitUntilAnswering(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`)
    try {
      const response = await fetch(`${origin}/api/auth/session`, { signal: AbortSignal.timeout(5000) })
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`next start did not answer on ${origin} within ${timeoutMs / 1000} s`)
}

export async function startAppServer(options: { port: number; databaseUrl: string; poolMax: number; secret: string; log: (message: string) => void }): Promise<AppServer> {
  const { port } = options
  const origin = `http://127.0.0.1:${port}`
  const nextBin = path.join(PROJECT_ROOT, 'node_modules/next/dist/bin/next')
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_MAX: String(options.poolMax),
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: origin,
      DEMO_MODE: 'false',
    },
  })
  const lines: string[] = []
  const errors = new Map<string, number>()
  const keep = (chunk: Buffer) => {
    const fresh = chunk.toString('utf8').split('\n').filter(Boolean)
    for (const line of fresh) {
      if (!/Error\b|error:|Transaction|timed out|timeout/i.test(line)) continue
      const kind = line.trim().replace(/\d+/g, 'N').slice(0, 200)
      errors.set(kind, (errors.get(kind) ?? 0) + 1)
    }
    lines.push(...fresh)
    if (lines.length > 200) lines.splice(0, lines.length - 200)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }
  try {
    const started = performance.now()
    await waitUntilAnswering(origin, child, 180_000)
    options.log(`next start answering on ${origin} after ${((performance.now() - started) / 1000).toFixed(1)} s (pid ${child.pid}, pool ${options.poolMax}).`)
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}\n${lines.slice(-30).join('\n')}`)
  }
  return { origin, port, pid: child.pid!, output: () => lines.join('\n'), errorCounts: () => new Map(errors), stop }
}
