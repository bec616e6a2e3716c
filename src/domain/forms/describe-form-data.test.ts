import { describe, expect, it } from 'vitest'
import { describeFormData } from './describe-form-data'

const definition = {
  schemaVersion: 1,
  sections: [
    {
      key: 'nguoiYeuCau',
      titleVi: 'Người yêu cầu',
      titleEn: 'Applicant',
      fields: [
        { key: 'hoTen', type: 'text', labelVi: 'Họ và tên', labelEn: 'Full name', required: true },
        { key: 'ngaySinh', type: 'date', labelVi: 'Ngày sinh', labelEn: 'Date of birth' },
        { key: 'gioiTinh', type: 'radio', labelVi: 'Giới tính', labelEn: 'Sex', options: [{ value: 'nam', labelVi: 'Nam', labelEn: 'Male' }, { value: 'nu', labelVi: 'Nữ', labelEn: 'Female' }] },
        { key: 'noiCuTru', type: 'address', labelVi: 'Nơi cư trú', labelEn: 'Residence' },
        { key: 'soBan', type: 'number', labelVi: 'Số bản sao', labelEn: 'Copies', unitVi: 'bản', unitEn: 'copies' },
        { key: 'camKet', type: 'checkbox', labelVi: 'Cam kết', labelEn: 'Pledge' },
        { key: 'giayTo', type: 'file', labelVi: 'Tờ khai', labelEn: 'Form', documentKey: 'to-khai' },
        { key: 'ghiChu', type: 'textarea', labelVi: 'Ghi chú', labelEn: 'Note' },
      ],
    },
    {
      key: 'banSao',
      titleVi: 'Giấy tờ chứng thực',
      titleEn: 'Documents',
      fields: [{ key: 'danhSach', type: 'group', labelVi: 'Giấy tờ', labelEn: 'Document', fields: [{ key: 'ten', type: 'text', labelVi: 'Tên giấy tờ', labelEn: 'Name' }] }],
    },
  ],
}
const formatDate = (date: Date) => date.toISOString().slice(0, 10).split('-').reverse().join('/')

describe('describeFormData', () => {
  it('shows the answers with their labels in the definition order, leaving out blanks and file slots', () => {
    const sections = describeFormData(
      definition,
      { ghiChu: '', soBan: 2, camKet: true, gioiTinh: 'nu', hoTen: 'Nguyễn Thị Hà', ngaySinh: '1990-07-21', noiCuTru: { line: 'Xóm 9', communeCode: '16681' }, giayTo: ['x'], danhSach: [{ ten: 'Bằng tốt nghiệp' }, { ten: 'Học bạ' }] },
      { locale: 'vi', formatDate, communeName: (code) => (code === '16681' ? 'Phường Thành Vinh' : undefined) },
    )
    expect(sections).toEqual([
      {
        key: 'nguoiYeuCau',
        title: 'Người yêu cầu',
        fields: [
          { key: 'hoTen', label: 'Họ và tên', value: 'Nguyễn Thị Hà' },
          { key: 'ngaySinh', label: 'Ngày sinh', value: '21/07/1990' },
          { key: 'gioiTinh', label: 'Giới tính', value: 'Nữ' },
          { key: 'noiCuTru', label: 'Nơi cư trú', value: 'Xóm 9, Phường Thành Vinh' },
          { key: 'soBan', label: 'Số bản sao', value: '2 bản' },
          { key: 'camKet', label: 'Cam kết', value: 'Có' },
        ],
      },
      { key: 'banSao', title: 'Giấy tờ chứng thực', fields: [{ key: 'danhSach', label: 'Giấy tờ', entries: [[{ key: 'ten', label: 'Tên giấy tờ', value: 'Bằng tốt nghiệp' }], [{ key: 'ten', label: 'Tên giấy tờ', value: 'Học bạ' }]] }] },
    ])
  })

  it('keeps answers the definition does not know, and works without a valid definition', () => {
    expect(describeFormData(null, { soDinhDanh: '040084783641' }, { locale: 'en', formatDate })).toEqual([
      { key: '_other', title: 'Other information', fields: [{ key: 'soDinhDanh', label: 'soDinhDanh', value: '040084783641' }] },
    ])
  })
})
