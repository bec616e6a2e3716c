/**
 * The PDFs embed subsets of DejaVu Serif made by @pdf-lib/fontkit 1.1.1, whose TrueType subsetting is known
 * to break fonts with odd-length glyph records (Hopding/pdf-lib#1232). These tests make sure the fonts we
 * ship avoid that case and that every Vietnamese letter, in each style, comes out of the subset with the
 * original outline and advance width; and that the renderer's cached per-character widths add up to what
 * pdf-lib measures for whole texts.
 */
import * as fontkitModule from '@pdf-lib/fontkit'
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import type { DocumentContent, TextStyle } from '@/domain/documents/document-content'
import { loadFontBytes } from './pdf-fonts'
import { renderDocumentPdf, textWidth } from './render-document-pdf'

const fontkit = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']
/** No tone, huyền, sắc, hỏi, ngã, nặng. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323']
const lower = [...VOWELS.flatMap((vowel) => TONES.map((tone) => (vowel + tone).normalize('NFC'))), ...'bcdđghklmnpqrstvx'].join('')
const ALPHABET = `${lower} ${lower.toLocaleUpperCase('vi')} 0123456789 .,;:/()-–—·'"?!%`

describe('subset fonts', { timeout: 30_000 }, () => {
  it('have only even-length glyph records (the case fontkit 1.1.1 subsets correctly)', async () => {
    const bytes = await loadFontBytes()
    for (const style of ['regular', 'bold', 'italic'] as const) {
      const font = fontkit.create(bytes[style]) as unknown as { loca: { offsets: number[] } }
      const { offsets } = font.loca
      const odd = offsets.slice(1).filter((offset, index) => (offset - offsets[index]!) % 2 !== 0)
      expect(odd, style).toEqual([])
    }
  })

  it('draw every Vietnamese letter in each style with the original glyph', async () => {
    const styles: TextStyle[] = ['regular', 'bold', 'italic']
    const content: DocumentContent = {
      form: 'mau-01',
      formNumber: 'Mẫu số 01',
      issuer: [{ text: 'UBND', style: 'regular' }],
      placeAndDate: 'Thành Vinh',
      title: 'KIỂM TRA',
      dossierCode: '16681-261124-0007',
      qr: false,
      blocks: styles.map((style) => ({ kind: 'paragraph', runs: [{ text: ALPHABET, style }] })),
      signatures: [],
    }
    const pdf = await PDFDocument.load(await renderDocumentPdf(content))
    const lookup = (object: PDFObject | undefined) => (object instanceof PDFRef ? pdf.context.lookup(object) : object)
    const originals = await loadFontBytes()
    const checked: Record<string, number> = {}

    for (const [, object] of pdf.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || object.get(PDFName.of('Subtype'))?.toString() !== '/Type0') continue
      const baseFont = object.get(PDFName.of('BaseFont'))!.toString()
      const style: TextStyle = baseFont.includes('-Bold') ? 'bold' : baseFont.includes('-Italic') ? 'italic' : 'regular'
      const descendant = lookup((lookup(object.get(PDFName.of('DescendantFonts'))) as PDFArray).get(0)) as PDFDict
      const descriptor = lookup(descendant.get(PDFName.of('FontDescriptor'))) as PDFDict
      const subset = fontkit.create(decodePDFRawStream(lookup(descriptor.get(PDFName.of('FontFile2'))) as PDFRawStream).decode())
      const original = fontkit.create(originals[style])
      // ToUnicode maps each glyph id used in the page to its character: compare the two fonts glyph by glyph.
      const toUnicode = Buffer.from(decodePDFRawStream(lookup(object.get(PDFName.of('ToUnicode'))) as PDFRawStream).decode()).toString('latin1')
      const pairs = [...toUnicode.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4})>/gi)].map(([, glyph, code]) => [parseInt(glyph!, 16), parseInt(code!, 16)] as const)
      for (const [glyphId, codePoint] of pairs) {
        const expected = original.glyphForCodePoint(codePoint)
        const actual = subset.getGlyph(glyphId)
        expect(actual.path.toSVG(), `${style} ${String.fromCodePoint(codePoint)}`).toBe(expected.path.toSVG())
        expect(actual.advanceWidth, `${style} ${String.fromCodePoint(codePoint)}`).toBe(expected.advanceWidth)
      }
      checked[style] = new Set(pairs.map(([, codePoint]) => codePoint)).size
    }
    // Every distinct character of the alphabet (space aside) was drawn and checked in each style.
    const distinct = new Set(Array.from(ALPHABET.replace(/ /g, ''))).size
    for (const style of styles) expect(checked[style], style).toBeGreaterThanOrEqual(distinct)
  })

  it('measure a text as the sum of its characters, as pdf-lib does with ligatures off', async () => {
    const pdf = await PDFDocument.create()
    pdf.registerFontkit(fontkit)
    const bytes = await loadFontBytes()
    const samples = [ALPHABET, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', 'Bộ phận Một cửa Ủy ban nhân dân phường Thành Vinh', 'file office fluffy ffi']
    for (const style of ['regular', 'bold', 'italic'] as const) {
      const font = await pdf.embedFont(bytes[style], { subset: true, features: { liga: false, clig: false } })
      for (const sample of samples) expect(textWidth(font, style, sample, 12), `${style}: ${sample}`).toBeCloseTo(font.widthOfTextAtSize(sample, 12), 6)
    }
  })
})
