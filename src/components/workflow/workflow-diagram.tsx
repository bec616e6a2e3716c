import { getLocale, getTranslations } from 'next-intl/server'
import { buildWorkflowDiagram, EDGE_COLOURS, EDGE_DEFAULT_COLOUR, NODE_COLOURS, type DiagramTone } from '@/domain/workflow/workflow-diagram'
import type { WorkflowGraph } from '@/domain/workflow/workflow-graph'
import { labelOf, type WorkflowLabels } from './workflow-labels'

const TONES: DiagramTone[] = ['STOPPED', 'RUNS', 'PAUSED', 'TERMINAL']
const HIGHLIGHT = '#b91c1c'

/**
 * The workflow as an SVG drawn on the server (layout by dagre in domain/workflow/workflow-diagram.ts): no
 * client script; colours through presentation attributes (fill, stroke), never `style`. Screen readers get
 * a short description; the tables next to it carry the full content.
 */
export async function WorkflowDiagram({ id, graph, name, labels, highlightStep }: { id: string; graph: WorkflowGraph; name: string; labels: WorkflowLabels; highlightStep?: string }) {
  const [t, locale] = await Promise.all([getTranslations('Workflow.diagram'), getLocale()])
  const diagram = buildWorkflowDiagram(graph, {
    stepName: (step) => (locale === 'en' ? step.nameEn : step.nameVi),
    roleName: (role) => labelOf(labels.roles, role),
    actionName: (action) => labelOf(labels.actions, action),
    start: t('start'),
  })
  const colours = [...new Set([...Object.values(EDGE_COLOURS), EDGE_DEFAULT_COLOUR, NODE_COLOURS.STOPPED.stroke])]
  const marker = (colour: string) => `${id}-mui-ten-${colour.slice(1)}`
  const titleId = `${id}-tieu-de`
  const descriptionId = `${id}-mo-ta`
  return (
    <figure className="space-y-3">
      <div className="overflow-x-auto rounded border border-slate-200 bg-white p-2">
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descriptionId}`}
          viewBox={`0 0 ${diagram.width} ${diagram.height}`}
          width={diagram.width}
          height={diagram.height}
          className="mx-auto block h-auto max-w-full"
          fontFamily="ui-sans-serif, system-ui, sans-serif"
        >
          <title id={titleId}>{t('title')}</title>
          <desc id={descriptionId}>{t('description', { name, steps: graph.steps.length, transitions: graph.transitions.length })}</desc>
          <defs>
            {colours.map((colour) => (
              <marker key={colour} id={marker(colour)} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" fill={colour} />
              </marker>
            ))}
          </defs>
          <g>
            {diagram.edges.map((edge) => (
              <g key={edge.id}>
                <title>{edge.title}</title>
                <path d={edge.path} fill="none" stroke={edge.colour} strokeWidth={1.6} strokeDasharray={edge.dashed ? '6 4' : undefined} markerEnd={`url(#${marker(edge.colour)})`} />
              </g>
            ))}
          </g>
          <g>
            {diagram.nodes.map((node) =>
              node.kind === 'start' ? (
                <circle key={node.key} cx={node.x + node.width / 2} cy={node.y + node.height / 2} r={node.width / 2} fill={node.colours.fill}>
                  <title>{node.title}</title>
                </circle>
              ) : (
                <g key={node.key}>
                  <title>{node.title}</title>
                  {node.key === highlightStep ? (
                    <rect x={node.x - 5} y={node.y - 5} width={node.width + 10} height={node.height + 10} rx={10} fill="none" stroke={HIGHLIGHT} strokeWidth={3} />
                  ) : null}
                  <rect x={node.x} y={node.y} width={node.width} height={node.height} rx={6} fill={node.colours.fill} stroke={node.colours.stroke} strokeWidth={node.emphasis ? 3 : 1.5} />
                  {node.lines.map((line, index) => (
                    <text key={index} x={line.x} y={line.y} fontSize={line.size} fontWeight={line.bold ? 700 : 400} fill={node.colours.text} textAnchor="middle">
                      {line.text}
                    </text>
                  ))}
                </g>
              ),
            )}
          </g>
          <g>
            {diagram.edges.map((edge) =>
              edge.label ? (
                <g key={edge.id} aria-hidden="true">
                  <rect x={edge.label.x} y={edge.label.y} width={edge.label.width} height={edge.label.height} rx={3} fill="#ffffff" fillOpacity={0.92} stroke={edge.colour} strokeWidth={0.6} />
                  {edge.label.lines.map((line, index) => (
                    <text key={index} x={line.x} y={line.y} fontSize={line.size} fontWeight={line.bold ? 700 : 400} fill="#0f172a" textAnchor="middle">
                      {line.text}
                    </text>
                  ))}
                </g>
              ) : null,
            )}
          </g>
        </svg>
      </div>
      <figcaption>
        <h3 className="sr-only">{t('legend')}</h3>
        <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm text-slate-700">
          {TONES.map((tone) => (
            <li key={tone} className="flex items-center gap-2">
              <svg width="18" height="14" aria-hidden="true">
                <rect x="1" y="1" width="16" height="12" rx="2" fill={NODE_COLOURS[tone].fill} stroke={NODE_COLOURS[tone].stroke} strokeWidth="1.5" />
              </svg>
              {t(`tone.${tone}`)}
            </li>
          ))}
          {Object.entries(EDGE_COLOURS).map(([clock, colour]) => (
            <li key={clock} className="flex items-center gap-2">
              <svg width="26" height="10" aria-hidden="true">
                <line x1="1" y1="5" x2="25" y2="5" stroke={colour} strokeWidth="2" />
              </svg>
              {labelOf(labels.transitionClocks, clock)}
            </li>
          ))}
          <li className="flex items-center gap-2">
            <svg width="26" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="25" y2="5" stroke={EDGE_DEFAULT_COLOUR} strokeWidth="2" strokeDasharray="6 4" />
            </svg>
            {t('dashed')}
          </li>
          {highlightStep ? (
            <li className="flex items-center gap-2">
              <svg width="18" height="14" aria-hidden="true">
                <rect x="1.5" y="1.5" width="15" height="11" rx="3" fill="none" stroke={HIGHLIGHT} strokeWidth="2.5" />
              </svg>
              {t('current')}
            </li>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  )
}
