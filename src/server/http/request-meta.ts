import 'server-only'
import { headers } from 'next/headers'
import { serverEnv } from '@/server/env'
import { clientAddress } from './client-address'

export type RequestMeta = { ip: string; userAgent: string | null }

/**
 * Recorded when the client's address cannot be known: with no trusted proxy (TRUSTED_PROXY_HOPS=0) under
 * `next start`, or a request that did not come through the configured proxies. A forged header is never
 * recorded. Per-address limits do not apply to it (see `hasKnownAddress`): one shared budget for every such
 * request would let anyone lock everybody out (and normal typing mistakes across the province would add up to
 * the limit). The per-account, per-code and per-identifier limits still apply. Production sits behind a
 * reverse proxy with TRUSTED_PROXY_HOPS set (README, "Behind a reverse proxy").
 */
export const UNKNOWN_CLIENT_ADDRESS = 'unknown'

/**
 * Client address for rate limiting and audit: X-Forwarded-For counted from the right, trusting exactly
 * TRUSTED_PROXY_HOPS proxies (see clientAddress). Next.js does not hand the socket's address to the app
 * (it is in the header only when the client sent none), hence `socketAddress: null`.
 */
export function requestMetaFrom(
  headerList: Pick<Headers, 'get'>,
  trustedHops: number = serverEnv().TRUSTED_PROXY_HOPS,
): RequestMeta {
  const ip = clientAddress({ forwardedFor: headerList.get('x-forwarded-for'), socketAddress: null, trustedHops })
  return {
    ip: ip ?? UNKNOWN_CLIENT_ADDRESS,
    userAgent: headerList.get('user-agent')?.slice(0, 500) ?? null,
  }
}

/** Whether per-address limits can count this request (its address is known, not `unknown`). */
export function hasKnownAddress(meta: RequestMeta): boolean {
  return meta.ip !== UNKNOWN_CLIENT_ADDRESS
}

/**
 * The payer's address a card gateway asks for (an IP it may check against fraud rules): the client's when known,
 * else the loopback address — a placeholder that claims nothing, rather than the word "unknown" a gateway's
 * format check would refuse.
 */
export function gatewayClientIp(meta: RequestMeta): string {
  return hasKnownAddress(meta) ? meta.ip : '127.0.0.1'
}

export async function getRequestMeta(): Promise<RequestMeta> {
  return requestMetaFrom(await headers())
}
