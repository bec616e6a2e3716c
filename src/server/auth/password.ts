import 'server-only'
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * Password hashing with scrypt (memory-hard, in Node's standard library). Stored as
 * `scrypt$N$r$p$saltB64$hashB64`, so the cost can be raised later while old hashes still verify.
 * Server code: scripts import it under `tsx --conditions=react-server`, where `server-only` is a no-op.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const
const KEY_LENGTH = 32
const SALT_LENGTH = 16
/** Enough for the largest cost we accept (scrypt needs 128·N·r bytes; Node's default cap is exactly 32 MiB). */
const MAX_MEMORY = 256 * 1024 * 1024
const MAX_N = 2 ** 20

function derive(plain: string, salt: Buffer, options: ScryptOptions & { N: number; r: number; p: number }, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(plain.normalize('NFC'), salt, length, { ...options, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const key = await derive(plain, salt, COST, KEY_LENGTH)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$')
}

/** False for a wrong password and for a hash this code did not write (never throws on bad input). */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number)
  const salt = Buffer.from(parts[4] ?? '', 'base64')
  const expected = Buffer.from(parts[5] ?? '', 'base64')
  const valid = (value: number | undefined): value is number => value !== undefined && Number.isInteger(value) && value > 0
  if (!valid(N) || !valid(r) || !valid(p) || N > MAX_N || (N & (N - 1)) !== 0 || r > 32 || p > 16) return false
  if (salt.length === 0 || expected.length === 0) return false
  try {
    const actual = await derive(plain, salt, { N, r, p }, expected.length)
    return timingSafeEqual(actual, expected)
  } catch {
    return false
  }
}

/** True when the hash was made with a lower cost than today's: rehash it at the next successful sign-in. */
export function needsRehash(stored: string): boolean {
  const [scheme, N, r, p] = stored.split('$')
  return scheme !== 'scrypt' || Number(N) < COST.N || Number(r) < COST.r || Number(p) < COST.p
}
