/**
 * An integer VND amount in Vietnamese words, as printed on receipts under the amount in figures:
 * 125 000 → "Một trăm hai mươi lăm nghìn đồng".
 *
 * Reading rules, per three-digit group:
 * - "mười" for ten, "mươi" for the other tens ("hai mươi");
 * - units after a ten: 1 is "mốt" after "mươi" ("hai mươi mốt") but "một" after "mười" ("mười một"),
 *   5 is "lăm" after any ten ("mười lăm", "hai mươi lăm"), 4 is "tư" after "mươi" ("hai mươi tư"),
 *   "bốn" elsewhere ("mười bốn");
 * - a unit after zero tens is read with "linh" ("một trăm linh năm");
 * - a group after a higher non-zero group is read in full, "không trăm" included
 *   ("một triệu không trăm linh năm"); an all-zero group is skipped;
 * - scales nghìn, triệu, tỷ; above a thousand tỷ the count of tỷ is itself read ("năm nghìn tỷ").
 */
export const MAX_VND_IN_WORDS = 999_999_999_999_999

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const
const GROUP_SCALES = ['', 'nghìn', 'triệu'] as const
const BILLION = 1_000_000_000

export function vndInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_VND_IN_WORDS) {
    throw new RangeError(`expected an integer VND amount from 0 to ${MAX_VND_IN_WORDS}, got ${amount}`)
  }
  const words = amount === 0 ? digit(0) : readNumber(amount, false)
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} đồng`
}

/** `full`: a non-zero part was read before this one, so leading zero hundreds are spoken. */
function readNumber(value: number, full: boolean): string {
  if (value >= BILLION) {
    const billions = Math.floor(value / BILLION)
    const rest = value % BILLION
    const head = `${readNumber(billions, full)} tỷ`
    return rest === 0 ? head : `${head} ${readNumber(rest, true)}`
  }
  const groups = [Math.floor(value / 1_000_000), Math.floor(value / 1_000) % 1_000, value % 1_000]
  const parts: string[] = []
  let spoken = full
  groups.forEach((group, index) => {
    if (group === 0) return
    const scale = GROUP_SCALES[groups.length - 1 - index]
    parts.push(scale ? `${readGroup(group, spoken)} ${scale}` : readGroup(group, spoken))
    spoken = true
  })
  return parts.join(' ')
}

function digit(value: number): string {
  const word = DIGITS[value]
  if (word === undefined) throw new RangeError(`not a digit: ${value}`)
  return word
}

/** One group of three digits, 1–999. */
function readGroup(group: number, full: boolean): string {
  const hundreds = Math.floor(group / 100)
  const tens = Math.floor(group / 10) % 10
  const units = group % 10
  const words: string[] = []
  const hundredsSpoken = full || hundreds > 0
  if (hundredsSpoken) words.push(digit(hundreds), 'trăm')

  if (tens === 0) {
    if (units > 0) {
      if (hundredsSpoken) words.push('linh')
      words.push(digit(units))
    }
  } else if (tens === 1) {
    words.push('mười')
    if (units === 5) words.push('lăm')
    else if (units > 0) words.push(digit(units))
  } else {
    words.push(digit(tens), 'mươi')
    if (units === 1) words.push('mốt')
    else if (units === 4) words.push('tư')
    else if (units === 5) words.push('lăm')
    else if (units > 0) words.push(digit(units))
  }
  return words.join(' ')
}
