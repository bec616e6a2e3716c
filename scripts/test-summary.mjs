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

// The failed tests by name, so a CI log that keeps only its tail still says what failed.
export function failedTests(dir = RESULTS_DIR) {
  const failed = []
  if (!existsSync(dir)) return failed
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'))
    if (file.startsWith('vitest-')) {
      for (const suite of report.testResults ?? []) {
        const where = path.relative(path.dirname(dir), suite.name ?? '')
        const failures = (suite.assertionResults ?? []).filter((test) => test.status === 'failed')
        for (const test of failures) failed.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`)
        if (suite.status === 'failed' && failures.length === 0) failed.push(`${where}: ${firstLine(suite.message)}`)
      }
    } else if (file === 'e2e.json') {
      collectPlaywrightFailures(report.suites ?? [], [], failed)
    } else if (file === 'checks.json') {
      for (const check of report.checks) if (!check.ok) failed.push(check.name)
    }
  }
  return failed
}

function collectPlaywrightFailures(suites, titles, failed) {
  for (const suite of suites) {
    const path_ = suite.title ? [...titles, suite.title] : titles
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue
        const error = test.results?.at(-1)?.error?.message
        failed.push(`${[...path_, spec.title].join(' › ')}: ${firstLine(error)}`)
      }
    }
    collectPlaywrightFailures(suite.suites ?? [], path_, failed)
  }
}

function firstLine(text) {
  // Strip ANSI colours; keep the line short enough for a log tail.
  const line = String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((part) => part.trim()) ?? ''
  return line.trim().slice(0, 240)
}

export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(summaryLine(countResults()))
}
