import { describe, expect, it } from 'vitest'
import { ACCEPT_ATTRIBUTE, detectFileType, fileTypeLabel, isAcceptedMimeType } from './file-type'

const bytes = (...values: number[]) => new Uint8Array(values)
const text = (value: string) => new TextEncoder().encode(value)

describe('detectFileType', () => {
  it('recognises PDF, JPEG and PNG by their first bytes', () => {
    expect(detectFileType(text('%PDF-1.7\n%âãÏÓ\n'))).toBe('application/pdf')
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46))).toBe('image/jpeg')
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('image/jpeg')
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d))).toBe('image/png')
  })

  it('refuses anything else, including near misses and files too short to tell', () => {
    expect(detectFileType(text('Xin chào, đây là tệp văn bản.'))).toBeNull()
    expect(detectFileType(text('<html><body>%PDF-</body></html>'))).toBeNull()
    expect(detectFileType(text(' %PDF-1.4'))).toBeNull()
    expect(detectFileType(text('%PDF'))).toBeNull()
    expect(detectFileType(bytes(0xff, 0xd8))).toBeNull()
    // PNG signature with the DOS line ending damaged (a text-mode transfer) is not a PNG.
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a, 0x00))).toBeNull()
    expect(detectFileType(text('GIF89a'))).toBeNull()
    expect(detectFileType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull() // .docx (zip)
    expect(detectFileType(new Uint8Array())).toBeNull()
  })

  it('has labels and an accept hint for the file picker', () => {
    expect(fileTypeLabel('application/pdf')).toBe('PDF')
    expect(fileTypeLabel('image/png')).toBe('PNG')
    expect(isAcceptedMimeType('image/jpeg')).toBe(true)
    expect(isAcceptedMimeType('image/svg+xml')).toBe(false)
    expect(ACCEPT_ATTRIBUTE.split(',')).toEqual(expect.arrayContaining(['application/pdf', '.pdf', '.jpg', '.jpeg', '.png']))
  })
})
