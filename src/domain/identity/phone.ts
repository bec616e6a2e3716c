/**
 * Vietnamese mobile numbers: 10 digits starting 03, 05, 07, 08 or 09 (the prefixes in use since the 2018
 * renumbering), written with or without spaces, dots or dashes, or with the +84 / 84 country code.
 * Returns the national form "0xxxxxxxxx", or null when it is not a mobile number.
 */
export function normalizeVietnamesePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.\-()]/g, '')
  const national = compact.startsWith('+84') ? `0${compact.slice(3)}` : /^84\d{9}$/.test(compact) ? `0${compact.slice(2)}` : compact
  return /^0[35789]\d{8}$/.test(national) ? national : null
}
