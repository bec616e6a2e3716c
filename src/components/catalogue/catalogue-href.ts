/** Links into the public catalogue. */

/** Home page URL for a search and/or field filter, landing on the catalogue section. */
export function catalogueHref({ query, field, commune }: { query?: string; field?: string; commune?: string }): string {
  const params = new URLSearchParams()
  if (query) params.set('q', query)
  if (field) params.set('field', field)
  if (commune) params.set('xa', commune)
  const search = params.toString()
  return `/${search ? `?${search}` : ''}#danh-muc`
}

/** A procedure's page; the commune chosen in the catalogue (`?xa=`) comes along to the application. */
export function procedureHref(slug: string, commune?: string): string {
  return `/thu-tuc/${encodeURIComponent(slug)}${commune ? `?${new URLSearchParams({ xa: commune })}` : ''}`
}
