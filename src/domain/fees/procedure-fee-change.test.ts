import { describe, expect, it } from 'vitest'
import { defaultFormDefinition } from '../forms/default-forms'
import { FormDefinitionSchema } from '../forms/form-definition'
import {
  answerCanBe,
  changedFeeFields,
  checkFeeAgainstForm,
  conditionFields,
  countableFields,
  FEE_MAX_VND,
  parseExemptions,
  parseFeeForm,
  unverifiedAfterFeeChange,
  unverifiedFeeFields,
  type ProcedureFee,
} from './procedure-fee-change'

const BIRTH_EXEMPTION = { when: { field: 'khaiSinhQuaHan', equals: false }, reasonVi: 'Miễn lệ phí khi khai sinh đúng hạn', reasonEn: 'No fee on time' }

const form = (fields: Record<string, unknown>) => ({
  procedureSlug: '1.001193',
  feeVnd: '8000',
  feeNote: '',
  feeMoment: 'BEFORE_PROCESSING',
  ruleKind: 'FIXED',
  copiesField: '',
  groupField: '',
  pagesField: '',
  feeExemptions: '',
  ...fields,
})

const errorsOf = (input: unknown) => {
  const result = parseFeeForm(input)
  if (result.ok) throw new Error('expected errors')
  return result.fieldErrors
}

describe('parseFeeForm', () => {
  it('reads a fixed fee with no note and no exemptions', () => {
    expect(parseFeeForm(form({}))).toEqual({
      ok: true,
      fee: { feeVnd: 8000, feeNote: null, feeMoment: 'BEFORE_PROCESSING', feeRule: { kind: 'FIXED' }, feeExemptions: [] },
    })
  })

  it('reads an empty amount as "not known", and numbers given as numbers', () => {
    expect(parseFeeForm(form({ feeVnd: '' }))).toMatchObject({ ok: true, fee: { feeVnd: null } })
    expect(parseFeeForm(form({ feeVnd: '   ' }))).toMatchObject({ ok: true, fee: { feeVnd: null } })
    expect(parseFeeForm(form({ feeVnd: undefined }))).toMatchObject({ ok: true, fee: { feeVnd: null } })
    expect(parseFeeForm(form({ feeVnd: 0 }))).toMatchObject({ ok: true, fee: { feeVnd: 0 } })
    expect(parseFeeForm(form({ feeVnd: String(FEE_MAX_VND) }))).toMatchObject({ ok: true, fee: { feeVnd: FEE_MAX_VND } })
  })

  it.each([
    ['-1', 'feeFormat'],
    ['10.5', 'feeFormat'],
    ['abc', 'feeFormat'],
    [1.5, 'feeFormat'],
    [String(FEE_MAX_VND + 1), 'feeTooHigh'],
  ])('refuses the amount %s (%s)', (feeVnd, code) => {
    expect(errorsOf(form({ feeVnd }))).toEqual({ feeVnd: [code] })
  })

  it('keeps the note trimmed, at most 500 characters', () => {
    expect(parseFeeForm(form({ feeNote: '  Miễn cho hộ nghèo  ' }))).toMatchObject({ ok: true, fee: { feeNote: 'Miễn cho hộ nghèo' } })
    expect(parseFeeForm(form({ feeNote: 'a'.repeat(500) }))).toMatchObject({ ok: true })
    expect(errorsOf(form({ feeNote: 'a'.repeat(501) }))).toEqual({ feeNote: ['feeNoteTooLong'] })
  })

  it('refuses an unknown moment or rule kind', () => {
    expect(errorsOf(form({ feeMoment: 'LATER', ruleKind: 'PER_PAGE' }))).toEqual({ feeMoment: ['feeMomentInvalid'], ruleKind: ['ruleKindInvalid'] })
  })

  it('builds each rule from the fields its kind counts from, ignoring the others', () => {
    expect(parseFeeForm(form({ ruleKind: 'PER_COPY', copiesField: 'soBan', groupField: 'giayTo' }))).toMatchObject({
      ok: true,
      fee: { feeRule: { kind: 'PER_COPY', copiesField: 'soBan' } },
    })
    expect(parseFeeForm(form({ ruleKind: 'CERTIFIED_COPY_PAGES', groupField: 'giayTo', pagesField: 'soTrang', copiesField: 'soBan' }))).toMatchObject({
      ok: true,
      fee: { feeRule: { kind: 'CERTIFIED_COPY_PAGES', groupField: 'giayTo', pagesField: 'soTrang', copiesField: 'soBan' } },
    })
    expect(errorsOf(form({ ruleKind: 'CERTIFIED_COPY_PAGES', groupField: 'giayTo' }))).toEqual({ pagesField: ['fieldRequired'], copiesField: ['fieldRequired'] })
    expect(errorsOf(form({ ruleKind: 'PER_COPY', copiesField: 'So Ban' }))).toEqual({ copiesField: ['fieldFormat'] })
  })

  it('reads the exemptions from JSON text, and says what is wrong with it', () => {
    expect(parseFeeForm(form({ feeExemptions: JSON.stringify([BIRTH_EXEMPTION]) }))).toMatchObject({ ok: true, fee: { feeExemptions: [BIRTH_EXEMPTION] } })
    expect(errorsOf(form({ feeExemptions: '[{' }))).toEqual({ feeExemptions: ['exemptionsNotJson'] })
    expect(errorsOf(form({ feeExemptions: '{}' }))).toEqual({ feeExemptions: ['exemptionsNotList'] })
    expect(errorsOf(form({ feeExemptions: JSON.stringify([BIRTH_EXEMPTION, { ...BIRTH_EXEMPTION, reasonEn: '' }]) }))).toEqual({ feeExemptions: ['exemptionInvalid:2'] })
    expect(errorsOf(form({ feeExemptions: JSON.stringify([{ ...BIRTH_EXEMPTION, extra: 1 }]) }))).toEqual({ feeExemptions: ['exemptionInvalid:1'] })
  })

  it('reports every wrong field at once', () => {
    expect(errorsOf(form({ feeVnd: 'x', feeNote: 'a'.repeat(600), feeExemptions: 'nope' }))).toEqual({
      feeVnd: ['feeFormat'],
      feeNote: ['feeNoteTooLong'],
      feeExemptions: ['exemptionsNotJson'],
    })
  })

  it('parses the exemptions alone', () => {
    expect(parseExemptions([])).toEqual({ ok: true, exemptions: [] })
    expect(parseExemptions('null')).toEqual({ ok: false, code: 'exemptionsNotList' })
  })
})

const documents = [{ key: 'donDeNghi', nameVi: 'Đơn', nameEn: 'Request', required: true, copies: 1 }]
const birthForm = FormDefinitionSchema.parse(defaultFormDefinition('birth', documents))
const copyForm = FormDefinitionSchema.parse(defaultFormDefinition('certifiedCopy', documents))
const extractForm = FormDefinitionSchema.parse(defaultFormDefinition('civilStatusExtract', documents))

describe('checkFeeAgainstForm', () => {
  it('lists the fields of a form a rule may count from and an exemption may test', () => {
    expect(countableFields(extractForm).numbers).toContain('soBan')
    expect(countableFields(copyForm).groups).toContainEqual({ key: 'giayTo', numbers: ['soTrang', 'soBan'] })
    expect(conditionFields(birthForm)).toContain('khaiSinhQuaHan')
    expect(conditionFields(copyForm)).not.toContain('giayTo')
  })

  it('accepts the seed rules on their own forms', () => {
    expect(checkFeeAgainstForm({ feeRule: { kind: 'FIXED' }, feeExemptions: [BIRTH_EXEMPTION] }, birthForm)).toEqual({})
    expect(checkFeeAgainstForm({ feeRule: { kind: 'PER_COPY', copiesField: 'soBan' }, feeExemptions: [] }, extractForm)).toEqual({})
    expect(checkFeeAgainstForm({ feeRule: { kind: 'CERTIFIED_COPY_PAGES', groupField: 'giayTo', pagesField: 'soTrang', copiesField: 'soBan' }, feeExemptions: [] }, copyForm)).toEqual({})
  })

  it('refuses fields the form does not have, or of a kind the rule cannot count', () => {
    expect(checkFeeAgainstForm({ feeRule: { kind: 'PER_COPY', copiesField: 'soBan' }, feeExemptions: [] }, birthForm)).toEqual({ copiesField: ['fieldNotInForm'] })
    // soBan of the certified-copy form lives inside the group, not at the top.
    expect(checkFeeAgainstForm({ feeRule: { kind: 'PER_COPY', copiesField: 'soBan' }, feeExemptions: [] }, copyForm)).toEqual({ copiesField: ['fieldNotInForm'] })
    expect(
      checkFeeAgainstForm({ feeRule: { kind: 'CERTIFIED_COPY_PAGES', groupField: 'soBan', pagesField: 'soTrang', copiesField: 'soBan' }, feeExemptions: [] }, extractForm),
    ).toEqual({ groupField: ['groupNotInForm'] })
    expect(
      checkFeeAgainstForm({ feeRule: { kind: 'CERTIFIED_COPY_PAGES', groupField: 'giayTo', pagesField: 'trang', copiesField: 'soBan' }, feeExemptions: [] }, copyForm),
    ).toEqual({ pagesField: ['fieldNotInGroup'] })
    expect(checkFeeAgainstForm({ feeRule: { kind: 'FIXED' }, feeExemptions: [BIRTH_EXEMPTION, { ...BIRTH_EXEMPTION, when: { field: 'khong', equals: true } }] }, birthForm)).toEqual({
      feeExemptions: ['exemptionFieldNotInForm:2'],
    })
  })

  it('refuses a condition value the answer can never take, which would make the exemption never apply', () => {
    const late = (equals: string | number | boolean) => ({ ...BIRTH_EXEMPTION, when: { field: 'khaiSinhQuaHan', equals } })
    // A tick box answers true or false, never the text "false".
    expect(checkFeeAgainstForm({ feeRule: { kind: 'FIXED' }, feeExemptions: [BIRTH_EXEMPTION, late('false')] }, birthForm)).toEqual({ feeExemptions: ['exemptionValueInvalid:2'] })
    expect(checkFeeAgainstForm({ feeRule: { kind: 'FIXED' }, feeExemptions: [late(0)] }, birthForm)).toEqual({ feeExemptions: ['exemptionValueInvalid:1'] })
    expect(checkFeeAgainstForm({ feeRule: { kind: 'FIXED' }, feeExemptions: [late(false)] }, birthForm)).toEqual({})
  })

  it('knows what each kind of answer can equal', () => {
    const gender = { key: 'gioiTinh', type: 'radio', options: [{ value: 'NAM' }, { value: 'NU' }] }
    expect(answerCanBe(gender, 'NU')).toBe(true)
    expect(answerCanBe(gender, 'KHAC')).toBe(false)
    expect(answerCanBe({ key: 'soBan', type: 'number' }, 2)).toBe(true)
    expect(answerCanBe({ key: 'soBan', type: 'number' }, '2')).toBe(false)
    expect(answerCanBe({ key: 'hoTen', type: 'text' }, 'An')).toBe(true)
    expect(answerCanBe({ key: 'diaChi', type: 'address' }, 'Vinh')).toBe(false)
  })
})

describe('unverified fee flags', () => {
  const seeded = ['deadline.cutoffHour', 'feeVnd', 'requiredDocuments']

  it('picks the fee names out of a version\'s unverified fields', () => {
    expect(unverifiedFeeFields(seeded)).toEqual(['feeVnd'])
    expect(unverifiedFeeFields(['onlineLevel'])).toEqual([])
  })

  it('drops them once an administrator states the fee, keeping the other flags', () => {
    expect(unverifiedAfterFeeChange(seeded, { feeVnd: 10_000, feeRule: { kind: 'FIXED' } })).toEqual(['deadline.cutoffHour', 'requiredDocuments'])
    expect(unverifiedAfterFeeChange(['feeNote', 'feeRule'], { feeVnd: 0, feeRule: { kind: 'PER_COPY', copiesField: 'soBan' } })).toEqual([])
  })

  it('keeps the amount flagged while it is still not known and the rule needs it', () => {
    // Where it was, so saving an unchanged form changes nothing.
    expect(unverifiedAfterFeeChange(seeded, { feeVnd: null, feeRule: { kind: 'FIXED' } })).toEqual(seeded)
    expect(unverifiedAfterFeeChange(['deadline.cutoffHour', 'feeNote'], { feeVnd: null, feeRule: { kind: 'FIXED' } })).toEqual(['deadline.cutoffHour', 'feeVnd'])
    expect(unverifiedAfterFeeChange([], { feeVnd: null, feeRule: { kind: 'PER_COPY', copiesField: 'soBan' } })).toEqual(['feeVnd'])
    // The certified-copy rates are the circular's: no amount is needed.
    expect(unverifiedAfterFeeChange(seeded, { feeVnd: null, feeRule: { kind: 'CERTIFIED_COPY_PAGES', groupField: 'g', pagesField: 'p', copiesField: 'c' } })).toEqual([
      'deadline.cutoffHour',
      'requiredDocuments',
    ])
  })
})

describe('changedFeeFields', () => {
  const fee: ProcedureFee = { feeVnd: 8000, feeNote: null, feeMoment: 'BEFORE_PROCESSING', feeRule: { kind: 'PER_COPY', copiesField: 'soBan' }, feeExemptions: [BIRTH_EXEMPTION] }

  it('compares JSON by value, whatever the key order', () => {
    const reordered = { ...fee, feeRule: { copiesField: 'soBan', kind: 'PER_COPY' as const }, feeExemptions: [{ reasonEn: 'No fee on time', reasonVi: BIRTH_EXEMPTION.reasonVi, when: { equals: false, field: 'khaiSinhQuaHan' } }] }
    expect(changedFeeFields(fee, reordered)).toEqual([])
  })

  it('names each changed field', () => {
    expect(changedFeeFields(fee, { ...fee, feeVnd: null, feeMoment: 'AT_RESULT', feeExemptions: [] })).toEqual(['feeVnd', 'feeMoment', 'feeExemptions'])
  })
})
