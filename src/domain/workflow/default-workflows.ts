import { WorkflowGraphSchema, type WorkflowGraph, type WorkflowGraphInput } from './workflow-graph'

/**
 * The workflows seeded with the catalogue (`WorkflowDefinition` + published `WorkflowVersion` 1).
 *
 * - one-stop-default: the one-stop desk receives (the legal clock starts), a specialist processes (and may ask
 *   for a supplement, which pauses the clock), a leader approves and signs or refuses, the desk returns the
 *   result (the clock stops). The applicant may withdraw until the decision.
 * - same-day: certification at the desk (Decree 23/2015): the clerk receives and checks, a leader signs,
 *   the clerk returns the result, usually within the day.
 *
 * Budgets are planning shares of the legal time, not legal limits: administrators tune them per workflow.
 */
export const DEFAULT_WORKFLOW_KEY = 'one-stop-default'
export const SAME_DAY_WORKFLOW_KEY = 'same-day'

export type DefaultWorkflow = { key: string; name: string; description: string; graph: WorkflowGraph }

const terminalSteps: WorkflowGraphInput['steps'] = [
  { key: 'returned', nameVi: 'Đã trả kết quả', nameEn: 'Result returned', role: 'CLERK', state: 'RETURNED', clock: 'STOPPED', terminal: 'RETURNED' },
  { key: 'refused', nameVi: 'Từ chối giải quyết', nameEn: 'Refused', role: 'LEADER', state: 'REFUSED', clock: 'STOPPED', terminal: 'REFUSED' },
  { key: 'withdrawn', nameVi: 'Dừng giải quyết theo yêu cầu', nameEn: 'Withdrawn', role: 'CLERK', state: 'WITHDRAWN', clock: 'STOPPED', terminal: 'WITHDRAWN' },
]

const oneStopDefault: WorkflowGraphInput = {
  startStep: 'reception',
  steps: [
    { key: 'reception', nameVi: 'Tiếp nhận hồ sơ', nameEn: 'Reception', role: 'CLERK', state: 'SUBMITTED', budget: { unit: 'HOURS', value: 8 }, clock: 'STOPPED' },
    { key: 'processing', nameVi: 'Thẩm định, xử lý', nameEn: 'Processing', role: 'SPECIALIST', state: 'PROCESSING', budget: { unit: 'SHARE', value: 60 }, clock: 'RUNS' },
    { key: 'awaiting_supplement', nameVi: 'Chờ bổ sung, hoàn thiện hồ sơ', nameEn: 'Awaiting supplement', role: 'CITIZEN', state: 'AWAITING_SUPPLEMENT', clock: 'PAUSED' },
    { key: 'approval', nameVi: 'Phê duyệt, ký', nameEn: 'Approval and signature', role: 'LEADER', state: 'PROCESSING', budget: { unit: 'SHARE', value: 25 }, clock: 'RUNS' },
    { key: 'result_return', nameVi: 'Trả kết quả', nameEn: 'Result return', role: 'CLERK', state: 'READY_TO_RETURN', budget: { unit: 'SHARE', value: 15 }, clock: 'RUNS' },
    ...terminalSteps,
  ],
  transitions: [
    { action: 'receive', from: 'reception', to: 'processing', roles: ['CLERK'], requires: ['assignee'], clock: 'START' },
    { action: 'refuse', from: 'reception', to: 'refused', roles: ['CLERK'], requires: ['reason'], clock: 'STOP' },
    { action: 'withdraw', from: 'reception', to: 'withdrawn', roles: ['CITIZEN', 'CLERK'], requires: ['reason'], clock: 'STOP' },

    { action: 'request_supplement', from: 'processing', to: 'awaiting_supplement', roles: ['SPECIALIST'], requires: ['reason', 'items'], clock: 'PAUSE' },
    { action: 'forward', from: 'processing', to: 'approval', roles: ['SPECIALIST'], requires: [], isPublic: false },
    { action: 'reassign', from: 'processing', to: 'processing', roles: ['LEADER'], requires: ['assignee'], isPublic: false },
    // Phiếu xin lỗi và hẹn lại ngày trả kết quả: the appointment moves, the delay stays on record.
    { action: 'reschedule', from: 'processing', to: 'processing', roles: ['SPECIALIST', 'LEADER'], requires: ['reason', 'due_date'], clock: 'EXTEND' },
    { action: 'withdraw', from: 'processing', to: 'withdrawn', roles: ['CITIZEN', 'CLERK'], requires: ['reason'], clock: 'STOP' },

    { action: 'supply', from: 'awaiting_supplement', to: 'processing', roles: ['CITIZEN', 'CLERK'], requires: ['attachment'], clock: 'RESUME' },
    { action: 'withdraw', from: 'awaiting_supplement', to: 'withdrawn', roles: ['CITIZEN', 'CLERK'], requires: ['reason'], clock: 'STOP' },

    { action: 'approve', from: 'approval', to: 'result_return', roles: ['LEADER'], requires: [] },
    { action: 'reschedule', from: 'approval', to: 'approval', roles: ['LEADER'], requires: ['reason', 'due_date'], clock: 'EXTEND' },
    { action: 'send_back', from: 'approval', to: 'processing', roles: ['LEADER'], requires: ['reason'], isPublic: false },
    { action: 'refuse', from: 'approval', to: 'refused', roles: ['LEADER'], requires: ['reason'], clock: 'STOP' },

    { action: 'return_result', from: 'result_return', to: 'returned', roles: ['CLERK'], requires: [], clock: 'STOP' },
    { action: 'reschedule', from: 'result_return', to: 'result_return', roles: ['CLERK', 'LEADER'], requires: ['reason', 'due_date'], clock: 'EXTEND' },
  ],
}

const sameDay: WorkflowGraphInput = {
  startStep: 'reception',
  steps: [
    { key: 'reception', nameVi: 'Tiếp nhận yêu cầu', nameEn: 'Reception', role: 'CLERK', state: 'SUBMITTED', budget: { unit: 'HOURS', value: 2 }, clock: 'STOPPED' },
    { key: 'processing', nameVi: 'Kiểm tra, đối chiếu', nameEn: 'Checking', role: 'CLERK', state: 'PROCESSING', budget: { unit: 'SHARE', value: 50 }, clock: 'RUNS' },
    { key: 'signing', nameVi: 'Ký chứng thực', nameEn: 'Signature', role: 'LEADER', state: 'PROCESSING', budget: { unit: 'SHARE', value: 30 }, clock: 'RUNS' },
    { key: 'result_return', nameVi: 'Trả kết quả', nameEn: 'Result return', role: 'CLERK', state: 'READY_TO_RETURN', budget: { unit: 'SHARE', value: 20 }, clock: 'RUNS' },
    ...terminalSteps,
  ],
  transitions: [
    { action: 'receive', from: 'reception', to: 'processing', roles: ['CLERK'], requires: [], clock: 'START' },
    { action: 'refuse', from: 'reception', to: 'refused', roles: ['CLERK'], requires: ['reason'], clock: 'STOP' },
    { action: 'withdraw', from: 'reception', to: 'withdrawn', roles: ['CITIZEN', 'CLERK'], requires: ['reason'], clock: 'STOP' },

    { action: 'forward', from: 'processing', to: 'signing', roles: ['CLERK'], requires: [], isPublic: false },
    // Decree 23/2015 art. 21: many originals or many pages allow up to 2 more working days (with an appointment).
    { action: 'reschedule', from: 'processing', to: 'processing', roles: ['CLERK', 'LEADER'], requires: ['reason', 'due_date'], clock: 'EXTEND' },
    { action: 'refuse', from: 'processing', to: 'refused', roles: ['CLERK'], requires: ['reason'], clock: 'STOP' },
    { action: 'withdraw', from: 'processing', to: 'withdrawn', roles: ['CITIZEN', 'CLERK'], requires: ['reason'], clock: 'STOP' },

    { action: 'approve', from: 'signing', to: 'result_return', roles: ['LEADER'], requires: [] },
    { action: 'reschedule', from: 'signing', to: 'signing', roles: ['LEADER'], requires: ['reason', 'due_date'], clock: 'EXTEND' },
    { action: 'send_back', from: 'signing', to: 'processing', roles: ['LEADER'], requires: ['reason'], isPublic: false },
    { action: 'refuse', from: 'signing', to: 'refused', roles: ['LEADER'], requires: ['reason'], clock: 'STOP' },

    { action: 'return_result', from: 'result_return', to: 'returned', roles: ['CLERK'], requires: [], clock: 'STOP' },
    { action: 'reschedule', from: 'result_return', to: 'result_return', roles: ['CLERK', 'LEADER'], requires: ['reason', 'due_date'], clock: 'EXTEND' },
  ],
}

export const DEFAULT_WORKFLOWS: readonly DefaultWorkflow[] = [
  {
    key: DEFAULT_WORKFLOW_KEY,
    name: 'Quy trình một cửa (mặc định)',
    description: 'Tiếp nhận → thẩm định, xử lý (chuyên viên) → phê duyệt, ký (lãnh đạo) → trả kết quả; có nhánh yêu cầu bổ sung (tạm dừng thời hạn), từ chối và dừng giải quyết.',
    graph: WorkflowGraphSchema.parse(oneStopDefault),
  },
  {
    key: SAME_DAY_WORKFLOW_KEY,
    name: 'Quy trình giải quyết trong ngày (chứng thực)',
    description: 'Tiếp nhận và kiểm tra tại Bộ phận Một cửa → lãnh đạo ký → trả kết quả trong ngày (hoặc ngày làm việc tiếp theo nếu nhận sau 15 giờ).',
    graph: WorkflowGraphSchema.parse(sameDay),
  },
]
