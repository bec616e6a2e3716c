/**
 * A small RFC 4180 CSV reader for the files of prisma/data (quoted fields, doubled quotes, commas and line
 * breaks inside quotes). Enough for our reference data; not a general-purpose parser.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text
  for (let i = 0; i < input.length; i++) {
    const char = input[i]
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') {
        quoted = false
      } else {
        field += char
      }
    } else if (char === '"' && field === '') {
      quoted = true
    } else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else {
      field += char
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field')
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/** Rows as objects keyed by the header; every row must have as many fields as the header. */
export function parseCsvRecords(text: string, source: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text)
  if (!header) throw new Error(`${source}: empty file`)
  return rows.map((row, index) => {
    if (row.length !== header.length) {
      throw new Error(`${source} line ${index + 2}: ${row.length} fields, the header has ${header.length}`)
    }
    return Object.fromEntries(header.map((name, column) => [name, row[column] ?? '']))
  })
}
