import { describe, expect, it } from 'vitest'
import type { DocumentBlock, DocumentContent } from '@/domain/documents/document-content'
import { paymentReceiptContent, receiptFileName, vndInFigures, type PaymentReceiptSnapshot } from './receipt-content'

/** Paid on Tue 24/11/2026 at 00:30 in Vietnam: still Mon 23/11 at 17:30 in UTC, so a UTC date would be a day early. */
const sample: PaymentReceiptSnapshot = {
  receiptNo: 'BL-MC16681261124000070170',
  communeName: 'Phường Thành Vinh',
  communeCode: '16681',
  payerName: 'Nguyễn Văn An',
  payerCitizenId: '040085003917',
  payerAddress: 'Số 12, đường Lê Lợi, phường Thành Vinh, tỉnh Nghệ An',
  dossierCode: '16681-261124-0007',
  procedureName: 'Đăng ký khai sinh',
  feeName: 'Lệ phí',
  amountVnd: 50_000,
  method: 'VIETQR',
  paidAt: new Date('2026-11-23T17:30:00Z'),
  reference: 'MC16681261124000070170',
  providerRef: 'FT26328123456789',
  refundedVnd: 0,
  lookupUrl: 'https://motcua.example.vn/bien-lai/BL-MC16681261124000070170',
}

const fields = (content: DocumentContent) =>
  Object.fromEntries(content.blocks.flatMap((block) => (block.kind === 'field' ? [[block.label, block.value]] : [])))
const paragraphs = (content: DocumentContent) =>
  content.blocks.flatMap((block: DocumentBlock) => (block.kind === 'paragraph' ? [block.runs.map((run) => run.text).join('')] : []))

describe('paymentReceiptContent', () => {
  it('is headed by the commune’s People’s Committee, titled as an electronic receipt with its number', () => {
    const content = paymentReceiptContent(sample)
    expect(content.form).toBe('bien-lai')
    expect(content.formNumber).toBeNull()
    expect(content.issuer).toEqual([
      { text: 'ỦY BAN NHÂN DÂN', style: 'bold' },
      { text: 'PHƯỜNG THÀNH VINH', style: 'bold' },
    ])
    expect(content.title).toBe('BIÊN LAI THU PHÍ, LỆ PHÍ')
    expect(content.subtitle).toEqual([
      [{ text: '(Biên lai điện tử)', style: 'italic' }],
      [
        { text: 'Số: ', style: 'regular' },
        { text: 'BL-MC16681261124000070170', style: 'bold' },
      ],
    ])
    expect(content.dossierCode).toBe('16681-261124-0007')
    expect(content.signatures).toEqual([])
  })

  it('lists the collecting unit, payer, procedure, amount in figures and words, method, time and references', () => {
    expect(fields(paymentReceiptContent(sample))).toEqual({
      'Đơn vị thu': 'Ủy ban nhân dân phường Thành Vinh (mã đơn vị hành chính 16681)',
      'Họ và tên người nộp': 'Nguyễn Văn An',
      'Số định danh cá nhân': '040085003917',
      'Địa chỉ': 'Số 12, đường Lê Lợi, phường Thành Vinh, tỉnh Nghệ An',
      'Thủ tục hành chính': 'Đăng ký khai sinh',
      'Nội dung thu': 'Lệ phí',
      'Số tiền': '50.000 đồng',
      'Bằng chữ': 'Năm mươi nghìn đồng',
      'Hình thức thanh toán': 'Chuyển khoản ngân hàng (VietQR)',
      'Thời gian thanh toán': '24/11/2026 00:30',
      'Mã thanh toán': 'MC16681261124000070170',
      'Mã giao dịch ngân hàng': 'FT26328123456789',
    })
  })

  it('dates and times the payment in Vietnam, whatever the machine’s time zone', () => {
    // The unit projects run this file under TZ=UTC and TZ=Asia/Ho_Chi_Minh; both must print the same.
    const content = paymentReceiptContent(sample)
    expect(content.placeAndDate).toBe('Thành Vinh, ngày 24 tháng 11 năm 2026')
    expect(fields(content)['Thời gian thanh toán']).toBe('24/11/2026 00:30')
    const lateEvening = paymentReceiptContent({ ...sample, paidAt: new Date('2026-12-31T16:59:00Z') })
    expect(lateEvening.placeAndDate).toBe('Thành Vinh, ngày 31 tháng 12 năm 2026')
    expect(fields(lateEvening)['Thời gian thanh toán']).toBe('31/12/2026 23:59')
    const newYear = paymentReceiptContent({ ...sample, paidAt: new Date('2026-12-31T17:00:00Z') })
    expect(newYear.placeAndDate).toBe('Thành Vinh, ngày 01 tháng 01 năm 2027')
    expect(fields(newYear)['Thời gian thanh toán']).toBe('01/01/2027 00:00')
  })

  it('writes amounts in words with a capital first letter', () => {
    const words = (amountVnd: number) => fields(paymentReceiptContent({ ...sample, amountVnd }))['Bằng chữ']
    expect(words(8_000)).toBe('Tám nghìn đồng')
    expect(words(125_000)).toBe('Một trăm hai mươi lăm nghìn đồng')
    expect(words(1_005_000)).toBe('Một triệu không trăm linh năm nghìn đồng')
    expect(words(21_000)).toBe('Hai mươi mốt nghìn đồng')
    expect(fields(paymentReceiptContent({ ...sample, amountVnd: 1_250_000 }))['Số tiền']).toBe('1.250.000 đồng')
    expect(vndInFigures(500)).toBe('500 đồng')
  })

  it('names each method in Vietnamese, with the matching label for the transaction id', () => {
    const gateway = fields(paymentReceiptContent({ ...sample, method: 'GATEWAY', providerRef: '14682913' }))
    expect(gateway['Hình thức thanh toán']).toBe('Thẻ/ví điện tử qua cổng thanh toán')
    expect(gateway['Mã giao dịch của cổng thanh toán']).toBe('14682913')
    const cash = fields(paymentReceiptContent({ ...sample, method: 'CASH', providerRef: null }))
    expect(cash['Hình thức thanh toán']).toBe('Tiền mặt tại Bộ phận Một cửa')
    expect(Object.keys(cash).filter((label) => label.startsWith('Mã giao dịch'))).toEqual([])
    expect(cash['Mã thanh toán']).toBe('MC16681261124000070170')
  })

  it('leaves out what is unknown and defaults the fee’s name', () => {
    const content = paymentReceiptContent({ ...sample, payerCitizenId: null, payerAddress: undefined, feeName: '  ', lookupUrl: null })
    const found = fields(content)
    expect(found).not.toHaveProperty('Số định danh cá nhân')
    expect(found).not.toHaveProperty('Địa chỉ')
    expect(found['Nội dung thu']).toBe('Phí, lệ phí giải quyết thủ tục hành chính')
    // Without a link, the QR code holds the dossier code, as on the dossier's printouts.
    expect(content.qr).toBe(true)
    expect(content.qrValue).toBeUndefined()
    expect(paragraphs(content).join('\n')).not.toContain('Tra cứu')
  })

  it('prints the verification link as text and as the QR code', () => {
    const content = paymentReceiptContent(sample)
    expect(content.qr).toBe(true)
    expect(content.qrValue).toBe(sample.lookupUrl)
    expect(paragraphs(content)).toContain(`Tra cứu, kiểm tra biên lai tại: ${sample.lookupUrl} hoặc quét mã QR trên biên lai này.`)
  })

  it('says it is an electronic receipt issued by the MotCua system', () => {
    expect(paragraphs(paymentReceiptContent(sample)).at(-1)).toBe(
      'Biên lai điện tử do hệ thống MotCua lập tự động khi ghi nhận khoản thanh toán, không có chữ ký tay.',
    )
  })

  it('shows no refund line normally, and the refund in figures and words when there is one', () => {
    expect(Object.keys(fields(paymentReceiptContent(sample)))).not.toContain('Đã hoàn trả')
    const partial = fields(paymentReceiptContent({ ...sample, refundedVnd: 20_000 }))
    expect(partial['Đã hoàn trả']).toBe('20.000 đồng (Hai mươi nghìn đồng)')
    expect(partial['Số tiền thực thu sau hoàn trả']).toBe('30.000 đồng')
    // The amount paid stays as it was.
    expect(partial['Số tiền']).toBe('50.000 đồng')
    const full = fields(paymentReceiptContent({ ...sample, refundedVnd: 50_000 }))
    expect(full['Đã hoàn trả']).toBe('50.000 đồng (Năm mươi nghìn đồng)')
    expect(full['Số tiền thực thu sau hoàn trả']).toBe('0 đồng')
  })

  it('refuses amounts that are not positive integers and refunds beyond the amount', () => {
    expect(() => paymentReceiptContent({ ...sample, amountVnd: 0 })).toThrow(RangeError)
    expect(() => paymentReceiptContent({ ...sample, amountVnd: -5_000 })).toThrow(RangeError)
    expect(() => paymentReceiptContent({ ...sample, amountVnd: 50_000.5 })).toThrow(RangeError)
    expect(() => paymentReceiptContent({ ...sample, refundedVnd: 50_001 })).toThrow(RangeError)
    expect(() => paymentReceiptContent({ ...sample, refundedVnd: -1 })).toThrow(RangeError)
  })

  it('works for a commune (xã) as well as a ward', () => {
    const content = paymentReceiptContent({ ...sample, communeName: 'Xã Nghi Lộc', communeCode: '17827' })
    expect(content.issuer.map((run) => run.text)).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ NGHI LỘC'])
    expect(content.placeAndDate).toBe('Nghi Lộc, ngày 24 tháng 11 năm 2026')
    expect(fields(content)['Đơn vị thu']).toBe('Ủy ban nhân dân xã Nghi Lộc (mã đơn vị hành chính 17827)')
  })
})

describe('receiptFileName', () => {
  it('is ASCII, named after the receipt number', () => {
    expect(receiptFileName('BL-MC16681261124000070170')).toBe('bien-lai-BL-MC16681261124000070170.pdf')
    expect(receiptFileName('BL/Số 7 "x"')).toBe('bien-lai-BLS7x.pdf')
    expect(receiptFileName('đ')).toBe('bien-lai-thanh-toan.pdf')
  })
})
