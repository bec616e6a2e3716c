import { z } from 'zod'

/**
 * The legal settlement time of a procedure, as structured data (`ProcedureVersion.deadline`).
 *
 * - SAME_DAY: settled on the day of receipt; a dossier received after `cutoffHour` (local time) or on a
 *   non-working day is due on the next working day (Decree 23/2015 art. 7; the DVC page of birth registration).
 * - WORKING_DAYS: due at the end of the `days`-th working day after the day of receipt.
 *
 * Either may be extended by up to `extensionDays` more working days when `extensionReason` applies
 * (e.g. "cần xác minh"), and some texts allow longer by written agreement with the applicant.
 * The calendar arithmetic lives in domain/calendar/working-days.ts.
 */
const extension = {
  /** At most this many working days more, counted from the normal due day, when the reason applies. */
  extensionDays: z.number().int().min(1).max(60).optional(),
  /** Why the extension may be used, in Vietnamese as the legal text says it. */
  extensionReason: z.string().min(1).optional(),
  /** "hoặc lâu hơn nếu thỏa thuận bằng văn bản": a longer time may be agreed in writing. */
  extendableByAgreement: z.boolean().optional(),
}

export const SameDayDeadlineSchema = z.strictObject({
  kind: z.literal('SAME_DAY'),
  /** Local hour (Asia/Ho_Chi_Minh) after which a dossier received that day is due the next working day. */
  cutoffHour: z.number().int().min(0).max(23),
  ...extension,
})

export const WorkingDaysDeadlineSchema = z.strictObject({
  kind: z.literal('WORKING_DAYS'),
  days: z.number().int().min(1).max(365),
  ...extension,
})

export const DeadlineSchema = z.discriminatedUnion('kind', [SameDayDeadlineSchema, WorkingDaysDeadlineSchema])

export type SameDayDeadline = z.infer<typeof SameDayDeadlineSchema>
export type WorkingDaysDeadline = z.infer<typeof WorkingDaysDeadlineSchema>
export type Deadline = z.infer<typeof DeadlineSchema>

/**
 * Cut-off hour when a same-day text does not give one: the DVC page of birth registration says that a dossier
 * received after 15:00 is settled the next working day, and Decree 23/2015 art. 7 says the same for
 * certification. Applied by analogy, so it is flagged as unverified.
 */
export const DEFAULT_CUTOFF_HOUR = 15

/**
 * Deadline seeded when the source gives no settlement time: a conservative placeholder, always flagged as
 * unverified so an administrator replaces it with the legal value.
 */
export const DEFAULT_DEADLINE: Deadline = { kind: 'WORKING_DAYS', days: 5 }

/** Names, as in `ProcedureVersion.unverifiedFields`, of deadline values that were not read in the text. */
export type UnverifiedDeadlineField = 'deadline' | 'deadline.cutoffHour'

export type DeadlineReading = {
  deadline: Deadline
  /** Empty when every value was read in the legal text. */
  unverified: UnverifiedDeadlineField[]
}

export class UnrecognisedDeadlineError extends Error {
  constructor(readonly text: string) {
    super(`Unrecognised legal settlement time: "${text}"`)
    this.name = 'UnrecognisedDeadlineError'
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1)
}

/**
 * Turns the free-text settlement time of a legal source (column `settlement_time` of prisma/data/procedures.csv)
 * into a structured deadline. Blank text gives DEFAULT_DEADLINE flagged `deadline`; text it cannot read
 * throws, so a new wording is noticed instead of being defaulted silently.
 *
 * Understood wordings (Vietnamese, any case):
 * - "Ngay sau khi nhận (đủ) giấy tờ…", "Ngay trong ngày tiếp nhận…" → SAME_DAY, with the cut-off of
 *   "… sau 15 giờ" when stated, else DEFAULT_CUTOFF_HOUR flagged `deadline.cutoffHour`;
 * - "03 ngày làm việc…", "Không quá 02 ngày làm việc…" → WORKING_DAYS;
 * - "…; <reason> thì kéo dài thêm không quá N ngày làm việc" and
 *   "…; trường hợp <reason>: không quá N ngày làm việc" → extension of N working days;
 * - "… hoặc lâu hơn nếu thỏa thuận bằng văn bản" → extendableByAgreement.
 */
export function readLegalDeadline(text: string | null | undefined): DeadlineReading {
  const normalised = (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim()
  if (!normalised) return { deadline: { ...DEFAULT_DEADLINE }, unverified: ['deadline'] }
  const lower = normalised.toLocaleLowerCase('vi')
  const unverified: UnverifiedDeadlineField[] = []

  let deadline: Deadline
  const workingDays = /^(?:không quá\s+)?(\d{1,3})\s+ngày làm việc/.exec(lower)
  if (/^ngay (?:sau khi|trong ngày)/.test(lower)) {
    const cutoff = /sau\s+(\d{1,2})\s*giờ/.exec(lower)
    if (!cutoff) unverified.push('deadline.cutoffHour')
    deadline = { kind: 'SAME_DAY', cutoffHour: cutoff ? Number(cutoff[1]) : DEFAULT_CUTOFF_HOUR }
  } else if (workingDays) {
    deadline = { kind: 'WORKING_DAYS', days: Number(workingDays[1]) }
  } else {
    throw new UnrecognisedDeadlineError(normalised)
  }

  // "; cần xác minh thì kéo dài thêm không quá 03 ngày làm việc"
  const extendedBy = /;\s*([^;]*?)\s+thì kéo dài thêm không quá\s+(\d{1,2})\s+ngày làm việc/.exec(lower)
  // "; trường hợp cần xác minh điều kiện kết hôn: không quá 05 ngày làm việc" (a same-day base: the N days
  // count from the day of receipt, which is the same as N more days after the same-day due day)
  const caseOf = /;\s*trường hợp\s+([^:;]+?)\s*:\s*không quá\s+(\d{1,2})\s+ngày làm việc/.exec(lower)
  const found = extendedBy ?? caseOf
  if (found?.[1] && found[2]) {
    deadline.extensionDays = Number(found[2])
    deadline.extensionReason = capitalise(found[1].trim())
  }
  if (/lâu hơn nếu (?:có )?thỏa thuận bằng văn bản/.test(lower)) deadline.extendableByAgreement = true

  return { deadline: DeadlineSchema.parse(deadline), unverified }
}
