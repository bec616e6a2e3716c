import type { DocumentSnapshot, SnapshotEvent } from './document-snapshot'

/** Sample dossiers for the tests of the printouts (domain content and PDF rendering). */

export const at = (iso: string) => new Date(iso)
export const event = (action: string, occurredAt: string, extra: Partial<SnapshotEvent> = {}): SnapshotEvent => ({
  action,
  occurredAt: at(occurredAt),
  reason: null,
  dueAt: null,
  actorName: null,
  actorRole: null,
  data: {},
  ...extra,
})

/** Received on Tue 24/11/2026 at 15:05 in Vietnam (08:05 UTC), due Fri 27/11/2026 at 17:00. */
export const received: DocumentSnapshot = {
  code: '16681-261124-0007',
  state: 'PROCESSING',
  channel: 'DESK',
  communeName: 'Phường Thành Vinh',
  procedureName: 'Đăng ký khai sinh',
  applicant: { name: 'Nguyễn Văn An', citizenId: '040085003917', phone: '0912048731', email: null },
  submittedAt: at('2026-11-24T08:00:00Z'),
  receivedAt: at('2026-11-24T08:05:00Z'),
  receivedByName: 'Nguyễn Thị Thu Hà',
  dueAt: at('2026-11-27T10:00:00Z'),
  expectedDueAt: null,
  deadline: { kind: 'WORKING_DAYS', days: 3 },
  fee: { amountVnd: 0, known: true },
  requiredDocuments: [
    { key: 'to-khai', nameVi: 'Tờ khai hoặc đơn đề nghị theo mẫu', required: true, copies: null, presentOnly: false },
    { key: 'giay-to-tuy-than', nameVi: 'Giấy tờ tùy thân (CCCD, hộ chiếu) của người yêu cầu', required: true, copies: null, presentOnly: true },
    { key: 'giay-chung-sinh', nameVi: 'Giấy chứng sinh hoặc giấy tờ thay thế', required: true, copies: 2, presentOnly: false },
    { key: 'uy-quyen', nameVi: 'Văn bản ủy quyền', required: false, copies: null, presentOnly: false },
  ],
  attachments: [
    { documentKey: 'to-khai', fileName: 'to-khai.pdf', kind: 'APPLICATION' },
    { documentKey: 'to-khai', fileName: 'to-khai-trang-2.pdf', kind: 'APPLICATION' },
    { documentKey: null, fileName: 'anh-chup-bo-sung.jpg', kind: 'APPLICATION' },
  ],
  events: [
    event('submit', '2026-11-24T08:00:00Z', { actorRole: 'CLERK', actorName: 'Nguyễn Thị Thu Hà' }),
    event('receive', '2026-11-24T08:05:00Z', { actorRole: 'CLERK', actorName: 'Nguyễn Thị Thu Hà', dueAt: at('2026-11-27T10:00:00Z') }),
  ],
  supplementRequests: [],
}

/** Waiting for a supplement: a stored request with two items, and the engine’s event pointing at it. */
export const supplementRequested: DocumentSnapshot = {
  ...received,
  state: 'AWAITING_SUPPLEMENT',
  events: [
    ...received.events,
    event('request_supplement', '2026-11-25T02:00:00Z', { reason: 'Tờ khai thiếu chữ ký.', actorName: 'Trần Văn Hùng', actorRole: 'SPECIALIST', data: { supplementRequestId: 'r1' } }),
  ],
  supplementRequests: [
    {
      id: 'r1',
      items: [
        { key: 'to-khai', label: 'Tờ khai hoặc đơn đề nghị theo mẫu', note: 'Thiếu chữ ký của người yêu cầu' },
        { label: 'Giấy chứng sinh hoặc giấy tờ thay thế' },
      ],
      reason: 'Hồ sơ chưa đầy đủ.',
      requestedAt: at('2026-11-25T02:00:00Z'),
      requestedByName: 'Trần Văn Hùng',
    },
  ],
}

/** Refused at the desk, never received. */
export const refusedAtDesk: DocumentSnapshot = {
  ...received,
  state: 'REFUSED',
  receivedAt: null,
  events: [
    received.events[0]!,
    event('refuse', '2026-11-24T09:00:00Z', { reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của cấp xã', actorName: 'Nguyễn Thị Thu Hà', actorRole: 'CLERK' }),
  ],
}

/** The appointment moved from 27/11 to 04/12/2026 with an apology letter. */
export const rescheduled: DocumentSnapshot = {
  ...received,
  dueAt: at('2026-12-04T10:00:00Z'),
  events: [
    ...received.events,
    event('reschedule', '2026-11-26T03:00:00Z', {
      reason: 'Cần xác minh thêm thông tin tại nơi cư trú',
      dueAt: at('2026-12-04T10:00:00Z'),
      actorName: 'Lê Quang Minh',
      actorRole: 'LEADER',
      data: { previousDueAt: '2026-11-27T10:00:00.000Z', newDueAt: '2026-12-04T10:00:00.000Z' },
    }),
  ],
}

/** Withdrawn by the applicant online after receipt. */
export const withdrawnOnline: DocumentSnapshot = {
  ...received,
  state: 'WITHDRAWN',
  events: [...received.events, event('withdraw', '2026-11-25T07:00:00Z', { reason: 'Tôi muốn bổ sung thêm giấy tờ và nộp lại sau.', actorRole: 'CITIZEN', actorName: 'Nguyễn Văn An' })],
}

/**
 * Submitted online on Tue 24/11/2026 at 20:15 in Vietnam (13:15 UTC), after office hours, not yet received:
 * the desk can receive it on Wed 25/11 at 07:30 at the earliest, so with 3 working days the expected
 * appointment is Mon 30/11/2026 at 17:00 (expectedAppointment; the server stores it in the snapshot).
 */
export const submittedOnline: DocumentSnapshot = {
  ...received,
  code: '16681-261124-0012',
  state: 'SUBMITTED',
  channel: 'ONLINE',
  applicant: { ...received.applicant, email: 'an.nguyen@example.vn' },
  submittedAt: at('2026-11-24T13:15:00Z'),
  receivedAt: null,
  receivedByName: null,
  dueAt: null,
  expectedDueAt: at('2026-11-30T10:00:00Z'),
  attachments: [
    { documentKey: 'to-khai', fileName: 'Tờ khai đăng ký khai sinh.pdf', kind: 'APPLICATION' },
    { documentKey: 'giay-chung-sinh', fileName: 'giay-chung-sinh.jpg', kind: 'APPLICATION' },
    { documentKey: null, fileName: 'ghi-chu.png', kind: 'APPLICATION' },
  ],
  events: [event('submit', '2026-11-24T13:15:00Z', { actorRole: 'CITIZEN', actorName: 'Nguyễn Văn An' })],
}
