import type { TextRun, TextStyle } from './document-content'

/** Width of a text in a style, in the renderer's unit (PDF points for the PDF renderer). */
export type Measure = (text: string, style: TextStyle) => number

type Piece = TextRun & { width: number }
/** A word: pieces with no space between them (a word may change style mid-way, "mã: **123**"). */
type Word = { pieces: Piece[]; width: number; spaceBefore: Piece | null }

/**
 * Greedy line breaking of styled text into lines no wider than `maxWidth` (the first line of each paragraph
 * `firstLineIndent` narrower): breaks at spaces, keeps explicit line breaks ("\n"), and cuts a word longer
 * than a whole line between characters. Spaces at line ends are dropped; adjacent pieces of one style are
 * merged. Text is normalised to NFC first, so Vietnamese letters are single precomposed characters (the
 * font has a glyph for each; combining marks would not be placed).
 */
export function wrapRuns(
  runs: readonly TextRun[],
  maxWidth: number,
  measure: Measure,
  { firstLineIndent = 0 }: { firstLineIndent?: number } = {},
): TextRun[][] {
  const paragraphs: TextRun[][] = [[]]
  for (const run of runs) {
    run.text
      .normalize('NFC')
      .split('\n')
      .forEach((part, index) => {
        if (index > 0) paragraphs.push([])
        if (part) paragraphs.at(-1)!.push({ text: part, style: run.style })
      })
  }
  return paragraphs.flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, measure, firstLineIndent))
}

function wrapParagraph(runs: TextRun[], maxWidth: number, measure: Measure, firstLineIndent: number): TextRun[][] {
  const words: Word[] = []
  let pendingSpace: Piece | null = null
  let current: Word | null = null
  for (const run of runs) {
    for (const token of run.text.split(/(\s+)/)) {
      if (token === '') continue
      if (/^\s+$/.test(token)) {
        current = null
        pendingSpace ??= { text: ' ', style: run.style, width: measure(' ', run.style) }
        continue
      }
      const piece: Piece = { text: token, style: run.style, width: measure(token, run.style) }
      if (current) {
        current.pieces.push(piece)
        current.width += piece.width
      } else {
        current = { pieces: [piece], width: piece.width, spaceBefore: words.length > 0 ? pendingSpace : null }
        words.push(current)
      }
      pendingSpace = null
    }
  }

  const lines: Piece[][] = []
  let line: Piece[] = []
  let width = 0
  for (const word of words.flatMap((candidate) => splitLongWord(candidate, maxWidth, measure))) {
    const space = line.length > 0 && word.spaceBefore ? word.spaceBefore : null
    const added = (space?.width ?? 0) + word.width
    const limit = lines.length === 0 ? maxWidth - firstLineIndent : maxWidth
    if (line.length > 0 && width + added > limit) {
      lines.push(line)
      line = [...word.pieces]
      width = word.width
    } else {
      if (space) line.push(space)
      line.push(...word.pieces)
      width += added
    }
  }
  lines.push(line)
  return lines.map(mergeStyles)
}

/** A word wider than a line is cut into parts that fit, character by character. */
function splitLongWord(word: Word, maxWidth: number, measure: Measure): Word[] {
  if (word.width <= maxWidth) return [word]
  const parts: Word[] = []
  let part: Word = { pieces: [], width: 0, spaceBefore: word.spaceBefore }
  for (const piece of word.pieces) {
    for (const character of Array.from(piece.text)) {
      const width = measure(character, piece.style)
      if (part.pieces.length > 0 && part.width + width > maxWidth) {
        parts.push(part)
        part = { pieces: [], width: 0, spaceBefore: null }
      }
      const last = part.pieces.at(-1)
      if (last && last.style === piece.style) {
        last.text += character
        last.width += width
      } else {
        part.pieces.push({ text: character, style: piece.style, width })
      }
      part.width += width
    }
  }
  if (part.pieces.length > 0) parts.push(part)
  return parts
}

function mergeStyles(pieces: Piece[]): TextRun[] {
  const merged: TextRun[] = []
  for (const { text, style } of pieces) {
    const last = merged.at(-1)
    if (last && last.style === style) last.text += text
    else merged.push({ text, style })
  }
  return merged
}
