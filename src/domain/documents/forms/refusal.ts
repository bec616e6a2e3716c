import { plain, type DocumentContent } from '../document-content'
import { DOCUMENT_FORM_TITLES } from '../document-form'
import type { DocumentSnapshot } from '../document-snapshot'
import { communeNames, placeAndDate } from '../issuing-unit'
import { applicantFields, asClause, committeeName, dateOf, deskIssuer, latestEvent, requestField, SIGN_NOTE, signerTitle } from '../content-parts'

/**
 * Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ, from the `refuse` event: its reason, date and the
 * person who refused (at the desk: the receiving officer; after review: the leader who decided). Fields as
 * reported (data/forms.md); the legal field list of Circular 03/2025/TT-VPCP was not available.
 */
export function refusalContent(snapshot: DocumentSnapshot): DocumentContent | null {
  const refusal = latestEvent(snapshot, 'refuse')
  if (!refusal || snapshot.state !== 'REFUSED') return null
  const committee = committeeName(snapshot.communeName)
  const reason = asClause(refusal.reason)
  return {
    form: 'mau-03',
    formNumber: DOCUMENT_FORM_TITLES['mau-03'].number,
    issuer: deskIssuer(snapshot.communeName),
    placeAndDate: placeAndDate(communeNames(snapshot.communeName).place, refusal.occurredAt),
    title: DOCUMENT_FORM_TITLES['mau-03'].title,
    dossierCode: snapshot.code,
    qr: true,
    blocks: [
      { kind: 'paragraph', runs: [plain(`Bộ phận Một cửa ${committee} nhận được hồ sơ của:`)] },
      ...applicantFields(snapshot),
      requestField(snapshot),
      { kind: 'field', label: 'Ngày nộp hồ sơ', value: dateOf(snapshot.submittedAt) },
      {
        kind: 'paragraph',
        indent: true,
        runs: [plain(`Qua xem xét, ${committee} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`)],
      },
      { kind: 'paragraph', indent: true, runs: [plain(reason ? `${reason}.` : 'Hồ sơ không đủ điều kiện tiếp nhận, giải quyết.')] },
      { kind: 'paragraph', indent: true, runs: [plain('Xin thông báo để ông/bà được biết và thực hiện./.')] },
    ],
    signatures: [
      { title: refusal.actorRole === 'CLERK' ? 'NGƯỜI TIẾP NHẬN HỒ SƠ' : signerTitle(refusal.actorRole), note: SIGN_NOTE, name: refusal.actorName },
    ],
  }
}
