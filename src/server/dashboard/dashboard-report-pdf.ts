import 'server-only'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import * as fontkitModule from '@pdf-lib/fontkit'
import { PDFDocument, PDFHexString, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import type { TextStyle } from '@/domain/documents/document-content'
import { wrapRuns } from '@/domain/documents/wrap-runs'

// CommonJS (UMD) package: under Node's ES modules its functions sit on `default` (see render-document-pdf.ts).
const fontkit = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule

/**
 * A printable table report (the dashboard's ranking of communes): A4 landscape, a title block, a box of totals,
 * then a table that flows over as many pages as it needs, its header row repeated on every page, rows never cut
 * across pages, a running title on the pages after the first, and "page x/y" with a footer on every page.
 *
 * The text is DejaVu Sans Condensed (package `dejavu-fonts-ttf`, every precomposed Vietnamese letter; narrow,
 * so fourteen columns fit a landscape page at 8 pt), embedded as subsets with ligatures off, so what is printed,
 * copied or extracted reads exactly as written. @pdf-lib/fontkit 1.1.1 subsets only fonts without odd-length
 * glyph records correctly (Hopding/pdf-lib#1232): DejaVu Sans Condensed has none (checked in
 * tests/integration/dashboard-exports.test.ts, as pdf-fonts.test.ts does for the serif of the paper forms).
 *
 * Every text arrives formatted (numbers, dates, translations are the use-case's business): this file only lays out.
 */

export type ReportColumn = {
  header: string
  /** Relative width: the columns share the page's width in proportion. */
  width: number
  align: 'left' | 'right' | 'center'
}

export type TableReport = {
  /** Bold, centred, on the first page; also the PDF's title and the running title of later pages. */
  title: string
  /** Centred lines under the title (scope, period, time of generation, order). */
  subtitle: string[]
  /** A box of labelled figures between the title and the table (the totals). */
  summary: { title: string; items: { label: string; value: string }[] }
  columns: ReportColumn[]
  rows: string[][]
  /** A last, bold row (the totals), kept on the page of the last rows. */
  totalRow?: string[]
  /** Small print under the table (how the figures are counted). */
  notes: string[]
  /** Footer text, left of the page number, on every page. */
  footer: string
  /** "Trang 2/5". */
  pageLabel: (page: number, pages: number) => string
  /** BCP 47 language of the text (the PDF's /Lang, read by screen readers). */
  language: string
}

export const REPORT_FONT_FILES: Record<TextStyle, string> = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  italic: 'DejaVuSansCondensed-Oblique.ttf',
}

/** Read from node_modules relative to the working directory, like the paper forms' fonts (pdf-fonts.ts). */
const FONT_DIR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf')

let loading: Promise<Record<TextStyle, Uint8Array>> | undefined

/** The report's font files, read once per process (a failed read is retried on the next call). */
export function loadReportFontBytes(): Promise<Record<TextStyle, Uint8Array>> {
  loading ??= (async () => {
    const styles = ['regular', 'bold', 'italic'] as const
    const [regular, bold, italic] = await Promise.all(styles.map(async (style) => new Uint8Array(await readFile(path.join(FONT_DIR, REPORT_FONT_FILES[style])))))
    return { regular: regular!, bold: bold!, italic: italic! }
  })().catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}

const MM = 72 / 25.4
/** A4 landscape. */
export const REPORT_PAGE = { width: 841.89, height: 595.28 }
const MARGIN = { top: 12 * MM, bottom: 12 * MM, left: 12 * MM, right: 12 * MM }
const CONTENT_WIDTH = REPORT_PAGE.width - MARGIN.left - MARGIN.right
/** Room kept above the bottom margin for the footer line. */
const FOOTER_HEIGHT = 14
const SIZE = { title: 14, subtitle: 9.5, running: 8, summaryLabel: 7, summaryValue: 10.5, header: 7.5, body: 8, notes: 7, footer: 7 }
const LEADING = 1.25
const PADDING = { x: 3, y: 2.6 }
const SUMMARY_COLUMNS = 6

const INK = rgb(0, 0, 0)
const GREY = rgb(0.33, 0.33, 0.33)
const RULE = rgb(0.55, 0.55, 0.55)
const HEADER_FILL = rgb(0.87, 0.9, 0.94)
const STRIPE_FILL = rgb(0.955, 0.955, 0.955)
const TOTAL_FILL = rgb(0.9, 0.9, 0.9)

type Fonts = Record<TextStyle, PDFFont>

/**
 * Widths of each character at size 1, per font file, kept across renders. pdf-lib measures by shaping with
 * fontkit (a millisecond or more per call); with ligatures off a text's width is the sum of its characters'.
 */
const CHARACTER_WIDTHS: Record<TextStyle, Map<string, number>> = { regular: new Map(), bold: new Map(), italic: new Map() }

/**
 * pdf-lib shapes every text it draws with fontkit (GSUB/GPOS lookups: about a millisecond and much garbage per
 * call, 15 s for a ranking of 3 000 communes). With ligatures off, a text of these fonts is one glyph per
 * character (pdf-fonts.test.ts checks it for the serif; the text extracted in the tests reads back as written),
 * so each character is shaped once per document — which also puts its glyph in the subset — and a text's code is
 * its characters' codes joined. A character that does not shape to exactly one glyph sends its texts through
 * pdf-lib's own encoding.
 */
function encodeByCharacter(font: PDFFont): PDFFont {
  const encode = font.encodeText.bind(font)
  /** Character → its glyph's 4 hex digits in the subset; null when it is not one glyph. */
  const codes = new Map<string, string | null>()
  font.encodeText = (text: string) => {
    let hex = ''
    for (const character of text) {
      let code = codes.get(character)
      if (code === undefined) {
        const own = encode(character).asString()
        code = own.length === 4 ? own : null
        codes.set(character, code)
      }
      if (code === null) return encode(text)
      hex += code
    }
    return PDFHexString.of(hex)
  }
  return font
}

export async function renderTableReportPdf(report: TableReport): Promise<Uint8Array> {
  if (report.columns.length === 0) throw new Error('A report needs at least one column')
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  const bytes = await loadReportFontBytes()
  const features = { liga: false, clig: false }
  const fonts: Fonts = {
    regular: encodeByCharacter(await pdf.embedFont(bytes.regular, { features, subset: true })),
    bold: encodeByCharacter(await pdf.embedFont(bytes.bold, { features, subset: true })),
    italic: encodeByCharacter(await pdf.embedFont(bytes.italic, { features, subset: true })),
  }
  pdf.setTitle(report.title, { showInWindowTitleBar: true })
  pdf.setSubject(report.subtitle.join(' · '))
  pdf.setLanguage(report.language)
  pdf.setCreator('MotCua')
  pdf.setProducer('MotCua (pdf-lib)')

  const layout = new ReportLayout(pdf, fonts, report)
  layout.titleBlock()
  layout.summary()
  layout.table()
  layout.notes()
  layout.footers()
  return pdf.save()
}

class ReportLayout {
  private page!: PDFPage
  /** Top of the next thing drawn, in points from the bottom of the page. */
  private y = 0
  private readonly pages: PDFPage[] = []
  private readonly widths: number[]

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
    private readonly report: TableReport,
  ) {
    const total = report.columns.reduce((sum, column) => sum + column.width, 0)
    this.widths = report.columns.map((column) => (column.width / total) * CONTENT_WIDTH)
    this.newPage()
  }

  private newPage() {
    this.page = this.pdf.addPage([REPORT_PAGE.width, REPORT_PAGE.height])
    this.pages.push(this.page)
    this.y = REPORT_PAGE.height - MARGIN.top
    if (this.pages.length > 1) {
      // Running title: which report (and which period) a loose page belongs to.
      const size = SIZE.running
      this.draw(this.report.title, { x: MARGIN.left, top: this.y, size, style: 'bold' })
      const right = this.report.subtitle[1] ?? ''
      this.draw(right, { x: MARGIN.left + CONTENT_WIDTH - this.measure(right, 'regular', size), top: this.y, size, style: 'regular', color: GREY })
      this.y -= size * LEADING + 6
    }
  }

  private get bottom() {
    return MARGIN.bottom + FOOTER_HEIGHT
  }

  measure(text: string, style: TextStyle, size: number): number {
    const widths = CHARACTER_WIDTHS[style]
    let total = 0
    for (const character of text) {
      let width = widths.get(character)
      if (width === undefined) {
        width = this.fonts[style].widthOfTextAtSize(character, 1)
        widths.set(character, width)
      }
      total += width
    }
    return total * size
  }

  private wrap(text: string, style: TextStyle, size: number, width: number): string[] {
    if (!text) return ['']
    return wrapRuns([{ text, style }], width, (part, partStyle) => this.measure(part, partStyle, size)).map((line) => line.map((run) => run.text).join(''))
  }

  private draw(text: string, { x, top, size, style, color = INK }: { x: number; top: number; size: number; style: TextStyle; color?: ReturnType<typeof rgb> }) {
    if (!text) return
    // The baseline sits one font size below the line's top, less the descent, so glyphs stay inside their box.
    this.page.drawText(text, { x, y: top - size * 0.8, size, font: this.fonts[style], color })
  }

  private aligned(text: string, { left, width, top, size, style, align }: { left: number; width: number; top: number; size: number; style: TextStyle; align: ReportColumn['align'] }) {
    const textWidth = this.measure(text, style, size)
    const x = align === 'right' ? left + width - textWidth : align === 'center' ? left + (width - textWidth) / 2 : left
    this.draw(text, { x, top, size, style })
  }

  titleBlock() {
    for (const line of this.wrap(this.report.title, 'bold', SIZE.title, CONTENT_WIDTH)) {
      this.aligned(line, { left: MARGIN.left, width: CONTENT_WIDTH, top: this.y, size: SIZE.title, style: 'bold', align: 'center' })
      this.y -= SIZE.title * LEADING
    }
    this.y -= 2
    for (const subtitle of this.report.subtitle) {
      for (const line of this.wrap(subtitle, 'regular', SIZE.subtitle, CONTENT_WIDTH)) {
        this.aligned(line, { left: MARGIN.left, width: CONTENT_WIDTH, top: this.y, size: SIZE.subtitle, style: 'regular', align: 'center' })
        this.y -= SIZE.subtitle * LEADING
      }
    }
    this.y -= 8
  }

  /** The totals as a grid of boxes: a small label above a bold figure. */
  summary() {
    const { title, items } = this.report.summary
    if (items.length === 0) return
    this.draw(title, { x: MARGIN.left, top: this.y, size: SIZE.subtitle, style: 'bold' })
    this.y -= SIZE.subtitle * LEADING + 2
    const cellWidth = CONTENT_WIDTH / SUMMARY_COLUMNS
    for (let start = 0; start < items.length; start += SUMMARY_COLUMNS) {
      const line = items.slice(start, start + SUMMARY_COLUMNS)
      const labels = line.map((item) => this.wrap(item.label, 'regular', SIZE.summaryLabel, cellWidth - 2 * PADDING.x))
      const labelLines = Math.max(...labels.map((lines) => lines.length))
      const height = 2 * PADDING.y + labelLines * SIZE.summaryLabel * LEADING + SIZE.summaryValue * LEADING + 1
      if (this.y - height < this.bottom) this.newPage()
      line.forEach((item, index) => {
        const left = MARGIN.left + index * cellWidth
        this.page.drawRectangle({ x: left, y: this.y - height, width: cellWidth, height, borderColor: RULE, borderWidth: 0.5 })
        let top = this.y - PADDING.y
        for (const label of labels[index]!) {
          this.draw(label, { x: left + PADDING.x, top, size: SIZE.summaryLabel, style: 'regular', color: GREY })
          top -= SIZE.summaryLabel * LEADING
        }
        this.draw(item.value, { x: left + PADDING.x, top: this.y - height + PADDING.y + SIZE.summaryValue * LEADING, size: SIZE.summaryValue, style: 'bold' })
      })
      this.y -= height
    }
    this.y -= 10
  }

  /** Cells wrapped to their column; the row's height is its tallest cell's. */
  private measureRow(cells: readonly string[], style: TextStyle, size: number) {
    const lines = this.report.columns.map((_, index) => this.wrap(cells[index] ?? '', style, size, this.widths[index]! - 2 * PADDING.x))
    const height = Math.max(...lines.map((cell) => cell.length)) * size * LEADING + 2 * PADDING.y
    return { lines, height }
  }

  private drawRow(row: { lines: string[][]; height: number }, { style, size, fill, center }: { style: TextStyle; size: number; fill?: ReturnType<typeof rgb>; center?: boolean }) {
    const top = this.y
    if (fill) this.page.drawRectangle({ x: MARGIN.left, y: top - row.height, width: CONTENT_WIDTH, height: row.height, color: fill })
    let left = MARGIN.left
    this.report.columns.forEach((column, index) => {
      const width = this.widths[index]!
      let lineTop = top - PADDING.y
      for (const line of row.lines[index]!) {
        this.aligned(line, { left: left + PADDING.x, width: width - 2 * PADDING.x, top: lineTop, size, style, align: center ? 'center' : column.align })
        lineTop -= size * LEADING
      }
      left += width
    })
    this.page.drawLine({ start: { x: MARGIN.left, y: top - row.height }, end: { x: left, y: top - row.height }, thickness: 0.4, color: RULE })
    this.y = top - row.height
  }

  /** The column rules of the part of the table on this page, from `top` down to the last row drawn. */
  private columnRules(top: number) {
    let left = MARGIN.left
    for (const width of [0, ...this.widths]) {
      left += width
      this.page.drawLine({ start: { x: left, y: top }, end: { x: left, y: this.y }, thickness: 0.4, color: RULE })
    }
  }

  table() {
    const header = this.measureRow(
      this.report.columns.map((column) => column.header),
      'bold',
      SIZE.header,
    )
    // Where the table starts on the current page (its column rules are drawn down from there).
    let top = 0
    const startOnPage = () => {
      top = this.y
      this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: MARGIN.left + CONTENT_WIDTH, y: this.y }, thickness: 0.4, color: RULE })
      this.drawRow(header, { style: 'bold', size: SIZE.header, fill: HEADER_FILL, center: true })
    }
    const nextPage = () => {
      this.columnRules(top)
      this.newPage()
      startOnPage()
    }
    const bodyRows = this.report.rows.map((cells) => this.measureRow(cells, 'regular', SIZE.body))
    const total = this.report.totalRow ? this.measureRow(this.report.totalRow, 'bold', SIZE.body) : null
    // The header never stands alone at the foot of a page: it goes with at least one row.
    if (this.y - header.height - (bodyRows[0]?.height ?? total?.height ?? 0) < this.bottom) this.newPage()
    startOnPage()
    bodyRows.forEach((row, index) => {
      // The last row keeps the totals company on its page.
      const needed = row.height + (index === bodyRows.length - 1 && total ? total.height : 0)
      if (this.y - needed < this.bottom) nextPage()
      this.drawRow(row, { style: 'regular', size: SIZE.body, fill: index % 2 === 1 ? STRIPE_FILL : undefined })
    })
    if (total) {
      if (this.y - total.height < this.bottom) nextPage()
      this.drawRow(total, { style: 'bold', size: SIZE.body, fill: TOTAL_FILL })
    }
    this.columnRules(top)
    this.y -= 6
  }

  notes() {
    for (const note of this.report.notes) {
      for (const line of this.wrap(note, 'italic', SIZE.notes, CONTENT_WIDTH)) {
        if (this.y - SIZE.notes * LEADING < this.bottom) this.newPage()
        this.draw(line, { x: MARGIN.left, top: this.y, size: SIZE.notes, style: 'italic', color: GREY })
        this.y -= SIZE.notes * LEADING
      }
    }
  }

  /** Footer text bottom left, "page x/y" bottom right, on every page. */
  footers() {
    const size = SIZE.footer
    const y = MARGIN.bottom
    this.pages.forEach((page, index) => {
      this.page = page
      const label = this.report.pageLabel(index + 1, this.pages.length)
      const labelWidth = this.measure(label, 'regular', size)
      page.drawLine({ start: { x: MARGIN.left, y: y + size + 3 }, end: { x: MARGIN.left + CONTENT_WIDTH, y: y + size + 3 }, thickness: 0.4, color: RULE })
      const footer = this.wrap(this.report.footer, 'regular', size, CONTENT_WIDTH - labelWidth - 12)[0] ?? ''
      this.draw(footer, { x: MARGIN.left, top: y + size, size, style: 'regular', color: GREY })
      this.draw(label, { x: MARGIN.left + CONTENT_WIDTH - labelWidth, top: y + size, size, style: 'regular', color: GREY })
    })
  }
}
