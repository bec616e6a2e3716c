/**
 * A page's search parameters as plain strings, the first value of each (a repeated parameter is not something a
 * payment gateway sends: its signature decides whether the rest is believed).
 */
export function firstSearchParams(query: Record<string, string | string[] | undefined>): Record<string, string> {
  const params: Record<string, string> = {}
  for (const [key, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value
    if (first !== undefined) params[key] = first
  }
  return params
}
