/**
 * The file types an attachment may be, decided by the content (magic bytes), never by the name or by
 * what the browser claims: a scan renamed ".pdf" is still a PNG, and a text file renamed ".pdf" is refused.
 */
export const ACCEPTED_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const
export type AcceptedMimeType = (typeof ACCEPTED_MIME_TYPES)[number]

/** File-name extensions that belong to each type; the first is the one a corrected name gets. */
export const EXTENSIONS_BY_TYPE: Record<AcceptedMimeType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
}

/** For `<input type="file" accept>`: a hint to the file picker only; the server decides by content. */
export const ACCEPT_ATTRIBUTE = [...ACCEPTED_MIME_TYPES, ...Object.values(EXTENSIONS_BY_TYPE).flat().map((ext) => `.${ext}`)].join(',')

/** How many leading bytes detectFileType needs (enough to read just the head of a large upload). */
export const FILE_TYPE_HEADER_BYTES = 8

const SIGNATURES: readonly { type: AcceptedMimeType; bytes: readonly number[] }[] = [
  // "%PDF-"
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // JPEG start of image + the first marker's 0xFF
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  // PNG signature: \x89 P N G \r \n \x1a \n
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
]

export function detectFileType(bytes: Uint8Array): AcceptedMimeType | null {
  for (const signature of SIGNATURES) {
    if (bytes.length >= signature.bytes.length && signature.bytes.every((byte, index) => bytes[index] === byte)) return signature.type
  }
  return null
}

export function isAcceptedMimeType(value: string): value is AcceptedMimeType {
  return (ACCEPTED_MIME_TYPES as readonly string[]).includes(value)
}

/** A short label for people: "PDF", "JPEG", "PNG". */
export function fileTypeLabel(mimeType: string): string {
  if (mimeType === 'application/pdf') return 'PDF'
  if (mimeType === 'image/jpeg') return 'JPEG'
  if (mimeType === 'image/png') return 'PNG'
  return mimeType
}
