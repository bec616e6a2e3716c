/**
 * Benchmark: paying fees (issue 7) — the gateway's IPN crediting payments, a bank statement import, and the
 * commune's payments page and receipt PDF — through the real use-cases, called as the integration tests call
 * them (tests/integration/payments.test.ts, staff-payments.test.ts). The issue names no speed target: the
 * figures are measured and reported, and the run checks that the money comes out right.
 *
 *   npx tsx --conditions=react-server bench/payments.mts [--ipn 300] [--lines 5000] [--runs 30]
 *
 * Options:
 *   --database-url URL  the database (or BENCH_DATABASE_URL; default postgresql://postgres@127.0.0.1:5432/motcua_bench_pay).
 *                       DROPPED AND RECREATED by every run: its name must start with motcua_bench
 *   --ipn N             dossiers whose gateway IPN is sent one at a time (default 300)
 *   --concurrent-ipn N  other dossiers whose IPNs are sent by the concurrent callers (default: as --ipn)
 *   --callers N         concurrent IPN callers, and identical IPNs sent at once for one payment (default 20)
 *   --lines N           lines of the bank statement (default 5000; 80 % exact transfers, the rest partial,
 *                       duplicate or unmatched)
 *   --runs N            timed calls of the page data and of the receipt (default 30), after --warmup N (default 3)
 *   --demo N            demo dossiers seeded with their history before the benchmark's own (default 1000)
 *   --pool N            the Prisma client's pool (default 10, as the app's DATABASE_POOL_MAX)
 *   --prepare N         concurrent workers preparing dossiers and payments (default 8; not measured)
 *   --no-write          do not write bench/results/payments-<date>.md
 *
 * Every run starts from an empty database: migrations, the seed (reference data, demo accounts, --demo demo
 * dossiers), then the benchmark's dossiers in Phường Thành Vinh (16681), all owned by one demo citizen and each
 * owing a fee, written as tests/support/dossiers.ts writes them (not measured). Then, in order:
 *   1. IPN one at a time: each of --ipn dossiers has a started GATEWAY payment (startPayment); its signed
 *      success IPN (paymentRequestParams → gatewayResultParams, as the gateway sends) goes to handleGatewayIpn
 *      (cardGateway with the sandbox settings of the tests) → p50/p95/p99 of one credit.
 *      IPN concurrent: --callers callers share the IPNs of --concurrent-ipn other dossiers → credits a second
 *      and the latency each caller saw. Race: --callers identical IPNs of one payment at once → time until all
 *      answered; CHECKED: one 00 and the rest 02, the dossier's paid total equals its fee, one PAID payment,
 *      one payment.paid audit entry.
 *   2. Statement import: a CSV of --lines lines, in the bank export's shape used by the tests, importBankStatement
 *      by the commune's clerk → total time and lines a second. CHECKED: the counts the import reports (matched,
 *      partial, duplicate, unmatched) equal what the file was built with, and every exact transfer is PAID.
 *   3. getCommunePayments for the commune with the most payments, read by its clerk (first page of every
 *      list); getPaymentReceipt (a paid payment's PDF, read by its payer) → p50/p95.
 * The table (Markdown) goes to the console and to bench/results/payments-<date>.md. The machine is shared: the
 * load average is printed before and after, and a busy machine shows in the figures. Exits with status 1 when a
 * check fails. About 2–3 minutes with the defaults on 2 cores, half of it preparing the dossiers.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import type { Actor } from '@/domain/access/actor'
import { gatewayResultParams, paymentRequestParams } from '@/domain/payments/gateway-protocol'
import { buildPaymentReference } from '@/domain/payments/payment-reference'
import type { PrismaClient } from '@/generated/prisma/client'
import { cardGateway } from '@/server/payments/card-gateway'
import { getCommunePayments } from '@/server/payments/commune-payments'
import { handleGatewayIpn } from '@/server/payments/gateway-ipn'
import { importBankStatement } from '@/server/payments/import-statement'
import { getPaymentReceipt } from '@/server/payments/payment-receipt'
import { startPayment, type StartedPayment } from '@/server/payments/start-payment'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../prisma/seed'
import { createRandom } from '../prisma/seed/prng'
import { applyMigrations } from '../scripts/db/migrations'
import { actorOf, submittedDossier } from '../tests/support/dossiers'
import { ms, percentile } from './lib/stats'

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : undefined
}
function count(name: string, fallback: number, min = 0): number {
  const text = arg(name)
  const value = text === undefined ? fallback : Number(text.replaceAll('_', '').replaceAll(',', ''))
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number ≥ ${min}`)
  return value
}

const ipn = count('ipn', 300, 1)
const options = {
  url: arg('database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/motcua_bench_pay',
  ipn,
  concurrentIpn: count('concurrent-ipn', ipn, 1),
  callers: count('callers', 20, 2),
  lines: count('lines', 5000, 10),
  runs: count('runs', 30, 1),
  warmup: count('warmup', 3),
  demo: count('demo', 1000),
  pool: count('pool', 10, 1),
  prepare: count('prepare', 8, 1),
  write: !process.argv.includes('--no-write'),
}

const COMMUNE = '16681'
const OWNER_CITIZEN_ID = '040085003917'
const SECRET = 'bench-payments-gateway-secret'
const settings = { provider: 'sandbox', paymentUrl: '/cong-thanh-toan-thu-nghiem', merchantCode: 'MOTCUA01', secret: SECRET, enabled: true, isSandbox: true }
const gateway = cardGateway(settings)
/** One instant for the whole run, to the minute: payments start, are paid and are read at fixed times around it. */
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000)
const HOUR = 3_600_000
const FEES: readonly number[] = [10_000, 25_000, 50_000, 125_000]

const loadAverage = () => os.loadavg().map((value) => value.toFixed(1)).join(' / ')
const fmt = (value: number) => value.toLocaleString('en')
const seconds = (milliseconds: number) => (milliseconds / 1000).toFixed(1)
const log = (message: string) => console.log(message)

// ─── The database: dropped, recreated, migrated, seeded ───

const name = decodeURIComponent(new URL(options.url).pathname.slice(1))
if (!/^motcua_bench[a-z0-9_]*$/.test(name)) throw new Error(`This benchmark drops its database: its name must start with motcua_bench ("${name}")`)
const adminUrl = new URL(options.url)
adminUrl.pathname = '/postgres'
const admin = new pg.Client({ connectionString: adminUrl.toString() })
await admin.connect()
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
await admin.query(`CREATE DATABASE ${name}`)
await admin.end()

// The use-cases read the server environment (the gateway's switch, the attachment storage of the seed's files).
process.env.DATABASE_URL = options.url
const attachmentDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-pay-'))
process.env.ATTACHMENT_DIR = attachmentDir

log(`Load average (1/5/15 min) at start: ${loadAverage()} — other work on the machine shows up in the figures.`)
let started = performance.now()
await applyMigrations(options.url)
const seed = await seedDatabase({ databaseUrl: options.url, dossierCount: options.demo, now: NOW })
log(`Database ${name}: migrated and seeded (${fmt(seed.dossiers)} demo dossiers) in ${seconds(performance.now() - started)} s.`)

const client: PrismaClient = createPrismaClient(options.url, options.pool)
const owner = await actorOf(client, { citizenId: OWNER_CITIZEN_ID })
const clerk = await actorOf(client, { role: 'CLERK', disabledAt: null, communes: { some: { commune: { code: COMMUNE } } } })
const communeId = (await client.commune.findUniqueOrThrow({ where: { code: COMMUNE }, select: { id: true } })).id

// ─── Preparation (not measured): owing dossiers and their started payments ───

let feeTurn = 0
/** A received dossier of the owner owing a fee (signature certification), as the tests write one. */
async function owingDossier(feeVnd = FEES[feeTurn++ % FEES.length]!) {
  const submittedAt = new Date(NOW.getTime() - 8 * HOUR)
  const dossier = await submittedDossier(client, { communeCode: COMMUNE, slug: '2.000884', submittedAt, applicantId: owner.userId, applicantName: owner.fullName, state: 'PROCESSING', currentStep: 'processing', receivedAt: submittedAt })
  await client.dossier.update({ where: { id: dossier.id }, data: { feeVnd } })
  return { ...dossier, feeVnd }
}

type Prepared = StartedPayment & { feeVnd: number }
async function prepared(method: 'GATEWAY' | 'VIETQR', feeVnd?: number): Promise<Prepared> {
  const dossier = await owingDossier(feeVnd)
  // Gateway orders are started at NOW (they live 15 minutes); transfers earlier, so the statement can book them.
  const now = method === 'GATEWAY' ? NOW : new Date(NOW.getTime() - 7 * HOUR)
  const payment = await startPayment(client, { actor: owner, dossierRef: dossier.id, method, now })
  return { ...payment, feeVnd: dossier.feeVnd }
}

/** `total` results of `work`, made by `workers` at a time, in index order. */
async function inParallel<T>(total: number, workers: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(total)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(workers, total) }, async () => {
      for (let index = next++; index < total; index = next++) results[index] = await work(index)
    }),
  )
  return results
}

const statementPlan = (() => {
  const matched = Math.round(options.lines * 0.8)
  const rest = options.lines - matched
  const partial = Math.floor(rest / 3)
  const duplicate = matched > 0 ? Math.floor(rest / 3) : 0
  return { matched, partial, duplicate, unmatched: rest - partial - duplicate }
})()

started = performance.now()
const serialPayments = await inParallel(options.ipn, options.prepare, () => prepared('GATEWAY'))
const concurrentPayments = await inParallel(options.concurrentIpn, options.prepare, () => prepared('GATEWAY'))
const racePayment = await prepared('GATEWAY', 25_000)
const transfers = await inParallel(statementPlan.matched, options.prepare, () => prepared('VIETQR'))
const shortTransfers = await inParallel(statementPlan.partial, options.prepare, () => prepared('VIETQR'))
const preparedCount = options.ipn + options.concurrentIpn + 1 + statementPlan.matched + statementPlan.partial
log(`Prepared ${fmt(preparedCount)} owing dossiers with a started payment in ${seconds(performance.now() - started)} s (${options.prepare} workers).`)

/** What the gateway sends for a payment: the order signed by us, answered by the bank with the secret (as the tests build it). */
function ipnFor(payment: { reference: string; amountVnd: number }, transactionNo: string) {
  const request = paymentRequestParams(
    { merchantCode: settings.merchantCode, reference: payment.reference, amountVnd: payment.amountVnd, orderInfo: 'Le phi', returnUrl: 'http://127.0.0.1/ket-qua', clientIp: '127.0.0.1', createdAt: NOW, expiresAt: new Date(NOW.getTime() + 900_000), locale: 'vn' },
    SECRET,
  )
  return gatewayResultParams(request, { decision: 'APPROVE', transactionNo, bankCode: 'NCB', at: new Date(NOW.getTime() + 60_000) }, SECRET)
}
let transactionNo = 14_230_000
const serialIpns = serialPayments.map((payment) => ipnFor(payment, String(transactionNo++)))
const concurrentIpns = concurrentPayments.map((payment) => ipnFor(payment, String(transactionNo++)))
const raceIpn = ipnFor(racePayment, String(transactionNo++))

// ─── Context ───

const server = await client.$queryRawUnsafe<{ version: string; shared_buffers: string; max_connections: string }[]>(
  `SELECT split_part(version(), ' on ', 1) AS version, current_setting('shared_buffers') AS shared_buffers, current_setting('max_connections') AS max_connections`,
)
const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' }, stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return ''
  }
}
const commit = git('rev-parse', '--short', 'HEAD')
const changed = git('status', '--porcelain', '--untracked-files=no', '--', 'src/server/payments', 'src/domain/payments', 'prisma/migrations').split('\n').filter(Boolean).length
const context = [
  `${server[0]?.version} (shared_buffers ${server[0]?.shared_buffers}); ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; Prisma pool ${options.pool}.`,
  `Database ${name}, fresh: the seed's reference data and ${fmt(seed.dossiers)} demo dossiers, then ${fmt(preparedCount)} owing dossiers of commune ${COMMUNE} with a started payment (fees ${FEES.map(fmt).join(' / ')} ₫).`,
]
if (commit) context.push(`Code: commit ${commit}${changed > 0 ? `, with ${changed} uncommitted changed file(s) in the payments code or migrations` : ''}.`)
for (const line of context) log(line)
const before = loadAverage()
log(`Load average (1/5/15 min) before measuring: ${before}.\n`)

// ─── Measures and checks ───

type Row = { name: string; calls: number; samples: number[]; rate?: string; note?: string }
const rows: Row[] = []
const checks: { name: string; ok: boolean; detail: string }[] = []
function check(name: string, ok: boolean, detail: string) {
  checks.push({ name, ok, detail })
  log(`  CHECK ${ok ? 'ok    ' : 'FAILED'} ${name}: ${detail}`)
}
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now()
  const value = await work()
  return { value, ms: performance.now() - start }
}
function report(row: Row) {
  rows.push(row)
  log(`  ${row.name}: p50 ${ms(percentile(row.samples, 50))} ms, p95 ${ms(percentile(row.samples, 95))} ms, p99 ${ms(percentile(row.samples, 99))} ms${row.rate ? `, ${row.rate}` : ''}${row.note ? ` (${row.note})` : ''}`)
}
/** Answer codes counted, e.g. "300 × 00". */
const codeCounts = (codes: readonly string[]) =>
  [...codes.reduce((map, code) => map.set(code, (map.get(code) ?? 0) + 1), new Map<string, number>())]
    .sort()
    .map(([code, n]) => `${n} × ${code}`)
    .join(', ')
async function paidState(payments: readonly Prepared[]) {
  const ids = payments.map((payment) => payment.id)
  const [paid, dossiers] = await Promise.all([
    client.payment.count({ where: { id: { in: ids }, status: 'PAID' } }),
    client.dossier.findMany({ where: { id: { in: payments.map((payment) => payment.dossierId) } }, select: { feeVnd: true, paidVnd: true } }),
  ])
  return { paid, settled: dossiers.filter((dossier) => dossier.paidVnd === dossier.feeVnd).length }
}

// 1. Gateway IPN
log('1. Gateway IPN crediting')
const serialCodes: string[] = []
const serialSamples: number[] = []
started = performance.now()
for (const params of serialIpns) {
  const { value, ms: took } = await timed(() => handleGatewayIpn(client, { params, gateway, now: NOW }))
  serialSamples.push(took)
  serialCodes.push(value.answer.RspCode)
}
let wall = performance.now() - started
report({ name: 'IPN credit, one at a time', calls: serialSamples.length, samples: serialSamples, rate: `${(serialSamples.length / (wall / 1000)).toFixed(0)} /s` })
let state = await paidState(serialPayments)
check('IPN one at a time credits each', serialCodes.every((code) => code === '00') && state.paid === serialPayments.length && state.settled === serialPayments.length, `${codeCounts(serialCodes)}; ${state.paid} PAID, ${state.settled} dossiers paid in full, of ${serialPayments.length}`)

const concurrentCodes: string[] = []
const concurrentSamples: number[] = []
started = performance.now()
await inParallel(concurrentIpns.length, options.callers, async (index) => {
  const { value, ms: took } = await timed(() => handleGatewayIpn(client, { params: concurrentIpns[index]!, gateway, now: NOW }))
  concurrentSamples.push(took)
  concurrentCodes.push(value.answer.RspCode)
})
wall = performance.now() - started
report({ name: `IPN credit, ${options.callers} concurrent callers`, calls: concurrentSamples.length, samples: concurrentSamples, rate: `${(concurrentSamples.length / (wall / 1000)).toFixed(0)} /s` })
state = await paidState(concurrentPayments)
check(`IPN with ${options.callers} callers credits each`, concurrentCodes.every((code) => code === '00') && state.paid === concurrentPayments.length && state.settled === concurrentPayments.length, `${codeCounts(concurrentCodes)}; ${state.paid} PAID, ${state.settled} dossiers paid in full, of ${concurrentPayments.length}`)

const raceSamples: number[] = []
const race = await timed(() =>
  Promise.all(
    Array.from({ length: options.callers }, async () => {
      const { value, ms: took } = await timed(() => handleGatewayIpn(client, { params: raceIpn, gateway, now: NOW }))
      raceSamples.push(took)
      return value.answer.RspCode
    }),
  ),
)
const raceDossier = await client.dossier.findUniqueOrThrow({ where: { id: racePayment.dossierId }, select: { feeVnd: true, paidVnd: true, payments: { select: { status: true } } } })
const raceAudits = await client.auditLog.count({ where: { action: 'payment.paid', entityId: racePayment.id } })
const raceCodes = race.value.sort()
const racePaid = raceDossier.payments.filter((payment) => payment.status === 'PAID').length
const raceOk = raceCodes[0] === '00' && raceCodes.slice(1).every((code) => code === '02') && raceDossier.paidVnd === raceDossier.feeVnd && racePaid === 1 && raceAudits === 1
report({ name: `${options.callers} identical IPNs at once, one payment`, calls: raceSamples.length, samples: raceSamples, note: `all answered in ${ms(race.ms)} ms` })
check(
  `${options.callers} identical IPNs credit once`,
  raceOk,
  `${codeCounts(raceCodes)}; paidVnd ${fmt(raceDossier.paidVnd)} for a fee of ${fmt(raceDossier.feeVnd)}; ${racePaid} PAID payment; ${raceAudits} payment.paid audit entry`,
)

// 2. Statement import
log('\n2. Statement import')
const random = createRandom('bench-payments-statement')
type Line = { txn: string; amount: number; description: string }
const lines: Line[] = []
let txn = 0
const nextTxn = () => `FT${String(++txn).padStart(11, '0')}`
for (const payment of transfers) lines.push({ txn: nextTxn(), amount: payment.amountVnd, description: `${payment.reference} ${owner.fullName} nop le phi` })
for (const payment of shortTransfers) lines.push({ txn: nextTxn(), amount: payment.amountVnd - 5_000, description: `CK ${payment.reference} chuyen thieu` })
for (let index = 0; index < statementPlan.duplicate; index++) {
  const original = lines[random.int(0, statementPlan.matched - 1)]!
  // Half the same bank transaction twice in the export, half a second transfer for a payment the file pays.
  lines.push(index % 2 === 0 ? { ...original } : { txn: nextTxn(), amount: original.amount, description: `${original.description} lan 2` })
}
for (let index = 0; index < statementPlan.unmatched; index++) {
  const reference = buildPaymentReference({ dossierCode: `${COMMUNE}-991230-${String(index + 1).padStart(5, '0')}`, paymentSequence: 1 })
  lines.push({ txn: nextTxn(), amount: FEES[index % FEES.length]!, description: index % 2 === 0 ? 'Nguyen Van An chuyen tien' : `${reference} nop phi` })
}
for (let index = lines.length - 1; index > 0; index--) {
  const other = random.int(0, index)
  ;[lines[index], lines[other]] = [lines[other]!, lines[index]!]
}
/** Vietnam's wall clock, dd/MM/yyyy HH:mm. */
const bankTime = (at: Date) => {
  const [date, time] = new Date(at.getTime() + 7 * HOUR).toISOString().split('T') as [string, string]
  const [year, month, day] = date.split('-')
  return `${day}/${month}/${year} ${time.slice(0, 5)}`
}
const firstBooking = NOW.getTime() - 6 * HOUR
const vnd = (amount: number) => amount.toLocaleString('de-DE')
// As a bank exports it (the shape of staff-payments.test.ts): two preamble rows, the header, the credits, one debit.
const csvRows = [
  'NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM,,,,',
  `Số tài khoản: DEMO${COMMUNE},,,,`,
  'Số tham chiếu,Ngày giao dịch,Số tiền ghi có,Số tiền ghi nợ,Nội dung',
  ...lines.map((line, index) => `${line.txn},${bankTime(new Date(firstBooking + Math.floor((index * 6 * HOUR) / lines.length)))},"${vnd(line.amount)}",,"${line.description}"`),
  `FT-PHI-01,${bankTime(NOW)},,"11.000",Phi duy tri tai khoan`,
]
const bytes = new TextEncoder().encode(`\uFEFF${csvRows.join('\r\n')}\r\n`)
const importStarted = performance.now()
// A failure (e.g. the import's transaction outliving its timeout on a slow machine) is reported, not fatal.
const imported = await importBankStatement(client, { actor: clerk, communeId, fileName: `sao-ke-${options.lines}.csv`, bytes, now: NOW }).catch((error: unknown) => error instanceof Error ? error : new Error(String(error)))
const importMs = performance.now() - importStarted
const importName = `statement import, ${fmt(options.lines)} lines (${Math.round(bytes.byteLength / 1024)} KiB)`
const transferState = await paidState(transfers)
if (imported instanceof Error || !imported.ok) {
  const why = imported instanceof Error ? `${imported.name}: ${imported.message.split('\n').filter(Boolean).slice(-1)[0] ?? ''}` : `refused: ${JSON.stringify(imported.errors.slice(0, 5))}`
  rows.push({ name: importName, calls: 1, samples: [importMs], note: `FAILED after ${seconds(importMs)} s` })
  log(`  statement import: FAILED after ${seconds(importMs)} s — ${why}`)
  check('statement import counts what was built', false, `no import: ${why}; ${transferState.paid} of ${transfers.length} exact transfers PAID`)
} else {
  const summary = imported.summary.byStatus
  const rate = `${(options.lines / (importMs / 1000)).toFixed(0)} lines/s`
  rows.push({ name: importName, calls: 1, samples: [importMs], rate })
  log(`  statement import: ${fmt(options.lines)} lines in ${seconds(importMs)} s, ${rate}`)
  const expected = { MATCHED: statementPlan.matched, PARTIAL: statementPlan.partial, EXCESS: 0, DUPLICATE: statementPlan.duplicate, UNMATCHED: statementPlan.unmatched }
  const reported = { MATCHED: summary.MATCHED.count, PARTIAL: summary.PARTIAL.count, EXCESS: summary.EXCESS.count, DUPLICATE: summary.DUPLICATE.count, UNMATCHED: summary.UNMATCHED.count }
  check(
    'statement import counts what was built',
    JSON.stringify(reported) === JSON.stringify(expected) && imported.summary.total.count === options.lines,
    `reported ${JSON.stringify(reported)}, built ${JSON.stringify(expected)}, ${fmt(imported.summary.total.count)} lines`,
  )
  check('statement import credits every exact transfer', transferState.paid === transfers.length && transferState.settled === transfers.length, `${transferState.paid} PAID, ${transferState.settled} dossiers paid in full, of ${transfers.length}`)
}

// 3. The commune's payments page and the receipt
log('\n3. Reading')
const busiest = await client.$queryRawUnsafe<{ id: string; code: string; payments: number }[]>(
  `SELECT c.id::text, c.code, count(*)::int AS payments FROM "Payment" p JOIN "Commune" c ON c.id = p."communeId" GROUP BY c.id, c.code ORDER BY 3 DESC LIMIT 1`,
)
const pageCommune = busiest[0]!
const reader: Actor =
  pageCommune.code === COMMUNE ? clerk : await actorOf(client, { role: 'CLERK', disabledAt: null, communes: { some: { commune: { code: pageCommune.code } } } }).catch(() => actorOf(client, { role: 'PROVINCE_OFFICER' }))
const readPage = () => getCommunePayments(client, { actor: reader, query: { commune: pageCommune.code }, now: NOW })
const paidPayment = serialPayments[0]!
const readReceipt = () => getPaymentReceipt(client, { actor: owner, paymentId: paidPayment.id })
const page = await readPage()
const receipt = await readReceipt()
async function sample(work: () => Promise<unknown>): Promise<number[]> {
  for (let index = 0; index < options.warmup; index++) await work()
  const samples: number[] = []
  for (let index = 0; index < options.runs; index++) samples.push((await timed(work)).ms)
  return samples
}
report({
  name: `commune payments page data (${pageCommune.code}, ${fmt(pageCommune.payments)} payments)`,
  calls: options.runs,
  samples: await sample(readPage),
  note: page ? `${fmt(page.outstanding.count)} owing, ${fmt(page.pending.count)} pending, ${fmt(page.exceptions.count)} open exceptions, ${fmt(page.report.total.count)} paid this month` : 'no page',
})
report({ name: 'receipt PDF (getPaymentReceipt)', calls: options.runs, samples: await sample(readReceipt), note: `${Math.round(receipt.bytes.byteLength / 1024)} KiB` })
const openExceptions = await client.bankStatementLine.count({ where: { communeId: pageCommune.id, status: { not: 'MATCHED' }, resolvedAt: null } })
check(
  'page data and receipt',
  page !== null && page.exceptions.count === openExceptions && Buffer.from(receipt.bytes.subarray(0, 5)).toString() === '%PDF-',
  `page of ${page?.commune.code} lists ${page?.exceptions.count} open statement exceptions (recount ${openExceptions}); receipt ${receipt.fileName}`,
)
const after = loadAverage()

// ─── Results ───

const cell = (text: string) => text.replaceAll('|', '\\|')
const tableRows = rows.map((row) => {
  const single = row.samples.length === 1
  return [
    row.name,
    String(row.calls),
    single ? '' : ms(percentile(row.samples, 50)),
    single ? '' : ms(percentile(row.samples, 95)),
    single ? '' : ms(percentile(row.samples, 99)),
    ms(Math.max(...row.samples)),
    row.rate ?? '',
    row.note ?? '',
  ]
})
const table = [
  '| case | calls | p50 ms | p95 ms | p99 ms | max ms | rate | note |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ...tableRows.map((cells) => `| ${cells.map(cell).join(' | ')} |`),
].join('\n')
const checkLines = checks.map((entry) => `- ${entry.ok ? 'OK' : '**FAILED**'} ${entry.name}: ${entry.detail}`)
log(`\n${table}\n\nChecks:\n${checkLines.join('\n')}\n\nLoad average (1/5/15 min): ${before} before measuring, ${after} after.`)

if (options.write) {
  const day = new Date().toISOString().slice(0, 10)
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', `payments-${day}.md`)
  mkdirSync(path.dirname(file), { recursive: true })
  const command = `npx tsx --conditions=react-server bench/payments.mts ${process.argv.slice(2).join(' ')}`.trim()
  writeFileSync(
    file,
    [
      `# Payments benchmark, ${day}`,
      '',
      `\`${command}\``,
      '',
      ...context.map((line) => `- ${line}`),
      `- Load average (1/5/15 min): ${before} before measuring, ${after} after (the machine is shared).`,
      `- The use-cases called in process, as the integration tests call them (no HTTP). IPN latencies include the signature check, the`,
      `  callback's record and the credit's transaction; the statement import is one transaction (${fmt(statementPlan.matched)} exact transfers`,
      `  credited, ${fmt(statementPlan.partial)} partial, ${fmt(statementPlan.duplicate)} duplicate, ${fmt(statementPlan.unmatched)} unmatched lines).`,
      `  Page data and receipt: ${options.runs} timed calls after ${options.warmup} warm-up calls. No speed target is named (issue 7).`,
      '',
      table,
      '',
      'Checks:',
      '',
      ...checkLines,
      '',
    ].join('\n'),
  )
  log(`Written to ${path.relative(process.cwd(), file)}.`)
}

await client.$disconnect()
rmSync(attachmentDir, { recursive: true, force: true })
if (checks.some((entry) => !entry.ok)) {
  console.error(`\n${checks.filter((entry) => !entry.ok).length} CHECK(S) FAILED — see above.`)
  process.exitCode = 1
}
