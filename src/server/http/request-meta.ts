import 'server-only'
import { headers } from 'next/headers'

export type RequestMeta = { ip: string; userAgent: string | null }

/**
 * Client address for rate limiting and audit. Behind a reverse proxy the first X-Forwarded-For hop is the
 * client; deployments must make the proxy overwrite (not append to) that header.
 */
export function requestMetaFrom(headerList: Pick<Headers, 'get'>): RequestMeta {
  const forwarded = headerList.get('x-forwarded-for')?.split(',')[0]?.trim()
  return {
    ip: forwarded || headerList.get('x-real-ip') || '127.0.0.1',
    userAgent: headerList.get('user-agent')?.slice(0, 500) ?? null,
  }
}

export async function getRequestMeta(): Promise<RequestMeta> {
  return requestMetaFrom(await headers())
}
