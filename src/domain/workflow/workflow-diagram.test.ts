import { describe, expect, it } from 'vitest'
import { DEFAULT_WORKFLOW_KEY, DEFAULT_WORKFLOWS } from './default-workflows'
import { borderPoint, buildWorkflowDiagram, EDGE_COLOURS, EDGE_DEFAULT_COLOUR, estimateTextWidth, NODE_COLOURS, pathThrough, START_NODE, wrapText, type DiagramLabels, type DiagramNode } from './workflow-diagram'
import { WorkflowGraphSchema, type WorkflowGraph } from './workflow-graph'

const oneStop = DEFAULT_WORKFLOWS.find((workflow) => workflow.key === DEFAULT_WORKFLOW_KEY)!.graph
const ROLE_NAMES: Record<string, string> = { CITIZEN: 'Công dân', CLERK: 'Một cửa', SPECIALIST: 'Chuyên viên', LEADER: 'Lãnh đạo' }
const labels: DiagramLabels = {
  stepName: (step) => step.nameVi,
  roleName: (role) => ROLE_NAMES[role] ?? role,
  actionName: (action) => (action === 'receive' ? 'Tiếp nhận' : action),
  start: 'Bắt đầu',
}

const overlap = (a: DiagramNode, b: DiagramNode) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const pointsOf = (path: string) => [...path.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((match) => ({ x: Number(match[1]), y: Number(match[2]) }))

describe('buildWorkflowDiagram', () => {
  const diagram = buildWorkflowDiagram(oneStop, labels)

  it('draws every step once, plus the start marker, and every transition as an arrow', () => {
    expect(diagram.nodes.map((node) => node.key)).toEqual([START_NODE, ...oneStop.steps.map((step) => step.key)])
    expect(diagram.edges.map((edge) => edge.id)).toEqual([START_NODE, ...oneStop.transitions.map((transition) => `${transition.from}:${transition.action}`)])
    for (const edge of diagram.edges) {
      expect(edge.path).toMatch(/^M-?\d/)
      expect(pointsOf(edge.path).length).toBeGreaterThanOrEqual(2)
    }
  })

  it('colours boxes by the clock at the step, terminal steps dark, and marks the start step', () => {
    const byKey = new Map(diagram.nodes.map((node) => [node.key, node]))
    expect(byKey.get('reception')).toMatchObject({ tone: 'STOPPED', colours: NODE_COLOURS.STOPPED, emphasis: true })
    expect(byKey.get('processing')).toMatchObject({ tone: 'RUNS', colours: NODE_COLOURS.RUNS, emphasis: false })
    expect(byKey.get('awaiting_supplement')).toMatchObject({ tone: 'PAUSED', colours: NODE_COLOURS.PAUSED })
    for (const key of ['returned', 'refused', 'withdrawn']) expect(byKey.get(key)).toMatchObject({ tone: 'TERMINAL', colours: NODE_COLOURS.TERMINAL })
  })

  it('labels arrows with the action and the roles allowed, colours them by clock effect, dashes internal ones', () => {
    const receive = diagram.edges.find((edge) => edge.id === 'reception:receive')!
    expect(receive.label?.lines.map((line) => line.text)).toEqual(['Tiếp nhận', 'Một cửa'])
    expect(receive.colour).toBe(EDGE_COLOURS.START)
    const withdraw = diagram.edges.find((edge) => edge.id === 'processing:withdraw')!
    expect(withdraw.label?.lines.map((line) => line.text)).toEqual(['withdraw', 'Công dân, Một cửa'])
    expect(withdraw.colour).toBe(EDGE_COLOURS.STOP)
    expect(diagram.edges.find((edge) => edge.id === 'processing:forward')).toMatchObject({ dashed: true, colour: EDGE_DEFAULT_COLOUR })
    expect(diagram.edges.find((edge) => edge.id === 'approval:approve')).toMatchObject({ dashed: false })
  })

  it('keeps boxes apart and everything inside the drawing', () => {
    const steps = diagram.nodes.filter((node) => node.kind === 'step')
    for (const [index, a] of steps.entries()) for (const b of steps.slice(index + 1)) expect(overlap(a, b), `${a.key} / ${b.key}`).toBe(false)
    for (const node of diagram.nodes) {
      expect(node.x).toBeGreaterThanOrEqual(0)
      expect(node.y).toBeGreaterThanOrEqual(0)
      expect(node.x + node.width).toBeLessThanOrEqual(diagram.width)
      expect(node.y + node.height).toBeLessThanOrEqual(diagram.height)
    }
    for (const edge of diagram.edges) {
      if (edge.label) {
        expect(edge.label.x).toBeGreaterThanOrEqual(0)
        expect(edge.label.x + edge.label.width).toBeLessThanOrEqual(diagram.width)
        expect(edge.label.y + edge.label.height).toBeLessThanOrEqual(diagram.height)
        // No label hides a box.
        for (const node of steps) expect(overlap({ ...node, ...edge.label }, node), `${edge.id} over ${node.key}`).toBe(false)
      }
      for (const point of pointsOf(edge.path)) {
        expect(point.x).toBeGreaterThanOrEqual(0)
        expect(point.x).toBeLessThanOrEqual(diagram.width)
        expect(point.y).toBeLessThanOrEqual(diagram.height)
      }
    }
  })

  it('fits each box around its text, the name wrapped and the role and key underneath', () => {
    const approval = diagram.nodes.find((node) => node.key === 'approval')!
    expect(approval.lines.map((line) => line.text)).toEqual(['Phê duyệt, ký', 'Lãnh đạo · approval'])
    for (const line of approval.lines) {
      expect(estimateTextWidth(line.text, line.size, line.bold)).toBeLessThanOrEqual(approval.width)
      expect(line.y).toBeGreaterThan(approval.y)
      expect(line.y).toBeLessThan(approval.y + approval.height)
    }
  })

  it('draws two transitions between the same steps, and a transition back to its own step', () => {
    const graph: WorkflowGraph = WorkflowGraphSchema.parse({
      ...oneStop,
      transitions: [...oneStop.transitions, { action: 'fast_track', from: 'processing', to: 'approval', roles: ['LEADER'], clock: 'EXTEND' }],
    })
    const result = buildWorkflowDiagram(graph, labels)
    const between = result.edges.filter((edge) => edge.from === 'processing' && edge.to === 'approval')
    expect(between.map((edge) => edge.action)).toEqual(['forward', 'fast_track'])
    expect(between[1]!.colour).toBe(EDGE_COLOURS.EXTEND)
    const loop = result.edges.find((edge) => edge.id === 'processing:reassign')!
    expect(loop.from).toBe(loop.to)
    expect(pointsOf(loop.path).length).toBeGreaterThanOrEqual(3)
    // Loops sit to the right of their box, their labels stacked one under the other.
    const box = result.nodes.find((node) => node.key === 'processing')!
    const reschedule = result.edges.find((edge) => edge.id === 'processing:reschedule')!
    expect(loop.label!.x).toBeGreaterThan(box.x + box.width)
    expect(reschedule.label!.y).toBeGreaterThanOrEqual(loop.label!.y + loop.label!.height)
  })

  it('starts and ends each arrow on the border of its boxes, even next to loops', () => {
    const onBorder = (node: DiagramNode, point: { x: number; y: number }) => {
      const withinX = point.x >= node.x - 0.2 && point.x <= node.x + node.width + 0.2
      const withinY = point.y >= node.y - 0.2 && point.y <= node.y + node.height + 0.2
      const onEdge = [node.x, node.x + node.width].some((x) => Math.abs(point.x - x) < 0.2) || [node.y, node.y + node.height].some((y) => Math.abs(point.y - y) < 0.2)
      return withinX && withinY && onEdge
    }
    const byKey = new Map(diagram.nodes.map((node) => [node.key, node]))
    for (const edge of diagram.edges.filter((candidate) => candidate.id !== START_NODE && candidate.from !== candidate.to)) {
      const points = pointsOf(edge.path)
      expect(onBorder(byKey.get(edge.from)!, points[0]!), `${edge.id} leaves ${edge.from}`).toBe(true)
      expect(onBorder(byKey.get(edge.to)!, points.at(-1)!), `${edge.id} reaches ${edge.to}`).toBe(true)
    }
  })

  it('is deterministic', () => {
    expect(buildWorkflowDiagram(oneStop, labels)).toEqual(diagram)
  })
})

describe('diagram helpers', () => {
  it('wraps at spaces and keeps long words whole', () => {
    expect(wrapText('Chờ bổ sung, hoàn thiện hồ sơ', 20)).toEqual(['Chờ bổ sung, hoàn', 'thiện hồ sơ'])
    expect(wrapText('Thẩm_định_và_xử_lý_hồ_sơ_rất_dài', 10)).toEqual(['Thẩm_định_và_xử_lý_hồ_sơ_rất_dài'])
    expect(wrapText('')).toEqual([''])
  })

  it('estimates wider text for more and bolder characters', () => {
    expect(estimateTextWidth('Tiếp nhận hồ sơ', 13)).toBeGreaterThan(estimateTextWidth('Tiếp nhận', 13))
    expect(estimateTextWidth('Tiếp nhận', 13, true)).toBeGreaterThan(estimateTextWidth('Tiếp nhận', 13))
  })

  it('finds where a line from the centre crosses the border', () => {
    const rect = { x: 0, y: 0, width: 100, height: 40 }
    expect(borderPoint(rect, { x: 50, y: -100 })).toEqual({ x: 50, y: 0 })
    expect(borderPoint(rect, { x: 300, y: 20 })).toEqual({ x: 100, y: 20 })
    expect(borderPoint(rect, { x: 150, y: 70 })).toEqual({ x: 90, y: 40 })
  })

  it('draws a path through the points, curving at the inner ones', () => {
    expect(pathThrough([{ x: 0, y: 0 }, { x: 10, y: 20 }])).toBe('M0,0 L10,20')
    expect(pathThrough([{ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 20, y: 10 }, { x: 30, y: 0 }])).toBe('M0,0 Q10,10 15,10 Q20,10 30,0')
  })
})
