import { describe, expect, it } from 'vitest'
import { describeDeadline, type DeadlinePhrases } from './deadline'

/** The Vietnamese phrases of messages/vi.json, with ICU placeholders filled in. */
const vietnamese: DeadlinePhrases = (phrase, values) => {
  const templates = {
    sameDay: 'Trong ngày',
    cutoff: 'nhận sau {hour} giờ trả trong ngày làm việc tiếp theo',
    workingDays: '{daysPadded} ngày làm việc',
    extension: 'có thể kéo dài thêm {extensionPadded} ngày làm việc',
    extensionWithReason: 'có thể kéo dài thêm {extensionPadded} ngày làm việc nếu {reason}',
    byAgreement: 'hoặc lâu hơn nếu thỏa thuận bằng văn bản',
  }
  return templates[phrase].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]))
}

describe('describeDeadline', () => {
  it('describes a same-day deadline with its cut-off hour', () => {
    expect(describeDeadline({ kind: 'SAME_DAY', cutoffHour: 15 }, vietnamese, { detailed: true })).toBe(
      'Trong ngày (nhận sau 15 giờ trả trong ngày làm việc tiếp theo)',
    )
  })

  it('describes working days, padded, with the extension and its reason', () => {
    expect(
      describeDeadline(
        { kind: 'WORKING_DAYS', days: 3, extensionDays: 3, extensionReason: 'Cần xác minh' },
        vietnamese,
        { detailed: true },
      ),
    ).toBe('03 ngày làm việc (có thể kéo dài thêm 03 ngày làm việc nếu cần xác minh)')
  })

  it('describes an extension without a stated reason', () => {
    expect(describeDeadline({ kind: 'WORKING_DAYS', days: 3, extensionDays: 5 }, vietnamese, { detailed: true })).toBe(
      '03 ngày làm việc (có thể kéo dài thêm 05 ngày làm việc)',
    )
  })

  it('joins every detail of a same-day deadline in one parenthesis', () => {
    expect(
      describeDeadline(
        { kind: 'SAME_DAY', cutoffHour: 15, extensionDays: 5, extensionReason: 'Cần xác minh điều kiện kết hôn' },
        vietnamese,
        { detailed: true },
      ),
    ).toBe(
      'Trong ngày (nhận sau 15 giờ trả trong ngày làm việc tiếp theo; có thể kéo dài thêm 05 ngày làm việc nếu cần xác minh điều kiện kết hôn)',
    )
  })

  it('mentions a longer time agreed in writing', () => {
    expect(describeDeadline({ kind: 'WORKING_DAYS', days: 2, extendableByAgreement: true }, vietnamese, { detailed: true })).toBe(
      '02 ngày làm việc (hoặc lâu hơn nếu thỏa thuận bằng văn bản)',
    )
  })

  it('gives only the base in short form', () => {
    expect(describeDeadline({ kind: 'SAME_DAY', cutoffHour: 15 }, vietnamese, { detailed: false })).toBe('Trong ngày')
    expect(describeDeadline({ kind: 'WORKING_DAYS', days: 10, extensionDays: 3 }, vietnamese, { detailed: false })).toBe(
      '10 ngày làm việc',
    )
  })

  it('passes plain counts too, for languages with plural rules', () => {
    const seen: Record<string, string | number>[] = []
    describeDeadline({ kind: 'WORKING_DAYS', days: 1, extensionDays: 2 }, (phrase, values) => (seen.push(values), phrase), {
      detailed: true,
    })
    expect(seen).toEqual([
      { days: 1, daysPadded: '01' },
      { extension: 2, extensionPadded: '02' },
    ])
  })
})
