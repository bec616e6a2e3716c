import { bold, plain, type DocumentContent } from '../document-content'
import { DOCUMENT_FORM_TITLES } from '../document-form'
import type { DocumentSnapshot } from '../document-snapshot'
import { communeNames, placeAndDate, timeAndDate } from '../issuing-unit'
import { asClause, committeeIssuer, committeeName, dataField, dateOf, isoInstant, SIGN_NOTE, signerTitle } from '../content-parts'

/**
 * Mẫu 04 — Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (apology with a new appointment), for the
 * latest `reschedule` event: the appointment it replaced (`data.previousDueAt`, else the due date of the
 * event before it), its reason and the new appointment (the event's `dueAt`, else `data.newDueAt`). Fields
 * as reported (data/forms.md); the legal field list of Circular 03/2025/TT-VPCP was not available.
 */
export function apologyContent(snapshot: DocumentSnapshot): DocumentContent | null {
  const index = snapshot.events.findLastIndex((event) => event.action === 'reschedule')
  const reschedule = snapshot.events[index]
  if (!reschedule || !snapshot.receivedAt) return null
  const previousDue =
    isoInstant(dataField(reschedule.data, 'previousDueAt')) ?? snapshot.events.slice(0, index).findLast((event) => event.dueAt !== null)?.dueAt ?? null
  const newDue = reschedule.dueAt ?? isoInstant(dataField(reschedule.data, 'newDueAt'))
  const committee = committeeName(snapshot.communeName)
  const reason = asClause(reschedule.reason)
  return {
    form: 'mau-04',
    formNumber: DOCUMENT_FORM_TITLES['mau-04'].number,
    issuer: committeeIssuer(snapshot.communeName),
    placeAndDate: placeAndDate(communeNames(snapshot.communeName).place, reschedule.occurredAt),
    title: DOCUMENT_FORM_TITLES['mau-04'].title,
    dossierCode: snapshot.code,
    qr: true,
    blocks: [
      { kind: 'paragraph', align: 'center', runs: [plain('Kính gửi: '), bold(`Ông/bà ${snapshot.applicant.name}`)] },
      {
        kind: 'paragraph',
        indent: true,
        runs: [
          plain(`Ngày ${dateOf(snapshot.receivedAt)}, ${committee} tiếp nhận hồ sơ của ông/bà, mã hồ sơ ${snapshot.code}, nội dung yêu cầu giải quyết: `),
          bold(snapshot.procedureName),
          plain('.'),
        ],
      },
      ...(previousDue
        ? [{ kind: 'paragraph' as const, indent: true, runs: [plain('Thời gian hẹn trả kết quả giải quyết hồ sơ: '), bold(timeAndDate(previousDue)), plain('.')] }]
        : []),
      {
        kind: 'paragraph',
        indent: true,
        runs: [plain(`Tuy nhiên, hồ sơ của ông/bà không thể giải quyết xong đúng hạn nêu trên. Lý do: ${reason ?? 'cần thêm thời gian xem xét, giải quyết'}.`)],
      },
      {
        kind: 'paragraph',
        indent: true,
        runs: [
          plain(`Sự chậm trễ này đã gây phiền hà cho ông/bà. ${committee} trân trọng xin lỗi ông/bà và đề nghị gia hạn thời gian giải quyết; kết quả giải quyết hồ sơ sẽ được trả vào `),
          bold(newDue ? timeAndDate(newDue) : 'thời gian sớm nhất'),
          plain('.'),
        ],
      },
      { kind: 'paragraph', indent: true, runs: [plain('Xin trân trọng cảm ơn sự hợp tác của ông/bà./.')] },
    ],
    signatures: [{ title: signerTitle(reschedule.actorRole), note: SIGN_NOTE, name: reschedule.actorName }],
  }
}
