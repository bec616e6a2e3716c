import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BIRTH_REGISTRATION_PROVINCES } from './birth-registration-provinces'
import { centuryGenderDigit, describeCitizenId, normalizeCitizenId, validateCitizenId, type CitizenGender } from './citizen-id'

const PROVINCE_CODES = Object.keys(BIRTH_REGISTRATION_PROVINCES)

const arbProvince = fc.constantFrom(...PROVINCE_CODES)
const arbGender = fc.constantFrom<CitizenGender>('MALE', 'FEMALE')
const arbYear = fc.integer({ min: 1900, max: 2399 })
const arbSerial = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0'))
const arbMonthDay = fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })

function build(province: string, year: number, gender: CitizenGender, serial: string): string {
  return `${province}${centuryGenderDigit(year, gender)}${String(year % 100).padStart(2, '0')}${serial}`
}
const isoDate = (year: number, { month, day }: { month: number; day: number }) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

describe('province codes', () => {
  it('lists the 63 provinces of the circular, Hà Nội to Cà Mau, all between 001 and 096', () => {
    expect(PROVINCE_CODES).toHaveLength(63)
    expect(PROVINCE_CODES.every((code) => /^0\d\d$/.test(code) && Number(code) >= 1 && Number(code) <= 96)).toBe(true)
    expect(BIRTH_REGISTRATION_PROVINCES).toMatchObject({
      '001': 'Hà Nội',
      '002': 'Hà Giang',
      '004': 'Cao Bằng',
      '040': 'Nghệ An',
      '079': 'Hồ Chí Minh',
      '092': 'Cần Thơ',
      '093': 'Hậu Giang',
      '094': 'Sóc Trăng',
      '095': 'Bạc Liêu',
      '096': 'Cà Mau',
    })
    expect(new Set(Object.values(BIRTH_REGISTRATION_PROVINCES)).size).toBe(63)
  })
})

describe('describeCitizenId', () => {
  it('reads the seeded demo citizens', () => {
    expect(describeCitizenId('040085003917')).toEqual({ provinceCode: '040', provinceName: 'Nghệ An', gender: 'MALE', birthYear: 1985 })
    expect(describeCitizenId('040190004826')).toEqual({ provinceCode: '040', provinceName: 'Nghệ An', gender: 'FEMALE', birthYear: 1990 })
    expect(describeCitizenId('040201005584')).toMatchObject({ gender: 'MALE', birthYear: 2001 })
    expect(describeCitizenId('040303001269')).toMatchObject({ gender: 'FEMALE', birthYear: 2003 })
  })

  it.each([
    ['0', 'MALE', 1900],
    ['1', 'FEMALE', 1900],
    ['2', 'MALE', 2000],
    ['3', 'FEMALE', 2000],
    ['4', 'MALE', 2100],
    ['5', 'FEMALE', 2100],
    ['6', 'MALE', 2200],
    ['7', 'FEMALE', 2200],
    ['8', 'MALE', 2300],
    ['9', 'FEMALE', 2300],
  ])('reads century/gender digit %s as %s born from %i', (digit, gender, start) => {
    expect(describeCitizenId(`001${digit}07123456`)).toMatchObject({ gender, birthYear: start + 7 })
  })

  it('answers null for a wrong layout or an unknown province', () => {
    for (const id of ['', '04008500391', '0400850039170', '04008500391a', '003085003917', '000085003917', '097085003917', '999085003917']) {
      expect(describeCitizenId(id)).toBeNull()
    }
  })
})

describe('validateCitizenId', () => {
  it('accepts a number that agrees with the declared birth date and gender', () => {
    expect(validateCitizenId('040085003917', { birthDate: '1985-03-12', gender: 'MALE' })).toEqual({
      ok: true,
      info: { provinceCode: '040', provinceName: 'Nghệ An', gender: 'MALE', birthYear: 1985 },
    })
    expect(validateCitizenId('040085003917', { birthDate: new Date('1985-03-12T00:00:00Z') }).ok).toBe(true)
    expect(validateCitizenId('040085003917').ok).toBe(true)
  })

  it('names each problem', () => {
    expect(validateCitizenId('04008500391')).toEqual({ ok: false, errors: ['FORMAT'] })
    expect(validateCitizenId('040 085 003 917')).toEqual({ ok: false, errors: ['FORMAT'] })
    expect(validateCitizenId('003085003917')).toEqual({ ok: false, errors: ['PROVINCE'] })
    expect(validateCitizenId('040085003917', { gender: 'FEMALE' })).toEqual({ ok: false, errors: ['CENTURY_GENDER_MISMATCH'] })
    // Right gender, wrong century: born 2085 would be digit 2.
    expect(validateCitizenId('040085003917', { birthDate: '2085-01-01', gender: 'MALE' })).toEqual({
      ok: false,
      errors: ['CENTURY_GENDER_MISMATCH'],
    })
    expect(validateCitizenId('040085003917', { birthDate: '1986-01-01', gender: 'MALE' })).toEqual({ ok: false, errors: ['BIRTH_YEAR_MISMATCH'] })
    expect(validateCitizenId('097185003917', { birthDate: '1986-01-01', gender: 'MALE' })).toEqual({
      ok: false,
      errors: ['PROVINCE', 'CENTURY_GENDER_MISMATCH', 'BIRTH_YEAR_MISMATCH'],
    })
  })

  it('property: a number built from a province, a birth date and a gender validates and reads back', () => {
    fc.assert(
      fc.property(arbProvince, arbYear, arbMonthDay, arbGender, arbSerial, (province, year, monthDay, gender, serial) => {
        const id = build(province, year, gender, serial)
        const result = validateCitizenId(id, { birthDate: isoDate(year, monthDay), gender })
        expect(result).toEqual({ ok: true, info: { provinceCode: province, provinceName: BIRTH_REGISTRATION_PROVINCES[province as '001'], gender, birthYear: year } })
        expect(describeCitizenId(id)).toEqual(result.ok ? result.info : null)
      }),
    )
  })

  it('property: the other gender is always a CENTURY_GENDER_MISMATCH', () => {
    fc.assert(
      fc.property(arbProvince, arbYear, arbGender, arbSerial, (province, year, gender, serial) => {
        const other: CitizenGender = gender === 'MALE' ? 'FEMALE' : 'MALE'
        const result = validateCitizenId(build(province, year, gender, serial), { birthDate: `${year}-06-15`, gender: other })
        expect(result).toEqual({ ok: false, errors: ['CENTURY_GENDER_MISMATCH'] })
      }),
    )
  })

  it('property: any other birth year is refused, naming the century or the year digits that disagree', () => {
    fc.assert(
      fc.property(arbProvince, arbYear, arbYear, arbGender, arbSerial, (province, year, declaredYear, gender, serial) => {
        fc.pre(declaredYear !== year)
        const result = validateCitizenId(build(province, year, gender, serial), { birthDate: `${declaredYear}-01-01`, gender })
        expect(result.ok).toBe(false)
        if (result.ok) return
        expect(result.errors.includes('CENTURY_GENDER_MISMATCH')).toBe(Math.floor(declaredYear / 100) !== Math.floor(year / 100))
        expect(result.errors.includes('BIRTH_YEAR_MISMATCH')).toBe(declaredYear % 100 !== year % 100)
      }),
    )
  })

  it('property: anything that is not exactly 12 digits is a FORMAT error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (raw) => {
        fc.pre(!/^\d{12}$/.test(raw))
        expect(validateCitizenId(raw)).toEqual({ ok: false, errors: ['FORMAT'] })
      }),
    )
  })

  it('property: a three-digit prefix outside the list is a PROVINCE error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999_999_999 }), (prefix, rest) => {
        const code = String(prefix).padStart(3, '0')
        fc.pre(!PROVINCE_CODES.includes(code))
        const result = validateCitizenId(`${code}${String(rest).padStart(9, '0')}`)
        expect(result).toEqual({ ok: false, errors: ['PROVINCE'] })
      }),
    )
  })
})

describe('helpers', () => {
  it('normalises the usual separators away', () => {
    expect(normalizeCitizenId(' 040 085-003.917 ')).toBe('040085003917')
  })
  it('encodes the century and gender digit only for 1900–2399', () => {
    expect(centuryGenderDigit(1985, 'MALE')).toBe(0)
    expect(centuryGenderDigit(2003, 'FEMALE')).toBe(3)
    expect(centuryGenderDigit(2399, 'FEMALE')).toBe(9)
    expect(centuryGenderDigit(1899, 'MALE')).toBeNull()
    expect(centuryGenderDigit(2400, 'MALE')).toBeNull()
  })
})
