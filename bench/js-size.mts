/**
 * Benchmark: how much JavaScript each citizen page makes a phone download (issue 6, item 7: no more than
 * 150 KB of compressed JavaScript on the catalogue and procedure pages).
 *
 *   npx tsx bench/js-size.mts --base http://127.0.0.1:3000 [paths…]
 *
 * Run it against a production server (`npm start`, or `next build` then `next start`): the dev server's
 * bundles are unminified and say nothing about what a citizen gets.
 *
 * For every page it fetches the HTML, collects the scripts the page loads — `<script src>`, `<link
 * rel="modulepreload">` and `<link rel="preload" as="script">`, each file once — fetches them and adds up
 * their raw size, their gzip size (node:zlib, level 9, each file on its own as a server would send it) and
 * their brotli size (quality 11). The inline scripts (React's server-component payload, which hydration
 * reads) are reported separately, compressed together as they travel inside the compressed HTML.
 * `<script nomodule>` files (Next.js' polyfills for browsers without ES modules) are reported apart too: every
 * browser that runs modules — all that Next.js supports — skips them without downloading.
 *
 * The budget applies to the page's compressed JavaScript that a current browser downloads, script files and
 * inline payload added up (gzip): the page fails when that is above --budget-kb, and the run exits with code 1.
 *
 * Options:
 *   --base URL        the running server (default http://127.0.0.1:3000)
 *   --budget-kb N     budget per page in KB of 1024 bytes, gzip (default 150)
 *   --cookie TEXT     a Cookie header to send (e.g. a session cookie, to measure signed-in pages)
 *   --files           also list every script file with its sizes
 *   paths…            pages to measure (default: the pages the issue budgets — the catalogue /, a search
 *                     /?q=khai+sinh and the first procedure that search finds; pass others, e.g. /tra-cuu
 *                     /dang-nhap, to measure them against the same budget)
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { formatTable } from './lib/stats'

const KB = 1024

type Options = { base: URL; budgetKb: number; cookie?: string; listFiles: boolean; paths: string[] }

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { base: new URL('http://127.0.0.1:3000'), budgetKb: 150, listFiles: false, paths: [] }
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!
    const value = () => {
      const next = argv[++index]
      if (next === undefined) throw new Error(`${argument} needs a value`)
      return next
    }
    if (argument === '--base') options.base = new URL(value())
    else if (argument === '--budget-kb') {
      options.budgetKb = Number(value())
      if (!Number.isFinite(options.budgetKb) || options.budgetKb <= 0) throw new Error('--budget-kb must be a positive number')
    } else if (argument === '--cookie') options.cookie = value()
    else if (argument === '--files') options.listFiles = true
    else if (argument.startsWith('--')) throw new Error(`Unknown option ${argument}`)
    else options.paths.push(argument)
  }
  return options
}

type Sizes = { raw: number; gzip: number; brotli: number }

function sizesOf(text: string): Sizes {
  const bytes = Buffer.from(text, 'utf8')
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
  }
}

const add = (a: Sizes, b: Sizes): Sizes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli })
const ZERO: Sizes = { raw: 0, gzip: 0, brotli: 0 }

/** The value of one attribute of a tag's source text, or undefined. */
function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined
}

const decodeEntities = (text: string) => text.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&#39;', "'")

/**
 * Script files the page loads (in order, each once), the nomodule ones that only legacy browsers load, and the
 * text of its inline scripts.
 */
export function scriptsOf(html: string, pageUrl: URL): { files: URL[]; noModule: URL[]; inline: string[] } {
  const files = new Map<string, URL>()
  const noModule = new Map<string, URL>()
  const inline: string[] = []
  const addFile = (src: string, into = files) => {
    const url = new URL(decodeEntities(src), pageUrl)
    into.set(url.href, url)
  }
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes = '', body = ''] = match
    const src = attribute(attributes, 'src')
    const type = attribute(attributes, 'type')?.toLowerCase()
    // JSON-LD and other data blocks are not JavaScript.
    const isJavaScript = !type || type === 'module' || type.includes('javascript')
    if (src) addFile(src, /\snomodule(\s|=|$)/i.test(attributes) ? noModule : files)
    else if (isJavaScript && body.trim()) inline.push(body)
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0]
    const rel = attribute(tag, 'rel')?.toLowerCase().split(/\s+/) ?? []
    const href = attribute(tag, 'href')
    if (!href) continue
    if (rel.includes('modulepreload') || (rel.includes('preload') && attribute(tag, 'as')?.toLowerCase() === 'script')) addFile(href)
  }
  for (const href of files.keys()) noModule.delete(href)
  return { files: [...files.values()], noModule: [...noModule.values()], inline }
}

async function fetchText(url: URL, cookie?: string): Promise<{ status: number; text: string; finalUrl: URL }> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'follow' })
  return { status: response.status, text: await response.text(), finalUrl: new URL(response.url) }
}

type PageReport = {
  path: string
  status: number
  scripts: number
  external: Sizes
  inline: Sizes
  inlineCount: number
  noModule: Sizes
  files: { url: URL; sizes: Sizes }[]
}

const fileCache = new Map<string, Promise<Sizes>>()

function fileSizes(url: URL, cookie?: string): Promise<Sizes> {
  let sizes = fileCache.get(url.href)
  if (!sizes) {
    sizes = fetchText(url, cookie).then(({ status, text }) => {
      if (status !== 200) throw new Error(`${url.href} answered ${status}`)
      return sizesOf(text)
    })
    fileCache.set(url.href, sizes)
  }
  return sizes
}

async function measurePage(path: string, options: Options): Promise<PageReport> {
  const { status, text, finalUrl } = await fetchText(new URL(path, options.base), options.cookie)
  const { files, noModule, inline } = scriptsOf(text, finalUrl)
  const measured = await Promise.all(files.map(async (url) => ({ url, sizes: await fileSizes(url, options.cookie) })))
  const legacy = await Promise.all(noModule.map((url) => fileSizes(url, options.cookie)))
  return {
    path,
    status,
    scripts: files.length,
    external: measured.reduce((sum, file) => add(sum, file.sizes), ZERO),
    inline: inline.length ? sizesOf(inline.join('\n')) : ZERO,
    inlineCount: inline.length,
    noModule: legacy.reduce(add, ZERO),
    files: measured,
  }
}

/** The first procedure page the catalogue search for "khai sinh" links to ("Đăng ký khai sinh" on the demo data). */
async function procedurePath(options: Options): Promise<string> {
  const { text } = await fetchText(new URL('/?q=khai+sinh', options.base), options.cookie)
  const href = /href="(\/thu-tuc\/[^"#?]+)"/.exec(text)?.[1]
  if (!href) throw new Error('No procedure link on /?q=khai+sinh: is the database seeded?')
  return decodeEntities(href)
}

const kb = (bytes: number) => (bytes / KB).toFixed(1)

async function main() {
  const options = parseOptions(process.argv.slice(2))
  const paths = options.paths.length ? options.paths : ['/', '/?q=khai+sinh', await procedurePath(options)]
  const reports: PageReport[] = []
  for (const path of paths) reports.push(await measurePage(path, options))

  const budgetBytes = options.budgetKb * KB
  const rows = reports.map((report) => {
    const total = report.external.gzip + report.inline.gzip
    return [
      report.path,
      String(report.status),
      String(report.scripts),
      kb(report.external.raw),
      kb(report.external.gzip),
      kb(report.external.brotli),
      `${report.inlineCount}`,
      kb(report.inline.raw),
      kb(report.inline.gzip),
      kb(total),
      total <= budgetBytes ? 'ok' : 'OVER',
      kb(report.noModule.gzip),
    ]
  })
  console.log(`JavaScript per page on ${options.base.origin} (KB = 1024 bytes; gzip level 9, brotli quality 11)`)
  console.log(`Budget: ${options.budgetKb} KB gzip per page, script files + inline payload\n`)
  console.log(
    formatTable(
      ['page', 'status', 'files', 'raw KB', 'gzip KB', 'br KB', 'inline', 'inline raw', 'inline gz', 'total gz', 'budget', 'nomodule gz'],
      rows,
      [false, true, true, true, true, true, true, true, true, true, false, true],
    ),
  )
  if (options.listFiles) {
    const seen = new Map<string, Sizes>()
    for (const report of reports) for (const file of report.files) seen.set(file.url.pathname, file.sizes)
    console.log(`\n${formatTable(
      ['file', 'raw KB', 'gzip KB', 'br KB'],
      [...seen].sort((a, b) => b[1].gzip - a[1].gzip).map(([name, sizes]) => [name, kb(sizes.raw), kb(sizes.gzip), kb(sizes.brotli)]),
      [false, true, true, true],
    )}`)
  }

  const failed = reports.filter((report) => report.status !== 200 || report.external.gzip + report.inline.gzip > budgetBytes)
  if (failed.length) {
    console.error(`\n${failed.length} page(s) not answered or over budget: ${failed.map((report) => report.path).join(', ')}`)
    process.exitCode = 1
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
