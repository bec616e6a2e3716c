// `npm test`: every check of the project, in order — typecheck, lint, migrations drift, unit (in UTC and in
// Asia/Ho_Chi_Minh), integration (real PostgreSQL from TEST_DATABASE_URL, or the embedded one), end-to-end
// (the production build in Debian's Chromium). Runs them all even when one fails, then prints the count.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { countResults, failedTests, RESULTS_DIR, summaryLine } from './test-summary.mjs'

const steps = [
  { name: 'typecheck', script: 'typecheck', check: true },
  { name: 'lint', script: 'lint', check: true },
  { name: 'migrations match schema.prisma', script: 'db:check', check: true },
  { name: 'unit tests', script: 'test:unit', report: 'vitest-unit.json' },
  { name: 'integration tests', script: 'test:integration', report: 'vitest-integration.json' },
  { name: 'end-to-end tests', script: 'test:e2e', report: 'e2e.json' },
]

rmSync(RESULTS_DIR, { recursive: true, force: true })
mkdirSync(RESULTS_DIR, { recursive: true })
const checks = []
const timings = []
for (const step of steps) {
  console.log(`\n━━━ ${step.name} (npm run ${step.script}) ━━━`)
  const started = Date.now()
  const result = spawnSync('npm', ['run', '--silent', step.script], { stdio: 'inherit', env: process.env })
  const ok = result.status === 0
  timings.push(`${step.name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  // Whole-project checks count as one test each; a test runner that crashed before writing its report too.
  if (step.check) checks.push({ name: step.name, ok })
  else if (!ok && !reportExists(step.report)) checks.push({ name: `${step.name} (runner did not report)`, ok: false })
}
writeFileSync(path.join(RESULTS_DIR, 'checks.json'), JSON.stringify({ checks }, null, 2))

function reportExists(name) {
  try {
    JSON.parse(readFileSync(path.join(RESULTS_DIR, name), 'utf8'))
    return true
  } catch {
    return false
  }
}

const total = countResults()
const failed = failedTests()
if (failed.length > 0) console.log(`\nFailed:\n${failed.map((name) => `  ✗ ${name}`).join('\n')}`)
console.log(`\n${timings.join('\n')}`)
console.log(summaryLine(total))
process.exit(total.failed > 0 || checks.some((check) => !check.ok) ? 1 : 0)
