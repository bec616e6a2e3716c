import { describe, expect, it } from 'vitest'
import { ATTACHMENT_ERROR_HEADERS, attachmentResponseHeaders, routeSetsFramingHeaders } from './attachment-response-headers'

describe('attachmentResponseHeaders', () => {
  it('serves inline, framable by this site only, with the detected type and no sniffing', () => {
    const headers = attachmentResponseHeaders({ fileName: 'Giấy khai sinh.pdf', mimeType: 'application/pdf', sizeBytes: 1234 }, { download: false })
    expect(headers).toMatchObject({
      'Content-Type': 'application/pdf',
      'Content-Length': '1234',
      'Content-Disposition': `inline; filename="Giay khai sinh.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh.pdf`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'X-Frame-Options': 'SAMEORIGIN',
    })
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'self'")
    expect(headers['Content-Security-Policy']).toContain("default-src 'none'")
  })

  it('downloads with ?download=1, with the extension of the real type, and forbids framing', () => {
    const headers = attachmentResponseHeaders({ fileName: 'scan.pdf', mimeType: 'image/png', sizeBytes: 10 }, { download: true })
    expect(headers['Content-Disposition']).toBe(`attachment; filename="scan.png"; filename*=UTF-8''scan.png`)
    expect(headers['X-Frame-Options']).toBe('DENY')
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'")
  })

  it('never serves an unexpected stored type as itself', () => {
    const headers = attachmentResponseHeaders({ fileName: 'x.html', mimeType: 'text/html', sizeBytes: 10 }, { download: false })
    expect(headers['Content-Type']).toBe('application/octet-stream')
    expect(headers['Content-Disposition']).toMatch(/^attachment;/)
    expect(headers['X-Frame-Options']).toBe('DENY')
  })
})

describe('routeSetsFramingHeaders', () => {
  it('names the attachment route only', () => {
    expect(routeSetsFramingHeaders('/api/attachments/01a20f65-396d-73fd-a2c3-5cdd55607d0f')).toBe(true)
    for (const pathname of ['/api/attachments', '/api/attachments/', '/api/attachments/a/b', '/api/attachments/x/', '/api/dossiers/x', '/can-bo/api/attachments/x', '/']) {
      expect(routeSetsFramingHeaders(pathname), pathname).toBe(false)
    }
  })

  it('its error answers forbid framing', () => {
    expect(ATTACHMENT_ERROR_HEADERS['X-Frame-Options']).toBe('DENY')
    expect(ATTACHMENT_ERROR_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'")
  })
})
