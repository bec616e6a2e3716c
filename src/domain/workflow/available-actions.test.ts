import { describe, expect, it } from 'vitest'
import type { WorkflowDossier } from './apply-transition'
import { acceptsFiles, availableActions } from './available-actions'
import { DEFAULT_WORKFLOW_KEY, DEFAULT_WORKFLOWS, SAME_DAY_WORKFLOW_KEY } from './default-workflows'

const graph = DEFAULT_WORKFLOWS.find((workflow) => workflow.key === DEFAULT_WORKFLOW_KEY)?.graph
if (!graph) throw new Error('no default workflow')

const at = (currentStep: string, supplementCount = 0): Pick<WorkflowDossier, 'currentStep' | 'supplementCount'> => ({ currentStep, supplementCount })
const names = (currentStep: string, role: 'CITIZEN' | 'CLERK' | 'SPECIALIST' | 'LEADER' | 'ADMIN', supplementCount = 0) =>
  availableActions({ dossier: at(currentStep, supplementCount), graph, actor: { role } }).map((action) => action.action)

describe('availableActions', () => {
  it('offers the desk receipt, refusal and withdrawal at reception, with the inputs to ask for', () => {
    expect(availableActions({ dossier: at('reception'), graph, actor: { role: 'CLERK' } })).toEqual([
      { action: 'receive', toStep: 'processing', toState: 'PROCESSING', requires: ['assignee'], clock: 'START', isPublic: true, acceptsFiles: false },
      { action: 'refuse', toStep: 'refused', toState: 'REFUSED', requires: ['reason'], clock: 'STOP', isPublic: true, acceptsFiles: false },
      { action: 'withdraw', toStep: 'withdrawn', toState: 'WITHDRAWN', requires: ['reason'], clock: 'STOP', isPublic: true, acceptsFiles: false },
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

  it('takes files where they are required (a supplement answer) and, optionally, on the return of the result', () => {
    const offer = (currentStep: string, role: 'CITIZEN' | 'CLERK' | 'SPECIALIST' | 'LEADER', action: string, on = graph) =>
      availableActions({ dossier: at(currentStep), graph: on, actor: { role } }).find((candidate) => candidate.action === action)
    expect(offer('awaiting_supplement', 'CITIZEN', 'supply')).toMatchObject({ requires: ['attachment'], acceptsFiles: true })
    // The result's electronic copy: accepted, never required (the engine still returns without one).
    expect(offer('result_return', 'CLERK', 'return_result')).toMatchObject({ toState: 'RETURNED', requires: [], acceptsFiles: true })
    const sameDay = DEFAULT_WORKFLOWS.find((workflow) => workflow.key === SAME_DAY_WORKFLOW_KEY)!.graph
    expect(offer('result_return', 'CLERK', 'return_result', sameDay)).toMatchObject({ acceptsFiles: true })
    // Every other action of the default workflows takes no file: forward, approve, refuse, withdraw, reschedule…
    const steps = graph.steps.map((step) => step.key)
    const others = (['CITIZEN', 'CLERK', 'SPECIALIST', 'LEADER'] as const).flatMap((role) =>
      steps.flatMap((step) => availableActions({ dossier: at(step), graph, actor: { role } })).filter((candidate) => candidate.action !== 'supply' && candidate.action !== 'return_result'),
    )
    expect(others.length).toBeGreaterThan(10)
    expect(others.filter((candidate) => candidate.acceptsFiles)).toEqual([])
  })
})

describe('acceptsFiles', () => {
  it('requires files when the transition requires an attachment, whatever its target', () => {
    expect(acceptsFiles({ requires: ['attachment'], toState: 'PROCESSING', role: 'CITIZEN' })).toBe(true)
    expect(acceptsFiles({ requires: ['reason', 'attachment'], toState: 'REFUSED', role: 'LEADER' })).toBe(true)
  })

  it('accepts the result copy from staff handing the result over, and nothing else', () => {
    expect(acceptsFiles({ requires: [], toState: 'RETURNED', role: 'CLERK' })).toBe(true)
    expect(acceptsFiles({ requires: ['reason'], toState: 'RETURNED', role: 'LEADER' })).toBe(true)
    // The applicant never hands a result over.
    expect(acceptsFiles({ requires: [], toState: 'RETURNED', role: 'CITIZEN' })).toBe(false)
    for (const toState of ['SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN', 'REFUSED', 'WITHDRAWN'] as const) {
      expect(acceptsFiles({ requires: ['reason'], toState, role: 'CLERK' })).toBe(false)
    }
  })
})
