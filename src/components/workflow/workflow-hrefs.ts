/** URLs of the workflow administration pages. */
export const WORKFLOWS_HREF = '/quan-tri/quy-trinh'
export const workflowVersionHref = (id: string) => `${WORKFLOWS_HREF}/${id}`
export const workflowEditHref = (id: string) => `${WORKFLOWS_HREF}/${id}/sua`
export const workflowPublishHref = (id: string) => `${WORKFLOWS_HREF}/${id}/cong-bo`

export type SandboxParams = { procedure?: string; days?: number; start?: string; moves?: readonly unknown[] }

/** The sandbox with its whole state in the address (settings and the moves so far). */
export function workflowSandboxHref(id: string, { procedure, days, start, moves }: SandboxParams = {}): string {
  const params = new URLSearchParams()
  if (procedure) params.set('procedure', procedure)
  if (days) params.set('days', String(days))
  if (start) params.set('start', start)
  if (moves && moves.length > 0) params.set('moves', JSON.stringify(moves))
  const search = params.toString()
  return `${WORKFLOWS_HREF}/${id}/thu-nghiem${search ? `?${search}` : ''}`
}
