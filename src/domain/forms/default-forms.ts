import { FormDefinitionSchema, type FormDefinition, type FormField, type FormOption, type FormSection, type LeafField } from './form-definition'
import type { RequiredDocument } from './required-document'

/**
 * Sensible starting forms for the seeded procedures. They follow what the declarations of these procedures
 * usually ask (tờ khai), but no normative field list was read (shared research: forms.md), so they are
 * defaults an administrator edits, not the legal templates.
 */
export const FORM_KINDS = [
  'birth',
  'marriage',
  'death',
  'certifiedCopy',
  'registerCopy',
  'civilStatusExtract',
  'signature',
  'contract',
  'generic',
] as const

export type FormKind = (typeof FORM_KINDS)[number]

const option = (value: string, labelVi: string, labelEn: string): FormOption => ({ value, labelVi, labelEn })

const GENDER_OPTIONS = [option('MALE', 'Nam', 'Male'), option('FEMALE', 'Nữ', 'Female')]

const RELATIONSHIP_OPTIONS = [
  option('cha', 'Cha', 'Father'),
  option('me', 'Mẹ', 'Mother'),
  option('ong', 'Ông', 'Grandfather'),
  option('ba', 'Bà', 'Grandmother'),
  option('vo-chong', 'Vợ/chồng', 'Spouse'),
  option('con', 'Con', 'Child'),
  option('nguoi-than', 'Người thân thích khác', 'Other relative'),
  option('uy-quyen', 'Người được ủy quyền', 'Authorised person'),
]

/** The applicant (người yêu cầu), filled in from the signed-in citizen's profile when there is one. */
const applicantSection: FormSection = {
  key: 'nguoiYeuCau',
  titleVi: 'Người yêu cầu',
  titleEn: 'Applicant',
  fields: [
    { key: 'hoTenNguoiYeuCau', type: 'text', labelVi: 'Họ, chữ đệm và tên', labelEn: 'Full name', required: true, maxLength: 100, prefill: 'applicant.fullName' },
    { key: 'soDinhDanh', type: 'citizenId', labelVi: 'Số định danh cá nhân (CCCD)', labelEn: 'Citizen ID number', required: true, prefill: 'applicant.citizenId' },
    { key: 'soDienThoai', type: 'phone', labelVi: 'Số điện thoại', labelEn: 'Phone', required: true, prefill: 'applicant.phone' },
    { key: 'email', type: 'email', labelVi: 'Thư điện tử', labelEn: 'Email', prefill: 'applicant.email' },
    { key: 'noiCuTru', type: 'address', labelVi: 'Nơi cư trú', labelEn: 'Place of residence', required: true },
  ],
}

/** A person's identity block with a common key prefix, e.g. the father's or the deceased's. */
function person(prefix: string, whoVi: string, whoEn: string, options: { required: boolean; visibleWhen?: LeafField['visibleWhen'] }): LeafField[] {
  const shared = { required: options.required, ...(options.visibleWhen ? { visibleWhen: options.visibleWhen } : {}) }
  return [
    { key: `${prefix}HoTen`, type: 'text', labelVi: `Họ, chữ đệm và tên ${whoVi}`, labelEn: `${whoEn}'s full name`, maxLength: 100, ...shared },
    { key: `${prefix}NgaySinh`, type: 'date', labelVi: `Ngày, tháng, năm sinh ${whoVi}`, labelEn: `${whoEn}'s date of birth`, notInFuture: true, ...shared },
    { key: `${prefix}DanToc`, type: 'text', labelVi: `Dân tộc ${whoVi}`, labelEn: `${whoEn}'s ethnicity`, maxLength: 50, ...shared },
    { key: `${prefix}QuocTich`, type: 'text', labelVi: `Quốc tịch ${whoVi}`, labelEn: `${whoEn}'s nationality`, maxLength: 50, ...shared },
    { key: `${prefix}SoDinhDanh`, type: 'citizenId', labelVi: `Số định danh cá nhân ${whoVi}`, labelEn: `${whoEn}'s citizen ID number`, ...(options.visibleWhen ? { visibleWhen: options.visibleWhen } : {}) },
    { key: `${prefix}NoiCuTru`, type: 'address', labelVi: `Nơi cư trú ${whoVi}`, labelEn: `${whoEn}'s place of residence`, ...shared },
  ]
}

const relationshipField = (key: string, labelVi: string, labelEn: string): FormField => ({
  key,
  type: 'select',
  labelVi,
  labelEn,
  required: true,
  options: RELATIONSHIP_OPTIONS,
})

const requestSections: Record<FormKind, FormSection[]> = {
  birth: [
    {
      key: 'nguoiDuocKhaiSinh',
      titleVi: 'Người được khai sinh',
      titleEn: 'Child',
      fields: [
        { key: 'treHoTen', type: 'text', labelVi: 'Họ, chữ đệm và tên', labelEn: 'Full name', required: true, maxLength: 100 },
        { key: 'treGioiTinh', type: 'radio', labelVi: 'Giới tính', labelEn: 'Gender', required: true, options: GENDER_OPTIONS },
        { key: 'treNgaySinh', type: 'date', labelVi: 'Ngày, tháng, năm sinh', labelEn: 'Date of birth', required: true, notInFuture: true },
        { key: 'treNoiSinh', type: 'address', labelVi: 'Nơi sinh', labelEn: 'Place of birth', required: true },
        { key: 'treDanToc', type: 'text', labelVi: 'Dân tộc', labelEn: 'Ethnicity', required: true, maxLength: 50 },
        { key: 'treQuocTich', type: 'text', labelVi: 'Quốc tịch', labelEn: 'Nationality', required: true, maxLength: 50 },
        { key: 'treQueQuan', type: 'text', labelVi: 'Quê quán', labelEn: 'Place of origin', maxLength: 200 },
      ],
    },
    {
      key: 'chaMe',
      titleVi: 'Cha, mẹ của người được khai sinh',
      titleEn: "Child's parents",
      fields: [
        ...person('me', 'của mẹ', 'Mother', { required: true }),
        { key: 'coThongTinCha', type: 'checkbox', labelVi: 'Khai thông tin người cha', labelEn: "Declare the father's details" },
        ...person('cha', 'của cha', 'Father', { required: true, visibleWhen: { field: 'coThongTinCha', equals: true } }),
      ],
    },
    {
      key: 'nguoiDiKhai',
      titleVi: 'Quan hệ với người được khai sinh',
      titleEn: 'Relationship to the child',
      fields: [
        relationshipField('quanHeVoiTre', 'Người đi khai sinh là', 'The declarant is the child’s'),
        { key: 'khaiSinhQuaHan', type: 'checkbox', labelVi: 'Khai sinh quá hạn (sau 60 ngày kể từ ngày sinh)', labelEn: 'Late registration (more than 60 days after birth)' },
        { key: 'lyDoQuaHan', type: 'textarea', labelVi: 'Lý do khai sinh quá hạn', labelEn: 'Reason for the late registration', maxLength: 500, visibleWhen: { field: 'khaiSinhQuaHan', equals: true } },
      ],
    },
  ],
  marriage: [
    { key: 'benNu', titleVi: 'Bên nữ', titleEn: 'Bride', fields: [...person('nu', 'bên nữ', 'Bride', { required: true })] },
    { key: 'benNam', titleVi: 'Bên nam', titleEn: 'Groom', fields: [...person('nam', 'bên nam', 'Groom', { required: true })] },
    {
      key: 'ketHon',
      titleVi: 'Đăng ký kết hôn',
      titleEn: 'Marriage',
      fields: [
        {
          key: 'lanKetHon',
          type: 'radio',
          labelVi: 'Kết hôn lần thứ',
          labelEn: 'Marriage number',
          required: true,
          options: [option('1', 'Lần đầu', 'First'), option('2', 'Lần thứ hai trở lên', 'Second or later')],
        },
        { key: 'ngayDuKienDangKy', type: 'date', labelVi: 'Ngày dự kiến đến nhận giấy chứng nhận', labelEn: 'Preferred date to receive the certificate' },
      ],
    },
  ],
  death: [
    {
      key: 'nguoiChet',
      titleVi: 'Người đã chết',
      titleEn: 'Deceased',
      fields: [
        { key: 'nguoiChetHoTen', type: 'text', labelVi: 'Họ, chữ đệm và tên', labelEn: 'Full name', required: true, maxLength: 100 },
        { key: 'nguoiChetGioiTinh', type: 'radio', labelVi: 'Giới tính', labelEn: 'Gender', required: true, options: GENDER_OPTIONS },
        { key: 'nguoiChetNgaySinh', type: 'date', labelVi: 'Ngày, tháng, năm sinh', labelEn: 'Date of birth', required: true, notInFuture: true },
        { key: 'nguoiChetSoDinhDanh', type: 'citizenId', labelVi: 'Số định danh cá nhân', labelEn: 'Citizen ID number' },
        { key: 'ngayChet', type: 'date', labelVi: 'Ngày chết', labelEn: 'Date of death', required: true, notInFuture: true },
        { key: 'noiChet', type: 'address', labelVi: 'Nơi chết', labelEn: 'Place of death', required: true },
        { key: 'nguyenNhanChet', type: 'text', labelVi: 'Nguyên nhân chết', labelEn: 'Cause of death', maxLength: 200 },
      ],
    },
    {
      key: 'nguoiDiKhai',
      titleVi: 'Quan hệ với người đã chết',
      titleEn: 'Relationship to the deceased',
      fields: [relationshipField('quanHeVoiNguoiChet', 'Người đi khai tử là', 'The declarant is the deceased’s')],
    },
  ],
  certifiedCopy: [
    {
      key: 'banSao',
      titleVi: 'Giấy tờ cần chứng thực bản sao',
      titleEn: 'Documents to certify',
      fields: [
        {
          key: 'giayTo',
          type: 'group',
          labelVi: 'Giấy tờ, văn bản',
          labelEn: 'Document',
          required: true,
          minItems: 1,
          maxItems: 20,
          fields: [
            { key: 'tenGiayTo', type: 'text', labelVi: 'Tên giấy tờ, văn bản', labelEn: 'Name of the document', required: true, maxLength: 200 },
            { key: 'soTrang', type: 'number', labelVi: 'Số trang của bản chính', labelEn: 'Pages of the original', required: true, integer: true, min: 1, max: 500, unitVi: 'trang', unitEn: 'pages' },
            { key: 'soBan', type: 'number', labelVi: 'Số bản sao cần chứng thực', labelEn: 'Copies to certify', required: true, integer: true, min: 1, max: 50, unitVi: 'bản', unitEn: 'copies' },
            {
              key: 'coQuanCap',
              type: 'radio',
              labelVi: 'Bản chính do cơ quan nào cấp',
              labelEn: 'Issued by',
              required: true,
              options: [option('VN', 'Cơ quan Việt Nam', 'A Vietnamese authority'), option('NN', 'Cơ quan nước ngoài', 'A foreign authority')],
            },
          ],
        },
      ],
    },
  ],
  registerCopy: [
    {
      key: 'banSaoSoGoc',
      titleVi: 'Bản sao từ sổ gốc',
      titleEn: 'Copy from the master register',
      fields: [
        { key: 'tenGiayTo', type: 'text', labelVi: 'Tên giấy tờ cần cấp bản sao', labelEn: 'Document to copy', required: true, maxLength: 200 },
        { key: 'soHieuSoGoc', type: 'text', labelVi: 'Số, quyển số trong sổ gốc (nếu biết)', labelEn: 'Number and book in the register (if known)', maxLength: 100 },
        { key: 'ngayCapBanChinh', type: 'date', labelVi: 'Ngày cấp bản chính', labelEn: 'Date the original was issued', notInFuture: true },
        { key: 'soBan', type: 'number', labelVi: 'Số bản sao', labelEn: 'Copies', required: true, integer: true, min: 1, max: 20, unitVi: 'bản', unitEn: 'copies' },
        relationshipField('quanHeVoiNguoiDuocCap', 'Quan hệ với người được cấp bản chính', 'Relationship to the holder of the original'),
      ],
    },
  ],
  civilStatusExtract: [
    {
      key: 'trichLuc',
      titleVi: 'Bản sao trích lục hộ tịch',
      titleEn: 'Civil status extract copy',
      fields: [
        {
          key: 'loaiSuKien',
          type: 'select',
          labelVi: 'Sự kiện hộ tịch',
          labelEn: 'Civil status event',
          required: true,
          options: [
            option('khai-sinh', 'Khai sinh', 'Birth'),
            option('ket-hon', 'Kết hôn', 'Marriage'),
            option('khai-tu', 'Khai tử', 'Death'),
            option('thay-doi-cai-chinh', 'Thay đổi, cải chính hộ tịch', 'Change or correction'),
            option('khac', 'Sự kiện khác', 'Other event'),
          ],
        },
        { key: 'nguoiDuocCapHoTen', type: 'text', labelVi: 'Họ, chữ đệm và tên người có sự kiện hộ tịch', labelEn: 'Full name of the person the event concerns', required: true, maxLength: 100 },
        { key: 'ngayDangKy', type: 'date', labelVi: 'Ngày đăng ký sự kiện (nếu biết)', labelEn: 'Date the event was registered (if known)', notInFuture: true },
        { key: 'soBan', type: 'number', labelVi: 'Số bản sao trích lục', labelEn: 'Copies of the extract', required: true, integer: true, min: 1, max: 20, unitVi: 'bản', unitEn: 'copies' },
      ],
    },
  ],
  signature: [
    {
      key: 'chuKy',
      titleVi: 'Chứng thực chữ ký',
      titleEn: 'Signature certification',
      fields: [
        { key: 'tenGiayTo', type: 'text', labelVi: 'Tên giấy tờ, văn bản cần chứng thực chữ ký', labelEn: 'Document to be signed', required: true, maxLength: 200 },
        {
          key: 'hinhThuc',
          type: 'radio',
          labelVi: 'Hình thức',
          labelEn: 'Form',
          required: true,
          options: [
            option('ky', 'Ký', 'Signature'),
            option('diem-chi', 'Điểm chỉ', 'Fingerprint'),
            option('khong-ky-duoc', 'Không ký, không điểm chỉ được', 'Cannot sign or fingerprint'),
          ],
        },
        { key: 'lyDoKhongKy', type: 'textarea', labelVi: 'Lý do không ký, không điểm chỉ được', labelEn: 'Why the applicant cannot sign', maxLength: 300, required: true, visibleWhen: { field: 'hinhThuc', equals: 'khong-ky-duoc' } },
        { key: 'soBan', type: 'number', labelVi: 'Số bản', labelEn: 'Copies', required: true, integer: true, min: 1, max: 20, unitVi: 'bản', unitEn: 'copies' },
      ],
    },
  ],
  contract: [
    {
      key: 'hopDong',
      titleVi: 'Hợp đồng, giao dịch',
      titleEn: 'Contract or transaction',
      fields: [
        {
          key: 'loaiHopDong',
          type: 'select',
          labelVi: 'Loại hợp đồng, giao dịch',
          labelEn: 'Kind of contract',
          required: true,
          options: [
            option('chuyen-nhuong-dat', 'Chuyển nhượng quyền sử dụng đất', 'Land use right transfer'),
            option('tang-cho', 'Tặng cho', 'Gift'),
            option('the-chap', 'Thế chấp', 'Mortgage'),
            option('thue-nha', 'Thuê nhà ở', 'House lease'),
            option('mua-ban-dong-san', 'Mua bán động sản', 'Sale of movable property'),
            option('khac', 'Khác', 'Other'),
          ],
        },
        { key: 'taiSan', type: 'textarea', labelVi: 'Tài sản (mô tả, số giấy chứng nhận nếu có)', labelEn: 'Property (description, certificate number if any)', required: true, maxLength: 1000 },
        {
          key: 'benGiaoKet',
          type: 'group',
          labelVi: 'Các bên giao kết',
          labelEn: 'Parties',
          required: true,
          minItems: 2,
          maxItems: 10,
          fields: [
            { key: 'hoTen', type: 'text', labelVi: 'Họ, chữ đệm và tên', labelEn: 'Full name', required: true, maxLength: 100 },
            { key: 'soDinhDanh', type: 'citizenId', labelVi: 'Số định danh cá nhân', labelEn: 'Citizen ID number', required: true },
            { key: 'noiCuTru', type: 'address', labelVi: 'Nơi cư trú', labelEn: 'Place of residence', required: true },
          ],
        },
        { key: 'mienPhiNongNghiep', type: 'checkbox', labelVi: 'Thế chấp để vay vốn phát triển nông nghiệp, nông thôn (miễn phí)', labelEn: 'Mortgage for an agricultural loan (fee exempt)', visibleWhen: { field: 'loaiHopDong', equals: 'the-chap' } },
      ],
    },
  ],
  generic: [
    {
      key: 'noiDung',
      titleVi: 'Nội dung yêu cầu',
      titleEn: 'Request',
      fields: [
        { key: 'noiDungYeuCau', type: 'textarea', labelVi: 'Nội dung đề nghị', labelEn: 'What you ask for', required: true, maxLength: 2000 },
        { key: 'ghiChu', type: 'textarea', labelVi: 'Ghi chú', labelEn: 'Notes', maxLength: 1000 },
      ],
    },
  ],
}

/** One upload slot per required document; documents only shown at the desk get none. */
function documentSection(documents: readonly RequiredDocument[]): FormSection | null {
  const fields: FormField[] = documents
    .filter((document) => !document.presentOnly)
    .map((document, index) => ({
      key: `tep${index + 1}`,
      type: 'file',
      labelVi: document.nameVi,
      labelEn: document.nameEn,
      required: document.required,
      documentKey: document.key,
      maxFiles: 5,
    }))
  return fields.length ? { key: 'giayTo', titleVi: 'Giấy tờ kèm theo', titleEn: 'Attached documents', fields } : null
}

/** The default form of a procedure: the applicant, the request of its kind, and its document slots. */
export function defaultFormDefinition(kind: FormKind, documents: readonly RequiredDocument[]): FormDefinition {
  const files = documentSection(documents)
  return FormDefinitionSchema.parse({
    schemaVersion: 1,
    sections: [applicantSection, ...requestSections[kind], ...(files ? [files] : [])],
  })
}
