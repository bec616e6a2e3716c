/**
 * <RemainingTimeBadge remaining={…} /> — how a dossier stands against its due date, in working time, coloured:
 * on time (green), due soon = due within one working day (amber), overdue (red), paused (grey, "Tạm dừng"),
 * completed early / on time (green) or late (red), clock not started (grey). The status is always written out,
 * never shown by colour alone; the due date and time are in the `title` (hover).
 *
 * Props contract:
 * - `remaining: RemainingTime` (src/domain/calendar/remaining-time.ts):
 *   - one dossier: `(await explainDossierDueDate(db(), { actor, dossierId })).remaining`
 *     (src/server/dossier/explain-dossier-due-date.ts);
 *   - a list/queue: load the calendar once (`loadWorkingCalendar(db(), now)`) and per row call
 *     `remainingTime({ now, dueAt, clockPausedAt, completedAt, outcome, calendar })` on the row's Dossier columns.
 *
 * Server component (next-intl `getTranslations`, namespace `Due`); no client JavaScript.
 */
import { getTranslations } from 'next-intl/server'
import { splitWorkingMinutes, type RemainingStatus, type RemainingTime } from '@/domain/calendar/remaining-time'
import { localDateOf, weekdayOf } from '@/domain/calendar/working-days'
import { formatDateTime } from '@/lib/format/date'

type Tone = 'green' | 'amber' | 'red' | 'grey'

const TONES: Record<Tone, string> = {
  green: 'border-emerald-700 bg-emerald-50 text-emerald-900',
  amber: 'border-amber-600 bg-amber-50 text-amber-950',
  red: 'border-gov-red-700 bg-gov-red-50 text-gov-red-800',
  grey: 'border-slate-500 bg-slate-100 text-slate-800',
}

const DOTS: Record<Tone, string> = {
  green: 'bg-emerald-700',
  amber: 'bg-amber-600',
  red: 'bg-gov-red-700',
  grey: 'bg-slate-500',
}

const STATUS_TONES: Record<RemainingStatus, Tone> = {
  ON_TIME: 'green',
  DUE_SOON: 'amber',
  OVERDUE: 'red',
  PAUSED: 'grey',
  DONE_EARLY: 'green',
  DONE_ON_TIME: 'green',
  DONE_LATE: 'red',
  NOT_STARTED: 'grey',
}

type Translate = Awaited<ReturnType<typeof getTranslations>>

/** "2 ngày 3 giờ", "5 giờ 30 phút", "45 phút"; empty for no time at all. */
export function formatWorkingDuration(t: Translate, workingMinutes: number): string {
  const { days, hours, minutes } = splitWorkingMinutes(workingMinutes)
  const parts =
    days > 0
      ? [t('duration.days', { count: days }), hours > 0 ? t('duration.hours', { count: hours }) : null]
      : [hours > 0 ? t('duration.hours', { count: hours }) : null, minutes > 0 ? t('duration.minutes', { count: minutes }) : null]
  return parts.filter(Boolean).join(' ')
}

function label(t: Translate, remaining: RemainingTime): string {
  const duration = formatWorkingDuration(t, remaining.workingMinutes)
  switch (remaining.status) {
    case 'DONE_ON_TIME':
    case 'NOT_STARTED':
      return t(`badge.${remaining.status}`)
    case 'PAUSED':
      if (remaining.workingMinutes < 0) return t('badge.PAUSED_LATE', { duration })
      return duration ? t('badge.PAUSED', { duration }) : t('badge.PAUSED_plain')
    default:
      return duration ? t(`badge.${remaining.status}`, { duration }) : t(`badge.${remaining.status}_plain`)
  }
}

export async function RemainingTimeBadge({ remaining }: { remaining: RemainingTime }) {
  const t = await getTranslations('Due')
  const tone = STATUS_TONES[remaining.status]
  const due = remaining.dueAt
  const title = due ? t('badge.title', { due: `${t(`explain.weekday.${weekdayOf(localDateOf(due))}`)}, ${formatDateTime(due)}` }) : t('badge.titleNotStarted')
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${TONES[tone]}`}
      title={title}
      data-status={remaining.status}
    >
      <span aria-hidden="true" className={`inline-block size-2 shrink-0 rounded-full ${DOTS[tone]}`} />
      {label(t, remaining)}
    </span>
  )
}
