/**
 * The name a stored attachment is served under (Content-Disposition). Browsers and operating systems
 * disagree about everything in a file name, so the name is made safe for all of them:
 * - control and invisible formatting characters (e.g. a right-to-left override disguising "gpj.exe"),
 *   quotes, backslashes, slashes and the other characters Windows forbids in names are removed;
 * - the extension always matches the type detected from the content ("scan.pdf" holding a PNG is served
 *   as "scan.png"), so the file opens in the right program;
 * - Vietnamese names survive through RFC 6266/5987 `filename*=UTF-8''…`, with a plain-ASCII `filename="…"`
 *   ("Giay khai sinh.pdf") for clients that do not read it.
 */
import { EXTENSIONS_BY_TYPE, isAcceptedMimeType } from './file-type'
import { ATTACHMENT_LIMITS } from './limits'

export type DownloadName = {
  /** Unicode (NFC) name, safe for any file system. */
  name: string
  /** Printable-ASCII fallback of the same name. */
  ascii: string
}

/** Used when nothing of the original name is left ("tệp đính kèm" = attachment). */
export const FALLBACK_BASE_NAME = 'tep-dinh-kem'

/** Every extension that names one of the accepted types: such an extension is replaced, others kept. */
const KNOWN_EXTENSIONS = new Set(Object.values(EXTENSIONS_BY_TYPE).flat())

// Controls (C0, DEL, C1), format characters (bidi overrides, zero-width), private use, lone surrogates;
// quotes, backslash, slash and the characters Windows refuses in names.
const REMOVED = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}"'`\\/:*?<>|]/gu
const WHITESPACE = /[\s\p{Z}]+/gu

function cleanBase(base: string): string {
  return base.replace(/^[.\s]+/u, '').replace(/[.\s]+$/u, '')
}

export function safeDownloadName(fileName: string, mimeType: string): DownloadName {
  const cleaned = cleanBase(fileName.normalize('NFC').replace(WHITESPACE, ' ').replace(REMOVED, '').replace(/ {2,}/g, ' '))

  let base = cleaned
  let extension = ''
  const dot = cleaned.lastIndexOf('.')
  const own = dot > 0 ? cleaned.slice(dot + 1) : null
  if (isAcceptedMimeType(mimeType)) {
    const allowed = EXTENSIONS_BY_TYPE[mimeType]
    if (own !== null && allowed.includes(own.toLowerCase())) {
      base = cleaned.slice(0, dot)
      extension = own
    } else {
      if (own !== null && KNOWN_EXTENSIONS.has(own.toLowerCase())) base = cleaned.slice(0, dot)
      extension = allowed[0]!
    }
  }

  const room = ATTACHMENT_LIMITS.maxFileNameLength - (extension ? extension.length + 1 : 0)
  base = cleanBase(Array.from(cleanBase(base)).slice(0, room).join('')) || FALLBACK_BASE_NAME
  const name = extension ? `${base}.${extension}` : base
  return { name, ascii: asciiFallback(base, extension) }
}

function asciiFallback(base: string, extension: string): string {
  const toAscii = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      // Printable ASCII only; "%" too is replaced, as some clients percent-decode the plain filename.
      .replace(/[^\x20-\x7e]|%/g, '_')
      .replace(/_{2,}/g, '_')
  const asciiBase = cleanBase(toAscii(base))
  const safeBase = /[A-Za-z0-9]/.test(asciiBase) ? asciiBase : FALLBACK_BASE_NAME
  const asciiExtension = toAscii(extension)
  return asciiExtension ? `${safeBase}.${asciiExtension}` : safeBase
}

/** RFC 5987 value-chars: percent-encoded UTF-8, with the characters encodeURIComponent leaves but attr-char does not. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** The whole Content-Disposition header value. */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string, mimeType: string): string {
  const { name, ascii } = safeDownloadName(fileName, mimeType)
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`
}
