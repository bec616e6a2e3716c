import { padCount } from '@/lib/format/count'
import { bold, italic, plain, type DocumentBlock, type DocumentContent } from '../document-content'
import { DOCUMENT_FORM_TITLES } from '../document-form'
import type { DocumentSnapshot } from '../document-snapshot'
import { communeNames, placeAndDate, timeAndDate } from '../issuing-unit'
import { applicantFields, committeeName, deskIssuer, latestEvent, requestField, SIGN_NOTE } from '../content-parts'

const CHANNEL: Record<DocumentSnapshot['channel'], string> = {
  ONLINE: 'Trực tuyến',
  DESK: 'Trực tiếp tại Bộ phận Một cửa',
  POST: 'Qua dịch vụ bưu chính',
}

/**
 * The documents received: every required document (a dossier is only received complete), every optional one
 * that came with files, then files not tied to a listed document. Documents only shown at the desk (identity
 * card) are marked so; the count of electronic files is noted.
 */
export function receivedDocumentRows(snapshot: DocumentSnapshot): string[][] {
  const filesByKey = new Map<string, number>()
  for (const file of snapshot.attachments) if (file.documentKey) filesByKey.set(file.documentKey, (filesByKey.get(file.documentKey) ?? 0) + 1)
  const listed = snapshot.requiredDocuments.filter((document) => document.required || filesByKey.has(document.key))
  const listedKeys = new Set(listed.map((document) => document.key))
  const rows = listed.map((document) => {
    const files = filesByKey.get(document.key) ?? 0
    const note = document.presentOnly ? 'Xuất trình bản chính' : files > 0 ? `Tệp điện tử (${padCount(files)})` : ''
    return [document.nameVi, document.presentOnly ? '—' : padCount(document.copies ?? 1), note]
  })
  for (const file of snapshot.attachments) {
    if (!file.documentKey || !listedKeys.has(file.documentKey)) rows.push([file.fileName, '—', 'Tệp điện tử'])
  }
  return rows.map((row, index) => [String(index + 1), ...row])
}

/**
 * Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả, dated the day of receipt. The appointment is the one
 * given at receipt (the `receive` event's due date), not one moved later by an apology letter (Mẫu 04).
 *
 * Fields follow those seen on real printouts of this form (data/forms.md, "Fields seen on real printouts":
 * issuing unit, dossier code with a QR code, place and date, applicant, ID number, phone, content of the
 * request, documents received, time of receipt, appointment, receiving officer): the legal field list of
 * Appendix I of Circular 03/2025/TT-VPCP was not available.
 */
export function receiptContent(snapshot: DocumentSnapshot): DocumentContent | null {
  if (!snapshot.receivedAt) return null
  const appointment = latestEvent(snapshot, 'receive')?.dueAt ?? snapshot.dueAt
  const desk = `Bộ phận Một cửa ${committeeName(snapshot.communeName)}`
  const blocks: DocumentBlock[] = [
    { kind: 'paragraph', runs: [plain(`${desk} tiếp nhận hồ sơ của:`)] },
    ...applicantFields(snapshot),
    requestField(snapshot),
    { kind: 'field', label: 'Hình thức nộp hồ sơ', value: CHANNEL[snapshot.channel] },
    { kind: 'paragraph', runs: [bold('1. Thành phần hồ sơ đã nhận:')] },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 0.08, align: 'center' },
        { header: 'Tên giấy tờ', width: 0.5, align: 'left' },
        { header: 'Số bản', width: 0.13, align: 'center' },
        { header: 'Ghi chú', width: 0.29, align: 'left' },
      ],
      rows: receivedDocumentRows(snapshot),
    },
    { kind: 'field', label: '2. Thời gian nhận hồ sơ', value: timeAndDate(snapshot.receivedAt) },
    { kind: 'field', label: '3. Thời gian hẹn trả kết quả', value: appointment ? timeAndDate(appointment) : 'Theo thời hạn giải quyết của thủ tục' },
    {
      kind: 'paragraph',
      runs: [italic('Ông/bà tra cứu tình trạng giải quyết hồ sơ bằng mã hồ sơ hoặc quét mã QR trên giấy này.')],
    },
  ]
  return {
    form: 'mau-01',
    formNumber: DOCUMENT_FORM_TITLES['mau-01'].number,
    issuer: deskIssuer(snapshot.communeName),
    placeAndDate: placeAndDate(communeNames(snapshot.communeName).place, snapshot.receivedAt),
    title: DOCUMENT_FORM_TITLES['mau-01'].title,
    dossierCode: snapshot.code,
    qr: true,
    blocks,
    // Handed in at the desk or by post, the slip is signed by both sides; an online submission has no one
    // at the counter to sign.
    signatures: [
      ...(snapshot.channel === 'ONLINE' ? [] : [{ title: 'NGƯỜI NỘP HỒ SƠ', note: SIGN_NOTE, name: snapshot.applicant.name }]),
      { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: SIGN_NOTE, name: snapshot.receivedByName },
    ],
  }
}
