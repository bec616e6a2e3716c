/**
 * The simulated life of one received dossier: processing, an optional supplement (clock paused), a decision,
 * the return of the result, or a refusal, a withdrawal, a delay with an apology letter. Times fall in office
 * hours; the caller cuts the timeline at `now`.
 */
import { computeDueAt, dueAtAfterPause, localDateOf, localInstant, type WorkingCalendar } from '../../src/domain/calendar/working-days'
import { DEFAULT_WORKFLOW_KEY, SAME_DAY_WORKFLOW_KEY } from '../../src/domain/workflow/default-workflows'
import type { ActorRole, HistoryProcedure, Outcome, State } from './demo-history-types'
import { addOfficeMinutes, OFFICE_DAY_MINUTES, officeMinutesBetween, OPENS } from './office-time'
import type { Random } from './prng'

export const REFUSAL_AT_RECEPTION = [
  'Hồ sơ nộp không đúng thủ tục, đề nghị nộp lại theo đúng thủ tục.',
  'Tệp đính kèm không đọc được hoặc không đúng thành phần hồ sơ.',
  'Hồ sơ trùng với hồ sơ đã nộp trước đó.',
  'Yêu cầu không thuộc thẩm quyền giải quyết của UBND cấp xã.',
]
const REFUSAL_AFTER_REVIEW = [
  'Người yêu cầu không đủ điều kiện theo quy định.',
  'Giấy tờ xuất trình có dấu hiệu giả mạo, đã lập biên bản.',
  'Nội dung yêu cầu không phù hợp với thông tin trong cơ sở dữ liệu hộ tịch.',
  'Bản chính bị tẩy xóa, sửa chữa, không xác định được nội dung.',
]
const SUPPLEMENT_REASONS = [
  'Ảnh chụp giấy tờ bị mờ, không đọc được.',
  'Thông tin trong tờ khai không khớp với giấy tờ kèm theo.',
  'Thiếu giấy tờ trong thành phần hồ sơ.',
  'Thiếu văn bản ủy quyền của người yêu cầu.',
]
const WITHDRAWAL_REASONS = ['Người yêu cầu đề nghị dừng giải quyết để bổ sung thêm giấy tờ.', 'Người yêu cầu không còn nhu cầu.', 'Nộp nhầm thủ tục.']
const RESCHEDULE_REASONS = ['Cần xác minh thêm thông tin với cơ quan liên quan.', 'Số lượng hồ sơ tiếp nhận tăng đột biến.', 'Lãnh đạo đi công tác, chưa ký được kết quả.']

/** Step of the workflow where each role acts, per workflow (see src/domain/workflow/default-workflows.ts). */
export const STEPS = {
  [DEFAULT_WORKFLOW_KEY]: { processing: 'processing', decision: 'approval', processor: 'SPECIALIST' },
  [SAME_DAY_WORKFLOW_KEY]: { processing: 'processing', decision: 'signing', processor: 'CLERK' },
} as const

export type Draft = {
  action: string
  fromState: State | null
  toState: State
  fromStep: string | null
  toStep: string
  actorRole: ActorRole
  reason?: string
  dueAt: Date | null
  data?: Record<string, unknown>
  isPublic?: boolean
  at: Date
}

/** Whole-minute offsets spread over [0, total] at the given fractions, strictly increasing. */
function spread(total: number, fractions: number[]): number[] {
  const offsets: number[] = []
  let previous = 0
  for (const fraction of fractions) {
    const offset = Math.max(previous + 1, Math.round(total * fraction))
    offsets.push(offset)
    previous = offset
  }
  return offsets
}

/** Early: done before the due day; on time: on the due day by the due time; late: after it. */
export function classify(completedAt: Date, dueAt: Date): Outcome {
  if (completedAt.getTime() > dueAt.getTime()) return 'LATE'
  return localDateOf(completedAt) < localDateOf(dueAt) ? 'EARLY' : 'ON_TIME'
}

export type SimulationInput = {
  random: Random
  timeline: Draft[]
  procedure: HistoryProcedure
  workflow: (typeof STEPS)[keyof typeof STEPS]
  isDefaultWorkflow: boolean
  hasStaff: boolean
  receivedAt: Date
  calendar: WorkingCalendar
  now: Date
  applicantRole: ActorRole
}

export function simulateAfterReceipt(input: SimulationInput): void {
  const { random, timeline, procedure, workflow, calendar, receivedAt, applicantRole } = input
  const initialDue = computeDueAt(receivedAt, procedure.deadline, calendar)
  timeline.push({
    action: 'receive',
    fromState: 'SUBMITTED',
    toState: 'PROCESSING',
    fromStep: 'reception',
    toStep: workflow.processing,
    actorRole: 'CLERK',
    dueAt: initialDue,
    at: receivedAt,
  })

  const fate = random.weighted([
    ['RETURN', 0.955],
    ['REFUSE', input.isDefaultWorkflow ? 0.03 : 0.012],
    ['WITHDRAW', 0.015],
  ] as const)
  let lateness = random.weighted([
    ['EARLY', 0.5],
    ['ON_TIME', 0.42],
    ['LATE', 0.08],
  ] as const)
  // Some dossiers stall in processing: recent ones stay open (overdue once their due date passes).
  const stalls = random.chance(0.03)
  let cursor = receivedAt
  let due = initialDue

  // ── Supplement (clock paused): only where a specialist exists to sign the request ──
  if (input.isDefaultWorkflow && input.hasStaff && random.chance(0.12)) {
    const room = Math.max(31, Math.floor(officeMinutesBetween(receivedAt, initialDue, calendar) * 0.5))
    const requestedAt = addOfficeMinutes(receivedAt, random.int(30, room), calendar)
    timeline.push({
      action: 'request_supplement',
      fromState: 'PROCESSING',
      toState: 'AWAITING_SUPPLEMENT',
      fromStep: workflow.processing,
      toStep: 'awaiting_supplement',
      actorRole: 'SPECIALIST',
      reason: random.pick(SUPPLEMENT_REASONS),
      dueAt: due,
      at: requestedAt,
    })
    // Applicants take from an hour to a few weeks to bring the missing papers.
    const suppliedAt = addOfficeMinutes(requestedAt, random.int(60, 12 * OFFICE_DAY_MINUTES), calendar)
    // The office time that remained when the clock paused counts again from the resubmission: the engine's rule.
    due = dueAtAfterPause({ dueAt: initialDue, pausedAt: requestedAt, resumedAt: suppliedAt, calendar })
    if (fate === 'WITHDRAW') {
      timeline.push(withdrawal(random, 'AWAITING_SUPPLEMENT', 'awaiting_supplement', applicantRole, due, suppliedAt))
      return
    }
    timeline.push({
      action: 'supply',
      fromState: 'AWAITING_SUPPLEMENT',
      toState: 'PROCESSING',
      fromStep: 'awaiting_supplement',
      toStep: workflow.processing,
      actorRole: applicantRole,
      dueAt: due,
      at: suppliedAt,
    })
    cursor = suppliedAt
  }

  // ── When the result is returned (or the decision taken) ──
  const dueDay = localDateOf(due)
  const dueDayOpens = localInstant(dueDay, 0, OPENS)
  if (lateness === 'EARLY' && officeMinutesBetween(addOfficeMinutes(cursor, 30, calendar), dueDayOpens, calendar) < 60) lateness = 'ON_TIME'
  let completion: Date
  if (lateness === 'EARLY') {
    const start = addOfficeMinutes(cursor, 30, calendar)
    completion = addOfficeMinutes(start, random.next() * officeMinutesBetween(start, dueDayOpens, calendar), calendar)
  } else if (lateness === 'ON_TIME') {
    const earliest = addOfficeMinutes(cursor, 20, calendar)
    const start = earliest.getTime() > dueDayOpens.getTime() ? earliest : dueDayOpens
    const room = officeMinutesBetween(start, due, calendar)
    completion = room > 0 ? addOfficeMinutes(start, random.next() * room, calendar) : start
  } else {
    completion = addOfficeMinutes(due, random.int(30, 4 * OFFICE_DAY_MINUTES), calendar)
  }

  if (fate === 'WITHDRAW') {
    const at = addOfficeMinutes(cursor, 1 + random.next() * Math.max(5, officeMinutesBetween(cursor, completion, calendar) * 0.5), calendar)
    timeline.push(withdrawal(random, 'PROCESSING', workflow.processing, applicantRole, due, at))
    return
  }

  // A late dossier often gets an apology letter with a new appointment, sent before the due date.
  if (fate === 'RETURN' && completion.getTime() > due.getTime() && random.chance(0.5)) {
    const at = addOfficeMinutes(cursor, Math.max(1, officeMinutesBetween(cursor, due, calendar) * 0.85), calendar)
    if (at.getTime() < due.getTime()) {
      const newDue = localInstant(localDateOf(completion), 17)
      timeline.push({
        action: 'reschedule',
        fromState: 'PROCESSING',
        toState: 'PROCESSING',
        fromStep: workflow.processing,
        toStep: workflow.processing,
        actorRole: workflow.processor,
        reason: random.pick(RESCHEDULE_REASONS),
        dueAt: newDue,
        data: { previousDueAt: due.toISOString(), newDueAt: newDue.toISOString() },
        at,
      })
      cursor = at
      due = newDue
    }
  }

  const total = officeMinutesBetween(cursor, completion, calendar)
  if (fate === 'REFUSE' && !input.isDefaultWorkflow) {
    const [refusedOffset = 1] = spread(total, [1])
    timeline.push({
      action: 'refuse',
      fromState: 'PROCESSING',
      toState: 'REFUSED',
      fromStep: workflow.processing,
      toStep: 'refused',
      actorRole: 'CLERK',
      reason: random.pick(REFUSAL_AFTER_REVIEW),
      dueAt: due,
      at: addOfficeMinutes(cursor, refusedOffset, calendar),
    })
    return
  }

  const [forwardOffset = 1, decisionOffset = 2, returnOffset = 3] = spread(total, [0.45 + random.next() * 0.25, 0.75 + random.next() * 0.15, 1])
  // A stalled dossier stops here (still with the specialist) or after forwarding (with the leader). Only recent
  // ones stall: an old dossier left open for months would not be believable.
  const stalled = stalls && due.getTime() > input.now.getTime() - 25 * 86_400_000
  if (stalled && random.chance(0.5)) return
  timeline.push({
    action: 'forward',
    fromState: 'PROCESSING',
    toState: 'PROCESSING',
    fromStep: workflow.processing,
    toStep: workflow.decision,
    actorRole: workflow.processor,
    dueAt: due,
    data: { proposal: fate === 'REFUSE' ? 'refuse' : 'approve' },
    isPublic: false,
    at: addOfficeMinutes(cursor, forwardOffset, calendar),
  })
  if (stalled) return

  if (fate === 'REFUSE') {
    timeline.push({
      action: 'refuse',
      fromState: 'PROCESSING',
      toState: 'REFUSED',
      fromStep: workflow.decision,
      toStep: 'refused',
      actorRole: 'LEADER',
      reason: random.pick(REFUSAL_AFTER_REVIEW),
      dueAt: due,
      at: addOfficeMinutes(cursor, returnOffset, calendar),
    })
    return
  }
  timeline.push({
    action: 'approve',
    fromState: 'PROCESSING',
    toState: 'READY_TO_RETURN',
    fromStep: workflow.decision,
    toStep: 'result_return',
    actorRole: 'LEADER',
    dueAt: due,
    at: addOfficeMinutes(cursor, decisionOffset, calendar),
  })
  timeline.push({
    action: 'return_result',
    fromState: 'READY_TO_RETURN',
    toState: 'RETURNED',
    fromStep: 'result_return',
    toStep: 'returned',
    actorRole: 'CLERK',
    dueAt: due,
    at: addOfficeMinutes(cursor, returnOffset, calendar),
  })
}

function withdrawal(random: Random, fromState: State, fromStep: string, role: ActorRole, due: Date, at: Date): Draft {
  return {
    action: 'withdraw',
    fromState,
    toState: 'WITHDRAWN',
    fromStep,
    toStep: 'withdrawn',
    actorRole: role === 'CITIZEN' ? 'CITIZEN' : 'CLERK',
    reason: random.pick(WITHDRAWAL_REASONS),
    dueAt: due,
    at,
  }
}
