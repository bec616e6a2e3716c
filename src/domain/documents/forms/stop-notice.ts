import { bold, plain, type DocumentContent } from '../document-content'
import { DOCUMENT_FORM_TITLES } from '../document-form'
import type { DocumentSnapshot } from '../document-snapshot'
import { communeNames, placeAndDate } from '../issuing-unit'
import { asClause, committeeIssuer, committeeName, dateOf, latestEvent, SIGN_NOTE, signerTitle } from '../content-parts'

/**
 * Mẫu 05 — Thông báo dừng giải quyết hồ sơ, when the applicant withdrew a dossier after it was received (the
 * `withdraw` event: its date and reason). Signed by the desk officer who recorded the request, or left for
 * the desk to sign when the applicant withdrew online. Fields as reported (data/forms.md); the legal field
 * list of Circular 03/2025/TT-VPCP was not available.
 */
export function stopNoticeContent(snapshot: DocumentSnapshot): DocumentContent | null {
  const withdrawal = latestEvent(snapshot, 'withdraw')
  if (!withdrawal || !snapshot.receivedAt || snapshot.state !== 'WITHDRAWN') return null
  const committee = committeeName(snapshot.communeName)
  const reason = asClause(withdrawal.reason)
  const byStaff = withdrawal.actorRole !== null && withdrawal.actorRole !== 'CITIZEN'
  return {
    form: 'mau-05',
    formNumber: DOCUMENT_FORM_TITLES['mau-05'].number,
    issuer: committeeIssuer(snapshot.communeName),
    placeAndDate: placeAndDate(communeNames(snapshot.communeName).place, withdrawal.occurredAt),
    title: DOCUMENT_FORM_TITLES['mau-05'].title,
    dossierCode: snapshot.code,
    qr: true,
    blocks: [
      { kind: 'paragraph', align: 'center', runs: [plain('Kính gửi: '), bold(`Ông/bà ${snapshot.applicant.name}`)] },
      {
        kind: 'paragraph',
        indent: true,
        runs: [
          plain(`Ngày ${dateOf(snapshot.receivedAt)}, ${committee} đã tiếp nhận hồ sơ của ông/bà, mã hồ sơ ${snapshot.code}, nội dung yêu cầu giải quyết: `),
          bold(snapshot.procedureName),
          plain('.'),
        ],
      },
      {
        kind: 'paragraph',
        indent: true,
        runs: [plain(`Ngày ${dateOf(withdrawal.occurredAt)}, ông/bà đề nghị dừng giải quyết hồ sơ nêu trên${reason ? `. Lý do: ${reason}` : ''}.`)],
      },
      {
        kind: 'paragraph',
        indent: true,
        runs: [
          plain(`${committee} thông báo dừng giải quyết hồ sơ nêu trên kể từ ngày `),
          bold(dateOf(withdrawal.occurredAt)),
          plain('. Ông/bà liên hệ Bộ phận Một cửa để nhận lại hồ sơ giấy đã nộp (nếu có).'),
        ],
      },
      { kind: 'paragraph', indent: true, runs: [plain('Xin thông báo để ông/bà được biết./.')] },
    ],
    signatures: [{ title: signerTitle(byStaff ? withdrawal.actorRole : null), note: SIGN_NOTE, name: byStaff ? withdrawal.actorName : null }],
  }
}
