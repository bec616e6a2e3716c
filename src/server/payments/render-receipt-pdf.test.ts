import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import { paymentReceiptContent, type PaymentReceiptSnapshot } from '@/domain/payments/receipt-content'
import { renderDocumentPdf } from '@/server/documents/render-document-pdf'

/** Paid on Tue 24/11/2026 at 15:40 in Vietnam (08:40 UTC), then 20 000 ₫ refunded. */
const sample: PaymentReceiptSnapshot = {
  receiptNo: 'BL-MC16681261124000070170',
  communeName: 'Phường Thành Vinh',
  communeCode: '16681',
  payerName: 'Nguyễn Văn An',
  payerCitizenId: '040085003917',
  payerAddress: 'Số 12, đường Lê Lợi, phường Thành Vinh, tỉnh Nghệ An',
  dossierCode: '16681-261124-0007',
  procedureName: 'Đăng ký khai sinh',
  feeName: null,
  amountVnd: 125_000,
  method: 'GATEWAY',
  paidAt: new Date('2026-11-24T08:40:00Z'),
  reference: 'MC16681261124000070170',
  providerRef: '14682913',
  refundedVnd: 20_000,
  lookupUrl: 'https://motcua.example.vn/bien-lai/BL-MC16681261124000070170',
}

/** The text of every page, wrapped lines joined, runs of spaces collapsed. */
async function textOf(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes))
  const { totalPages, text } = await extractText(pdf, { mergePages: true })
  return { pages: totalPages, text: text.replace(/\s+/g, ' ') }
}

// Rendering and reading back a PDF takes a few hundred milliseconds, more on a busy machine.
describe('the payment receipt as PDF', { timeout: 30_000 }, () => {
  it('prints the receipt number, the amount in figures and in Vietnamese words, readable back from the PDF', async () => {
    const bytes = await renderDocumentPdf(paymentReceiptContent(sample))
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const { pages, text } = await textOf(bytes)
    expect(pages).toBe(1)
    for (const expected of [
      'ỦY BAN NHÂN DÂN',
      'PHƯỜNG THÀNH VINH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Thành Vinh, ngày 24 tháng 11 năm 2026',
      'BIÊN LAI THU PHÍ, LỆ PHÍ',
      '(Biên lai điện tử)',
      'Số: BL-MC16681261124000070170',
      'Mã hồ sơ: 16681-261124-0007',
      'Đơn vị thu: Ủy ban nhân dân phường Thành Vinh (mã đơn vị hành chính 16681)',
      'Họ và tên người nộp: Nguyễn Văn An',
      'Số định danh cá nhân: 040085003917',
      'Thủ tục hành chính: Đăng ký khai sinh',
      'Nội dung thu: Phí, lệ phí giải quyết thủ tục hành chính',
      'Số tiền: 125.000 đồng',
      'Bằng chữ: Một trăm hai mươi lăm nghìn đồng',
      'Hình thức thanh toán: Thẻ/ví điện tử qua cổng thanh toán',
      'Thời gian thanh toán: 24/11/2026 15:40',
      'Mã thanh toán: MC16681261124000070170',
      'Mã giao dịch của cổng thanh toán: 14682913',
      'Đã hoàn trả: 20.000 đồng (Hai mươi nghìn đồng)',
      'Số tiền thực thu sau hoàn trả: 105.000 đồng',
      'Biên lai điện tử do hệ thống MotCua lập tự động',
      'Trang 1/1',
    ]) {
      expect(text).toContain(expected)
    }
    // The URL may be cut between characters where it wraps: compare without the spaces of the line break.
    expect(text.replace(/ /g, '')).toContain(sample.lookupUrl!)
    const pdf = await PDFDocument.load(bytes)
    expect(pdf.getTitle()).toBe('BIÊN LAI THU PHÍ, LỆ PHÍ — 16681-261124-0007')
  })

  it('embeds the QR code image', async () => {
    const pdf = await PDFDocument.load(await renderDocumentPdf(paymentReceiptContent(sample)))
    const dicts = pdf.context
      .enumerateIndirectObjects()
      .flatMap(([, object]) => (object instanceof PDFDict ? [object] : object instanceof PDFRawStream ? [object.dict] : []))
    expect(dicts.filter((dict) => dict.get(PDFName.of('Subtype'))?.toString() === '/Image')).toHaveLength(1)
  })
})
