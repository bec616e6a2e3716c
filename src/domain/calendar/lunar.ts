import type { LocalDate } from './working-days'

/**
 * Vietnamese lunar ↔ solar (Gregorian) dates, by Hồ Ngọc Đức's public algorithm ("Thuật toán tính âm lịch",
 * https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html): new moons and solar terms from Jean Meeus's
 * "Astronomical Algorithms", evaluated in the time zone UTC+7. The Vietnamese calendar uses UTC+7 while the
 * Chinese one uses UTC+8, so a new moon that falls between 23:00 and 24:00 Beijing time starts the month a day
 * earlier in Vietnam: Tết 1985 (21/01 in Vietnam, 20/02 in China) and 2007 (17/02 vs 18/02) differ.
 *
 * Implemented here rather than taken from npm: the Vietnamese packages in the registry are young single releases
 * or untyped, Chinese ones use UTC+8, and the algorithm is about a hundred lines with no data table.
 *
 * Checked (lunar.test.ts) against published Tết and Giỗ Tổ dates, and once, day by day, against Hồ Ngọc Đức's
 * own precomputed tables (as shipped by @dqcai/vn-lunar 1.0.1): identical for every day from 1968 to 2053.
 * Before 1968 Vietnam still followed the UTC+8 calendar, which those tables reproduce and this module does not;
 * after 2053 a few months whose new moon falls within minutes of local midnight differ by one day, the limit of
 * the short astronomical series. Accepts years 1800–2199; rely on it for holidays from 1968 to 2053.
 */
export type LunarDate = {
  /** 1–30 */
  day: number
  /** 1–12 */
  month: number
  /** The lunar year, named by the solar year in which its mùng 1 Tết falls. */
  year: number
  /** True for the intercalary (nhuận) month that repeats `month`. */
  leap: boolean
}

const VIETNAM_TIME_ZONE = 7
const SYNODIC_MONTH = 29.530588853
/** Julian day number of the new moon of 1900-01-01 (k = 0 in Meeus's numbering used below). */
const K0 = 2415021.076998695
const JD_OF_UNIX_EPOCH = 2440588
const DAY_MS = 86_400_000
const { floor, sin, PI } = Math

function julianDay(day: number, month: number, year: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS + JD_OF_UNIX_EPOCH
}

function fromJulianDay(jd: number): LocalDate {
  return new Date((jd - JD_OF_UNIX_EPOCH) * DAY_MS).toISOString().slice(0, 10)
}

/** Julian date (fractional, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85
  const T2 = T * T
  const T3 = T2 * T
  const dr = PI / 180
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3
  jd1 += 0.00033 * sin((166.56 + 132.87 * T - 0.009173 * T2) * dr)
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3
  let C1 = (0.1734 - 0.000393 * T) * sin(M * dr) + 0.0021 * sin(2 * dr * M)
  C1 = C1 - 0.4068 * sin(Mpr * dr) + 0.0161 * sin(dr * 2 * Mpr)
  C1 = C1 - 0.0004 * sin(dr * 3 * Mpr)
  C1 = C1 + 0.0104 * sin(dr * 2 * F) - 0.0051 * sin(dr * (M + Mpr))
  C1 = C1 - 0.0074 * sin(dr * (M - Mpr)) + 0.0004 * sin(dr * (2 * F + M))
  C1 = C1 - 0.0004 * sin(dr * (2 * F - M)) - 0.0006 * sin(dr * (2 * F + Mpr))
  C1 = C1 + 0.001 * sin(dr * (2 * F - Mpr)) + 0.0005 * sin(dr * (2 * Mpr + M))
  const deltaT =
    T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2
  return jd1 + C1 - deltaT
}

/** Sun's apparent longitude (radians, 0–2π) at a Julian date (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525
  const T2 = T * T
  const dr = PI / 180
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * sin(dr * M)
  DL = DL + (0.019993 - 0.000101 * T) * sin(dr * 2 * M) + 0.00029 * sin(dr * 3 * M)
  const L = (L0 + DL) * dr
  return L - PI * 2 * floor(L / (PI * 2))
}

/** The major solar term (0–11, 30° each from the spring equinox) in effect at the start of a local day. */
function solarTerm(dayNumber: number): number {
  return floor((sunLongitude(dayNumber - 0.5 - VIETNAM_TIME_ZONE / 24) / PI) * 6)
}

/** Julian day number of the local day of the k-th new moon. */
function newMoonDay(k: number): number {
  return floor(newMoon(k) + 0.5 + VIETNAM_TIME_ZONE / 24)
}

/** Start of the 11th lunar month (the one holding the winter solstice) of solar year `year`. */
function lunarMonth11(year: number): number {
  const k = floor((julianDay(31, 12, year) - 2415021) / SYNODIC_MONTH)
  const start = newMoonDay(k)
  return solarTerm(start) >= 9 ? newMoonDay(k - 1) : start
}

/** Offset, counted from month 11 at `a11`, of the leap month of a 13-month lunar year. */
function leapMonthOffset(a11: number): number {
  const k = floor((a11 - K0) / SYNODIC_MONTH + 0.5)
  let i = 1
  let arc = solarTerm(newMoonDay(k + i))
  let last: number
  do {
    last = arc
    i++
    arc = solarTerm(newMoonDay(k + i))
  } while (arc !== last && i < 14)
  return i - 1
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1800 || year > 2199) throw new RangeError(`Lunar calendar supports 1800–2199: ${year}`)
}

/** The Vietnamese lunar date of a solar (Gregorian) date 'yyyy-mm-dd'. */
export function solarToLunar(date: LocalDate): LunarDate {
  const match = LOCAL_DATE.exec(date)
  if (!match) throw new RangeError(`Not a yyyy-mm-dd date: ${date}`)
  const [yy, mm, dd] = [Number(match[1]), Number(match[2]), Number(match[3])]
  checkYear(yy)
  const dayNumber = julianDay(dd, mm, yy)
  if (fromJulianDay(dayNumber) !== date) throw new RangeError(`Not a calendar date: ${date}`)
  const k = floor((dayNumber - K0) / SYNODIC_MONTH)
  let monthStart = newMoonDay(k + 1)
  if (monthStart > dayNumber) monthStart = newMoonDay(k)
  let a11 = lunarMonth11(yy)
  let b11 = a11
  let year: number
  if (a11 >= monthStart) {
    year = yy
    a11 = lunarMonth11(yy - 1)
  } else {
    year = yy + 1
    b11 = lunarMonth11(yy + 1)
  }
  const day = dayNumber - monthStart + 1
  const diff = floor((monthStart - a11) / 29)
  let leap = false
  let month = diff + 11
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11)
    if (diff >= leapDiff) {
      month = diff + 10
      if (diff === leapDiff) leap = true
    }
  }
  if (month > 12) month -= 12
  if (month >= 11 && diff < 4) year -= 1
  return { day, month, year, leap }
}

/**
 * The solar date of a Vietnamese lunar date. Throws for a leap month the year does not have, or a day 30 in a
 * 29-day month.
 */
export function lunarToSolar({ day, month, year, leap = false }: Omit<LunarDate, 'leap'> & { leap?: boolean }): LocalDate {
  checkYear(year)
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Lunar month must be 1–12: ${month}`)
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`Lunar day must be 1–30: ${day}`)
  const [a11, b11] = month < 11 ? [lunarMonth11(year - 1), lunarMonth11(year)] : [lunarMonth11(year), lunarMonth11(year + 1)]
  let offset = month - 11
  if (offset < 0) offset += 12
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11)
    let leapMonth = leapOffset - 2
    if (leapMonth < 0) leapMonth += 12
    if (leap && month !== leapMonth) throw new RangeError(`Lunar year ${year} has no leap month ${month}`)
    if (leap || offset >= leapOffset) offset += 1
  } else if (leap) {
    throw new RangeError(`Lunar year ${year} has no leap month`)
  }
  const k = floor(0.5 + (a11 - K0) / SYNODIC_MONTH)
  const monthStart = newMoonDay(k + offset)
  const result = fromJulianDay(monthStart + day - 1)
  if (day === 30 && newMoonDay(k + offset + 1) === monthStart + 29) {
    throw new RangeError(`Lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has 29 days`)
  }
  return result
}

/** Mùng 1 Tết (1/1 lunar) of the lunar year that starts in solar year `year`. */
export function lunarNewYear(year: number): LocalDate {
  return lunarToSolar({ day: 1, month: 1, year })
}
