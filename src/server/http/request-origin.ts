import 'server-only'
import { headers } from 'next/headers'
import { serverEnv } from '@/server/env'

/**
 * This app's public origin ("https://motcua.example"), for absolute URLs handed to another party (a gateway's
 * return URL): NEXTAUTH_URL when it is set — the configured public address, which a forged Host header cannot
 * change —, otherwise the request's own host (X-Forwarded-Host/-Proto behind a proxy, else Host).
 */
export function originFrom(headerList: Pick<Headers, 'get'>, configured: string | undefined): string {
  if (configured) return new URL(configured).origin
  const host = headerList.get('x-forwarded-host')?.split(',')[0]?.trim() || headerList.get('host') || '127.0.0.1'
  const proto = headerList.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http'
  try {
    return new URL(`${proto}://${host}`).origin
  } catch {
    return 'http://127.0.0.1'
  }
}

export async function requestOrigin(): Promise<string> {
  return originFrom(await headers(), serverEnv().NEXTAUTH_URL)
}
