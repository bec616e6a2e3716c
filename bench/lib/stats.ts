/** Latency statistics and plain-text tables for the benchmark output. */

/** Nearest-rank percentile (p in 0..100) of the samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1]!
}

export type Summary = { count: number; p50: number; p95: number; max: number; mean: number }

export function summarize(samples: readonly number[]): Summary {
  const mean = samples.reduce((sum, value) => sum + value, 0) / Math.max(1, samples.length)
  return { count: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples), mean }
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–')

/** Left-aligns text columns and right-aligns the others (numbers). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd()
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n')
}
