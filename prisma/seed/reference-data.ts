/**
 * Readers for the reference data copied into prisma/data/ (sources in prisma/data/README.md). The seed and the
 * tests read these files, never the research folder they were copied from.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { CalendarDayKind, LocalDate } from '../../src/domain/calendar/working-days'
import { parseCsvRecords } from './csv'

export const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url))

function readRecords(file: string): Record<string, string>[] {
  return parseCsvRecords(readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8'), `prisma/data/${file}`)
}

function field(record: Record<string, string>, name: string): string {
  return (record[name] ?? '').normalize('NFC').trim()
}

// ─── Communes ───

export type CommuneRow = { code: string; name: string; kind: 'XA' | 'PHUONG'; formerUnits: string[] }

/** The literal of the source meaning "kept as it was": no unit was merged into it. */
const UNCHANGED = 'giữ nguyên'

export function readCommuneRows(): CommuneRow[] {
  return readRecords('nghe-an-communes.csv').map((record) => {
    const code = field(record, 'code')
    const type = field(record, 'type')
    if (!/^\d{5}$/.test(code)) throw new Error(`nghe-an-communes.csv: bad code "${code}"`)
    if (type !== 'xa' && type !== 'phuong') throw new Error(`nghe-an-communes.csv: bad type "${type}" for ${code}`)
    const former = field(record, 'former_units')
    return {
      code,
      name: field(record, 'name'),
      kind: type === 'xa' ? 'XA' : 'PHUONG',
      formerUnits: former === UNCHANGED ? [] : former.split(';').map((unit) => unit.trim()).filter(Boolean),
    }
  })
}

// ─── Procedures ───

export type ProcedureRow = {
  /** National TTHC code, or null when no source gave one. */
  code: string | null
  name: string
  field: string
  settlementTime: string
  /** Integer VND when the source fixes one amount (0 = exempt); null when blank. */
  feeVnd: number | null
  feeNote: string
  onlineLevel: string
  legalBasis: string
  codeSources: string
  notes: string
}

export function readProcedureRows(): ProcedureRow[] {
  return readRecords('procedures.csv').map((record) => {
    const code = field(record, 'code')
    const fee = field(record, 'fee_vnd')
    if (code && !/^\d\.\d{6}$/.test(code)) throw new Error(`procedures.csv: bad code "${code}"`)
    if (fee && !/^\d+$/.test(fee)) throw new Error(`procedures.csv: bad fee "${fee}" for ${field(record, 'name')}`)
    return {
      code: code || null,
      name: field(record, 'name'),
      field: field(record, 'field'),
      settlementTime: field(record, 'settlement_time'),
      feeVnd: fee ? Number(fee) : null,
      feeNote: field(record, 'fee_note'),
      onlineLevel: field(record, 'online_level'),
      legalBasis: field(record, 'legal_basis'),
      codeSources: field(record, 'code_sources'),
      notes: field(record, 'notes'),
    }
  })
}

// ─── Calendar ───

export type HolidayRow = { date: LocalDate; kind: CalendarDayKind; name: string; isOfficial: boolean; source: string }

const KINDS: readonly CalendarDayKind[] = ['HOLIDAY', 'DAY_OFF', 'WORKING_DAY']

export function readHolidayRows(): HolidayRow[] {
  return readRecords('holidays.csv').map((record) => {
    const date = field(record, 'date')
    const kind = KINDS.find((known) => known === field(record, 'kind'))
    const official = field(record, 'is_official')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`holidays.csv: bad date "${date}"`)
    if (!kind) throw new Error(`holidays.csv: bad kind "${field(record, 'kind')}" on ${date}`)
    if (official !== 'true' && official !== 'false') throw new Error(`holidays.csv: bad is_official on ${date}`)
    return { date, kind, name: field(record, 'name'), isOfficial: official === 'true', source: field(record, 'source') }
  })
}
