import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, gatewayFormOrigins, isCrossSiteApiWrite, securityHeaders } from './security-headers'

describe('security headers', () => {
  it('allow only scripts with the nonce and forbid framing', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc', dev: false, https: false })
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('upgrade-insecure-requests')
  })
  it('add HSTS and upgrade-insecure-requests only on HTTPS', () => {
    expect(securityHeaders({ csp: 'x', https: false })).not.toHaveProperty('Strict-Transport-Security')
    expect(securityHeaders({ csp: 'x', https: true })['Strict-Transport-Security']).toMatch(/max-age=\d+/)
    expect(contentSecurityPolicy({ nonce: 'n', dev: false, https: true })).toContain('upgrade-insecure-requests')
  })
  it('let forms end at the configured payment gateway, and nowhere else', () => {
    expect(contentSecurityPolicy({ nonce: 'n', dev: false, https: true })).toContain("form-action 'self';")
    const withGateway = contentSecurityPolicy({ nonce: 'n', dev: false, https: true, formActionOrigins: gatewayFormOrigins('https://pay.gateway.example/paymentv2/vpcpay.html') })
    expect(withGateway).toContain("form-action 'self' https://pay.gateway.example;")
    expect(gatewayFormOrigins(undefined)).toEqual([])
    expect(gatewayFormOrigins('not a url')).toEqual([])
    expect(gatewayFormOrigins('javascript:alert(1)')).toEqual([])
  })
  it('set the referrer policy and nosniff', () => {
    const headers = securityHeaders({ csp: 'x', https: false })
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
  })
})

describe('cross-site API writes', () => {
  const base = { pathname: '/api/dossiers/x/notes', host: 'motcua.example' }
  it('refuses a POST from another site or without Origin', () => {
    expect(isCrossSiteApiWrite({ ...base, method: 'POST', origin: 'https://evil.example' })).toBe(true)
    expect(isCrossSiteApiWrite({ ...base, method: 'POST', origin: null })).toBe(true)
    expect(isCrossSiteApiWrite({ ...base, method: 'DELETE', origin: 'not a url' })).toBe(true)
  })
  it('accepts the same origin, reads, pages, and the endpoints with their own protection', () => {
    expect(isCrossSiteApiWrite({ ...base, method: 'POST', origin: 'https://motcua.example' })).toBe(false)
    expect(isCrossSiteApiWrite({ ...base, method: 'GET', origin: null })).toBe(false)
    expect(isCrossSiteApiWrite({ ...base, pathname: '/ho-so-cua-toi', method: 'POST', origin: null })).toBe(false)
    expect(isCrossSiteApiWrite({ ...base, pathname: '/api/auth/callback/password', method: 'POST', origin: null })).toBe(false)
    expect(isCrossSiteApiWrite({ ...base, pathname: '/api/payments/vnpay/ipn', method: 'POST', origin: null })).toBe(false)
  })
})
