/** Links into the public catalogue. */

/** Home page URL for a search and/or field filter, landing on the catalogue section. */
export function catalogueHref({ query, field }: { query?: string; field?: string }): string {
  const params = new URLSearchParams()
  if (query) params.set('q', query)
  if (field) params.set('field', field)
  const search = params.toString()
  return `/${search ? `?${search}` : ''}#danh-muc`
}

/** A procedure's page. */
export function procedureHref(slug: string): string {
  return `/thu-tuc/${encodeURIComponent(slug)}`
}
