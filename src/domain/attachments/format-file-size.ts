/** A file size for people: "820 KB", "1,5 MB" in Vietnamese, "1.5 MB" in English (1 KB = 1024 bytes). */
const formats = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: string): Intl.NumberFormat {
  let format = formats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 })
    formats.set(locale, format)
  }
  return format
}

export function formatFileSize(bytes: number, locale: string = 'vi'): string {
  const format = numberFormat(locale)
  if (bytes < 1024) return `${format.format(bytes)} B`
  // Below 1023.5 KB, so that rounding never shows "1.024 KB".
  if (bytes < 1024 * 1024 - 512) return `${format.format(bytes < 10 * 1024 ? Math.round((bytes / 1024) * 10) / 10 : Math.round(bytes / 1024))} KB`
  return `${format.format(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`
}
