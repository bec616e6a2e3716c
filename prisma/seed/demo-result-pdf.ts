/**
 * The result document of a returned demo dossier, as a one-page A4 PDF: what the citizen downloads under
 * "Kết quả giải quyết" in the demo. It says plainly that it is sample data without legal value (the real
 * result — a certificate, an extract, a decision — is issued and scanned by the commune).
 *
 * Deterministic: the same dossier gives the same bytes (fixed dates and producer, a fixed font subset name
 * instead of pdf-lib's random one), so seeding twice writes identical files. DejaVu Serif (package
 * `dejavu-fonts-ttf`, as the printed forms use) carries every Vietnamese letter.
 */
import * as fontkitModule from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { NATIONAL_MOTTO } from '../../src/domain/documents/document-content'
import { communeNames, placeAndDate } from '../../src/domain/documents/issuing-unit'
import { formatDate } from '../../src/lib/format/date'
import { loadFontBytes } from '../../src/server/documents/pdf-fonts'

// CommonJS package: under Node's ES modules its functions sit on `default`.
const fontkitBase = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule

/**
 * fontkit with its parsed fonts kept, and their text layouts: pdf-lib parses the font file again for every
 * document and shapes every text it draws, which made most of a result's rendering time (hundreds of
 * results per seed, whose texts mostly repeat: labels, procedure, commune and applicant names). A parsed
 * font and its glyph runs are only read from (each document builds its own subset from the glyphs), so one
 * per font file serves every document.
 */
type FontkitFont = ReturnType<typeof fontkitBase.create>
type Layout = (text: string, features?: unknown) => unknown
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>()
const MAX_CACHED_LAYOUTS = 5000

function withLayoutCache(font: FontkitFont): FontkitFont {
  const target = font as unknown as { layout: Layout }
  const layout = target.layout.bind(font)
  const cache = new Map<string, unknown>()
  target.layout = (text, features) => {
    const key = `${JSON.stringify(features ?? null)}\u0000${text}`
    let run = cache.get(key)
    if (run === undefined) {
      if (cache.size >= MAX_CACHED_LAYOUTS) cache.clear()
      run = layout(text, features)
      cache.set(key, run)
    }
    return run
  }
  return font
}

const fontkit: typeof fontkitBase = {
  ...fontkitBase,
  create(data, postscriptName) {
    if (!(data instanceof Uint8Array) || postscriptName !== undefined) return fontkitBase.create(data, postscriptName)
    let font = parsedFonts.get(data)
    if (!font) {
      font = withLayoutCache(fontkitBase.create(data))
      parsedFonts.set(data, font)
    }
    return font
  },
}

export type DemoResultDocument = {
  code: string
  procedureName: string
  applicantName: string
  communeName: string
  returnedAt: Date
  submittedAt: Date
}

const MM = 72 / 25.4
const PAGE = { width: 595.28, height: 841.89 }
const LEFT = 30 * MM
const RIGHT = PAGE.width - 15 * MM
const WIDTH = RIGHT - LEFT
const INK = rgb(0, 0, 0)
const GREY = rgb(0.35, 0.35, 0.35)

/**
 * Width of a text at `size`, from per-character widths kept across documents: pdf-lib measures by shaping
 * the whole text with fontkit, about a millisecond a call, which would dominate the seed's time.
 */
const characterWidths = new Map<string, number>()
function widthOf(text: string, font: PDFFont, size: number): number {
  let total = 0
  for (const character of text) {
    const key = `${font.name}\u0000${character}`
    let width = characterWidths.get(key)
    if (width === undefined) {
      width = font.widthOfTextAtSize(character, 1)
      characterWidths.set(key, width)
    }
    total += width
  }
  return total * size
}

/** Splits a text into lines no wider than `width` (by words; a word longer than a line stays whole). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (line && widthOf(candidate, font, size) > width) {
      lines.push(line)
      line = word
    } else {
      line = candidate
    }
  }
  if (line) lines.push(line)
  return lines
}

export async function renderDemoResultPdf(document: DemoResultDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false })
  pdf.registerFontkit(fontkit)
  const bytes = await loadFontBytes()
  // customName: pdf-lib otherwise appends a random number to the font's name (non-deterministic bytes).
  const regular = await pdf.embedFont(bytes.regular, { subset: true, customName: 'MotCuaSerif' })
  const bold = await pdf.embedFont(bytes.bold, { subset: true, customName: 'MotCuaSerif-Bold' })
  pdf.setTitle(`Kết quả giải quyết hồ sơ ${document.code}`)
  pdf.setAuthor(communeNames(document.communeName).upper)
  pdf.setSubject(document.procedureName)
  pdf.setProducer('MotCua (dữ liệu mẫu)')
  pdf.setCreator('MotCua')
  pdf.setCreationDate(document.returnedAt)
  pdf.setModificationDate(document.returnedAt)

  const page: PDFPage = pdf.addPage([PAGE.width, PAGE.height])
  let y = PAGE.height - 20 * MM
  const centered = (text: string, font: PDFFont, size: number) => {
    page.drawText(text, { x: LEFT + (WIDTH - widthOf(text, font, size)) / 2, y, size, font, color: INK })
    y -= size * 1.45
  }
  const paragraph = (text: string, font: PDFFont, size: number, color = INK) => {
    for (const line of wrap(text, font, size, WIDTH)) {
      page.drawText(line, { x: LEFT, y, size, font, color })
      y -= size * 1.45
    }
  }
  const names = communeNames(document.communeName)

  centered(NATIONAL_MOTTO[0], bold, 12)
  centered(NATIONAL_MOTTO[1], bold, 12)
  y -= 10
  centered(`ỦY BAN NHÂN DÂN ${names.upper}`, bold, 11)
  y -= 24
  centered('KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', bold, 14)
  y -= 12
  for (const [label, value] of [
    ['Mã hồ sơ', document.code],
    ['Thủ tục', document.procedureName],
    ['Người nộp hồ sơ', document.applicantName],
    ['Ngày nộp', formatDate(document.submittedAt)],
    ['Ngày trả kết quả', formatDate(document.returnedAt)],
  ] as const) {
    paragraph(`${label}: ${value}`, regular, 12)
    y -= 3
  }
  y -= 12
  paragraph(
    `Ủy ban nhân dân ${names.inSentence} đã giải quyết xong hồ sơ nêu trên và trả kết quả cho người nộp hồ sơ.`,
    regular,
    12,
  )
  y -= 18
  const dateLine = placeAndDate(names.place, document.returnedAt)
  page.drawText(dateLine, { x: RIGHT - widthOf(dateLine, regular, 12), y, size: 12, font: regular, color: INK })
  y -= 40
  paragraph(
    'Bản điện tử minh họa do hệ thống MotCua tạo từ dữ liệu mẫu (demo); không có giá trị pháp lý. Kết quả thật (giấy chứng nhận, trích lục, quyết định…) do Ủy ban nhân dân cấp xã ký, đóng dấu.',
    regular,
    10,
    GREY,
  )
  return pdf.save({ useObjectStreams: false })
}
