import type { Deadline } from '@/domain/procedure/deadline'
import { padCount } from './count'

/** The phrases a description is made of; the i18n layer supplies them in the reader's language. */
export type DeadlinePhrase =
  | 'sameDay'
  | 'cutoff'
  | 'workingDays'
  | 'extension'
  | 'extensionWithReason'
  | 'byAgreement'

export type DeadlinePhrases = (phrase: DeadlinePhrase, values: Record<string, string | number>) => string

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1)
}

/**
 * The legal processing time in words: the base ("Trong ngày", "03 ngày làm việc") and, when `detailed`,
 * the cut-off hour, the possible extension and an extension by written agreement in one parenthesis:
 * "03 ngày làm việc (có thể kéo dài thêm 03 ngày làm việc nếu cần xác minh)".
 * Counts are given both plain (`days`, for plural rules) and padded (`daysPadded`: "03", as Vietnamese
 * administrative texts write them).
 */
export function describeDeadline(deadline: Deadline, phrase: DeadlinePhrases, { detailed }: { detailed: boolean }): string {
  const base =
    deadline.kind === 'SAME_DAY'
      ? phrase('sameDay', {})
      : phrase('workingDays', { days: deadline.days, daysPadded: padCount(deadline.days) })
  if (!detailed) return base

  const details: string[] = []
  if (deadline.kind === 'SAME_DAY') details.push(phrase('cutoff', { hour: deadline.cutoffHour }))
  if (deadline.extensionDays !== undefined) {
    const extension = { extension: deadline.extensionDays, extensionPadded: padCount(deadline.extensionDays) }
    details.push(
      deadline.extensionReason
        ? phrase('extensionWithReason', { ...extension, reason: lowerFirst(deadline.extensionReason) })
        : phrase('extension', extension),
    )
  }
  if (deadline.extendableByAgreement) details.push(phrase('byAgreement', {}))
  return details.length > 0 ? `${base} (${details.join('; ')})` : base
}
