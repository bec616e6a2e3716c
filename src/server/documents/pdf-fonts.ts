import 'server-only'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { TextStyle } from '@/domain/documents/document-content'

/**
 * DejaVu Serif (package `dejavu-fonts-ttf`): a free serif with every precomposed Vietnamese letter. Read from
 * node_modules relative to the working directory, which is the project root under `next start`, `next dev`
 * and vitest alike (the files are not bundled: Next's bundler would not copy font files next to the code).
 */
const FONT_DIR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf')
const FILES: Record<TextStyle, string> = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
}

let loading: Promise<Record<TextStyle, Uint8Array>> | undefined

/** The font files, read once per process (a failed read is retried on the next call). */
export function loadFontBytes(): Promise<Record<TextStyle, Uint8Array>> {
  loading ??= (async () => {
    const [regular, bold, italic] = await Promise.all(
      (['regular', 'bold', 'italic'] as const).map(async (style) => new Uint8Array(await readFile(path.join(FONT_DIR, FILES[style])))),
    )
    return { regular: regular!, bold: bold!, italic: italic! }
  })().catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}
