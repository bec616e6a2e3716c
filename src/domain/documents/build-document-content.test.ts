import { describe, expect, it } from 'vitest'
import { buildDocumentContent } from './build-document-content'
import type { DocumentBlock, DocumentContent } from './document-content'
import type { DocumentSnapshot } from './document-snapshot'
import { at, event, received, refusedAtDesk, rescheduled, submittedOnline, supplementRequested, withdrawnOnline } from './sample-snapshots'

const fieldValue = (content: DocumentContent, label: string) =>
  content.blocks.find((block): block is Extract<DocumentBlock, { kind: 'field' }> => block.kind === 'field' && block.label === label)?.value
const allText = (content: DocumentContent) =>
  content.blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return block.runs.map((run) => run.text).join('')
        case 'field':
          return `${block.label}: ${block.value}`
        case 'list':
          return block.items.join('\n')
        case 'table':
          return block.rows.map((row) => row.join(' | ')).join('\n')
      }
    })
    .join('\n')

describe('acknowledgement of an online submission', () => {
  const content = buildDocumentContent('xac-nhan-nop', submittedOnline)!
  const paragraphs = (of: DocumentContent) =>
    of.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.runs.map((run) => run.text).join('')] : []))

  it('is headed like the desk’s slips, dated the day of submission, with the code large and as a QR code', () => {
    expect(content.title).toBe('PHIẾU XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN')
    // Not a form of the circular: no form number.
    expect(content.formNumber).toBeNull()
    expect(content.issuer).toEqual([
      { text: 'UBND PHƯỜNG THÀNH VINH', style: 'regular' },
      { text: 'BỘ PHẬN MỘT CỬA', style: 'bold' },
    ])
    expect(content.placeAndDate).toBe('Thành Vinh, ngày 24 tháng 11 năm 2026')
    expect(content).toMatchObject({ dossierCode: '16681-261124-0012', qr: true, prominentCode: true })
  })

  it('names the applicant as the other forms do, the request and the time of submission in Vietnam', () => {
    expect(fieldValue(content, 'Ông/bà')).toBe('Nguyễn Văn An')
    // The full number, as on every other form: the citizen prints this paper for themselves.
    expect(fieldValue(content, 'Số định danh cá nhân')).toBe('040085003917')
    expect(fieldValue(content, 'Số điện thoại')).toBe('0912048731')
    expect(fieldValue(content, 'Thư điện tử')).toBe('an.nguyen@example.vn')
    expect(fieldValue(content, 'Nội dung yêu cầu giải quyết')).toBe('Đăng ký khai sinh')
    // 13:15 UTC is 20:15 in Vietnam.
    expect(fieldValue(content, 'Thời gian nộp hồ sơ')).toBe('24/11/2026 20:15')
  })

  it('lists the files sent with the application and the document each answers', () => {
    const table = content.blocks.find((block) => block.kind === 'table')
    expect(table?.kind === 'table' && table.columns.map((column) => column.header)).toEqual(['STT', 'Tên tệp', 'Thành phần hồ sơ'])
    expect(table?.kind === 'table' && table.rows).toEqual([
      ['1', 'Tờ khai đăng ký khai sinh.pdf', 'Tờ khai hoặc đơn đề nghị theo mẫu'],
      ['2', 'giay-chung-sinh.jpg', 'Giấy chứng sinh hoặc giấy tờ thay thế'],
      ['3', 'ghi-chu.png', 'Tệp khác'],
    ])
  })

  it('leaves out files sent later in answer to a supplement request, and says when nothing was attached', () => {
    const later = buildDocumentContent('xac-nhan-nop', {
      ...submittedOnline,
      attachments: [...submittedOnline.attachments, { documentKey: 'to-khai', fileName: 'to-khai-co-chu-ky.pdf', kind: 'SUPPLEMENT' }],
    })!
    const table = later.blocks.find((block) => block.kind === 'table')
    expect(table?.kind === 'table' && table.rows.map((row) => row[1])).toEqual(['Tờ khai đăng ký khai sinh.pdf', 'giay-chung-sinh.jpg', 'ghi-chu.png'])

    const none = buildDocumentContent('xac-nhan-nop', { ...submittedOnline, attachments: [] })!
    expect(none.blocks.some((block) => block.kind === 'table')).toBe(false)
    expect(paragraphs(none)).toContain('Không có tệp đính kèm.')
  })

  it('gives the fee: free, an amount in đồng (the font has no ₫), or "as regulated" when the amount is not known', () => {
    expect(fieldValue(content, '2. Lệ phí')).toBe('Miễn phí')
    expect(fieldValue(buildDocumentContent('xac-nhan-nop', { ...submittedOnline, fee: { amountVnd: 8000, known: true } })!, '2. Lệ phí')).toBe('8.000 đồng')
    expect(fieldValue(buildDocumentContent('xac-nhan-nop', { ...submittedOnline, fee: { amountVnd: 0, known: false } })!, '2. Lệ phí')).toBe('Theo quy định')
  })

  it('gives the time limit in working days, or the same-day rule with its cut-off', () => {
    expect(fieldValue(content, '3. Thời hạn giải quyết')).toBe('03 ngày làm việc')
    const sameDay = buildDocumentContent('xac-nhan-nop', { ...submittedOnline, deadline: { kind: 'SAME_DAY', cutoffHour: 15 } })!
    expect(fieldValue(sameDay, '3. Thời hạn giải quyết')).toBe('Trong ngày (nhận sau 15 giờ trả trong ngày làm việc tiếp theo)')
    const extended = buildDocumentContent('xac-nhan-nop', { ...submittedOnline, deadline: { kind: 'WORKING_DAYS', days: 5, extensionDays: 3, extensionReason: 'Cần xác minh' } })!
    expect(fieldValue(extended, '3. Thời hạn giải quyết')).toBe('05 ngày làm việc (có thể kéo dài thêm 03 ngày làm việc nếu cần xác minh)')
    expect(fieldValue(buildDocumentContent('xac-nhan-nop', { ...submittedOnline, deadline: null })!, '3. Thời hạn giải quyết')).toBe('Theo quy định của thủ tục')
  })

  it('gives the expected appointment, marked as an estimate that the receipt replaces', () => {
    expect(paragraphs(content)).toContain(
      '4. Ngày hẹn trả kết quả dự kiến: 30/11/2026 (dự kiến; ngày hẹn chính thức ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả)',
    )
    const date = content.blocks.flatMap((block) => (block.kind === 'paragraph' ? block.runs : [])).find((run) => run.text === '30/11/2026')
    expect(date?.style).toBe('bold')
    const unknown = buildDocumentContent('xac-nhan-nop', { ...submittedOnline, expectedDueAt: null })!
    expect(allText(unknown)).toContain('4. Ngày hẹn trả kết quả dự kiến: theo thời hạn giải quyết của thủ tục (dự kiến;')
  })

  it('says how to look the dossier up, and that it carries no signature', () => {
    expect(allText(content)).toContain(
      'Ông/bà tra cứu tình trạng hồ sơ tại trang /tra-cuu của Cổng dịch vụ công bằng mã hồ sơ 16681-261124-0012 và số điện thoại (hoặc số định danh cá nhân) đã khai khi nộp hồ sơ',
    )
    expect(content.signatures).toEqual([])
  })

  it('stays available once the dossier is received, with the estimate made at submission', () => {
    const receivedLater: DocumentSnapshot = {
      ...submittedOnline,
      state: 'PROCESSING',
      receivedAt: at('2026-11-26T02:00:00Z'),
      receivedByName: 'Nguyễn Thị Thu Hà',
      dueAt: at('2026-12-01T10:00:00Z'),
      events: [...submittedOnline.events, event('receive', '2026-11-26T02:00:00Z', { actorRole: 'CLERK', dueAt: at('2026-12-01T10:00:00Z') })],
    }
    expect(allText(buildDocumentContent('xac-nhan-nop', receivedLater)!)).toContain('Ngày hẹn trả kết quả dự kiến: 30/11/2026')
  })

  it('does not exist for a dossier handed in at the desk or by post', () => {
    expect(buildDocumentContent('xac-nhan-nop', received)).toBeNull()
    expect(buildDocumentContent('xac-nhan-nop', { ...submittedOnline, channel: 'DESK' })).toBeNull()
    expect(buildDocumentContent('xac-nhan-nop', { ...submittedOnline, channel: 'POST' })).toBeNull()
  })
})

describe('Mẫu 01 — receipt and appointment slip', () => {
  const content = buildDocumentContent('mau-01', received)!

  it('is issued by the commune’s one-stop desk on the day of receipt, with the code as a QR code', () => {
    expect(content.title).toBe('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ')
    expect(content.formNumber).toBe('Mẫu số 01')
    expect(content.issuer).toEqual([
      { text: 'UBND PHƯỜNG THÀNH VINH', style: 'regular' },
      { text: 'BỘ PHẬN MỘT CỬA', style: 'bold' },
    ])
    expect(content.placeAndDate).toBe('Thành Vinh, ngày 24 tháng 11 năm 2026')
    expect(content).toMatchObject({ dossierCode: '16681-261124-0007', qr: true })
  })

  it('names the applicant, the request, the time of receipt and the appointment', () => {
    expect(fieldValue(content, 'Ông/bà')).toBe('Nguyễn Văn An')
    expect(fieldValue(content, 'Số định danh cá nhân')).toBe('040085003917')
    expect(fieldValue(content, 'Số điện thoại')).toBe('0912048731')
    expect(fieldValue(content, 'Thư điện tử')).toBeUndefined()
    expect(fieldValue(content, 'Nội dung yêu cầu giải quyết')).toBe('Đăng ký khai sinh')
    expect(fieldValue(content, 'Hình thức nộp hồ sơ')).toBe('Trực tiếp tại Bộ phận Một cửa')
    expect(fieldValue(content, '2. Thời gian nhận hồ sơ')).toBe('15 giờ 05 phút, ngày 24/11/2026')
    expect(fieldValue(content, '3. Thời gian hẹn trả kết quả')).toBe('17 giờ 00 phút, ngày 27/11/2026')
  })

  it('lists the required documents, optional ones only with files, and loose files', () => {
    const table = content.blocks.find((block) => block.kind === 'table')
    expect(table?.kind === 'table' && table.rows).toEqual([
      ['1', 'Tờ khai hoặc đơn đề nghị theo mẫu', '01', 'Tệp điện tử (02)'],
      ['2', 'Giấy tờ tùy thân (CCCD, hộ chiếu) của người yêu cầu', '—', 'Xuất trình bản chính'],
      ['3', 'Giấy chứng sinh hoặc giấy tờ thay thế', '02', ''],
      ['4', 'anh-chup-bo-sung.jpg', '—', 'Tệp điện tử'],
    ])
  })

  it('is signed by the applicant and the receiving officer', () => {
    expect(content.signatures).toEqual([
      { title: 'NGƯỜI NỘP HỒ SƠ', note: '(Ký, ghi rõ họ tên)', name: 'Nguyễn Văn An' },
      { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký, ghi rõ họ tên)', name: 'Nguyễn Thị Thu Hà' },
    ])
  })

  it('is signed by the receiving officer alone for an online submission', () => {
    const online = buildDocumentContent('mau-01', { ...received, channel: 'ONLINE' })!
    expect(online.signatures).toEqual([{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký, ghi rõ họ tên)', name: 'Nguyễn Thị Thu Hà' }])
    expect(fieldValue(online, 'Hình thức nộp hồ sơ')).toBe('Trực tuyến')
  })

  it('keeps the appointment given at receipt after it was moved', () => {
    const moved: DocumentSnapshot = {
      ...received,
      dueAt: at('2026-12-04T10:00:00Z'),
      events: [...received.events, event('reschedule', '2026-11-26T03:00:00Z', { dueAt: at('2026-12-04T10:00:00Z') })],
    }
    expect(fieldValue(buildDocumentContent('mau-01', moved)!, '3. Thời gian hẹn trả kết quả')).toBe('17 giờ 00 phút, ngày 27/11/2026')
  })

  it('does not exist before receipt', () => {
    expect(buildDocumentContent('mau-01', { ...received, state: 'SUBMITTED', receivedAt: null, events: received.events.slice(0, 1) })).toBeNull()
  })
})

describe('Mẫu 02 — supplement request', () => {

  it('lists the stored items one per line with their notes, and the reason', () => {
    const content = buildDocumentContent('mau-02', supplementRequested)!
    expect(content.title).toBe('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ')
    expect(content.placeAndDate).toBe('Thành Vinh, ngày 25 tháng 11 năm 2026')
    expect(content.blocks.find((block) => block.kind === 'list')).toEqual({
      kind: 'list',
      items: ['Tờ khai hoặc đơn đề nghị theo mẫu: Thiếu chữ ký của người yêu cầu', 'Giấy chứng sinh hoặc giấy tờ thay thế'],
    })
    expect(fieldValue(content, 'Lý do')).toBe('Hồ sơ chưa đầy đủ.')
    expect(fieldValue(content, 'Ngày tiếp nhận hồ sơ')).toBe('24/11/2026')
    expect(content.signatures).toEqual([{ title: 'NGƯỜI HƯỚNG DẪN', note: '(Ký, ghi rõ họ tên)', name: 'Trần Văn Hùng' }])
  })

  it('falls back on the engine’s event when no request was stored', () => {
    const content = buildDocumentContent('mau-02', { ...supplementRequested, supplementRequests: [] })!
    expect(content.blocks.find((block) => block.kind === 'list')).toEqual({ kind: 'list', items: ['Tờ khai thiếu chữ ký'] })
    expect(fieldValue(content, 'Lý do')).toBeUndefined()
    expect(content.signatures[0]?.name).toBe('Trần Văn Hùng')
  })

  it('takes a later event over an older stored request', () => {
    const later = {
      ...supplementRequested,
      events: [...supplementRequested.events, event('supply', '2026-11-26T02:00:00Z'), event('request_supplement', '2026-11-27T02:00:00Z', { reason: 'Ảnh chụp giấy chứng sinh bị mờ' })],
    }
    const content = buildDocumentContent('mau-02', later)!
    expect(content.placeAndDate).toBe('Thành Vinh, ngày 27 tháng 11 năm 2026')
    expect(allText(content)).toContain('Ảnh chụp giấy chứng sinh bị mờ')
  })
})

describe('Mẫu 03 — refusal', () => {
  it('gives the reason and the refusing officer, dated the day of refusal', () => {
    const content = buildDocumentContent('mau-03', refusedAtDesk)!
    expect(content.title).toBe('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ')
    expect(content.placeAndDate).toBe('Thành Vinh, ngày 24 tháng 11 năm 2026')
    expect(allText(content)).toContain(
      'Qua xem xét, Ủy ban nhân dân phường Thành Vinh thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:\nHồ sơ không thuộc thẩm quyền giải quyết của cấp xã.',
    )
    expect(content.signatures).toEqual([{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký, ghi rõ họ tên)', name: 'Nguyễn Thị Thu Hà' }])
  })
})

describe('Mẫu 04 — apology with a new appointment', () => {

  it('is a letter of the People’s Committee with the old and the new appointment', () => {
    const content = buildDocumentContent('mau-04', rescheduled)!
    expect(content.title).toBe('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT')
    expect(content.issuer.map((run) => run.text)).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG THÀNH VINH'])
    expect(content.placeAndDate).toBe('Thành Vinh, ngày 26 tháng 11 năm 2026')
    const text = allText(content)
    expect(text).toContain('Kính gửi: Ông/bà Nguyễn Văn An')
    expect(text).toContain('Thời gian hẹn trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 27/11/2026.')
    expect(text).toContain('Lý do: Cần xác minh thêm thông tin tại nơi cư trú.')
    expect(text).toContain('kết quả giải quyết hồ sơ sẽ được trả vào 17 giờ 00 phút, ngày 04/12/2026.')
    expect(content.signatures).toEqual([{ title: 'LÃNH ĐẠO ỦY BAN NHÂN DÂN', note: '(Ký, ghi rõ họ tên)', name: 'Lê Quang Minh' }])
  })

  it('finds the replaced appointment in the history when the event does not carry it', () => {
    const withoutData: DocumentSnapshot = {
      ...rescheduled,
      events: rescheduled.events.map((candidate) => (candidate.action === 'reschedule' ? { ...candidate, data: {} } : candidate)),
    }
    const text = allText(buildDocumentContent('mau-04', withoutData)!)
    expect(text).toContain('17 giờ 00 phút, ngày 27/11/2026')
    expect(text).toContain('sẽ được trả vào 17 giờ 00 phút, ngày 04/12/2026.')
  })
})

describe('Mẫu 05 — notice of stopping at the applicant’s request', () => {

  it('states the request, its reason and the date processing stopped', () => {
    const content = buildDocumentContent('mau-05', withdrawnOnline)!
    expect(content.title).toBe('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ')
    expect(content.placeAndDate).toBe('Thành Vinh, ngày 25 tháng 11 năm 2026')
    const text = allText(content)
    expect(text).toContain('Ngày 25/11/2026, ông/bà đề nghị dừng giải quyết hồ sơ nêu trên. Lý do: Tôi muốn bổ sung thêm giấy tờ và nộp lại sau.')
    expect(text).toContain('thông báo dừng giải quyết hồ sơ nêu trên kể từ ngày 25/11/2026.')
    // Withdrawn online: the desk signs, no name is printed in advance.
    expect(content.signatures).toEqual([{ title: 'BỘ PHẬN MỘT CỬA', note: '(Ký, ghi rõ họ tên)', name: null }])
  })

  it('does not exist for a withdrawal before receipt', () => {
    expect(buildDocumentContent('mau-05', { ...withdrawnOnline, receivedAt: null })).toBeNull()
  })
})

describe('forms that do not apply', () => {
  it('answers null', () => {
    expect(buildDocumentContent('mau-02', received)).toBeNull()
    expect(buildDocumentContent('mau-03', received)).toBeNull()
    expect(buildDocumentContent('mau-04', received)).toBeNull()
    expect(buildDocumentContent('mau-05', received)).toBeNull()
  })
})
