import { describe, expect, it } from 'vitest'
import { originFrom } from './request-origin'

const headers = (entries: Record<string, string>) => new Headers(entries)

describe('originFrom', () => {
  it('prefers the configured public address, whatever the request says', () => {
    expect(originFrom(headers({ host: 'evil.example' }), 'https://motcua.example/some/path')).toBe('https://motcua.example')
  })
  it('otherwise takes the proxy’s forwarded host and scheme, then the Host header', () => {
    expect(originFrom(headers({ host: '10.0.0.5:3000', 'x-forwarded-host': 'motcua.example, proxy.internal', 'x-forwarded-proto': 'https' }), undefined)).toBe('https://motcua.example')
    expect(originFrom(headers({ host: '127.0.0.1:3210' }), undefined)).toBe('http://127.0.0.1:3210')
  })
  it('falls back to the loopback address on a missing or unusable host', () => {
    expect(originFrom(headers({}), undefined)).toBe('http://127.0.0.1')
    expect(originFrom(headers({ host: 'bad host/with space' }), undefined)).toBe('http://127.0.0.1')
  })
})
