/**
 * Dates are stored in UTC and always shown in Vietnam's time zone, as dd/MM/yyyy (and HH:mm), whatever the
 * server's or the browser's own time zone.
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh'

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

function vietnamParts(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date')
  const found = { year: '', month: '', day: '', hour: '', minute: '' }
  for (const part of parts.formatToParts(date)) {
    if (part.type in found) found[part.type as keyof typeof found] = part.value
  }
  return found
}

/** 24/11/2026 */
export function formatDate(date: Date): string {
  const { day, month, year } = vietnamParts(date)
  return `${day}/${month}/${year}`
}

/** 24/11/2026 15:30 */
export function formatDateTime(date: Date): string {
  const { day, month, year, hour, minute } = vietnamParts(date)
  return `${day}/${month}/${year} ${hour}:${minute}`
}
