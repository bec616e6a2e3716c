import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildPaymentsReport, PAYMENT_METHODS, type CollectedRow, type RefundedRow } from './payments-report'

describe('buildPaymentsReport', () => {
  it('merges money in and out by day and method, with totals per method and overall', () => {
    const report = buildPaymentsReport(
      [
        { day: '2026-11-02', method: 'GATEWAY', count: 1, amountVnd: 50_000 },
        { day: '2026-11-01', method: 'VIETQR', count: 2, amountVnd: 20_000 },
        { day: '2026-11-01', method: 'CASH', count: 1, amountVnd: 8_000 },
      ],
      [
        { day: '2026-11-02', method: 'VIETQR', count: 1, amountVnd: 10_000 },
        { day: '2026-11-03', method: 'GATEWAY', count: 1, amountVnd: 50_000 },
      ],
    )
    expect(report.days.map((row) => [row.day, row.method, row.count, row.collectedVnd, row.refundedVnd, row.netVnd])).toEqual([
      ['2026-11-01', 'VIETQR', 2, 20_000, 0, 20_000],
      ['2026-11-01', 'CASH', 1, 8_000, 0, 8_000],
      ['2026-11-02', 'VIETQR', 0, 0, 10_000, -10_000],
      ['2026-11-02', 'GATEWAY', 1, 50_000, 0, 50_000],
      ['2026-11-03', 'GATEWAY', 0, 0, 50_000, -50_000],
    ])
    expect(report.byMethod).toEqual([
      { method: 'VIETQR', count: 2, collectedVnd: 20_000, refundCount: 1, refundedVnd: 10_000, netVnd: 10_000 },
      { method: 'GATEWAY', count: 1, collectedVnd: 50_000, refundCount: 1, refundedVnd: 50_000, netVnd: 0 },
      { method: 'CASH', count: 1, collectedVnd: 8_000, refundCount: 0, refundedVnd: 0, netVnd: 8_000 },
    ])
    expect(report.total).toEqual({ count: 4, collectedVnd: 78_000, refundCount: 2, refundedVnd: 60_000, netVnd: 18_000 })
  })

  it('is all zeros for a quiet period', () => {
    const report = buildPaymentsReport([], [])
    expect(report.days).toEqual([])
    expect(report.byMethod.map((row) => row.method)).toEqual([...PAYMENT_METHODS])
    expect(report.total.netVnd).toBe(0)
  })

  it('keeps every amount: the totals are the sums of the rows, however they are split', () => {
    const row = fc.record({ day: fc.constantFrom('2026-11-01', '2026-11-02', '2026-11-03'), method: fc.constantFrom(...PAYMENT_METHODS), count: fc.nat(50), amountVnd: fc.nat(10_000_000) })
    fc.assert(
      fc.property(fc.array(row), fc.array(row), (collected: CollectedRow[], refunded: RefundedRow[]) => {
        const report = buildPaymentsReport(collected, refunded)
        const sum = (rows: { amountVnd: number }[]) => rows.reduce((total, entry) => total + entry.amountVnd, 0)
        expect(report.total.collectedVnd).toBe(sum(collected))
        expect(report.total.refundedVnd).toBe(sum(refunded))
        expect(report.byMethod.reduce((total, entry) => total + entry.netVnd, 0)).toBe(report.total.netVnd)
        expect(report.days.reduce((total, entry) => total + entry.count, 0)).toBe(collected.reduce((total, entry) => total + entry.count, 0))
      }),
    )
  })
})
