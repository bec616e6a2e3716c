import { describe, expect, it } from 'vitest'
import { clientAddress, normalisedAddress } from './client-address'

type Case = [label: string, forwardedFor: string | null, socketAddress: string | null, trustedHops: number, expected: string | null]

describe('clientAddress', () => {
  // As `next start` hands the header over: the socket's address is not known to the app.
  it.each<Case>([
    ['no proxy: the header Next.js filled in from the socket is not trusted either', '::ffff:127.0.0.1', null, 0, null],
    ['no proxy: a forged header is ignored', '198.51.100.66', null, 0, null],
    ['no proxy: a forged chain is ignored', '198.51.100.66, 10.0.0.1', null, 0, null],
    ['1 hop (nginx $proxy_add_x_forwarded_for, no header from the client)', '203.0.113.7', null, 1, '203.0.113.7'],
    ['1 hop: the client’s forged entries stay left of the one nginx appended', '198.51.100.66, 10.9.9.9, 203.0.113.7', null, 1, '203.0.113.7'],
    ['1 hop: a proxy that overwrites the header', '203.0.113.7', null, 1, '203.0.113.7'],
    ['2 hops (CDN then nginx): the entry the outer proxy appended', '203.0.113.7, 192.0.2.10', null, 2, '203.0.113.7'],
    ['2 hops with a forged prefix', '198.51.100.66, 203.0.113.7, 192.0.2.10', null, 2, '203.0.113.7'],
    ['2 hops but the request came through one: not trusted', '203.0.113.7', null, 2, null],
    ['1 hop but no header at all', null, null, 1, null],
    ['1 hop: the entry at the trusted place is junk', '203.0.113.7, not-an-ip', null, 1, null],
    ['1 hop: "unknown" as some proxies write it', 'unknown', null, 1, null],
    ['1 hop: junk left of the trusted entry does not matter', '<script>, 999.1.1.1, ::::, 203.0.113.7', null, 1, '203.0.113.7'],
    ['1 hop: empty entries (a trailing comma from the client) do not shift the count', '198.51.100.66,, 203.0.113.7', null, 1, '203.0.113.7'],
    ['1 hop: IPv6 client, canonicalised', '198.51.100.66, 2001:DB8:0:0::7', null, 1, '2001:db8::7'],
    ['1 hop: IPv4-mapped IPv6 client', '::ffff:203.0.113.7', null, 1, '203.0.113.7'],
    ['1 hop: a port after the address is dropped', '[2001:db8::7]:51234', null, 1, '2001:db8::7'],
    ['negative hops: nothing is trusted', '203.0.113.7', null, -1, null],
    ['fractional hops: nothing is trusted', '203.0.113.7', null, 0.5, null],
  ])('%s', (_label, forwardedFor, socketAddress, trustedHops, expected) => {
    expect(clientAddress({ forwardedFor, socketAddress, trustedHops })).toBe(expected)
  })

  // A server that passes the socket's address (the chain then ends with it, as the rule is stated).
  it.each<Case>([
    ['no proxy: the socket, whatever the header says', '198.51.100.66, 10.0.0.1', '::ffff:203.0.113.7', 0, '203.0.113.7'],
    ['no proxy, no header: the socket', null, '2001:db8::7', 0, '2001:db8::7'],
    ['1 hop: the entry the proxy at the socket appended', '198.51.100.66, 203.0.113.7', '10.0.0.2', 1, '203.0.113.7'],
    ['2 hops: one further left', '198.51.100.66, 203.0.113.7, 10.0.0.1', '10.0.0.2', 2, '203.0.113.7'],
    ['1 hop, but the peer sent no header: not trusted', null, '203.0.113.7', 1, null],
    ['a socket address that is not an IP', null, 'garbage', 0, null],
  ])('%s (socket known)', (_label, forwardedFor, socketAddress, trustedHops, expected) => {
    expect(clientAddress({ forwardedFor, socketAddress, trustedHops })).toBe(expected)
  })

  it('gives every forged header the same answer without a proxy, and never one of its addresses behind one', () => {
    const forged = Array.from({ length: 50 }, (_, index) => `10.${index}.0.1, 172.16.${index}.1`)
    expect(new Set(forged.map((forwardedFor) => clientAddress({ forwardedFor, socketAddress: null, trustedHops: 0 })))).toEqual(new Set([null]))
    const appended = forged.map((prefix) => clientAddress({ forwardedFor: `${prefix}, 203.0.113.7`, socketAddress: null, trustedHops: 1 }))
    expect(new Set(appended)).toEqual(new Set(['203.0.113.7']))
  })
})

describe('normalisedAddress', () => {
  it.each<[string, string | null]>([
    ['192.0.2.7', '192.0.2.7'],
    [' 192.0.2.7 ', '192.0.2.7'],
    ['192.0.2.7:8080', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['::FFFF:192.0.2.7', '192.0.2.7'],
    ['0:0:0:0:0:ffff:c000:207', '192.0.2.7'],
    ['[::ffff:192.0.2.7]:443', '192.0.2.7'],
    ['::1', '::1'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['fe80::1%eth0', null],
    ['192.0.2.256', null],
    ['192.000.2.7', null],
    ['192.0.2', null],
    ['localhost', null],
    ['unknown', null],
    ['', null],
    ['1.2.3.4.5', null],
    ['2001:db8::1:80', '2001:db8::1:80'],
  ])('%s → %s', (raw, expected) => {
    expect(normalisedAddress(raw)).toBe(expected)
  })
})
