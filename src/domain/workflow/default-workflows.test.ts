import { describe, expect, it } from 'vitest'
import { DEFAULT_WORKFLOW_KEY, DEFAULT_WORKFLOWS, SAME_DAY_WORKFLOW_KEY } from './default-workflows'
import { reachableSteps, WorkflowGraphSchema, type WorkflowGraph } from './workflow-graph'

const byKey = (key: string): WorkflowGraph => {
  const found = DEFAULT_WORKFLOWS.find((workflow) => workflow.key === key)
  if (!found) throw new Error(`no workflow ${key}`)
  return found.graph
}

describe.each(DEFAULT_WORKFLOWS.map((workflow) => [workflow.key, workflow.graph] as const))('workflow %s', (_key, graph) => {
  it('parses, and is unchanged by parsing again (what is stored is what is read)', () => {
    expect(WorkflowGraphSchema.parse(JSON.parse(JSON.stringify(graph)))).toEqual(graph)
  })

  it('reaches every step from the start', () => {
    expect([...reachableSteps(graph)].sort()).toEqual(graph.steps.map((step) => step.key).sort())
  })

  it('can end from every step, and ends only at terminal steps', () => {
    for (const step of graph.steps) {
      const outgoing = graph.transitions.filter((transition) => transition.from === step.key)
      if (step.terminal) {
        expect(outgoing, step.key).toEqual([])
      } else {
        expect(outgoing.length, step.key).toBeGreaterThan(0)
        const reachable = reachableSteps({ startStep: step.key, transitions: graph.transitions })
        expect(graph.steps.some((other) => other.terminal && reachable.has(other.key)), step.key).toBe(true)
      }
    }
  })

  it('has the three terminal outcomes', () => {
    expect(graph.steps.flatMap((step) => (step.terminal ? [step.terminal] : [])).sort()).toEqual(['REFUSED', 'RETURNED', 'WITHDRAWN'])
  })

  it('starts the clock on receipt and stops it on every way into a terminal step', () => {
    const start = graph.steps.find((step) => step.key === graph.startStep)
    expect(start?.clock).toBe('STOPPED')
    for (const transition of graph.transitions) {
      const to = graph.steps.find((step) => step.key === transition.to)
      if (to?.terminal) expect(transition.clock, `${transition.from} → ${transition.to}`).toBe('STOP')
    }
    expect(graph.transitions.filter((transition) => transition.clock === 'START').map((transition) => transition.action)).toEqual(['receive'])
  })

  it('asks for a reason for every refusal and withdrawal', () => {
    for (const transition of graph.transitions.filter((t) => ['refuse', 'withdraw', 'request_supplement', 'send_back', 'reschedule'].includes(t.action))) {
      expect(transition.requires, `${transition.from}:${transition.action}`).toContain('reason')
    }
  })
})

describe('default workflow', () => {
  it('goes reception → processing (specialist) → approval (leader) → result return (clerk)', () => {
    const graph = byKey(DEFAULT_WORKFLOW_KEY)
    const roleOf = (key: string) => graph.steps.find((step) => step.key === key)?.role
    expect([roleOf('reception'), roleOf('processing'), roleOf('approval'), roleOf('result_return')]).toEqual(['CLERK', 'SPECIALIST', 'LEADER', 'CLERK'])
    const supplement = graph.transitions.find((transition) => transition.action === 'request_supplement')
    expect(supplement).toMatchObject({ from: 'processing', to: 'awaiting_supplement', clock: 'PAUSE' })
    expect(graph.transitions.find((transition) => transition.action === 'supply')).toMatchObject({ to: 'processing', clock: 'RESUME' })
    expect(graph.steps.find((step) => step.key === 'awaiting_supplement')?.clock).toBe('PAUSED')
  })

  it('gives the running steps budgets that share the whole legal time', () => {
    for (const key of [DEFAULT_WORKFLOW_KEY, SAME_DAY_WORKFLOW_KEY]) {
      const shares = byKey(key).steps.filter((step) => step.budget?.unit === 'SHARE').reduce((sum, step) => sum + (step.budget?.value ?? 0), 0)
      expect(shares, key).toBe(100)
    }
  })
})

describe('same-day workflow', () => {
  it('is handled by the clerk, signed by a leader, returned by the clerk', () => {
    const graph = byKey(SAME_DAY_WORKFLOW_KEY)
    expect(graph.steps.filter((step) => !step.terminal).map((step) => [step.key, step.role])).toEqual([
      ['reception', 'CLERK'],
      ['processing', 'CLERK'],
      ['signing', 'LEADER'],
      ['result_return', 'CLERK'],
    ])
  })
})

describe('WorkflowGraphSchema', () => {
  const graph = byKey(DEFAULT_WORKFLOW_KEY)

  it('rejects transitions to unknown steps, out of terminal steps, and ambiguous actions', () => {
    const unknown = { ...graph, transitions: [...graph.transitions, { action: 'jump', from: 'processing', to: 'nowhere', roles: ['LEADER'] }] }
    expect(WorkflowGraphSchema.safeParse(unknown).success).toBe(false)
    const fromTerminal = { ...graph, transitions: [...graph.transitions, { action: 'reopen', from: 'returned', to: 'processing', roles: ['LEADER'] }] }
    expect(WorkflowGraphSchema.safeParse(fromTerminal).success).toBe(false)
    const ambiguous = { ...graph, transitions: [...graph.transitions, { action: 'forward', from: 'processing', to: 'refused', roles: ['SPECIALIST'] }] }
    expect(WorkflowGraphSchema.safeParse(ambiguous).success).toBe(false)
  })

  it('rejects an unknown start step and a terminal step in a non-terminal state', () => {
    expect(WorkflowGraphSchema.safeParse({ ...graph, startStep: 'nowhere' }).success).toBe(false)
    const steps = graph.steps.map((step) => (step.key === 'returned' ? { ...step, state: 'PROCESSING' } : step))
    expect(WorkflowGraphSchema.safeParse({ ...graph, steps }).success).toBe(false)
  })
})
