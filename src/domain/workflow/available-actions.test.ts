import { describe, expect, it } from 'vitest'
import type { WorkflowDossier } from './apply-transition'
import { availableActions } from './available-actions'
import { DEFAULT_WORKFLOW_KEY, DEFAULT_WORKFLOWS } from './default-workflows'

const graph = DEFAULT_WORKFLOWS.find((workflow) => workflow.key === DEFAULT_WORKFLOW_KEY)?.graph
if (!graph) throw new Error('no default workflow')

const at = (currentStep: string, supplementCount = 0): Pick<WorkflowDossier, 'currentStep' | 'supplementCount'> => ({ currentStep, supplementCount })
const names = (currentStep: string, role: 'CITIZEN' | 'CLERK' | 'SPECIALIST' | 'LEADER' | 'ADMIN', supplementCount = 0) =>
  availableActions({ dossier: at(currentStep, supplementCount), graph, actor: { role } }).map((action) => action.action)

describe('availableActions', () => {
  it('offers the desk receipt, refusal and withdrawal at reception, with the inputs to ask for', () => {
    expect(availableActions({ dossier: at('reception'), graph, actor: { role: 'CLERK' } })).toEqual([
      { action: 'receive', toStep: 'processing', toState: 'PROCESSING', requires: ['assignee'], clock: 'START', isPublic: true },
      { action: 'refuse', toStep: 'refused', toState: 'REFUSED', requires: ['reason'], clock: 'STOP', isPublic: true },
      { action: 'withdraw', toStep: 'withdrawn', toState: 'WITHDRAWN', requires: ['reason'], clock: 'STOP', isPublic: true },
    ])
  })

  it('depends on the role', () => {
    expect(names('processing', 'SPECIALIST')).toEqual(['request_supplement', 'forward', 'reschedule'])
    expect(names('processing', 'LEADER')).toEqual(['reassign', 'reschedule'])
    expect(names('processing', 'CITIZEN')).toEqual(['withdraw'])
    expect(names('processing', 'ADMIN')).toEqual([])
  })

  it('stops offering a supplement request once the limit is reached', () => {
    expect(names('processing', 'SPECIALIST', 1)).toEqual(['forward', 'reschedule'])
    expect(availableActions({ dossier: at('processing', 1), graph: { ...graph, maxSupplementRequests: 2 }, actor: { role: 'SPECIALIST' } }).map((a) => a.action)).toContain('request_supplement')
  })

  it('offers nothing at a terminal or unknown step', () => {
    expect(names('returned', 'CLERK')).toEqual([])
    expect(names('limbo', 'CLERK')).toEqual([])
  })
})
