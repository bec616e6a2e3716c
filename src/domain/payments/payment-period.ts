import { z } from 'zod'
import { addCalendarDays, localDateOf, localInstant, type LocalDate } from '@/domain/calendar/working-days'

/**
 * The period a commune's payments are reported and exported for: whole days of Vietnam's calendar, from
 * `from` to `to` inclusive, written dd/MM/yyyy in forms and URLs (yyyy-MM-dd is accepted too). Without dates
 * the period is the current month (in Vietnam, whatever the server's zone). A period runs at most
 * PAYMENT_PERIOD_MAX_DAYS days, so a report or an export stays bounded.
 *
 * As instants: [fromInstant, toInstant) with toInstant the midnight (Vietnam) after `to`.
 */
export const PAYMENT_PERIOD_MAX_DAYS = 366

export type PaymentPeriod = {
  from: LocalDate
  to: LocalDate
  fromInstant: Date
  /** Exclusive: local midnight after `to`. */
  toInstant: Date
}

export type PaymentPeriodError = 'INVALID_DATE' | 'FROM_AFTER_TO' | 'TOO_LONG'

export type PaymentPeriodResult =
  | { ok: true; period: PaymentPeriod }
  /** The errors by field, and the default period to show meanwhile. */
  | { ok: false; errors: Partial<Record<'from' | 'to', PaymentPeriodError>>; period: PaymentPeriod }

const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** dd/MM/yyyy (or yyyy-MM-dd) → a calendar date 'yyyy-MM-dd', or null when it is no date (31/02/2026). */
export function parseDayMonthYear(text: string): LocalDate | null {
  const trimmed = text.trim()
  const dmy = DAY_MONTH_YEAR.exec(trimmed)
  const iso = dmy ? null : ISO_DATE.exec(trimmed)
  const parts = dmy ? { year: dmy[3]!, month: dmy[2]!, day: dmy[1]! } : iso ? { year: iso[1]!, month: iso[2]!, day: iso[3]! } : null
  if (!parts) return null
  const date = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`
  const year = Number(parts.year)
  if (year < 2000 || year > 2999) return null
  const check = new Date(`${date}T00:00:00Z`)
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === date ? date : null
}

/** 'yyyy-MM-dd' → 'dd/MM/yyyy'. */
export function formatLocalDate(date: LocalDate): string {
  const [year, month, day] = date.split('-')
  return `${day}/${month}/${year}`
}

function periodOf(from: LocalDate, to: LocalDate): PaymentPeriod {
  return { from, to, fromInstant: localInstant(from, 0), toInstant: localInstant(addCalendarDays(to, 1), 0) }
}

function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** The month of `now` in Vietnam, first to last day. */
export function monthPeriod(now: Date, monthsBack = 0): PaymentPeriod {
  const today = localDateOf(now)
  const [year, month] = today.split('-').map(Number) as [number, number]
  const first = new Date(Date.UTC(year, month - 1 - monthsBack, 1))
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0))
  return periodOf(first.toISOString().slice(0, 10), last.toISOString().slice(0, 10))
}

/** Today in Vietnam, as a one-day period. */
export function dayPeriod(now: Date): PaymentPeriod {
  const today = localDateOf(now)
  return periodOf(today, today)
}

/** The dates as a URL or a form carries them; empty or missing means "not given". */
export const PaymentPeriodQuerySchema = z.object({
  from: z.string().max(20).optional().catch(undefined),
  to: z.string().max(20).optional().catch(undefined),
})

/**
 * The period asked for. Missing dates default to the current month's bounds (one date given: the other
 * bound of that date's month). Bad dates, a start after the end or a period longer than the limit are
 * errors by field, with the current month to show meanwhile.
 */
export function resolvePaymentPeriod(query: unknown, now: Date): PaymentPeriodResult {
  const parsed = PaymentPeriodQuerySchema.safeParse(query)
  const data = parsed.success ? parsed.data : {}
  const fallback = monthPeriod(now)
  const text = { from: data.from?.trim() ?? '', to: data.to?.trim() ?? '' }
  const from = text.from === '' ? null : parseDayMonthYear(text.from)
  const to = text.to === '' ? null : parseDayMonthYear(text.to)
  const errors: Partial<Record<'from' | 'to', PaymentPeriodError>> = {}
  if (text.from !== '' && !from) errors.from = 'INVALID_DATE'
  if (text.to !== '' && !to) errors.to = 'INVALID_DATE'
  if (errors.from || errors.to) return { ok: false, errors, period: fallback }

  const start = from ?? (to ? `${to.slice(0, 8)}01` : fallback.from)
  const end = to ?? (from ? monthPeriod(localInstant(from, 12)).to : fallback.to)
  if (start > end) return { ok: false, errors: { to: 'FROM_AFTER_TO' }, period: fallback }
  if (daysBetween(start, end) + 1 > PAYMENT_PERIOD_MAX_DAYS) return { ok: false, errors: { to: 'TOO_LONG' }, period: fallback }
  return { ok: true, period: periodOf(start, end) }
}

