import { BIRTH_REGISTRATION_PROVINCES, isBirthRegistrationProvinceCode, type BirthRegistrationProvinceCode } from './birth-registration-provinces'

/**
 * The 12-digit personal identification number (số định danh cá nhân) printed on the citizen identity card
 * (CCCD), as laid out by Circular 07/2016/TT-BCA art. 7 (kept by Circular 59/2021/TT-BCA):
 *
 *   PPP G YY NNNNNN
 *   PPP    code of the province where the birth was registered (birth-registration-provinces.ts)
 *   G      century of birth and gender: even = male, odd = female;
 *          0/1 = 1900–1999, 2/3 = 2000–2099, 4/5 = 2100–2199, 6/7 = 2200–2299, 8/9 = 2300–2399
 *   YY     last two digits of the year of birth
 *   NNNNNN a random sequence
 *
 * Note: 8/9 is the 24th century in the circular (2300–2399), not the 19th — nobody born before 1900 has
 * such a number.
 */

export type CitizenGender = 'MALE' | 'FEMALE'

export const CITIZEN_ID_ERRORS = ['FORMAT', 'PROVINCE', 'CENTURY_GENDER_MISMATCH', 'BIRTH_YEAR_MISMATCH'] as const
/**
 * FORMAT: not 12 digits. PROVINCE: the first three digits are not a birth-registration province code.
 * CENTURY_GENDER_MISMATCH: the 4th digit disagrees with the declared gender or the century of the declared
 * birth date. BIRTH_YEAR_MISMATCH: the 5th and 6th digits are not the last two of the declared birth year.
 */
export type CitizenIdError = (typeof CITIZEN_ID_ERRORS)[number]

export type CitizenIdInfo = {
  provinceCode: BirthRegistrationProvinceCode
  provinceName: string
  gender: CitizenGender
  birthYear: number
}

export type CitizenIdValidation = { ok: true; info: CitizenIdInfo } | { ok: false; errors: CitizenIdError[] }

/** First year of the century the 4th digit stands for: 0/1 → 1900, 2/3 → 2000, … 8/9 → 2300. */
const centuryStart = (digit: number) => 1900 + Math.floor(digit / 2) * 100

export const CITIZEN_ID_FIRST_BIRTH_YEAR = 1900
export const CITIZEN_ID_LAST_BIRTH_YEAR = 2399

/** Removes the spaces, dots and dashes people type between groups ("040 085 003 917"). */
export function normalizeCitizenId(raw: string): string {
  return raw.replace(/[\s.\-]/g, '')
}

/** The 4th digit for a birth year and gender, or null outside the years the scheme covers (1900–2399). */
export function centuryGenderDigit(birthYear: number, gender: CitizenGender): number | null {
  if (!Number.isInteger(birthYear) || birthYear < CITIZEN_ID_FIRST_BIRTH_YEAR || birthYear > CITIZEN_ID_LAST_BIRTH_YEAR) return null
  return Math.floor((birthYear - 1900) / 100) * 2 + (gender === 'FEMALE' ? 1 : 0)
}

/** Province, gender and year of birth encoded in a number; null when it is not 12 digits or the province is unknown. */
export function describeCitizenId(id: string): CitizenIdInfo | null {
  if (!/^\d{12}$/.test(id)) return null
  const provinceCode = id.slice(0, 3)
  if (!isBirthRegistrationProvinceCode(provinceCode)) return null
  const digit = Number(id[3])
  return {
    provinceCode,
    provinceName: BIRTH_REGISTRATION_PROVINCES[provinceCode],
    gender: digit % 2 === 0 ? 'MALE' : 'FEMALE',
    birthYear: centuryStart(digit) + Number(id.slice(4, 6)),
  }
}

function yearOf(birthDate: string | Date): number | null {
  if (birthDate instanceof Date) return Number.isNaN(birthDate.getTime()) ? null : birthDate.getUTCFullYear()
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(birthDate)
  return match ? Number(match[1]) : null
}

/**
 * Checks the layout of a number and, when given, its agreement with the person's declared birth date
 * (`yyyy-mm-dd`, or a date-only value read in UTC as Prisma returns `@db.Date`) and gender. Reports every
 * mismatch found, so a form can say what is wrong; FORMAT alone when it is not 12 digits.
 */
export function validateCitizenId(
  id: string,
  declared: { birthDate?: string | Date | null; gender?: CitizenGender | null } = {},
): CitizenIdValidation {
  if (!/^\d{12}$/.test(id)) return { ok: false, errors: ['FORMAT'] }
  const errors: CitizenIdError[] = []
  if (!isBirthRegistrationProvinceCode(id.slice(0, 3))) errors.push('PROVINCE')

  const digit = Number(id[3])
  const encodedGender: CitizenGender = digit % 2 === 0 ? 'MALE' : 'FEMALE'
  const encodedCentury = centuryStart(digit)
  const encodedYearDigits = Number(id.slice(4, 6))
  const declaredYear = declared.birthDate == null ? null : yearOf(declared.birthDate)

  const genderDisagrees = declared.gender != null && declared.gender !== encodedGender
  const centuryDisagrees = declaredYear !== null && Math.floor(declaredYear / 100) * 100 !== encodedCentury
  if (genderDisagrees || centuryDisagrees) errors.push('CENTURY_GENDER_MISMATCH')
  if (declaredYear !== null && declaredYear % 100 !== encodedYearDigits) errors.push('BIRTH_YEAR_MISMATCH')

  if (errors.length > 0) return { ok: false, errors }
  const info = describeCitizenId(id)
  // describeCitizenId only fails on format or province, both checked above.
  return info ? { ok: true, info } : { ok: false, errors: ['PROVINCE'] }
}
