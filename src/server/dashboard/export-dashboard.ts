import 'server-only'
import { createTranslator } from 'use-intl/core'
import { z } from 'zod'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { AppError } from '@/domain/errors'
import { localToday, parseDashboardPeriod, parseDashboardSort } from '@/domain/stats/dashboard-metrics'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Locale } from '@/i18n/config'
import { formatDateTime } from '@/lib/format/date'
import { exportTable, type ExportColumn, type ExportFormat } from '@/server/export/table-export'
import { MESSAGES } from '../../../messages'
import { renderTableReportPdf, type ReportColumn } from './dashboard-report-pdf'
import {
  DASHBOARD_MEASURE_BASIS,
  DASHBOARD_MEASURES,
  type DashboardDossierRow,
  type DashboardFigures,
  type DashboardMeasure,
  type DashboardPeriod,
  type DashboardSort,
  type LocalDate,
} from './dashboard-types'
import { getCommuneDashboard } from './get-commune-dashboard'
import { getProvinceDashboard } from './get-province-dashboard'
import { openDashboardDossierStream } from './list-dashboard-dossiers'

/**
 * Exports of the provincial / commune dashboard (issue 8, point 4): any of its tables as CSV or XLSX, and the
 * ranking of communes as a printable PDF report. The search parameters are the dashboard page's own, so an
 * export link is the page's URL with `table` and `format` added:
 * - `table=ranking`: every commune of the province, in the page's order (`xep`, `chieu`), with the province's
 *   totals as a last row — PROVINCE_OFFICER (their province) and ADMIN, as the province page;
 * - `table=procedures&xa=<commune code>`: the commune's figures per procedure, and its totals — also the
 *   commune's own staff, as the commune page (staff of a single commune may leave `xa` out: theirs);
 * - `table=dossiers&xa=…&chi-so=<measure>[&thu-tuc=<procedure code>]`: the dossiers behind a number, streamed
 *   through the data layer's keyset batches (`openDashboardDossierStream`) straight into the download, as fast
 *   as the client reads: 500 000 rows are never held (bench/dashboard-export.mts measures it);
 * - the period (`ky`, or `tu` and `den`) as on the page.
 *
 * Who may export a table is who may read it: the dashboard's use-cases decide (each checks authorization), and
 * they run before the first byte, so a refusal or a bad parameter is an error answer, never a broken download.
 * Headers and labels follow the reader's language (Vietnamese by default). XLSX files carry a title row with
 * scope, period and the time of export; CSV files keep the header as their first line (table-export.ts), so that
 * information is in their file name.
 *
 * Why streaming and no background job: the slowest export (a dossier list of a whole year) writes its first bytes
 * within a fraction of a second and keeps writing as fast as the client reads — no proxy idle timeout can cut it,
 * and memory stays flat — so a pg-boss job with progress and a stored file would only add storage and clean-up.
 */

export const DASHBOARD_EXPORT_TABLES = ['ranking', 'procedures', 'dossiers'] as const
export type DashboardExportTable = (typeof DASHBOARD_EXPORT_TABLES)[number]

/** A single search parameter: the first value when repeated; blank is absent. */
const param = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    const single = Array.isArray(value) ? value[0] : value
    return typeof single === 'string' && single.trim() === '' ? undefined : typeof single === 'string' ? single.trim() : single
  }, schema.optional())

const PageParamsSchema = z.object({
  ky: param(z.string().max(20, 'TOO_LONG')),
  tu: param(z.string().max(20, 'TOO_LONG')),
  den: param(z.string().max(20, 'TOO_LONG')),
  xep: param(z.string().max(40, 'TOO_LONG')),
  chieu: param(z.string().max(10, 'TOO_LONG')),
  xa: param(z.string().regex(/^\d{5}$/, 'INVALID_CODE')),
  'thu-tuc': param(z.string().max(40, 'TOO_LONG')),
  'chi-so': param(z.enum(DASHBOARD_MEASURES, { message: 'NOT_AN_OPTION' })),
})

export const DashboardExportQuerySchema = PageParamsSchema.extend({
  table: param(z.enum(DASHBOARD_EXPORT_TABLES, { message: 'NOT_AN_OPTION' })),
  format: param(z.enum(['csv', 'xlsx'], { message: 'NOT_AN_OPTION' })),
}).superRefine((value, context) => {
  const required = (field: string) => context.addIssue({ code: 'custom', path: [field], message: 'REQUIRED' })
  if (!value.table) required('table')
  if (!value.format) required('format')
  if (value.table === 'dossiers' && !value['chi-so']) required('chi-so')
})

/** The tables of one commune: `xa` names it (commune staff of a single commune may leave it out). */
const needsCommune = (table: DashboardExportTable | undefined) => table === 'procedures' || table === 'dossiers'

/** The one commune a commune staff member works for, whose dashboard is theirs without naming it. */
function ownCommuneId(actor: Actor): string | null {
  return !can(actor, 'dashboard.readProvince') && can(actor, 'dashboard.readCommune') && actor.communeIds.length === 1 ? actor.communeIds[0]! : null
}

type PageParams = z.infer<typeof PageParamsSchema>

function addErrors(into: Record<string, string[]>, from: Record<string, string[]> | undefined) {
  for (const [field, codes] of Object.entries(from ?? {})) {
    const list = (into[field] ??= [])
    for (const code of codes) if (!list.includes(code)) list.push(code)
  }
}

/**
 * The query's shape, then the period and the order (their own rules, dashboard-metrics.ts): every problem at
 * once, as INVALID_INPUT with field errors by parameter name.
 */
function parseQuery<S extends z.ZodType<PageParams>>(
  schema: S,
  query: unknown,
  now: Date,
  check?: (params: z.infer<S>, errors: Record<string, string[]>) => void,
): { params: z.infer<S>; period: DashboardPeriod; sort: DashboardSort } {
  const errors: Record<string, string[]> = {}
  const parsed = schema.safeParse(query ?? {})
  if (!parsed.success) {
    for (const issue of parsed.error.issues) addErrors(errors, { [issue.path.map(String).join('.') || 'query']: [issue.message] })
  } else {
    check?.(parsed.data, errors)
  }
  const attempt = <T>(work: () => T): T | null => {
    try {
      return work()
    } catch (error) {
      if (error instanceof AppError && error.code === 'INVALID_INPUT') {
        addErrors(errors, error.fieldErrors)
        return null
      }
      throw error
    }
  }
  // The period and sort rules read the raw values (first of repeated ones); a parameter the schema refused is
  // left to that error.
  const source = (query ?? {}) as Record<string, unknown>
  const text = (key: string) => {
    const value = Array.isArray(source[key]) ? (source[key] as unknown[])[0] : source[key]
    return errors[key] || typeof value !== 'string' ? undefined : value
  }
  const period = attempt(() => parseDashboardPeriod({ ky: text('ky'), tu: text('tu'), den: text('den') }, now))
  const sort = attempt(() => parseDashboardSort({ xep: text('xep'), chieu: text('chieu') }))
  if (!parsed.success || !period || !sort || Object.keys(errors).length > 0) throw new AppError('INVALID_INPUT', 'dashboard export refused', errors)
  return { params: parsed.data as z.infer<S>, period, sort }
}

// ─────────────────────────────── Text ───────────────────────────────

function translator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: 'DashboardExport' })
}
type Translate = ReturnType<typeof translator>

/** 'yyyy-MM-dd' → 'dd/MM/yyyy' (or 'dd-MM-yyyy' for file names). */
function localDateText(day: LocalDate, separator = '/'): string {
  const [year, month, date] = day.split('-')
  return [date, month, year].join(separator)
}

/**
 * The error answer's text: which parameters are wrong and why, in the reader's language (the route sends it
 * with the field codes).
 */
export function describeExportInputError(error: AppError, locale: Locale = 'vi'): string {
  const t = translator(locale)
  const known = MESSAGES[locale].DashboardExport.errors.codes
  const text = (code: string) => (code in known ? t(`errors.codes.${code as keyof typeof known}`) : code)
  const fields = Object.entries(error.fieldErrors ?? {})
    .map(([field, list]) => `${field}: ${list.map(text).join(', ')}`)
    .join('; ')
  return t('errors.invalid', { fields: fields || '—' })
}

// ─────────────────────────────── Columns ───────────────────────────────

type FigureKey = Exclude<keyof DashboardFigures, 'processingMinutes'>

/** The figures of a row, in the order of the page's ranking table, with how each is written. */
const FIGURE_COLUMNS: { key: FigureKey; kind: 'integer' | 'percent' | 'decimal' }[] = [
  { key: 'received', kind: 'integer' },
  { key: 'receivedOnline', kind: 'integer' },
  { key: 'onlineShare', kind: 'percent' },
  { key: 'receivedDigitised', kind: 'integer' },
  { key: 'digitisedShare', kind: 'percent' },
  { key: 'resolved', kind: 'integer' },
  { key: 'resolvedEarly', kind: 'integer' },
  { key: 'resolvedOnTime', kind: 'integer' },
  { key: 'resolvedLate', kind: 'integer' },
  { key: 'onTimeRate', kind: 'percent' },
  { key: 'resolvedElectronic', kind: 'integer' },
  { key: 'electronicResultShare', kind: 'percent' },
  { key: 'refused', kind: 'integer' },
  { key: 'withdrawn', kind: 'integer' },
  { key: 'avgProcessingWorkingDays', kind: 'decimal' },
  { key: 'waitingReception', kind: 'integer' },
  { key: 'inProgress', kind: 'integer' },
  { key: 'awaitingSupplement', kind: 'integer' },
  { key: 'overdueNow', kind: 'integer' },
  { key: 'feeDue', kind: 'integer' },
  { key: 'feePaidOnline', kind: 'integer' },
  { key: 'onlinePaymentShare', kind: 'percent' },
  { key: 'ratingsCount', kind: 'integer' },
  { key: 'ratingsSatisfied', kind: 'integer' },
  { key: 'satisfaction', kind: 'percent' },
  { key: 'avgRating', kind: 'decimal' },
]

/** A decimal figure (days, stars) to two places, as a number a spreadsheet computes with. */
const twoPlaces = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100)

/** A line of a ranking-like table: a ranked row, or the totals (no rank, no code). */
type FiguresLine = { rank: number | null; code: string | null; name: string; figures: DashboardFigures }

function figureColumns(t: Translate): ExportColumn<FiguresLine>[] {
  return FIGURE_COLUMNS.map(({ key, kind }) => ({
    header: t(`columns.${key}`),
    kind: kind === 'decimal' ? undefined : kind,
    value: kind === 'decimal' ? (line: FiguresLine) => twoPlaces(line.figures[key]) : (line: FiguresLine) => line.figures[key],
    width: kind === 'percent' ? 14 : undefined,
  }))
}

function linesColumns(t: Translate, kind: 'commune' | 'procedure'): ExportColumn<FiguresLine>[] {
  return [
    { header: t('columns.rank'), value: (line) => line.rank, kind: 'integer', width: 7 },
    { header: t(kind === 'commune' ? 'columns.communeCode' : 'columns.procedureCode'), value: (line) => line.code, width: kind === 'commune' ? 14 : 16 },
    { header: t(kind === 'commune' ? 'columns.communeName' : 'columns.procedureName'), value: (line) => line.name, width: kind === 'commune' ? 28 : 60 },
    ...figureColumns(t),
  ]
}

function dossierColumns(t: Translate, measure: DashboardMeasure): ExportColumn<DashboardDossierRow>[] {
  const columns: ExportColumn<DashboardDossierRow>[] = [
    { header: t('columns.dossierCode'), value: (row) => row.code, width: 20 },
    { header: t('columns.applicantName'), value: (row) => row.applicantName, width: 26 },
    { header: t('columns.procedureCode'), value: (row) => row.procedureCode, width: 14 },
    { header: t('columns.procedureName'), value: (row) => row.procedureName, width: 50 },
    { header: t('columns.channel'), value: (row) => t(`channel.${row.channel}`), width: 12 },
    { header: t('columns.state'), value: (row) => t(`state.${row.state}`), width: 20 },
    { header: t('columns.submittedAt'), value: (row) => row.submittedAt, kind: 'datetime' },
    { header: t('columns.dueAt'), value: (row) => row.dueAt, kind: 'datetime' },
    { header: t('columns.completedAt'), value: (row) => row.completedAt, kind: 'datetime' },
    { header: t('columns.outcome'), value: (row) => (row.outcome ? t(`outcome.${row.outcome}`) : null), width: 14 },
  ]
  if (DASHBOARD_MEASURE_BASIS[measure] === 'RATED') {
    columns.push({ header: t('columns.ratingScore'), value: (row) => row.ratingScore, kind: 'integer' }, { header: t('columns.ratedAt'), value: (row) => row.ratedAt, kind: 'datetime' })
  }
  return columns
}

// ─────────────────────────────── CSV / XLSX ───────────────────────────────

/** The code of the commune of a single-commune staff member (the export's `xa` when the link left it out). */
async function ownCommuneCode(client: PrismaClient, actor: Actor): Promise<string> {
  const id = ownCommuneId(actor)
  const commune = id ? await client.commune.findUnique({ where: { id }, select: { code: true } }) : null
  if (!commune) throw new AppError('INVALID_INPUT', 'dashboard export refused', { xa: ['REQUIRED'] })
  return commune.code
}

export type DashboardExport = { stream: ReadableStream<Uint8Array>; fileName: string; format: ExportFormat; table: DashboardExportTable }

export type DashboardExportInput = { actor: Actor; query: unknown; locale?: Locale; now?: Date }

/**
 * One table of the dashboard as CSV or XLSX, streamed. Refusals (before any byte): INVALID_INPUT (field errors
 * by parameter), FORBIDDEN (no dashboard for this role), NOT_FOUND (a commune or procedure outside the reader's
 * scope, as the pages answer).
 */
export async function exportDashboardTable(client: PrismaClient, { actor, query, locale = 'vi', now = new Date() }: DashboardExportInput): Promise<DashboardExport> {
  const { params, period, sort } = parseQuery(DashboardExportQuerySchema, query, now, (value, errors) => {
    if (needsCommune(value.table) && !value.xa && !ownCommuneId(actor)) addErrors(errors, { xa: ['REQUIRED'] })
  })
  const table = params.table!
  const format = params.format!
  const communeCode = needsCommune(table) ? (params.xa ?? (await ownCommuneCode(client, actor))) : ''
  const t = translator(locale)
  const exportedAt = formatDateTime(now)
  const from = localDateText(period.from)
  const to = localDateText(period.to)
  const fileFrom = localDateText(period.from, '-')
  const fileTo = localDateText(period.to, '-')

  if (table === 'ranking') {
    const dashboard = await getProvinceDashboard(client, { actor, period, sort, now })
    const scope = dashboard.province?.name ?? t('allCommunes')
    const lines: FiguresLine[] = [
      ...dashboard.rows.map((row) => ({ rank: row.rank, code: row.communeCode, name: row.communeName, figures: row })),
      { rank: null, code: null, name: t('totals'), figures: dashboard.totals },
    ]
    return {
      table,
      format,
      fileName: t('fileName.ranking', { scope, from: fileFrom, to: fileTo }),
      stream: exportTable({ format, sheetName: t('sheet.ranking'), title: t('title.ranking', { scope, from, to, exportedAt }), columns: linesColumns(t, 'commune'), rows: lines }),
    }
  }

  if (table === 'procedures') {
    const dashboard = await getCommuneDashboard(client, { actor, communeCode, period, sort, now })
    const commune = dashboard.commune.name
    const lines: FiguresLine[] = [
      ...dashboard.rows.map((row) => ({ rank: row.rank, code: row.procedureCode, name: row.procedureName, figures: row })),
      { rank: null, code: null, name: t('totals'), figures: dashboard.figures },
    ]
    return {
      table,
      format,
      fileName: t('fileName.procedures', { commune, from: fileFrom, to: fileTo }),
      stream: exportTable({ format, sheetName: t('sheet.procedures'), title: t('title.procedures', { commune, from, to, exportedAt }), columns: linesColumns(t, 'procedure'), rows: lines }),
    }
  }

  // The dossiers behind a number: the reader's scope, the commune and the procedure are checked (and named)
  // before anything is sent; the rows then come from the keyset stream as the download is read.
  const measure = params['chi-so']!
  const opened = await openDashboardDossierStream(client, { actor, communeCode, procedureCode: params['thu-tuc'] ?? null, measure, period, now })
  const scope = opened.procedure ? `${opened.commune.name} – ${opened.procedure.code}` : opened.commune.name
  const fileScope = opened.procedure ? `${opened.commune.name} - ${opened.procedure.code}` : opened.commune.name
  const snapshot = DASHBOARD_MEASURE_BASIS[measure] === 'OPEN'
  const measureName = t(`measures.${measure}`)
  return {
    table,
    format,
    fileName: t('fileName.dossiers', {
      measure: measureName,
      scope: fileScope,
      period: snapshot ? t('fileName.dossiersNow', { day: localDateText(localToday(now), '-') }) : t('fileName.dossiersPeriod', { from: fileFrom, to: fileTo }),
    }),
    stream: exportTable({
      format,
      sheetName: t('sheet.dossiers'),
      title: t('title.dossiers', {
        measure: measureName,
        scope,
        period: snapshot ? t('title.dossiersNow', { now: exportedAt }) : t('title.dossiersPeriod', { from, to }),
        exportedAt,
      }),
      columns: dossierColumns(t, measure),
      rows: opened.rows,
    }),
  }
}

// ─────────────────────────────── PDF report ───────────────────────────────

/** The ranking's columns on paper (a landscape page holds about a dozen), besides rank and name. */
const REPORT_FIGURES: FigureKey[] = [
  'received',
  'onlineShare',
  'resolved',
  'onTimeRate',
  'resolvedLate',
  'avgProcessingWorkingDays',
  'inProgress',
  'awaitingSupplement',
  'overdueNow',
  'onlinePaymentShare',
  'satisfaction',
]

/** The totals box above the table. */
const REPORT_SUMMARY: FigureKey[] = ['received', 'onlineShare', 'resolved', 'onTimeRate', 'resolvedLate', 'inProgress', 'awaitingSupplement', 'overdueNow', 'onlinePaymentShare', 'avgProcessingWorkingDays', 'satisfaction']

const RankingReportQuerySchema = PageParamsSchema

/**
 * "Báo cáo xếp hạng xã, phường": the province's ranking in the page's order and period, as an A4 landscape PDF
 * (dashboard-report-pdf.ts) — province, period, time of generation, the province's totals, every commune (the
 * column the page is sorted by is always among the printed ones), page numbers. Same readers as the ranking.
 */
export async function renderDashboardRankingReport(
  client: PrismaClient,
  { actor, query, locale = 'vi', now = new Date() }: DashboardExportInput,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { period, sort } = parseQuery(RankingReportQuerySchema, query, now)
  const dashboard = await getProvinceDashboard(client, { actor, period, sort, now })
  const t = translator(locale)
  const language = locale === 'en' ? 'en-US' : 'vi-VN'
  const count = new Intl.NumberFormat(language, { maximumFractionDigits: 0 })
  const decimal = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const percent = new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const noData = t('report.noData')
  const kindOf = (key: FigureKey) => FIGURE_COLUMNS.find((column) => column.key === key)!.kind
  const show = (key: FigureKey, figures: DashboardFigures): string => {
    const value = figures[key]
    if (value === null) return noData
    const kind = kindOf(key)
    return kind === 'percent' ? percent.format(value) : kind === 'decimal' ? decimal.format(value) : count.format(value)
  }

  const figures = [...REPORT_FIGURES]
  if (sort.key !== 'name' && !figures.includes(sort.key)) figures.splice(1, 0, sort.key)
  const columns: ReportColumn[] = [
    { header: t('columns.rank'), width: 3.6, align: 'center' },
    { header: t('columns.communeName'), width: 13, align: 'left' },
    ...figures.map((key): ReportColumn => ({ header: t(`columns.${key}`), width: key === 'avgProcessingWorkingDays' ? 7.5 : 6, align: 'right' })),
  ]
  const scope = dashboard.province?.name ?? t('allCommunes')
  const from = localDateText(period.from)
  const to = localDateText(period.to)
  const title = t('report.title')
  const sortColumn = sort.key === 'name' ? t('columns.communeName') : t(`columns.${sort.key}`)
  const bytes = await renderTableReportPdf({
    title,
    subtitle: [
      t('report.scope', { scope }),
      t('report.period', { from, to, days: period.days }),
      t('report.generatedAt', { time: formatDateTime(now), column: sortColumn, direction: t(sort.direction === 'asc' ? 'report.ascending' : 'report.descending') }),
    ],
    summary: {
      title: t('report.totals', { scope }),
      items: [{ label: t('report.communes'), value: count.format(dashboard.rows.length) }, ...REPORT_SUMMARY.map((key) => ({ label: t(`columns.${key}`), value: show(key, dashboard.totals) }))],
    },
    columns,
    rows: dashboard.rows.map((row) => [String(row.rank), row.communeName, ...figures.map((key) => show(key, row))]),
    totalRow: ['', t('report.totalRow'), ...figures.map((key) => show(key, dashboard.totals))],
    notes: [t('report.notePeriod'), t('report.noteNow')],
    footer: t('report.footer', { title, scope, from, to }),
    pageLabel: (page, pages) => t('report.page', { page, pages }),
    language,
  })
  return { fileName: t('report.fileName', { scope, from: localDateText(period.from, '-'), to: localDateText(period.to, '-') }), bytes }
}
