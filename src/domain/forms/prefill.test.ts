import { describe, expect, it } from 'vitest'
import { defaultFormDefinition } from './default-forms'
import { applicantOfSubmission, prefillValues } from './prefill'

const profile = { fullName: 'Nguyễn Văn An', citizenId: '040085003917', phone: '0912048731', email: null, birthDate: '1985-03-02', gender: 'MALE' as const }

describe('prefill', () => {
  it('fills the applicant block from the profile, leaving unknown values empty', () => {
    expect(prefillValues(defaultFormDefinition('birth', []), profile)).toEqual({ hoTenNguoiYeuCau: 'Nguyễn Văn An', soDinhDanh: '040085003917', soDienThoai: '0912048731' })
  })

  it('names the applicant as submitted, falling back on the profile', () => {
    const birth = defaultFormDefinition('birth', [])
    expect(applicantOfSubmission(birth, { hoTenNguoiYeuCau: 'Trần Văn Bảo', soDienThoai: '0987654321' }, profile)).toEqual({
      fullName: 'Trần Văn Bảo',
      citizenId: '040085003917',
      phone: '0987654321',
      email: null,
    })
  })
})
