/** URLs of the administration pages, with their filters as query parameters (shareable, back-button safe). */

export type StaffListParams = { query?: string; role?: string; communeId?: string; status?: string; page?: number }

export function staffListHref({ query, role, communeId, status, page }: StaffListParams): string {
  const params = new URLSearchParams()
  if (query) params.set('q', query)
  if (role) params.set('role', role)
  if (communeId) params.set('commune', communeId)
  if (status) params.set('status', status)
  if (page && page > 1) params.set('page', String(page))
  const search = params.toString()
  return search ? `/quan-tri?${search}` : '/quan-tri'
}

export const staffAccountHref = (id: string) => `/quan-tri/can-bo/${id}`
export const NEW_STAFF_HREF = '/quan-tri/can-bo/moi'

export type AuditListParams = { action?: string; entityId?: string; page?: number }

export function auditLogHref({ action, entityId, page }: AuditListParams): string {
  const params = new URLSearchParams()
  if (action) params.set('action', action)
  if (entityId) params.set('entity', entityId)
  if (page && page > 1) params.set('page', String(page))
  const search = params.toString()
  return search ? `/quan-tri/nhat-ky?${search}` : '/quan-tri/nhat-ky'
}
