import { describe, expect, it } from 'vitest'
import { isCalendarDate, validateRegistration } from './registration'

const today = '2026-11-24'
const valid = {
  fullName: '  Nguyễn   Thị Mai ',
  citizenId: '040 190 123 456',
  birthDate: '1990-05-17',
  gender: 'FEMALE',
  phone: '+84 912 345 678',
  email: 'mai@example.vn',
  password: 'MatKhau2026',
  passwordConfirm: 'MatKhau2026',
}

describe('validateRegistration', () => {
  it('normalises a valid registration', () => {
    expect(validateRegistration(valid, today)).toEqual({
      ok: true,
      value: {
        fullName: 'Nguyễn Thị Mai',
        citizenId: '040190123456',
        birthDate: '1990-05-17',
        gender: 'FEMALE',
        phone: '0912345678',
        email: 'mai@example.vn',
        password: 'MatKhau2026',
      },
    })
    expect(validateRegistration({ ...valid, email: ' ' }, today)).toMatchObject({ ok: true, value: { email: null } })
  })

  it('reports every field that is missing, at once', () => {
    expect(validateRegistration({}, today)).toEqual({
      ok: false,
      fieldErrors: {
        fullName: ['REQUIRED'],
        birthDate: ['REQUIRED'],
        gender: ['REQUIRED'],
        citizenId: ['REQUIRED'],
        phone: ['REQUIRED'],
        password: ['REQUIRED'],
        passwordConfirm: ['REQUIRED'],
      },
    })
  })

  it('checks the ID number against the declared birth date and gender', () => {
    expect(validateRegistration({ ...valid, gender: 'MALE' }, today)).toEqual({ ok: false, fieldErrors: { citizenId: ['CENTURY_GENDER_MISMATCH'] } })
    expect(validateRegistration({ ...valid, birthDate: '1991-05-17' }, today)).toEqual({ ok: false, fieldErrors: { citizenId: ['BIRTH_YEAR_MISMATCH'] } })
    expect(validateRegistration({ ...valid, citizenId: '003190123456' }, today)).toEqual({ ok: false, fieldErrors: { citizenId: ['PROVINCE'] } })
    expect(validateRegistration({ ...valid, citizenId: '04019012345' }, today)).toEqual({ ok: false, fieldErrors: { citizenId: ['FORMAT'] } })
  })

  it('refuses impossible or future birth dates, bad phones and e-mails, weak or unconfirmed passwords', () => {
    const errors = (patch: Partial<typeof valid>) => {
      const result = validateRegistration({ ...valid, ...patch }, today)
      return result.ok ? {} : result.fieldErrors
    }
    expect(errors({ birthDate: '1990-02-30' })).toEqual({ birthDate: ['INVALID'] })
    expect(errors({ birthDate: '2026-11-25', citizenId: '040326123456' })).toEqual({ birthDate: ['IN_FUTURE'] })
    expect(errors({ birthDate: '1899-12-31' })).toEqual({ birthDate: ['TOO_EARLY'] })
    expect(errors({ phone: '0212345678' })).toEqual({ phone: ['INVALID'] })
    expect(errors({ email: 'mai@' })).toEqual({ email: ['INVALID'] })
    expect(errors({ fullName: 'Mai 123' })).toEqual({ fullName: ['INVALID'] })
    expect(errors({ password: 'ngan1', passwordConfirm: 'ngan1' })).toEqual({ password: ['TOO_SHORT'] })
    expect(errors({ password: 'mk040190123456', passwordConfirm: 'mk040190123456' })).toEqual({ password: ['CONTAINS_PERSONAL_INFO'] })
    expect(errors({ passwordConfirm: 'MatKhau2027' })).toEqual({ passwordConfirm: ['MISMATCH'] })
  })

  it('tells real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2023-02-29')).toBe(false)
    expect(isCalendarDate('2024-2-9')).toBe(false)
  })
})
