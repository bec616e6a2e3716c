/**
 * Generates the demo history: dossiers over the last `days` before `now`, with their events, supplement
 * requests, payments, ratings and code sequences, as plain rows. Pure and deterministic: the same inputs give
 * the same rows (a seeded PRNG; no clock, no database).
 *
 * Each dossier's timeline is simulated whole (submit → receive → [supplement] → forward → approve → return,
 * or a refusal, a withdrawal, a delay with an apology), then cut at `now`: what has not happened yet is not
 * written, so recent dossiers are still waiting, in processing or ready to return, and some are overdue.
 */
import { isWorkingDay, localDateOf, localInstant, type WorkingCalendar } from '../../src/domain/calendar/working-days'
import { DEFAULT_WORKFLOW_KEY, SAME_DAY_WORKFLOW_KEY } from '../../src/domain/workflow/default-workflows'
import { demoFormData, type Applicant } from './demo-form-data'
import type {
  ActorRole,
  CodeSequenceRow,
  DemoHistory,
  DossierRow,
  EventRow,
  HistoryCitizen,
  HistoryCommune,
  HistoryInput,
  HistoryProcedure,
} from './demo-history-types'
import { buildPaymentReference } from '../../src/domain/payments/payment-reference'
import { receiptNumberOf } from '../../src/domain/payments/receipt-number'
import { demoPayment } from './demo-payments'
import { classify, REFUSAL_AT_RECEPTION, simulateAfterReceipt, STEPS, type Draft } from './demo-timeline'
import { randomPerson } from './names'
import { addOfficeMinutes, CLOSES, OPENS } from './office-time'
import { createRandom, type Random } from './prng'
import { uuidv7 } from './uuid'

export type * from './demo-history-types'

// ─── Distributions (demo choices, not statistics) ───

/** Share of the demo load by procedure: certification and birth registration dominate, as at real desks. */
const PROCEDURE_WEIGHTS: Record<string, number> = {
  '2.000815': 30,
  '1.001193': 14,
  '2.000884': 9,
  '2.000635': 6,
  '1.000894': 5,
  '1.004873': 5,
  '1.000656': 4,
  '2.001035': 4,
  '1.004194': 4,
  '1.004222': 3,
  '2.001159': 2,
  '1.004859': 2,
  '2.000908': 2,
  '1.001612': 1.5,
  '1.002755': 1,
  '1.010038': 1,
  '1.003197': 1,
  '2.000720': 1,
  '1.011607': 1,
  '1.001776': 1,
  '1.014027': 1,
  '1.009122': 1,
}
const OTHER_PROCEDURE_WEIGHT = 0.5

/** Share submitted online, by form kind or slug (originals to certify and signatures need the desk). */
function onlineShare(procedure: HistoryProcedure): number {
  if (procedure.formKind === 'certifiedCopy') return 0.08
  if (procedure.formKind === 'signature') return 0.04
  if (procedure.formKind === 'contract') return 0.1
  if (procedure.formKind === 'civilStatusExtract') return 0.6
  if (['1.004194', '1.004222', '1.002755', '2.001159', '1.010038', '1.003197'].includes(procedure.slug)) return 0.7
  if (procedure.formKind === 'birth') return 0.45
  return 0.35
}

const GOOD_COMMENTS = ['Cán bộ hướng dẫn nhiệt tình, trả kết quả đúng hẹn.', 'Thủ tục nhanh gọn.', 'Rất hài lòng.', 'Nộp trực tuyến tiện lợi, không phải đi lại nhiều.']
const BAD_COMMENTS = ['Trả kết quả trễ hẹn.', 'Phải chờ lâu.', 'Hướng dẫn chưa rõ ràng, phải đi lại nhiều lần.']

const MINUTE = 60_000

function yymmdd(date: Date): string {
  return localDateOf(date).slice(2).replaceAll('-', '')
}

export function generateDemoHistory(input: HistoryInput): DemoHistory {
  const random = createRandom(input.seed ?? 'motcua-nghe-an-demo-history-v1')
  const { calendar, now } = input
  const communes = [...input.communes].sort((a, b) => a.code.localeCompare(b.code))
  const procedures = [...input.procedures].sort((a, b) => a.slug.localeCompare(b.slug))
  if (communes.length === 0 || procedures.length === 0) throw new Error('generateDemoHistory needs communes and procedures')

  // Busier where more units were merged (a rough proxy for population), much busier in wards, and a little
  // busier where demo staff sign in, so their screens have plenty to show.
  const communeWeights = communes.map((commune) => {
    const weight = (commune.kind === 'PHUONG' ? 6 : 1) * (1 + commune.formerUnitCount) * (input.staff.has(commune.id) ? 2 : 1)
    return [commune, weight] as const
  })
  const procedureWeights = procedures.map((procedure) => [procedure, PROCEDURE_WEIGHTS[procedure.slug] ?? OTHER_PROCEDURE_WEIGHT] as const)
  const citizensByCommune = new Map<string, HistoryCitizen[]>()
  for (const citizen of input.citizens) {
    if (!citizen.communeCode) continue
    citizensByCommune.set(citizen.communeCode, [...(citizensByCommune.get(citizen.communeCode) ?? []), citizen])
  }

  const firstDay = localDateOf(new Date(now.getTime() - input.days * 86_400_000))
  const history: DemoHistory = { dossiers: [], events: [], supplementRequests: [], payments: [], refunds: [], ratings: [], codeSequences: [] }
  // Events with the index of their dossier, to keep a stable order between events of the same instant.
  const pendingEvents: { order: number; event: EventRow }[] = []

  // The newest few dossiers are online submissions of the demo citizens still waiting at reception, so the
  // demo's "new online" queues and the end-to-end journeys always have something to receive.
  const freshPlan = freshSubmissions({ communes, procedures, citizensByCommune, staff: input.staff, now }).slice(0, Math.floor(input.count / 20))
  const firstFresh = input.count - freshPlan.length

  for (let index = 0; index < input.count; index++) {
    const fresh = index >= firstFresh ? freshPlan[index - firstFresh] : undefined
    const commune = fresh?.commune ?? random.weighted(communeWeights)
    const procedure = fresh?.procedure ?? random.weighted(procedureWeights)
    const staff = input.staff.get(commune.id)
    const workflow = STEPS[procedure.workflowKey as keyof typeof STEPS] ?? STEPS[DEFAULT_WORKFLOW_KEY]
    const isDefaultWorkflow = procedure.workflowKey !== SAME_DAY_WORKFLOW_KEY
    const channel: DossierRow['channel'] = fresh
      ? 'ONLINE'
      : procedure.slug === '2.000908' && random.chance(0.1)
        ? 'POST'
        : random.chance(onlineShare(procedure))
          ? 'ONLINE'
          : 'DESK'

    const submittedAt = fresh?.submittedAt ?? submissionTime(random, channel, firstDay, input.days, now, calendar)
    const demoCitizen = fresh?.citizen ?? pickDemoCitizen(random, channel, commune.code, citizensByCommune, input.citizens)
    const applicant: Applicant & { id: string | null } = demoCitizen
      ? { id: demoCitizen.id, fullName: demoCitizen.fullName, citizenId: demoCitizen.citizenId, phone: demoCitizen.phone, email: demoCitizen.email }
      : (() => {
          const person = randomPerson(random, { minYear: 1950, maxYear: 2004 })
          return { id: null, fullName: person.fullName, citizenId: person.citizenId, phone: person.phone, email: null }
        })()
    const { formData, feeVnd } = demoFormData({
      random,
      kind: procedure.formKind,
      procedureName: procedure.nameVi,
      baseFeeVnd: procedure.feeVnd,
      applicant,
      communeCode: commune.code,
      communeIsWard: commune.kind === 'PHUONG',
      submittedAt,
    })
    const dossierId = uuidv7(submittedAt.getTime(), random)
    const actorOf = (role: ActorRole): string | null => {
      if (role === 'CITIZEN') return applicant.id
      if (!staff) return null
      return role === 'CLERK' ? staff.clerkId : role === 'SPECIALIST' ? staff.specialistId : staff.leaderId
    }

    // ── Simulate the whole timeline ──
    const timeline: Draft[] = []
    const supplementId = uuidv7(submittedAt.getTime(), random)
    timeline.push({
      action: 'submit',
      fromState: null,
      toState: 'SUBMITTED',
      fromStep: null,
      toStep: 'reception',
      actorRole: channel === 'ONLINE' ? 'CITIZEN' : 'CLERK',
      dueAt: null,
      data: { channel },
      at: submittedAt,
    })
    const receivedAt =
      channel === 'DESK' ? addOfficeMinutes(submittedAt, random.int(3, 15), calendar) : addOfficeMinutes(submittedAt, random.int(20, 720), calendar)
    const applicantRole: ActorRole = channel === 'ONLINE' ? 'CITIZEN' : 'CLERK'

    if (fresh) {
      // Waiting at reception: only the submission has happened.
    } else if (channel !== 'DESK' && random.chance(0.03)) {
      timeline.push({
        action: 'refuse',
        fromState: 'SUBMITTED',
        toState: 'REFUSED',
        fromStep: 'reception',
        toStep: 'refused',
        actorRole: 'CLERK',
        reason: random.pick(REFUSAL_AT_RECEPTION),
        dueAt: null,
        at: receivedAt,
      })
    } else {
      simulateAfterReceipt({ random, timeline, procedure, workflow, isDefaultWorkflow, hasStaff: Boolean(staff), receivedAt, calendar, now, applicantRole })
    }

    // ── Cut at now ──
    const kept = timeline.filter((draft) => draft.at.getTime() <= now.getTime())
    const last = kept[kept.length - 1]
    if (!last) throw new Error('a dossier without events')
    const receive = kept.find((draft) => draft.action === 'receive')
    const terminal = last.toState === 'RETURNED' || last.toState === 'REFUSED' || last.toState === 'WITHDRAWN'
    const reschedule = kept.find((draft) => draft.action === 'reschedule')
    const completedAt = terminal ? last.at : null
    // Lateness is judged against the legal due date, not the appointment moved by an apology letter.
    const previousDue = reschedule?.data?.previousDueAt
    const legalDue = typeof previousDue === 'string' ? new Date(previousDue) : last.dueAt
    const outcome = last.toState === 'RETURNED' && completedAt && legalDue ? classify(completedAt, legalDue) : null
    const assigneeRole: ActorRole | null = terminal
      ? null
      : last.toStep === 'reception'
        ? null
        : last.toStep === 'result_return'
          ? 'CLERK'
          : last.toStep === workflow.decision
            ? 'LEADER'
            : last.toStep === 'awaiting_supplement'
              ? 'SPECIALIST'
              : workflow.processor

    // ── Supplement request ──
    const requested = kept.find((draft) => draft.action === 'request_supplement')
    if (requested && staff) {
      const supplied = kept.find((draft) => draft.action === 'supply')
      const document = procedure.requiredDocuments.find((candidate) => !candidate.presentOnly) ?? procedure.requiredDocuments[0]
      history.supplementRequests.push({
        id: supplementId,
        dossierId,
        communeId: commune.id,
        items: [{ key: document?.key ?? 'to-khai', label: document?.nameVi ?? 'Tờ khai', note: requested.reason ?? '', answeredAttachmentIds: [] }],
        reason: requested.reason ?? '',
        requestedById: staff.specialistId,
        requestedAt: requested.at,
        respondedAt: supplied?.at ?? null,
        responseNote: supplied ? 'Đã bổ sung giấy tờ theo yêu cầu.' : null,
      })
    }

    // ── Payment ──
    let paidVnd = 0
    if (feeVnd > 0) {
      const payment = demoPayment({ random, dossierId, communeId: commune.id, amount: feeVnd, channel, submittedAt, receivedAt: receive?.at ?? null, state: last.toState, now })
      if (payment) {
        history.payments.push(payment)
        if (payment.status === 'PAID') paidVnd = payment.amountVnd
        const refunder = actorOf('CLERK')
        if (payment.status === 'REFUNDED' && refunder) {
          // Refunded by the desk once the refusal was decided (the dossier's last event), never in the future.
          const refundedAt = new Date(Math.min(now.getTime(), Math.max(payment.updatedAt.getTime(), last.at.getTime()) + random.int(1, 8) * 3_600_000))
          history.refunds.push({ id: uuidv7(refundedAt.getTime(), random), paymentId: payment.id, communeId: commune.id, amountVnd: payment.refundedVnd, reason: 'Hồ sơ bị từ chối tiếp nhận sau khi đã nộp phí trực tuyến: hoàn trả phí, lệ phí.', refundedById: refunder, createdAt: refundedAt })
        } else if (payment.status === 'REFUNDED') {
          // No clerk to record a refund: the fee stays collected (a human refunds it).
          payment.status = 'PAID'
          payment.refundedVnd = 0
          paidVnd = payment.amountVnd
        }
      }
    }

    // ── Rating ──
    if (outcome && completedAt) {
      const rateChance = channel === 'ONLINE' ? 0.25 : 0.1
      const ratedAt = addOfficeMinutes(completedAt, random.int(5, 1200), calendar)
      if (random.chance(rateChance) && ratedAt.getTime() <= now.getTime()) {
        const score = outcome === 'LATE' ? random.weighted([[5, 2], [4, 3], [3, 3], [2, 2], [1, 1]] as const) : random.weighted([[5, 62], [4, 26], [3, 8], [2, 3], [1, 1]] as const)
        const comment = random.chance(0.3) ? (score >= 4 ? random.pick(GOOD_COMMENTS) : random.pick(BAD_COMMENTS)) : null
        history.ratings.push({ id: uuidv7(ratedAt.getTime(), random), dossierId, communeId: commune.id, raterId: applicant.id, score, comment, createdAt: ratedAt })
      }
    }

    for (const draft of kept) {
      pendingEvents.push({
        order: index,
        event: {
          dossierId,
          communeId: commune.id,
          action: draft.action,
          fromState: draft.fromState,
          toState: draft.toState,
          fromStep: draft.fromStep,
          toStep: draft.toStep,
          actorId: actorOf(draft.actorRole),
          actorRole: draft.actorRole,
          reason: draft.reason ?? null,
          dueAt: draft.dueAt,
          data: draft.action === 'request_supplement' ? { ...draft.data, supplementRequestId: supplementId } : (draft.data ?? {}),
          isPublic: draft.isPublic ?? true,
          occurredAt: draft.at,
        },
      })
    }

    history.dossiers.push({
      id: dossierId,
      code: '', // assigned below, in order of submission
      communeId: commune.id,
      procedureId: procedure.id,
      procedureVersionId: procedure.versionId,
      workflowVersionId: procedure.workflowVersionId,
      applicantId: applicant.id,
      applicantName: applicant.fullName,
      applicantCitizenId: applicant.citizenId,
      applicantPhone: applicant.phone,
      applicantEmail: applicant.email,
      channel,
      state: last.toState,
      currentStep: last.toStep,
      assigneeId: assigneeRole ? actorOf(assigneeRole) : null,
      receivedById: receive ? actorOf('CLERK') : null,
      formData,
      feeVnd,
      paidVnd,
      submittedAt,
      receivedAt: receive?.at ?? null,
      dueAt: last.dueAt,
      clockPausedAt: last.action === 'request_supplement' ? last.at : null,
      supplementCount: kept.filter((draft) => draft.action === 'request_supplement').length,
      extensionCount: kept.filter((draft) => draft.action === 'reschedule').length,
      completedAt,
      outcome,
      submissionKey: channel === 'ONLINE' ? `seed-${dossierId}` : null,
      version: kept.length - 1,
      updatedAt: last.at,
    })
  }

  assignCodes(history, communes)
  // Events in time order, so their serial ids follow the history as it happened.
  pendingEvents.sort((a, b) => a.event.occurredAt.getTime() - b.event.occurredAt.getTime() || a.order - b.order)
  history.events = pendingEvents.map(({ event }) => event)
  return history
}

type FreshSubmission = { commune: HistoryCommune; procedure: HistoryProcedure; citizen: HistoryCitizen; submittedAt: Date }

/** Three recent online submissions per demo commune (with staff and demo citizens), newest last. */
function freshSubmissions({
  communes,
  procedures,
  citizensByCommune,
  staff,
  now,
}: {
  communes: readonly HistoryCommune[]
  procedures: readonly HistoryProcedure[]
  citizensByCommune: ReadonlyMap<string, HistoryCitizen[]>
  staff: ReadonlyMap<string, unknown>
  now: Date
}): FreshSubmission[] {
  const defaultWorkflow = procedures.filter((procedure) => procedure.workflowKey !== SAME_DAY_WORKFLOW_KEY)
  const preferred = [...defaultWorkflow.filter((procedure) => procedure.formKind === 'birth'), ...defaultWorkflow.filter((procedure) => procedure.formKind !== 'birth')]
  const plan: FreshSubmission[] = []
  for (const commune of communes) {
    const citizens = citizensByCommune.get(commune.code)
    if (!staff.has(commune.id) || !citizens?.length) continue
    for (let k = 0; k < 3; k++) {
      const procedure = preferred[k % preferred.length]
      const citizen = citizens[k % citizens.length]
      if (procedure && citizen) plan.push({ commune, procedure, citizen, submittedAt: new Date(now.getTime() - (3 - k) * 41 * MINUTE - plan.length * MINUTE) })
    }
  }
  return plan
}

/** A submission instant: desk ones in office hours of working days; online ones any day, mostly daytime. */
function submissionTime(random: Random, channel: DossierRow['channel'], firstDay: string, days: number, now: Date, calendar: WorkingCalendar): Date {
  for (let attempt = 0; attempt < 100; attempt++) {
    const day = localDateOf(new Date(Date.parse(`${firstDay}T00:00:00Z`) + random.int(0, days) * 86_400_000))
    const working = isWorkingDay(day, calendar)
    let at: Date
    if (channel === 'ONLINE') {
      if (!working && !random.chance(0.3)) continue
      at = localInstant(day, 0, random.int(6 * 60, 23 * 60 - 1) + random.int(0, 59) / 60)
    } else {
      if (!working) continue
      // Mornings are busier at the desk than afternoons.
      const minute = random.chance(0.65) ? random.int(OPENS, 11 * 60 + 30) : random.int(13 * 60 + 30, CLOSES - 10)
      at = localInstant(day, 0, minute + random.int(0, 59) / 60)
    }
    if (at.getTime() < now.getTime() - 60_000) return at
  }
  // Only reachable with a calendar of no working days; fall back to a minute ago.
  return new Date(now.getTime() - MINUTE)
}

function pickDemoCitizen(
  random: Random,
  channel: DossierRow['channel'],
  communeCode: string,
  byCommune: ReadonlyMap<string, HistoryCitizen[]>,
  all: readonly HistoryCitizen[],
): HistoryCitizen | null {
  if (all.length === 0) return null
  const local = byCommune.get(communeCode)
  if (local?.length && random.chance(channel === 'ONLINE' ? 0.12 : 0.02)) return random.pick(local)
  if (random.chance(channel === 'ONLINE' ? 0.01 : 0.001)) return random.pick(all)
  return null
}

function assignCodes(history: DemoHistory, communes: readonly HistoryCommune[]): void {
  const codeOf = new Map(communes.map((commune) => [commune.id, commune.code]))
  history.dossiers.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.id.localeCompare(b.id))
  const sequences = new Map<string, CodeSequenceRow>()
  for (const dossier of history.dossiers) {
    const day = localDateOf(dossier.submittedAt)
    const key = `${dossier.communeId}|${day}`
    const sequence = sequences.get(key) ?? { communeId: dossier.communeId, day, lastValue: 0 }
    sequence.lastValue++
    sequences.set(key, sequence)
    dossier.code = `${codeOf.get(dossier.communeId)}-${yymmdd(dossier.submittedAt)}-${String(sequence.lastValue).padStart(4, '0')}`
  }
  history.codeSequences = [...sequences.values()]
  // Each demo dossier has at most one payment: its reference is the dossier's first (domain/payments).
  const codeOfDossier = new Map(history.dossiers.map((dossier) => [dossier.id, dossier.code]))
  for (const payment of history.payments) {
    payment.reference = buildPaymentReference({ dossierCode: codeOfDossier.get(payment.dossierId)!, paymentSequence: 1 })
    if (payment.receiptNo) payment.receiptNo = receiptNumberOf(payment.reference)
  }
}
