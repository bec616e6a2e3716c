import { formatVnd } from '@/lib/format/vnd'

type Translate = (key: string, values?: Record<string, string | number>) => string

/**
 * A version's fee in one phrase, as the lists show it: "8.000 ₫ mỗi bản", "10.000 ₫", "Chưa rõ mức", or
 * "Theo số trang" for certified copies (the circular's rates, no amount of its own).
 */
export function feeText(fee: { feeVnd: number | null; ruleKind: string }, t: Translate, locale: string): string {
  if (fee.ruleKind === 'CERTIFIED_COPY_PAGES') return t('fee.byPages')
  if (fee.feeVnd === null) return t('fee.notKnown')
  const amount = formatVnd(fee.feeVnd, locale)
  return fee.ruleKind === 'PER_COPY' ? t('fee.perCopy', { amount }) : amount
}
