import { describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_CITIZENS, DEMO_COMMUNES, DEMO_STAFF, demoSignInIdentifier } from './demo-accounts'

describe('demo accounts', () => {
  it('has one clerk, one specialist and one leader per demo commune', () => {
    for (const commune of DEMO_COMMUNES) {
      const roles = DEMO_STAFF.filter((account) => account.communeCode === commune.code).map((account) => account.role)
      expect(roles.sort(), commune.name).toEqual(['CLERK', 'LEADER', 'SPECIALIST'])
    }
  })

  it('has an admin and a provincial officer', () => {
    expect(DEMO_ACCOUNTS.filter((account) => account.role === 'ADMIN')).toHaveLength(1)
    expect(DEMO_ACCOUNTS.filter((account) => account.role === 'PROVINCE_OFFICER')).toHaveLength(1)
  })

  it('uses unique identifiers', () => {
    const identifiers = DEMO_ACCOUNTS.map(demoSignInIdentifier)
    expect(new Set(identifiers).size).toBe(identifiers.length)
    const phones = DEMO_ACCOUNTS.flatMap((account) => (account.phone ? [account.phone] : []))
    expect(new Set(phones).size).toBe(phones.length)
  })

  it.each(DEMO_CITIZENS.map((citizen) => [citizen.fullName, citizen] as const))(
    'gives %s a CCCD of Nghệ An consistent with the birth year and gender, and a mobile number',
    (_name, citizen) => {
      const id = citizen.citizenId ?? ''
      expect(id).toMatch(/^040\d{9}$/)
      const year = Number(citizen.birthDate?.slice(0, 4))
      const century = year >= 2000 ? 2 : 0
      const genderDigit = century + (citizen.gender === 'FEMALE' ? 1 : 0)
      expect(id[3]).toBe(String(genderDigit))
      expect(id.slice(4, 6)).toBe(String(year % 100).padStart(2, '0'))
      expect(citizen.phone).toMatch(/^0(9[0-9]|8[1-9]|3[2-9]|7[06-9]|5[2689])\d{7}$/)
    },
  )
})
