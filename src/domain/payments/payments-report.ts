/**
 * A commune's money over a period, by local day and payment method, as the staff workspace shows it. Pure:
 * the rows come from two aggregates, one over payments by the day they were paid, one over refunds by the
 * day they were recorded (a refund lowers the day it is paid out, not the day the money came in).
 *
 * - collected: payments paid that day (count, amount), whatever happened to them later;
 * - refunded: refunds recorded that day (count, amount) for payments of that method;
 * - net = collected − refunded.
 */
export const PAYMENT_METHODS = ['VIETQR', 'GATEWAY', 'CASH'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export type CollectedRow = { day: string; method: PaymentMethod; count: number; amountVnd: number }
export type RefundedRow = { day: string; method: PaymentMethod; count: number; amountVnd: number }

export type PaymentTotals = { count: number; collectedVnd: number; refundCount: number; refundedVnd: number; netVnd: number }

export type DayMethodRow = PaymentTotals & { day: string; method: PaymentMethod }

export type PaymentsReport = {
  /** By day, then method in PAYMENT_METHODS order; only days and methods with money in or out. */
  days: DayMethodRow[]
  /** Every method, in PAYMENT_METHODS order, zero when nothing happened. */
  byMethod: (PaymentTotals & { method: PaymentMethod })[]
  total: PaymentTotals
}

const zero = (): PaymentTotals => ({ count: 0, collectedVnd: 0, refundCount: 0, refundedVnd: 0, netVnd: 0 })

function add(into: PaymentTotals, from: Pick<PaymentTotals, 'count' | 'collectedVnd' | 'refundCount' | 'refundedVnd'>) {
  into.count += from.count
  into.collectedVnd += from.collectedVnd
  into.refundCount += from.refundCount
  into.refundedVnd += from.refundedVnd
  into.netVnd = into.collectedVnd - into.refundedVnd
}

export function buildPaymentsReport(collected: readonly CollectedRow[], refunded: readonly RefundedRow[]): PaymentsReport {
  const cells = new Map<string, DayMethodRow>()
  const cell = (day: string, method: PaymentMethod) => {
    const key = `${day}|${method}`
    let row = cells.get(key)
    if (!row) cells.set(key, (row = { day, method, ...zero() }))
    return row
  }
  for (const row of collected) add(cell(row.day, row.method), { count: row.count, collectedVnd: row.amountVnd, refundCount: 0, refundedVnd: 0 })
  for (const row of refunded) add(cell(row.day, row.method), { count: 0, collectedVnd: 0, refundCount: row.count, refundedVnd: row.amountVnd })

  const order = (method: PaymentMethod) => PAYMENT_METHODS.indexOf(method)
  const days = [...cells.values()].sort((a, b) => (a.day === b.day ? order(a.method) - order(b.method) : a.day < b.day ? -1 : 1))
  const byMethod = PAYMENT_METHODS.map((method) => ({ method, ...zero() }))
  const total = zero()
  for (const row of days) {
    add(byMethod[order(row.method)]!, row)
    add(total, row)
  }
  return { days, byMethod, total }
}
