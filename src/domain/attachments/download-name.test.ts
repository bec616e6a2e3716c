import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ACCEPTED_MIME_TYPES, EXTENSIONS_BY_TYPE, type AcceptedMimeType } from './file-type'
import { contentDisposition, FALLBACK_BASE_NAME, safeDownloadName } from './download-name'
import { ATTACHMENT_LIMITS } from './limits'

describe('safeDownloadName', () => {
  it('keeps Vietnamese names and gives an ASCII fallback', () => {
    expect(safeDownloadName('Giấy khai sinh.pdf', 'application/pdf')).toEqual({ name: 'Giấy khai sinh.pdf', ascii: 'Giay khai sinh.pdf' })
    expect(safeDownloadName('Đơn đề nghị (bản 2).jpeg', 'image/jpeg')).toEqual({ name: 'Đơn đề nghị (bản 2).jpeg', ascii: 'Don de nghi (ban 2).jpeg' })
    // macOS hands over decomposed (NFD) names: served composed.
    expect(safeDownloadName('Giấy khai sinh.pdf'.normalize('NFD'), 'application/pdf').name).toBe('Giấy khai sinh.pdf')
  })

  it('makes the extension match the detected type', () => {
    expect(safeDownloadName('scan.pdf', 'image/png').name).toBe('scan.png')
    expect(safeDownloadName('ảnh CCCD.PNG', 'image/jpeg')).toEqual({ name: 'ảnh CCCD.jpg', ascii: 'anh CCCD.jpg' })
    expect(safeDownloadName('ảnh.JPG', 'image/jpeg').name).toBe('ảnh.JPG')
    expect(safeDownloadName('To khai', 'application/pdf').name).toBe('To khai.pdf')
    expect(safeDownloadName('bao-cao.v2', 'application/pdf').name).toBe('bao-cao.v2.pdf')
    expect(safeDownloadName('invoice.exe', 'application/pdf').name).toBe('invoice.exe.pdf')
  })

  it('removes controls, invisible overrides, quotes and path separators', () => {
    expect(safeDownloadName('../../etc/passwd', 'application/pdf').name).toBe('etcpasswd.pdf')
    expect(safeDownloadName('C:\\Users\\an\\"to khai".pdf', 'application/pdf').name).toBe('CUsersanto khai.pdf')
    expect(safeDownloadName('a\r\nContent-Type: text/html\r\n.pdf', 'application/pdf').name).toBe('a Content-Type texthtml.pdf')
    // A right-to-left override would show "invoice‮fdp.exe" as "invoiceexe.pdf".
    expect(safeDownloadName('invoice\u202efdp.exe', 'application/pdf').name).toBe('invoicefdp.exe.pdf')
    expect(safeDownloadName('\u0000\u0007', 'image/png')).toEqual({ name: `${FALLBACK_BASE_NAME}.png`, ascii: `${FALLBACK_BASE_NAME}.png` })
    expect(safeDownloadName('...pdf', 'application/pdf').name).toBe('pdf.pdf')
    expect(safeDownloadName('出生证明.pdf', 'application/pdf')).toEqual({ name: '出生证明.pdf', ascii: `${FALLBACK_BASE_NAME}.pdf` })
    expect(safeDownloadName('100% xong.pdf', 'application/pdf').ascii).toBe('100_ xong.pdf')
  })

  it('cuts long names, keeping the extension', () => {
    const { name } = safeDownloadName(`${'Ệ'.repeat(300)}.pdf`, 'application/pdf')
    expect(Array.from(name)).toHaveLength(ATTACHMENT_LIMITS.maxFileNameLength)
    expect(name.endsWith('Ệ.pdf')).toBe(true)
  })

  it('builds a Content-Disposition header with both forms', () => {
    expect(contentDisposition('inline', 'Giấy khai sinh.pdf', 'application/pdf')).toBe(
      `inline; filename="Giay khai sinh.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh.pdf`,
    )
    expect(contentDisposition('attachment', "bản (1)*'.pdf", 'image/png')).toBe(`attachment; filename="ban (1).png"; filename*=UTF-8''b%E1%BA%A3n%20%281%29.png`)
  })
})

// ---------------------------------------------------------------------------------------------------------
// Properties over hostile names

const nasty = fc.constantFrom('"', "'", '`', '\\', '/', ':', '*', '?', '<', '>', '|', '.', ' ', '%', ';', '\r', '\n', '\t', '\u0000', '\u007f', '\u0085', '\u202e', '\u200b', '\u2028', '\ufeff', '\ud800', '\udfff', 'đ', 'Ữ', 'ệ', 'a\u0301', '🙂', '.pdf', '.PNG', '.jpg', '..')
const fileNameArbitrary = fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), nasty), maxLength: 260 })
const mimeArbitrary = fc.constantFrom(...ACCEPTED_MIME_TYPES)

const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}"'`\\/:*?<>|]/u
const hasExtensionOf = (name: string, mimeType: AcceptedMimeType) => EXTENSIONS_BY_TYPE[mimeType].some((ext) => name.toLowerCase().endsWith(`.${ext}`))

describe('safeDownloadName, for any name', () => {
  it('gives a non-empty, bounded, NFC name without forbidden characters, ending in the right extension', () => {
    fc.assert(
      fc.property(fileNameArbitrary, mimeArbitrary, (fileName, mimeType) => {
        const { name, ascii } = safeDownloadName(fileName, mimeType)
        expect(name).not.toMatch(FORBIDDEN)
        expect(name).toBe(name.normalize('NFC'))
        expect(name).not.toMatch(/^[.\s]|\s$/u)
        expect(Array.from(name).length).toBeLessThanOrEqual(ATTACHMENT_LIMITS.maxFileNameLength)
        expect(hasExtensionOf(name, mimeType)).toBe(true)
        expect(name.split('.').slice(0, -1).join('.').trim()).not.toBe('')

        expect(ascii).toMatch(/^[\x20-\x7e]+$/)
        expect(ascii).not.toMatch(/["\\/%]/)
        expect(hasExtensionOf(ascii, mimeType)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('is stable: a safe name stays as it is', () => {
    fc.assert(
      fc.property(fileNameArbitrary, mimeArbitrary, (fileName, mimeType) => {
        const { name } = safeDownloadName(fileName, mimeType)
        expect(safeDownloadName(name, mimeType).name).toBe(name)
      }),
      { numRuns: 1000 },
    )
  })

  it('yields a valid header whose filename* decodes back to the name', () => {
    fc.assert(
      fc.property(fileNameArbitrary, mimeArbitrary, fc.constantFrom('inline' as const, 'attachment' as const), (fileName, mimeType, disposition) => {
        const header = contentDisposition(disposition, fileName, mimeType)
        expect(() => new Headers({ 'Content-Disposition': header })).not.toThrow()
        const match = /^(inline|attachment); filename="([^"\\]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(header)
        expect(match).not.toBeNull()
        expect(match![1]).toBe(disposition)
        expect(decodeURIComponent(match![3]!)).toBe(safeDownloadName(fileName, mimeType).name)
      }),
      { numRuns: 1000 },
    )
  })
})
