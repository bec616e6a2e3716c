/**
 * Money is integer VND (no minor unit). Shown the Vietnamese way in both languages, "8.000 ₫" in Vietnamese
 * and "8,000 ₫" in English: the amount is grouped by the locale, the đồng sign follows after a no-break space.
 */
const NO_BREAK_SPACE = '\u00a0'

const groupers = new Map<string, Intl.NumberFormat>()

function grouper(locale: string): Intl.NumberFormat {
  let format = groupers.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 0 })
    groupers.set(locale, format)
  }
  return format
}

export function formatVnd(amount: number, locale: string = 'vi'): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`VND amounts are integers, got ${amount}`)
  return `${grouper(locale).format(amount)}${NO_BREAK_SPACE}₫`
}
