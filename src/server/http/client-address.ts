import 'server-only'
import { isIPv4, isIPv6 } from 'node:net'

/**
 * The client's address for rate limiting and audit, from the X-Forwarded-For chain counted from the RIGHT.
 *
 * The chain is the header's entries followed by the address of the TCP peer (the socket). Every proxy appends
 * the address it received the request from, so with `trustedHops` proxies in front of the app the client is
 * the entry `trustedHops` places left of the socket: 0 → the socket itself, 1 → the entry the one proxy
 * appended, 2 → the one the outer proxy appended, … Whatever a client writes into the header stays to the
 * left of those entries and is never read.
 *
 * `socketAddress` is null when it is unknown, which is the case under `next start`: Next.js 16 copies the
 * socket address into X-Forwarded-For only when the request has no such header (base-server.js,
 * `req.headers['x-forwarded-for'] ??= socket.remoteAddress`), so a client's own header replaces it and the app
 * cannot tell the two apart. The header the app sees is then the chain without its last element — the peer,
 * i.e. the nearest proxy —, so 1 hop gives the last header entry; 0 hops asks for the socket and gives null:
 * without a proxy that writes the header, nothing in it can be trusted.
 *
 * X-Real-IP is not read: it repeats what the nearest proxy puts at the end of the chain, and without a proxy
 * it is whatever the client sent.
 *
 * Returns null when the chain is shorter than the configuration says (the request did not come through the
 * proxies) or the entry at that place is not an IP address.
 */
export function clientAddress({
  forwardedFor,
  socketAddress,
  trustedHops,
}: {
  forwardedFor: string | null
  socketAddress: string | null
  trustedHops: number
}): string | null {
  if (!Number.isSafeInteger(trustedHops) || trustedHops < 0) return null
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  // The chain's last element is the socket, known or not: the client sits `trustedHops` places left of it.
  const index = entries.length - trustedHops
  if (index === entries.length) return socketAddress === null ? null : normalisedAddress(socketAddress)
  const entry = entries[index]
  return entry === undefined ? null : normalisedAddress(entry)
}

/**
 * One spelling per address, so one client is one rate-limit key: IPv4 as is, IPv6 compressed and lower-case,
 * an IPv4-mapped IPv6 address (`::ffff:192.0.2.7`, as Node reports IPv4 peers on a dual-stack socket) as the
 * IPv4 address. A port (`192.0.2.7:5123`, `[2001:db8::1]:443`, as some proxies write) is dropped. Anything
 * else — names, `unknown`, zone ids, junk — is null.
 */
export function normalisedAddress(raw: string): string | null {
  let text = raw.trim()
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text)
  if (bracketed) text = bracketed[1]!
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(':'))
  if (isIPv4(text)) return text
  if (!isIPv6(text) || text.includes('%')) return null
  const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1)
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical)
  if (!mapped) return canonical
  const high = Number.parseInt(mapped[1]!, 16)
  const low = Number.parseInt(mapped[2]!, 16)
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.')
}
