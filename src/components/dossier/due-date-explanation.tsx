/**
 * <DueDateExplanation due={…} /> — why a dossier is due when it is, in a native <details>/<summary> expander
 * (works without JavaScript, keyboard and screen readers included): the receipt and where counting starts (and
 * why it moved: a same-day procedure received after the cut-off hour, or a receipt on a day off), the deadline's
 * working days, the weekends and named holidays skipped, extensions, supplement pauses, new appointments
 * (apology letters) with their reasons, and the final due date and time; then a month-like calendar of every day
 * from receipt to the due day (counted days numbered), a legend and the holidays of the period.
 *
 * Props contract:
 * - `due: DossierDueDate` — `await explainDossierDueDate(db(), { actor, dossierId: dossier.id })`
 *   (src/server/dossier/explain-dossier-due-date.ts), or `dossierDueDate({ dossier, events, calendar, now, forCitizen })`
 *   when the page has already loaded the rows;
 * - `open?: boolean` — render expanded (default: collapsed, the summary line shows the due date);
 * - `headingLevel?: 2 | 3 | 4` — level of the headings inside (default 3, under the page's section h2).
 *
 * Server component (next-intl `getTranslations`, namespace `Due`); no client JavaScript.
 */
import { getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import type { DossierDueDate } from '@/server/dossier/explain-dossier-due-date'
import type { DueChange, DueDateExplanation as Explanation, ExplainedDay } from '@/domain/calendar/explain-due-date'
import { localDateOf, weekdayOf, type LocalDate } from '@/domain/calendar/working-days'
import { formatDateTime } from '@/lib/format/date'
import { formatWorkingDuration } from './remaining-time-badge'

type Translate = Awaited<ReturnType<typeof getTranslations>>

/** A reason typed by a person, to quote inside a sentence: trimmed, without its closing full stop. */
function sentencePart(text: string): string {
  return text.trim().replace(/[.。]+$/, '')
}

/** 2026-11-24 → 24/11/2026 */
function localDateLabel(date: LocalDate): string {
  const [year, month, day] = date.split('-')
  return `${day}/${month}/${year}`
}

function Heading({ level, children, className = '' }: { level: 2 | 3 | 4; children: ReactNode; className?: string }) {
  const Tag = `h${level}` as const
  return (
    <Tag className={`text-sm font-semibold text-navy-900 ${className}`}>
      {children}
    </Tag>
  )
}

export async function DueDateExplanation({ due, open = false, headingLevel = 3 }: { due: DossierDueDate; open?: boolean; headingLevel?: 2 | 3 | 4 }) {
  const t = await getTranslations('Due.explain')
  const tDue = await getTranslations('Due')
  const weekday = (date: LocalDate) => t(`weekday.${weekdayOf(date)}`)
  /** "Thứ Tư, 25/11/2026 17:00" */
  const when = (instant: Date) => `${weekday(localDateOf(instant))}, ${formatDateTime(instant)}`
  /** "Thứ Tư, 25/11/2026" */
  const day = (date: LocalDate) => `${weekday(date)}, ${localDateLabel(date)}`

  const { explanation } = due
  if (!explanation) {
    return <p className="text-sm text-slate-700">{due.dueAt ? t('noExplanation', { due: when(due.dueAt) }) : t('notStarted')}</p>
  }

  const steps = explanationSteps({ explanation, t, tDue, when, day })
  if (!due.agreesWithDossier && due.dueAt) steps.push(t('disagrees', { due: when(due.dueAt), computed: when(explanation.dueAt) }))
  const finalDue = due.agreesWithDossier || !due.dueAt ? explanation.dueAt : due.dueAt
  const afterReceipt = explanation.days.slice(1)
  const skipped = [
    ['skippedWeekends', afterReceipt.filter((entry) => entry.status === 'WEEKEND').length],
    ['skippedHolidays', afterReceipt.filter((entry) => entry.status === 'HOLIDAY' || entry.status === 'DAY_OFF').length],
    ['skippedPaused', afterReceipt.filter((entry) => entry.pausedAllDay).length],
  ] as const
  const skippedParts = skipped.filter(([, count]) => count > 0).map(([key, count]) => t(key, { count }))
  const skippedList =
    skippedParts.length > 1 ? `${skippedParts.slice(0, -1).join(t('listSeparator'))}${t('and')}${skippedParts.at(-1)}` : (skippedParts[0] ?? '')
  const namedDays = explanation.days.filter((entry) => entry.status === 'HOLIDAY' || entry.status === 'DAY_OFF' || entry.status === 'MAKE_UP_WORKING_DAY')
  const sub = Math.min(headingLevel + 1, 4) as 3 | 4

  return (
    <details className="group rounded border border-slate-300 bg-white text-sm" open={open}>
      <summary className="cursor-pointer px-3 py-2 font-semibold text-navy-800 underline-offset-2 hover:underline">
        {explanation.pausedSince ? t('summaryPaused', { due: when(finalDue) }) : t('summary', { due: when(finalDue) })}
      </summary>
      <div className="space-y-4 border-t border-slate-200 px-3 py-3">
        <section>
          <Heading level={headingLevel}>{t('stepsHeading')}</Heading>
          <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-slate-900">
            {steps.map((step, index) => (
              <li key={index}>{step}</li>
            ))}
            <li className="font-semibold">{explanation.pausedSince ? t('finalPaused', { due: when(finalDue) }) : t('final', { due: when(finalDue) })}</li>
          </ol>
          {skippedList ? <p className="mt-2 text-slate-700">{t('skipped', { list: skippedList })}</p> : null}
        </section>

        <section>
          <Heading level={headingLevel}>{t('calendarHeading')}</Heading>
          <div className="mt-2 flex flex-wrap gap-4">
            {months(explanation.days).map((month) => (
              <MonthTable key={month.key} month={month} t={t} finalDueDate={localDateOf(finalDue)} total={explanation.workingDaysCounted} />
            ))}
          </div>
          <Heading level={sub} className="mt-3">
            {t('legendHeading')}
          </Heading>
          <ul className="mt-1 grid gap-1 sm:grid-cols-2">
            {LEGEND.filter(([key]) => legendApplies(key, explanation.days)).map(([key, className]) => (
              <li key={key} className="flex items-center gap-2">
                <span aria-hidden="true" className={`inline-block size-4 shrink-0 rounded-sm border ${className}`} />
                {t(`legend.${key}`)}
              </li>
            ))}
          </ul>
        </section>

        {namedDays.length > 0 ? (
          <section>
            <Heading level={headingLevel}>{t('holidaysHeading')}</Heading>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {namedDays.map((entry) => (
                <li key={entry.date}>
                  {t('holidayItem', {
                    date: day(entry.date),
                    name: entry.name ?? t(entry.status === 'HOLIDAY' ? 'unnamedHoliday' : entry.status === 'DAY_OFF' ? 'unnamedDayOff' : 'unnamedMakeUp'),
                  })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <p className="text-slate-600">{t('officeHours')}</p>
      </div>
    </details>
  )
}

/** The sentences of the explanation, in order (the final due line is added by the component). */
function explanationSteps({
  explanation,
  t,
  tDue,
  when,
  day,
}: {
  explanation: Explanation
  t: Translate
  tDue: Translate
  when: (instant: Date) => string
  day: (date: LocalDate) => string
}): string[] {
  const { deadline, start } = explanation
  const receiptDay = explanation.days[0]
  const steps = [
    receiptDay?.status === 'MAKE_UP_WORKING_DAY'
      ? t('receivedMakeUp', { when: when(explanation.receivedAt), name: receiptDay.name ?? t('unnamedMakeUp') })
      : t('received', { when: when(explanation.receivedAt) }),
  ]
  if (deadline.kind === 'WORKING_DAYS') {
    steps.push(start.movedBecause === 'NON_WORKING_DAY' ? t('ruleWorkingDaysNonWorking', { days: deadline.days, start: day(start.date) }) : t('ruleWorkingDays', { days: deadline.days }))
  } else if (start.movedBecause === 'AFTER_CUTOFF') {
    steps.push(t('ruleSameDayAfterCutoff', { cutoff: deadline.cutoffHour, start: day(start.date) }))
  } else if (start.movedBecause === 'NON_WORKING_DAY') {
    steps.push(t('ruleSameDayNonWorking', { cutoff: deadline.cutoffHour, start: day(start.date) }))
  } else {
    steps.push(t('ruleSameDay', { cutoff: deadline.cutoffHour }))
  }
  steps.push(t('baseDue', { due: when(explanation.dueWithoutExtensions) }))
  for (const extension of explanation.extensions) {
    const values = { days: extension.days, due: when(extension.dueAfter) }
    steps.push(extension.reason ? t('extension', { ...values, reason: sentencePart(extension.reason) }) : t('extensionNoReason', values))
  }
  if (explanation.receiptDiffersFromRule) steps.push(t('receiptRecorded', { recorded: when(explanation.dueAtReceipt), computed: when(explanation.computedDueAtReceipt) }))
  for (const change of explanation.changes) steps.push(...changeSentences(change, t, tDue, when))
  return steps
}

function changeSentences(change: DueChange, t: Translate, tDue: Translate, when: (instant: Date) => string): string[] {
  const before = when(change.dueBefore)
  const after = when(change.dueAfter)
  if (change.kind === 'RESCHEDULE') {
    const values = { at: formatDateTime(change.at), before, after }
    return [change.reason ? t('reschedule', { ...values, reason: sentencePart(change.reason) }) : t('rescheduleNoReason', values)]
  }
  const reason = change.reason ? t('pauseReason', { reason: sentencePart(change.reason) }) : t('pauseNoReason')
  const from = formatDateTime(change.from)
  const duration = formatWorkingDuration(tDue, change.workingMinutes)
  const left = formatWorkingDuration(tDue, change.workingMinutesLeft)
  if (change.ongoing) {
    if (change.lateWhenPaused) return [t('pauseOngoingLate', { from, reason, before })]
    return [duration ? t('pauseOngoing', { from, reason, duration, left }) : t('pauseOngoingNoTime', { from, reason, left })]
  }
  const to = formatDateTime(change.to!)
  const sentences = [
    change.lateWhenPaused
      ? t('pauseLate', { from, to, reason, before })
      : duration
        ? t('pause', { from, to, reason, duration, left, before, after })
        : t('pauseNoOfficeTime', { from, to, reason, after }),
  ]
  if (change.differsFromRule) sentences.push(t('pauseDiffers', { recorded: after, computed: when(change.computedDueAfter) }))
  return sentences
}

// ── Month-like calendar ──────────────────────────────────────────────────────────────────────────────────

type Month = { key: string; year: string; month: string; weeks: (ExplainedDay | null)[][] }

/** The days grouped by month, in weeks from Monday to Sunday (null: outside the explained period). */
function months(days: readonly ExplainedDay[]): Month[] {
  const byMonth = new Map<string, ExplainedDay[]>()
  for (const entry of days) {
    const key = entry.date.slice(0, 7)
    byMonth.set(key, [...(byMonth.get(key) ?? []), entry])
  }
  return [...byMonth].map(([key, monthDays]) => {
    const cells: (ExplainedDay | null)[] = Array.from({ length: (monthDays[0]!.weekday + 6) % 7 }, () => null)
    cells.push(...monthDays)
    while (cells.length % 7 !== 0) cells.push(null)
    const weeks = Array.from({ length: cells.length / 7 }, (_, index) => cells.slice(index * 7, index * 7 + 7))
    const [year = '', month = ''] = key.split('-')
    return { key, year, month, weeks }
  })
}

const ADDED = new Set(['EXTENSION', 'AFTER_PAUSE', 'RESCHEDULED', 'RECORDED'])

const LEGEND: [string, string][] = [
  ['receipt', 'border-navy-600 bg-navy-100'],
  ['counted', 'border-emerald-700 bg-emerald-50'],
  ['added', 'border-sky-700 bg-sky-50'],
  ['nonWorking', 'border-slate-400 bg-slate-100'],
  ['holiday', 'border-gov-red-700 bg-gov-red-50'],
  ['paused', 'border-2 border-dashed border-amber-600 bg-white'],
  ['pausedAllDay', 'border-2 border-dashed border-amber-600 bg-amber-50'],
  ['due', 'border-2 border-navy-900 bg-white'],
]

/** Whether a legend entry describes any of the days shown. */
function legendApplies(key: string, days: readonly ExplainedDay[]): boolean {
  switch (key) {
    case 'receipt':
      return days.some((entry) => entry.counts === 'RECEIPT')
    case 'counted':
      return days.some((entry) => entry.counts && entry.counts !== 'RECEIPT' && !ADDED.has(entry.counts))
    case 'added':
      return days.some((entry) => entry.counts && ADDED.has(entry.counts))
    case 'nonWorking':
      return days.some((entry) => entry.status === 'WEEKEND')
    case 'holiday':
      return days.some((entry) => entry.status === 'HOLIDAY' || entry.status === 'DAY_OFF')
    case 'paused':
      return days.some((entry) => entry.paused && !entry.pausedAllDay)
    case 'pausedAllDay':
      return days.some((entry) => entry.pausedAllDay)
    default:
      return true
  }
}

function cellClass(entry: ExplainedDay, isDue: boolean): string {
  let tone = 'border-slate-200 bg-white text-slate-700'
  if (entry.counts === 'RECEIPT') tone = 'border-navy-600 bg-navy-100 text-navy-900'
  else if (entry.counts && ADDED.has(entry.counts)) tone = 'border-sky-700 bg-sky-50 text-sky-950'
  else if (entry.counts) tone = 'border-emerald-700 bg-emerald-50 text-emerald-950'
  else if (entry.pausedAllDay) tone = 'border-amber-600 bg-amber-50 text-amber-950'
  else if (entry.status === 'WEEKEND') tone = 'border-slate-300 bg-slate-100 text-slate-600'
  else if (entry.status === 'HOLIDAY' || entry.status === 'DAY_OFF') tone = 'border-gov-red-700 bg-gov-red-50 text-gov-red-800'
  const paused = entry.paused ? ' outline-2 outline-dashed outline-amber-600 -outline-offset-4' : ''
  const due = isDue ? ' ring-2 ring-navy-900 font-bold' : ''
  return `h-12 w-12 rounded-sm border p-0.5 align-top text-center${paused}${due} ${tone}`
}

function MonthTable({ month, t, finalDueDate, total }: { month: Month; t: Translate; finalDueDate: LocalDate; total: number }) {
  const order = [1, 2, 3, 4, 5, 6, 0]
  return (
    <table className="border-separate border-spacing-1 text-xs">
      <caption className="pb-1 text-left font-semibold text-navy-900">{t('month', { month: month.month, year: month.year })}</caption>
      <thead>
        <tr>
          {order.map((weekday) => (
            <th key={weekday} scope="col" className="w-12 font-semibold text-slate-700">
              <abbr title={t(`weekday.${weekday}`)} className="no-underline">
                {t(`weekdayShort.${weekday}`)}
              </abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {month.weeks.map((week, index) => (
          <tr key={index}>
            {week.map((entry, column) =>
              entry ? <DayCell key={entry.date} entry={entry} t={t} isDue={entry.date === finalDueDate} total={total} /> : <td key={`empty-${column}`} className="h-12 w-12" />,
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function DayCell({ entry, t, isDue, total }: { entry: ExplainedDay; t: Translate; isDue: boolean; total: number }) {
  const description = [
    `${t(`weekday.${entry.weekday}`)} ${localDateLabel(entry.date)}`,
    entry.name,
    dayDescription(entry, t, total),
    entry.status === 'MAKE_UP_WORKING_DAY' && !entry.name ? t('day.makeUp') : null,
    entry.paused && !entry.pausedAllDay ? t('day.paused') : null,
    isDue ? t('day.due') : null,
  ]
    .filter(Boolean)
    .join(' · ')
  let short: string
  if (isDue) short = t('cell.due')
  else if (entry.counts === 'RECEIPT') short = t('cell.receipt')
  else if (entry.ordinal) short = t('cell.counted', { n: entry.ordinal })
  else if (entry.pausedAllDay) short = t('cell.pausedAllDay')
  else if (entry.status === 'WEEKEND') short = t('cell.weekend')
  else if (entry.status === 'HOLIDAY') short = t('cell.holiday')
  else if (entry.status === 'DAY_OFF') short = t('cell.dayOff')
  else short = ''
  return (
    <td className={cellClass(entry, isDue)} title={description}>
      <span aria-hidden="true" className="block text-sm leading-5">
        {Number(entry.date.slice(8))}
      </span>
      <span aria-hidden="true" className="block truncate text-[0.65rem] leading-4">
        {short}
      </span>
      <span className="sr-only">{description}</span>
    </td>
  )
}

function dayDescription(entry: ExplainedDay, t: Translate, total: number): string {
  switch (entry.counts) {
    case 'RECEIPT':
      return t('day.RECEIPT')
    case 'SAME_DAY':
      return t('day.SAME_DAY')
    case 'DEADLINE':
      return t('day.DEADLINE', { n: `${entry.ordinal}/${total}` })
    case 'EXTENSION':
    case 'AFTER_PAUSE':
    case 'RESCHEDULED':
    case 'RECORDED':
      return t(`day.${entry.counts}`, { n: entry.ordinal ?? '' })
    case null:
      if (entry.pausedAllDay) return t('day.pausedAllDay')
      if (entry.status === 'WORKING_DAY' || entry.status === 'MAKE_UP_WORKING_DAY') return t('day.notCounted')
      return t(`day.${entry.status}`)
  }
}
