import { describe, expect, it } from 'vitest'
import { explainDueAt } from './explain-due-date'
import { computeDueAt, dueAtAfterPause, workingCalendar } from './working-days'

const calendar = workingCalendar([])
const deadline = { kind: 'WORKING_DAYS', days: 3 } as const
const receivedAt = new Date('2026-11-02T02:00:00Z') // Monday 09:00 in Vietnam

describe('the appointment after a supplement pause', () => {
  const dueAt = computeDueAt(receivedAt, deadline, calendar)

  it('moves by the time that remained when paused in time', () => {
    const pausedAt = new Date('2026-11-03T02:00:00Z')
    const resumedAt = new Date('2026-11-10T02:00:00Z')
    expect(dueAtAfterPause({ dueAt, pausedAt, resumedAt, calendar }).getTime()).toBeGreaterThan(dueAt.getTime())
  })

  it('keeps the missed appointment when the dossier was already late at the pause', () => {
    const pausedAt = new Date(dueAt.getTime() + 86_400_000)
    const resumedAt = new Date(dueAt.getTime() + 5 * 86_400_000)
    expect(dueAtAfterPause({ dueAt, pausedAt, resumedAt, calendar })).toEqual(dueAt)
  })

  it('is the same rule in the explanation as in the stored due date', () => {
    for (const pausedAt of [new Date('2026-11-03T02:00:00Z'), new Date(dueAt.getTime() + 86_400_000)]) {
      const resumedAt = new Date(pausedAt.getTime() + 4 * 86_400_000)
      const explained = explainDueAt({ receivedAt, deadline, calendar, pauses: [{ from: pausedAt, to: resumedAt }] })
      expect(explained.dueAt).toEqual(dueAtAfterPause({ dueAt, pausedAt, resumedAt, calendar }))
    }
  })
})
