import { lunarNewYear, lunarToSolar } from './lunar'
import { addCalendarDays, isWeekend, weekdayOf, workingCalendar, type CalendarException, type LocalDate, type NamedWorkingCalendar } from './working-days'

/**
 * The public holidays that follow from the Labour Code 2019 (45/2019/QH14) alone, for years without an
 * official notice loaded yet (shared/data/holidays.md):
 *
 * - art. 112(1)(a) Tết Dương lịch, 1 January;
 * - art. 112(1)(b) Tết Âm lịch, 5 days. The Prime Minister fixes the days each year (art. 112(3)); the default
 *   here is what the yearly decisions usually give: the last day of the lunar year (29 or 30 tháng Chạp) and
 *   mùng 1 to mùng 4 Tết;
 * - art. 112(1)(c) Ngày Chiến thắng, 30 April; (d) Ngày Quốc tế lao động, 1 May;
 * - art. 112(1)(đ) Quốc khánh, 2 September and one adjacent day before or after, also fixed by the Prime Minister
 *   (art. 112(3)); the default here is 1 September, the day chosen in 2025 and 2026;
 * - art. 112(1)(e) Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month;
 * - Ngày Văn hóa Việt Nam, 24 November, from 1 July 2026 (Resolution 28/2026/QH16, reported: holidays.md §1);
 * - art. 111(3) nghỉ bù: a holiday that falls on the weekly rest day (Saturday or Sunday for state offices)
 *   gives the next working day off, as a DAY_OFF. Consecutive weekend holidays take consecutive days.
 *
 * The swaps (hoán đổi) and make-up Saturdays of civil servants are decided each year and cannot be derived:
 * they come only from the administrators' CalendarDay rows, which win over these defaults (see
 * `buildWorkingCalendar`).
 */
export function statutoryHolidays(year: number): CalendarException[] {
  if (!Number.isInteger(year) || year < 1801 || year > 2199) throw new RangeError(`Year out of range: ${year}`)
  const pad = (n: number) => String(n).padStart(2, '0')
  const solar = (month: number, day: number): LocalDate => `${year}-${pad(month)}-${pad(day)}`

  const tet = lunarNewYear(year)
  const holidays: CalendarException[] = [
    { date: solar(1, 1), kind: 'HOLIDAY', name: 'Tết Dương lịch' },
    { date: addCalendarDays(tet, -1), kind: 'HOLIDAY', name: 'Tết Nguyên đán (ngày cuối năm âm lịch)' },
    { date: tet, kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 1 Tết)' },
    { date: addCalendarDays(tet, 1), kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 2 Tết)' },
    { date: addCalendarDays(tet, 2), kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 3 Tết)' },
    { date: addCalendarDays(tet, 3), kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 4 Tết)' },
    { date: lunarToSolar({ day: 10, month: 3, year }), kind: 'HOLIDAY', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: solar(4, 30), kind: 'HOLIDAY', name: 'Ngày Chiến thắng' },
    { date: solar(5, 1), kind: 'HOLIDAY', name: 'Ngày Quốc tế lao động' },
    { date: solar(9, 1), kind: 'HOLIDAY', name: 'Quốc khánh (ngày liền kề)' },
    { date: solar(9, 2), kind: 'HOLIDAY', name: 'Quốc khánh' },
  ]
  if (year >= 2026) holidays.push({ date: solar(11, 24), kind: 'HOLIDAY', name: 'Ngày Văn hóa Việt Nam' })
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))

  const taken = new Set(holidays.map((holiday) => holiday.date))
  const substitutes: CalendarException[] = []
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) continue
    let day = addCalendarDays(holiday.date, 1)
    while (isWeekend(day) || taken.has(day)) day = addCalendarDays(day, 1)
    taken.add(day)
    substitutes.push({ date: day, kind: 'DAY_OFF', name: `Nghỉ bù ${holiday.name} (trùng ${isSunday(holiday.date) ? 'Chủ nhật' : 'thứ Bảy'})` })
  }
  return [...holidays, ...substitutes].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

function isSunday(date: LocalDate): boolean {
  return weekdayOf(date) === 0
}

export type BuildCalendarInput = {
  /** Solar years whose statutory holidays are added. */
  years: Iterable<number>
  /** The administrators' CalendarDay rows (official notices: swaps, make-up Saturdays, the Tết days…). */
  adminExceptions?: Iterable<CalendarException>
  /**
   * Years whose official notice is fully loaded in `adminExceptions`: no statutory default is added for them,
   * so a default substitute day the notice did not grant cannot linger. Empty by default.
   */
  completeYears?: Iterable<number>
}

/**
 * The working calendar of `years`: the statutory holidays (`statutoryHolidays`) merged with the administrators'
 * rows. On the same date the administrators' row wins, since it carries the official notice (e.g. 2026:
 * Friday 02/01 swapped, Saturday 10/01 and 22/08 made working days). Admin rows outside `years` are kept.
 */
export function buildWorkingCalendar({ years, adminExceptions = [], completeYears = [] }: BuildCalendarInput): NamedWorkingCalendar {
  const complete = new Set(completeYears)
  const statutory = [...new Set(years)].filter((year) => !complete.has(year)).flatMap(statutoryHolidays)
  return workingCalendar([...statutory, ...adminExceptions])
}
