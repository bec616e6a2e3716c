import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ACCOUNT_NAME_MAX,
  isDemoCollectionAccount,
  isKnownBankBin,
  testTransferPayload,
  TEST_TRANSFER_AMOUNT_VND,
  TEST_TRANSFER_REFERENCE,
  toBankAccountName,
  ZCollectionAccountChange,
} from './collection-account'
import { parseVietQr } from './vietqr'

const valid = { bankBin: '970415', accountNo: '113000123456', accountName: 'UBND PHUONG THANH VINH' }

/** The error codes of a refused change, by field. */
function errors(input: unknown): Record<string, string[]> {
  const result = ZCollectionAccountChange.safeParse(input)
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`)
  const byField: Record<string, string[]> = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form')
    byField[field] = [...(byField[field] ?? []), issue.message]
  }
  return byField
}

describe('toBankAccountName', () => {
  it.each([
    ['Ủy ban nhân dân phường Thành Vinh', 'UY BAN NHAN DAN PHUONG THANH VINH'],
    ['UBND xã Đô Lương', 'UBND XA DO LUONG'],
    ['Nguyễn Thị Ngọc Ánh', 'NGUYEN THI NGOC ANH'],
    ['Phường Trường Vinh – Nghệ An', 'PHUONG TRUONG VINH - NGHE AN'],
    ['  UBND   phường Cửa Lò (thu phí, lệ phí)  ', 'UBND PHUONG CUA LO (THU PHI, LE PHI)'],
    ['Quỹ "Vì người nghèo" / xã Hưng Nguyên', 'QUY VI NGUOI NGHEO XA HUNG NGUYEN'],
    ['UBND P. Vinh Phú', 'UBND P. VINH PHU'],
  ])('%s → %s', (typed, expected) => {
    expect(toBankAccountName(typed)).toBe(expected)
  })

  it('gives the same name for composed and decomposed Unicode input', () => {
    const composed = 'Ủy ban nhân dân xã Đô Lương'
    expect(toBankAccountName(composed.normalize('NFD'))).toBe(toBankAccountName(composed.normalize('NFC')))
  })

  it('leaves a name already in bank form as it is', () => {
    expect(toBankAccountName(valid.accountName)).toBe(valid.accountName)
  })

  it('never shortens a long name (the administrator abbreviates it)', () => {
    const long = 'Ủy ban nhân dân phường Trường Vinh tỉnh Nghệ An thu phí lệ phí'
    expect(toBankAccountName(long).length).toBeGreaterThan(ACCOUNT_NAME_MAX)
  })

  it('always yields only the characters banks keep, with single inner spaces, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (typed) => {
        const name = toBankAccountName(typed)
        expect(name).toMatch(/^[A-Z0-9 .,()-]*$/)
        expect(name).not.toMatch(/^ | $| {2}/)
        expect(toBankAccountName(name)).toBe(name)
      }),
    )
  })

  it('turns a Vietnamese name of allowed length into a name the schema accepts', () => {
    const result = ZCollectionAccountChange.safeParse({ ...valid, accountName: toBankAccountName('UBND phường Hưng Dũng') })
    expect(result.success && result.data?.accountName).toBe('UBND PHUONG HUNG DUNG')
  })
})

describe('ZCollectionAccountChange', () => {
  it('accepts a complete account, tidying spaces', () => {
    expect(ZCollectionAccountChange.parse({ bankBin: ' 970415 ', accountNo: '1130 0012 3456', accountName: '  UBND  PHUONG THANH VINH ' })).toEqual(valid)
  })

  it('accepts any 6-digit BIN, known or not', () => {
    expect(ZCollectionAccountChange.parse({ ...valid, bankBin: '970999' })?.bankBin).toBe('970999')
    expect(isKnownBankBin('970999')).toBe(false)
    expect(isKnownBankBin('970436')).toBe(true)
  })

  it('reads three blank fields as clearing the account', () => {
    expect(ZCollectionAccountChange.parse({ bankBin: '', accountNo: '  ', accountName: '' })).toBeNull()
    expect(ZCollectionAccountChange.parse({})).toBeNull()
  })

  it('names each missing field when only some are filled in', () => {
    expect(errors({ bankBin: '970415', accountNo: '', accountName: '' })).toEqual({
      accountNo: ['accountNoRequired'],
      accountName: ['accountNameRequired'],
    })
  })

  it.each([
    [{ bankBin: '97041' }, { bankBin: ['bankBinFormat'] }],
    [{ bankBin: '97041a' }, { bankBin: ['bankBinFormat'] }],
    [{ bankBin: '9704150' }, { bankBin: ['bankBinFormat'] }],
    [{ accountNo: '1130-0012' }, { accountNo: ['accountNoFormat'] }],
    [{ accountNo: '12345678901234567890' }, { accountNo: ['accountNoTooLong'] }],
    [{ accountNo: 'demo16681' }, { accountNo: ['accountNoDemo'] }],
    [{ accountName: 'UBND phường Thành Vinh' }, { accountName: ['accountNameFormat'] }],
    [{ accountName: 'UBND PHUONG THANH VINH!' }, { accountName: ['accountNameFormat'] }],
    [{ accountName: 'A'.repeat(ACCOUNT_NAME_MAX + 1) }, { accountName: ['accountNameTooLong'] }],
  ])('refuses %j', (change, expected) => {
    expect(errors({ ...valid, ...change })).toEqual(expected)
  })

  it('accepts the longest allowed values', () => {
    const longest = { bankBin: '970418', accountNo: '9'.repeat(19), accountName: 'B'.repeat(ACCOUNT_NAME_MAX) }
    expect(ZCollectionAccountChange.parse(longest)).toEqual(longest)
  })

  it('refuses what is not a form', () => {
    expect(ZCollectionAccountChange.safeParse('970415').success).toBe(false)
    expect(errors({ ...valid, bankBin: 970415 })).toEqual({ bankBin: ['bankBinRequired'] })
  })
})

describe('isDemoCollectionAccount', () => {
  it('recognises the seed placeholder accounts only', () => {
    expect(isDemoCollectionAccount('DEMO16681')).toBe(true)
    expect(isDemoCollectionAccount('113000123456')).toBe(false)
    expect(isDemoCollectionAccount(null)).toBe(false)
  })
})

describe('testTransferPayload', () => {
  it('is a dynamic VietQR transfer of 10 000 ₫ to the account with the test reference', () => {
    const parsed = parseVietQr(testTransferPayload(valid))
    expect(parsed).toEqual({
      ok: true,
      fields: expect.objectContaining({
        pointOfInitiation: 'DYNAMIC',
        bankBin: valid.bankBin,
        accountNumber: valid.accountNo,
        amount: TEST_TRANSFER_AMOUNT_VND,
        reference: TEST_TRANSFER_REFERENCE,
      }),
    })
    expect(TEST_TRANSFER_AMOUNT_VND).toBe(10_000)
    expect(TEST_TRANSFER_REFERENCE).toBe('MOTCUA KIEM TRA')
  })
})
