import { describe, expect, it } from 'vitest'
import { readProcedureRows } from '../../../prisma/seed/reference-data'
import { DEFAULT_DEADLINE, DeadlineSchema, readLegalDeadline, UnrecognisedDeadlineError, type DeadlineReading } from './deadline'

// Every distinct settlement time of prisma/data/procedures.csv, with the structure it must give.
const expected: Record<string, DeadlineReading> = {
  'Ngay sau khi nhận đủ giấy tờ (Luật HT art.16(2)); bản sao trang DVC ghi: ngay trong ngày tiếp nhận, nhận hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo':
    { deadline: { kind: 'SAME_DAY', cutoffHour: 15 }, unverified: [] },
  'Ngay sau khi nhận đủ giấy tờ; trường hợp cần xác minh điều kiện kết hôn: không quá 05 ngày làm việc (Luật HT art.18(2))': {
    deadline: { kind: 'SAME_DAY', cutoffHour: 15, extensionDays: 5, extensionReason: 'Cần xác minh điều kiện kết hôn' },
    unverified: ['deadline.cutoffHour'],
  },
  'Ngay sau khi nhận giấy tờ (Luật HT art.34(2)); người thân có trách nhiệm khai tử trong 15 ngày kể từ ngày có người chết (art.33(1))':
    { deadline: { kind: 'SAME_DAY', cutoffHour: 15 }, unverified: ['deadline.cutoffHour'] },
  '03 ngày làm việc kể từ ngày nhận đủ giấy tờ; cần xác minh thì kéo dài thêm không quá 03 ngày làm việc (Luật HT art.28(2))': {
    deadline: { kind: 'WORKING_DAYS', days: 3, extensionDays: 3, extensionReason: 'Cần xác minh' },
    unverified: [],
  },
  'Ngay sau khi nhận đủ giấy tờ (Luật HT art.29(2))': { deadline: { kind: 'SAME_DAY', cutoffHour: 15 }, unverified: ['deadline.cutoffHour'] },
  '03 ngày làm việc kể từ ngày nhận đủ giấy tờ; cần xác minh thì kéo dài thêm không quá 05 ngày làm việc (Luật HT art.25(2))': {
    deadline: { kind: 'WORKING_DAYS', days: 3, extensionDays: 5, extensionReason: 'Cần xác minh' },
    unverified: [],
  },
  '03 ngày làm việc kể từ ngày nhận đủ giấy tờ (Luật HT art.20(2))': { deadline: { kind: 'WORKING_DAYS', days: 3 }, unverified: [] },
  '02 ngày làm việc kể từ ngày nhận đủ giấy tờ (Luật HT art.22(2))': { deadline: { kind: 'WORKING_DAYS', days: 2 }, unverified: [] },
  'Ngay sau khi nhận được yêu cầu, nếu đủ điều kiện (Luật HT art.64(2))': {
    deadline: { kind: 'SAME_DAY', cutoffHour: 15 },
    unverified: ['deadline.cutoffHour'],
  },
  'Ngay trong ngày tiếp nhận yêu cầu, hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ (NĐ 23/2015 art.7, art.17(4)); yêu cầu gửi qua bưu điện: tính từ khi nhận đủ hồ sơ theo dấu bưu điện đến':
    { deadline: { kind: 'SAME_DAY', cutoffHour: 15 }, unverified: [] },
  'Ngay trong ngày tiếp nhận yêu cầu, hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ (NĐ 23/2015 art.7); nhiều loại bản chính hoặc nhiều trang thì kéo dài thêm không quá 02 ngày làm việc, hoặc lâu hơn nếu thỏa thuận bằng văn bản (art.21)':
    {
      deadline: {
        kind: 'SAME_DAY',
        cutoffHour: 15,
        extensionDays: 2,
        extensionReason: 'Nhiều loại bản chính hoặc nhiều trang',
        extendableByAgreement: true,
      },
      unverified: [],
    },
  'Ngay trong ngày tiếp nhận yêu cầu, hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ (NĐ 23/2015 art.7)': {
    deadline: { kind: 'SAME_DAY', cutoffHour: 15 },
    unverified: [],
  },
  'Không quá 02 ngày làm việc kể từ ngày nhận đủ hồ sơ, hoặc lâu hơn nếu thỏa thuận bằng văn bản (NĐ 23/2015 art.37)': {
    deadline: { kind: 'WORKING_DAYS', days: 2, extendableByAgreement: true },
    unverified: [],
  },
  'Không quá 02 ngày làm việc (NĐ 23/2015 art.37, áp dụng cho hợp đồng, giao dịch)': {
    deadline: { kind: 'WORKING_DAYS', days: 2 },
    unverified: [],
  },
  '': { deadline: DEFAULT_DEADLINE, unverified: ['deadline'] },
}

describe('readLegalDeadline', () => {
  const rows = readProcedureRows()

  it('knows every settlement time of the procedure file', () => {
    const texts = new Set(rows.map((row) => row.settlementTime))
    expect([...texts].sort()).toEqual(Object.keys(expected).sort())
  })

  it.each(rows.map((row) => [row.name, row.settlementTime] as const))('reads the settlement time of "%s"', (_name, text) => {
    const reading = readLegalDeadline(text)
    expect(reading).toEqual(expected[text])
    expect(DeadlineSchema.parse(reading.deadline)).toEqual(reading.deadline)
  })

  it('gives the flagged default for a blank or missing text', () => {
    for (const blank of [null, undefined, '', '   ']) {
      expect(readLegalDeadline(blank)).toEqual({ deadline: DEFAULT_DEADLINE, unverified: ['deadline'] })
    }
  })

  it('does not share the default object between readings', () => {
    const reading = readLegalDeadline('')
    reading.deadline.extensionDays = 9
    expect(DEFAULT_DEADLINE).toEqual({ kind: 'WORKING_DAYS', days: 5 })
  })

  it('reads other cut-off hours and is indifferent to case and spacing', () => {
    expect(readLegalDeadline('NGAY TRONG NGÀY tiếp nhận; nhận sau  16 giờ thì trả ngày làm việc tiếp theo').deadline).toEqual({
      kind: 'SAME_DAY',
      cutoffHour: 16,
    })
    expect(readLegalDeadline('10 ngày làm việc kể từ ngày nhận đủ hồ sơ').deadline).toEqual({ kind: 'WORKING_DAYS', days: 10 })
  })

  it('throws on a wording it does not understand rather than guessing', () => {
    expect(() => readLegalDeadline('Trong thời hạn hợp lý')).toThrow(UnrecognisedDeadlineError)
    expect(() => readLegalDeadline('15 ngày kể từ ngày nhận hồ sơ')).toThrow(UnrecognisedDeadlineError)
  })
})

describe('DeadlineSchema', () => {
  it('rejects impossible deadlines and unknown keys', () => {
    expect(DeadlineSchema.safeParse({ kind: 'SAME_DAY', cutoffHour: 24 }).success).toBe(false)
    expect(DeadlineSchema.safeParse({ kind: 'WORKING_DAYS', days: 0 }).success).toBe(false)
    expect(DeadlineSchema.safeParse({ kind: 'WORKING_DAYS', days: 3, extra: 1 }).success).toBe(false)
    expect(DeadlineSchema.safeParse({ kind: 'CALENDAR_DAYS', days: 3 }).success).toBe(false)
  })
})
