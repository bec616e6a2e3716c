import { formatDate, formatDateTime } from '@/lib/format/date'

const KIND_PREFIX = /^(xã|phường|thị trấn)\s+/iu

/**
 * The ways a form names the commune, from `Commune.name` as stored ("Phường Thành Vinh", "Xã Nghi Lộc",
 * both with the kind first):
 * - `upper`: "PHƯỜNG THÀNH VINH", in the issuing-unit block;
 * - `inSentence`: "phường Thành Vinh", after "Ủy ban nhân dân" in running text;
 * - `place`: "Thành Vinh", the place of the date line (the kind is not repeated there).
 */
export function communeNames(name: string): { upper: string; inSentence: string; place: string } {
  const trimmed = name.normalize('NFC').trim().replace(/\s+/g, ' ')
  const prefix = KIND_PREFIX.exec(trimmed)
  const place = prefix ? trimmed.slice(prefix[0].length) : trimmed
  const inSentence = prefix ? `${prefix[1]!.toLocaleLowerCase('vi')} ${place}` : trimmed
  return { upper: trimmed.toLocaleUpperCase('vi'), inSentence, place }
}

/** "Thành Vinh, ngày 24 tháng 11 năm 2026": the day in Vietnam, whatever the server's time zone. */
export function placeAndDate(place: string, date: Date): string {
  const [day, month, year] = formatDate(date).split('/')
  return `${place}, ngày ${day} tháng ${month} năm ${year}`
}

/** "15 giờ 05 phút, ngày 24/11/2026" in Vietnam's time. */
export function timeAndDate(date: Date): string {
  const [day, time] = formatDateTime(date).split(' ')
  const [hour, minute] = (time ?? '').split(':')
  return `${hour} giờ ${minute} phút, ngày ${day}`
}
