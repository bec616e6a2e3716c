import { plain, type DocumentBlock, type DocumentContent } from '../document-content'
import { DOCUMENT_FORM_TITLES } from '../document-form'
import type { DocumentSnapshot } from '../document-snapshot'
import { communeNames, placeAndDate } from '../issuing-unit'
import { supplementItemLine } from '../supplement-items'
import { applicantFields, asClause, committeeName, dateOf, deskIssuer, latestSupplement, requestField, SIGN_NOTE } from '../content-parts'

/**
 * Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, for the latest request, dated when it was made: the
 * missing items one per line (label and note), the reason, and how to answer. Fields as reported for the
 * one-stop slips (data/forms.md); the legal field list of Circular 03/2025/TT-VPCP was not available.
 */
export function supplementRequestContent(snapshot: DocumentSnapshot): DocumentContent | null {
  const request = latestSupplement(snapshot)
  if (!request) return null
  const committee = committeeName(snapshot.communeName)
  const reason = asClause(request.reason)
  const lines = request.items.map(supplementItemLine)
  const onlyRepeatsReason = lines.length === 1 && request.items[0]?.note !== null && asClause(request.items[0]?.note) === reason
  const blocks: DocumentBlock[] = [
    { kind: 'paragraph', runs: [plain(snapshot.receivedAt ? `Bộ phận Một cửa ${committee} đã tiếp nhận hồ sơ của:` : 'Hồ sơ của:')] },
    ...applicantFields(snapshot),
    requestField(snapshot),
    ...(snapshot.receivedAt ? [{ kind: 'field', label: 'Ngày tiếp nhận hồ sơ', value: dateOf(snapshot.receivedAt) } satisfies DocumentBlock] : []),
    { kind: 'paragraph', runs: [plain('Sau khi xem xét, hồ sơ của ông/bà cần được bổ sung, hoàn thiện các nội dung sau:')], indent: true },
    { kind: 'list', items: lines.length > 0 ? lines : [reason ?? 'Theo hướng dẫn của Bộ phận Một cửa'] },
    ...(reason && lines.length > 0 && !onlyRepeatsReason ? [{ kind: 'field', label: 'Lý do', value: `${reason}.` } satisfies DocumentBlock] : []),
    {
      kind: 'paragraph',
      indent: true,
      runs: [
        plain(
          'Thời gian bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết. Ông/bà nộp bổ sung trực tuyến trên Cổng dịch vụ công ' +
            `hoặc tại Bộ phận Một cửa; nếu có vướng mắc, xin liên hệ Bộ phận Một cửa ${committee} để được hướng dẫn.`,
        ),
      ],
    },
  ]
  return {
    form: 'mau-02',
    formNumber: DOCUMENT_FORM_TITLES['mau-02'].number,
    issuer: deskIssuer(snapshot.communeName),
    placeAndDate: placeAndDate(communeNames(snapshot.communeName).place, request.requestedAt),
    title: DOCUMENT_FORM_TITLES['mau-02'].title,
    dossierCode: snapshot.code,
    qr: true,
    blocks,
    signatures: [{ title: 'NGƯỜI HƯỚNG DẪN', note: SIGN_NOTE, name: request.requestedByName }],
  }
}
