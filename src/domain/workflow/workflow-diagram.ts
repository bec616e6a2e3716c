import dagre from '@dagrejs/dagre'
import { isPublicTransition } from './apply-transition'
import type { WorkflowGraph, WorkflowStep, WorkflowTransition } from './workflow-graph'

/**
 * A workflow drawn as a diagram: the steps as boxes, the transitions as arrows, laid out top to bottom by
 * dagre, and returned as plain numbers and strings (an SVG model) that a server component renders into
 * <svg> elements with presentation attributes — no client library, no inline script or style.
 *
 * Boxes are coloured by what the legal clock does at the step (STOPPED before receipt, RUNS, PAUSED) and
 * terminal steps are dark; arrows are coloured by their clock effect and dashed when staff-internal (not on
 * the citizen's timeline, as `isPublicTransition` decides). Text width is estimated from character classes
 * (no font metrics on the server): generous enough for Vietnamese with diacritics at the sizes used.
 */

export type DiagramLabels = {
  /** Name of a step in the reader's language. */
  stepName: (step: WorkflowStep) => string
  roleName: (role: string) => string
  actionName: (action: string) => string
  /** Caption of the start marker. */
  start: string
}

export type DiagramTone = 'STOPPED' | 'RUNS' | 'PAUSED' | 'TERMINAL'
export type DiagramColours = { fill: string; stroke: string; text: string }

/** Box colours (fill, border, text): contrast of text on fill ≥ 4.5:1. */
export const NODE_COLOURS: Record<DiagramTone, DiagramColours> = {
  STOPPED: { fill: '#eef2f8', stroke: '#1e3a6e', text: '#0f172a' },
  RUNS: { fill: '#ecfdf5', stroke: '#047857', text: '#0f172a' },
  PAUSED: { fill: '#fffbeb', stroke: '#b45309', text: '#0f172a' },
  TERMINAL: { fill: '#1e293b', stroke: '#0f172a', text: '#ffffff' },
}

/** Arrow colour by clock effect; anything else (no effect, or an effect added later) is grey. */
export const EDGE_COLOURS: Record<string, string> = {
  START: '#047857',
  PAUSE: '#b45309',
  RESUME: '#1d4ed8',
  STOP: '#334155',
  EXTEND: '#7c3aed',
}
export const EDGE_DEFAULT_COLOUR = '#64748b'

export type DiagramText = { text: string; x: number; y: number; size: number; bold: boolean }

export type DiagramNode = {
  key: string
  kind: 'start' | 'step'
  tone: DiagramTone | null
  /** Top-left corner and size of the box (for the start marker: the circle's bounding box). */
  x: number
  y: number
  width: number
  height: number
  colours: DiagramColours
  /** Start step: drawn with a thicker border. */
  emphasis: boolean
  lines: DiagramText[]
  /** Accessible description (SVG <title>). */
  title: string
}

export type DiagramEdge = {
  id: string
  from: string
  to: string
  action: string | null
  /** SVG path data ("M … C …"). */
  path: string
  colour: string
  dashed: boolean
  /** Label box (centre-aligned text lines), absent for the start marker's edge. */
  label: { x: number; y: number; width: number; height: number; lines: DiagramText[] } | null
  title: string
}

export type WorkflowDiagram = { width: number; height: number; nodes: DiagramNode[]; edges: DiagramEdge[] }

export const START_NODE = '__start__'
const NAME_SIZE = 13
const DETAIL_SIZE = 11
const LABEL_SIZE = 11
const LINE_GAP = 4
const NODE_PADDING_X = 14
const NODE_PADDING_Y = 10
const LABEL_PADDING = 5
const MIN_NODE_WIDTH = 140
const WRAP_AT = 26
const START_SIZE = 22

/** Width of a text in pixels at a font size, from rough per-character widths (sans-serif). */
export function estimateTextWidth(text: string, size: number, bold = false): number {
  let units = 0
  for (const char of text) {
    if (/[ilj.,:;'|!()[\]]/.test(char)) units += 0.3
    else if (char === ' ') units += 0.3
    else if (/[mwMW]/.test(char)) units += 0.85
    else if (/\p{Lu}/u.test(char)) units += 0.7
    else if (/[0-9]/.test(char)) units += 0.56
    else units += 0.58
  }
  return Math.ceil(units * size * (bold ? 1.1 : 1))
}

/** Splits a text into lines of at most `width` characters at spaces (a longer word stays whole). */
export function wrapText(text: string, width = WRAP_AT): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.length > 0 ? lines : ['']
}

export function toneOf(step: Pick<WorkflowStep, 'clock' | 'terminal'>): DiagramTone {
  if (step.terminal !== undefined) return 'TERMINAL'
  return step.clock === 'RUNS' ? 'RUNS' : step.clock === 'PAUSED' ? 'PAUSED' : 'STOPPED'
}

type TextLine = { text: string; size: number; bold: boolean }

function block(lines: TextLine[]): { width: number; height: number } {
  const width = Math.max(0, ...lines.map((line) => estimateTextWidth(line.text, line.size, line.bold)))
  const height = lines.reduce((sum, line) => sum + line.size, 0) + LINE_GAP * Math.max(0, lines.length - 1)
  return { width, height }
}

/** Places text lines centred on (cx, top…), each at its baseline. */
function placeLines(lines: TextLine[], cx: number, top: number): DiagramText[] {
  let y = top
  return lines.map((line) => {
    y += line.size
    const placed = { text: line.text, x: round(cx), y: round(y - line.size * 0.18), size: line.size, bold: line.bold }
    y += LINE_GAP
    return placed
  })
}

const round = (value: number) => Math.round(value * 10) / 10

/** A smooth path through dagre's points: straight ends, quadratic curves through the midpoints between. */
export function pathThrough(points: readonly { x: number; y: number }[]): string {
  if (points.length === 0) return ''
  const [first, ...rest] = points
  if (!first) return ''
  if (rest.length === 0) return `M${round(first.x)},${round(first.y)}`
  if (rest.length === 1) return `M${round(first.x)},${round(first.y)} L${round(rest[0]!.x)},${round(rest[0]!.y)}`
  let d = `M${round(first.x)},${round(first.y)}`
  for (let index = 1; index < points.length - 1; index += 1) {
    const control = points[index]!
    const next = points[index + 1]!
    const end = index === points.length - 2 ? next : { x: (control.x + next.x) / 2, y: (control.y + next.y) / 2 }
    d += ` Q${round(control.x)},${round(control.y)} ${round(end.x)},${round(end.y)}`
  }
  return d
}

function edgeId(transition: Pick<WorkflowTransition, 'from' | 'action'>): string {
  return `${transition.from}:${transition.action}`
}

const LOOP_REACH = 24
const LOOP_LABEL_GAP = 30
const LOOP_LABEL_SPACING = 6

type Box = { width: number; height: number }
type Rect = Box & { x: number; y: number }
type Point = { x: number; y: number }

const inside = (rect: Rect, point: Point) => point.x > rect.x && point.x < rect.x + rect.width && point.y > rect.y && point.y < rect.y + rect.height

/** Where the line from the centre of `rect` towards `point` crosses its border. */
export function borderPoint(rect: Rect, point: Point): Point {
  const cx = rect.x + rect.width / 2
  const cy = rect.y + rect.height / 2
  const dx = point.x - cx
  const dy = point.y - cy
  const w = rect.width / 2
  const h = rect.height / 2
  if (dx === 0 && dy === 0) return { x: cx, y: cy + h }
  if (Math.abs(dy) * w > Math.abs(dx) * h) return { x: cx + (h * dx) / Math.abs(dy), y: cy + Math.sign(dy) * h }
  return { x: cx + Math.sign(dx) * w, y: cy + (w * dy) / Math.abs(dx) }
}

/**
 * Dagre ends arrows at the room a step reserves (box and loops); they are cut at the box instead: the end
 * points move onto its border, towards the nearest point of the arrow outside it.
 */
function clipToBoxes(points: readonly Point[], from: Rect | undefined, to: Rect | undefined): Point[] {
  const result = [...points]
  if (from && result.length >= 2) {
    while (result.length > 2 && inside(from, result[1]!)) result.splice(1, 1)
    result[0] = borderPoint(from, result[1]!)
  }
  if (to && result.length >= 2) {
    while (result.length > 2 && inside(to, result[result.length - 2]!)) result.splice(result.length - 2, 1)
    result[result.length - 1] = borderPoint(to, result[result.length - 2]!)
  }
  return result
}
type Loop = { transition: WorkflowTransition; lines: TextLine[]; size: Box }

function edgeLines(transition: WorkflowTransition, labels: DiagramLabels): TextLine[] {
  return [
    { text: labels.actionName(transition.action), size: LABEL_SIZE, bold: true },
    { text: transition.roles.map((role) => labels.roleName(role)).join(', '), size: LABEL_SIZE, bold: false },
  ]
}

function edgeTitle(transition: WorkflowTransition, labels: DiagramLabels): string {
  return `${labels.actionName(transition.action)} (${transition.action}): ${transition.from} → ${transition.to}; ${transition.roles.map((role) => labels.roleName(role)).join(', ')}`
}

const edgeColour = (transition: WorkflowTransition) => (transition.clock && EDGE_COLOURS[transition.clock]) || EDGE_DEFAULT_COLOUR

/**
 * Lays the workflow out and returns what to draw. Deterministic: the same graph gives the same diagram.
 * Transitions back to their own step (reassign, reschedule…) are not given to dagre: each step reserves room
 * on its right for its loops, drawn as small arcs with their labels stacked beside the box.
 */
export function buildWorkflowDiagram(graph: WorkflowGraph, labels: DiagramLabels): WorkflowDiagram {
  const layout = new dagre.graphlib.Graph({ multigraph: true })
  layout.setGraph({ rankdir: 'TB', nodesep: 36, edgesep: 18, ranksep: 44, marginx: 12, marginy: 12 })
  layout.setDefaultEdgeLabel(() => ({}))

  const steps = new Set(graph.steps.map((step) => step.key))
  const loops = new Map<string, Loop[]>()
  for (const transition of graph.transitions) {
    if (transition.from !== transition.to || !steps.has(transition.from)) continue
    const lines = edgeLines(transition, labels)
    const size = block(lines)
    loops.set(transition.from, [...(loops.get(transition.from) ?? []), { transition, lines, size: { width: size.width + 2 * LABEL_PADDING, height: size.height + 2 * LABEL_PADDING } }])
  }

  const nodeText = new Map<string, TextLine[]>()
  const boxes = new Map<string, Box>()
  layout.setNode(START_NODE, { width: START_SIZE, height: START_SIZE })
  for (const step of graph.steps) {
    const lines: TextLine[] = [
      ...wrapText(labels.stepName(step)).map((text) => ({ text, size: NAME_SIZE, bold: true })),
      { text: `${labels.roleName(step.role)} · ${step.key}`, size: DETAIL_SIZE, bold: false },
    ]
    nodeText.set(step.key, lines)
    const size = block(lines)
    const box = { width: Math.max(MIN_NODE_WIDTH, size.width + 2 * NODE_PADDING_X), height: size.height + 2 * NODE_PADDING_Y }
    boxes.set(step.key, box)
    const own = loops.get(step.key) ?? []
    const loopWidth = own.length > 0 ? LOOP_LABEL_GAP + Math.max(...own.map((loop) => loop.size.width)) : 0
    const loopHeight = own.reduce((sum, loop) => sum + loop.size.height, 0) + LOOP_LABEL_SPACING * Math.max(0, own.length - 1)
    // Room for the loops on the right, and as much on the left so the box stays at dagre's centre (arrows
    // aim at it); arrows are then cut at the box itself.
    layout.setNode(step.key, { width: box.width + 2 * loopWidth, height: Math.max(box.height, loopHeight) })
  }

  const edgeText = new Map<string, TextLine[]>()
  if (steps.has(graph.startStep)) layout.setEdge(START_NODE, graph.startStep, { minlen: 1 }, START_NODE)
  for (const transition of graph.transitions) {
    if (!steps.has(transition.from) || !steps.has(transition.to) || transition.from === transition.to) continue
    const id = edgeId(transition)
    const lines = edgeLines(transition, labels)
    edgeText.set(id, lines)
    const size = block(lines)
    layout.setEdge(transition.from, transition.to, { width: size.width + 2 * LABEL_PADDING, height: size.height + 2 * LABEL_PADDING, labelpos: 'c' }, id)
  }

  dagre.layout(layout)

  const nodes: DiagramNode[] = []
  const start = layout.node(START_NODE)
  nodes.push({
    key: START_NODE,
    kind: 'start',
    tone: null,
    x: round((start.x ?? 0) - START_SIZE / 2),
    y: round((start.y ?? 0) - START_SIZE / 2),
    width: START_SIZE,
    height: START_SIZE,
    colours: { fill: NODE_COLOURS.STOPPED.stroke, stroke: NODE_COLOURS.STOPPED.stroke, text: '#ffffff' },
    emphasis: false,
    lines: [],
    title: labels.start,
  })
  const edges: DiagramEdge[] = []
  const placedBoxes = new Map<string, Rect>()
  for (const step of graph.steps) {
    const placed = layout.node(step.key)
    const box = boxes.get(step.key) ?? { width: placed.width, height: placed.height }
    const cx = placed.x ?? 0
    const left = cx - box.width / 2
    const cy = placed.y ?? 0
    const top = cy - box.height / 2
    placedBoxes.set(step.key, { x: left, y: top, width: box.width, height: box.height })
    const tone = toneOf(step)
    nodes.push({
      key: step.key,
      kind: 'step',
      tone,
      x: round(left),
      y: round(top),
      width: round(box.width),
      height: round(box.height),
      colours: NODE_COLOURS[tone],
      emphasis: step.key === graph.startStep,
      lines: placeLines(nodeText.get(step.key) ?? [], cx, top + NODE_PADDING_Y),
      title: `${labels.stepName(step)} (${step.key}) — ${labels.roleName(step.role)}`,
    })

    const own = loops.get(step.key) ?? []
    const stackHeight = own.reduce((sum, loop) => sum + loop.size.height, 0) + LOOP_LABEL_SPACING * Math.max(0, own.length - 1)
    const right = left + box.width
    let labelTop = cy - stackHeight / 2
    for (const loop of own) {
      const ly = labelTop + loop.size.height / 2
      const attach = Math.min(Math.max(ly, top + 8), top + box.height - 8)
      const reach = right + LOOP_REACH
      edges.push({
        id: edgeId(loop.transition),
        from: step.key,
        to: step.key,
        action: loop.transition.action,
        path: `M${round(right)},${round(attach - 5)} C${round(reach)},${round(ly - 16)} ${round(reach)},${round(ly + 16)} ${round(right)},${round(attach + 5)}`,
        colour: edgeColour(loop.transition),
        dashed: !isPublicTransition(loop.transition),
        label: {
          x: round(right + LOOP_LABEL_GAP),
          y: round(labelTop),
          width: round(loop.size.width),
          height: round(loop.size.height),
          lines: placeLines(loop.lines, right + LOOP_LABEL_GAP + loop.size.width / 2, labelTop + LABEL_PADDING),
        },
        title: edgeTitle(loop.transition, labels),
      })
      labelTop += loop.size.height + LOOP_LABEL_SPACING
    }
  }

  for (const edge of layout.edges()) {
    const placed = layout.edge(edge)
    const points = clipToBoxes(placed.points ?? [], placedBoxes.get(edge.v), placedBoxes.get(edge.w))
    if (edge.name === START_NODE) {
      edges.push({ id: START_NODE, from: START_NODE, to: edge.w, action: null, path: pathThrough(points), colour: NODE_COLOURS.STOPPED.stroke, dashed: false, label: null, title: labels.start })
      continue
    }
    const transition = graph.transitions.find((candidate) => edgeId(candidate) === edge.name)
    if (!transition) continue
    const width = placed.width ?? 0
    const height = placed.height ?? 0
    const left = (placed.x ?? 0) - width / 2
    const top = (placed.y ?? 0) - height / 2
    edges.push({
      id: edgeId(transition),
      from: transition.from,
      to: transition.to,
      action: transition.action,
      path: pathThrough(points),
      colour: edgeColour(transition),
      dashed: !isPublicTransition(transition),
      label: { x: round(left), y: round(top), width: round(width), height: round(height), lines: placeLines(edgeText.get(edge.name ?? '') ?? [], placed.x ?? 0, top + LABEL_PADDING) },
      title: edgeTitle(transition, labels),
    })
  }
  // Edges in the graph's order (dagre's is its own), so the SVG reads in the order of the table.
  const order = new Map(graph.transitions.map((transition, index) => [edgeId(transition), index]))
  edges.sort((a, b) => (order.get(a.id) ?? -1) - (order.get(b.id) ?? -1))

  const size = layout.graph()
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes, edges }
}
