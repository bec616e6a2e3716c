/**
 * The procedure catalogue to seed, built from prisma/data/procedures.csv: one entry per row, with what the
 * file leaves blank filled by clearly marked defaults (listed in `unverifiedFields`, explained in
 * `sourceNote`). English names, form kinds and the minimal document lists below are ours, not a source's.
 */
import { readLegalDeadline, type Deadline } from '../../src/domain/procedure/deadline'
import { defaultFormDefinition, type FormKind } from '../../src/domain/forms/default-forms'
import type { FormDefinition } from '../../src/domain/forms/form-definition'
import type { RequiredDocument } from '../../src/domain/forms/required-document'
import { DEFAULT_WORKFLOW_KEY, SAME_DAY_WORKFLOW_KEY } from '../../src/domain/workflow/default-workflows'
import type { FeeExemption, FeeRule } from '../../src/domain/fees/fee-schedule'
import { readProcedureRows, type ProcedureRow } from './reference-data'

export type OnlineLevel = 'FULL' | 'PARTIAL' | 'NONE'

export type CatalogueEntry = {
  slug: string
  nationalCode: string | null
  field: string
  nameVi: string
  nameEn: string
  feeVnd: number | null
  feeNote: string | null
  feeRule: FeeRule
  feeExemptions: FeeExemption[]
  deadline: Deadline
  deadlineText: string | null
  requiredDocuments: RequiredDocument[]
  onlineLevel: OnlineLevel
  legalBasis: string | null
  formKind: FormKind
  formDefinition: FormDefinition
  workflowKey: string
  unverifiedFields: string[]
  sourceNote: string
}

/** online_level is blank for every row (no reliable source): "một phần" until Nghệ An's list is loaded. */
export const DEFAULT_ONLINE_LEVEL: OnlineLevel = 'PARTIAL'

/**
 * Fee notes are shown to citizens: keep the legal text, drop the researchers' remarks about what their
 * sources did not say (those go to `sourceNote` and `unverifiedFields`, which administrators see).
 */
export function citizenFeeNote(sourceText: string): string | null {
  const cleaned = sourceText.replace(/\s*\(Nghệ An: [^)]*\)/g, '').trim()
  return cleaned || null
}

const doc = (key: string, nameVi: string, nameEn: string, required = true, extra: Partial<RequiredDocument> = {}): RequiredDocument => ({
  key,
  nameVi,
  nameEn,
  required,
  ...extra,
})

/** Every procedure: the request form and an identity document shown at the desk. */
const REQUEST_FORM = doc('to-khai', 'Tờ khai hoặc đơn đề nghị theo mẫu', 'Declaration or request form (official template)')
const IDENTITY = doc('giay-to-tuy-than', 'Giấy tờ tùy thân (CCCD, hộ chiếu) của người yêu cầu', "Applicant's identity document (citizen ID card, passport)", true, {
  presentOnly: true,
})

type Extras = { nameEn: string; formKind: FormKind; documents: RequiredDocument[] }

/** By the Vietnamese name of the row (several rows have no code). */
const EXTRAS: Record<string, Extras> = {
  'Đăng ký khai sinh': {
    nameEn: 'Birth registration',
    formKind: 'birth',
    documents: [doc('giay-chung-sinh', 'Giấy chứng sinh hoặc giấy tờ thay thế', 'Birth certificate from the hospital, or a substitute')],
  },
  'Đăng ký kết hôn': {
    nameEn: 'Marriage registration',
    formKind: 'marriage',
    documents: [doc('xac-nhan-tinh-trang-hon-nhan', 'Giấy xác nhận tình trạng hôn nhân (khi đăng ký ở nơi không cư trú)', 'Certificate of marital status (when registering away from home)', false)],
  },
  'Đăng ký khai tử': {
    nameEn: 'Death registration',
    formKind: 'death',
    documents: [doc('giay-bao-tu', 'Giấy báo tử hoặc giấy tờ thay thế', 'Death notice or a substitute')],
  },
  'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân': { nameEn: 'Certificate of marital status', formKind: 'generic', documents: [] },
  'Đăng ký lại khai sinh': {
    nameEn: 'Re-registration of birth',
    formKind: 'birth',
    documents: [doc('giay-to-lien-quan', 'Bản sao giấy khai sinh cũ hoặc giấy tờ có nội dung liên quan', 'Copy of the old birth certificate or related papers', false)],
  },
  'Đăng ký thay đổi, cải chính hộ tịch': {
    nameEn: 'Change or correction of civil status details',
    formKind: 'generic',
    documents: [doc('giay-to-lam-can-cu', 'Giấy tờ làm căn cứ thay đổi, cải chính', 'Documents supporting the change or correction')],
  },
  'Đăng ký bổ sung hộ tịch': {
    nameEn: 'Supplementary civil status registration',
    formKind: 'generic',
    documents: [doc('giay-to-lam-can-cu', 'Giấy tờ làm căn cứ bổ sung thông tin hộ tịch', 'Documents supporting the added details')],
  },
  'Đăng ký nhận cha, mẹ, con': {
    nameEn: 'Registration of recognition of a parent or child',
    formKind: 'generic',
    documents: [doc('chung-cu-quan-he', 'Chứng cứ chứng minh quan hệ cha, mẹ, con', 'Evidence of the parent–child relationship')],
  },
  'Đăng ký giám hộ (giám hộ cử)': {
    nameEn: 'Guardianship registration (appointed guardian)',
    formKind: 'generic',
    documents: [doc('van-ban-cu-giam-ho', 'Văn bản cử người giám hộ', 'Document appointing the guardian')],
  },
  'Đăng ký chấm dứt giám hộ': {
    nameEn: 'Registration of the end of guardianship',
    formKind: 'generic',
    documents: [doc('giay-to-cham-dut', 'Giấy tờ làm căn cứ chấm dứt giám hộ', 'Documents supporting the end of guardianship')],
  },
  'Cấp bản sao Trích lục hộ tịch': { nameEn: 'Copy of a civil status extract', formKind: 'civilStatusExtract', documents: [] },
  'Liên thông khai tử': {
    nameEn: 'Interconnected death procedures',
    formKind: 'death',
    documents: [doc('giay-bao-tu', 'Giấy báo tử hoặc giấy tờ thay thế', 'Death notice or a substitute')],
  },
  'Cấp bản sao từ sổ gốc': { nameEn: 'Copy from the master register', formKind: 'registerCopy', documents: [] },
  'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan, tổ chức có thẩm quyền của nước ngoài; cơ quan, tổ chức có thẩm quyền của Việt Nam liên kết với cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận':
    {
      nameEn: 'Certification of copies from originals issued or certified by Vietnamese or foreign authorities',
      formKind: 'certifiedCopy',
      documents: [
        doc('ban-chinh', 'Bản chính giấy tờ, văn bản', 'Original document'),
        doc('ban-sao', 'Bản sao cần chứng thực (nếu đã có)', 'Copies to certify (if already made)', false),
      ],
    },
  'Thủ tục chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không ký, không điểm chỉ được)':
    {
      nameEn: 'Certification of signatures (including fingerprints and applicants unable to sign)',
      formKind: 'signature',
      documents: [doc('giay-to-can-ky', 'Giấy tờ, văn bản sẽ ký', 'Document to be signed')],
    },
  'Chứng thực giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở': {
    nameEn: 'Certification of transactions on movable property, land use rights or housing',
    formKind: 'contract',
    documents: [
      doc('du-thao-hop-dong', 'Dự thảo hợp đồng, giao dịch', 'Draft contract or transaction'),
      doc('giay-to-tai-san', 'Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản', 'Copy of the ownership or land use certificate'),
    ],
  },
  'Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch': {
    nameEn: 'Certification of an amendment, supplement or cancellation of a contract or transaction',
    formKind: 'contract',
    documents: [
      doc('hop-dong-da-chung-thuc', 'Hợp đồng, giao dịch đã được chứng thực', 'The certified contract or transaction'),
      doc('du-thao-sua-doi', 'Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ', 'Draft amendment, supplement or cancellation'),
    ],
  },
  'Sửa lỗi sai sót trong hợp đồng, giao dịch đã được chứng thực': {
    nameEn: 'Correction of errors in a certified contract or transaction',
    formKind: 'contract',
    documents: [doc('hop-dong-da-chung-thuc', 'Hợp đồng, giao dịch đã được chứng thực', 'The certified contract or transaction')],
  },
  'Chứng thực di chúc': {
    nameEn: 'Certification of a will',
    formKind: 'generic',
    documents: [doc('du-thao-di-chuc', 'Dự thảo di chúc', 'Draft will')],
  },
  'Chứng thực văn bản từ chối nhận di sản': {
    nameEn: 'Certification of a renunciation of inheritance',
    formKind: 'generic',
    documents: [doc('van-ban-tu-choi', 'Dự thảo văn bản từ chối nhận di sản', 'Draft renunciation of inheritance')],
  },
  'Đăng ký việc nuôi con nuôi trong nước': {
    nameEn: 'Domestic adoption registration',
    formKind: 'generic',
    documents: [doc('giay-khai-sinh-tre', 'Bản sao giấy khai sinh của trẻ em được nhận làm con nuôi', "Copy of the adopted child's birth certificate")],
  },
  'Đăng ký thường trú': {
    nameEn: 'Permanent residence registration',
    formKind: 'generic',
    documents: [doc('cho-o-hop-phap', 'Giấy tờ chứng minh chỗ ở hợp pháp', 'Proof of lawful accommodation')],
  },
  'Đăng ký tạm trú': {
    nameEn: 'Temporary residence registration',
    formKind: 'generic',
    documents: [doc('cho-o-hop-phap', 'Giấy tờ chứng minh chỗ ở hợp pháp', 'Proof of lawful accommodation')],
  },
  'Gia hạn tạm trú': { nameEn: 'Extension of temporary residence', formKind: 'generic', documents: [] },
  'Tách hộ': { nameEn: 'Household separation', formKind: 'generic', documents: [] },
  'Xóa đăng ký thường trú': {
    nameEn: 'Removal of permanent residence registration',
    formKind: 'generic',
    documents: [doc('giay-to-lam-can-cu', 'Giấy tờ chứng minh thuộc trường hợp xóa đăng ký thường trú', 'Documents showing the case for removal')],
  },
  'Thông báo lưu trú': { nameEn: 'Notification of stay', formKind: 'generic', documents: [] },
  'Đăng ký thành lập hộ kinh doanh': { nameEn: 'Household business registration', formKind: 'generic', documents: [] },
  'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh': { nameEn: 'Change of household business registration', formKind: 'generic', documents: [] },
  'Xác định mức độ khuyết tật': {
    nameEn: 'Assessment of disability level',
    formKind: 'generic',
    documents: [doc('giay-to-y-te', 'Giấy tờ y tế liên quan đến tình trạng khuyết tật (nếu có)', 'Medical records on the disability (if any)', false)],
  },
  'Trợ cấp xã hội hàng tháng': { nameEn: 'Monthly social allowance', formKind: 'generic', documents: [] },
  'Trợ cấp hưu trí xã hội': { nameEn: 'Social pension allowance', formKind: 'generic', documents: [] },
  'Xác nhận hộ nghèo, hộ cận nghèo': { nameEn: 'Certification of poor and near-poor households', formKind: 'generic', documents: [] },
  'Cấp giấy phép xây dựng nhà ở riêng lẻ': {
    nameEn: 'Construction permit for a detached house',
    formKind: 'generic',
    documents: [
      doc('giay-to-dat', 'Giấy tờ chứng minh quyền sử dụng đất', 'Proof of land use rights'),
      doc('ban-ve-thiet-ke', 'Bản vẽ thiết kế xây dựng', 'Construction drawings'),
    ],
  },
}

/** ASCII slug of a Vietnamese name: "Đăng ký bổ sung hộ tịch" → "dang-ky-bo-sung-ho-tich". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/**
 * How the fee is counted, from the form kind (its fields) and the fee note's legal text: per copy for civil
 * status extracts (8 000 ₫ a copy, Circular 281/2016), per page of each copy for certified copies (Circular
 * 226/2016), otherwise per dossier.
 */
export function feeRuleFor(formKind: FormKind): FeeRule {
  switch (formKind) {
    case 'certifiedCopy':
      return { kind: 'CERTIFIED_COPY_PAGES', groupField: 'giayTo', pagesField: 'soTrang', copiesField: 'soBan' }
    case 'civilStatusExtract':
      return { kind: 'PER_COPY', copiesField: 'soBan' }
    default:
      return { kind: 'FIXED' }
  }
}

/**
 * Exemptions the form can tell from the answers, each only where the row's fee note states it: on-time birth
 * registration (Civil Status Law art. 11(1)), a mortgage for an agricultural loan (Decree 55/2015 art. 5, in
 * the note of the transaction certification). Exemptions the answers cannot show (families of people with
 * meritorious service, poor households, people with disabilities) are decided at the desk.
 */
export function feeExemptionsFor(formKind: FormKind, feeNote: string): FeeExemption[] {
  const exemptions: FeeExemption[] = []
  if (formKind === 'birth' && /khai sinh đúng hạn/.test(feeNote)) {
    exemptions.push({ when: { field: 'khaiSinhQuaHan', equals: false }, reasonVi: 'Miễn lệ phí khi khai sinh đúng hạn (Luật Hộ tịch, Điều 11 khoản 1)', reasonEn: 'No fee for on-time birth registration (Civil Status Law, art. 11(1))' })
  }
  if (formKind === 'contract' && /thế chấp .*nông nghiệp, nông thôn/.test(feeNote)) {
    exemptions.push({ when: { field: 'mienPhiNongNghiep', equals: true }, reasonVi: 'Miễn phí chứng thực hợp đồng thế chấp vay vốn phát triển nông nghiệp, nông thôn (Nghị định 55/2015/NĐ-CP, Điều 5)', reasonEn: 'No charge for certifying a mortgage for an agricultural or rural development loan (Decree 55/2015, art. 5)' })
  }
  return exemptions
}

function entryFor(row: ProcedureRow): CatalogueEntry {
  const extras = EXTRAS[row.name]
  if (!extras) throw new Error(`procedures.csv: no English name, form kind and documents for "${row.name}" in procedure-catalogue.ts`)
  const { deadline, unverified: deadlineUnverified } = readLegalDeadline(row.settlementTime)
  const requiredDocuments = [REQUEST_FORM, IDENTITY, ...extras.documents]
  const unverifiedFields: string[] = [...deadlineUnverified]
  const defaults: string[] = []

  if (deadlineUnverified.includes('deadline')) defaults.push(`thời hạn giải quyết: ${deadline.kind === 'WORKING_DAYS' ? deadline.days : 0} ngày làm việc (nguồn không có)`)
  if (deadlineUnverified.includes('deadline.cutoffHour')) defaults.push('giờ tiếp nhận giới hạn trong ngày: 15 giờ (áp dụng theo trang DVC khai sinh, văn bản không nêu)')
  if (row.feeVnd === null) {
    unverifiedFields.push('feeVnd')
    defaults.push('lệ phí: chưa có mức (để trống)')
  }
  if (/\(Nghệ An: /.test(row.feeNote)) {
    if (!unverifiedFields.includes('feeVnd')) unverifiedFields.push('feeVnd')
    defaults.push('mức lệ phí do HĐND tỉnh Nghệ An quy định: chưa tìm thấy nghị quyết trong nguồn đã đọc')
  }
  if (!row.onlineLevel) {
    unverifiedFields.push('onlineLevel')
    defaults.push('mức độ dịch vụ công trực tuyến: một phần (nguồn chưa có)')
  }
  // No source listing the documents was read: every list is our minimal default.
  unverifiedFields.push('requiredDocuments')
  defaults.push('thành phần hồ sơ: danh sách tối thiểu, chưa đối chiếu văn bản')

  const sourceNote = [
    `Nguồn: prisma/data/procedures.csv${row.codeSources ? ` (nguồn mã: ${row.codeSources})` : ''}.`,
    row.notes ? `Ghi chú nguồn: ${row.notes}.` : null,
    `Giá trị mặc định chưa kiểm chứng — ${defaults.join('; ')}.`,
  ]
    .filter(Boolean)
    .join(' ')

  const sameDayCertification = row.field === 'Chứng thực' && deadline.kind === 'SAME_DAY'
  const onlineLevel = ((): OnlineLevel => {
    const level = row.onlineLevel.toLowerCase()
    if (!level) return DEFAULT_ONLINE_LEVEL
    if (level.includes('toàn trình')) return 'FULL'
    if (level.includes('một phần')) return 'PARTIAL'
    throw new Error(`procedures.csv: unknown online level "${row.onlineLevel}"`)
  })()

  return {
    slug: row.code ?? slugify(row.name),
    nationalCode: row.code,
    field: row.field,
    nameVi: row.name,
    nameEn: extras.nameEn,
    feeVnd: row.feeVnd,
    feeNote: citizenFeeNote(row.feeNote),
    feeRule: feeRuleFor(extras.formKind),
    feeExemptions: feeExemptionsFor(extras.formKind, row.feeNote),
    deadline,
    deadlineText: row.settlementTime || null,
    requiredDocuments,
    onlineLevel,
    legalBasis: row.legalBasis || null,
    formKind: extras.formKind,
    formDefinition: defaultFormDefinition(extras.formKind, requiredDocuments),
    workflowKey: sameDayCertification ? SAME_DAY_WORKFLOW_KEY : DEFAULT_WORKFLOW_KEY,
    unverifiedFields,
    sourceNote,
  }
}

export function buildCatalogue(rows: ProcedureRow[] = readProcedureRows()): CatalogueEntry[] {
  const entries = rows.map(entryFor)
  const slugs = new Set(entries.map((entry) => entry.slug))
  if (slugs.size !== entries.length) throw new Error('procedures.csv: two procedures share a slug')
  return entries
}
