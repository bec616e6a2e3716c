// Counts every test that ran, from the JSON reports in test-results/ (Vitest, Playwright, and the
// whole-project checks written by scripts/test-all.mjs), and prints one line: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const RESULTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-results')

export function countResults(dir = RESULTS_DIR) {
  const total = { passed: 0, failed: 0, skipped: 0 }
  if (!existsSync(dir)) return total
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'))
    if (file.startsWith('vitest-')) {
      total.passed += report.numPassedTests
      total.failed += report.numFailedTests
      total.skipped += report.numPendingTests + report.numTodoTests
      // A file that failed to load has no failed test but fails the run: count it once.
      if (!report.success && report.numFailedTests === 0) total.failed += 1
    } else if (file === 'e2e.json') {
      total.passed += report.stats.expected + report.stats.flaky
      total.failed += report.stats.unexpected
      total.skipped += report.stats.skipped
      if (report.errors?.length && report.stats.unexpected === 0) total.failed += 1
    } else if (file === 'checks.json') {
      for (const check of report.checks) {
        if (check.ok) total.passed++
        else total.failed++
      }
    }
  }
  return total
}

export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(summaryLine(countResults()))
}
