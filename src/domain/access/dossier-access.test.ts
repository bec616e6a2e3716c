import { describe, expect, it } from 'vitest'
import type { Actor } from './actor'
import { canActOnDossier, canReadDossier, canTakeWorkflowAction } from './dossier-access'
import type { Role } from './roles'

const dossier = { applicantId: 'citizen-1', communeId: 'commune-A', provinceId: 'nghe-an' }
const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({ userId: 'u', role, fullName: 'X', communeIds: [], provinceId: null, ...extra })

describe('dossier access', () => {
  const cases: [string, Actor, boolean, boolean][] = [
    ['its applicant', actor('CITIZEN', { userId: 'citizen-1' }), true, false],
    ['another citizen', actor('CITIZEN', { userId: 'citizen-2' }), false, false],
    ['a clerk of its commune', actor('CLERK', { communeIds: ['commune-A'] }), true, true],
    ['a specialist of its commune', actor('SPECIALIST', { communeIds: ['commune-B', 'commune-A'] }), true, true],
    ['a leader of another commune', actor('LEADER', { communeIds: ['commune-B'] }), false, false],
    ['a clerk with no commune', actor('CLERK'), false, false],
    ['an officer of its province', actor('PROVINCE_OFFICER', { provinceId: 'nghe-an' }), true, false],
    ['an officer of another province', actor('PROVINCE_OFFICER', { provinceId: 'ha-tinh' }), false, false],
    ['an administrator', actor('ADMIN'), true, false],
  ]
  it.each(cases)('%s: read=%s act=%s', (_who, who, read, act) => {
    expect(canReadDossier(who, dossier)).toBe(read)
    expect(canActOnDossier(who, dossier)).toBe(act)
  })
  it('a citizen never owns a desk dossier without an account', () => {
    expect(canReadDossier(actor('CITIZEN', { userId: 'citizen-1' }), { ...dossier, applicantId: null })).toBe(false)
  })
})

describe('workflow actions', () => {
  const assigned = (assigneeId: string | null) => ({ ...dossier, assigneeId })
  const cases: [string, Actor, string | null, boolean][] = [
    ['its applicant', actor('CITIZEN', { userId: 'citizen-1' }), 'spec-1', true],
    ['another citizen', actor('CITIZEN', { userId: 'citizen-2' }), null, false],
    ['a clerk of its commune', actor('CLERK', { communeIds: ['commune-A'] }), 'spec-1', true],
    ['a leader of its commune', actor('LEADER', { communeIds: ['commune-A'] }), 'spec-1', true],
    ['its specialist', actor('SPECIALIST', { userId: 'spec-1', communeIds: ['commune-A'] }), 'spec-1', true],
    ['a specialist, unassigned dossier', actor('SPECIALIST', { userId: 'spec-2', communeIds: ['commune-A'] }), null, true],
    ["another specialist's dossier", actor('SPECIALIST', { userId: 'spec-2', communeIds: ['commune-A'] }), 'spec-1', false],
    ['a leader of another commune', actor('LEADER', { communeIds: ['commune-B'] }), null, false],
    ['an officer of its province', actor('PROVINCE_OFFICER', { provinceId: 'nghe-an' }), null, false],
    ['an administrator', actor('ADMIN'), null, false],
  ]
  it.each(cases)('%s (assignee %s): %s', (_who, who, assigneeId, allowed) => {
    expect(canTakeWorkflowAction(who, assigned(assigneeId))).toBe(allowed)
  })
})
