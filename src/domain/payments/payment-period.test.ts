import { describe, expect, it } from 'vitest'
import { dayPeriod, formatLocalDate, monthPeriod, parseDayMonthYear, PAYMENT_PERIOD_MAX_DAYS, resolvePaymentPeriod } from './payment-period'

// 30/11/2026 18:30 UTC is already 01/12/2026 01:30 in Vietnam.
const LATE_NOVEMBER_UTC = new Date('2026-11-30T18:30:00Z')
const MID_NOVEMBER = new Date('2026-11-15T03:00:00Z')

describe('parseDayMonthYear', () => {
  it.each([
    ['24/11/2026', '2026-11-24'],
    ['1/2/2026', '2026-02-01'],
    [' 29/02/2028 ', '2028-02-29'],
    ['2026-11-24', '2026-11-24'],
  ])('reads %s', (text, date) => {
    expect(parseDayMonthYear(text)).toBe(date)
  })
  it.each(['31/02/2026', '29/02/2026', '24/13/2026', '24-11-2026', '24/11/26', '11/24/2026', '', 'abc', '01/01/1999', '2026-02-30'])('refuses %j', (text) => {
    expect(parseDayMonthYear(text)).toBeNull()
  })
  it('formats back', () => {
    expect(formatLocalDate('2026-02-01')).toBe('01/02/2026')
  })
})

describe('periods in Vietnam time', () => {
  it('takes this month of Vietnam, whatever the machine zone', () => {
    const period = monthPeriod(LATE_NOVEMBER_UTC)
    expect(period).toMatchObject({ from: '2026-12-01', to: '2026-12-31' })
    expect(period.fromInstant.toISOString()).toBe('2026-11-30T17:00:00.000Z')
    expect(period.toInstant.toISOString()).toBe('2026-12-31T17:00:00.000Z')
  })
  it('goes back across a year', () => {
    expect(monthPeriod(new Date('2026-01-10T03:00:00Z'), 1)).toMatchObject({ from: '2025-12-01', to: '2025-12-31' })
  })
  it('has a one-day period for today', () => {
    expect(dayPeriod(LATE_NOVEMBER_UTC)).toMatchObject({ from: '2026-12-01', to: '2026-12-01' })
  })
})

describe('resolvePaymentPeriod', () => {
  it('defaults to the current month', () => {
    expect(resolvePaymentPeriod({}, MID_NOVEMBER)).toMatchObject({ ok: true, period: { from: '2026-11-01', to: '2026-11-30' } })
    expect(resolvePaymentPeriod({ from: '', to: '  ' }, MID_NOVEMBER)).toMatchObject({ ok: true, period: { from: '2026-11-01', to: '2026-11-30' } })
    expect(resolvePaymentPeriod(null, MID_NOVEMBER)).toMatchObject({ ok: true, period: { from: '2026-11-01' } })
  })
  it('takes both dates, inclusive of the last day', () => {
    const result = resolvePaymentPeriod({ from: '03/10/2026', to: '05/10/2026' }, MID_NOVEMBER)
    expect(result).toMatchObject({ ok: true, period: { from: '2026-10-03', to: '2026-10-05' } })
    if (!result.ok) throw new Error('unreachable')
    expect(result.period.fromInstant.toISOString()).toBe('2026-10-02T17:00:00.000Z')
    expect(result.period.toInstant.toISOString()).toBe('2026-10-05T17:00:00.000Z')
  })
  it('completes a single date with its month', () => {
    expect(resolvePaymentPeriod({ from: '10/02/2028' }, MID_NOVEMBER)).toMatchObject({ ok: true, period: { from: '2028-02-10', to: '2028-02-29' } })
    expect(resolvePaymentPeriod({ to: '10/02/2028' }, MID_NOVEMBER)).toMatchObject({ ok: true, period: { from: '2028-02-01', to: '2028-02-10' } })
  })
  it('reports bad dates, a reversed period and one too long, with the current month meanwhile', () => {
    expect(resolvePaymentPeriod({ from: '31/02/2026', to: 'x' }, MID_NOVEMBER)).toMatchObject({ ok: false, errors: { from: 'INVALID_DATE', to: 'INVALID_DATE' }, period: { from: '2026-11-01' } })
    expect(resolvePaymentPeriod({ from: '05/10/2026', to: '04/10/2026' }, MID_NOVEMBER)).toMatchObject({ ok: false, errors: { to: 'FROM_AFTER_TO' } })
    expect(resolvePaymentPeriod({ from: '01/01/2026', to: '02/01/2027' }, MID_NOVEMBER)).toMatchObject({ ok: false, errors: { to: 'TOO_LONG' } })
    expect(PAYMENT_PERIOD_MAX_DAYS).toBe(366)
    expect(resolvePaymentPeriod({ from: '01/01/2026', to: '01/01/2027' }, MID_NOVEMBER)).toMatchObject({ ok: true })
    expect(resolvePaymentPeriod({ from: '01/01/2028', to: '31/12/2028' }, MID_NOVEMBER)).toMatchObject({ ok: true })
    expect(resolvePaymentPeriod({ from: 'x'.repeat(50) }, MID_NOVEMBER)).toMatchObject({ ok: true, period: { from: '2026-11-01' } })
  })
})
