import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import { buildDocumentContent } from '@/domain/documents/build-document-content'
import type { DocumentContent } from '@/domain/documents/document-content'
import type { DocumentForm } from '@/domain/documents/document-form'
import type { DocumentSnapshot } from '@/domain/documents/document-snapshot'
import { received, refusedAtDesk, rescheduled, submittedOnline, supplementRequested, withdrawnOnline } from '@/domain/documents/sample-snapshots'
import { renderDocumentPdf } from './render-document-pdf'

async function render(form: DocumentForm, snapshot: DocumentSnapshot) {
  const content = buildDocumentContent(form, snapshot)
  if (!content) throw new Error(`${form} does not apply`)
  return renderDocumentPdf(content)
}

/** The text of every page, one line per PDF text line, with runs of spaces collapsed. */
async function textOf(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes))
  const { totalPages, text } = await extractText(pdf, { mergePages: true })
  return { pages: totalPages, text: text.replace(/[ \t]+/g, ' ') }
}

// Rendering and reading back PDFs takes a few hundred milliseconds each, more on a busy machine.
describe('renderDocumentPdf', { timeout: 30_000 }, () => {
  it('prints the receipt with its Vietnamese text intact, readable back from the PDF', async () => {
    const bytes = await render('mau-01', received)
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const { pages, text } = await textOf(bytes)
    expect(pages).toBe(1)
    for (const expected of [
      'UBND PHƯỜNG THÀNH VINH',
      'BỘ PHẬN MỘT CỬA',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Thành Vinh, ngày 24 tháng 11 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Mã hồ sơ: 16681-261124-0007',
      'Ông/bà: Nguyễn Văn An',
      'Số định danh cá nhân: 040085003917',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
      'Giấy tờ tùy thân (CCCD, hộ',
      'Xuất trình bản chính',
      '2. Thời gian nhận hồ sơ: 15 giờ 05 phút, ngày 24/11/2026',
      '3. Thời gian hẹn trả kết quả: 17 giờ 00 phút, ngày 27/11/2026',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Nguyễn Thị Thu Hà',
      'Mẫu số 01 · Mã hồ sơ 16681-261124-0007',
      'Trang 1/1',
    ]) {
      expect(text).toContain(expected)
    }
  })

  it('embeds the serif font (regular, bold, italic) and the QR code image', async () => {
    const pdf = await PDFDocument.load(await render('mau-01', received))
    const objects = pdf.context.enumerateIndirectObjects().map(([, object]) => object)
    const dicts = objects.flatMap((object) => (object instanceof PDFDict ? [object] : object instanceof PDFRawStream ? [object.dict] : []))
    const named = (dict: PDFDict, key: string) => dict.get(PDFName.of(key))?.toString()
    const fonts = dicts.filter((dict) => named(dict, 'Type') === '/Font' && named(dict, 'Subtype') === '/Type0').map((dict) => named(dict, 'BaseFont'))
    // pdf-lib tags each embedded font's name with a random suffix ("/DejaVuSerif-Bold-4821").
    expect(fonts.map((name) => name?.replace(/-\d+$/, '')).sort()).toEqual(['/DejaVuSerif', '/DejaVuSerif-Bold', '/DejaVuSerif-Italic'])
    expect(dicts.filter((dict) => named(dict, 'Type') === '/FontDescriptor' && dict.has(PDFName.of('FontFile2')))).toHaveLength(3)
    expect(dicts.filter((dict) => named(dict, 'Subtype') === '/Image')).toHaveLength(1)
  })

  it('prints the online submission acknowledgement: fee in words, the estimate, a footer without a form number', async () => {
    const bytes = await render('xac-nhan-nop', { ...submittedOnline, fee: { amountVnd: 8000, known: true } })
    const { pages, text } = await textOf(bytes)
    expect(pages).toBe(1)
    const joined = text.replace(/\n/g, ' ')
    for (const expected of [
      'UBND PHƯỜNG THÀNH VINH',
      'PHIẾU XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN',
      'Thành Vinh, ngày 24 tháng 11 năm 2026',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
      'Thời gian nộp hồ sơ: 24/11/2026 20:15',
      'Tờ khai đăng ký khai sinh.pdf',
      '2. Lệ phí: 8.000 đồng',
      '3. Thời hạn giải quyết: 03 ngày làm việc',
      '4. Ngày hẹn trả kết quả dự kiến: 30/11/2026 (dự kiến; ngày hẹn chính thức ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả)',
      '/tra-cuu',
      'Trang 1/1',
    ]) {
      expect(joined).toContain(expected)
    }
    // The footer names the dossier alone: this paper has no form number.
    expect(text).not.toContain('Mẫu số')
    expect(text).not.toContain('· Mã hồ sơ')
    const pdf = await PDFDocument.load(bytes)
    expect(pdf.getSubject()).toBe('PHIẾU XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN')
  })

  const others: [DocumentForm, DocumentSnapshot, string[]][] = [
    [
      'mau-02',
      supplementRequested,
      [
        'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
        'Thành Vinh, ngày 25 tháng 11 năm 2026',
        '1. Tờ khai hoặc đơn đề nghị theo mẫu: Thiếu chữ ký của người yêu cầu',
        '2. Giấy chứng sinh hoặc giấy tờ thay thế',
        'NGƯỜI HƯỚNG DẪN',
        'Trần Văn Hùng',
      ],
    ],
    ['mau-03', refusedAtDesk, ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Hồ sơ không thuộc thẩm quyền giải quyết của cấp xã.', 'NGƯỜI TIẾP NHẬN HỒ SƠ']],
    [
      'mau-04',
      rescheduled,
      ['ỦY BAN NHÂN DÂN', 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT', 'Kính gửi: Ông/bà Nguyễn Văn An', '04/12/2026', 'Lê Quang Minh'],
    ],
    ['mau-05', withdrawnOnline, ['THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', 'Thành Vinh, ngày 25 tháng 11 năm 2026', 'kể từ ngày 25/11/2026']],
  ]
  it.each(others)('prints %s with its Vietnamese text intact', async (form, snapshot, expected) => {
    const { pages, text } = await textOf(await render(form, snapshot))
    expect(pages).toBe(1)
    // Wrapped lines joined: what matters here is the words and their letters, not where lines break.
    for (const line of expected) expect(text.replace(/\n/g, ' ')).toContain(line)
  })

  it('flows a long body onto further pages and numbers them', async () => {
    const content = buildDocumentContent('mau-02', {
      ...supplementRequested,
      supplementRequests: [
        {
          ...supplementRequested.supplementRequests[0]!,
          items: Array.from({ length: 60 }, (_, index) => ({ label: `Giấy tờ số ${index + 1}`, note: 'Bản sao chưa được chứng thực; đề nghị nộp bản sao có chứng thực hoặc xuất trình bản chính để đối chiếu' })),
        },
      ],
    }) as DocumentContent
    const { pages, text } = await textOf(await renderDocumentPdf(content))
    expect(pages).toBeGreaterThan(1)
    expect(text).toContain(`Trang ${pages}/${pages}`)
    expect(text).toContain('60. Giấy tờ số 60')
    expect(text).toContain('NGƯỜI HƯỚNG DẪN')
  })
})
