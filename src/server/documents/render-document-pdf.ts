import 'server-only'
import * as fontkitModule from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { toBuffer as qrPng } from 'qrcode'
import { NATIONAL_MOTTO, type DocumentBlock, type DocumentContent, type Signature, type TextRun, type TextStyle } from '@/domain/documents/document-content'
import { wrapRuns } from '@/domain/documents/wrap-runs'
import { loadFontBytes } from './pdf-fonts'

// The package is CommonJS (UMD): under Node's ES modules its functions sit on `default`; bundlers and
// vitest may hand over either shape.
const fontkit = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule

const MM = 72 / 25.4
/** A4 portrait, margins as Decree 30/2020/NĐ-CP asks of administrative papers (left 30 mm, right 15 mm, 20 mm top and bottom). */
const PAGE = { width: 595.28, height: 841.89 }
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM }
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
const FOOTER_HEIGHT = 14
const SIZE = { body: 12, header: 11, title: 13.5, footer: 8.5, code: 20 }
const LEADING = 1.4
const INK = rgb(0, 0, 0)
const GREY = rgb(0.35, 0.35, 0.35)
const QR_SIZE = 60
const INDENT = 10 * MM

type Fonts = Record<TextStyle, PDFFont>

/**
 * Advance width of each character at size 1, per style, kept across renders (the font files never change
 * while the process runs). pdf-lib measures a text by shaping it with fontkit, a millisecond or more per
 * call; with ligatures off every character is one glyph, so a text's width is the sum of its characters'
 * (pdf-fonts.test.ts checks this against pdf-lib's own measure).
 */
const CHARACTER_WIDTHS: Record<TextStyle, Map<string, number>> = { regular: new Map(), bold: new Map(), italic: new Map() }

export function textWidth(font: PDFFont, style: TextStyle, text: string, size: number): number {
  const widths = CHARACTER_WIDTHS[style]
  let total = 0
  for (const character of text) {
    let width = widths.get(character)
    if (width === undefined) {
      width = font.widthOfTextAtSize(character, 1)
      widths.set(character, width)
    }
    total += width
  }
  return total * size
}

/**
 * Draws a printout (domain/documents content) as an A4 PDF with DejaVu Serif embedded, so Vietnamese text
 * prints, copies and is read back correctly in any viewer. The fonts are subset (about 35 KB a slip instead of
 * 650 KB whole). @pdf-lib/fontkit 1.1.1 is known to corrupt TrueType subsets whose glyph records have odd
 * lengths (Hopding/pdf-lib#1232); DejaVu's have none, and pdf-fonts.test.ts checks, for every
 * Vietnamese letter in each style, that the subset glyph is the original's outline and width. Flows onto
 * further pages when the body is long; every page has a footer with the form number, the dossier code and
 * the page number.
 */
export async function renderDocumentPdf(content: DocumentContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  const bytes = await loadFontBytes()
  // Ligatures off: text copied or extracted from the PDF must read as typed ("fi", not one glyph).
  const features = { liga: false, clig: false }
  const fonts: Fonts = {
    regular: await pdf.embedFont(bytes.regular, { features, subset: true }),
    bold: await pdf.embedFont(bytes.bold, { features, subset: true }),
    italic: await pdf.embedFont(bytes.italic, { features, subset: true }),
  }
  pdf.setTitle(`${content.title} — ${content.dossierCode}`, { showInWindowTitleBar: true })
  pdf.setSubject(content.formNumber ?? content.title)
  pdf.setLanguage('vi-VN')
  pdf.setCreator('MotCua')
  pdf.setProducer('MotCua (pdf-lib)')

  const writer = new Writer(pdf, fonts)
  await writer.header(content)
  writer.title(content)
  for (const block of content.blocks) writer.block(block)
  writer.signatures(content.signatures)
  writer.footers(content)
  return pdf.save()
}

class Writer {
  private page: PDFPage
  /** Top of the next line, in PDF points from the bottom of the page. */
  private y: number
  private readonly pages: PDFPage[] = []

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.page = this.addPage()
    this.y = PAGE.height - MARGIN.top
  }

  private addPage(): PDFPage {
    const page = this.pdf.addPage([PAGE.width, PAGE.height])
    this.pages.push(page)
    return page
  }

  private ensureSpace(height: number) {
    if (this.y - height >= MARGIN.bottom + FOOTER_HEIGHT) return
    this.page = this.addPage()
    this.y = PAGE.height - MARGIN.top
  }

  private measure(text: string, style: TextStyle, size: number): number {
    return textWidth(this.fonts[style], style, text, size)
  }

  private width(runs: readonly TextRun[], size: number): number {
    return runs.reduce((sum, run) => sum + this.measure(run.text, run.style, size), 0)
  }

  private wrap(runs: readonly TextRun[], maxWidth: number, size: number, firstLineIndent = 0): TextRun[][] {
    return wrapRuns(runs, maxWidth, (text, style) => this.measure(text, style, size), { firstLineIndent })
  }

  /** One line of runs with its baseline `size` below `top`, placed in [left, left + width]. */
  private drawRuns(runs: readonly TextRun[], { left, width, top, size, align }: { left: number; width: number; top: number; size: number; align: 'left' | 'center' | 'right' }) {
    const lineWidth = this.width(runs, size)
    let x = align === 'center' ? left + (width - lineWidth) / 2 : align === 'right' ? left + width - lineWidth : left
    for (const run of runs) {
      if (!run.text) continue
      this.page.drawText(run.text, { x, y: top - size, size, font: this.fonts[run.style], color: INK })
      x += this.measure(run.text, run.style, size)
    }
    return lineWidth
  }

  /**
   * Wrapped text flowing down the page from the cursor. `balanced` (for centred titles) narrows the lines as
   * long as that needs no extra line, so a title does not end with one lonely word.
   */
  private text(
    runs: readonly TextRun[],
    { left = MARGIN.left, width = CONTENT_WIDTH, size = SIZE.body, align = 'left' as 'left' | 'center', indent = 0, balanced = false } = {},
  ) {
    let lines = this.wrap(runs, width, size, indent)
    for (let narrower = width - 6; balanced && lines.length > 1 && narrower > width / 2; narrower -= 6) {
      const candidate = this.wrap(runs, narrower, size, indent)
      if (candidate.length > lines.length) break
      lines = candidate
    }
    lines.forEach((line, index) => {
      this.ensureSpace(size * LEADING)
      const shift = index === 0 && align === 'left' ? indent : 0
      this.drawRuns(line, { left: left + shift, width: width - shift, top: this.y, size, align })
      this.y -= size * LEADING
    })
  }

  /** Issuing unit top left (and the QR code under it), national motto top right, the place and date under the motto. */
  async header(content: DocumentContent) {
    const leftWidth = CONTENT_WIDTH * 0.4
    const rightLeft = MARGIN.left + leftWidth
    const rightWidth = CONTENT_WIDTH - leftWidth
    const top = this.y
    const size = SIZE.header
    const line = size * 1.3

    let leftY = top
    let lastWidth = 0
    for (const unit of content.issuer) {
      for (const wrapped of this.wrap([unit], leftWidth, size)) {
        lastWidth = this.drawRuns(wrapped, { left: MARGIN.left, width: leftWidth, top: leftY, size, align: 'center' })
        leftY -= line
      }
    }
    this.rule(MARGIN.left + leftWidth / 2, leftY + line - size - 5, Math.min(lastWidth * 0.5, leftWidth * 0.5))
    if (content.qr) {
      // The dossier code (or the paper's own `qrValue`) as a QR code under the issuing unit, where the desk's
      // scanners and phones find it.
      const png = await qrPng(content.qrValue ?? content.dossierCode, { type: 'png', errorCorrectionLevel: 'M', margin: 0, scale: 8 })
      const image = await this.pdf.embedPng(new Uint8Array(png))
      leftY -= 6
      this.page.drawImage(image, { x: MARGIN.left + (leftWidth - QR_SIZE) / 2, y: leftY - QR_SIZE, width: QR_SIZE, height: QR_SIZE })
      leftY -= QR_SIZE + 4
    }

    let rightY = top
    const mottoSize = Math.min(size + 0.5, (rightWidth - 4) / this.measure(NATIONAL_MOTTO[0], 'bold', 1))
    this.drawRuns([{ text: NATIONAL_MOTTO[0], style: 'bold' }], { left: rightLeft, width: rightWidth, top: rightY, size: mottoSize, align: 'center' })
    rightY -= line
    const mottoWidth = this.drawRuns([{ text: NATIONAL_MOTTO[1], style: 'bold' }], { left: rightLeft, width: rightWidth, top: rightY, size: size + 0.5, align: 'center' })
    this.rule(rightLeft + rightWidth / 2, rightY - size - 4, mottoWidth)
    rightY -= line + 8
    for (const wrapped of this.wrap([{ text: content.placeAndDate, style: 'italic' }], rightWidth, size)) {
      this.drawRuns(wrapped, { left: rightLeft, width: rightWidth, top: rightY, size, align: 'center' })
      rightY -= line
    }
    this.y = Math.min(leftY, rightY) - 14
  }

  /** A horizontal rule of `width` centred on `centre`. */
  private rule(centre: number, y: number, width: number) {
    this.page.drawLine({ start: { x: centre - width / 2, y }, end: { x: centre + width / 2, y }, thickness: 0.6, color: INK })
  }

  /** The title, centred, its subtitle lines, then the dossier code (large, on a line of its own, when `prominentCode`). */
  title(content: DocumentContent) {
    this.text([{ text: content.title, style: 'bold' }], { size: SIZE.title, align: 'center', balanced: true })
    for (const line of content.subtitle ?? []) this.text(line, { align: 'center' })
    if (content.prominentCode) {
      this.y -= 4
      this.text([{ text: 'Mã hồ sơ', style: 'regular' }], { align: 'center' })
      this.text([{ text: content.dossierCode, style: 'bold' }], { size: SIZE.code, align: 'center' })
    } else {
      this.text([{ text: 'Mã hồ sơ: ', style: 'regular' }, { text: content.dossierCode, style: 'bold' }], { align: 'center' })
    }
    this.y -= 8
  }

  block(block: DocumentBlock) {
    switch (block.kind) {
      case 'paragraph':
        this.text(block.runs, { align: block.align ?? 'left', indent: block.indent ? INDENT : 0 })
        break
      case 'field':
        this.text([
          { text: `${block.label}: `, style: 'regular' },
          { text: block.value, style: 'bold' },
        ])
        break
      case 'list':
        this.list(block.items)
        break
      case 'table':
        this.table(block)
        break
    }
    this.y -= 3
  }

  /** Numbered lines, each wrapped under its own text (hanging indent). */
  private list(items: readonly string[]) {
    const size = SIZE.body
    const numberWidth = this.measure(`${items.length}. `, 'regular', size)
    const left = MARGIN.left + INDENT
    items.forEach((item, index) => {
      const lines = this.wrap([{ text: item, style: 'regular' }], CONTENT_WIDTH - INDENT - numberWidth, size)
      lines.forEach((line, lineIndex) => {
        this.ensureSpace(size * LEADING)
        if (lineIndex === 0) this.drawRuns([{ text: `${index + 1}.`, style: 'regular' }], { left, width: numberWidth, top: this.y, size, align: 'left' })
        this.drawRuns(line, { left: left + numberWidth, width: CONTENT_WIDTH - INDENT - numberWidth, top: this.y, size, align: 'left' })
        this.y -= size * LEADING
      })
    })
  }

  /** A bordered table; the header row is bold; a row that does not fit starts a new page. */
  private table(table: Extract<DocumentBlock, { kind: 'table' }>) {
    const size = SIZE.body - 1
    const padding = 4
    const widths = table.columns.map((column) => column.width * CONTENT_WIDTH)
    const row = (cells: readonly string[], style: TextStyle, header: boolean) => {
      const wrapped = table.columns.map((column, index) => this.wrap([{ text: cells[index] ?? '', style }], widths[index]! - 2 * padding, size))
      const height = Math.max(...wrapped.map((lines) => lines.length)) * size * LEADING + 2 * padding - (LEADING - 1) * size
      this.ensureSpace(height)
      const top = this.y
      let x = MARGIN.left
      table.columns.forEach((column, index) => {
        const width = widths[index]!
        this.page.drawRectangle({ x, y: top - height, width, height, borderColor: INK, borderWidth: 0.6 })
        let lineTop = top - padding
        for (const line of wrapped[index]!) {
          this.drawRuns(line, { left: x + padding, width: width - 2 * padding, top: lineTop, size, align: header ? 'center' : column.align })
          lineTop -= size * LEADING
        }
        x += width
      })
      this.y = top - height
    }
    row(
      table.columns.map((column) => column.header),
      'bold',
      true,
    )
    for (const cells of table.rows) row(cells, 'regular', false)
    this.y -= 4
  }

  /** One signature on the right half; two side by side. */
  signatures(signatures: readonly Signature[]) {
    if (signatures.length === 0) return
    const size = SIZE.body
    const blockHeight = size * LEADING * 2 + 62 + size * LEADING
    this.y -= 10
    this.ensureSpace(blockHeight)
    const columnWidth = CONTENT_WIDTH / 2
    const top = this.y
    let lowest = top
    signatures.slice(0, 2).forEach((signature, index) => {
      const left = signatures.length === 1 ? MARGIN.left + columnWidth : MARGIN.left + index * columnWidth
      let y = top
      for (const line of this.wrap([{ text: signature.title, style: 'bold' }], columnWidth - 8, size)) {
        this.drawRuns(line, { left, width: columnWidth, top: y, size, align: 'center' })
        y -= size * LEADING
      }
      this.drawRuns([{ text: signature.note, style: 'italic' }], { left, width: columnWidth, top: y, size: size - 1, align: 'center' })
      y -= size * LEADING + 62
      if (signature.name) {
        this.drawRuns([{ text: signature.name, style: 'bold' }], { left, width: columnWidth, top: y, size, align: 'center' })
        y -= size * LEADING
      }
      lowest = Math.min(lowest, y)
    })
    this.y = lowest
  }

  /** Form number (when it has one) and dossier code bottom left, page number bottom right, on every page. */
  footers(content: DocumentContent) {
    const size = SIZE.footer
    const y = MARGIN.bottom - size
    this.pages.forEach((page, index) => {
      const left = content.formNumber ? `${content.formNumber} · Mã hồ sơ ${content.dossierCode}` : `Mã hồ sơ ${content.dossierCode}`
      const right = `Trang ${index + 1}/${this.pages.length}`
      page.drawText(left, { x: MARGIN.left, y, size, font: this.fonts.italic, color: GREY })
      page.drawText(right, { x: PAGE.width - MARGIN.right - this.measure(right, 'italic', size), y, size, font: this.fonts.italic, color: GREY })
    })
  }
}
