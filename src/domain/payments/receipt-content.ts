import { bold, italic, plain, type DocumentBlock, type DocumentContent } from '@/domain/documents/document-content'
import { committeeIssuer, committeeName } from '@/domain/documents/content-parts'
import { communeNames, placeAndDate } from '@/domain/documents/issuing-unit'
import { formatDateTime } from '@/lib/format/date'
import { vndInWords } from '@/lib/format/vnd-words'

/** What a receipt prints, read from a paid `Payment` with its dossier, procedure, commune and payer. */
export type PaymentReceiptSnapshot = {
  /** "BL-MC16681261124000070170" */
  receiptNo: string
  /** `Commune.name` as stored, kind first: "Phường Thành Vinh", "Xã Nghi Lộc". */
  communeName: string
  /** The commune's administrative unit code ("16681"). */
  communeCode: string
  payerName: string
  payerCitizenId: string | null
  payerAddress?: string | null
  dossierCode: string
  procedureName: string
  /** What was collected ("Lệ phí", "Phí"); defaults to {@link DEFAULT_FEE_NAME}. */
  feeName?: string | null
  /** Integer VND, more than 0. */
  amountVnd: number
  method: 'VIETQR' | 'GATEWAY' | 'CASH'
  paidAt: Date
  /** Our payment reference ("MC16681261124000070170"). */
  reference: string
  /** The bank's or gateway's transaction id; null for cash. */
  providerRef: string | null
  /** Integer VND refunded so far, 0 to `amountVnd`. */
  refundedVnd: number
  /** Where the receipt can be checked; printed as text and held by the QR code. */
  lookupUrl?: string | null
}

export const RECEIPT_TITLE = 'BIÊN LAI THU PHÍ, LỆ PHÍ'
export const DEFAULT_FEE_NAME = 'Phí, lệ phí giải quyết thủ tục hành chính'

export const PAYMENT_METHOD_LABELS: Record<PaymentReceiptSnapshot['method'], string> = {
  VIETQR: 'Chuyển khoản ngân hàng (VietQR)',
  GATEWAY: 'Thẻ/ví điện tử qua cổng thanh toán',
  CASH: 'Tiền mặt tại Bộ phận Một cửa',
}

/** Whose transaction id the receipt prints, by method. */
const PROVIDER_REF_LABELS: Record<PaymentReceiptSnapshot['method'], string> = {
  VIETQR: 'Mã giao dịch ngân hàng',
  GATEWAY: 'Mã giao dịch của cổng thanh toán',
  CASH: 'Mã giao dịch',
}

const VND_GROUPS = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 })

/**
 * "50.000 đồng": grouped the Vietnamese way, with the word rather than the đồng sign (₫ is not in the
 * printouts' font, and papers write the word).
 */
export function vndInFigures(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`VND amounts are integers, got ${amount}`)
  return `${VND_GROUPS.format(amount)} đồng`
}

/** "50.000 đồng (Năm mươi nghìn đồng)" */
const figuresAndWords = (amount: number) => `${vndInFigures(amount)} (${vndInWords(amount)})`

/**
 * Biên lai thu phí, lệ phí (biên lai điện tử): the electronic receipt of one paid fee, built from a
 * {@link PaymentReceiptSnapshot} and drawn by the same renderer as the dossier's printouts.
 *
 * A fee receipt is a finance paper, not one of the one-stop forms of Circular 03/2025/TT-VPCP (data/forms.md
 * of the shared research: its source R1 says fee receipts belong to the finance rules). The legal template
 * of an electronic fee receipt was not available here, so this paper prints no form number and no receipt
 * symbol ("ký hiệu"), and its fields follow what Vietnamese fee receipts commonly show rather than a cited
 * form: the collecting unit (the commune's People's Committee, with its administrative unit code), the
 * receipt number, the payer (name, ID number, address), what the fee was for (dossier, procedure, kind of
 * fee), the amount in figures and in words, how and when it was paid, and the payment's references. Added by
 * MotCua: any refund ("Đã hoàn trả"), the verification link (as text and QR code), and a note that the
 * system issued it. It carries no signature: it is generated when the payment is recorded.
 *
 * Dated and timed in Vietnam's time zone whatever the server's.
 */
export function paymentReceiptContent(snapshot: PaymentReceiptSnapshot): DocumentContent {
  const { amountVnd, refundedVnd } = snapshot
  if (!Number.isSafeInteger(amountVnd) || amountVnd <= 0) throw new RangeError(`a receipt's amount is a positive integer VND, got ${amountVnd}`)
  if (!Number.isSafeInteger(refundedVnd) || refundedVnd < 0 || refundedVnd > amountVnd) {
    throw new RangeError(`refunded amount must be an integer VND from 0 to ${amountVnd}, got ${refundedVnd}`)
  }
  const citizenId = snapshot.payerCitizenId?.trim()
  const address = snapshot.payerAddress?.trim()
  const providerRef = snapshot.providerRef?.trim()
  const lookupUrl = snapshot.lookupUrl?.trim()

  const blocks: DocumentBlock[] = [
    { kind: 'field', label: 'Đơn vị thu', value: `${committeeName(snapshot.communeName)} (mã đơn vị hành chính ${snapshot.communeCode})` },
    { kind: 'field', label: 'Họ và tên người nộp', value: snapshot.payerName },
    ...(citizenId ? [{ kind: 'field', label: 'Số định danh cá nhân', value: citizenId } as const] : []),
    ...(address ? [{ kind: 'field', label: 'Địa chỉ', value: address } as const] : []),
    { kind: 'field', label: 'Thủ tục hành chính', value: snapshot.procedureName },
    { kind: 'field', label: 'Nội dung thu', value: snapshot.feeName?.trim() || DEFAULT_FEE_NAME },
    { kind: 'field', label: 'Số tiền', value: vndInFigures(amountVnd) },
    { kind: 'field', label: 'Bằng chữ', value: vndInWords(amountVnd) },
    { kind: 'field', label: 'Hình thức thanh toán', value: PAYMENT_METHOD_LABELS[snapshot.method] },
    { kind: 'field', label: 'Thời gian thanh toán', value: formatDateTime(snapshot.paidAt) },
    { kind: 'field', label: 'Mã thanh toán', value: snapshot.reference },
    ...(providerRef ? [{ kind: 'field', label: PROVIDER_REF_LABELS[snapshot.method], value: providerRef } as const] : []),
  ]
  if (refundedVnd > 0) {
    blocks.push({ kind: 'field', label: 'Đã hoàn trả', value: figuresAndWords(refundedVnd) })
    blocks.push({ kind: 'field', label: 'Số tiền thực thu sau hoàn trả', value: vndInFigures(amountVnd - refundedVnd) })
  }
  if (lookupUrl) {
    blocks.push({
      kind: 'paragraph',
      runs: [plain('Tra cứu, kiểm tra biên lai tại: '), bold(lookupUrl), plain(' hoặc quét mã QR trên biên lai này.')],
    })
  }
  blocks.push({
    kind: 'paragraph',
    runs: [italic('Biên lai điện tử do hệ thống MotCua lập tự động khi ghi nhận khoản thanh toán, không có chữ ký tay.')],
  })

  return {
    form: 'bien-lai',
    formNumber: null,
    issuer: committeeIssuer(snapshot.communeName),
    placeAndDate: placeAndDate(communeNames(snapshot.communeName).place, snapshot.paidAt),
    title: RECEIPT_TITLE,
    subtitle: [[italic('(Biên lai điện tử)')], [plain('Số: '), bold(snapshot.receiptNo)]],
    dossierCode: snapshot.dossierCode,
    // The verification link when there is one; otherwise the dossier code, as on the dossier's printouts.
    qr: true,
    ...(lookupUrl ? { qrValue: lookupUrl } : {}),
    blocks,
    signatures: [],
  }
}

/** File name of a receipt, ASCII only (safe in a Content-Disposition header): bien-lai-BL-MC16681261124000070170.pdf. */
export function receiptFileName(receiptNo: string): string {
  const safe = receiptNo.replace(/[^A-Za-z0-9-]/g, '')
  return `bien-lai-${safe || 'thanh-toan'}.pdf`
}
